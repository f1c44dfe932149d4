"""Every Arabic data file under marsad/lang/ar is clean: NFC, no presentation forms, no tatweel,
no duplicates, and stable under our own normalization."""

from __future__ import annotations

import unicodedata
from importlib import resources
from typing import Any

import pytest
import yaml

from marsad.text.normalize import normalize_text

LANG_DIR = resources.files("marsad.lang").joinpath("ar")
DATA_FILES = sorted(
    p.name for p in LANG_DIR.iterdir() if p.name.endswith((".txt", ".yaml", ".tsv"))
)


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(k) + _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _entries(name: str) -> list[str]:
    raw = LANG_DIR.joinpath(name).read_text(encoding="utf-8")
    if name.endswith(".yaml"):
        return _strings(yaml.safe_load(raw))
    lines = [line.split("#", 1)[0].strip() for line in raw.splitlines()]
    if name.endswith(".tsv"):
        return [cell for line in lines if line for cell in line.split("\t")]
    return [line for line in lines if line]


def test_there_are_data_files() -> None:
    assert "abbreviations.txt" in DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_entries_are_clean(name: str) -> None:
    for entry in _entries(name):
        assert unicodedata.normalize("NFC", entry) == entry, f"{name}: {entry!r} is not NFC"
        assert "\u0640" not in entry, f"{name}: {entry!r} has a tatweel"
        bad = [ch for ch in entry if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF]
        assert not bad, f"{name}: {entry!r} has presentation forms {bad}"


@pytest.mark.parametrize("name", [n for n in DATA_FILES if n.endswith(".txt")])
def test_lists_have_no_duplicates(name: str) -> None:
    entries = _entries(name)
    seen: set[str] = set()
    dupes = [e for e in entries if e in seen or seen.add(e)]  # type: ignore[func-returns-value]
    assert not dupes, f"{name}: duplicate entries {dupes}"


@pytest.mark.parametrize("name", DATA_FILES)
def test_normalization_is_stable_on_entries(name: str) -> None:
    for entry in _entries(name):
        once = normalize_text(entry)
        assert normalize_text(once) == once, f"{name}: {entry!r} is not stable under normalize"
