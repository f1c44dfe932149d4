"""The CAMEO code table: every code marsad may emit, its English label and PLOVER category.

Two data files beside this module: ``cameo_plover.tsv`` (generated from the CAMEO-to-PLOVER
table by tools/build_cameo_table.py; CC BY-SA 4.0, see NOTICE) and ``cameo_extra.tsv`` (the
roots 01 and 02, written here).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from marsad.errors import ConfigError

FILES = ("cameo_plover.tsv", "cameo_extra.tsv")


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    label: str
    plover: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@cache
def table() -> dict[str, Code]:
    """Code → :class:`Code`, for every code of both files."""
    codes: dict[str, Code] = {}
    for name in FILES:
        text = resources.files("marsad.extract.events").joinpath(name).read_text(encoding="utf-8")
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [*line.rstrip("\n").split("\t"), "", "", ""]
            code, label = cells[0].strip(), cells[1].strip()
            if not code.isdigit() or not label:
                raise ConfigError(f"{name}, line {n}: expected 'code<TAB>label[<TAB>plover…]', got {line!r}")
            codes.setdefault(code, Code(code, label, cells[2].strip() or None, cells[3].strip() or None,
                                        cells[4].strip() or None))
    return codes


def lookup(code: str) -> Code:
    """The table entry of ``code``; raises ConfigError naming the code when it is unknown."""
    entry = table().get(code)
    if entry is None:
        raise ConfigError(
            f"unknown CAMEO code '{code}': use a code of marsad/extract/events/cameo_*.tsv "
            "(e.g. 042 make a visit, 057 sign formal agreement)"
        )
    return entry


def label(code: str) -> str:
    return lookup(code).label


def plover(code: str) -> str | None:
    return lookup(code).plover
