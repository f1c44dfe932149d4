"""The corpus commands end to end: ingest, search, entities, events, timeline, quotes, reanalyze,
migrate; formats; errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from store_builders import add, analysis, entity, event, quote, write_jsonl

from marsad.cli import main
from marsad.store import open_store
from marsad.store.migrations import LATEST


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, list(args), env=env)


@pytest.fixture
def db(store_url: str, tmp_path: Path) -> str:
    """A store with generated articles and one hand-written analysis with entities and events."""
    write_jsonl(tmp_path / "s.jsonl", 20)
    assert run("ingest", str(tmp_path / "s.jsonl"), "--db", store_url).exit_code == 0
    store = open_store(store_url, write=True)
    text = "استقبل رئيس الحكومة وفدا من البنك الدولي، وقال رئيس الحكومة إن «الإصلاحات ستتواصل»."
    ents = [entity(text, "E1", "PERSON", "رئيس الحكومة", ["رئيس الحكومة"]),
            entity(text, "E2", "ORG", "البنك الدولي", ["البنك الدولي"], name_en="World Bank")]
    evs = [event(text, "V1", "043", "host a visit", "استقبل رئيس الحكومة وفدا", source="E1", target="E2",
                 date="2024-05-03")]
    qs = [quote(text, "الإصلاحات ستتواصل", "E1")]
    add(store, "pm", text, published="2024-05-03", source="وكالة",
        result=analysis(text, uid="pm", published="2024-05-03", entities=ents, events=evs, quotes=qs))
    store.close()
    return store_url


def test_ingest_summary_and_rerun(store_url: str, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "s.jsonl", 8, duplicates=1)
    first = run("ingest", str(tmp_path / "s.jsonl"), "--db", store_url)
    assert first.exit_code == 0, first.output
    assert "8 new, 1 duplicate, 0 near-duplicate" in first.output
    again = run("ingest", str(tmp_path / "s.jsonl"), "--db", store_url, "--format", "json")
    summary = json.loads(again.output)
    assert (summary["new"], summary["unchanged"], summary["failures"]) == (0, 9, [])


def test_ingest_reports_failures_with_exit_3(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("عقدت الهيئة المستقلة للانتخابات ندوة صحفية لتقديم الرزنامة.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary\x00")
    report = tmp_path / "failed.jsonl"
    db = str(tmp_path / "m.db")
    result = run("ingest", str(tmp_path), "--db", db, "--report", str(report))
    assert result.exit_code == 3
    assert "1 new" in result.output and "bad.txt" in result.output
    lines = [json.loads(line) for line in report.read_text("utf-8").splitlines()]
    assert len(lines) == 1 and lines[0]["path"].endswith("bad.txt") and lines[0]["reason"]


def test_search_formats(db: str) -> None:
    table = run("search", "رئيس الحكومة", "--db", db)
    assert table.exit_code == 0, table.output
    assert "[رئيس الحكومة]" in table.output and "1." in table.output
    lines = run("search", "رئيس الحكومة", "--db", db, "--format", "json").output.splitlines()
    hit = json.loads(lines[0])
    assert hit["id"] == "pm" and hit["source"] == "وكالة" and "[رئيس الحكومة]" in hit["snippet"]
    rows = list(csv.reader(io.StringIO(run("search", "الحكومة", "--db", db, "--format", "csv").output)))
    assert rows[0][:3] == ["id", "score", "published"] and rows[1][0] == "pm"
    filtered = run("search", "الحكومة", "--db", db, "--entity", "World Bank", "--code", "04", "--from", "2024-05-01",
                   "--to", "2024-05-31", "--source", "وكالة", "--format", "json")
    assert [json.loads(x)["id"] for x in filtered.output.splitlines()] == ["pm"]
    nothing = run("search", "طائرة", "--db", db)
    assert nothing.exit_code == 0 and "nothing found" in nothing.output


def test_entities_events_timeline_quotes(db: str) -> None:
    # the generated articles were analyzed by the real pipeline: its entities are there too
    ents = [json.loads(x) for x in run("entities", "--db", db, "--top", "500", "--format", "json").output.splitlines()]
    assert {"رئيس الحكومة", "البنك الدولي"} <= {e["name"] for e in ents}
    orgs = [json.loads(x) for x in run("entities", "--db", db, "--type", "org", "--top", "500", "--format", "json")
            .output.splitlines()]
    assert "البنك الدولي" in {e["name"] for e in orgs} and {e["type"] for e in orgs} == {"ORG"}
    assert "رئيس الحكومة" not in {e["name"] for e in orgs}
    table = run("entities", "--db", db, "--top", "1")
    assert table.output.splitlines()[0].split()[:2] == ["name", "type"] and len(table.output.splitlines()) == 3
    evs = [json.loads(x) for x in run("events", "--db", db, "--actor", "البنك الدولي", "--code", "04", "--from",
                                       "2024-05-01", "--format", "json").output.splitlines()]
    assert [(e["code"], e["source"], e["target"], e["article"]) for e in evs] == [
        ("043", "رئيس الحكومة", "البنك الدولي", "pm")]
    assert run("events", "--db", db, "--code", "19", "--format", "json").output == ""
    line = [json.loads(x) for x in run("timeline", "رئيس الحكومة", "--db", db, "--format", "json").output.splitlines()]
    assert line[0]["date"] == "2024-05-03" and line[0]["articles"][0]["id"] == "pm"
    csv_line = run("timeline", "رئيس الحكومة", "--db", db, "--format", "csv").output.splitlines()
    assert csv_line[0] == "date,code,label,source,target,location,articles" and csv_line[1].endswith(",pm")
    qs = [json.loads(x) for x in run("quotes", "--db", db, "--speaker", "رئيس الحكومة", "--format", "json")
          .output.splitlines()]
    assert [q["text"] for q in qs] == ["الإصلاحات ستتواصل"]


def test_reanalyze_and_migrate(db: str) -> None:
    result = run("reanalyze", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["reanalyzed"] == 1  # the hand-written analysis was outdated
    assert json.loads(run("reanalyze", "--db", db, "--format", "json").output)["articles"] == 0
    assert f"schema version {LATEST}" in run("migrate", "--db", db).output


def test_db_from_environment(db: str) -> None:
    result = run("search", "الحكومة", "--format", "json", env={"MARSAD_DB": db})
    assert json.loads(result.output.splitlines()[0])["id"] == "pm"


def test_errors_and_exit_codes(tmp_path: Path) -> None:
    missing = run("search", "تونس", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 6 and "no database at" in missing.output
    made = str(tmp_path / "m.db")
    assert run("migrate", "--db", made).exit_code == 0
    bad_date = run("search", "تونس", "--db", made, "--from", "امس")
    assert bad_date.exit_code == 4 and "date" in bad_date.output
    bad_code = run("events", "--db", made, "--code", "visit")
    assert bad_code.exit_code == 4 and "CAMEO" in bad_code.output
    stop = run("search", "في", "--db", made)
    assert stop.exit_code == 4 and "no word" in stop.output
    url = run("search", "تونس", "--db", "mongodb://x")
    assert url.exit_code == 6 and "unknown database URL" in url.output
