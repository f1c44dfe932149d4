"""Train the statistical name recognizer shipped in marsad/extract/entities/data/.

    python tools/train_ner.py                      # train on Wojood train+val, report val and test
    python tools/train_ner.py --select             # train on train only, report val (choose params)
    python tools/train_ner.py --silver silver.jsonl.gz   # add silver sentences from the corpus

Data: the MIT-licensed Wojood sample (``$MARSAD_SHARED/ner/wojood-sample``; its test split is
never trained on, only reported), brought to marsad's conventions (see
``marsad.extract.entities.wojood.harmonize``), and optionally silver sentences (see
``tools/silver_ner.py``). Features are exactly those of run time: every sentence goes through
marsad's text layer and ``FeatureExtractor``. Gazetteer flags (given names, places) are masked
in a fixed share of the training sentences, chosen by a seeded random generator, so the model
also learns names it has no list for. Everything printed is deterministic for given inputs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pycrfsuite

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.doc import Document  # noqa: E402
from marsad.extract.entities.model import (  # noqa: E402
    GAZETTEER_FLAGS,
    MODEL_FILE,
    NAME_STARTS_FILE,
    TYPES,
    FeatureExtractor,
    NameTagger,
    sentence_ranges,
)
from marsad.extract.entities.wojood import (  # noqa: E402
    WojoodSentence,
    bio_labels,
    char_span_tokens,
    format_scores,
    read_wojood,
    score_spans,
)
from marsad.text.normalize import match_key  # noqa: E402
from marsad.text.stage import text_layer  # noqa: E402
from marsad.text.tokens import ARABIC, TypeInfo  # noqa: E402


def _shared() -> Path:
    if "MARSAD_SHARED" in os.environ:
        return Path(os.environ["MARSAD_SHARED"])
    # a clone next to shared/, or a worktree one level further down
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


SHARED = _shared()
WOJOOD = SHARED / "ner" / "wojood-sample"
DATA = ROOT / "marsad" / "extract" / "entities" / "data"

PARAMS: dict[str, Any] = {
    "c1": 0.1,  # L1: keeps the model small (3 MB with the silver sentences)
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}
SEED = 20170101

Sequence_ = tuple[list[TypeInfo], list[str]]


def wojood_sequences(sentences: Iterable[WojoodSentence], aux: bool) -> Iterator[Sequence_]:
    for s in sentences:
        yield from s.sequences(aux=aux)


def silver_keys(path: Path) -> set[str]:
    """The name keys (knowledge-base ids, or names) labelled in a silver file."""
    keys: set[str] = set()
    for rec in _records(path):
        keys.update(k for *_, k in rec["spans"] if k)
    return keys


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def heldout_recall(tagger: NameTagger, path: Path, trained_keys: set[str]) -> dict[str, tuple[int, int]]:
    """Recall on the silver names of a held-out file whose key was never labelled in training:
    type → (found, total); found = a predicted name of that type overlaps the mention."""
    out: dict[str, list[int]] = {}
    for rec in _records(path):
        unseen = [sp for sp in rec["spans"] if sp[4] and sp[4] not in trained_keys and sp[2] in TYPES]
        if not unseen:
            continue
        doc = Document(text=rec["text"])
        text_layer(doc)
        pred = tagger.spans(doc)
        for a, b, typ, *_ in unseen:
            c = out.setdefault(typ, [0, 0])
            c[1] += 1
            c[0] += any(p.type == typ and p.start < b and a < p.end for p in pred)
    return {t: (c[0], c[1]) for t, c in sorted(out.items())}


def silver_sequences(path: Path, aux: bool, starts: Counter[str] | None = None) -> Iterator[Sequence_]:
    """Silver sentences: JSON lines {"text", "spans": [[start, end, type, method, key], …]}.

    ``starts`` counts the first word of each name as the span gives it (after any proclitic)."""
    for rec in _records(path):
        doc = Document(text=rec["text"])
        text_layer(doc)
        assert doc.tokens is not None
        ranges = []
        for start, end, typ, *_ in rec["spans"]:
            if typ not in TYPES and not (aux and typ in ("NORP", "OCC")):
                continue
            r = char_span_tokens(doc, start, end)
            if not len(r):
                continue
            ranges.append((r.start, r.stop, typ))
            if starts is not None and typ in TYPES:
                word = match_key(doc.text[start : min(end, doc.tokens.ends[r.start])])
                if word:
                    starts[word] += 1
        labels = bio_labels(len(doc.tokens), ranges)
        infos = doc.tokens.infos
        for r in sentence_ranges(doc):
            lab = labels[r.start : r.stop]
            if lab and lab[0].startswith("I-"):
                lab[0] = "B-" + lab[0][2:]
            yield infos[r.start : r.stop], lab


_IDENTITY = ("w=", "b=", "r=")


def train(
    sequences: list[Sequence_],
    params: dict[str, Any],
    mask_share: float,
    seed: int,
    out: Path,
    word_dropout: float = 0.0,
) -> dict[str, Any]:
    """Train a CRF. ``mask_share`` of the sentences have their gazetteer flags masked; each
    token of a name loses its word-identity features (``w= b= r=``) with ``word_dropout``, so
    the model learns names from context and shape, not only by heart."""
    rng = random.Random(seed)
    full = FeatureExtractor()
    masked = FeatureExtractor(masked=GAZETTEER_FLAGS)
    trainer = pycrfsuite.Trainer(verbose=False)
    n_masked = n_dropped = 0
    for infos, labels in sequences:
        if not infos:
            continue
        use_mask = rng.random() < mask_share
        n_masked += use_mask
        xseq = (masked if use_mask else full).sequence(infos)
        if word_dropout:
            for j, lab in enumerate(labels):
                if lab != "O" and rng.random() < word_dropout:
                    xseq[j] = [f for f in xseq[j] if not f.startswith(_IDENTITY)]
                    n_dropped += 1
        trainer.append(xseq, labels)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(params)
    t0 = time.perf_counter()
    trainer.train(str(out))
    last = trainer.logparser.last_iteration or {}
    return {
        "sequences": len(sequences),
        "masked": n_masked,
        "dropped_words": n_dropped,
        "seconds": round(time.perf_counter() - t0, 1),
        "iterations": last.get("num", 0),
        "active_features": last.get("active_features", 0),
    }


def name_start_counts(sequences: Iterable[Sequence_]) -> Counter[str]:
    """How often each Arabic word starts a name (as written) in the training data."""
    counts: Counter[str] = Counter()
    for infos, labels in sequences:
        for info, lab in zip(infos, labels, strict=True):
            if lab.startswith("B-") and lab[2:] in TYPES and info.kind == ARABIC:
                counts[info.key] += 1
    return counts


def evaluate(tagger: NameTagger, sentences: list[WojoodSentence]) -> dict[str, Any]:
    gold = [s.gold_ranges() for s in sentences]
    pred = [[(p.first, p.end, p.type) for p in tagger.tag(s.doc)] for s in sentences]
    return score_spans(gold, pred)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wojood", type=Path, default=WOJOOD)
    ap.add_argument("--silver", type=Path, action="append", default=[], help="silver JSON lines (repeatable)")
    ap.add_argument("--silver-weight", type=int, default=1, help="times each silver sentence is used")
    ap.add_argument("--heldout", type=Path, help="held-out silver sentences (tools/silver_ner.py --holdout-out)")
    ap.add_argument("--heldout-exclude", type=Path, action="append", default=[],
                    help="silver files whose names count as seen in training (besides --silver)")
    ap.add_argument("--select", action="store_true", help="train on train only and report val")
    ap.add_argument("--no-aux", action="store_true", help="do not learn NORP/OCC as auxiliary labels")
    ap.add_argument("--mask", type=float, default=0.0, help="share of sentences with gazetteer flags masked")
    ap.add_argument("--word-dropout", type=float, default=0.0, help="share of name tokens without word features")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--out", type=Path, default=DATA, help="folder to write the model into")
    args = ap.parse_args(argv)

    if not (args.wojood / "train.txt").is_file():
        print(f"skipped: no Wojood sample at {args.wojood} (set MARSAD_SHARED)")
        return 1
    params = dict(PARAMS, c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    aux = not args.no_aux
    splits = {name: read_wojood(args.wojood / f"{name}.txt") for name in ("train", "val", "test")}
    train_names = ["train"] if args.select else ["train", "val"]
    wojood = [seq for name in train_names for seq in wojood_sequences(splits[name], aux)]
    sequences = list(wojood)
    print(f"data: Wojood {args.wojood} splits {'+'.join(train_names)}: "
          f"{sum(len(splits[n]) for n in train_names)} sentences, {len(wojood)} sequences")
    silver_starts: Counter[str] = Counter()
    for path in args.silver:
        silver = list(silver_sequences(path, aux, silver_starts))
        print(f"data: silver {path}: {len(silver)} sequences x{args.silver_weight}")
        sequences.extend(silver * args.silver_weight)
    print(f"params: {json.dumps(params, sort_keys=True)} aux={aux} mask={args.mask} "
          f"word_dropout={args.word_dropout} seed={SEED}")

    with tempfile.TemporaryDirectory() as tmp:
        model_path = Path(tmp) / MODEL_FILE
        info = train(sequences, params, args.mask, SEED, model_path, args.word_dropout)
        print(f"trained: {json.dumps(info, sort_keys=True)}; model {model_path.stat().st_size / 1e6:.2f} MB")
        model = model_path.read_bytes()
    counts = name_start_counts(sequences[: len(wojood)]) + silver_starts
    tagger = NameTagger(model, name_starts=dict(counts))
    report = ["val"] if args.select else ["val", "test"]
    for name in report:
        scores = evaluate(tagger, splits[name])
        note = " (trained on it)" if name in train_names else ""
        print(f"\n### Wojood {name}{note}: {len(splits[name])} sentences\n")
        print(format_scores(scores, TYPES))
    if args.heldout:
        seen_files = args.silver + args.heldout_exclude
        trained = set().union(*(silver_keys(p) for p in seen_files)) if seen_files else set()
        rec = heldout_recall(tagger, args.heldout, trained)
        found, total = sum(f for f, _ in rec.values()), sum(t for _, t in rec.values())
        print(f"\n### held-out names (never labelled in training): recall {found}/{total} = {found / max(total, 1):.3f}")
        print("  " + ", ".join(f"{t} {f}/{n} = {f / n:.3f}" for t, (f, n) in rec.items()))
    if not args.select:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / MODEL_FILE).write_bytes(model)
        with (args.out / NAME_STARTS_FILE).open("w", encoding="utf-8") as f:
            f.write("# written by tools/train_ner.py: a word (matching key), a tab, how often it started a name\n")
            for word, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
                f.write(f"{word}\t{c}\n")
        print(f"\nwrote {args.out / MODEL_FILE} and {args.out / NAME_STARTS_FILE} ({len(counts)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
