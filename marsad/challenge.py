"""Score marsad on the challenge set: short Arabic news texts written for it, from many outlets,
regions and years (``eval/challenge/texts.jsonl``; see eval/challenge/README.md).

    python -m marsad.challenge [FILE] [--per-item] [--json] [--tag TAG] [--id ID…] [--stages …]
                               [--oracle]

Each line of the file is one text with its gold (built by ``tools/challenge.py build`` from the
sources in ``eval/challenge/src/``). The runner analyzes each text with :func:`marsad.analyze`
(the text's ``published`` date given) and scores the analysis layer by layer:

* **entities**: mention precision, recall and F1 (a prediction is right when it overlaps a gold
  mention of the same type; predictions over an ``ignore`` span, or strictly inside a longer gold
  mention of another type, are not counted: the shared scorer's rule), the same recall with any
  type, and entity recall (a gold entity with at least one mention found).
* **times**: value accuracy (a required gold time overlapped by a prediction of the same value),
  span recall and span precision.
* **events**: recall of the CAMEO root with both actors (predicted source and target, in either
  order, hit the gold source and target; an entity is mapped to the gold key most of its mentions
  overlap), the same with the 3-digit code, with the actors in the right direction, and
  *strict* (location and date too, where the gold gives them); over the events found, the mode
  (asserted, negated, planned, denied, hypothetical), location and date accuracy; precision (a
  prediction that matches a gold event, required or not; a statement, root 01, by the speaker of
  a gold quote is neither right nor wrong).
* **quotes**: found (a prediction overlaps the reported content), speaker right (over the
  required quotes, and over those found), channel and kind right (over those found), precision.

Every gold item carries pattern tags (``apposition``, ``passive``, ``nominal``, ``negated`` …;
:data:`TAGS`); tags for the layer, the entity/time type, the CAMEO root, the quote kind and the
text's style are added here. Figures are given overall, per style and per tag; ``--per-item``
lists every miss and every spurious prediction, text by text. ``--oracle`` scores the gold
against itself (every figure must be 1.000: the file is consistent with the scorer).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.devset import Analyzer, marsad_analyzer
from marsad.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "eval" / "challenge" / "texts.jsonl"

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
MODES = ("asserted", "negated", "planned", "denied", "hypothetical")
KINDS = ("direct", "indirect")

#: the styles a text may have (its outlet's register)
STYLES = {
    "agency wire": "a news agency dispatch (وكالات، واس، وام، قنا، كونا، سانا، بترا، وال…)",
    "Gulf daily": "a Gulf newspaper (Saudi, Emirati, Qatari, Kuwaiti, Omani, Bahraini)",
    "Egyptian daily": "an Egyptian newspaper or site",
    "Levantine": "a Lebanese, Syrian, Jordanian or Palestinian outlet",
    "Maghrebi": "a Libyan, Algerian, Moroccan or Mauritanian outlet (Maghrebi month names)",
    "Iraqi": "an Iraqi outlet",
    "Yemeni": "a Yemeni outlet",
    "Sudanese": "a Sudanese outlet",
    "pan-Arab": "a pan-Arab outlet (London- or Doha-based dailies and sites)",
    "analysis piece": "an analysis or opinion piece",
    "TV transcript": "a news bulletin or talk show as spoken",
}

#: pattern tags: what each gold item tests. Layer, type, root, kind and style tags are added by
#: the scorer (``layer:events``, ``type:PERSON``, ``root:04``, ``kind:direct``, ``style:…``).
TAGS = {
    # texts
    "mini-article": "a 6-10 sentence article with a headline and a dateline",
    "headline": "the text starts with a headline line",
    "dateline": "a dateline («طرابلس - (وكالات)») opens the text, or the item depends on it",
    # entities
    "famous": "a well-known actor or place (a knowledge base should know it)",
    "invented": "an invented person or organization, or a small place a knowledge base may miss",
    "short-form": "also mentioned by surname, short form or acronym",
    "latin": "a mention in Latin script",
    "in-role": "an organization or country named inside a person's role",
    "outlet": "a news outlet or agency",
    # events and quotes: syntax
    "vso": "verb-subject-object order",
    "svo": "subject before the verb",
    "meet-with": "«التقى X مع/بـ Y»",
    "host": "«استقبل X Y»",
    "discuss": "«بحث X و Y» / «ناقش»",
    "visit": "«زار X» / «وصل إلى» / a visit",
    "phone": "a telephone call («اتصال هاتفي»، «هاتف»)",
    "coordination": "coordinated actors («التقى X وY»، «وقع X و Y»)",
    "apposition": "the actor or speaker in apposition («المبعوث الأممي، فلان،»)",
    "long-title": "the actor or speaker after a long title",
    "passive": "a passive verb",
    "tam-masdar": "«تم + verbal noun»",
    "nominal": "the event is a noun («زيارة X إلى Y»، «اعتقال…»)",
    "pro-drop": "the actor or speaker is not repeated (carried over from a previous clause)",
    "anaphor": "the actor or speaker is a common noun or honorific referring back («الجمعية»، «الطرفان»، «سموه»)",
    "object-first": "the object or a complement comes before the subject («ووقع الاتفاقية عن الهيئة X»)",
    "agentless": "the agent is not named (only the target)",
    "source-only": "an event with a source and no target (a condemnation of an event noun)",
    "reported": "the event is inside reported speech",
    "relative-date": "the event's or time's date is resolved from the publication date",
    "headline-event": "the event is stated in the headline",
    "signing": "an agreement signed («وقع»، «توقيع»)",
    # modes
    "negated": "the event did not happen («لم يلتق»)",
    "planned": "the event is scheduled or intended («من المقرر أن»، «يعتزم»)",
    "denied": "someone denies the event («نفى أن يكون…»)",
    "hypothetical": "the event is conditional or possible",
    # quotes
    "according-to": "«بحسب / وفق / نقلا عن / حسب»",
    "statement": "a written statement («أفاد بيان صادر عن»)",
    "add-chain": "«وأضاف» / «وتابع» continuing a speaker across sentences",
    "gender-switch": "two speakers of different gender in one chain («وأضافت»)",
    "role-speaker": "the speaker is named only by a role («المتحدث باسم الوزارة»)",
    "channel": "a channel is named («في تصريح لقناة…»، «في مقابلة مع صحيفة…»)",
    "anonymous": "an anonymous source",
    "multi-sentence": "the reported content spans several sentences",
    "quote-first": "the quote comes before its speaker",
    # times
    "absolute": "a full date as written",
    "weekday": "a weekday name",
    "levantine-month": "a Syriac month name (آذار، نيسان، أيار، حزيران، تموز، آب، أيلول، تشرين، كانون، شباط)",
    "maghrebi-month": "a Maghrebi month name (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت…)",
    "moroccan-month": "a Moroccan month name (يناير، ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر)",
    "dual-month": "two month names («آذار/مارس»)",
    "hijri": "a Hijri date",
    "duration": "a duration",
    "offset": "«قبل / منذ / بعد + an amount»",
    "part-of-day": "a part of the day («مساء أمس»)",
    "year-only": "a year or a month without a day",
    "narrative": "resolved against a date the text gives",
    "opt": "not required (not counted in recall; a prediction matching it is not spurious)",
}



# ---------------------------------------------------------------------------------------------
# loading


def load_items(path: Path) -> list[dict[str, Any]]:
    """The texts of a challenge file (JSON lines), each with its ``gold``."""
    if not path.is_file():
        raise ConfigError(f"no challenge file at {path}: build it with `python tools/challenge.py build`")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{path}, line {n}: not valid JSON ({e})") from e
        for k in ("id", "text", "gold"):
            if k not in item:
                raise ConfigError(f"{path}, line {n}: the text has no {k!r}")
        items.append(item)
    return items


def alternatives(item: dict[str, Any], role: str) -> set[str]:
    """The acceptable gold keys of an event's source/target or a quote's speaker."""
    first = item.get(role)
    return ({first} if first else set()) | set(item.get(f"{role}_alt") or ())


# ---------------------------------------------------------------------------------------------
# observations: one per scored gold item or prediction, with the tags it counts under


@dataclass
class Obs:
    layer: str
    metric: str
    hit: bool
    tags: frozenset[str]


@dataclass
class ItemResult:
    id: str
    style: str
    obs: list[Obs] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    problem: str | None = None


def _overlaps(a: Sequence[int], b: Sequence[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pred_mentions(pred: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"span": (m["start"], m["end"]), "entity": e["id"], "type": e.get("type"), "name": e.get("name"),
             "text": m.get("text", "")}
            for e in pred.get("entities", []) for m in e.get("mentions", [])]


def entity_key_map(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, str]:
    """Predicted entity id → the gold key most of its mentions overlap (of any type)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in _pred_mentions(pred):
        for key, ent in gold["entities"].items():
            for span in ent["mentions"]:
                if _overlaps(m["span"], span):
                    votes[m["entity"]][key] += 1
    return {pid: c.most_common(1)[0][0] for pid, c in votes.items()}


