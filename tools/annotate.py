"""Write development-set gold files from a compact annotation, and check them against the corpus.

    python tools/annotate.py text ID                 # the article with character offsets (to read it)
    python tools/annotate.py find ID STRING          # where STRING occurs (word-bounded, clitics allowed)
    python tools/annotate.py build SRC… [-o DIR]     # compact annotation -> eval/dev/articles/<id>.json
    python tools/annotate.py check GOLD…             # validate gold files against the corpus
    python tools/annotate.py show GOLD               # the article with the annotation drawn inline
    python tools/annotate.py compact GOLD            # a gold file back into the compact form

The compact annotation is a local working file (it quotes bits of the article, so it is not
committed; the gold JSON, offsets and names only, is). Sections, one item a line, ``|`` between
fields, ``#`` starts a comment at the start of a line::

    id: JA-politic-12-20170304
    [entities]
    youssef-chahed | PERSON | يوسف الشاهد | Youssef Chahed
    [mentions]
    يوسف الشاهد = youssef-chahed           # every word-bounded occurrence (clitics و ف ب ل ك before it)
    الشاهد = youssef-chahed                # occurrences already inside a longer mention are skipped
    تونس #0 #3 = tunisia                   # only occurrences 0 and 3 (see `find`)
    تونس -2 = tunisia                      # every occurrence but number 2
    تونس @1234 = tunisia                   # the occurrence that starts at offset 1234
    [ignore]
    الحكومة #1 | why it is optional
    الحكومة * | every word-bounded occurrence
    [times]
    الأحد #0 | 2017-03-05 | DATE | rel opt | a note
    (flags: rel = resolved from the publication date, narr = from a date the story gives,
     year = a partial date whose year is inferred, opt = not required)
    [events]
    id | 042 043 | src-key other-key | target-key | 2017-03-05 | location-key | req | English label
    [quotes]
    first words … last words #0 | speaker | channel | indirect | 2017-03-05 | req

Mentions are matched longest surface first; an occurrence overlapping a mention already placed
is skipped, so «حركة نداء تونس» written before «تونس» keeps «تونس» out of the party's name.
A surface that starts with ال also matches after the preposition ل with the alef elided
(«للحكومة» gives the mention «لحكومة»). Times and ignore spans match any occurrence of the string
(not only whole words). A quote is ``START … END`` (the span runs from the start of START to the
end of the first END after it) or a single string; ``#n``/``@n`` pick the occurrence of START.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.contract import valid_timex  # noqa: E402
from marsad.dates import parse_published  # noqa: E402
from marsad.devset import DEFAULT_CORPUS, read_corpus, shared_dir  # noqa: E402

TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FFA-Za-z0-9]")
PROCLITICS = re.compile(r"[وف]?[بلك]?")
ELIDED_PREFIX = re.compile(r"[وف]?ل")
# CAMEO 01 (statements) and 02 (appeals) are not in the shared PLOVER table; the rest are read from it
CAMEO_01_02 = {
    "010", "011", "012", "013", "014", "015", "016", "017", "018", "019",
    "020", "021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232", "0233", "0234",
    "024", "0241", "0242", "0243", "0244", "025", "0251", "0252", "0253", "0254", "0255", "0256",
    "026", "027", "028",
}


class AnnotationError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# corpus access


def corpus_path() -> Path:
    p = shared_dir() / "corpus" / DEFAULT_CORPUS
    if not p.is_file():
        raise AnnotationError(f"the corpus {p} is missing: set MARSAD_SHARED to the shared folder")
    return p


def record(doc_id: str) -> dict[str, Any]:
    recs = read_corpus(corpus_path(), [doc_id])
    if doc_id not in recs:
        raise AnnotationError(f"article {doc_id!r} is not in the corpus")
    return recs[doc_id]


def cameo_codes() -> set[str]:
    codes = set(CAMEO_01_02)
    p = shared_dir() / "docs" / "CAMEO2PLOVER-2021.txt"
    if p.is_file():
        for line in p.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^(\d{2,4}):", line)
            if m:
                codes.add(m.group(1))
    return codes


# ---------------------------------------------------------------------------------------------
# matching


def word_occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of ``surface``; proclitics (و ف ب ل ك, لل) may stand before it."""
    out = []
    forms = [surface]
    if surface.startswith("ال") and len(surface) > 3:
        # «للحكومة» is ل + (ا)لحكومة; «للجنة» is ل + (ال)لجنة: the article drops before a lam
        forms.append(surface[2:] if surface[2] == "ل" else "ل" + surface[2:])
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            s, e = m.start(), m.end()
            if e < len(text) and ARABIC_LETTER.match(text[e]):
                continue
            # the letters glued before the match must be proclitics, from a word boundary
            j = s
            while j > 0 and ARABIC_LETTER.match(text[j - 1]):
                j -= 1
            prefix = text[j:s]
            if form is not surface:  # the elided form needs its ل preposition before it
                if not ELIDED_PREFIX.fullmatch(prefix):
                    continue
            elif prefix and not PROCLITICS.fullmatch(prefix):
                continue
            out.append((s, e))
    return sorted(set(out))


