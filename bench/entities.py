"""The entity stage over the corpus: words/s on one core, knowledge-base load time, peak memory.

    python -m bench entities            # the whole corpus
    python -c "from bench import entities; entities.main(['2000'])"   # the first 2,000 articles

Prints, measured in one run:

* the knowledge base built from its files (cold, no cache) and the stage's start-up (lexicons,
  the token trie of every alias, the recognizer);
* the text layer (timed apart: the stage reads its tokens) and the entity stage over every
  article, in words/s (``\\w+`` words, as bench.text counts them), with each step's share;
* the knowledge-base matcher alone, and its time per token on documents of 1×, 4× and 16× the
  length (made by joining articles): a flat line is linear time;
* pyahocorasick over the same alias keys and the same texts' token keys (exact forms only, no
  clitic readings) as a reference for the token trie;
* peak RSS.
"""

from __future__ import annotations

import time
from collections import Counter

from bench.common import Timer, count_words, load_texts, peak_rss_mb, require_corpus


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    from marsad.doc import Document
    from marsad.extract.entities.stage import EntityExtractor
    from marsad.kb import build_kb
    from marsad.text.stage import text_layer

    limit = int(argv[0]) if argv else None
    texts = load_texts(limit)
    n_words = count_words(texts)

    with Timer() as kb_load:
        kb = build_kb()
    with Timer() as index:
        _ = kb.alias_index
    with Timer() as start:
        ex = EntityExtractor(kb)
    model = "with" if ex.model is not None else "without"
    print(f"articles: {len(texts):,}  words (\\w+): {n_words:,}")
    print(
        f"knowledge base: {len(kb):,} entries, {len(kb.alias_index):,} alias keys; "
        f"files read in {kb_load.seconds:.3f} s + alias index {index.seconds:.3f} s = "
        f"{kb_load.seconds + index.seconds:.3f} s (target < 1 s)"
    )
    print(f"stage start-up (lexicons, trie of {len(ex.matcher.trie):,} names, recognizer): {start.seconds:.3f} s")

    docs = []
    with Timer() as layer:
        for t in texts:
            doc = Document(text=t)
            text_layer(doc)
            docs.append(doc)
    n_tokens = sum(len(d.tokens or ()) for d in docs)
    print(f"text layer:     {layer.seconds:7.2f} s  ({n_words / layer.seconds:>10,.0f} words/s)")

    steps: Counter[str] = Counter()
    types: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    with Timer() as stage:
        for doc in docs:
            ex(doc)
    for doc in docs:
        for e in doc.entities:
            types[e.type] += 1
            for m in e.mentions:
                methods[m.method] += 1
    print(
        f"entity stage ({model} the recognizer): {stage.seconds:7.2f} s  "
        f"({n_words / stage.seconds:>10,.0f} words/s, target >= 20,000 on one core)"
    )
    print(f"  entities: {sum(types.values()):,} {dict(types.most_common())}")
    print(f"  mentions by method: {dict(methods.most_common())}")

    # the steps, on a sample, with the same objects
    sample = docs[: min(len(docs), 2000)]
    _profile_steps(ex, sample, steps)
    total = sum(steps.values())
    print(f"  share of the stage's time (sample of {len(sample):,} articles): "
          + ", ".join(f"{k} {v / total:.0%}" for k, v in steps.most_common()))

    # the matcher alone, and its scaling with document length
    with Timer() as match:
        for doc in docs:
            assert doc.tokens is not None
            ex.matcher.find(doc.tokens)
    print(f"KB matcher alone: {match.seconds:6.2f} s  ({n_tokens / match.seconds:>10,.0f} tokens/s)")
    _linearity(ex, texts[:400])
    _aho_corasick_reference(kb, docs)
    print(f"peak RSS: {peak_rss_mb():.0f} MB (target < 1 GB)")
    return 0


def _profile_steps(ex: object, docs: list[object], steps: Counter[str]) -> None:
    from marsad.extract.entities.candidates import select
    from marsad.extract.entities.combine import ModelView, model_candidates
    from marsad.extract.entities.linking import reference_date
    from marsad.extract.entities.stage import EntityExtractor
    from marsad.extract.entities.view import DocView

    assert isinstance(ex, EntityExtractor)
    for doc in docs:
        t0 = time.perf_counter()
        v = DocView(doc, ex.lex)  # type: ignore[arg-type]
        if ex.model is not None:
            v.model = ModelView(ex.model, v)
        t1 = time.perf_counter()
        for c in ex.matcher.find(v.tokens, v.keys):
            v.add(c)
        t2 = time.perf_counter()
        ex.rules.find(v)
        t3 = time.perf_counter()
        chosen = select(list(v.cands))
        if v.model is not None:
            chosen = select(model_candidates(v.model, v, ex.rules), taken=chosen)
        for c in chosen:
            v.finalize(c)
        chosen = select(ex.rules.paren_aliases(v, chosen), taken=chosen)
        ex.rules.appositions(v, chosen)
        ex.linker.link(chosen, reference_date(v.doc.published, v.doc.text))
        t4 = time.perf_counter()
        groups = ex.coref.resolve(v, chosen)
        ex._entities(v.doc, groups)
        t5 = time.perf_counter()
        steps["recognizer"] += t1 - t0
        steps["kb matcher"] += t2 - t1
        steps["rules"] += t3 - t2
        steps["select+link"] += t4 - t3
        steps["coref+output"] += t5 - t4


def _linearity(ex: object, texts: list[str]) -> None:
    from marsad.doc import Document
    from marsad.extract.entities.stage import EntityExtractor
    from marsad.text.stage import text_layer

    assert isinstance(ex, EntityExtractor)
    rows = []
    for factor in (1, 4, 16):
        joined = ["\n".join(texts[i : i + factor]) for i in range(0, len(texts) - factor + 1, factor)]
        docs = []
        for t in joined:
            d = Document(text=t)
            text_layer(d)
            docs.append(d)
        n = sum(len(d.tokens or ()) for d in docs)
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            for d in docs:
                assert d.tokens is not None
                ex.matcher.find(d.tokens)
            best = min(best, time.perf_counter() - t0)
        per_doc = n / max(1, len(docs))
        rows.append(f"{factor:>2}× ({per_doc:,.0f} tokens/doc): {best / n * 1e6:.2f} µs/token")
    print("KB matcher time per token by document length: " + "; ".join(rows))


def _aho_corasick_reference(kb: object, docs: list[object]) -> None:
    try:
        import ahocorasick
    except ImportError:
        print("pyahocorasick reference: skipped (not installed)")
        return
    from marsad.kb import KnowledgeBase

    assert isinstance(kb, KnowledgeBase)
    automaton = ahocorasick.Automaton()
    for key, ids in kb.alias_index.items():
        automaton.add_word(f" {key} ", ids)
    automaton.make_automaton()
    with Timer() as t:
        hits = 0
        n = 0
        for doc in docs:
            keys = doc.tokens.keys  # type: ignore[attr-defined]
            n += len(keys)
            for _end, _ids in automaton.iter(" " + " ".join(keys) + " "):
                hits += 1
    print(
        f"pyahocorasick over exact token keys (no clitic readings, every overlapping hit): "
        f"{t.seconds:6.2f} s ({n / t.seconds:>10,.0f} tokens/s, {hits:,} hits)"
    )
