"""Language data: lexicons live in data files under ``marsad/lang/<code>/``, not in code.

Formats:
  * ``*.txt``  one entry a line; ``#`` starts a comment; blank lines are skipped
  * ``*.yaml`` any structure the stage that reads it documents in the file's header
Every entry is written in NFC without tatweel or presentation forms; the tests check that each
list is stable under :func:`marsad.text.normalize_text` where a stage matches on it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


def data_path(name: str, lang: str = "ar") -> Any:
    """The packaged data file ``marsad/lang/<lang>/<name>`` (a Traversable)."""
    return resources.files("marsad.lang").joinpath(lang, name)


@cache
def load_list(name: str, lang: str = "ar") -> tuple[str, ...]:
    """Entries of a one-per-line list, comments and blank lines removed, in file order."""
    text = data_path(name, lang).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def load_yaml(name: str, lang: str = "ar") -> Any:
    """A YAML data file, parsed once per process."""
    return yaml.safe_load(data_path(name, lang).read_text(encoding="utf-8"))