def raw_occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]


SEL = re.compile(r"\s+(#\d+|-\d+|@\d+)")


def split_selectors(spec: str) -> tuple[str, list[str]]:
    """``'تونس #0 #3'`` -> ``('تونس', ['#0', '#3'])``."""
    sels = SEL.findall(" " + spec)
    surface = SEL.sub("", " " + spec).strip()
    return surface, sels


def select(occ: list[tuple[int, int]], sels: list[str], what: str) -> list[tuple[int, int]]:
    if not occ:
        raise AnnotationError(f"{what}: not found in the article")
    pick = [s for s in sels if s[0] in "#@"]
    drop = {int(s[1:]) for s in sels if s[0] == "-"}
    if not pick:
        return [o for i, o in enumerate(occ) if i not in drop]
    out = []
    for s in pick:
        n = int(s[1:])
        if s[0] == "#":
            if n >= len(occ):
                raise AnnotationError(f"{what}: occurrence #{n} asked, only {len(occ)} found")
            out.append(occ[n])
        else:
            hits = [o for o in occ if o[0] == n]
            if not hits:
                raise AnnotationError(f"{what}: no occurrence starts at @{n} (starts: {[o[0] for o in occ]})")
            out.append(hits[0])
    return out


# ---------------------------------------------------------------------------------------------
# the compact form


def parse_compact(src: str) -> tuple[str, dict[str, list[str]], dict[str, str]]:
    sections: dict[str, list[str]] = {}
    meta: dict[str, str] = {}
    cur = None
    for raw in src.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            cur = m.group(1)
            sections.setdefault(cur, [])
            continue
        if cur is None:
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
            continue
        sections[cur].append(line)
    if "id" not in meta:
        raise AnnotationError("the compact annotation has no 'id:' line")
    return meta["id"], sections, meta


def _opt(v: str) -> str | None:
    v = v.strip()
    return None if v in ("", "-", "null", "None") else v


