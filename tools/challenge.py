"""Build and check the challenge set (eval/challenge/): short Arabic news texts written here, with
gold entities, times, events and quotes.

    python tools/challenge.py build [SRC…] [-o eval/challenge/texts.jsonl]   # sources -> JSON lines
    python tools/challenge.py check [FILE]        # validate a built file (spans, keys, codes, values)
    python tools/challenge.py show ID [FILE]      # one text with its gold drawn inline
    python tools/challenge.py stats [FILE]        # counts: texts, styles, items, tags, CAMEO roots
    python tools/challenge.py run [ARGS…]         # = python -m marsad.challenge ARGS…

Sources (``eval/challenge/src/*.txt``) give surfaces, and the builder turns them into offsets.
A text starts with a header line, its text follows until the first section line::

    === ID | PUBLISHED (ISO) | STYLE | text tags…
    القاهرة - (وكالات) استقبل الرئيس المصري عبد الفتاح السيسي …
    -- entities
    KEY | TYPE | name | name_en | surface ; surface #2 ; … | tags…
    -- ignore
    surface [#n… | *]
    -- times
    surface [#n…] | VALUE | TYPE | tags…
    -- events
    trigger [#n] | codes… | SOURCE | TARGET | LOCATION | DATE | MODE | tags…
    -- quotes
    START … END [#n] | SPEAKER | CHANNEL | direct|indirect | tags…

``#`` at the start of a line outside a text is a comment. Matching: a surface matches its
word-bounded occurrences, with the proclitics و ف ب ل ك (and لل for a surface starting with ال:
«للحكومة» gives «لحكومة») glued before it. ``#n`` picks the n-th occurrence (1-based), ``*`` every
occurrence. Mention surfaces take every occurrence by default, longest surface first; an
occurrence inside a mention already placed or an ignore span is skipped. Times, ignore spans,
triggers and quote starts must be unambiguous: a surface found more than once needs ``#n`` (or
``*`` for ignore). A quote ``START … END`` runs from START to the end of the first END after it
(plain substrings); a quote without ``…`` is its exact text. SOURCE, TARGET and SPEAKER are a key,
``key/alt/alt`` (acceptable alternatives) or ``-``; LOCATION a key or ``-``; DATE a TIMEX3 value or
``-``. The tag ``opt`` makes a time, event or quote not required.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.challenge import (  # noqa: E402
    DEFAULT_FILE,
    ENTITY_TYPES,
    KINDS,
    MODES,
    STYLES,
    TAGS,
    TIME_TYPES,
    load_items,
)
from marsad.contract import valid_timex  # noqa: E402

SRC_DIR = ROOT / "eval" / "challenge" / "src"
WORD_CHAR = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0660-\u0669\u0671-\u06D3A-Za-z0-9]")
PROCLITICS = re.compile(r"[وف]?[بلك]?")
ELIDED_PREFIX = re.compile(r"[وف]?ل")
WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
            "السبت": 5, "الأحد": 6}
ROOTS = {f"{i:02d}" for i in range(1, 21)}
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


class ChallengeError(Exception):
    pass


def cameo_codes() -> set[str]:
    from marsad.extract.events.cameo import table

    return set(table()) | ROOTS


# ---------------------------------------------------------------------------------------------
# matching


def word_occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of ``surface``; proclitics (و ف ب ل ك, لل) may stand before it."""
    out = set()
    forms = [surface]
    if surface.startswith("ال") and len(surface) > 3:
        forms.append(surface[2:] if surface[2] == "ل" else "ل" + surface[2:])
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            s, e = m.start(), m.end()
            if e < len(text) and WORD_CHAR.match(text[e]) and WORD_CHAR.match(form[-1]):
                continue
            j = s
            while j > 0 and WORD_CHAR.match(text[j - 1]):
                j -= 1
            prefix = text[j:s]
            if form is not surface:
                if not ELIDED_PREFIX.fullmatch(prefix):
                    continue
            elif prefix and (not PROCLITICS.fullmatch(prefix) or not WORD_CHAR.match(form[0])):
                continue
            out.add((s, e))
    return sorted(out)


