"""The ingest loop: read → prepare (workers) → decide duplicates (here) → analyze (workers) → store.

Batches flow through a small pipeline: while the workers analyze batch *k*, this process decides
on batch *k+1* and writes batch *k* in one transaction. Only this process writes (SQLite has one
writer; with PostgreSQL the same holds per ingest run). A batch is committed whole or not at all,
and every item has a stable key, so a run killed at any point and started again stores every
article exactly once.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from marsad.ingest.dedup import NearDuplicates
from marsad.ingest.readers import Failure, RawItem, expand, read
from marsad.ingest.runners import Runner, make_runner
from marsad.ingest.work import Analyzed, Prepared, analyze, analyze_stored, prepare
from marsad.store.base import Store
from marsad.store.records import ArticleRecord, DuplicateRecord

#: a run that adds at least this many articles tidies the search index at the end
OPTIMIZE_AFTER = 1000


@dataclass
class Summary:
    files: int = 0
    items: int = 0
    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    analysis_seconds: float = 0.0  # summed over workers
    #: time the run waited on the store: duplicate decisions, lookups, and writes it had to wait for
    storage_seconds: float = 0.0
    #: time the writer thread spent writing (overlapping the analysis of the next batch)
    write_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "items": self.items, "new": self.new, "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates, "unchanged": self.unchanged, "failed": self.failed,
            "seconds": round(self.seconds, 3), "analysis_seconds": round(self.analysis_seconds, 3),
            "storage_seconds": round(self.storage_seconds, 3), "write_seconds": round(self.write_seconds, 3),
            "failures": [f.to_dict() for f in self.failures],
        }

    def lines(self) -> list[str]:
        rate = self.items / self.seconds if self.seconds else 0.0
        share = self.storage_seconds / self.seconds if self.seconds else 0.0
        return [
            f"{self.items:,} article{'' if self.items == 1 else 's'} read from {self.files:,} "
            f"file{'' if self.files == 1 else 's'} in {self.seconds:.1f} s ({rate:,.0f}/s): "
            f"{self.new:,} new, {self.duplicates:,} duplicate, {self.near_duplicates:,} near-duplicate, "
            f"{self.unchanged:,} already stored, {self.failed:,} failed",
            f"the run waited {self.storage_seconds:.1f} s on the store ({share:.0%} of it); "
            f"writing took {self.write_seconds:.1f} s, alongside the analysis",
        ]


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class Progress:
    """One status line on a terminal, redrawn at most ten times a second; silent elsewhere."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.start = time.perf_counter()
        self.last = 0.0
        self.width = 0

    def update(self, summary: Summary, files_total: int | None = None, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        done = summary.new + summary.duplicates + summary.near_duplicates + summary.unchanged + summary.failed
        bar = ""
        if files_total and files_total > 1:  # with one file, a bar would stand at 0 until the end
            filled = int(20 * min(summary.files, files_total) / files_total)
            bar = "[" + "#" * filled + "." * (20 - filled) + f"] {summary.files}/{files_total} files · "
        line = (
            f"\r{bar}{done:,} articles · {summary.new:,} new · {summary.duplicates:,} dup · "
            f"{summary.near_duplicates:,} near · {summary.failed:,} failed · {done / elapsed:,.0f}/s · "
            f"{_clock(elapsed)}"
        )
        self.stream.write(line.ljust(self.width))
        self.width = len(line)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\n")
            self.stream.flush()


class _Writer:
    """Writes batches on a thread of its own, with a connection of its own, one batch at a time
    and in order, while the next batch is analyzed. SQLite and psycopg release the GIL while the
    database works, so writing overlaps the analysis even in one process."""

    def __init__(self, store: Store, summary: Summary) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store = store.clone()
        self.summary = summary
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="marsad-writer")
        self.pending: Any = None

    def _write(self, records: list[ArticleRecord], dups: list[DuplicateRecord]) -> None:
        t = time.perf_counter()
        self.store.write_batch(records, dups)
        self.summary.write_seconds += time.perf_counter() - t

    def submit(self, records: list[ArticleRecord], dups: list[DuplicateRecord]) -> None:
        self.wait()
        self.pending = self.pool.submit(self._write, records, dups)

    def wait(self) -> None:
        """Wait for the batch being written (its error, if any, is raised here)."""
        if self.pending is not None:
            t = time.perf_counter()
            pending, self.pending = self.pending, None
            try:
                pending.result()
            finally:
                self.summary.storage_seconds += time.perf_counter() - t

    def close(self) -> None:
        try:
            self.wait()
        finally:
            self.pool.shutdown(wait=True)
            self.store.close()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Decider:
    """Decides, in input order, what each prepared article is: new, duplicate, near, or stored."""

    def __init__(self, store: Store, summary: Summary) -> None:
        self.store = store
        self.summary = summary
        self.near = NearDuplicates(store.minhashes())
        self.hashes: dict[str, tuple[str, str]] = {}  # this run's new articles: hash → (uid, key)
        self.keys: set[str] = set()
        self.uids: set[str] = set()
        self.key_hashes: dict[str, str] = {}  # this run's keys → the hash stored for them

    def skip_unchanged(self, raws: list[RawItem]) -> list[RawItem]:
        """Drop the items already stored from this same input with this same text, before any work
        is sent to the workers (a rerun or a resumed run only reads through what it stored). Only
        items whose key is known are hashed here, so a first run pays nothing for this."""
        from marsad.ingest.dedup import content_hash

        candidates = [r for r in raws if r.text is not None]
        if not candidates:
            return raws
        keys = {r.key for r in candidates}
        known = self.store.hashes_by_key(list(keys))
        known.update((k, h) for k, h in self.key_hashes.items() if k in keys)
        if not known:
            return raws
        keep = []
        for r in raws:
            if r.text is not None and r.key in known and content_hash(r.text) == known[r.key]:
                self.summary.unchanged += 1
                continue
            keep.append(r)
        return keep

    def decide(self, prepared: list[Prepared | Failure]) -> tuple[list[Prepared], list[ArticleRecord], list[DuplicateRecord]]:
        s = self.summary
        items = [p for p in prepared if isinstance(p, Prepared)]
        for p in prepared:
            if isinstance(p, Failure):
                s.failed += 1
                s.failures.append(p)
        stored = self.store.lookup_hashes([p.content_hash for p in items])
        dup_keys = self.store.known_duplicate_keys([p.key for p in items])
        taken_keys = self.store.taken("input_key", [p.key for p in items])
        taken_uids = self.store.taken("uid", [u for p in items for u in (p.uid, p.content_hash[:16]) if u])
        to_analyze: list[Prepared] = []
        near: list[ArticleRecord] = []
        dups: list[DuplicateRecord] = []
        for p in items:
            versioned_key = f"{p.key}@{p.content_hash[:12]}"
            found = self.hashes.get(p.content_hash) or stored.get(p.content_hash)
            if found is not None:
                if found[1] in (p.key, versioned_key) or p.key in dup_keys or p.key in self.keys:
                    s.unchanged += 1
                else:
                    dups.append(DuplicateRecord(p.key, found[0], title=p.title, source=p.source, url=p.url,
                                                published=p.published))
                    self.keys.add(p.key)
                    self.key_hashes[p.key] = p.content_hash
                    s.duplicates += 1
                continue
            if p.key in taken_keys or p.key in self.keys or p.key in dup_keys:
                p.key = versioned_key  # the same input now holds another text: keep both versions
            uid = p.uid or p.content_hash[:16]
            if uid in taken_uids or uid in self.uids:
                uid = f"{uid}-{p.content_hash[:8]}"
            p.uid = uid
            self.hashes[p.content_hash] = (uid, p.key)
            self.keys.add(p.key)
            self.key_hashes[p.key] = p.content_hash
            self.uids.add(uid)
            match = self.near.find(p.signature, add_as=uid) if p.signature is not None else None
            if match is not None:
                near.append(
                    ArticleRecord(
                        uid=uid, input_key=p.key, content_hash=p.content_hash, text=p.text, title=p.title,
                        source=p.source, url=p.url, published=p.published, near_duplicate_of=match[0],
                        similarity=round(match[1], 4), terms=p.terms,
                    )
                )
                s.near_duplicates += 1
                continue
            to_analyze.append(p)
        return to_analyze, near, dups