def build(src: str) -> dict[str, Any]:
    doc_id, sec, meta = parse_compact(src)
    rec = record(doc_id)
    text = rec["text"]
    pub = parse_published(rec.get("published"), strict=False)
    gold: dict[str, Any] = {
        "schema": "marsad.gold/1",
        "document": doc_id,
        "corpus": DEFAULT_CORPUS,
        "published": pub.isoformat() if pub else None,
        "category": rec.get("category"),
        "annotator": meta.get("annotator", "devset"),
        "layers": ["entities", "times", "events", "quotes"],
        "entities": {},
        "mentions": [],
        "ignore": [],
        "times": [],
        "events": [],
        "quotes": [],
        "indicators": [],
        "hypotheses": [],
    }
    if meta.get("note"):
        gold["note"] = meta["note"]
    for line in sec.get("entities", []):
        f = [x.strip() for x in line.split("|")]
        if len(f) < 4:
            raise AnnotationError(f"entity line needs key | TYPE | Arabic name | English name: {line}")
        key, typ, name, name_en = f[:4]
        if typ not in TYPES:
            raise AnnotationError(f"entity {key}: type {typ!r} is not one of {TYPES}")
        if key in gold["entities"]:
            raise AnnotationError(f"entity {key} defined twice")
        gold["entities"][key] = {"type": typ, "name": name, "name_en": name_en}
    # mentions: longest surface first, skipping occurrences inside mentions already placed
    specs = []
    for line in sec.get("mentions", []):
        spec, _, key = line.rpartition("=")
        surface, sels = split_selectors(spec.strip())
        key = key.strip()
        if key not in gold["entities"]:
            raise AnnotationError(f"mention {surface!r}: unknown entity key {key!r}")
        specs.append((surface, sels, key))
    # explicit ignore spans come first: no mention is placed over them (names inside a title…)
    ignores = []
    for line in sec.get("ignore", []):
        spec, _, why = line.partition("|")
        spec, why = spec.strip(), why.strip() or "optional"
        every = spec.endswith(" *")
        ignores.append((spec, why, every))
        if not every:
            surface, sels = split_selectors(spec)
            for s, e in select(raw_occurrences(text, surface), sels or ["#0"], f"ignore {surface!r}"):
                gold["ignore"].append({"start": s, "end": e, "why": why})
    blocked = [(ig["start"], ig["end"]) for ig in gold["ignore"]]
    placed: list[tuple[int, int, str]] = []
    for surface, sels, key in sorted(specs, key=lambda x: -len(x[0])):
        occ = word_occurrences(text, surface)
        if sels:
            chosen = select(occ, sels, f"mention {surface!r}")
        else:
            chosen = [o for o in occ if not any(o[0] < p[1] and p[0] < o[1] for p in placed + blocked)]
            for o in occ:
                if any(o[0] < b[1] and b[0] < o[1] for b in blocked):
                    print(f"note: {surface!r}@{o[0]} is inside an ignore span, not a mention", file=sys.stderr)
            if not occ:
                raise AnnotationError(f"mention {surface!r}: not found in the article")
        for s, e in chosen:
            if any(s < p[1] and p[0] < e for p in placed):
                if sels:
                    raise AnnotationError(f"mention {surface!r}@{s} overlaps a mention already placed")
                continue
            placed.append((s, e, key))
    gold["mentions"] = [{"start": s, "end": e, "entity": k, "text": text[s:e]} for s, e, k in sorted(placed)]
    for spec, why, every in ignores:
        if every:  # never over a gold mention: the scorer drops predictions that overlap an ignore span
            surface = spec[:-2].strip()
            occ = [o for o in word_occurrences(text, surface) if not any(o[0] < p[1] and p[0] < o[1] for p in placed)]
            for s, e in select(occ, [], f"ignore {surface!r}"):
                gold["ignore"].append({"start": s, "end": e, "why": why})
    for line in sec.get("times", []):
        f = [x.strip() for x in line.split("|")] + ["", "", ""]
        surface, sels = split_selectors(f[0])
        value, typ, flags, note = f[1], f[2] or "DATE", f[3].split(), f[4]
        for s, e in select(raw_occurrences(text, surface), sels or ["#0"], f"time {surface!r}"):
            t: dict[str, Any] = {"start": s, "end": e, "type": typ, "value": value, "required": "opt" not in flags,
                                 "relative": False, "anchor": "absolute"}
            if "narr" in flags:
                t.update(relative=True, anchor="narrative")
            elif "year" in flags:
                t.update(relative=True, anchor="year")
            elif "rel" in flags or value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
                t.update(relative=True, anchor="publication_date")
            if note:
                t["note"] = note
            gold["times"].append(t)
    for line in sec.get("events", []):
        f = [x.strip() for x in line.split("|")]
        if len(f) < 8:
            raise AnnotationError(f"event line needs 8 fields (id|codes|sources|targets|date|location|req|label): {line}")
        gold["events"].append({
            "id": f[0], "codes": f[1].split(), "label": f[7],
            "sides": [f[2].split(), [k for k in f[3].split() if k != "-"]],
            "date": _opt(f[4]), "location": _opt(f[5]), "required": f[6] != "opt",
        })
    for line in sec.get("quotes", []):
        f = [x.strip() for x in line.split("|")]
        if len(f) < 6:
            raise AnnotationError(f"quote line needs 6 fields (span|speaker|channel|kind|date|req): {line}")
        spec, sels = split_selectors(f[0])
        if "…" in spec:
            first, last = (x.strip() for x in spec.split("…", 1))
        else:
            first, last = spec, ""
        for s, e in select(raw_occurrences(text, first), sels or ["#0"], f"quote {first!r}"):
            if last:
                j = text.find(last, e if len(last) else s)
                if j < 0:
                    j = text.find(last, s)
                if j < 0 or j < s:
                    raise AnnotationError(f"quote {first!r}: its end {last!r} is not after it")
                e = j + len(last)
            gold["quotes"].append({"start": s, "end": e, "speaker": _opt(f[1]), "channel": _opt(f[2]),
                                   "kind": f[3], "date": _opt(f[4]), "required": f[5] != "opt"})
    gold["times"].sort(key=lambda t: t["start"])
    gold["quotes"].sort(key=lambda q: q["start"])
    gold["ignore"].sort(key=lambda x: x["start"])
    problems = validate(gold, text)
    if problems:
        raise AnnotationError(f"{doc_id}:\n  " + "\n  ".join(problems))
    return gold