def parse_selector(spec: str) -> tuple[str, list[int] | None, bool]:
    """``surface #1 #3`` → (surface, [1, 3], False); ``surface *`` → (surface, None, True)."""
    parts = spec.split()
    picks: list[int] = []
    every = False
    while parts and (re.fullmatch(r"#\d+", parts[-1]) or parts[-1] == "*"):
        last = parts.pop()
        if last == "*":
            every = True
        else:
            picks.insert(0, int(last[1:]))
    surface = " ".join(parts)
    if not surface:
        raise ChallengeError(f"empty surface in {spec!r}")
    return surface, picks or None, every


def select(occ: list[tuple[int, int]], picks: list[int] | None, every: bool, what: str, default_all: bool
           ) -> list[tuple[int, int]]:
    if not occ:
        raise ChallengeError(f"{what}: not found in the text")
    if picks:
        bad = [p for p in picks if not 1 <= p <= len(occ)]
        if bad:
            raise ChallengeError(f"{what}: occurrence {bad} does not exist ({len(occ)} found)")
        return [occ[p - 1] for p in picks]
    if every or default_all:
        return occ
    if len(occ) > 1:
        raise ChallengeError(f"{what}: found {len(occ)} times at {[s for s, _ in occ]}: add #n")
    return occ


def find_one(text: str, spec: str, what: str) -> tuple[int, int]:
    surface, picks, every = parse_selector(spec)
    found = select(word_occurrences(text, surface), picks, every, f"{what} «{surface}»", False)
    if len(found) != 1:
        raise ChallengeError(f"{what} «{surface}»: pick one occurrence")
    return found[0]


def quote_span(text: str, spec: str) -> tuple[int, int]:
    """``START … END [#n]`` or ``EXACT [#n]`` → the span in ``text`` (plain substrings)."""
    surface, picks, _ = parse_selector(spec)
    parts = ELLIPSIS.split(surface, maxsplit=1) if ELLIPSIS.search(surface) else [surface]
    start = parts[0]
    occ = [(m.start(), m.start() + len(start)) for m in re.finditer(re.escape(start), text)]
    s, e = select(occ, picks, False, f"quote «{start}»", False)[0]
    if len(parts) == 2:
        end = parts[1]
        k = text.find(end, e)
        if k < 0:
            raise ChallengeError(f"quote «{start} … {end}»: the end is not found after the start")
        e = k + len(end)
    return s, e


# ---------------------------------------------------------------------------------------------
# parsing the sources


def split_fields(line: str, n: int, what: str) -> list[str]:
    cells = [c.strip() for c in line.split("|")]
    if len(cells) < n:
        raise ChallengeError(f"{what}: expected at least {n} fields separated by |, got {line!r}")
    return cells


def parse_sources(paths: list[Path]) -> list[dict[str, Any]]:
    """Raw blocks: header fields, the text, the section lines."""
    blocks: list[dict[str, Any]] = []
    for path in paths:
        cur: dict[str, Any] | None = None
        section: str | None = None
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.rstrip()
            where = f"{path.name}:{n}"
            if line.startswith("=== "):
                cells = [c.strip() for c in line[4:].split("|")]
                if len(cells) < 3:
                    raise ChallengeError(f"{where}: header needs 'ID | PUBLISHED | STYLE | tags'")
                cur = {"id": cells[0], "published": cells[1], "style": cells[2],
                       "tags": (cells[3].split() if len(cells) > 3 else []), "lines": [],
                       "sections": {k: [] for k in ("entities", "ignore", "times", "events", "quotes")},
                       "where": where}
                blocks.append(cur)
                section = None
                continue
            if cur is None:
                if line.strip() and not line.startswith("#"):
                    raise ChallengeError(f"{where}: text outside a block (a block starts with '=== ')")
                continue
            if line.startswith("-- "):
                section = line[3:].strip()
                if section not in cur["sections"]:
                    raise ChallengeError(f"{where}: unknown section {section!r}")
                continue
            if section is None:
                cur["lines"].append(line)
            elif line.strip() and not line.lstrip().startswith("#"):
                cur["sections"][section].append((where, line.strip()))
    return blocks


