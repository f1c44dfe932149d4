"""The page's JavaScript: code-point offsets in UTF-16 strings (node), and the page in a headless
Chromium when one is installed (Debian: apt-get install chromium; 'make browser' does it)."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from iface_support import emoji_doc

from marsad.store import Store

pytest.importorskip("fastapi", reason="the page tests need the api extra (pip install 'marsad[api]')")

from marsad.api.app import create_app, static_dir

NODE = shutil.which("node")
CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p), None)

_NODE_CHECK = r"""
const S = require(process.argv[1]);
const [text, spans] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const u16 = S.cpIndex(text);
const out = {
  cps: u16.length - 1,
  slices: spans.map(s => S.cpSlice(text, u16, s.start, s.end)),
  segments: S.segments(text, spans).map(g => [g.start, g.end, g.text, g.covering]),
};
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed: the page's offset code is not run outside a browser")
def test_spans_js_counts_code_points() -> None:
    d = emoji_doc()
    spans = [{"start": m["start"], "end": m["end"]} for e in d.entities for m in e["mentions"]]
    spans.append({"start": spans[0]["start"], "end": spans[0]["start"] + 5})  # nested inside the first
    spans.append({"start": 5, "end": 5})  # empty: ignored
    spans.append({"start": len(d.text) - 2, "end": len(d.text) + 40})  # past the end: clamped
    assert len(d.text) < len(d.text.encode("utf-16-le")) // 2  # the text has astral characters
    r = subprocess.run([str(NODE), "-e", _NODE_CHECK, str(static_dir() / "spans.js")],
                       input=json.dumps([d.text, spans]), capture_output=True, text=True, timeout=30, check=True)
    out = json.loads(r.stdout)
    assert out["cps"] == len(d.text)
    assert out["slices"][:2] == ["خليفة حفتر", "القاهرة"]
    assert out["slices"][2] == d.text[spans[0]["start"]:spans[0]["start"] + 5]
    segs = out["segments"]
    assert "".join(s[2] for s in segs) == d.text  # the pieces are the whole text, in order
    for start, end, text, covering in segs:
        assert d.text[start:end] == text
        for k in covering:
            assert spans[k]["start"] <= start and end <= min(spans[k]["end"], len(d.text))
    assert not any(3 in s[3] for s in segs)  # the empty span covers nothing
    assert any(4 in s[3] for s in segs)  # the one past the end is cut at it


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(filled: Store, db: str) -> Iterator[str]:
    import uvicorn

    emoji_doc().store(filled)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def _dom(url: str, tmp: Path) -> str:
    r = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp}", "--virtual-time-budget=10000", "--dump-dom", url],
        capture_output=True, text=True, timeout=90,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium, or 'make browser'): "
                    "the page is checked without a browser only")
def test_page_in_chromium(server: str, tmp_path: Path) -> None:
    """The article view draws each entity mention over exactly its words, after astral characters."""
    dom = _dom(server + "/#article/a8-emoji", tmp_path / "profile")
    marked = re.findall(r'<span class="m (PERSON|GPE)[^"]*"[^>]*>([^<]*)</span>', dom)
    assert ("PERSON", "خليفة حفتر") in marked and ("GPE", "القاهرة") in marked, dom[-3000:]
    times = re.findall(r'<span class="time"[^>]*data-start=[^>]*>([^<]*)</span>', dom)
    assert times == ["عاجل"]
    assert "🇱🇾📰" in dom  # the text before the names is whole
    dom = _dom(server + "/#timeline/khalifa-haftar", tmp_path / "profile2")
    assert dom.count('class="card"') >= 3 and "a3-meeting" in dom


_COUNTS = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1489, 2000]


def test_arabic_counts_in_python() -> None:
    from marsad.explain.brief import count_ar

    got = [count_ar(n) for n in _COUNTS]
    assert got == ["0 مقال", "مقال واحد", "مقالان", "3 مقالات", "10 مقالات", "11 مقالا", "99 مقالا", "100 مقال",
                   "101 مقال", "102 مقال", "103 مقالات", "111 مقالا", "1489 مقالا", "2000 مقال"]


@pytest.mark.skipif(NODE is None, reason="node is not installed: the page's count code is not run outside a browser")
def test_arabic_counts_agree_between_page_and_brief() -> None:
    from marsad.explain.brief import count_ar

    script = "const S = require(process.argv[1]); process.stdout.write(JSON.stringify(%s.map(n => S.countAr(n))));"
    r = subprocess.run([str(NODE), "-e", script % json.dumps(_COUNTS), str(static_dir() / "spans.js")],
                       capture_output=True, text=True, timeout=30, check=True)
    assert json.loads(r.stdout) == [count_ar(n) for n in _COUNTS]


def test_error_box_reads_left_to_right() -> None:
    """The API's messages are English with Arabic values inside: in the right-to-left page they are
    laid out left to right, or «no actor 'X' in …» comes out scrambled."""
    html = (static_dir() / "index.html").read_text("utf-8")
    box = re.search(r'<div id="error"[^>]*>', html)
    assert box and 'dir="ltr"' in box.group(0)
    assert re.search(r'<html[^>]*dir="rtl"', html)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium, or 'make browser')")
def test_page_shows_api_errors(server: str, tmp_path: Path) -> None:
    dom = _dom(server + "/#timeline/%D9%85%D8%AC%D9%87%D9%88%D9%84", tmp_path / "p1")  # «مجهول»
    assert re.search(r'id="error"[^>]*>no actor \'مجهول\'', dom), dom[-2000:]