# ---------------------------------------------------------------------------------------------
# validation


def validate(gold: dict[str, Any], text: str, codes: set[str] | None = None) -> list[str]:
    """Everything that is wrong with a gold file, given its article text."""
    p: list[str] = []
    n = len(text)
    ents = gold.get("entities", {})
    codes = codes if codes is not None else cameo_codes()
    for k, e in ents.items():
        if e.get("type") not in TYPES:
            p.append(f"entity {k}: bad type {e.get('type')!r}")
        if not e.get("name") or not e.get("name_en"):
            p.append(f"entity {k}: needs an Arabic and an English name")
    used = set()
    for m in gold.get("mentions", []):
        s, e = m["start"], m["end"]
        if not 0 <= s < e <= n:
            p.append(f"mention {s}-{e} outside the article")
            continue
        if m.get("text") != text[s:e]:
            p.append(f"mention {s}-{e}: text {m.get('text')!r} but the article has {text[s:e]!r}")
        if m["entity"] not in ents:
            p.append(f"mention {s}-{e}: unknown entity {m['entity']!r}")
        else:
            used.add(m["entity"])
        if text[s:e] != text[s:e].strip() or text[s] in "«“\"(":
            p.append(f"mention {s}-{e} {text[s:e]!r}: spaces or quotes at its edges")
    for k in set(ents) - used:
        p.append(f"entity {k} has no mention")
    ms = sorted(gold.get("mentions", []), key=lambda m: m["start"])
    for a, b in itertools.pairwise(ms):
        if b["start"] < a["end"] and ents.get(a["entity"], {}).get("type") == ents.get(b["entity"], {}).get("type"):
            p.append(f"mentions {a['text']!r}@{a['start']} and {b['text']!r}@{b['start']} overlap with the same type")
    for ig in gold.get("ignore", []):
        for m in gold.get("mentions", []):
            if ig["start"] < m["end"] and m["start"] < ig["end"]:
                p.append(f"ignore span @{ig['start']} overlaps the mention {m.get('text')!r}@{m['start']}: "
                         "the scorer would drop a right prediction there")
    for kind in ("times", "quotes", "ignore"):
        for x in gold.get(kind, []):
            if not 0 <= x["start"] < x["end"] <= n:
                p.append(f"{kind} {x['start']}-{x['end']} outside the article")
            if kind != "ignore" and "text" in x:
                p.append(f"{kind} {x['start']}-{x['end']} carries article text: remove its 'text'")
    for t in gold.get("times", []):
        if t.get("type") not in TIME_TYPES:
            p.append(f"time @{t['start']}: bad type {t.get('type')!r}")
        if not valid_timex(str(t.get("value"))):
            p.append(f"time @{t['start']}: value {t.get('value')!r} is not a TIMEX3 value")
    ts = sorted(gold.get("times", []), key=lambda t: t["start"])
    for a, b in itertools.pairwise(ts):
        if b["start"] < a["end"]:
            p.append(f"times @{a['start']} and @{b['start']} overlap")
    ids = set()
    for v in gold.get("events", []):
        if v["id"] in ids:
            p.append(f"event {v['id']} twice")
        ids.add(v["id"])
        for c in v["codes"]:
            if c not in codes:
                p.append(f"event {v['id']}: {c} is not a CAMEO code")
        if len(v["sides"]) != 2 or not v["sides"][0]:
            p.append(f"event {v['id']}: sides must be [[sources…], [targets…]] with a source")
        for k in v["sides"][0] + v["sides"][1] + ([v["location"]] if v.get("location") else []):
            if k not in ents:
                p.append(f"event {v['id']}: unknown entity {k!r}")
        if v.get("date") and not valid_timex(v["date"]):
            p.append(f"event {v['id']}: date {v['date']!r} is not a TIMEX3 value")
    for q in gold.get("quotes", []):
        for role in ("speaker", "channel"):
            if q.get(role) and q[role] not in ents:
                p.append(f"quote @{q['start']}: unknown {role} {q[role]!r}")
        if not q.get("speaker") and q.get("required", True):
            p.append(f"quote @{q['start']}: no speaker (an unnamed source's quote is optional: mark it opt)")
        if q.get("kind") not in ("direct", "indirect"):
            p.append(f"quote @{q['start']}: kind must be direct or indirect")
        if q.get("date") and not valid_timex(q["date"]):
            p.append(f"quote @{q['start']}: date {q['date']!r} is not a TIMEX3 value")
    return p


