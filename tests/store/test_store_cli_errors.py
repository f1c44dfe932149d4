"""Errors a first-time user meets: one clear line naming the bad value and the fix, the documented
exit code, no traceback, and nothing created or lost on the way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from marsad.cli import main

SENTENCE = "أعلنت وزارة الفلاحة يوم الخميس عن خطة جديدة لدعم صغار المزارعين في ولاية القيروان."


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _db(tmp_path: Path) -> str:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE, "utf-8")
    db = str(tmp_path / "m.db")
    result = run("ingest", str(tmp_path / "in"), "--db", db, "--no-watch")
    assert result.exit_code == 0, result.output
    return db


def test_ingest_of_missing_paths_creates_no_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = run("ingest", str(tmp_path / "nope"), str(tmp_path / "nope2"), "--db", str(db))
    assert result.exit_code == 3
    assert "no such file or folder" in result.output and "nope2" in result.output
    assert "Traceback" not in result.output
    assert not db.exists()


def test_ingest_binary_file_does_not_suggest_ingest(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00binary")
    result = run("ingest", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "m.db"))
    assert result.exit_code == 3
    assert "NUL byte" in result.output
    assert "use 'marsad ingest'" not in result.output
    assert "1 input could not be stored" in result.output
    assert "from 1 file in" in result.output


def test_report_in_a_missing_folder_is_refused_before_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, "utf-8")
    db = tmp_path / "m.db"
    result = run("ingest", str(tmp_path / "a.txt"), "--db", str(db), "--report", str(tmp_path / "no" / "r.jsonl"))
    assert result.exit_code == 4
    assert "--report" in result.output and "does not exist" in result.output
    assert not db.exists()


def test_bad_dates_name_the_option(tmp_path: Path) -> None:
    db = _db(tmp_path)
    for command in (("search", "الفلاحة"), ("events",)):
        result = run(*command, "--db", db, "--from", "2017-02-30")
        assert result.exit_code == 4, result.output
        assert "--from '2017-02-30' is not a date" in result.output
        assert "publication date" not in result.output
        result = run(*command, "--db", db, "--to", "أمس")
        assert result.exit_code == 4 and "--to 'أمس' is not a date" in result.output


def test_output_file_in_a_missing_folder_is_one_line_not_a_bug(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = run("network", "--db", db, "--format", "csv", "-o", str(tmp_path / "no" / "net.csv"))
    assert result.exit_code == 4, result.output
    assert "-o " in result.output and "does not exist" in result.output
    assert "internal error" not in result.output


def test_export_keeps_the_old_file_when_an_input_is_bad(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("earlier export\n", "utf-8")
    (tmp_path / "a.txt").write_text(SENTENCE, "utf-8")
    result = run("export", "events", str(tmp_path / "a.txt"), "-o", str(out))
    assert result.exit_code == 3
    assert out.read_text("utf-8") == "earlier export\n"
    missing = run("export", "events", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "x.jsonl"))
    assert missing.exit_code == 4 and "does not exist" in missing.output


def test_export_writes_the_file_when_inputs_are_good(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("اعتقلت الشرطة التونسية خمسة أشخاص في صفاقس يوم الأحد.", "utf-8")
    analyzed = CliRunner().invoke(main, ["analyze", str(tmp_path / "a.txt")])
    assert analyzed.exit_code == 0, analyzed.output
    (tmp_path / "a.json").write_text(analyzed.stdout, "utf-8")
    out = tmp_path / "events.jsonl"
    result = run("export", "events", str(tmp_path / "a.json"), "-o", str(out))
    assert result.exit_code == 0, result.output
    for line in out.read_text("utf-8").splitlines():
        assert json.loads(line)["cameo"]


def test_search_takes_several_words_and_a_leading_exclusion(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SENTENCE, "utf-8")
    (tmp_path / "in" / "b.txt").write_text("تابع مسؤولو الفلاحة في سوسة موسم الزيتون.", "utf-8")
    db = str(tmp_path / "m.db")
    assert run("ingest", str(tmp_path / "in"), "--db", db, "--no-watch").exit_code == 0
    both = run("search", "خطة", "الفلاحة", "--db", db, "--format", "json")
    assert both.exit_code == 0, both.output
    assert len(both.output.splitlines()) == 1  # both words, in a.txt only
    excluded = run("search", "الفلاحة", "-القيروان", "--db", db, "--format", "json")
    assert excluded.exit_code == 0, excluded.output
    assert len(excluded.output.splitlines()) == 1 and "سوسة" in excluded.output
    assert "القيروان" not in excluded.output
    typo = run("search", "الفلاحة", "--fro", "2024-01-01", "--db", db)
    assert typo.exit_code == 2 and "no such option: --fro" in typo.output


_PAGE = ('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}<title>{title}</title></head>'
         '<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>')


def test_html_without_a_readable_date_gets_none_not_new_year(tmp_path: Path) -> None:
    """A page whose only date is «12 مارس 2024» in the text must not be dated 2024-01-01."""
    body = ("صفاقس، 12 مارس 2024 — افتتح والي صفاقس يوم الثلاثاء معرضا للصناعات التقليدية "
            "بمشاركة أكثر من مئة حرفي من مختلف الجهات.")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "no-meta.html").write_text(_PAGE.format(head="", title="معرض للحرف", body=body), "utf-8")
    meta = '<meta property="article:published_time" content="2024-03-12T09:00:00+01:00">'
    (tmp_path / "in" / "meta.html").write_text(
        _PAGE.format(head=meta, title="معرض للحرف في صفاقس", body=body.replace("معرضا", "معرضا كبيرا")), "utf-8")
    db = str(tmp_path / "m.db")
    result = run("ingest", str(tmp_path / "in"), "--db", db, "--no-watch")
    assert result.exit_code == 0, result.output
    hits = run("search", "الصناعات", "التقليدية", "--db", db, "--format", "json")
    dates = {json.loads(line)["title"]: json.loads(line)["published"] for line in hits.output.splitlines()}
    assert dates == {"معرض للحرف": None, "معرض للحرف في صفاقس": "2024-03-12"}


def test_reanalyze_with_nothing_outdated_says_so(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = run("reanalyze", "--db", db, "--no-watch")
    assert result.exit_code == 0, result.output
    assert "nothing to analyze again" in result.output and "--all" in result.output
    again = run("reanalyze", "--db", db, "--all", "--no-watch")
    assert again.exit_code == 0 and "1 of 1 articles analyzed again" in again.output


def test_migrate_and_ingest_agree_on_a_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, "utf-8")
    target = str(tmp_path / "no" / "m.db")
    for args in (("migrate",), ("ingest", str(tmp_path / "a.txt"))):
        result = run(*args, "--db", target)
        assert result.exit_code == 6, (args, result.output)
        assert f"the folder {tmp_path / 'no'} does not exist" in result.output


def test_search_names_an_outlet_or_entity_the_store_does_not_have(tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text(
        json.dumps({"id": "x1", "source": "إذاعة الساحل", "title": "أمطار غزيرة",
                    "text": "تهاطلت أمطار غزيرة على مدينة سوسة ليلة السبت وأغلقت عدة طرقات."}, ensure_ascii=False)
        + "\n", "utf-8")
    db = str(tmp_path / "m.db")
    assert run("ingest", str(tmp_path / "s.jsonl"), "--db", db, "--no-watch").exit_code == 0
    result = run("search", "أمطار", "--source", "إذاعة", "--db", db)
    assert result.exit_code == 4 and "no outlet 'إذاعة' in the store: give one of إذاعة الساحل" in result.output
    result = run("search", "أمطار", "--entity", "نابل", "--db", db)
    assert result.exit_code == 4 and "no entity 'نابل'" in result.output
    found = run("search", "أمطار", "--source", "إذاعة  الساحل", "--db", db, "--format", "json")
    assert found.exit_code == 0 and json.loads(found.output)["id"] == "x1"
    nothing = run("search", "ثلوج", "--source", "إذاعة الساحل", "--db", db)
    assert nothing.exit_code == 0 and "(nothing found)" in nothing.output  # a known outlet: just no match


def test_ingest_limit_reads_a_slice_and_a_later_run_goes_on(tmp_path: Path) -> None:
    towns = ["سوسة", "صفاقس", "قابس", "بنزرت", "نابل", "القيروان", "توزر"]
    lines = [json.dumps({"id": f"t{i}", "title": f"سوق أسبوعية في {t}",
                         "text": f"افتتحت بلدية {t} سوقا أسبوعية جديدة للخضر والغلال يوم {i + 1} من الشهر."},
                        ensure_ascii=False) for i, t in enumerate(towns)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    db = str(tmp_path / "m.db")
    first = run("ingest", str(tmp_path / "c.jsonl"), "--limit", "3", "--db", db, "--format", "json")
    assert first.exit_code == 0, first.output
    assert (json.loads(first.output)["items"], json.loads(first.output)["new"]) == (3, 3)
    rest = run("ingest", str(tmp_path / "c.jsonl"), "--db", db, "--format", "json")
    summary = json.loads(rest.output)
    assert (summary["new"], summary["unchanged"]) == (4, 3)
