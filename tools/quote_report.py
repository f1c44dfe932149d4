"""Per-quote diagnosis of the quote stage on a development set: what we predicted and why.

    python tools/quote_report.py [GOLD.json | FOLDER …] [--gold-inputs] [--wrong] [--spurious]
                                 [--optional] [--width N]

For every gold quote (required ones; ``--optional`` adds the others) it prints one block:

    status  FILE  gold-speaker  ← predicted speaker  [channel]  cue «…»
            context: the words of the sentence before the quote, then the quote's first words

The last line also counts dates: gold quotes whose date a found quote gives right, and found
quotes that carry a date where the gold has none. ``status`` is ``ok`` (a predicted quote overlaps it and one of the overlapping ones has the gold
speaker), ``SPK`` (found, speaker wrong) or ``MISS`` (not found). The predicted speaker is shown
as the gold key its entity maps to (the scorer's rule: the modal gold entity of its mentions), or
as ``~name`` when its entity has no gold mention, or ``-`` when the quote has no speaker. A tag
says when the error is the entity stage's: ``[gold speaker not recognized]`` (no predicted
mention overlaps any mention of the gold speaker before the quote ends) or ``[speaker entity
unmapped]``. ``--spurious`` lists the predicted quotes that overlap no gold quote (optional
ones included), for span precision. ``--gold-inputs`` runs the quote stage on the gold entities
and times (it measures the stage apart from the entity stage).

The corpus and the shared scorer are read from $MARSAD_SHARED (else ``../shared``); without
them the tool prints ``skipped: …`` and exits 0. Article text is printed, never written.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.devset import DEFAULT_CORPUS, gold_files, load_gold, read_corpus  # noqa: E402


def _shared() -> Path:
    env = os.environ.get("MARSAD_SHARED")
    if env:
        return Path(env)
    for p in (ROOT.parent, ROOT.parent.parent):
        if (p / "shared").is_dir():
            return p / "shared"
    return ROOT.parent / "shared"


def _load_module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _analyze(text: str, pub: str | None, gold: dict[str, Any] | None) -> dict[str, Any]:
    import marsad
    from marsad.analysis import Analysis

    if gold is None:
        d: dict[str, Any] = marsad.analyze(text, published=pub).to_dict()
        return d
    gi = _load_module("score_with_gold_inputs", ROOT / "tools" / "score_with_gold_inputs.py")
    from marsad.pipeline import Pipeline

    doc = gi.gold_document(gold, text, datetime.date.fromisoformat(pub) if pub else None)
    Pipeline(["quotes"], initial=("text", "normalized", "tokens", "sentences", "paragraphs", "headline",
                                  "language", "entities", "times"))(doc)
    out: dict[str, Any] = Analysis(doc).to_dict()
    return out


def _pkey(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, str]:
    """Predicted entity id → modal gold key (the scorer's mapping)."""
    votes: dict[str, Counter[str]] = {}
    types = {k: v["type"] for k, v in gold["entities"].items()}
    for e in pred.get("entities", []):
        for m in e.get("mentions", []):
            for g in gold["mentions"]:
                if m["start"] < g["end"] and g["start"] < m["end"] and types[g["entity"]] == e.get("type"):
                    votes.setdefault(e["id"], Counter())[g["entity"]] += 1
    return {pid: c.most_common(1)[0][0] for pid, c in votes.items()}


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _sentence_start(text: str, i: int) -> int:
    j = i
    while j > 0 and text[j - 1] not in ".!?؟\n":
        j -= 1
    return j


def report(path: Path, gold: dict[str, Any], text: str, pub: str | None, args: argparse.Namespace) -> Counter[str]:
    pred = _analyze(text, pub, gold if args.gold_inputs else None)
    pkey = _pkey(gold, pred)
    names = {e["id"]: e.get("name") or e["id"] for e in pred.get("entities", [])}
    found_spans: list[tuple[int, int]] = [
        (m["start"], m["end"]) for e in pred.get("entities", []) for m in e.get("mentions", [])
    ]
    w = args.width
    tally: Counter[str] = Counter()

    def who(eid: str | None) -> str:
        if not eid:
            return "-"
        return pkey.get(eid) or "~" + str(names.get(eid, eid))

    for g in gold["quotes"]:
        if not g.get("required", True) and not args.optional:
            continue
        cands = [q for q in pred.get("quotes", []) if q["start"] < g["end"] and g["start"] < q["end"]]
        ok = any(pkey.get(q.get("speaker") or "") == g["speaker"] and g["speaker"] for q in cands)
        if cands:
            if g.get("date"):
                tally["date_gold"] += 1
                tally["date_ok"] += any(str(q.get("date") or "")[:10] == str(g["date"])[:10] for q in cands)
            elif any(q.get("date") for q in cands):
                tally["date_extra"] += 1
        status = "ok" if ok else ("SPK" if cands else "MISS")
        if g.get("required", True):
            tally[status] += 1
        if args.wrong and ok:
            continue
        tags = []
        if status == "SPK" and g["speaker"]:
            gm = [m for m in gold["mentions"] if m["entity"] == g["speaker"] and m["start"] < g["end"]]
            if gm and not any(s < m["end"] and m["start"] < e for m in gm for s, e in found_spans):
                tags.append("gold speaker not recognized")
            if any(q.get("speaker") and not pkey.get(q["speaker"]) for q in cands):
                tags.append("speaker entity unmapped")
        pw = ", ".join(f"{who(q.get('speaker'))}" + (f" via {who(q.get('channel'))}" if q.get("channel") else "")
                       for q in cands) or "·"
        cue = next((q.get("cue") for q in cands if q.get("cue")), None)
        cue_s = f"«{text[cue['start']:cue['end']]}»" if cue else ""
        opt = "" if g.get("required", True) else " (optional)"
        print(f"{status:4} {path.stem[:34]:34} {g['speaker'] or '-'} ← {pw} {cue_s} {g.get('kind', '')}{opt}"
              + (f"  [{'; '.join(tags)}]" if tags else ""))
        s0 = _sentence_start(text, g["start"])
        lead = text[max(s0, g["start"] - w) : g["start"]]
        print(f"     …{_clip(lead, w)} ⟪{_clip(text[g['start']:g['end']], 70)}⟫")
    if args.spurious:
        for q in pred.get("quotes", []):
            if any(q["start"] < g["end"] and g["start"] < q["end"] for g in gold["quotes"]):
                continue
            tally["spurious"] += 1
            cue = q.get("cue")
            cue_s = f"«{text[cue['start']:cue['end']]}»" if cue else ""
            s0 = _sentence_start(text, q["start"])
            print(f"SPUR {path.stem[:34]:34} {who(q.get('speaker'))} {cue_s}")
            print(f"     …{_clip(text[max(s0, q['start'] - w) : q['start']], w)} ⟪{_clip(q['text'], 70)}⟫")
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "eval" / "dev" / "articles")])
    ap.add_argument("--gold-inputs", action="store_true", help="gold entities and times as input")
    ap.add_argument("--wrong", action="store_true", help="only the quotes not right")
    ap.add_argument("--spurious", action="store_true", help="also the predicted quotes matching no gold quote")
    ap.add_argument("--optional", action="store_true", help="also the optional gold quotes")
    ap.add_argument("--width", type=int, default=110, help="characters of context before a quote")
    args = ap.parse_args(argv)
    shared = _shared()
    if not (shared / "corpus" / DEFAULT_CORPUS).is_file():
        print(f"skipped: no corpus under {shared} (set MARSAD_SHARED)")
        return 0
    files = gold_files([Path(p) for p in args.paths])
    golds = [(f, load_gold(f)) for f in files]
    recs = read_corpus(shared / "corpus" / DEFAULT_CORPUS, [g["document"] for _, g in golds])
    total: Counter[str] = Counter()
    from marsad.dates import parse_published

    for f, g in golds:
        rec = recs.get(g["document"])
        if rec is None:
            print(f"{f}: article {g['document']} not in the corpus")
            continue
        p = parse_published(rec.get("published"), strict=False)
        total += report(f, g, rec["text"], p.isoformat() if p else None, args)
    n = total["ok"] + total["SPK"] + total["MISS"]
    print(f"\nrequired {n}: ok {total['ok']}  speaker wrong {total['SPK']}  missed {total['MISS']}"
          + (f"  spurious predictions {total['spurious']}" if args.spurious else ""))
    print(f"dates: {total['date_ok']}/{total['date_gold']} gold dates given right; "
          f"{total['date_extra']} found quotes dated where the gold has no date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