# ---------------------------------------------------------------------------------------------
# views


def show(gold: dict[str, Any], text: str) -> str:
    """The article with [mention|key], {time=value} and «quote»(speaker) drawn in."""
    marks: list[tuple[int, int, str]] = []  # (offset, order, string)
    for m in gold["mentions"]:
        marks.append((m["start"], 2, "["))
        marks.append((m["end"], 0, f"|{m['entity']}]"))
    for t in gold["times"]:
        marks.append((t["start"], 1, "{"))
        marks.append((t["end"], 1, f"={t['value']}{'' if t.get('required', True) else '?'}}}"))
    for q in gold["quotes"]:
        marks.append((q["start"], 0, "⟪"))
        marks.append((q["end"], 2, f"⟫({q['speaker']}/{q.get('channel')},{q['kind'][0]})"))
    for ig in gold["ignore"]:
        marks.append((ig["start"], 3, "<ign:"))
        marks.append((ig["end"], -1, ">"))
    out, last = [], 0
    for off, _, s in sorted(marks, key=lambda x: (x[0], x[1])):
        out.append(text[last:off])
        out.append(s)
        last = off
    out.append(text[last:])
    ev = [f"EVENT {v['id']} {v['codes']} {v['sides']} {v.get('date')} @{v.get('location')}"
          f"{'' if v.get('required', True) else ' (opt)'}: {v['label']}" for v in gold["events"]]
    return "".join(out) + "\n\n" + "\n".join(ev)