def keys_of(cell: str) -> tuple[str | None, list[str]]:
    if cell in ("-", ""):
        return None, []
    ks = cell.split("/")
    return ks[0], ks[1:]


def build_block(b: dict[str, Any]) -> dict[str, Any]:
    text = "\n".join(b["lines"]).strip("\n")
    item: dict[str, Any] = {"id": b["id"], "published": b["published"], "style": b["style"], "tags": b["tags"],
                            "text": text}
    gold: dict[str, Any] = {"entities": {}, "ignore": [], "times": [], "events": [], "quotes": []}
    sec = b["sections"]
    # ignore spans first: mentions skip them
    for where, line in sec["ignore"]:
        surface, picks, every = parse_selector(line)
        for s, e in select(word_occurrences(text, surface), picks, every, f"{where}: ignore «{surface}»", False):
            gold["ignore"].append({"span": [s, e], "text": text[s:e]})
    # entities, then mentions longest surface first
    wanted: list[tuple[str, str, str]] = []
    for where, line in sec["entities"]:
        cells = split_fields(line, 5, where)
        key, typ, name, name_en, surfaces = cells[:5]
        tags = cells[5].split() if len(cells) > 5 else []
        if key in gold["entities"]:
            raise ChallengeError(f"{where}: entity key {key!r} defined twice")
        gold["entities"][key] = {"type": typ, "name": name, "name_en": name_en, "tags": tags,
                                 "mentions": [], "surfaces": []}
        for spec in surfaces.split(";"):
            if spec.strip():
                wanted.append((spec.strip(), key, where))
    placed: list[tuple[int, int, str]] = []
    blocked = [tuple(x["span"]) for x in gold["ignore"]]
    for spec, key, where in sorted(wanted, key=lambda w: -len(parse_selector(w[0])[0])):
        surface, picks, every = parse_selector(spec)
        occ = select(word_occurrences(text, surface), picks, every, f"{where}: mention «{surface}» of {key}", True)
        kept = 0
        for s, e in occ:
            if any(s < b2 and a < e for a, b2 in blocked) or any(s < b2 and a < e for a, b2, _ in placed):
                continue
            placed.append((s, e, key))
            kept += 1
        if not kept:
            raise ChallengeError(f"{where}: mention «{surface}» of {key}: every occurrence is inside another "
                                 "mention or an ignore span")
    for s, e, key in sorted(placed):
        gold["entities"][key]["mentions"].append([s, e])
        gold["entities"][key]["surfaces"].append(text[s:e])
    for where, line in sec["times"]:
        cells = split_fields(line, 3, where)
        tags = cells[3].split() if len(cells) > 3 else []
        s, e = find_one(text, cells[0], f"{where}: time")
        gold["times"].append({"span": [s, e], "text": text[s:e], "value": cells[1], "type": cells[2],
                              "required": "opt" not in tags, "tags": tags})
    for n, (where, line) in enumerate(sec["events"], 1):
        cells = split_fields(line, 7, where)
        trig, codes, src, tgt, loc, date, mode = cells[:7]
        tags = cells[7].split() if len(cells) > 7 else []
        s, e = find_one(text, trig, f"{where}: trigger")
        src0, src_alt = keys_of(src)
        tgt0, tgt_alt = keys_of(tgt)
        ev: dict[str, Any] = {"id": f"{b['id']}.v{n}", "codes": codes.split(), "source": src0, "target": tgt0,
                              "location": None if loc in ("-", "") else loc,
                              "date": None if date in ("-", "") else date, "mode": mode,
                              "required": "opt" not in tags, "tags": tags,
                              "trigger": {"span": [s, e], "text": text[s:e]}}
        if src_alt:
            ev["source_alt"] = src_alt
        if tgt_alt:
            ev["target_alt"] = tgt_alt
        gold["events"].append(ev)
    for where, line in sec["quotes"]:
        cells = split_fields(line, 4, where)
        s, e = quote_span(text, cells[0])
        spk0, spk_alt = keys_of(cells[1])
        tags = cells[4].split() if len(cells) > 4 else []
        q: dict[str, Any] = {"span": [s, e], "text": text[s:e], "speaker": spk0,
                             "channel": None if cells[2] in ("-", "") else cells[2], "kind": cells[3],
                             "required": "opt" not in tags, "tags": tags}
        if spk_alt:
            q["speaker_alt"] = spk_alt
        gold["quotes"].append(q)
    item["gold"] = gold
    return item


