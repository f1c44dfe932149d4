"""The analysis contract: the validator itself, and real output checked with it."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

import marsad
from marsad.contract import problems, valid_timex

SEED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed" / "000_90891a1368017b44.txt"

TEXT = "وصل وزير الخارجية إلى بنغازي أمس."
GOOD = {
    "schema": "marsad.analysis/1",
    "document": {"id": "x", "title": None, "published": None, "language": "ar", "source": None, "length": len(TEXT)},
    "entities": [
        {"id": "E1", "type": "GPE", "subtype": None, "name": "بنغازي", "name_en": "Benghazi", "kb_id": "benghazi",
         "roles": [], "mentions": [{"start": 22, "end": 28, "text": "بنغازي"}]}
    ],
    "times": [{"start": 29, "end": 32, "text": "أمس", "type": "DATE", "value": "PAST_REF", "anchor": "publication_date"}],
    "events": [{"id": "V1", "code": "042", "label": "make a visit", "source": None, "target": None,
                "location": "E1", "date": None, "evidence": {"start": 0, "end": 33}, "confidence": 0.7}],
    "quotes": [],
    "indicators": [],
    "hypotheses": [],
}


def test_a_valid_analysis_has_no_problems() -> None:
    assert problems(GOOD, TEXT) == []


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        (("entities", 0, "mentions", 0, "start"), 21, "is not the slice"),
        (("entities", 0, "type"), "CITY", "is not one of"),
        (("times", 0, "value"), "yesterday", "TIMEX3"),
        (("times", 0, "end"), 99, "outside the text"),
        (("events", 0, "location"), "E9", "not an entity id"),
        (("events", 0, "confidence"), 1.5, "confidence"),
        (("document", "length"), 3, "document.length"),
        (("schema",), "marsad.analysis/0", "schema"),
    ],
)
def test_the_validator_catches_each_departure(path: tuple[object, ...], value: object, words: str) -> None:
    broken = copy.deepcopy(GOOD)
    node: object = broken
    for key in path[:-1]:
        node = node[key]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]
    found = problems(broken, TEXT)
    assert any(words in p for p in found), found


@pytest.mark.parametrize("value", ["2025-12-17", "2025-07", "2021", "2025-W51", "PRESENT_REF", "P3D", "PT2H",
                                   "XXXX-07-19", "2025-12-17T10:30", "2017-01-19TEV", "XXXX-XX-XXTMI", "2017-W06-WE", "P1W",
                                   "199X"])
def test_timex_values(value: str) -> None:
    assert valid_timex(value)


@pytest.mark.parametrize("value", ["2025-13", "2025-12-32", "yesterday", "", "17/12/2025", "P", "2025-12-17T", "2025-12-17TXY"])
def test_not_timex_values(value: str) -> None:
    assert not valid_timex(value)


def test_analyze_output_is_valid_on_our_own_text() -> None:
    text = "عنوان\nقال وزيرُ الخارجية ـ في تصريح لـ\"الصباح\" ـ إن الوفد وصل إلى تونس يوم 17 جانفي 2017.\n"
    d = marsad.analyze(text, published="2017-01-18").to_dict()
    assert problems(d, text) == []


@pytest.mark.skipif(not SEED.exists(), reason=f"the seed article is not at {SEED}")
def test_seed_analysis_is_valid_and_every_span_slices_the_original() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "analyze", str(SEED), "--format", "json"],
        capture_output=True, timeout=120,
    )
    assert r.returncode == 0, r.stderr.decode()
    d = json.loads(r.stdout)
    text = SEED.read_text(encoding="utf-8")
    assert problems(d, text) == []
