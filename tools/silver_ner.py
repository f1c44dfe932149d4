"""Silver training sentences for the name recognizer, from the news corpus.

    python tools/silver_ner.py --source stage --out /tmp/silver.jsonl.gz [--holdout 0.2]
    python tools/silver_ner.py --source model --out /tmp/self.jsonl.gz [--confidence 0.9]

The output holds corpus text, so it is written outside the repository (never commit it). One
JSON object a line: ``{"id", "text", "spans": [[start, end, type, method, key], …]}``, one
sentence per line, offsets into ``text``; ``tools/train_ner.py --silver FILE`` reads it.

Sources:
  * ``stage``: the entity stage (knowledge base and rules; mentions the model found are left out)
    run over every article. Only sentences where that stage is likely complete are kept: a
    sentence in which a filter model (``--filter-model``, default the packaged one) sees a name
    with a score of ``--filter-score`` or more that the stage did not label is dropped, since an
    unlabeled name would teach the model that names are not names.
    ``--holdout`` keeps a seeded share of the rare names (by knowledge-base id, or by name for
    rule finds; in at most ``--holdout-max`` sentences) out of training: every sentence mentioning one goes to ``--holdout-out`` instead, so
    ``tools/train_ner.py --heldout FILE`` can measure how the model does on names it never saw
    labeled (what we want from it: names the knowledge base does not know).
  * ``model``: self-training; the current packaged model's own predictions, keeping only
    sentences where every token's label has a marginal probability of at least
    ``--confidence``.
Articles of the development set (``eval/dev``) are always skipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.doc import Document  # noqa: E402
from marsad.extract.entities.model import TYPES, NameTagger, sentence_ranges  # noqa: E402
from marsad.text.normalize import match_key  # noqa: E402
from marsad.text.stage import text_layer  # noqa: E402
from tools.train_ner import SEED, SHARED  # noqa: E402

CORPUS = SHARED / "corpus" / "ant-jawharafm-2017.jsonl.gz"


def dev_ids() -> set[str]:
    ids = set()
    for p in (ROOT / "eval").rglob("*.json"):
        try:
            doc = json.loads(p.read_text(encoding="utf-8")).get("document")
        except (json.JSONDecodeError, AttributeError):
            continue
        if doc:
            ids.add(doc)
    return ids


def articles(limit: int | None, every: int) -> Iterator[dict[str, Any]]:
    skip = dev_ids()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        n = 0
        for i, line in enumerate(f):
            if i % every:
                continue
            rec = json.loads(line)
            if rec.get("id") in skip or not rec.get("text"):
                continue
            yield rec
            n += 1
            if limit is not None and n >= limit:
                return


def stage_mentions(doc: Document) -> list[tuple[int, int, str, str, str]]:
    """(start, end, type, method, key) of the entity stage's knowledge-base and rule mentions."""
    out = []
    for e in doc.entities:
        if e.type not in TYPES:
            continue
        for m in e.mentions:
            if m.method in ("kb", "rule"):
                key = e.kb_id or "name:" + match_key(e.name)
                out.append((m.start, m.end, e.type, m.method, key))
    return out