def build(paths: list[Path]) -> list[dict[str, Any]]:
    items, errors = [], []
    for b in parse_sources(paths):
        try:
            items.append(build_block(b))
        except ChallengeError as e:
            errors.append(f"{b['id']} ({b['where']}): {e}")
    if errors:
        raise ChallengeError("\n".join(errors))
    return items


# ---------------------------------------------------------------------------------------------
# checking


def _bounded(text: str, s: int, e: int) -> bool:
    """The span is whole words, proclitics allowed before it."""
    if e < len(text) and WORD_CHAR.match(text[e]) and WORD_CHAR.match(text[e - 1]):
        return False
    j = s
    while j > 0 and WORD_CHAR.match(text[j - 1]):
        j -= 1
    pre = text[j:s]
    return not pre or bool(PROCLITICS.fullmatch(pre)) or bool(ELIDED_PREFIX.fullmatch(pre))


def check_item(item: dict[str, Any], codes: set[str]) -> list[str]:
    """Problems of one built text (empty when it is consistent)."""
    p: list[str] = []
    text, gold = item["text"], item["gold"]
    n = len(text)
    if unicodedata.normalize("NFC", text) != text:
        p.append("the text is not NFC")
    try:
        pub = dt.date.fromisoformat(item["published"])
    except (ValueError, TypeError):
        p.append(f"published {item.get('published')!r} is not an ISO date")
        pub = None
    if pub and not dt.date(2011, 1, 1) <= pub <= dt.date(2026, 12, 31):
        p.append(f"published {pub} is outside 2011-2026")
    if item.get("style") not in STYLES:
        p.append(f"style {item.get('style')!r} is not one of {sorted(STYLES)}")
    for t in item.get("tags", []):
        if t not in TAGS:
            p.append(f"text tag {t!r} is unknown")

    def span_ok(span: list[int], what: str, surface: str | None = None) -> bool:
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                and 0 <= span[0] < span[1] <= n):
            p.append(f"{what}: span {span} is outside the text (length {n})")
            return False
        if surface is not None and text[span[0]:span[1]] != surface:
            p.append(f"{what}: span {span} reads {text[span[0]:span[1]]!r}, not {surface!r}")
            return False
        return True

    def tags_ok(tags: list[str], what: str) -> None:
        for t in tags:
            if t not in TAGS:
                p.append(f"{what}: unknown tag {t!r}")

    ents = gold["entities"]
    allm: list[tuple[int, int, str]] = []
    for key, ent in ents.items():
        if ent.get("type") not in ENTITY_TYPES:
            p.append(f"entity {key}: type {ent.get('type')!r}")
        if not ent.get("name") or not ent.get("name_en"):
            p.append(f"entity {key}: name and name_en are required")
        if not ent.get("mentions"):
            p.append(f"entity {key}: no mention")
        tags_ok(ent.get("tags", []), f"entity {key}")
        if not (("famous" in ent.get("tags", [])) ^ ("invented" in ent.get("tags", []))):
            p.append(f"entity {key}: tag it either famous or invented")
        surfaces = ent.get("surfaces") or [None] * len(ent["mentions"])
        for span, surf in zip(ent["mentions"], surfaces, strict=True):
            if span_ok(span, f"mention of {key}", surf):
                if not _bounded(text, *span):
                    p.append(f"mention of {key} {span} «{text[span[0]:span[1]]}» cuts a word")
                allm.append((span[0], span[1], key))
    allm.sort()
    for a, b in itertools.pairwise(allm):
        if b[0] < a[1]:
            p.append(f"mentions overlap: {a} and {b}")
    for ig in gold.get("ignore", []):
        if span_ok(ig["span"], "ignore", ig.get("text")):
            for s, e, key in allm:
                if s < ig["span"][1] and ig["span"][0] < e:
                    p.append(f"ignore {ig['span']} covers a mention of {key}")
    values = set()
    for t in gold["times"]:
        span_ok(t["span"], "time", t.get("text"))
        if not valid_timex(str(t.get("value"))):
            p.append(f"time «{t.get('text')}»: value {t.get('value')!r} is not TIMEX3")
        if t.get("type") not in TIME_TYPES:
            p.append(f"time «{t.get('text')}»: type {t.get('type')!r}")
        tags_ok(t.get("tags", []), f"time «{t.get('text')}»")
        values.add(t.get("value"))
        # a weekday named with a full date must be that date's weekday
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", str(t.get("value")))
        if m:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            named = [(w, wd) for w, wd in WEEKDAYS.items() if re.search(rf"(?<!\w){w}(?!\w)", t.get("text", ""))]
            if len(named) == 1 and day.weekday() != named[0][1]:
                p.append(f"time «{t['text']}» = {t['value']} is a {day.strftime('%A')}, not {named[0][0]}")
    for v in gold["events"]:
        what = f"event {v.get('id')}"
        span_ok(v["trigger"]["span"], f"{what} trigger", v["trigger"].get("text"))
        if not v.get("codes"):
            p.append(f"{what}: no code")
        for c in v.get("codes", []):
            if c not in codes:
                p.append(f"{what}: unknown CAMEO code {c!r}")
        for role in ("source", "target"):
            for k in [v.get(role), *v.get(f"{role}_alt", [])]:
                if k is not None and k not in ents:
                    p.append(f"{what}: {role} {k!r} is not an entity key")
        if not v.get("source") and not v.get("target"):
            p.append(f"{what}: neither source nor target")
        if v.get("location") is not None:
            if v["location"] not in ents:
                p.append(f"{what}: location {v['location']!r} is not an entity key")
            elif ents[v["location"]]["type"] not in ("GPE", "LOC", "FAC"):
                p.append(f"{what}: location {v['location']!r} is a {ents[v['location']]['type']}")
        if v.get("date") is not None:
            if not valid_timex(str(v["date"])):
                p.append(f"{what}: date {v['date']!r} is not TIMEX3")
            elif v["date"] not in values and v["date"] not in {str(x)[:10] for x in values}:
                p.append(f"{what}: date {v['date']} is the value of no time of the text")
        if v.get("mode") not in MODES:
            p.append(f"{what}: mode {v.get('mode')!r} is not one of {MODES}")
        tags_ok(v.get("tags", []), what)
        if v.get("mode") != "asserted" and v.get("mode") not in v.get("tags", []):
            p.append(f"{what}: mode {v.get('mode')} without the tag {v.get('mode')}")
    for q in gold["quotes"]:
        what = f"quote «{q.get('text', '')[:30]}»"
        span_ok(q["span"], what, q.get("text"))
        for k in [q.get("speaker"), *q.get("speaker_alt", []), q.get("channel")]:
            if k is not None and k not in ents:
                p.append(f"{what}: {k!r} is not an entity key")
        if q.get("kind") not in KINDS:
            p.append(f"{what}: kind {q.get('kind')!r}")
        if q.get("speaker") is None and q.get("required", True):
            p.append(f"{what}: an anonymous quote must be opt")
        tags_ok(q.get("tags", []), what)
    return p


