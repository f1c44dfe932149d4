"""The text layer and the whole pipeline over the corpus, against a bare regex pass.

Times are CPU seconds of this process. Prints words/s, peak RSS, and the ratio of the text layer's time (normalize, tokens with clitic
readings, sentences) to ``re.findall(r"\\w+")`` over the same texts, measured in this run.
The type cache starts empty: every distinct word is analyzed once, as in a fresh process.
"""

from __future__ import annotations

import sys

from bench.common import Timer, count_words, load_texts, peak_rss_mb, require_corpus

ROUNDS = 3


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    from marsad.doc import Document
    from marsad.pipeline import default_pipeline
    from marsad.text.normalize import normalize
    from marsad.text.sentences import split_paragraphs, split_sentences
    from marsad.text.tokens import clear_type_cache, tokenize

    texts = load_texts()
    n_words = count_words(texts)

    def bare_pass() -> float:
        with Timer() as t:
            count_words(texts)
        return t.seconds

    def layer_pass() -> tuple[float, int, int]:
        n_tokens = n_sentences = 0
        with Timer() as t:
            for x in texts:
                n_tokens += len(tokenize(normalize(x)))
                n_sentences += len(split_sentences(x))
                split_paragraphs(x)
        return t.seconds, n_tokens, n_sentences

    # best of ROUNDS, alternating, so that load from other processes does not decide the ratio
    bare_times, cold_times, warm_times = [], [], []
    for _ in range(ROUNDS):
        clear_type_cache()
        bare_times.append(bare_pass())
        cold, n_tokens, n_sentences = layer_pass()
        cold_times.append(cold)
        warm_times.append(layer_pass()[0])
    base, cold, warm = min(bare_times), min(cold_times), min(warm_times)
    print(f"articles: {len(texts):,}  words (\\w+): {n_words:,}  tokens: {n_tokens:,}  sentences: {n_sentences:,}")
    print(f"bare re.findall(\\w+):  {base:.3f} s  ({n_words / base:,.0f} words/s)  (CPU s, best of {ROUNDS})")
    print(
        f"text layer, fresh type cache: {cold:.3f} s  ({n_words / cold:,.0f} words/s)  "
        f"ratio {cold / base:.2f}x (target <= 4x)"
    )
    print(f"text layer, warm type cache:  {warm:.3f} s  ({n_words / warm:,.0f} words/s)  ratio {warm / base:.2f}x")
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
