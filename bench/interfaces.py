"""Watch, explain and the API over real articles: what they cost next to ingest.

    python -m bench.interfaces [--articles 1000]

The first --articles of the corpus are ingested (-j 1) into a fresh SQLite file; then, in the
same run:

1. watch: five rules (an actor, an actor with an event root, a place with an event root, a
   quoted phrase, a phrase at a place) checked over every stored article (the first run of a
   rule), then again (nothing new: the incremental run), then after 10% more articles are
   ingested. Reported as seconds and as a share of the ingest time of the same articles.
2. explain: the whole network (events and co-mentions), an actor's network, a brief on the
   most mentioned actor and one on a query.
3. API: median and p95 latency of GET /api/search, /api/articles/{id}/analysis, /api/alerts
   and POST /api/analyze through Starlette's TestClient (in-process: no network).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import iter_corpus, require_corpus


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def _timed(fn: Any) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def _latency(call: Any, n: int) -> tuple[float, float]:
    times = []
    for i in range(n):
        t = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.interfaces")
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args(argv)
    if require_corpus() is None:
        return 0
    from marsad.explain.brief import build_brief
    from marsad.explain.network import build_network
    from marsad.ingest import ingest
    from marsad.store import open_store
    from marsad.watch import Rule, Target, add_rule, list_alerts, run_watch

    n_more = max(1, args.articles // 10)
    records = list(iter_corpus(args.articles + n_more))
    with tempfile.TemporaryDirectory() as tmp:
        first, more = Path(tmp) / "first.jsonl", Path(tmp) / "more.jsonl"
        _write(first, records[: args.articles])
        _write(more, records[args.articles :])
        db = str(Path(tmp) / "bench.db")
        store = open_store(db, write=True)
        summary, ingest_s = _timed(lambda: ingest([str(first)], store, jobs=1))
        print(f"ingest: {summary.new:,} articles in {ingest_s:.1f} s")
        rules = [
            Rule(actors=[Target("tunisia")]),
            Rule(actors=[Target("يوسف الشاهد")], codes=["04"]),
            Rule(places=[Target("صفاقس")], codes=["01"]),
            Rule(keywords='"الانتخابات البلدية"'),
            Rule(keywords='"وزارة الصحة"', places=[Target("تونس")]),
        ]
        for r in rules:
            add_rule(store, r)
        full, full_s = _timed(lambda: run_watch(store))
        again, again_s = _timed(lambda: run_watch(store))
        _, more_ingest_s = _timed(lambda: ingest([str(more)], store, jobs=1))
        inc, inc_s = _timed(lambda: run_watch(store))
        alerts = list_alerts(store, limit=100_000)
        print(f"watch, first run of {len(rules)} rules: {full.checked:,} articles checked, {full.new_alerts:,} alerts "
              f"in {full_s:.2f} s ({full_s / ingest_s:.1%} of the ingest time)")
        print(f"watch, run again (nothing new): {again.new_alerts} alerts in {again_s:.3f} s")
        print(f"watch after {n_more} more articles: {inc.checked:,} checked, {inc.new_alerts} alerts in {inc_s:.3f} s "
              f"({inc_s / more_ingest_s:.1%} of their ingest time)")
        with_event = sum(1 for a in alerts if a["evidence"]["events"])
        print(f"alerts with an event as evidence: {with_event}/{len(alerts)}")

        net, net_s = _timed(lambda: build_network(store))
        top = store.entities("PERSON", 1)[0]
        ego, ego_s = _timed(lambda: build_network(store, actor=top["kb_id"] or top["name"]))
        brief, brief_s = _timed(lambda: build_brief(store, actor=top["kb_id"] or top["name"]))
        qbrief, qbrief_s = _timed(lambda: build_brief(store, query="الحكومة"))
        print(f"network: {len(net['nodes'])} actors, {len(net['edges'])} links in {net_s:.2f} s; "
              f"{top['name']}: {len(ego['edges'])} links in {ego_s:.2f} s")
        print(f"brief on {top['name']}: {brief['articles']} articles, {len(brief['timeline'])} timeline lines, "
              f"{len(brief['quotes'])} quotes in {brief_s:.2f} s; on a query: {qbrief['articles']} articles "
              f"in {qbrief_s:.2f} s")
        store.close()

        from fastapi.testclient import TestClient

        from marsad.api import create_app

        uids = [a["id"] for a in TestClient(create_app(db)).get("/api/articles", params={"limit": 50}).json()["items"]]
        words = ["تونس", "الحكومة", '"وزير الصحة"', "الانتخابات", "صفاقس", "الرئيس"]
        texts = [r["text"] for r in records[:20]]
        with TestClient(create_app(db)) as c:
            for name, call, n in (
                ("GET /api/search", lambda i: c.get("/api/search", params={"q": words[i % len(words)]}), 30),
                ("GET /api/articles/{id}/analysis", lambda i: c.get(f"/api/articles/{uids[i % len(uids)]}/analysis"), 30),
                ("GET /api/alerts", lambda i: c.get("/api/alerts"), 30),
                ("POST /api/analyze", lambda i: c.post("/api/analyze", json={"text": texts[i % len(texts)]}), 20),
            ):
                p50, p95 = _latency(call, n)
                print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({n} calls)")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
