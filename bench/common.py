"""What the benchmarks share: where the corpus is, loading it, peak memory, timing."""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "ant-jawharafm-2017.jsonl.gz"


def require_corpus() -> Path | None:
    """The corpus path, or None after printing why the benchmark is skipped."""
    if not CORPUS.exists():
        print(f"skipped: the corpus {CORPUS} is not here (set MARSAD_SHARED to the shared folder)")
        return None
    return CORPUS


def iter_corpus(limit: int | None = None) -> Iterator[dict[str, Any]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def load_texts(limit: int | None = None) -> list[str]:
    return [r["text"] for r in iter_corpus(limit) if r.get("text")]


_WORDS = re.compile(r"\w+")


def count_words(texts: list[str]) -> int:
    """Words as the benchmarks count them (runs of ``\\w``), so that rates compare across them."""
    return sum(len(_WORDS.findall(t)) for t in texts)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1048576


class Timer:
    """CPU seconds of this process (``process_time``) and wall seconds of a block.

    Ratios use CPU time: on a shared machine another process's load changes wall time, not the
    work this one does."""

    def __enter__(self) -> Timer:
        self.start = time.process_time()
        self.wall_start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.process_time() - self.start
        self.wall = time.perf_counter() - self.wall_start
