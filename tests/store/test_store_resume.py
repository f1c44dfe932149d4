"""Resumability: an ingest killed with SIGKILL in the middle, then run again, stores every article
exactly once. On a slice the test generates (not the corpus), on both backends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_builders import write_jsonl

from marsad.ingest import ingest
from marsad.store import open_store

ARTICLES = 600
COPIES = 10


def _count(url: str) -> int:
    try:
        store = open_store(url)
    except Exception:
        return 0  # not created yet
    try:
        return store.count()
    finally:
        store.close()


def test_sigkill_then_rerun_stores_each_article_once(store_url: str, tmp_path: Path) -> None:
    slice_ = tmp_path / "slice.jsonl.gz"
    records = write_jsonl(slice_, ARTICLES, gz=True, duplicates=COPIES, sentences=6)
    cmd = [sys.executable, "-c", "from marsad.cli import main; main()", "ingest", str(slice_), "--db", store_url,
           "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed_at = -1
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            n = _count(store_url)
            if n > 0:
                os.kill(proc.pid, signal.SIGKILL)
                killed_at = n
                break
            time.sleep(0.02)
    finally:
        if proc.poll() is None and killed_at < 0:
            proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stderr.read() if proc.stderr else "")
    stored = _count(store_url)
    assert 0 < killed_at <= stored < ARTICLES, "the kill did not land in the middle of the run"

    store = open_store(store_url, write=True)
    try:
        summary = ingest([slice_], store)
        assert summary.failed == 0
        assert summary.unchanged >= stored
        assert store.count("articles") == ARTICLES
        assert store.count("analyses") == ARTICLES
        assert store.count("duplicates") == COPIES
        uids = {r[0] for r in store.execute("SELECT uid FROM articles").fetchall()}
        assert uids == {r["id"] for r in records[:ARTICLES]}
        row = store.execute("SELECT COUNT(DISTINCT content_hash), COUNT(DISTINCT input_key) FROM articles").fetchone()
        assert tuple(row) == (ARTICLES, ARTICLES)
        # the search index holds each article once
        from marsad.search import search

        hits = search(store, '"العدد 7 من السلسلة"', limit=5)
        assert [h.id for h in hits] == ["gen-7"]
        # and one more run adds nothing
        again = ingest([slice_], store)
        assert (again.new, again.duplicates, again.unchanged) == (0, 0, ARTICLES + COPIES)
    finally:
        store.close()
