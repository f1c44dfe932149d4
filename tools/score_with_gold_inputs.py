"""Score the quote, event and indicator stages alone: entities and times come from the gold file.

    python tools/score_with_gold_inputs.py [GOLD.json ...] [--dev DIR] [--json] [--show]

Without arguments it scores the seed article (../shared/eval/seed). ``--dev DIR`` scores every
gold file of a development set folder (eval/dev/articles), reading each article's text and
publication date from the corpus. The entity and time stages are replaced by the gold
annotation (each gold entity becomes one entity with its gold mentions; each gold time its
value), so the figures measure these stages given perfect inputs; ``marsad analyze`` measures
the whole pipeline. ``--show`` prints the events, quotes, indicators and hypotheses found.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(
    os.environ.get("MARSAD_SHARED")
    or next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent / "shared")
)
sys.path.insert(0, str(ROOT))

from marsad.analysis import Analysis  # noqa: E402
from marsad.doc import Document, Entity, Mention, TimeExpression  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402


def load_scorer() -> Any:
    path = SHARED / "tools" / "score_analysis.py"
    spec = importlib.util.spec_from_file_location("score_analysis", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_document(gold: dict[str, Any], text: str, published: datetime.date | None) -> Document:
    doc = Document(text, published=published)
    Pipeline(["text", "language"])(doc)
    ids: dict[str, str] = {}
    for n, (k, spec) in enumerate(gold["entities"].items(), 1):
        ids[k] = f"E{n}"
        doc.entities.append(Entity(f"E{n}", spec["type"], spec.get("name") or k, name_en=spec.get("name_en"), kb_id=k))
    by_id = {e.id: e for e in doc.entities}
    for m in gold["mentions"]:
        e = by_id[ids[m["entity"]]]
        e.mentions.append(Mention(m["start"], m["end"], text[m["start"] : m["end"]], "gold"))
    for t in gold.get("times", []):
        doc.times.append(TimeExpression(t["start"], t["end"], text[t["start"] : t["end"]], t.get("type", "DATE"),
                                        str(t["value"]), "gold"))
    doc.times.sort(key=lambda t: t.start)
    doc.provided |= {"entities", "times"}
    return doc


def corpus_texts(ids: set[str]) -> dict[str, tuple[str, datetime.date | None]]:
    out = {}
    with gzip.open(SHARED / "corpus" / "ant-jawharafm-2017.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in ids:
                pub = None
                raw = str(r.get("published") or "")
                try:
                    if "T" in raw or raw[:4].isdigit():
                        pub = datetime.date.fromisoformat(raw[:10])
                    elif "/" in raw:
                        d, mo, y = raw.split()[0].split("/")
                        pub = datetime.date(int(y), int(mo), int(d))
                except ValueError:
                    pub = None
                out[r["id"]] = (r["text"], pub)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--dev", help="a folder of dev-set gold files (eval/dev/articles)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    scorer_path = SHARED / "tools" / "score_analysis.py"
    if not scorer_path.exists():
        print(f"skipped: the shared scorer {scorer_path} is not here (set MARSAD_SHARED)")
        return 1
    scorer = load_scorer()
    items: list[tuple[str, dict[str, Any], str, datetime.date | None]] = []
    if args.dev:
        golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.dev).glob("*.json"))}
        texts = corpus_texts(set(golds))
        for k, g in golds.items():
            if k in texts:
                text, pub = texts[k]
                if g.get("published"):
                    pub = datetime.date.fromisoformat(g["published"][:10])
                items.append((k, g, text, pub))
    paths = args.gold or ([] if args.dev else [str(SHARED / "eval" / "seed" / "gold.json")])
    for p in paths:
        g = json.loads(Path(p).read_text(encoding="utf-8"))
        doc_name = str(g["document"])
        cand = [Path(p).parent / doc_name, Path(p).parent / f"{doc_name}.txt", *Path(p).parent.glob(f"*{doc_name}*")]
        text_path = next((c for c in cand if c.exists()), None)
        if text_path is None:
            print(f"no text next to {p}")
            return 1
        items.append((g["document"], g, text_path.read_text(encoding="utf-8"), None))
    stages = Pipeline(["quotes", "events", "indicators"], initial=("text", "normalized", "tokens", "sentences",
                                                                   "paragraphs", "headline", "language",
                                                                   "entities", "times"))
    totals: Counter[str] = Counter()
    per: list[dict[str, Any]] = []
    for name, g, text, pub in items:
        for part in ("mentions", "times", "quotes"):
            for x in g.get(part, []):
                x.setdefault("text", text[x["start"] : x["end"]])
        doc = gold_document(g, text, pub)
        stages(doc)
        pred = Analysis(doc).to_dict()
        res = scorer.score(g, pred)
        ev, q = res["events"], res["quotes"]
        gold_ev = [e for e in g["events"] if e.get("required", True)]
        totals["ev_required"] += ev["required"]
        totals["ev_strict"] += ev["strict_found"]
        totals["ev_loose"] += ev["loose_found"]
        totals["ev_pred"] += ev["predicted"]
        totals["ev_tp"] += ev["true_predicted"]
        totals["q_required"] += q["required"]
        totals["q_found"] += q["found_count"]
        totals["q_speaker"] += q["speaker_count"]
        for kind in ("indicators", "hypotheses"):
            totals[kind + "_gold"] += res[kind]["gold"]
            totals[kind + "_hit"] += round(res[kind]["recall"] * res[kind]["gold"])
        per.append({"document": name, **{k: res[k] for k in ("events", "quotes", "indicators", "hypotheses")}})
        if not args.json:
            print(f"{name}: events strict {ev['strict_found']}/{len(gold_ev)} loose {ev['loose_found']} "
                  f"precision {ev['precision_actors_and_type']:.2f} ({ev['predicted']} predicted); "
                  f"quotes {q['found_count']}/{q['required']} speaker {q['speaker_count']}; "
                  f"indicators {res['indicators']['recall']:.2f} hypotheses {res['hypotheses']['recall']:.2f}")
            if ev["missed_strict"]:
                print("   missed events:", ", ".join(ev["missed_strict"]))
            for m in q["missed"]:
                print("   quote", m)
        if args.show:
            names = {e.id: e.kb_id for e in doc.entities}
            for e in doc.events:
                print(f"   V {e.code} {e.label[:28]:28} {names.get(e.source or '')}->{names.get(e.target or '')} "
                      f"@{names.get(e.location or '')} {e.date} {e.mode} «{text[e.evidence.start:e.evidence.end][:70]}»")
            for qq in doc.quotes:
                print(f"   Q {qq.kind[:3]} {names.get(qq.speaker or '')} via {names.get(qq.channel or '')} {qq.date} "
                      f"«{qq.text[:60]}»")
            for c in doc.citations:
                print(f"   C {c.kind} {names.get(c.source or '')} {c.date} «{text[c.evidence.start:c.evidence.end][:60]}»")
            for ind in doc.indicators:
                print(f"   I «{ind.text[:70]}» {[names.get(a) for a in ind.actors]} {ind.event_code}")
            for h in doc.hypotheses:
                print(f"   H «{h.text[:70]}»")
    p = totals["ev_tp"] / totals["ev_pred"] if totals["ev_pred"] else 0.0
    r = totals["ev_strict"] / totals["ev_required"] if totals["ev_required"] else 0.0
    rl = totals["ev_loose"] / totals["ev_required"] if totals["ev_required"] else 0.0
    f1 = 2 * p * rl / (p + rl) if p + rl else 0.0
    summary = {
        "documents": len(items),
        "events": {"required": totals["ev_required"], "strict_found": totals["ev_strict"],
                   "loose_found": totals["ev_loose"], "predicted": totals["ev_pred"], "true_predicted": totals["ev_tp"],
                   "precision": round(p, 3), "recall_strict": round(r, 3), "recall_loose": round(rl, 3),
                   "f1_loose": round(f1, 3)},
        "quotes": {"required": totals["q_required"], "found": totals["q_found"], "speaker": totals["q_speaker"],
                   "speaker_accuracy": round(totals["q_speaker"] / totals["q_found"], 3) if totals["q_found"] else 0.0},
        "indicators": {"gold": totals["indicators_gold"], "found": totals["indicators_hit"]},
        "hypotheses": {"gold": totals["hypotheses_gold"], "found": totals["hypotheses_hit"]},
    }
    if args.json:
        print(json.dumps({"summary": summary, "documents": per}, ensure_ascii=False, indent=1))
    else:
        print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
