"""The time-expression development set (eval/dev/times) and the tool that builds it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "eval" / "dev" / "times"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("annotate_times", ROOT / "tools" / "annotate_times.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["annotate_times"] = mod
    spec.loader.exec_module(mod)
    return mod


at = _load_tool()
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))


# ---------------------------------------------------------------- TIMEX3 validation


@pytest.mark.parametrize(
    ("type_", "value"),
    [
        ("DATE", "2017-01-18"), ("DATE", "2017-01"), ("DATE", "2017"), ("DATE", "2017-W03"),
        ("DATE", "2017-W06-WE"), ("DATE", "PRESENT_REF"), ("DATE", "XXXX-07-19"), ("DATE", "2016-Q4"),
        ("DATE", "2016-H1"), ("DATE", "2017-SU"), ("DATE", "197"), ("DATE", "2016-02-29"),
        ("TIME", "2017-01-18T10:00"), ("TIME", "2017-01-19TEV"), ("TIME", "XXXX-XX-XXT14:55"),
        ("DURATION", "P3D"), ("DURATION", "PT2H"), ("DURATION", "P1Y"), ("DURATION", "PXY"),
        ("DURATION", "PT44M"), ("SET", "P1W"), ("SET", "XXXX-WXX-1"),
    ],
)
def test_valid_values(type_: str, value: str) -> None:
    assert at.valid_value(type_, value)


@pytest.mark.parametrize(
    ("type_", "value"),
    [
        ("DATE", "2017-02-29"), ("DATE", "2017-13"), ("DATE", "2017-02-31"), ("DATE", "2017-W54"),
        ("DATE", "17/12/2016"), ("DATE", "P3D"), ("DATE", "2017-01-18T10:00"), ("TIME", "2017-01-18"),
        ("TIME", "2017-01-18T25:00"), ("DURATION", "P"), ("DURATION", "PT"), ("DURATION", "3D"),
        ("SET", "2017-01-18"), ("FOO", "2017"),
    ],
)
def test_invalid_values(type_: str, value: str) -> None:
    assert not at.valid_value(type_, value)


# ---------------------------------------------------------------- notes -> offsets

TEXT = "أعلن مصباح اليوم الأحد 5 مارس 2017 أن الاجتماع سيعقد يوم 12 مارس المقبل على الساعة العاشرة، واليوم عطلة."


def _item(line: str) -> dict:
    item = at.parse_line(line)
    item["where"] = "test"
    return item


def test_make_time_offsets_slice_to_the_surface() -> None:
    t = at.make_time(TEXT, _item("يوم 12 مارس المقبل | 2017-03-12 | DATE | rel"))
    assert TEXT[t["start"]:t["end"]] == "يوم 12 مارس المقبل"
    assert t["anchor"] == "publication_date" and t["relative"] is True and t["required"] is True


def test_bracketed_context_selects_the_span() -> None:
    t = at.make_time(TEXT, _item("على [الساعة العاشرة] | 2017-03-12T10:00 | TIME | nar"))
    assert TEXT[t["start"]:t["end"]] == "الساعة العاشرة"
    assert t["anchor"] == "narrative"


def test_span_inside_a_word_is_refused_and_a_proclitic_is_allowed() -> None:
    # «حد 5» starts inside «الأحد»; the second «اليوم» carries the proclitic و
    with pytest.raises(at.NotesError):
        at.make_time(TEXT, _item("حد 5 | XXXX-03-05 | DATE"))
    t = at.make_time(TEXT, _item("اليوم#2 | 2017-03-05 | DATE | rel"))
    assert TEXT[t["start"] - 1] == "و"


def test_a_space_in_the_surface_matches_any_run_of_spaces() -> None:
    text = "شهر رمضان\u00a0لسنة 1438 ثم شهر  رمضان"
    assert at.occurrences(text, "شهر رمضان لسنة") == [(0, 14)]
    assert len(at.occurrences(text, "شهر رمضان")) == 2


def test_weekday_must_agree_with_the_date() -> None:
    with pytest.raises(at.NotesError, match="weekday"):
        at.make_time(TEXT, _item("اليوم الأحد 5 مارس 2017 | 2017-03-06 | DATE"))
    t = at.make_time(TEXT, _item("اليوم الأحد 5 مارس 2017 | 2017-03-05 | DATE"))
    assert t["value"] == "2017-03-05"


def test_missing_occurrence_and_bad_value_are_errors() -> None:
    with pytest.raises(at.NotesError, match="occurrence"):
        at.make_time(TEXT, _item("اليوم#3 | 2017-03-05 | DATE"))
    with pytest.raises(at.NotesError, match="TIMEX3"):
        at.make_time(TEXT, _item("يوم 12 مارس المقبل | 2017-02-30 | DATE"))


def test_overlapping_times_are_reported() -> None:
    a = {"start": 0, "end": 5, "type": "DATE", "value": "2017", "anchor": "absolute", "relative": False}
    b = dict(a, start=3, end=8)
    assert any("overlapping" in p for p in at.check_times([a, b], 100))


def test_published_dates_are_read_as_written() -> None:
    assert at.published_iso("2017-01-20T23:43:00+01:00") == "2017-01-20"
    assert at.published_iso("09/06/2016") == "2016-06-09"


# ---------------------------------------------------------------- the gold files


def test_the_dev_set_is_large_enough() -> None:
    times = [t for p in GOLD_FILES for t in json.loads(p.read_text(encoding="utf-8"))["times"]]
    assert len(GOLD_FILES) >= 40
    assert len(times) >= 200
    assert sum(t["relative"] for t in times) >= 50


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed_and_holds_no_article_text(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert at.check_gold_file(path, None) == []
    assert gold["corpus"] == at.CORPUS_NAME
    assert at.published_iso(gold["published"]) == gold["published"]
    for t in gold["times"]:
        assert set(t) <= {"start", "end", "type", "value", "required", "relative", "anchor", "hijri", "note"}
        if "note" in t:  # notes are English: no Arabic letters (no article text)
            assert not any("\u0600" <= ch <= "\u06ff" for ch in t["note"]), t["note"]


@pytest.mark.slow
def test_gold_offsets_against_the_corpus() -> None:
    if not at.CORPUS.exists():
        pytest.skip(f"the corpus {at.CORPUS} is not here (set MARSAD_SHARED)")
    recs = at.load_corpus(p.stem for p in GOLD_FILES)
    problems = []
    for p in GOLD_FILES:
        rec = recs.get(p.stem)
        if rec is None:
            problems.append(f"{p.stem}: not in the corpus")
            continue
        problems += at.check_gold_file(p, rec)
        text = rec["text"]
        for t in json.loads(p.read_text(encoding="utf-8"))["times"]:
            if not text[t["start"]:t["end"]].strip():
                problems.append(f"{p.stem}: empty span at {t['start']}")
    assert problems == []
