"""Quality gate: the whole pipeline scored on our evaluation sets, with floors that fail CI on a
drop (the way trafilatura's eval_gate does).

* the challenge set (eval/challenge/, texts written here: always runs);
* the seed article and the development set, read from the shared folder (skip, saying why, when
  it is absent).

The floors sit a little under the figures measured on main (docs/quality.md), so that a change
that loses ground on any layer is seen at once. Raise them when a layer improves; never lower one
to let a change land without saying why in the commit. The held-out set (eval/holdout/) is not
gated: nobody tunes on it, not even to hold a floor.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import marsad
from marsad import challenge, devset

ROOT = Path(__file__).resolve().parent.parent
SEED = "eval/seed/000_90891a1368017b44.txt"

#: challenge set, whole pipeline: layer → figure → floor
CHALLENGE_FLOORS = {
    "entities": {"mention_precision": 0.97, "mention_recall": 0.96, "mention_f1": 0.97},
    "times": {"value": 0.98, "span_recall": 0.99, "span_precision": 0.99},
    "events": {"recall": 0.35, "precision": 0.72},
    "quotes": {"found": 0.97, "speaker": 0.95, "precision": 0.96},
}

#: development set (eval/dev/articles and eval/dev/times), summed over files
DEV_FLOORS = {
    ("entities", "mentions", "f1"): 0.96,
    ("times", "value_accuracy", None): 0.98,
    ("times", "span_recall", None): 0.98,
    ("events", "f1_loose", None): 0.74,
    ("quotes", "found", None): 0.98,
    ("quotes", "speaker_accuracy", None): 0.95,
}

#: the seed article, scored by the shared scorer
SEED_FLOORS = {
    ("mentions", "f1"): 0.99,
    ("times", "accuracy"): 1.0,
    ("events", "recall_strict"): 1.0,
    ("events", "precision_actors_and_type"): 0.85,
    ("quotes", "found"): 0.95,
    ("quotes", "speaker_correct"): 0.95,
    ("indicators", "recall"): 1.0,
    ("hypotheses", "recall"): 1.0,
}


def _shared_or_skip() -> Path:
    shared = devset.shared_dir()
    if not (shared / "tools" / "score_analysis.py").is_file():
        pytest.skip(f"the shared folder {shared} is absent (set MARSAD_SHARED): seed and dev gates skipped")
    return shared


def test_challenge_set_floors() -> None:
    items = challenge.load_items(challenge.DEFAULT_FILE)
    results = challenge.evaluate(items, devset.marsad_analyzer())
    assert not [r.problem for r in results if r.problem]
    got = challenge.aggregate(o for r in results for o in r.obs)
    low = [
        f"{layer} {name} {got[layer][name]['value']:.3f} < {floor}"
        for layer, floors in CHALLENGE_FLOORS.items()
        for name, floor in floors.items()
        if got[layer][name]["value"] < floor
    ]
    assert not low, "challenge set below its floors: " + "; ".join(low)


def test_development_set_floors() -> None:
    shared = _shared_or_skip()
    folders = [ROOT / "eval" / "dev" / "articles", ROOT / "eval" / "dev" / "times"]
    results = devset.evaluate_folders(folders, shared, devset.marsad_analyzer(), devset.load_scorer(shared))
    assert not [r.problems for r in results if r.problems]
    t = devset.totals(results)
    low = []
    for (layer, name, sub), floor in DEV_FLOORS.items():
        value = t[layer][name] if sub is None else t[layer][name][sub]
        if value < floor:
            low.append(f"{layer} {name}{'.' + sub if sub else ''} {value:.3f} < {floor}")
    assert not low, "development set below its floors: " + "; ".join(low)


def test_seed_floors() -> None:
    shared = _shared_or_skip()
    text = (shared / SEED).read_text(encoding="utf-8")
    gold: dict[str, Any] = json.loads((shared / "eval" / "seed" / "gold.json").read_text(encoding="utf-8"))
    pred = marsad.analyze(text).to_dict()  # as `make score` does: the date comes from the text
    scores = devset.load_scorer(shared)(gold, pred)
    low = [
        f"{layer} {name} {scores[layer][name]:.3f} < {floor}"
        for (layer, name), floor in SEED_FLOORS.items()
        if scores[layer][name] < floor
    ]
    assert not low, "seed article below its floors: " + "; ".join(low)