def to_compact(gold: dict[str, Any], text: str) -> str:
    lines = [f"id: {gold['document']}", "[entities]"]
    for k, e in gold["entities"].items():
        lines.append(f"{k} | {e['type']} | {e['name']} | {e.get('name_en', '')}")
    lines.append("[mentions]")
    for m in gold["mentions"]:
        lines.append(f"{text[m['start']:m['end']]} @{m['start']} = {m['entity']}")
    lines.append("[ignore]")
    for ig in gold["ignore"]:
        lines.append(f"{text[ig['start']:ig['end']]} @{ig['start']} | {ig.get('why', '')}")
    lines.append("[times]")
    for t in gold["times"]:
        anchor = {"narrative": "narr", "year": "year", "publication_date": "rel"}.get(t.get("anchor", ""), "")
        if not anchor and t.get("relative"):
            anchor = "rel"
        flags = " ".join(x for x in (anchor, "" if t.get("required", True) else "opt") if x)
        lines.append(f"{text[t['start']:t['end']]} @{t['start']} | {t['value']} | {t['type']} | {flags} | {t.get('note', '')}")
    lines.append("[events]")
    for v in gold["events"]:
        lines.append(" | ".join([v["id"], " ".join(v["codes"]), " ".join(v["sides"][0]), " ".join(v["sides"][1]) or "-",
                                 v.get("date") or "-", v.get("location") or "-",
                                 "req" if v.get("required", True) else "opt", v["label"]]))
    lines.append("[quotes]")
    for q in gold["quotes"]:
        body = text[q["start"]:q["end"]]
        span = body if "…" not in body and len(body) < 40 else None
        if span is None or text.find(body) != q["start"]:
            span = f"{body[:25]} … {body[-15:]} @{q['start']}"
        lines.append(" | ".join([span, q["speaker"] or "-", q.get("channel") or "-", q["kind"], q.get("date") or "-",
                                 "req" if q.get("required", True) else "opt"]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("text")
    a.add_argument("id")
    a.add_argument("--width", type=int, default=0, help="also print offsets every WIDTH characters")
    a = sub.add_parser("find")
    a.add_argument("id")
    a.add_argument("string")
    a = sub.add_parser("build")
    a.add_argument("src", nargs="+", type=Path)
    a.add_argument("-o", "--out", type=Path, default=ROOT / "eval" / "dev" / "articles")
    a = sub.add_parser("check")
    a.add_argument("gold", nargs="+", type=Path)
    a = sub.add_parser("show")
    a.add_argument("gold", type=Path)
    a = sub.add_parser("compact")
    a.add_argument("gold", type=Path)
    args = ap.parse_args(argv)
    try:
        if args.cmd == "text":
            rec = record(args.id)
            print(f"# {rec['id']} {rec.get('category')} {rec.get('published')} words={len(rec['text'].split())}")
            print(f"# title: {rec.get('title')}")
            t = rec["text"]
            for m in re.finditer(r"[^\n]*\n?", t):
                if m.group(0):
                    print(f"[{m.start()}] {m.group(0).rstrip()}")
        elif args.cmd == "find":
            t = record(args.id)["text"]
            for i, (s, e) in enumerate(word_occurrences(t, args.string)):
                print(f"#{i} @{s}: …{t[max(0, s - 25):s]}⟦{t[s:e]}⟧{t[e:e + 25]}…".replace("\n", "⏎"))
        elif args.cmd == "build":
            args.out.mkdir(parents=True, exist_ok=True)
            for src in args.src:
                gold = build(src.read_text(encoding="utf-8"))
                out = args.out / f"{gold['document']}.json"
                out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                print(f"{out}: {len(gold['entities'])} entities, {len(gold['mentions'])} mentions, "
                      f"{len(gold['times'])} times, {len(gold['events'])} events, {len(gold['quotes'])} quotes")
        elif args.cmd == "check":
            codes = cameo_codes()
            bad = 0
            for path in args.gold:
                gold = json.loads(path.read_text(encoding="utf-8"))
                rec = record(gold["document"])
                problems = validate(gold, rec["text"], codes)
                pub = parse_published(rec.get("published"), strict=False)
                if gold.get("published") != (pub.isoformat() if pub else None):
                    problems.append(f"published {gold.get('published')} but the corpus says {pub}")
                for pr in problems:
                    print(f"{path}: {pr}")
                bad += bool(problems)
            print(f"{len(args.gold) - bad}/{len(args.gold)} gold files clean")
            return 1 if bad else 0
        elif args.cmd in ("show", "compact"):
            gold = json.loads(args.gold.read_text(encoding="utf-8"))
            text = record(gold["document"])["text"]
            print(show(gold, text) if args.cmd == "show" else to_compact(gold, text))
    except AnnotationError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
