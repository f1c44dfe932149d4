"""Quality gate: the entity stage on short news paragraphs written for it, scored with floors.

The fixtures mark every entity mention as ``[[TYPE key|text]]``: tests/fixtures/entities_news.json
(Tunisian and Libyan news, the first set) and tests/fixtures/entities_region.json (the region's
press: Gulf, Egyptian, Iraqi, Moroccan, Sudanese, Iranian, Palestinian, Turkish, Yemeni, Algerian,
Syrian, Lebanese; economy, technology, sport, analysis; 2014–2025) and entities_region2.json (a
second such set, written later and first measured untouched). Scoring follows the shared
scorer's rules: a predicted mention is right when it overlaps a gold mention of the same type; a
predicted mention strictly inside a longer gold mention of another type is not counted. The floors
sit a little under the measured figures (docs/quality.md, ## Entities): a change that loses
quality fails here.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

import marsad

FIXTURES = Path(__file__).parent / "fixtures"
_MARK = re.compile(r"\[\[(PERSON|ORG|GPE|LOC|FAC) ([a-z0-9-]+)\|([^\]]+)\]\]")

#: floors on all fixtures of a file together (measured: see docs/quality.md)
FLOORS = {
    "entities_news.json": {"precision": 0.97, "recall": 0.95, "f1": 0.96, "grouping": 0.97, "entities_found": 0.95},
    "entities_region.json": {"precision": 0.96, "recall": 0.93, "f1": 0.95, "grouping": 0.97, "entities_found": 0.93},
    "entities_region2.json": {"precision": 0.95, "recall": 0.91, "f1": 0.93, "grouping": 0.97, "entities_found": 0.9},
}
TYPE_RECALL_FLOORS = {
    "entities_news.json": {"PERSON": 0.95, "ORG": 0.9, "GPE": 0.9, "LOC": 0.99},
    "entities_region.json": {"PERSON": 0.92, "ORG": 0.92, "GPE": 0.95, "FAC": 0.7},
    "entities_region2.json": {"PERSON": 0.93, "ORG": 0.85, "GPE": 0.95},
}


def parse(marked: str) -> tuple[str, list[dict[str, Any]]]:
    """The plain text of a marked fixture and its gold mentions."""
    out, gold, pos, last = [], [], 0, 0
    for m in _MARK.finditer(marked):
        out.append(marked[last : m.start()])
        pos += m.start() - last
        etype, key, surface = m.groups()
        gold.append({"start": pos, "end": pos + len(surface), "type": etype, "entity": key, "text": surface})
        out.append(surface)
        pos += len(surface)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), gold


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def score(gold: list[dict[str, Any]], entities: list[dict[str, Any]]) -> dict[str, Any]:
    pred = [{"start": m["start"], "end": m["end"], "type": e["type"], "entity": e["id"]}
            for e in entities for m in e["mentions"]]

    def nested(m: dict[str, Any]) -> bool:
        return any(g["start"] <= m["start"] and m["end"] <= g["end"] and g["end"] - g["start"] > m["end"] - m["start"]
                   for g in gold)

    scored = [m for m in pred if any(_overlaps(m, g) and g["type"] == m["type"] for g in gold) or not nested(m)]
    right = [m for m in scored if any(_overlaps(m, g) and g["type"] == m["type"] for g in gold)]
    found = [g for g in gold if any(_overlaps(m, g) and g["type"] == m["type"] for m in scored)]
    per_gold: dict[str, Counter[str]] = defaultdict(Counter)
    hits: list[tuple[str, set[str]]] = []
    for g in gold:
        ids = {m["entity"] for m in scored if _overlaps(m, g) and g["type"] == m["type"]}
        if ids:
            hits.append((g["entity"], ids))
            for i in ids:
                per_gold[g["entity"]][i] += 1
    modal = {k: c.most_common(1)[0][0] for k, c in per_gold.items()}
    grouped = sum(1 for key, ids in hits if modal[key] in ids)
    return {
        "predicted": len(scored), "right": len(right), "gold": len(gold), "found": len(found),
        "grouped": grouped, "hit": len(hits),
        "entities": len({g["entity"] for g in gold}), "entities_found": len({g["entity"] for g in found}),
        "found_by_type": Counter(g["type"] for g in found), "gold_by_type": Counter(g["type"] for g in gold),
        "missed": [g["text"] for g in gold if g not in found],
        "spurious": [m for m in scored if m not in right],
    }


def _results(name: str) -> list[tuple[str, str, dict[str, Any]]]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    out = []
    for fx in data["fixtures"]:
        text, gold = parse(fx["text"])
        analysis = marsad.analyze(text, fx["published"]).to_dict()
        out.append((fx["id"], text, score(gold, analysis["entities"])))
    return out


def test_the_markup_parses_into_text_and_offsets() -> None:
    text, gold = parse("قال [[PERSON a|عماد]] في ب[[GPE b|بنغازي]] إن")
    assert text == "قال عماد في ببنغازي إن"
    assert [text[g["start"] : g["end"]] for g in gold] == ["عماد", "بنغازي"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floors_on_the_fixtures(name: str) -> None:
    results = _results(name)
    total: Counter[str] = Counter()
    by_type_found: Counter[str] = Counter()
    by_type_gold: Counter[str] = Counter()
    report = []
    for fx_id, text, r in results:
        for k in ("predicted", "right", "gold", "found", "grouped", "hit", "entities", "entities_found"):
            total[k] += r[k]
        by_type_found.update(r["found_by_type"])
        by_type_gold.update(r["gold_by_type"])
        spurious = [text[m["start"] : m["end"]] for m in r["spurious"]]
        report.append(f"{fx_id}: missed {r['missed']} spurious {spurious}")
    p = total["right"] / total["predicted"]
    rec = total["found"] / total["gold"]
    f1 = 2 * p * rec / (p + rec)
    measured = {
        "precision": p, "recall": rec, "f1": f1, "grouping": total["grouped"] / total["hit"],
        "entities_found": total["entities_found"] / total["entities"],
    }
    details = "\n".join(report)
    for k, floor in FLOORS[name].items():
        assert measured[k] >= floor, f"{k} {measured[k]:.3f} < {floor}\n{details}"
    for t, floor in TYPE_RECALL_FLOORS[name].items():
        got = by_type_found[t] / by_type_gold[t]
        assert got >= floor, f"{t} recall {got:.3f} < {floor}\n{details}"
