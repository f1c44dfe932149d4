"""The whole pipeline over every corpus article: no exception, every analysis valid against the
contract, every span slicing the original text (``marsad.contract.problems``), and the rate.

Each article is analyzed with its publication date (parsed as ingest parses it) and its title.
An article whose analysis raises or breaks the contract is listed (at most LIST of each) and the
module exits 1. Usage: ``python -m bench robustness`` or ``python -m bench.robustness [N]``.
"""

from __future__ import annotations

import sys
import traceback
from collections import Counter

from bench.common import Timer, count_words, iter_corpus, peak_rss_mb, require_corpus

LIST = 5


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    import marsad
    from marsad.contract import problems
    from marsad.dates import parse_published

    limit = int(argv[0]) if argv else None
    records = [r for r in iter_corpus(limit) if r.get("text")]
    n_words = count_words([r["text"] for r in records])
    raised: list[str] = []
    broken: list[str] = []
    found: Counter[str] = Counter()
    with Timer() as run:
        for i, rec in enumerate(records, 1):
            published = parse_published(rec.get("published"), strict=False)
            try:
                d = marsad.analyze(
                    rec["text"], published=published.isoformat() if published else None, title=rec.get("title")
                ).to_dict()
            except Exception:  # every failure is counted, none stops the run
                raised.append(f"{rec.get('id')}: {traceback.format_exc(limit=2).strip().splitlines()[-1]}")
                continue
            bad = problems(d, rec["text"])
            if bad:
                broken.append(f"{rec.get('id')}: {'; '.join(bad[:3])}")
            for part in ("entities", "times", "events", "quotes", "indicators"):
                found[part] += len(d.get(part) or ())
            if i % 1000 == 0:
                print(f"  {i:,} articles …", file=sys.stderr, flush=True)
    print(f"articles: {len(records):,}  words (\\w+): {n_words:,}")
    print(f"exceptions: {len(raised)}  contract problems: {len(broken)}")
    for line in raised[:LIST] + broken[:LIST]:
        print(f"  {line}")
    print("found: " + ", ".join(f"{v:,} {k}" for k, v in found.items()))
    rate = n_words / run.seconds if run.seconds else float("inf")
    print(f"whole pipeline: {run.seconds:.1f} s CPU ({run.wall:.1f} s wall), {rate:,.0f} words/s on one core")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 1 if raised or broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
