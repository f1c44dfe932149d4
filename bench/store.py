"""The store: ingest throughput (-j 1 and -j 2), storage's share of ingest time, database size,
and search latency over 100,000 articles, on SQLite and on PostgreSQL.

    python -m bench.store [--articles 100000] [--queries 200] [--pg postgresql://…] [--no-postgres]

1. Ingest: the corpus (10,138 articles) through the whole ingest (read, extract, deduplicate,
   analyze with the default pipeline, store), with -j 1 and -j 2 into fresh SQLite files; the
   -j 2 database gets a second run that must add nothing; then -j 2 into PostgreSQL.
   "waited on the store" is the time the ingest loop spends on the database: deciding duplicates
   (lookups, the MinHash LSH index) and waiting for the writer thread, which writes each batch
   while the next one is analyzed.
2. Search: the corpus replicated with new ids up to --articles (written through the store's own
   batch writer with the terms and analyses of the originals: a copy is not a duplicate here, so
   every copy is indexed), then --queries queries drawn from the corpus titles (one word, two
   words, a quoted phrase, a word with a source or date filter), each timed end to end through
   ``marsad.search.search`` (ranking, fetching, snippets): p50 and p95.

PostgreSQL uses $MARSAD_TEST_POSTGRES or 127.0.0.1:5432/test, in a schema of its own that is
dropped at the end; it is skipped with a message when no server answers.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.common import CORPUS, iter_corpus, require_corpus

PG_DEFAULT = "postgresql://127.0.0.1:5432/test"


def _pg_url(arg: str | None) -> str | None:
    url = arg or os.environ.get("MARSAD_TEST_POSTGRES") or PG_DEFAULT
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as e:
        print(f"PostgreSQL skipped: no server answers at {url} ({' '.join(str(e).split())[:120]})")
        return None
    schema = f"marsad_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    return url + ("&" if "?" in url else "?") + f"schema={schema}"


def _ingest(label: str, url: str, jobs: int) -> dict[str, Any]:
    from marsad.ingest import ingest
    from marsad.store import open_store

    store = open_store(url, write=True)
    try:
        s = ingest([CORPUS], store, jobs=jobs)
        size = store.size_bytes()
        n = store.count()
    finally:
        store.close()
    share = s.storage_seconds / s.seconds
    print(
        f"{label:<24} {s.seconds:7.1f} s  {s.items / s.seconds:6.0f} articles/s  new {s.new:,}  dup {s.duplicates:,}  "
        f"near {s.near_duplicates:,}  failed {s.failed}  waited on the store {s.storage_seconds:5.1f} s ({share:.1%}, "
        f"{1000 * s.storage_seconds / max(1, s.items):.2f} ms/article; the writer thread wrote for "
        f"{s.write_seconds:.1f} s alongside)  analysis {s.analysis_seconds:.1f} s "
        f"({1000 * s.analysis_seconds / max(1, s.new):.2f} ms/article)"
        + (f"  size {size / n * 1000 / 1048576:.1f} MB per 1,000 articles" if size and n else "")
    )
    return {"summary": s, "size": size, "articles": n}


def _replicate(url: str, target: int) -> tuple[float, int | None]:
    """Fill a store with the corpus replicated under new ids up to ``target`` articles."""
    from marsad.ingest.dedup import content_hash
    from marsad.ingest.readers import read
    from marsad.ingest.work import analyze, prepare
    from marsad.store import ArticleRecord, open_store

    originals = []
    seen: set[str] = set()
    for raw in read(CORPUS):
        p = prepare(raw)  # type: ignore[arg-type]
        if not hasattr(p, "content_hash") or p.content_hash in seen:  # type: ignore[union-attr]
            continue
        seen.add(p.content_hash)  # type: ignore[union-attr]
        p.uid = p.uid or p.content_hash[:16]  # type: ignore[union-attr]
        a = analyze(p)  # type: ignore[arg-type]
        originals.append((p, json.loads(a.analysis.json), a.stages))  # type: ignore[union-attr]
    store = open_store(url, write=True)
    t0 = time.perf_counter()
    batch: list[ArticleRecord] = []
    n = 0
    copy = 0
    while n < target:
        for p, analysis, stages in originals:
            if n >= target:
                break
            uid = p.uid if copy == 0 else f"{p.uid}~{copy}"
            doc = dict(analysis["document"], id=uid)
            batch.append(ArticleRecord(
                uid=uid, input_key=f"bench:{uid}", content_hash=content_hash(p.text) + (f"~{copy}" if copy else ""),
                text=p.text, title=p.title, source=p.source, url=p.url,
                published=p.published,
                language="ar", analysis=dict(analysis, document=doc), stages=stages, terms=p.terms,
            ))
            n += 1
            if len(batch) >= 500:
                store.write_batch(batch, [])
                batch = []
        copy += 1
    store.write_batch(batch, [])
    store.optimize()
    seconds = time.perf_counter() - t0
    size = store.size_bytes()
    store.close()
    return seconds, size


def _queries(count: int) -> list[dict[str, Any]]:
    from marsad.search.terms import stopwords
    from marsad.text.normalize import match_key

    rng = random.Random(20170101)
    stop = stopwords()
    titles = []
    dates = []
    for r in iter_corpus():
        words = [w for w in (r.get("title") or "").split() if len(w) > 2 and match_key(w) not in stop
                 and any("\u0621" <= c <= "\u064a" for c in w)]
        if len(words) >= 3:
            titles.append(words)
        if r.get("published"):
            dates.append(r["published"])
    queries: list[dict[str, Any]] = []
    kinds = ["word", "two", "phrase", "filtered"]
    for i in range(count):
        words = rng.choice(titles)
        kind = kinds[i % len(kinds)]
        j = rng.randrange(len(words) - 1)
        if kind == "word":
            queries.append({"query": words[j]})
        elif kind == "two":
            queries.append({"query": f"{words[j]} {rng.choice(words)}"})
        elif kind == "phrase":
            queries.append({"query": f'"{words[j]} {words[j + 1]}"'})
        else:
            queries.append({"query": words[j], "source": "Jawhara FM", "date_from": "2017-03-01",
                            "date_to": "2017-06-30"})
    return queries


def _latency(label: str, url: str, queries: list[dict[str, Any]]) -> tuple[float, float]:
    """Wall and CPU time of each query, end to end; prints p50/p95 of both (the CPU time is the
    work; on a machine shared with other jobs the wall time adds the wait for a core)."""
    from marsad.search import search
    from marsad.store import open_store

    store = open_store(url)
    try:
        for q in queries[:20]:  # warm the caches
            search(store, **q)
        walls, cpus = [], []
        hits = 0
        for q in queries:
            c0, t0 = time.process_time(), time.perf_counter()
            found = search(store, **q)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
            hits += bool(found)
    finally:
        store.close()

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return xs[int(p * (len(xs) - 1))] * 1000

    p50, p95 = statistics.median(walls) * 1000, pct(walls, 0.95)
    print(f"{label:<24} wall p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {max(walls) * 1000:6.1f} ms;  "
          f"CPU p50 {statistics.median(cpus) * 1000:6.1f} ms  p95 {pct(cpus, 0.95):6.1f} ms  "
          f"({len(queries)} queries, {hits} with results)")
    return p50, p95


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.store")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pg", default=None)
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-search", action="store_true")
    args = ap.parse_args(argv)
    if require_corpus() is None:
        return 0
    from marsad.pipeline import default_pipeline
    from marsad.store import open_store

    print(f"pipeline: {', '.join(default_pipeline().names)}; machine: {os.cpu_count()} cores")
    pg = None if args.no_postgres else _pg_url(args.pg)
    tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    try:
        if not args.skip_ingest:
            print("\n### ingest of the corpus")
            one = _ingest("sqlite -j 1", str(tmp / "j1.db"), 1)
            two = _ingest("sqlite -j 2", str(tmp / "j2.db"), 2)
            again = _ingest("sqlite -j 2, second run", str(tmp / "j2.db"), 2)
            ratio = one["summary"].seconds / two["summary"].seconds
            print(f"throughput -j 2 / -j 1: {ratio:.2f}x;  second run added {again['summary'].new} articles "
                  f"({again['summary'].unchanged:,} already stored)")
            if pg:
                first = _ingest("postgresql -j 2", pg, 2)
                second = _ingest("postgresql -j 2, second run", pg, 2)
                print(f"postgresql: {first['articles']:,} articles; second run added {second['summary'].new}")
                s = open_store(pg, write=True)
                s.drop_schema()  # type: ignore[attr-defined]
                s.close()
        if args.skip_search:
            return 0
        print(f"\n### search over {args.articles:,} articles (the corpus replicated with new ids)")
        queries = _queries(args.queries)
        targets = [("sqlite", str(tmp / "big.db"))] + ([("postgresql", pg)] if pg else [])
        for name, url in targets:
            seconds, size = _replicate(url, args.articles)
            per = f"{size / args.articles * 1000 / 1048576:.1f} MB per 1,000 articles" if size else ""
            print(f"{name:<24} filled in {seconds:.0f} s ({args.articles / seconds:,.0f} articles/s); "
                  f"{(size or 0) / 1048576:,.0f} MB, {per}")
            _latency(name, url, queries)
            if name == "postgresql":
                s = open_store(url)
                s.drop_schema()  # type: ignore[attr-defined]
                s.close()
    finally:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