def code_matches(pred_code: str, gold_codes: Iterable[str], level: str) -> bool:
    """``root``: same 2-digit root as one gold code; ``code``: the 3-digit prefix of a gold code
    (a 2-digit gold code accepts its whole root)."""
    p = str(pred_code or "")
    for g in gold_codes:
        if level == "root" or len(g) == 2:
            if p[:2] == g[:2]:
                return True
        elif p[:3] == g[:3]:
            return True
    return False


def sides_match(ps: str | None, pt: str | None, src: set[str], tgt: set[str], directed: bool) -> bool:
    """The predicted source/target keys hit the gold source and target (either order unless
    ``directed``); an empty gold side is not checked."""
    def ok(a: str | None, b: str | None) -> bool:
        return (not src or a in src) and (not tgt or b in tgt)

    if not src and not tgt:
        return False
    if directed:
        return ok(ps, pt)
    if src and tgt:
        return ok(ps, pt) or ok(pt, ps)
    side = src or tgt
    return ps in side or pt in side


def _norm(v: Any) -> str | None:
    return None if v is None else str(v).strip().upper()


def score_item(item: dict[str, Any], pred: dict[str, Any]) -> ItemResult:
    """Observations and failure lines of one text."""
    gold, text = item["gold"], item["text"]
    style = item.get("style", "?")
    base = frozenset({f"style:{style}", *item.get("tags", ())})
    res = ItemResult(item["id"], style)
    obs, fail = res.obs, res.failures
    ents = gold["entities"]
    kmap = entity_key_map(gold, pred)
    pnames = {e["id"]: e.get("name") for e in pred.get("entities", [])}

    def show_key(pid: str | None) -> str:
        if not pid:
            return "-"
        k = kmap.get(pid)
        return k if k else f"«{pnames.get(pid)}»"

    # ---- entities ----
    gm = [(key, tuple(span), ent["type"]) for key, ent in ents.items() for span in ent["mentions"]]
    ignore = [tuple(x["span"]) for x in gold.get("ignore", [])]
    pm = _pred_mentions(pred)

    def nested(span: tuple[int, int]) -> bool:
        return any(g[0] <= span[0] and span[1] <= g[1] and g[1] - g[0] > span[1] - span[0] for _, g, _ in gm)

    scored = [m for m in pm if not any(_overlaps(m["span"], ig) for ig in ignore)]
    scored = [m for m in scored
              if any(_overlaps(m["span"], g) and t == m["type"] for _, g, t in gm) or not nested(m["span"])]
    found_keys = set()
    for key, span, typ in gm:
        etags = frozenset(ents[key].get("tags", ())) | {f"type:{typ}"}
        hit = any(_overlaps(m["span"], span) and m["type"] == typ for m in scored)
        anyt = any(_overlaps(m["span"], span) for m in pm)
        obs.append(Obs("entities", "mention_recall", hit, base | etags))
        obs.append(Obs("entities", "mention_recall_any_type", anyt, base | etags))
        if hit:
            found_keys.add(key)
        else:
            got = [f"{m['text']}[{m['type']}]" for m in pm if _overlaps(m["span"], span)]
            fail.append(f"mention missed: {text[span[0]:span[1]]}@{span[0]} [{typ}] {key}"
                        + (f" (predicted {', '.join(got)})" if got else ""))
    for key, ent in ents.items():
        obs.append(Obs("entities", "entity_recall", key in found_keys,
                       base | frozenset(ent.get("tags", ())) | {f"type:{ent['type']}"}))
    for m in scored:
        ok = any(_overlaps(m["span"], g) and t == m["type"] for _, g, t in gm)
        obs.append(Obs("entities", "mention_precision", ok, base | {f"type:{m['type']}"}))
        if not ok:
            fail.append(f"mention spurious: {m['text']}@{m['span'][0]} [{m['type']}]")

    # ---- times ----
    ptimes = pred.get("times", [])
    for t in gold["times"]:
        if not t.get("required", True):
            continue
        span = tuple(t["span"])
        tt = base | frozenset(t.get("tags", ())) | {f"type:{t['type']}"}
        cands = [p for p in ptimes if _overlaps((p["start"], p["end"]), span)]
        ok = any(_norm(p.get("value")) == _norm(t["value"]) for p in cands)
        obs.append(Obs("times", "value", ok, tt))
        obs.append(Obs("times", "span_recall", bool(cands), tt))
        if not ok:
            fail.append(f"time {'wrong' if cands else 'missed'}: {t['text']}@{span[0]} want {t['value']}"
                        + (f", got {[p.get('value') for p in cands]}" if cands else ""))
    for p in ptimes:
        ok = any(_overlaps((p["start"], p["end"]), t["span"]) for t in gold["times"])
        obs.append(Obs("times", "span_precision", ok, base))
        if not ok:
            fail.append(f"time spurious: {p.get('text')}@{p['start']}={p.get('value')}")

    # ---- events ----
    pev = pred.get("events", [])

    def keyed(e: dict[str, Any]) -> tuple[str | None, str | None]:
        return kmap.get(e.get("source") or ""), kmap.get(e.get("target") or "")

    def ev_match(g: dict[str, Any], e: dict[str, Any], level: str = "root", directed: bool = False) -> bool:
        if not code_matches(e.get("code", ""), g["codes"], level):
            return False
        ps, pt = keyed(e)
        return sides_match(ps, pt, alternatives(g, "source"), alternatives(g, "target"), directed)

    def show_event(e: dict[str, Any]) -> str:
        extra = [f"@{show_key(e.get('location'))}" if e.get("location") else "", e.get("date") or "",
                 e.get("mode", "asserted") if e.get("mode", "asserted") != "asserted" else ""]
        return (f"{e.get('code')} {show_key(e.get('source'))}→{show_key(e.get('target'))} "
                + " ".join(x for x in extra if x)).strip()

    for g in gold["events"]:
        if not g.get("required", True):
            continue
        codes_root = {c[:2] for c in g["codes"]}
        gt = base | frozenset(g.get("tags", ())) | {f"root:{r}" for r in codes_root} | {f"mode:{g['mode']}"}
        loose = [e for e in pev if ev_match(g, e)]
        obs.append(Obs("events", "recall", bool(loose), gt))
        obs.append(Obs("events", "recall_code", any(ev_match(g, e, "code") for e in pev), gt))
        obs.append(Obs("events", "recall_directed", any(ev_match(g, e, directed=True) for e in pev), gt))

        def loc_ok(e: dict[str, Any], g: dict[str, Any] = g) -> bool:
            return not g.get("location") or kmap.get(e.get("location") or "") == g["location"]

        def date_ok(e: dict[str, Any], g: dict[str, Any] = g) -> bool:
            return not g.get("date") or _norm(e.get("date")) == _norm(g["date"])

        strict = any(loc_ok(e) and date_ok(e) for e in loose)
        obs.append(Obs("events", "recall_strict", strict, gt))
        mode_ok = any(e.get("mode", "asserted") == g["mode"] for e in loose)
        if loose:
            obs.append(Obs("events", "mode", mode_ok, gt))
            if g.get("location"):
                obs.append(Obs("events", "location", any(loc_ok(e) for e in loose), gt))
            if g.get("date"):
                obs.append(Obs("events", "date", any(date_ok(e) for e in loose), gt))
        if not (loose and strict and mode_ok):
            trig = g.get("trigger") or {}
            want = (f"{'/'.join(g['codes'])} {g.get('source') or '-'}→{g.get('target') or '-'}"
                    + (f" @{g['location']}" if g.get("location") else "") + (f" {g['date']}" if g.get("date") else "")
                    + (f" {g['mode']}" if g["mode"] != "asserted" else ""))
            why = "missed" if not loose else ("mode" if not mode_ok else "location/date")
            got_ev = "; ".join(show_event(e) for e in (loose or pev)) or "no event"
            fail.append(f"event {why}: «{trig.get('text', '')}» want {want} | predicted: {got_ev}")
    speakers = set()
    for q in gold["quotes"]:
        speakers |= alternatives(q, "speaker")
    for e in pev:
        if any(ev_match(g, e) for g in gold["events"]):
            obs.append(Obs("events", "precision", True, base))
        elif str(e.get("code", ""))[:2] == "01" and keyed(e)[0] in speakers:
            continue  # a statement by a gold speaker: neutral
        else:
            obs.append(Obs("events", "precision", False, base))
            fail.append(f"event spurious: {show_event(e)}"
                        + (f" «{e.get('text', '')[:60]}»" if e.get("text") else ""))

    # ---- quotes ----
    pq = pred.get("quotes", [])
    for q in gold["quotes"]:
        if not q.get("required", True):
            continue
        span = tuple(q["span"])
        qt = base | frozenset(q.get("tags", ())) | {f"kind:{q['kind']}"}
        cands = [p for p in pq if _overlaps((p["start"], p["end"]), span)]
        spk = alternatives(q, "speaker")
        sp_ok = any(kmap.get(p.get("speaker") or "") in spk for p in cands)
        obs.append(Obs("quotes", "found", bool(cands), qt))
        obs.append(Obs("quotes", "speaker", sp_ok, qt))
        if cands:
            obs.append(Obs("quotes", "speaker_of_found", sp_ok, qt))
            kind_ok = any(p.get("kind") == q["kind"] for p in cands)
            obs.append(Obs("quotes", "kind", kind_ok, qt))
            if not kind_ok:
                fail.append(f"quote kind: «{q['text'][:40]}» want {q['kind']}, got {[p.get('kind') for p in cands]}")
            if q.get("channel"):
                ch_ok = any(kmap.get(p.get("channel") or "") == q["channel"] for p in cands)
                obs.append(Obs("quotes", "channel", ch_ok, qt))
                if not ch_ok:
                    fail.append(f"quote channel: «{q['text'][:40]}» want {q['channel']}, got "
                                f"{[show_key(p.get('channel')) for p in cands]}")
        if not cands:
            fail.append(f"quote missed: «{q['text'][:50]}» ({q.get('speaker')})")
        elif not sp_ok:
            fail.append(f"quote speaker: «{q['text'][:40]}» want {q.get('speaker')}, got "
                        f"{[show_key(p.get('speaker')) for p in cands]}")
    for p in pq:
        ok = any(_overlaps((p["start"], p["end"]), q["span"]) for q in gold["quotes"])
        obs.append(Obs("quotes", "precision", ok, base))
        if not ok:
            fail.append(f"quote spurious: «{p.get('text', '')[:50]}» ({show_key(p.get('speaker'))})")
    return res