def check(items: list[dict[str, Any]]) -> list[str]:
    codes = cameo_codes()
    problems = []
    seen = set()
    for item in items:
        if item["id"] in seen:
            problems.append(f"{item['id']}: id used twice")
        seen.add(item["id"])
        problems += [f"{item['id']}: {x}" for x in check_item(item, codes)]
    return problems


# ---------------------------------------------------------------------------------------------
# showing and counting


def show(item: dict[str, Any]) -> str:
    text, gold = item["text"], item["gold"]
    marks: list[tuple[int, int, str]] = []
    for key, ent in gold["entities"].items():
        for s, e in ent["mentions"]:
            marks.append((s, 0, "["))
            marks.append((e, 1, f"|{key}]"))
    for t in gold["times"]:
        marks.append((t["span"][0], 0, "{"))
        marks.append((t["span"][1], 1, f"={t['value']}}}"))
    for q in gold["quotes"]:
        marks.append((q["span"][0], 0, "⟪"))
        marks.append((q["span"][1], 1, f"⟫({q.get('speaker')})"))
    out, last = [], 0
    for pos, _, m in sorted(marks):
        out.append(text[last:pos])
        out.append(m)
        last = pos
    out.append(text[last:])
    lines = [f"{item['id']} {item['published']} {item['style']} {' '.join(item.get('tags', []))}", "".join(out), ""]
    for v in gold["events"]:
        lines.append(f"  event {v['id']} «{v['trigger']['text']}» {'/'.join(v['codes'])} {v.get('source')}→"
                     f"{v.get('target')} @{v.get('location')} {v.get('date')} {v['mode']} {' '.join(v['tags'])}")
    return "\n".join(lines)


