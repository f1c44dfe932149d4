"""Build the packaged name recognizer from scratch: the whole recipe, step by step.

    python tools/build_ner_model.py [--work /tmp/marsad-ner]

1. a Wojood-only model (train + val splits): ``WORK/wojood``;
2. silver sentences from the corpus, labelled by the entity stage with the knowledge base and the
   rules only (``MARSAD_ENTITY_SOURCES=kb,rule``), a sentence dropped when the step-1 model
   sees a name there the stage did not label: ``WORK/silver1.jsonl.gz``;
3. a model on Wojood + those sentences: ``WORK/round1``;
4. the silver sentences again, now dropped when either model sees an unlabelled name (the
   round-1 model knows the news domain, so it catches more gaps): ``WORK/silver2.jsonl.gz``;
5. the final model on Wojood + round-2 sentences, written into the package
   (``marsad/extract/entities/data/``), with its scores on the Wojood test split.

``--heldout-experiment`` (after the build, reusing WORK/wojood and WORK/round1) measures what the
model learns beyond the knowledge base: a seeded 30% of the rare names (knowledge-base ids, or
names found by the rules, in at most 3 sentences) are held out, every sentence mentioning one
leaves the training data, and the recall on those names is compared for the Wojood-only model and
for models trained with and without gazetteer masking and name-word dropout.

The silver files hold corpus text: they stay in WORK, outside the repository. Every step is
deterministic (fixed seeds; the corpus and the Wojood sample are read in file order).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict[str, str] | None = None) -> None:
    print("$", " ".join(args), flush=True)
    subprocess.run([sys.executable, *args], cwd=ROOT, env={**os.environ, **(env or {})}, check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path("/tmp/marsad-ner"))
    ap.add_argument("--heldout-experiment", action="store_true", help="run the held-out names experiment")
    args = ap.parse_args(argv)
    w = args.work.resolve()
    if ROOT in w.parents or w == ROOT:
        print("choose a --work folder outside the repository (the silver files hold corpus text)")
        return 2
    w.mkdir(parents=True, exist_ok=True)
    kb_rules = {"MARSAD_ENTITY_SOURCES": "kb,rule"}
    if args.heldout_experiment:
        return heldout_experiment(w, kb_rules)
    run(["tools/train_ner.py", "--out", str(w / "wojood")])
    run(["tools/silver_ner.py", "--source", "stage", "--out", str(w / "silver1.jsonl.gz"),
         "--filter-model", str(w / "wojood")], kb_rules)
    run(["tools/train_ner.py", "--silver", str(w / "silver1.jsonl.gz"), "--out", str(w / "round1")])
    run(["tools/silver_ner.py", "--source", "stage", "--out", str(w / "silver2.jsonl.gz"),
         "--filter-model", str(w / "wojood"), "--filter-model", str(w / "round1")], kb_rules)
    run(["tools/train_ner.py", "--silver", str(w / "silver2.jsonl.gz")])
    return 0


def heldout_experiment(w: Path, env: dict[str, str]) -> int:
    silver, held = str(w / "silverH.jsonl.gz"), str(w / "heldout.jsonl.gz")
    run(["tools/silver_ner.py", "--source", "stage", "--out", silver, "--holdout", "0.3", "--holdout-out", held,
         "--filter-model", str(w / "wojood"), "--filter-model", str(w / "round1")], env)
    run(["tools/train_ner.py", "--heldout", held, "--heldout-exclude", silver, "--out", str(w / "H-wojood")])
    for name, extra in (("H-plain", []), ("H-mask", ["--mask", "0.3"]), ("H-dropout", ["--word-dropout", "0.3"])):
        run(["tools/train_ner.py", "--silver", silver, "--heldout", held, "--out", str(w / name), *extra])
    return 0


if __name__ == "__main__":
    sys.exit(main())
