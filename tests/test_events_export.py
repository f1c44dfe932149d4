"""Exports of events: PLOVER-style JSON lines, an ACLED-like CSV, and `marsad export events`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.analysis import Analysis
from marsad.cli import main
from marsad.contract import problems
from marsad.errors import InputError
from marsad.extract.events.export import ACLED_COLUMNS, acled_type, export_string, read_analyses
from tests.events_support import analyze

SENTENCES = [
    ("استقبل الرئيس قيس سعيد وزير الخارجية الجزائري أحمد عطاف في قصر قرطاج يوم الاثنين.", "043"),
    ("لم يلتق الرئيس قيس سعيد بوزير الخارجية الجزائري أحمد عطاف.", None),
    ("وقال أحمد عطاف إن الجزائر لن تتخلى عن تونس.", None),
    ("قصف الجيش الجزائري مواقع مسلحين قرب الحدود التونسية.", "19"),
    ("ما ينبغي مراقبته هو ما إذا كانت الجزائر ستفتح الحدود.", None),
]
ENTITIES = [("قيس سعيد", "PERSON"), ("أحمد عطاف", "PERSON"), ("قصر قرطاج", "FAC"), ("الجيش الجزائري", "ORG"),
            ("الجزائر", "GPE")]


def analysis_of(text: str) -> dict[str, object]:
    times = [("يوم الاثنين", "2024-05-06")] if "يوم الاثنين" in text else []
    doc = analyze(text, ENTITIES, times, require=False)
    doc.source = "test"
    return Analysis(doc).to_dict()


def test_plover_records() -> None:
    a = analysis_of(SENTENCES[0][0] + " " + SENTENCES[1][0])
    recs = [json.loads(line) for line in export_string([a], "plover").splitlines()]
    assert len(recs) == 1, "only the event that happened"
    r = recs[0]
    assert r["cameo"] == "043" and r["event"] == "CONSULT" and r["mode"] == "visit"
    assert r["actor"] == "قيس سعيد" and r["recipient"] == "أحمد عطاف"
    assert r["location"]["name"] == "قصر قرطاج"
    assert r["date"] == "2024-05-06"
    assert r["modality"] == "asserted"
    assert "استقبل" in r["text"]
    assert r["source_document"]["source"] == "test"
    every = [json.loads(line) for line in export_string([a], "plover", modes=None).splitlines()]
    assert {x["modality"] for x in every} == {"asserted", "negated"}


def test_acled_csv() -> None:
    a = analysis_of(SENTENCES[0][0] + " " + SENTENCES[3][0])
    rows = list(csv.DictReader(io.StringIO(export_string([a], "acled"))))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    by_code = {r["cameo_code"][:2]: r for r in rows}
    assert by_code["04"]["event_date"] == "2024-05-06" and by_code["04"]["time_precision"] == "1"
    assert by_code["04"]["actor1"] == "قيس سعيد"
    assert by_code["19"]["event_type"] in ("Battles", "Explosions/Remote violence")
    assert acled_type("145") == ("Riots", "Violent demonstration")
    assert acled_type("1831") == ("Explosions/Remote violence", "Suicide bomb")
    assert acled_type("010")[0] == "Strategic developments"


def test_reading_json_lists_and_json_lines(tmp_path: Path) -> None:
    a, b = analysis_of(SENTENCES[0][0]), analysis_of(SENTENCES[3][0])
    (tmp_path / "one.json").write_text(json.dumps([a, b], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    assert len(list(read_analyses([tmp_path / "one.json"]))) == 2
    assert len(list(read_analyses([tmp_path / "two.jsonl"]))) == 2
    (tmp_path / "bad.jsonl").write_text(json.dumps(a) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl, line 2"):
        list(read_analyses([tmp_path / "bad.jsonl"]))
    (tmp_path / "other.json").write_text('{"schema": "marsad.gold/1"}', encoding="utf-8")
    with pytest.raises(InputError, match="not an analysis"):
        list(read_analyses([tmp_path / "other.json"]))


def test_cli_export_events(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        "\n".join(json.dumps(analysis_of(s)) for s, _ in SENTENCES) + "\n", encoding="utf-8"
    )
    runner = CliRunner()
    res = runner.invoke(main, ["export", "events", str(path)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert {x["cameo"][:2] for x in lines} >= {"04", "19"}
    out = tmp_path / "events.csv"
    res = runner.invoke(main, ["export", "events", str(path), "--format", "acled", "-o", str(out)])
    assert res.exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("event_id_cnty,event_date")
    res = runner.invoke(main, ["export", "events", str(tmp_path / "missing.json")])
    assert res.exit_code == 3 and "no such file" in res.output


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([s for s, _ in SENTENCES]), min_size=1, max_size=5))
def test_any_mix_of_sentences_gives_a_valid_analysis(parts: list[str]) -> None:
    text = " ".join(parts)
    a = analysis_of(text)
    assert problems(a, text) == []
    for key in ("events", "quotes", "citations"):
        for item in a[key]:  # type: ignore[attr-defined]
            span = item.get("evidence") or item
            assert 0 <= span["start"] <= span["end"] <= len(text)