def stats(items: list[dict[str, Any]]) -> dict[str, Any]:
    from collections import Counter

    c: Counter[str] = Counter()
    styles: Counter[str] = Counter()
    roots: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    years: Counter[str] = Counter()
    for item in items:
        g = item["gold"]
        styles[item["style"]] += 1
        years[item["published"][:4]] += 1
        c["texts"] += 1
        c["words"] += len(item["text"].split())
        c["entities"] += len(g["entities"])
        c["mentions"] += sum(len(e["mentions"]) for e in g["entities"].values())
        c["times"] += len(g["times"])
        c["times_required"] += sum(t["required"] for t in g["times"])
        c["events"] += len(g["events"])
        c["events_required"] += sum(v["required"] for v in g["events"])
        c["quotes"] += len(g["quotes"])
        c["quotes_required"] += sum(q["required"] for q in g["quotes"])
        for v in g["events"]:
            for r in sorted({x[:2] for x in v["codes"]}):
                roots[r] += 1
        for layer in ("times", "events", "quotes"):
            for x in g[layer]:
                tags.update(f"{layer}:{t}" for t in x["tags"])
        for e in g["entities"].values():
            tags.update(f"entities:{t}" for t in e["tags"])
            tags[f"entities:type:{e['type']}"] += 1
        tags.update(f"text:{t}" for t in item.get("tags", []))
    return {"counts": dict(c), "styles": dict(styles), "years": dict(sorted(years.items())),
            "roots": dict(sorted(roots.items())), "tags": dict(sorted(tags.items()))}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "run":
        from marsad.challenge import main as run_main

        return run_main(argv[1:])
    ap = argparse.ArgumentParser(prog="tools/challenge.py", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("sources", nargs="*", type=Path)
    b.add_argument("-o", "--out", type=Path, default=DEFAULT_FILE)
    c = sub.add_parser("check")
    c.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    s = sub.add_parser("show")
    s.add_argument("id")
    s.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    st = sub.add_parser("stats")
    st.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    sub.add_parser("run", help="python -m marsad.challenge …")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "build":
            sources = args.sources or sorted(SRC_DIR.glob("*.txt"))
            items = build(sources)
            problems = check(items)
            if problems:
                print("\n".join(problems), file=sys.stderr)
                return 1
            args.out.parent.mkdir(parents=True, exist_ok=True)
            with args.out.open("w", encoding="utf-8") as f:
                for item in items:
                    f.write(json.dumps(item, ensure_ascii=False) + "\n")
            print(f"{len(items)} texts -> {args.out}")
            return 0
        items = load_items(args.file)
        if args.cmd == "check":
            problems = check(items)
            print("\n".join(problems) if problems else f"{len(items)} texts: ok")
            return 1 if problems else 0
        if args.cmd == "show":
            for item in items:
                if item["id"] == args.id:
                    print(show(item))
                    return 0
            print(f"no text {args.id!r}", file=sys.stderr)
            return 1
        if args.cmd == "stats":
            print(json.dumps(stats(items), ensure_ascii=False, indent=1))
            return 0
    except ChallengeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except Exception as e:
        if type(e).__name__ == "ConfigError":
            print(f"error: {e}", file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