# ---------------------------------------------------------------------------------------------
# running and aggregating


def gold_as_prediction(item: dict[str, Any]) -> dict[str, Any]:
    """An analysis that says what the gold says (``--oracle``): every figure must be 1.000."""
    gold = item["gold"]
    ids = {k: f"E{i + 1}" for i, k in enumerate(gold["entities"])}
    text = item["text"]
    ents = [{"id": ids[k], "type": e["type"], "name": e["name"],
             "mentions": [{"start": s, "end": t, "text": text[s:t]} for s, t in e["mentions"]]}
            for k, e in gold["entities"].items()]
    times = [{"start": t["span"][0], "end": t["span"][1], "text": t["text"], "type": t["type"], "value": t["value"]}
             for t in gold["times"]]
    events = [{"code": v["codes"][0] if len(v["codes"][0]) > 2 else v["codes"][0] + "0",
               "source": ids.get(v.get("source") or ""), "target": ids.get(v.get("target") or ""),
               "location": ids.get(v.get("location") or ""), "date": v.get("date"), "mode": v["mode"]}
              for v in gold["events"]]
    quotes = [{"start": q["span"][0], "end": q["span"][1], "text": q["text"], "kind": q["kind"],
               "speaker": ids.get(q.get("speaker") or ""), "channel": ids.get(q.get("channel") or "")}
              for q in gold["quotes"]]
    return {"entities": ents, "times": times, "events": events, "quotes": quotes}


