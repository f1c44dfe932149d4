"""The quote and event stages (and the indicator stage) over the corpus, on one core.

The text layer, entity and time stages run first, untimed: the figures are the seconds of
the ``quotes`` and ``events`` stages alone (wall clock, as ``doc.timings`` records them), per word
(``\\w+`` matches of the article), best of ROUNDS passes. Target: >= 20,000 words/s for quotes
and events together. Usage: ``python -m bench events`` or ``python -m bench.events [N]`` (N articles, default 2,000).
"""

from __future__ import annotations

import sys

from bench.common import Timer, count_words, load_texts, peak_rss_mb, require_corpus

ROUNDS = 3
DEFAULT_ARTICLES = 2000
TARGET = 20_000


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    from marsad.doc import Document
    from marsad.pipeline import Pipeline

    n = int(argv[0]) if argv else DEFAULT_ARTICLES
    texts = load_texts(n)
    n_words = count_words(texts)
    upstream = Pipeline(["text", "language", "entities", "times"])
    with Timer() as prep:
        docs = [upstream(Document(text=t)) for t in texts]
    print(f"articles: {len(docs):,}  words (\\w+): {n_words:,}  upstream stages (untimed): {prep.seconds:.1f} s")
    ours = Pipeline(["quotes", "events", "indicators"], initial=upstream_parts(upstream))
    best: dict[str, float] = {}
    counts = {"quotes": 0, "events": 0, "citations": 0, "indicators": 0, "hypotheses": 0}
    for r in range(ROUNDS):
        spent = {"quotes": 0.0, "events": 0.0, "indicators": 0.0}
        for d in docs:
            for part in ("quotes", "events", "indicators"):
                d.timings.pop(part, None)
            ours(d)
            for part in spent:
                spent[part] += d.timings.get(part, 0.0)
            if r == 0:
                for part in counts:
                    counts[part] += len(getattr(d, part))
        for part, secs in spent.items():
            best[part] = min(best.get(part, secs), secs)
    both = best["quotes"] + best["events"]
    print(
        "found: "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + f" ({counts['events'] / max(1, len(docs)):.2f} events and {counts['quotes'] / max(1, len(docs)):.2f} quotes"
        " an article)"
    )
    for part, secs in best.items():
        print(f"  stage {part:<11} {secs:7.2f} s  {n_words / secs if secs else float('inf'):>12,.0f} words/s")
    rate = n_words / both if both else float("inf")
    print(f"quotes + events: {both:.2f} s  {rate:,.0f} words/s  (target >= {TARGET:,}: {rate / TARGET:.1f}x the target)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


def upstream_parts(p: object) -> tuple[str, ...]:
    from marsad.doc import PARTS

    done = {"text"}
    for spec in getattr(p, "specs", []):
        done.update(spec.provides)
    return tuple(x for x in PARTS if x in done)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
