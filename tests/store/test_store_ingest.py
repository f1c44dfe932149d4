"""Ingest: every reader, dates, duplicates and near-duplicates, idempotence, bad inputs, -j 2.

Inputs are written by the tests (generated Arabic sentences, small HTML pages and feeds)."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path
from typing import Any

from store_builders import generated_text, write_jsonl

from marsad.ingest import Progress, ingest
from marsad.store import Store

HTML_PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>وزير الفلاحة في القيروان</title>
<meta property="og:site_name" content="موقع الجهة"><meta property="article:published_time" content="2023-04-09T10:00:00+01:00">
<script>var tracker = "سكربت لا يدخل في النص"; function f() { return "دالة"; }</script>
<style>body { color: red; }</style></head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/eco">اقتصاد</a></nav>
<article><h1>وزير الفلاحة يتابع موسم الحصاد في القيروان</h1>
<p>تابع وزير الفلاحة صباح اليوم انطلاق موسم الحصاد في ولاية القيروان، واطلع على استعدادات مراكز التجميع لاستقبال الصابة.</p>
<p>وأكد الوزير أن الدولة ستوفر الأكياس والشاحنات اللازمة، داعيا الفلاحين إلى تسليم محاصيلهم في الآجال المحددة.</p>
<p>وأشار إلى أن كميات الأمطار المسجلة هذا العام كانت أفضل من السنة الماضية في أغلب المعتمديات.</p>
<script>document.write("نص من سكربت آخر");</script></article>
<footer>جميع الحقوق محفوظة لموقع الجهة</footer></body></html>"""

