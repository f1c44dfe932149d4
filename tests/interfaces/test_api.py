"""The REST API with Starlette's TestClient over a temporary SQLite store."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from iface_support import indicator_analysis

pytest.importorskip("fastapi", reason="the API tests need the api extra (pip install 'marsad[api]')")

from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.api.app import static_dir, unmark
from marsad.store import Store


@pytest.fixture
def client(filled: Store, db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def error_of(r: Any, status: int) -> str:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body["error"]) == {"type", "message", "exit_code"}
    return str(body["error"]["message"])


def test_analyze_returns_the_contract_with_code_point_offsets(client: TestClient) -> None:
    text = "😀 وصل خليفة حفتر إلى القاهرة يوم 3 أبريل 2017."
    r = client.post("/api/analyze", json={"text": text, "published": "2017-04-03", "title": "زيارة"})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["schema"] == "marsad.analysis/1" and a["document"]["title"] == "زيارة"
    assert a["document"]["published"] == "2017-04-03" and a["document"]["length"] == len(text)
    haftar = next(e for e in a["entities"] if e["kb_id"] == "khalifa-haftar")
    for m in haftar["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]  # code points: the emoji is one
    assert any(t["value"] == "2017-04-03" for t in a["times"])


def test_analyze_errors(filled: Store, db: str) -> None:
    with TestClient(create_app(db, max_text_chars=50, max_body_bytes=4000)) as c:
        assert "is empty" in error_of(c.post("/api/analyze", json={"text": "   "}), 400)
        msg = error_of(c.post("/api/analyze", json={"text": "كلمة " * 20}), 413)
        assert "over the 50 limit" in msg
        assert "MB limit" in error_of(c.post("/api/analyze", json={"text": "ب" * 5000}), 413)
        assert "text" in error_of(c.post("/api/analyze", json={"title": "بلا نص"}), 422)
        msg = error_of(c.post("/api/analyze", json={"text": "نص قصير.", "published": "غدا"}), 400)
        assert "cannot read the publication date 'غدا'" in msg


def test_articles(client: TestClient) -> None:
    r = client.get("/api/articles")
    body = r.json()
    assert body["total"] == 4 and [a["id"] for a in body["items"]] == ["a4-rome", "a3-meeting", "a2-tripoli", "a1-cairo"]
    assert "text" not in body["items"][0]
    body = client.get("/api/articles", params={"entity": "السراج", "from": "2017-04-06"}).json()
    assert [a["id"] for a in body["items"]] == ["a4-rome", "a3-meeting"] and body["total"] == 2
    assert [a["id"] for a in client.get("/api/articles", params={"limit": 1, "offset": 1}).json()["items"]] == ["a3-meeting"]
    a = client.get("/api/articles/a2-tripoli").json()
    assert a["title"] == "السراج وكوبلر يبحثان وقف إطلاق النار" and a["text"].startswith("التقى فايز السراج")
    assert a["alerts"] == []
    analysis = client.get("/api/articles/a2-tripoli/analysis").json()
    assert analysis["schema"] == "marsad.analysis/1" and analysis["events"][0]["code"] == "040"
    assert "no article 'nope'" in error_of(client.get("/api/articles/nope"), 404)
    assert "no article 'nope'" in error_of(client.get("/api/articles/nope/analysis"), 404)
    assert "2017-13-01" in error_of(client.get("/api/articles", params={"from": "2017-13-01"}), 400)


def test_search_with_highlights(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": '"وقف اطلاق النار"'}).json()
    assert [h["id"] for h in body["items"]] == ["a2-tripoli", "a3-meeting"] or \
        sorted(h["id"] for h in body["items"]) == ["a2-tripoli", "a3-meeting"]
    for h in body["items"]:
        assert "[" in h["snippet"]
        marked = [h["snippet"][s:e] for s, e in h["highlights"]]
        assert "".join(marked).replace(" ", "") == "وقفإطلاقالنار" or "وقف" in marked
    filtered = client.get("/api/search", params={"q": "النار", "entity": "حفتر"}).json()
    assert [h["id"] for h in filtered["items"]] == ["a3-meeting"]
    assert "no word to search for" in error_of(client.get("/api/search", params={"q": "في"}), 400)
    assert "q" in error_of(client.get("/api/search"), 422)
    assert "limit" in error_of(client.get("/api/search", params={"q": "حفتر", "limit": 10_000}), 422)
    assert "not a CAMEO code" in error_of(client.get("/api/search", params={"q": "حفتر", "code": "x"}), 400)


def test_unmark() -> None:
    assert unmark("a \x01b\x02 c") == ("a [b] c", [[3, 4]])


def test_entities_events_timeline_quotes(client: TestClient) -> None:
    ents = client.get("/api/entities", params={"type": "person"}).json()["items"]
    assert ents[0]["kb_id"] == "khalifa-haftar" and ents[0]["articles"] == 3
    assert all(e["type"] == "PERSON" for e in ents)
    error_of(client.get("/api/entities", params={"type": "ANIMAL"}), 422)
    events = client.get("/api/events", params={"actor": "حفتر", "code": "04"}).json()["items"]
    assert [e["article"] for e in events] == ["a1-cairo", "a3-meeting", "a4-rome"]
    timeline = client.get("/api/timeline", params={"actor": "khalifa-haftar"}).json()
    assert [t["code"] for t in timeline["items"]] == ["043", "040", "040"]
    assert timeline["items"][1]["articles"][0]["id"] == "a3-meeting"
    error_of(client.get("/api/timeline"), 422)
    quotes = client.get("/api/quotes", params={"speaker": "السراج"}).json()["items"]
    assert [(q["speaker"], q["channel"]) for q in quotes] == [("فايز السراج", "قناة ليبيا الحدث")]


def test_network_and_brief(client: TestClient) -> None:
    net = client.get("/api/network", params={"actor": "حفتر", "kind": "events"}).json()
    assert any(e["source"] == "kb:khalifa-haftar" and e["target"] == "kb:fayez-al-sarraj" for e in net["edges"])
    r = client.get("/api/network", params={"format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    assert next(csv.reader(io.StringIO(r.text)))[:3] == ["source", "source_name", "target"]
    r = client.get("/api/network", params={"format": "gexf"})
    assert r.text.startswith("<?xml") and "gexf" in r.text
    assert "no actor 'زيد'" in error_of(client.get("/api/network", params={"actor": "زيد"}), 400)
    b = client.get("/api/brief", params={"actor": "السراج"}).json()
    assert b["schema"] == "marsad.brief/1" and b["articles"] == 3
    md = client.get("/api/brief", params={"q": "طرابلس", "format": "md", "lang": "ar"}).text
    assert md.startswith("# موجز: ")
    assert "one of them" in error_of(client.get("/api/brief"), 400)


def test_watch_and_alerts(client: TestClient) -> None:
    assert client.get("/api/alerts").json() == {"items": []}
    assert client.get("/api/watch").json() == {"items": []}
    r = client.post("/api/watch", json={"analysis": indicator_analysis()})
    assert r.status_code == 201, r.text
    items = r.json()["items"]
    assert items[0]["created"] and items[0]["rule"]["codes"] == ["04"]
    assert items[1]["rule"] is None and "no actor" in items[1]["reason"]
    r = client.post("/api/watch", json={"actors": ["السراج"], "keywords": "النار"})
    assert r.status_code == 201 and r.json()["items"][0]["rule"]["id"] == 2
    run = client.post("/api/watch/run").json()
    assert run["new_alerts"] == 3 and client.post("/api/watch/run").json()["new_alerts"] == 0
    alerts = client.get("/api/alerts").json()["items"]
    assert sorted((a["rule"], a["article_id"]) for a in alerts) == [(1, "a3-meeting"), (2, "a2-tripoli"), (2, "a3-meeting")]
    one = next(a for a in alerts if a["rule"] == 1)
    assert one["evidence"]["events"][0]["text"] == "التقى خليفة حفتر فايز السراج في القاهرة"
    assert [a["rule"] for a in client.get("/api/alerts", params={"rule": 2}).json()["items"]] == [2, 2]
    assert client.get("/api/articles/a3-meeting").json()["alerts"][0]["article_id"] == "a3-meeting"
    rules = client.get("/api/watch").json()["items"]
    assert [(r["id"], r["alerts"]) for r in rules] == [(1, 1), (2, 2)]
    assert "not a CAMEO code" in error_of(client.post("/api/watch", json={"codes": ["xyz"]}), 400)
    assert "one of them" in error_of(client.post("/api/watch", json={}), 400)
    assert "one of them" in error_of(client.post("/api/watch", json={"codes": ["04"], "article": "a1-cairo"}), 400)
    assert client.delete("/api/watch/2").json() == {"removed": 2, "alerts_removed": 2}
    assert "no watch rule 2" in error_of(client.delete("/api/watch/2"), 404)
    assert "not a time" in error_of(client.get("/api/alerts", params={"since": "soon"}), 400)


def test_missing_store_is_503_but_analysis_works(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "none.db"))) as c:
        assert "no database at" in error_of(c.get("/api/articles"), 503)
        health = c.get("/api/health").json()
        assert health["store"] is None and "ingest articles first" in health["store_error"]
        assert c.post("/api/analyze", json={"text": "وصل خليفة حفتر إلى القاهرة."}).status_code == 200


def test_openapi_kb_and_unknown_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/articles/{article_id}/analysis",
                 "/api/search", "/api/entities", "/api/events", "/api/timeline", "/api/quotes", "/api/network",
                 "/api/alerts", "/api/watch"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/watch"] and "post" in spec["paths"]["/api/analyze"]
    assert client.get("/api/kb/khalifa-haftar").json()["name"] == "خليفة حفتر"
    assert "no knowledge-base entry" in error_of(client.get("/api/kb/nobody"), 404)
    assert client.get("/api/kb", params={"name": "حفتر"}).json()["items"][0]["id"] == "khalifa-haftar"
    assert "no such endpoint" in error_of(client.get("/api/nothing"), 404)
    assert "/api/watch/run" in " ".join(client.get("/api").json()["endpoints"])


def test_the_page_is_rtl_arabic_and_self_contained(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert re.search(r'<html dir="rtl" lang="ar">', html)
    refs = re.findall(r'(?:src|href)="([^"#]*)"', html)
    assert refs and all(ref.startswith("/") for ref in refs), refs  # nothing from another host
    for ref in refs:
        if ref.startswith("/static/"):
            got = client.get(ref)
            assert got.status_code == 200 and got.headers["cache-control"] == "no-cache", ref
    assert r.headers["cache-control"] == "no-cache"  # an upgraded marsad's page is not mixed with old scripts
    assert client.head("/").status_code == 200
    for f in static_dir().iterdir():
        text = f.read_text(encoding="utf-8")
        assert "@import" not in text and "fonts.googleapis" not in text and "cdn" not in text.lower(), f.name
        assert not re.search(r"url\(\s*['\"]?https?:", text), f.name
    # every view the page offers is there
    for view in ("analyze", "search", "article", "timeline", "alerts"):
        assert f'id="view-{view}"' in html