def _record(a: Analyzed) -> ArticleRecord:
    p = a.item
    return ArticleRecord(
        uid=p.uid or p.content_hash[:16], input_key=p.key, content_hash=p.content_hash, text=p.text,
        title=p.title or a.title, source=p.source, url=p.url, published=p.published,
        language=a.language, prepared=a.analysis, stages=a.stages, minhash=p.signature, terms=p.terms,
        embedding=a.embedding, embedding_model=a.embedding_model,
    )


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    jobs: int = 1,
    dask: Any = None,
    batch_size: int | None = None,
    max_bytes: int | None = None,
    source: str | None = None,
    embed: bool = False,
    progress: Progress | None = None,
    on_batch: Callable[[Summary], None] | None = None,
    limit: int | None = None,
) -> Summary:
    """Ingest files and folders into ``store``; returns what happened (failures included).

    ``limit``: read only the first that many articles of the input (to try a slice of a large
    corpus; a later run with a larger limit, or none, goes on where it stopped)."""
    t0 = time.perf_counter()
    summary = Summary()
    runner: Runner = make_runner(jobs, dask)
    size = batch_size or max(128, 32 * runner.workers)
    files = list(expand(list(paths)))
    files_total = sum(1 for f in files if not isinstance(f, Failure))

    def raw_items() -> Iterator[RawItem]:
        for f in files:
            if isinstance(f, Failure):
                summary.failed += 1
                summary.failures.append(f)
                continue
            for item in read(f, max_bytes):
                if isinstance(item, Failure):
                    summary.failed += 1
                    summary.failures.append(item)
                    continue
                if limit is not None and summary.items >= limit:
                    summary.files += 1  # read in part
                    return
                if source and not item.source:
                    item.source = source
                summary.items += 1
                yield item
            summary.files += 1

    prepare_fn = partial(prepare, max_bytes=max_bytes)
    analyze_fn = partial(analyze, embed=embed)
    writer: _Writer | None = None
    try:
        timed = time.perf_counter
        t = timed()
        decider = _Decider(store, summary)
        summary.storage_seconds += timed() - t
        writer = active = _Writer(store, summary)
        in_flight: tuple[Any, list[ArticleRecord], list[DuplicateRecord]] | None = None

        def finish(job: tuple[Any, list[ArticleRecord], list[DuplicateRecord]]) -> None:
            pending, near, dups = job
            records = []
            for r in pending.result():
                if isinstance(r, Failure):
                    summary.failed += 1
                    summary.failures.append(r)
                    continue
                summary.analysis_seconds += r.seconds
                records.append(_record(r))
            active.submit(records + near, dups)
            summary.new += len(records)
            if progress:
                progress.update(summary, files_total)
            if on_batch:
                on_batch(summary)

        for raw_batch in _batches(raw_items(), size):
            t = timed()
            batch = decider.skip_unchanged(raw_batch)
            summary.storage_seconds += timed() - t
            if not batch:
                if progress:
                    progress.update(summary, files_total)
                continue
            prepared = runner.submit(prepare_fn, batch).result()
            t = timed()
            to_analyze, near, dups = decider.decide(prepared)
            summary.storage_seconds += timed() - t
            job = (runner.submit(analyze_fn, to_analyze), near, dups)
            if in_flight is not None:
                finish(in_flight)
            in_flight = job
        if in_flight is not None:
            finish(in_flight)
        active.close()
        if summary.new + summary.near_duplicates >= OPTIMIZE_AFTER:
            t = timed()
            store.optimize()
            summary.storage_seconds += timed() - t
    finally:
        runner.close()
        if writer is not None:
            writer.pool.shutdown(wait=True)
            writer.store.close()
        summary.seconds = time.perf_counter() - t0
        if progress:
            progress.update(summary, files_total, force=True)
            progress.finish()
    return summary