def evaluate(items: Sequence[dict[str, Any]], analyze: Analyzer | None) -> list[ItemResult]:
    """Score every text; ``analyze=None`` is the oracle (the gold as the prediction)."""
    out = []
    for item in items:
        problem = None
        try:
            pred = gold_as_prediction(item) if analyze is None else analyze(item["text"], item.get("published"))
        except Exception as e:  # one failing text must not hide the others' figures
            problem = f"analysis failed: {type(e).__name__}: {e}"
            pred = {}
        r = score_item(item, pred)
        r.problem = problem
        out.append(r)
    return out


METRICS = {
    "entities": ("mention_precision", "mention_recall", "mention_recall_any_type", "entity_recall"),
    "times": ("value", "span_recall", "span_precision"),
    "events": ("recall", "recall_code", "recall_directed", "recall_strict", "mode", "location", "date",
               "precision"),
    "quotes": ("found", "speaker", "speaker_of_found", "channel", "kind", "precision"),
}
SHORT = {"mention_precision": "P", "mention_recall": "R", "mention_recall_any_type": "R-anytype",
         "entity_recall": "entities", "value": "value", "span_recall": "span-R", "span_precision": "span-P",
         "recall": "R", "recall_code": "R-code", "recall_directed": "R-dir", "recall_strict": "R-strict",
         "mode": "mode", "location": "loc", "date": "date", "precision": "P", "found": "found",
         "speaker": "speaker", "speaker_of_found": "spk|found", "channel": "channel", "kind": "kind"}


