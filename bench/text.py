"""The text layer and the whole pipeline over the corpus, against a bare regex pass.

Prints words/s, peak RSS, and the ratio of the text layer's time (normalize, tokens with clitic
readings, sentences) to ``re.findall(r"\\w+")`` over the same texts, measured in this run.
The type cache starts empty: every distinct word is analyzed once, as in a fresh process.
"""

from __future__ import annotations

import re
import sys

from bench.common import Timer, load_texts, peak_rss_mb, require_corpus


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    from marsad.doc import Document
    from marsad.pipeline import default_pipeline
    from marsad.text.normalize import normalize
    from marsad.text.sentences import split_paragraphs, split_sentences
    from marsad.text.tokens import tokenize

    texts = load_texts()
    words = re.compile(r"\w+")
    with Timer() as bare:
        n_words = sum(len(words.findall(t)) for t in texts)
    with Timer() as layer:
        n_tokens = n_sentences = 0
        for t in texts:
            toks = tokenize(normalize(t))
            n_tokens += len(toks)
            n_sentences += len(split_sentences(t))
            split_paragraphs(t)
    with Timer() as bare2:
        sum(len(words.findall(t)) for t in texts)
    base = (bare.seconds + bare2.seconds) / 2
    print(f"articles: {len(texts):,}  words (\\w+): {n_words:,}  tokens: {n_tokens:,}  sentences: {n_sentences:,}")
    print(f"bare re.findall(\\w+):  {base:.3f} s  ({n_words / base:,.0f} words/s)")
    print(
        f"text layer:            {layer.seconds:.3f} s  ({n_words / layer.seconds:,.0f} words/s)  "
        f"ratio {layer.seconds / base:.2f}x (target <= 4x)"
    )
    pipeline = default_pipeline()
    timings: dict[str, float] = {}
    with Timer() as full:
        for t in texts:
            doc = pipeline(Document(text=t))
            for k, v in doc.timings.items():
                timings[k] = timings.get(k, 0.0) + v
    print(
        f"pipeline ({', '.join(pipeline.names)}): {full.seconds:.2f} s  "
        f"({n_words / full.seconds:,.0f} words/s)  ratio {full.seconds / base:.1f}x"
    )
    for name, secs in timings.items():
        print(f"  stage {name:<12} {secs:8.2f} s  {n_words / secs if secs else float('inf'):>14,.0f} words/s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