@dataclass
class ReanalyzeSummary:
    articles: int = 0
    reanalyzed: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "reanalyzed": self.reanalyzed, "failed": self.failed,
                "seconds": round(self.seconds, 3), "failures": [f.to_dict() for f in self.failures]}


def current_analyzer() -> tuple[str, str]:
    """The analyzer version string and stage list an analysis made now would carry."""
    from marsad import __version__
    from marsad.pipeline import default_pipeline

    return f"marsad {__version__}", ",".join(default_pipeline().names)


def reanalyze(
    store: Store, *, everything: bool = False, jobs: int = 1, dask: Any = None, batch_size: int = 64,
    progress: Progress | None = None,
) -> ReanalyzeSummary:
    """Analyze again the articles whose analysis an older analyzer (or other stages) made.

    Each new analysis replaces the old one in the same transaction: a failure or a kill leaves
    the old one in place."""
    t0 = time.perf_counter()
    analyzer, stages = current_analyzer()
    ids = store.stale_analyses(analyzer, stages, everything)
    out = ReanalyzeSummary(articles=len(ids))
    runner = make_runner(jobs, dask)
    try:
        for i in range(0, len(ids), batch_size):
            articles = list(store.articles_by_id(ids[i : i + batch_size]).values())
            done = []
            for r in runner.submit(analyze_stored, articles).result():
                if isinstance(r, Failure):
                    out.failed += 1
                    out.failures.append(r)
                else:
                    done.append(r)
            store.replace_analyses(done)
            out.reanalyzed += len(done)
            if progress and progress.enabled:
                progress.stream.write(f"\rreanalyzed {out.reanalyzed:,}/{len(ids):,}")
                progress.stream.flush()
    finally:
        runner.close()
        if progress and progress.enabled and ids:
            progress.stream.write("\n")
    out.seconds = time.perf_counter() - t0
    return out