def aggregate(obs: Iterable[Obs], tag: str | None = None) -> dict[str, dict[str, dict[str, float | int]]]:
    """{layer: {metric: {"hits", "n", "value"}}} over the observations (with ``tag`` only)."""
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for o in obs:
        if tag is None or tag in o.tags:
            a = acc[(o.layer, o.metric)]
            a[0] += o.hit
            a[1] += 1
    out: dict[str, dict[str, dict[str, float | int]]] = {}
    for layer, metrics in METRICS.items():
        for m in metrics:
            if (layer, m) in acc:
                h, n = acc[(layer, m)]
                out.setdefault(layer, {})[m] = {"hits": h, "n": n, "value": round(h / n, 3) if n else 0.0}
    ent = out.get("entities", {})
    if "mention_precision" in ent and "mention_recall" in ent:
        p, r = ent["mention_precision"]["value"], ent["mention_recall"]["value"]
        f = 2 * p * r / (p + r) if p + r else 0.0
        ent["mention_f1"] = {"hits": 0, "n": 0, "value": round(f, 3)}
    return out


def all_tags(results: Sequence[ItemResult]) -> list[str]:
    seen: Counter[str] = Counter()
    for r in results:
        for o in r.obs:
            seen.update(o.tags)
    return sorted(seen)