SCRIPT_ONLY_PAGE = "<html><head><script>var a = 1;</script></head><body><script>var b = 2;</script></body></html>"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>إذاعة الجنوب</title><link>https://radio.example</link>
<item><title>افتتاح مهرجان الصحراء</title><link>https://radio.example/1</link><guid>radio-1</guid>
<pubDate>Sat, 23 Dec 2023 18:30:00 +0100</pubDate>
<description><![CDATA[<p>افتتح والي توزر مساء اليوم الدورة الجديدة من مهرجان الصحراء بحضور عدد كبير من الزوار.</p><script>bad()</script>]]></description></item>
<item><title>أمطار غزيرة في قفصة</title><link>https://radio.example/2</link><guid>radio-2</guid>
<pubDate>Sun, 24 Dec 2023 07:00:00 +0100</pubDate>
<description>تهاطلت أمطار غزيرة على مدينة قفصة ليلة أمس وتسببت في قطع بعض الطرقات.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع الساحل</title><id>urn:sahel</id><updated>2023-11-02T10:00:00Z</updated>
<entry><title>تهيئة ميناء المنستير</title><id>urn:sahel:7</id><link href="https://sahel.example/7"/>
<updated>2023-11-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;انطلقت أشغال تهيئة ميناء الصيد البحري بالمنستير بكلفة جملية تفوق عشرة ملايين دينار.&lt;/p&gt;</content></entry>
</feed>"""

TREC = """<DOC>
<DOCNO>TR-0001</DOCNO>
<DATE>2022-10-05</DATE>
<HEADLINE>اجتماع مجلس الجهة</HEADLINE>
<TEXT>
<P>عقد مجلس الجهة بنابل اجتماعه الدوري للنظر في مشاريع التنمية المبرمجة للسنة القادمة.</P>
<P>وتقرر إعطاء الأولوية لمشاريع الماء الصالح للشرب في المناطق الريفية.</P>
</TEXT>
</DOC>
<DOC>
<DOCNO>TR-0002</DOCNO>
<DATE>06/10/2022</DATE>
<TEXT>تراجعت أسعار الخضر في سوق الجملة ببئر القصعة بعد وفرة الإنتاج خلال الأسابيع الأخيرة.</TEXT>
</DOC>
"""


def _articles(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.execute("SELECT uid, title, source, url, published, text, near_duplicate_of FROM articles").fetchall()
    return {r[0]: {"title": r[1], "source": r[2], "url": r[3], "published": r[4], "text": r[5], "near": r[6]}
            for r in rows}


def _tables(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in ("articles", "analyses", "duplicates", "entities", "events", "quotes",
                                         "mentions")}


def test_every_format_is_read(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "deep" / "deeper").mkdir(parents=True)
    (folder / "note.txt").write_text("وصل وزير الخارجية إلى القاهرة صباح اليوم في زيارة رسمية تدوم يومين.", "utf-8")
    (folder / "page.html").write_text(HTML_PAGE, "utf-8")
    (folder / "deep" / "radio.rss").write_text(RSS, "utf-8")
    (folder / "deep" / "sahel.atom").write_text(ATOM, "utf-8")
    (folder / "deep" / "deeper" / "archive.trec").write_text(TREC, "utf-8")
    write_jsonl(folder / "deep" / "slice.jsonl.gz", 3, gz=True)
    (folder / "ignored.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text("نص مخفي لا يقرأ", "utf-8")
    summary = ingest([folder], store)
    assert summary.failures == []
    assert (summary.files, summary.new) == (6, 10)
    arts = _articles(store)
    html = next(a for a in arts.values() if a["title"] and "الحصاد" in a["title"])
    assert "موسم الحصاد" in html["text"] and "سكربت" not in html["text"] and "دالة" not in html["text"]
    assert "الرئيسية" not in html["text"] and "الحقوق" not in html["text"]
    assert (html["source"], html["published"]) == ("موقع الجهة", "2023-04-09")
    festival = next(a for a in arts.values() if a["title"] == "افتتاح مهرجان الصحراء")
    # RFC 822 date with an offset: the calendar day as written at the source
    assert (festival["source"], festival["published"], festival["url"]) == (
        "إذاعة الجنوب", "2023-12-23", "https://radio.example/1")
    assert "bad()" not in festival["text"]
    assert next(a for a in arts.values() if a["title"] == "تهيئة ميناء المنستير")["published"] == "2023-11-02"
    assert arts["TR-0001"]["title"] == "اجتماع مجلس الجهة" and arts["TR-0001"]["published"] == "2022-10-05"
    assert "الماء الصالح للشرب" in arts["TR-0001"]["text"]
    assert arts["TR-0002"]["published"] == "2022-10-06"  # DD/MM/YYYY
    assert arts["gen-1"]["published"] == "2023-02-02" and arts["gen-1"]["source"] == "مولد"
    # a plain text file gets its title from its first line through the analysis (or none)
    assert store.count("analyses") == 10
    assert store.analysis("TR-0001")["document"]["title"] == "اجتماع مجلس الجهة"  # type: ignore[index]


def test_second_run_adds_nothing(store: Store, tmp_path: Path) -> None:
    slice_ = tmp_path / "slice.jsonl"
    write_jsonl(slice_, 40, duplicates=3)
    (tmp_path / "page.html").write_text(HTML_PAGE, "utf-8")
    first = ingest([slice_, tmp_path / "page.html"], store)
    assert (first.new, first.duplicates, first.near_duplicates, first.failed) == (41, 3, 0, 0)
    before = _tables(store)
    again = ingest([slice_, tmp_path / "page.html"], store)
    assert (again.new, again.duplicates, again.near_duplicates, again.unchanged) == (0, 0, 0, 44)
    assert _tables(store) == before


def test_exact_duplicates_are_stored_once(store: Store, tmp_path: Path) -> None:
    text = generated_text(1)
    variant = text.replace("ا", "أ", 3).replace(" ", "  ", 5)  # other alef forms, other spacing
    lines = [{"id": "orig", "text": text, "source": "أ"}, {"id": "copy", "text": variant, "source": "ب",
                                                          "url": "https://b.example/x"}]
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    summary = ingest([path], store)
    assert (summary.new, summary.duplicates) == (1, 1)
    assert store.count("articles") == 1
    row = store.execute("SELECT d.input_key, d.kind, d.source, d.url, a.uid FROM duplicates d "
                        "JOIN articles a ON a.id = d.original_id").fetchone()
    assert tuple(row) == ("id:copy", "exact", "ب", "https://b.example/x", "orig")


def test_near_duplicates_are_linked_not_analyzed(store: Store, tmp_path: Path) -> None:
    base = generated_text(5, sentences=10)
    words = base.split()
    words[20] = "تغيير"
    near = " ".join(words)
    other = generated_text(6, sentences=10)
    lines = [{"id": "orig", "text": base}, {"id": "near", "text": near}, {"id": "other", "text": other}]
    path = tmp_path / "n.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    summary = ingest([path], store)
    assert (summary.new, summary.near_duplicates) == (2, 1)
    assert store.count("articles") == 3 and store.count("analyses") == 2
    row = store.execute("SELECT a.uid, o.uid, a.similarity FROM articles a JOIN articles o ON o.id = a.near_duplicate_of"
                        ).fetchone()
    assert row[0] == "near" and row[1] == "orig" and 0.8 <= row[2] < 1.0
    # the near-duplicate is searchable and points at its original, whose analysis it shares
    from marsad.search import search

    hits = search(store, "تغيير")
    assert [(h.id, h.near_duplicate_of) for h in hits] == [("near", "orig")]
    assert store.analysis("near") == store.analysis("orig")
    # a later run finds the same original (signatures are stored)
    path2 = tmp_path / "n2.jsonl"
    words[30] = "تبديل"
    path2.write_text(json.dumps({"id": "near2", "text": " ".join(words)}, ensure_ascii=False) + "\n", "utf-8")
    assert ingest([path2], store).near_duplicates == 1


def test_bad_inputs_go_to_the_failure_report(store: Store, tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text("نظمت جمعية حماية البيئة حملة لتنظيف الشاطئ بمشاركة عشرات المتطوعين.", "utf-8")
    write_jsonl(good / "b.jsonl", 5)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "gone.txt").symlink_to(bad / "nowhere.txt")  # unreadable
    (bad / "latin1.txt").write_bytes("نص".encode() + b"\xe9\xe8 caf\xe9")  # not UTF-8
    (bad / "empty.txt").write_text("   \n", "utf-8")
    data = gzip.compress("".join(
        json.dumps({"id": f"t{i}", "text": generated_text(100 + i)}, ensure_ascii=False) + "\n" for i in range(30)
    ).encode())
    (bad / "truncated.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    (bad / "scripts.html").write_text(SCRIPT_ONLY_PAGE, "utf-8")
    (bad / "broken.rss").write_text("<rss><channel><title>x</title><item><title>", "utf-8")
    (bad / "half.rss").write_text(RSS.replace("</channel></rss>", "<item><title>مبتور"), "utf-8")
    with open(bad / "huge.txt", "wb") as f:  # 50 MB (sparse: nothing is written)
        f.truncate(50 * 1024 * 1024)
    (bad / "lines.jsonl").write_text('{"id": "ok", "text": "خبر سليم عن افتتاح مكتبة عمومية جديدة في الحي."}\n'
                                     "{not json\n" '{"id": "notext", "title": "بلا نص"}\n' "[1, 2]\n", "utf-8")
    (bad / "nodoc.trec").write_text("<FOO>لا شيء</FOO>", "utf-8")
    summary = ingest([good, bad, tmp_path / "missing.txt"], store)
    reasons = {(Path(f.path).name, f.record): f.reason for f in summary.failures}
    assert "cannot read" in reasons[("gone.txt", None)] or "no such file" in reasons[("gone.txt", None)]
    assert "UTF-8" in reasons[("latin1.txt", None)]
    assert "empty" in reasons[("empty.txt", None)]
    assert "truncated" in reasons[("truncated.jsonl.gz", None)]
    assert "no main text" in reasons[("scripts.html", None)]
    assert "feed" in reasons[("broken.rss", None)]
    assert "recovered" in reasons[("half.rss", None)]
    assert "50.0 MB" in reasons[("huge.txt", None)] and "limit" in reasons[("huge.txt", None)]
    assert "JSON" in reasons[("lines.jsonl", 2)] and "no text" in reasons[("lines.jsonl", 3)]
    assert "not a JSON object" in reasons[("lines.jsonl", 4)]
    assert "<DOC>" in reasons[("nodoc.trec", None)]
    assert "no such file" in reasons[("missing.txt", None)]
    # everything else was stored: the good folder, the readable part of the truncated gzip, the
    # recovered feed entries, the good JSON line
    arts = _articles(store)
    assert {"gen-0", "gen-4", "ok"} <= set(arts)
    recovered = [u for u in arts if u.startswith("t")]
    assert 0 < len(recovered) < 30
    assert sum(1 for a in arts.values() if a["source"] == "إذاعة الجنوب") == 2
    assert summary.new == len(arts) == 1 + 5 + 1 + len(recovered) + 2


def test_max_size_option_and_source_default(store: Store, tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(generated_text(1, sentences=200), "utf-8")
    (tmp_path / "short.txt").write_text(generated_text(2), "utf-8")
    summary = ingest([tmp_path], store, max_bytes=20_000, source="أرشيف محلي")
    assert summary.new == 1 and "limit" in summary.failures[0].reason
    assert {a["source"] for a in _articles(store).values()} == {"أرشيف محلي"}


def test_parallel_ingest_stores_the_same(make_store: Any, tmp_path: Path) -> None:
    slice_ = tmp_path / "slice.jsonl.gz"
    write_jsonl(slice_, 120, gz=True, duplicates=4)
    _, one = make_store()
    _, two = make_store()
    a = ingest([slice_], one, jobs=1)
    b = ingest([slice_], two, jobs=2, batch_size=16)
    assert (a.new, a.duplicates) == (b.new, b.duplicates) == (120, 4)
    assert _articles(one) == _articles(two)
    assert _tables(one) == _tables(two)


def test_progress_bar_and_summary(store: Store, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "s.jsonl", 10)
    stream = io.StringIO()
    summary = ingest([tmp_path / "s.jsonl"], store, progress=Progress(stream, enabled=True))
    out = stream.getvalue()
    assert "\r" in out and "10 articles" in out and "10 new" in out and out.endswith("\n")
    assert "\r[" not in out and re.search(r" · \d+:\d\d\b", out)  # one file: no bar standing at 0/1, the time taken instead
    write_jsonl(tmp_path / "t.jsonl", 3)
    two = io.StringIO()
    ingest([tmp_path / "s.jsonl", tmp_path / "t.jsonl"], store, progress=Progress(two, enabled=True))
    assert "\r[" in two.getvalue() and "2/2 files" in two.getvalue()
    quiet = io.StringIO()
    ingest([tmp_path / "s.jsonl"], store, progress=Progress(quiet))  # not a terminal: silent
    assert quiet.getvalue() == ""
    assert "10 new" in summary.lines()[0] and "waited" in summary.lines()[1]
    assert json.dumps(summary.to_dict())


def test_updated_input_keeps_both_versions(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(generated_text(1), "utf-8")
    ingest([path], store)
    path.write_text(generated_text(2), "utf-8")
    assert ingest([path], store).new == 1
    assert ingest([path], store).new == 0
    assert store.count("articles") == 2
