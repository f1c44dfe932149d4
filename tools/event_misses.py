"""Why events are missed or spurious: a per-event diagnosis of the event stage on a gold folder.

    python tools/event_misses.py [--dev eval/dev/articles] [--gold-inputs] [--only ID ...]
                                 [--spurious] [--summary]

For every required gold event that no predicted event matches (the scorer's loose match: code,
and source and target hitting both sides) it prints the sentences where the event most likely
is (the sentences naming the gold sides, best first, and those with a trigger of one of the gold
codes), and for each: the entities the pipeline found there (with the gold key each stands for),
gold mentions it missed, the time expressions, every trigger the lexicon saw (code, form, tense),
and every event mention built from them with its arguments, mode and fate (the event it became,
or why it was dropped). Each miss gets a cause, guessed in this order:

* ``entity``: a gold side has no predicted entity anywhere in the article (the entity stage);
* ``no-trigger``: no trigger of a gold code in the candidate sentences;
* ``dropped``: a mention of a gold code names a gold side but was dropped (the reason follows);
* ``actors``: mentions of a gold code exist, but their source and target do not hit the sides;
* ``merged``: the right mention went into an event with other actors or another code.

``--spurious`` also lists the predicted events that match no gold event, with their evidence.
``--gold-inputs`` replaces the entity and time stages by the gold annotation (as
tools/score_with_gold_inputs.py does), which separates this stage's errors from theirs. The
article text is printed to the terminal only; nothing is written.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from score_with_gold_inputs import SHARED, corpus_texts, gold_document, load_scorer

from marsad.analysis import Analysis
from marsad.doc import Document
from marsad.extract.events.context import DocContext
from marsad.extract.events.extract import EventExtractor, Mention
from marsad.pipeline import Pipeline, default_pipeline


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def entity_keys(doc: Document, gold: dict[str, Any]) -> dict[str, str]:
    """Predicted entity id → the gold key most of its mentions overlap (the scorer's rule)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    types = {k: v["type"] for k, v in gold["entities"].items()}
    for e in doc.entities:
        for m in e.mentions:
            for g in gold["mentions"]:
                if overlaps(m.start, m.end, g["start"], g["end"]) and types[g["entity"]] == e.type:
                    votes[e.id][g["entity"]] += 1
    return {pid: c.most_common(1)[0][0] for pid, c in votes.items()}


def ev_match(g: dict[str, Any], code: str, src: str | None, tgt: str | None) -> bool:
    if not any(code[:3] == c[:3] for c in g["codes"]):
        return False
    ks = {src, tgt}
    a, b = g["sides"]
    if b:
        return bool(ks & set(a)) and bool(ks & set(b))
    return bool(ks & set(a))


def short(text: str, n: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class Diagnosis:
    def __init__(self, name: str, gold: dict[str, Any], text: str, doc: Document) -> None:
        self.name, self.gold, self.text, self.doc = name, gold, text, doc
        self.keys = entity_keys(doc, gold)
        self.ctx = DocContext.of(doc)
        ex = EventExtractor()
        self.mentions: list[Mention] = ex.find_mentions(self.ctx)
        self.fate: dict[int, str] = {}
        self.events = ex.to_events(self.ctx, self.mentions, self.fate)
        self.triggers = {k: ex._triggers(self.ctx, a, b) for k, (a, b) in enumerate(self.ctx.full_sent) if a < b}

    def k(self, eid: str | None) -> str:
        if not eid:
            return "-"
        return self.keys.get(eid) or f"?{eid}:{self.ctx.entities[eid].name if eid in self.ctx.entities else ''}"

    def sent_span(self, k: int) -> tuple[int, int]:
        a, b = self.ctx.full_sent[k]
        return self.ctx.starts[a], self.ctx.ends[b - 1]

    def candidates(self, g: dict[str, Any]) -> list[int]:
        """Full sentences where the gold event most likely is, best first: the sentences that name
        the most keys of its sides (both sides counting more), with its date, with a trigger of
        one of its codes."""
        a_keys, b_keys = set(g["sides"][0]), set(g["sides"][1])
        want_date = g.get("date")
        scores = []
        for k in range(len(self.ctx.full_sent)):
            s0, s1 = self.sent_span(k)
            named = {m["entity"] for m in self.gold["mentions"] if s0 <= m["start"] < s1}
            trig = any(any(mt.entry.code[:3] == c[:3] for c in g["codes"]) for mt in self.triggers.get(k, []))
            dated = bool(want_date) and any(
                s0 <= t["start"] < s1 and str(t["value"]).startswith(str(want_date)) for t in self.gold["times"])
            sc = len(named & (a_keys | b_keys)) + bool(named & a_keys) + bool(named & b_keys) + 1.5 * trig
            sc += 1.5 * dated
            if named & (a_keys | b_keys) or trig:
                scores.append((sc, -k, k))
        return [k for _, _, k in sorted(scores, reverse=True)[:3]]

    def cause(self, g: dict[str, Any], cands: list[int]) -> str:
        found = set(self.keys.values())
        a, b = set(g["sides"][0]), set(g["sides"][1])
        if not (a & found) or (b and not (b & found)):
            return "entity"
        mine = [m for m in self.mentions if any(m.code[:3] == c[:3] for c in g["codes"])]
        near = [m for m in mine if m.sentence in cands]
        if not near:
            trig = [mt for k in cands for mt in self.triggers.get(k, [])
                    if any(mt.entry.code[:3] == c[:3] for c in g["codes"])]
            return "no-trigger" if not trig else "composed"
        for m in near:
            if ev_match(g, m.code, self.keys.get(m.source or ""), self.keys.get(m.target or "")):
                f = self.fate.get(id(m), "")
                return "dropped: " + f if f.startswith("dropped") else "merged: " + f
        return "actors"

    def show_sentence(self, k: int) -> None:
        s0, s1 = self.sent_span(k)
        print(f"    [s{k}] «{short(self.text[s0:s1], 400)}»")
        ents = []
        for e in self.doc.entities:
            for m in e.mentions:
                if s0 <= m.start < s1:
                    ents.append((m.start, f"{m.text}={self.k(e.id)}/{e.type}"))
        print("      entities:", ", ".join(x for _, x in sorted(ents)) or "none")
        got = {(m.start, m.end) for e in self.doc.entities for m in e.mentions}
        missed = [f"{m['text'] if 'text' in m else self.text[m['start']:m['end']]}={m['entity']}"
                  for m in self.gold["mentions"]
                  if s0 <= m["start"] < s1 and not any(overlaps(m["start"], m["end"], a, b) for a, b in got)]
        if missed:
            print("      gold mentions not found:", ", ".join(missed))
        ts = [f"{t.text}={t.value}" for t in self.doc.times if s0 <= t.start < s1]
        if ts:
            print("      times:", ", ".join(ts))
        trig = [f"{self.ctx.text(mt.i, mt.i + mt.n)}:{mt.entry.code}/{mt.form.pos}/{mt.form.tense}"
                for mt in self.triggers.get(k, [])]
        print("      triggers:", ", ".join(trig) or "none")
        for m in self.mentions:
            if m.sentence == k:
                print(f"      mention {m.code} {self.ctx.text(m.match.i, m.match.i + m.match.n)}: "
                      f"{self.k(m.source)} -> {self.k(m.target)}{' (weak)' if m.weak_target else ''} "
                      f"@{self.k(m.location)} {m.date} {m.mode}{' inferred' if m.inferred else ''} "
                      f"=> {self.fate.get(id(m), '?')}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", default="eval/dev/articles")
    ap.add_argument("--gold-inputs", action="store_true", help="entities and times from the gold file")
    ap.add_argument("--only", nargs="*", default=[], help="article ids (or parts of them)")
    ap.add_argument("--spurious", action="store_true", help="also list predicted events that match no gold event")
    ap.add_argument("--summary", action="store_true", help="only the causes, one line per miss")
    args = ap.parse_args(argv)
    if not (SHARED / "corpus").exists():
        print(f"skipped: no corpus under {SHARED} (set MARSAD_SHARED)")
        return 0
    load_scorer()
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.dev).glob("*.json"))}
    if args.only:
        golds = {k: v for k, v in golds.items() if any(o in k for o in args.only)}
    texts = corpus_texts(set(golds))
    rest = Pipeline(["quotes", "events"], initial=("text", "normalized", "tokens", "sentences", "paragraphs",
                                                    "headline", "language", "entities", "times"))
    causes: Counter[str] = Counter()
    lines: list[str] = []
    n_spurious = 0
    for name, g in golds.items():
        if name not in texts or not g.get("events"):
            continue
        text, pub = texts[name]
        if g.get("published"):
            pub = datetime.date.fromisoformat(g["published"][:10])
        for m in g["mentions"]:
            m.setdefault("text", text[m["start"] : m["end"]])
        if args.gold_inputs:
            doc = gold_document(g, text, pub)
            rest(doc)
        else:
            doc = Document(text, published=pub)
            default_pipeline()(doc)
        d = Diagnosis(name, g, text, doc)
        pred = Analysis(doc).to_dict()["events"]
        req = [e for e in g["events"] if e.get("required", True)]
        misses = [e for e in req if not any(ev_match(e, p["code"], d.keys.get(p["source"] or ""),
                                                     d.keys.get(p["target"] or "")) for p in pred)]
        spurious = [p for p in pred if not any(ev_match(e, p["code"], d.keys.get(p["source"] or ""),
                                                        d.keys.get(p["target"] or "")) for e in g["events"])]
        n_spurious += len(spurious)
        if not misses and not (args.spurious and spurious):
            continue
        if not args.summary:
            print(f"== {name}: {len(req) - len(misses)}/{len(req)} found, {len(pred)} predicted")
        for e in misses:
            cands = d.candidates(e)
            cause = d.cause(e, cands)
            causes[cause.split(":")[0]] += 1
            lines.append(f"{cause[:70]:70} {name} {e['id']}")
            if args.summary:
                continue
            print(f"  MISS {e['id']} {e['codes']} {e['sides']} date={e['date']} at={e['location']}")
            print(f"    gold: {e['label']}")
            print(f"    cause: {cause}")
            for k in cands:
                d.show_sentence(k)
        if args.spurious and not args.summary:
            for p in spurious:
                print(f"  SPURIOUS {p['code']} {d.k(p['source'])} -> {d.k(p['target'])} @{d.k(p['location'])} "
                      f"{p['date']} {p['mode']} «{short(p.get('text') or '', 200)}»")
    print("\n== causes of the misses")
    for c, n in causes.most_common():
        print(f"  {n:3}  {c}")
    if args.summary:
        for line in sorted(lines):
            print("  " + line)
    print(f"  spurious events: {n_spurious}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
