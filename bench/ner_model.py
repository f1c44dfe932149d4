"""The statistical name recognizer over the corpus: words/s on one core, load time, memory.

Runs the text layer first (timed apart), then ``NameTagger.tag`` (features + CRF + marginals)
and ``NameTagger.spans`` over every article, with the feature cache empty at the start, as in a
fresh process. Prints words/s (``\\w+`` words, as bench.text counts them), the ratio of the
tagger's time to the text layer's, the model's load time and size, and peak RSS.
"""

from __future__ import annotations

import sys
from collections import Counter

from bench.common import Timer, count_words, load_texts, peak_rss_mb, require_corpus


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    from marsad.doc import Document
    from marsad.extract.entities.model import MODEL_FILE, NameTagger, _read_model_bytes
    from marsad.text.stage import text_layer

    limit = int(argv[0]) if argv else None
    texts = load_texts(limit)
    n_words = count_words(texts)
    with Timer() as load:
        tagger = NameTagger()
    docs = []
    with Timer() as layer:
        for t in texts:
            doc = Document(text=t)
            text_layer(doc)
            docs.append(doc)
    n_tokens = sum(len(d.tokens or ()) for d in docs)
    with Timer() as tagging:
        n_names = 0
        for doc in docs:
            n_names += len(tagger.tag(doc))
    with Timer() as tagging2:
        types: Counter[str] = Counter()
        for doc in docs:
            for s in tagger.spans(doc):
                types[s.type] += 1
    size = len(_read_model_bytes())
    print(f"articles: {len(texts):,}  words (\\w+): {n_words:,}  tokens: {n_tokens:,}")
    print(f"model {MODEL_FILE}: {size / 1e6:.2f} MB, loaded in {load.seconds:.3f} s")
    print(f"text layer:             {layer.seconds:6.2f} s  ({n_words / layer.seconds:>10,.0f} words/s)")
    print(
        f"tag (cold cache):       {tagging.seconds:6.2f} s  ({n_words / tagging.seconds:>10,.0f} words/s)  "
        f"ratio to text layer {tagging.seconds / layer.seconds:.2f}x  (target >= 60,000 words/s)"
    )
    print(
        f"spans (warm cache):     {tagging2.seconds:6.2f} s  ({n_words / tagging2.seconds:>10,.0f} words/s)"
    )
    print(f"names: {n_names:,}  by type: {dict(types.most_common())}")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
