"""'marsad analyze page.html' reads the page's main text, title and date, as ingest does, instead of
analyzing the markup as if it were the article."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import main

_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta property="article:published_time" content="2023-10-02T08:00:00+01:00">
<title>{title}</title><script>var x = "<p>ليس نصا</p>";</script></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav><article><h1>{title}</h1>
<p>{body}</p><p>{body2}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def _write(tmp_path: Path, name: str = "page.html") -> Path:
    page = _PAGE.format(
        title="وزير الصحة يزور مستشفى قابس",
        body="زار وزير الصحة التونسي يوم الاثنين المستشفى الجهوي بقابس واطلع على سير العمل في قسم الاستعجالي.",
        body2="وأعلن الوزير عن تخصيص اعتمادات إضافية لاقتناء معدات طبية جديدة قبل نهاية السنة.",
    )
    p = tmp_path / name
    p.write_text(page, "utf-8")
    return p


def test_analyze_html_reads_the_main_text_title_and_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(_write(tmp_path))])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["document"]["title"] == "وزير الصحة يزور مستشفى قابس"
    assert doc["document"]["published"].startswith("2023-10-02")
    dumped = json.dumps(doc, ensure_ascii=False)
    assert "<p>" not in dumped and "DOCTYPE" not in dumped and "الحقوق محفوظة" not in dumped
    assert doc["document"]["length"] < 300  # the two paragraphs (and perhaps the title), not the markup


def test_options_win_over_the_page_and_a_page_without_text_fails(tmp_path: Path) -> None:
    page = _write(tmp_path)
    result = CliRunner().invoke(main, ["analyze", str(page), "--published", "2023-10-05", "--title", "عنوان آخر"])
    doc = json.loads(result.stdout)
    assert doc["document"]["title"] == "عنوان آخر" and doc["document"]["published"].startswith("2023-10-05")
    empty = tmp_path / "empty.htm"
    empty.write_text("<html><head><title>فارغ</title></head><body><script>var a = 1;</script></body></html>", "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(empty)])
    assert result.exit_code == 3 and "no main text found" in result.output


def test_a_folder_includes_its_pages(tmp_path: Path) -> None:
    _write(tmp_path, "b.htm")
    (tmp_path / "a.txt").write_text("عقد المجلس البلدي بقابس جلسته العادية يوم الجمعة.", "utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", "utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    titles = [json.loads(line)["document"]["title"] for line in result.stdout.splitlines()]
    assert len(titles) == 2 and "وزير الصحة يزور مستشفى قابس" in titles
