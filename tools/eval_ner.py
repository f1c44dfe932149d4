"""Measure the statistical name recognizer alone (method "model"), for docs/quality.md.

    python tools/eval_ner.py [--min-score 0.0] [--dev eval/dev/articles] [--errors N] [--model DIR]

Prints Markdown tables of precision, recall and F1 by type on:
  * the news development set (``eval/dev/articles/*.json``, articles read from the corpus),
    with the dev-set harness's rule (``marsad.devset.mention_counts``: a predicted mention is
    right when it overlaps a gold mention of the same type; ignore spans are not counted);
  * the challenge set (``eval/challenge/texts.jsonl``, texts written here in other outlets'
    styles) with ``marsad.challenge``'s rule (the same overlap rule); precision is by predicted
    type, recall by gold type, and for the names the set invented (no list can know them);
  * the Wojood test split with the same rule, gold = Wojood's outermost spans of our types;
  * the Wojood test split with exact token spans, gold brought to marsad's conventions
    (``marsad.extract.entities.wojood.harmonize``).
Skips (exit 0, with a message) when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad import devset  # noqa: E402
from marsad.doc import Document  # noqa: E402
from marsad.extract.entities.model import TYPES, NameSpan, NameTagger  # noqa: E402
from marsad.extract.entities.wojood import format_scores, read_wojood, score_spans  # noqa: E402
from marsad.text.stage import text_layer  # noqa: E402
from tools.train_ner import SHARED  # noqa: E402


def predict(tagger: NameTagger, text: str, min_score: float) -> tuple[dict[str, Any], list[NameSpan]]:
    doc = Document(text=text)
    text_layer(doc)
    spans = tagger.spans(doc, min_score=min_score)
    ents = [
        {"id": f"M{k}", "type": s.type, "mentions": [{"start": s.start, "end": s.end, "text": s.text, "method": "model"}]}
        for k, s in enumerate(spans)
    ]
    return {"entities": ents}, spans


def table(c: devset.Counts) -> str:
    lines = ["| type | P | R | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    rows = devset.by_type(c, TYPES)
    for t in TYPES:
        d = rows.get(t)
        if d:
            lines.append(f"| {t} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | {d['gold']} | {d['predicted']} |")
    d = devset.overall(c)
    lines.append(f"| ALL | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | {d['gold']} | {d['predicted']} |")
    return "\n".join(lines)


def dev_counts(tagger: NameTagger, folder: Path, min_score: float, errors: int) -> tuple[devset.Counts, int]:
    files = [f for f in devset.gold_files([folder]) if "entities" in devset.layers_of(devset.load_gold(f))]
    golds = [devset.load_gold(f) for f in files]
    corpus = devset.read_corpus(SHARED / "corpus" / "ant-jawharafm-2017.jsonl.gz", [g["document"] for g in golds])
    total = devset.Counts()
    missed: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for g in golds:
        text = corpus[g["document"]]["text"]
        pred, _ = predict(tagger, text, min_score)
        total.add(devset.mention_counts(g, pred))
        if errors:
            gm = [dict(m, type=g["entities"][m["entity"]]["type"]) for m in g["mentions"]]
            pm = devset.predicted_mentions(pred)
            for m in gm:
                if not any(p["type"] == m["type"] and p["start"] < m["end"] and m["start"] < p["end"] for p in pm):
                    missed[f"{m['type']} {text[m['start']:m['end']]}"] += 1
            for p in pm:
                if not any(p["type"] == m["type"] and p["start"] < m["end"] and m["start"] < p["end"] for m in gm):
                    wrong[f"{p['type']} {text[p['start']:p['end']]}"] += 1
    if errors:
        print("missed:", ", ".join(f"{k} ×{v}" for k, v in missed.most_common(errors)))
        print("wrong: ", ", ".join(f"{k} ×{v}" for k, v in wrong.most_common(errors)))
    return total, len(golds)


def wojood_counts(tagger: NameTagger, path: Path, min_score: float) -> devset.Counts:
    texts, golds = devset.wojood_gold(path, outer_only=True)
    total = devset.Counts()
    for text, g in zip(texts, golds, strict=True):
        pred, _ = predict(tagger, text, min_score) if text.strip() else ({"entities": []}, [])
        total.add(devset.mention_counts(g, pred))
    return total


def challenge(tagger: NameTagger, min_score: float) -> str:
    """The challenge set (``eval/challenge``, texts written here in many outlets' styles), scored
    by ``marsad.challenge``: mention precision, and recall by type and for invented names."""
    from marsad import challenge as ch

    path = ROOT / "eval" / "challenge" / "texts.jsonl"
    if not path.is_file():
        return "(no eval/challenge/texts.jsonl)"
    results = ch.evaluate(ch.load_items(path), lambda text, _pub: predict(tagger, text, min_score)[0])
    obs = [o for r in results for o in r.obs]
    lines = ["| gold names | P | R | F1 | gold |", "|---|---:|---:|---:|---:|"]
    for label, tag in [("all", None), *((t, f"type:{t}") for t in TYPES), ("invented", "invented"), ("famous", "famous")]:
        ent = ch.aggregate(obs, tag).get("entities", {})
        rec = ent.get("mention_recall", {"value": 0.0, "n": 0})
        prec = ent.get("mention_precision", {"value": 0.0})
        r = float(rec["value"])
        if tag is None or tag.startswith("type:"):
            p = float(prec["value"])
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            lines.append(f"| {label} | {p:.3f} | {r:.3f} | {f1:.3f} | {rec['n']} |")
        else:  # predictions carry no such tag: recall only
            lines.append(f"| {label} | – | {r:.3f} | – | {rec['n']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-score", type=float, default=0.0)
    ap.add_argument("--model", type=Path, help="a model folder (train_ner.py --out) instead of the packaged one")
    ap.add_argument("--dev", type=Path, default=ROOT / "eval" / "dev" / "articles")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent misses and false names")
    args = ap.parse_args(argv)
    if not (SHARED / "corpus").is_dir():
        print(f"skipped: the shared folder {SHARED} is not here (set MARSAD_SHARED)")
        return 0
    tagger = NameTagger.from_dir(args.model) if args.model else NameTagger.default()
    if args.dev.is_dir():
        c, n = dev_counts(tagger, args.dev, args.min_score, args.errors)
        print(f"\n### News dev set ({n} articles, overlap rule), model alone, min score {args.min_score}\n")
        print(table(c))
    print(f"\n### Challenge set (eval/challenge, overlap rule), model alone, min score {args.min_score}\n")
    print(challenge(tagger, args.min_score))
    test = SHARED / "ner" / "wojood-sample" / "test.txt"
    print(f"\n### Wojood test (overlap rule, Wojood's outermost spans), min score {args.min_score}\n")
    print(table(wojood_counts(tagger, test, args.min_score)))
    sentences = read_wojood(test)
    gold = [s.gold_ranges() for s in sentences]
    pred = [[(p.first, p.end, p.type) for p in tagger.tag(s.doc, min_score=args.min_score)] for s in sentences]
    print(f"\n### Wojood test (exact token spans, marsad conventions), min score {args.min_score}\n")
    print(format_scores(score_spans(gold, pred), TYPES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