def report(results: Sequence[ItemResult], per_item: bool = False, only_tag: str | None = None) -> str:
    obs = [o for r in results for o in r.obs]
    lines = []
    n_items = len(results)
    lines.append(f"challenge set: {n_items} texts" + (f", tag {only_tag}" if only_tag else ""))

    def fmt(agg: dict[str, dict[str, dict[str, float | int]]], layer: str) -> str:
        parts = []
        for m in (*METRICS[layer], "mention_f1"):
            if m in agg.get(layer, {}):
                v = agg[layer][m]
                label = "F1" if m == "mention_f1" else SHORT[m]
                parts.append(f"{label} {v['value']:.3f}" + (f" ({v['hits']}/{v['n']})" if v["n"] else ""))
        return "  ".join(parts)

    overall = aggregate(obs, only_tag)
    lines.append("")
    lines.append("overall")
    for layer in METRICS:
        if layer in overall:
            lines.append(f"  {layer:9s} {fmt(overall, layer)}")
    tags = [t for t in all_tags(results) if only_tag is None or t == only_tag]
    styles = [t for t in tags if t.startswith("style:")]
    lines.append("")
    lines.append("per style")
    for t in styles:
        agg = aggregate(obs, t)
        lines.append(f"  {t[6:]}")
        for layer in METRICS:
            if layer in agg:
                lines.append(f"    {layer:9s} {fmt(agg, layer)}")
    for layer in METRICS:
        lines.append("")
        lines.append(f"per pattern: {layer}")
        for t in tags:
            if t.startswith("style:"):
                continue
            agg = aggregate([o for o in obs if o.layer == layer], t)
            if layer in agg and any(v["n"] for m, v in agg[layer].items() if "precision" not in m):
                agg[layer] = {m: v for m, v in agg[layer].items() if "precision" not in m and m != "mention_f1"}
                lines.append(f"  {t:22s} {fmt(agg, layer)}")
    if per_item:
        lines.append("")
        lines.append("per item")
        for r in results:
            if r.failures or r.problem:
                lines.append(f"  {r.id} ({r.style})")
                if r.problem:
                    lines.append(f"    PROBLEM {r.problem}")
                for f in r.failures:
                    lines.append(f"    {f}")
    return "\n".join(lines)