def sentence_records(
    doc: Document, spans: list[tuple[int, int, str, str, str]], rid: str
) -> Iterator[tuple[dict[str, Any], range]]:
    """One record per sentence, with the spans that lie inside it (offsets made local)."""
    tokens = doc.tokens
    assert tokens is not None
    for r in sentence_ranges(doc):
        if not len(r):
            continue
        s0, s1 = tokens.starts[r.start], tokens.ends[r.stop - 1]
        inside = [(a - s0, b - s0, t, m, k) for a, b, t, m, k in spans if s0 <= a and b <= s1]
        yield {"id": rid, "text": doc.text[s0:s1], "spans": inside}, r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", choices=("stage", "model"), required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--holdout", type=float, default=0.0, help="share of names held out (stage source)")
    ap.add_argument("--holdout-out", type=Path, help="where the held-out sentences go")
    ap.add_argument("--holdout-max", type=int, default=3, help="held-out names are among those in at most this many sentences")
    ap.add_argument("--confidence", type=float, default=0.9, help="self-training: least token marginal")
    ap.add_argument("--filter-model", type=Path, action="append", default=[],
                    help="a model folder (train_ner.py --out) whose names drop a sentence the stage did not "
                    "label them in (repeatable; default: the packaged model)")
    ap.add_argument("--filter-score", type=float, default=0.5, help="score a filter model's name needs")
    ap.add_argument("--empty-share", type=float, default=0.2, help="share of sentences without names kept")
    ap.add_argument("--limit", type=int, help="at most this many articles")
    ap.add_argument("--every", type=int, default=1, help="take every n-th article")
    args = ap.parse_args(argv)
    if not CORPUS.is_file():
        print(f"skipped: no corpus at {CORPUS} (set MARSAD_SHARED)")
        return 1
    if ROOT in args.out.resolve().parents:
        print("refusing to write corpus text inside the repository; choose --out elsewhere")
        return 2
    rng = random.Random(SEED)
    tagger = NameTagger.default()
    filters = [NameTagger.from_dir(d) for d in args.filter_model] or [tagger]
    pipeline = None
    if args.source == "stage":
        from marsad.pipeline import Pipeline

        pipeline = Pipeline(["text", "entities"])
    records: list[dict[str, Any]] = []
    dropped = empty = 0
    for rec in articles(args.limit, args.every):
        doc = Document(text=rec["text"])
        if pipeline is not None:
            pipeline(doc)
            spans = stage_mentions(doc)
        else:
            text_layer(doc)
            spans = []
        assert doc.tokens is not None
        for srec, r in sentence_records(doc, spans, rec["id"]):
            sub = _sub(doc, r)
            if pipeline is None:
                assert sub.tokens is not None
                labels = tagger.tag_infos(sub.tokens.infos)
                if min(tagger._tagger.marginal(lab, j) for j, lab in enumerate(labels)) < args.confidence:
                    dropped += 1
                    continue
                srec["spans"] = [(s.start, s.end, s.type, "model", "") for s in tagger.spans(sub)]
            else:
                # a model name the stage did not label: the sentence may be incomplete
                labelled = _token_ranges(sub, srec["spans"])
                confident = [
                    (p.first, p.end) for f in filters for p in f.tag(sub) if p.score >= args.filter_score
                ]
                if any(not any(a < e and s < b for s, e in labelled) for a, b in confident):
                    dropped += 1
                    continue
            if not srec["spans"]:
                if rng.random() >= args.empty_share:
                    continue
                empty += 1
            records.append(srec)
    # held-out names: a seeded share of the rare ones (a name the knowledge base does not know
    # is a rare name); every sentence that mentions one leaves the training data
    freq: Counter[str] = Counter(k for srec in records for k in {sp[4] for sp in srec["spans"] if sp[4]})
    rare = sorted(k for k, n in freq.items() if n <= args.holdout_max)
    held_keys = set(rng.sample(rare, int(len(rare) * args.holdout))) if args.holdout else set()
    kept = held = 0
    types: Counter[str] = Counter()
    with gzip.open(args.out, "wt", encoding="utf-8") as out:
        hold = gzip.open(args.holdout_out, "wt", encoding="utf-8") if args.holdout_out else None
        for srec in records:
            if held_keys and any(sp[4] in held_keys for sp in srec["spans"]):
                held += 1
                if hold is not None:
                    hold.write(json.dumps(srec, ensure_ascii=False) + "\n")
                continue
            kept += 1
            types.update(sp[2] for sp in srec["spans"])
            out.write(json.dumps(srec, ensure_ascii=False) + "\n")
        if hold is not None:
            hold.close()
    print(
        f"silver ({args.source}): kept {kept} sentences ({empty} without names), dropped {dropped}, "
        f"held out {held} ({len(held_keys)} of {len(rare)} rare names, {len(freq)} names in all); "
        f"spans by type {dict(types.most_common())}"
    )
    return 0


def _sub(doc: Document, r: range) -> Document:
    """The sentence as a document of its own (same tokens, so the same features)."""
    tokens = doc.tokens
    assert tokens is not None
    s0, s1 = tokens.starts[r.start], tokens.ends[r.stop - 1]
    sub = Document(text=doc.text[s0:s1])
    text_layer(sub)
    return sub


def _token_ranges(doc: Document, spans: list[Any]) -> list[tuple[int, int]]:
    from marsad.extract.entities.wojood import char_span_tokens

    out = []
    for a, b, *_ in spans:
        r = char_span_tokens(doc, a, b)
        out.append((r.start, r.stop))
    return out


if __name__ == "__main__":
    sys.exit(main())