def as_json(results: Sequence[ItemResult]) -> dict[str, Any]:
    obs = [o for r in results for o in r.obs]
    return {"texts": len(results), "overall": aggregate(obs),
            "per_tag": {t: aggregate(obs, t) for t in all_tags(results)},
            "failures": {r.id: r.failures for r in results if r.failures},
            "problems": {r.id: r.problem for r in results if r.problem}}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.challenge", description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE, help="the challenge file (JSON lines)")
    ap.add_argument("--per-item", action="store_true", help="list the misses and spurious predictions per text")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--tag", help="figures for the gold items with this tag only (e.g. apposition, root:04)")
    ap.add_argument("--id", nargs="+", help="score only these texts")
    ap.add_argument("--stages", help="comma-separated pipeline stages (default: the default pipeline)")
    ap.add_argument("--oracle", action="store_true", help="score the gold against itself (must be all 1.000)")
    args = ap.parse_args(argv)
    try:
        items = load_items(args.file)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.id:
        wanted = set(args.id)
        items = [i for i in items if i["id"] in wanted or any(re.fullmatch(w, i["id"]) for w in wanted)]
    analyzer = None if args.oracle else marsad_analyzer(args.stages.split(",") if args.stages else None)
    results = evaluate(items, analyzer)
    if args.json:
        print(json.dumps(as_json(results), ensure_ascii=False, indent=1))
    else:
        print(report(results, args.per_item, args.tag))
    return 1 if any(r.problem for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
