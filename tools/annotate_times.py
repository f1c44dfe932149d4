"""Build and check the time-expression development set (eval/dev/times/<corpus-id>.json).

The gold files hold offsets, types and TIMEX3 values, never article text. An annotator writes
a compact notes file (kept outside the repository, since it quotes the articles) and this script
turns it into offsets against the corpus text, validating every line:

    @ JA-culture-1-20170120                     # a new article (its corpus id)
    الأربعاء 18 جانفي 2017 | 2017-01-18 | DATE
    اليوم#2 | 2017-01-20 | DATE | rel            # the 2nd occurrence of the string in the text
    صباح أمس | 2017-01-19TMO | TIME | rel
    في الفترة الأخيرة | PAST_REF | DATE | opt,rel | vague
    21 ديسمبر | 2016-12-21 | DATE | year | year from the publication date
    غرة رمضان | 2017-05-27 | DATE | hijri=1438-09-01

Fields: ``surface[#n] | value | type [| flags [| note]]``. ``#n`` picks the n-th occurrence
(1-based, counted over every substring match, also those inside longer words). Flags, comma
separated: ``rel`` (resolved against the publication date: anchor ``publication_date``),
``nar`` (resolved against a date the narrative gives: anchor ``narrative``), ``year`` (a partial
date whose year is inferred: anchor ``year``), ``opt`` (``required: false``), ``hijri=Y-M[-D]``
(the Hijri value the text states), ``glued`` (accept a span that starts or ends inside a word),
``wdmismatch`` (the text's weekday disagrees with its date; a note says which one is kept).
A weekday named in the surface must otherwise agree with the value's date.
Anything else is ``absolute``. ``rel`` and ``nar`` set ``relative: true``. The note is English.

Commands (corpus: ``$MARSAD_SHARED/corpus/ant-jawharafm-2017.jsonl.gz``, default ../shared):

    python tools/annotate_times.py build NOTES... [--out eval/dev/times]
    python tools/annotate_times.py check [DIR]       # every gold file against the corpus
    python tools/annotate_times.py stats [DIR]       # totals by type, anchor and form
    python tools/annotate_times.py show ID [DIR]     # the article with its gold spans marked
    python tools/annotate_times.py dump ID [DIR]     # a gold file back to notes lines

``show`` and ``dump`` print article text to the terminal only.
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import gzip
import itertools
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
if "MARSAD_SHARED" not in os.environ and not SHARED.exists():  # a worktree one level deeper
    SHARED = ROOT.parent.parent / "shared"
CORPUS_NAME = "ant-jawharafm-2017.jsonl.gz"
CORPUS = SHARED / "corpus" / CORPUS_NAME
DEFAULT_DIR = ROOT / "eval" / "dev" / "times"
ANNOTATOR = "devtime"
TYPES = ("DATE", "TIME", "DURATION", "SET")
ANCHORS = ("absolute", "publication_date", "narrative", "year")
PROCLITICS = set("وفبلك")

# ---------------------------------------------------------------- TIMEX3 values

_N = r"(?:\d+(?:\.\d+)?|X)"
_DURATION_RE = re.compile(
    rf"^P(?=.)(?:{_N}Y)?(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?(?:{_N}(?:DE|CE))?"
    rf"(?:T(?=.)(?:{_N}H)?(?:{_N}M)?(?:{_N}S)?)?$"
)
_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_PART_OF_DAY = ("MO", "MI", "AF", "EV", "NI", "DT")


def _valid_ymd(y: str, m: str | None, d: str | None) -> bool:
    if m is not None and not (m == "XX" or 1 <= int(m) <= 12):
        return False
    if d is not None and d != "XX":
        if not 1 <= int(d) <= 31:
            return False
        if y.isdigit() and m is not None and m != "XX" and int(d) > calendar.monthrange(int(y), int(m))[1]:
            return False
        if m is not None and m != "XX" and int(d) > calendar.monthrange(2000, int(m))[1]:
            return False
    return True


def valid_date_value(v: str) -> bool:
    """A TIMEX3 DATE value: 2017, 2017-01, 2017-01-18, 2017-W03, 2017-SU, 2017-Q1, 201 (decade)…"""
    if v in _REFS:
        return True
    m = re.fullmatch(r"(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?", v)
    if m:
        return _valid_ymd(m.group(1), m.group(2), m.group(3))
    m = re.fullmatch(r"(\d{4}|XXXX)-W(\d{2}|XX)(?:-WE|-[1-7])?", v)
    if m:
        return m.group(2) == "XX" or 1 <= int(m.group(2)) <= 53
    return bool(
        re.fullmatch(r"(?:\d{4}|XXXX)-(?:SP|SU|FA|WI|Q[1-4]|H[12])", v)
        or re.fullmatch(r"\d{2,3}", v)  # century (20) or decade (201)
    )


def valid_time_value(v: str) -> bool:
    """A TIMEX3 TIME value: a full date, ``T`` and hh:mm[:ss] or a part of the day (MO AF EV NI…)."""
    if "T" not in v:
        return False
    day, clock = v.split("T", 1)
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d{2}|XX)-(\d{2}|XX)", day)
    if not m or not _valid_ymd(m.group(1), m.group(2), m.group(3)):
        return False
    if clock in _PART_OF_DAY:
        return True
    c = re.fullmatch(r"(\d{2}):(\d{2})(?::(\d{2}))?", clock)
    return c is not None and int(c.group(1)) <= 24 and int(c.group(2)) < 60


def valid_value(type_: str, v: str) -> bool:
    if type_ == "DATE":
        return valid_date_value(v)
    if type_ == "TIME":
        return valid_time_value(v)
    if type_ == "DURATION":
        return bool(_DURATION_RE.match(v)) and v not in ("P", "PT")
    if type_ == "SET":  # a frequency (P1W) or a recurring date/time (XXXX-WXX-1, XXXX-XX-XXTEV)
        return bool(_DURATION_RE.match(v)) or (
            "X" in v and (valid_date_value(v) or valid_time_value(v))
        )
    return False


# ---------------------------------------------------------------- the corpus


def load_corpus(ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    if not CORPUS.exists():
        raise SystemExit(f"the corpus {CORPUS} is not here: set MARSAD_SHARED to the shared folder")
    wanted = set(ids) if ids is not None else None
    out: dict[str, dict[str, Any]] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if wanted is None or rec["id"] in wanted:
                out[rec["id"]] = rec
    return out


def published_iso(value: str) -> str:
    """The calendar date as written: ISO (with or without time/offset) or DD/MM/YYYY."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return "-".join(m.groups())
    m = re.match(r"^(\d{2})/(\d{2})/(\d{4})", value)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    raise ValueError(f"cannot read the publication date {value!r}")


# ---------------------------------------------------------------- notes -> gold


class NotesError(ValueError):
    pass


def on_word_boundary(text: str, start: int, end: int) -> bool:
    """No letter right after the span; before it only up to two proclitics (و ف ب ل ك)."""
    if end < len(text) and text[end].isalpha():
        return False
    i = start
    while i > 0 and start - i < 2 and text[i - 1] in PROCLITICS:
        i -= 1
    return i == 0 or not text[i - 1].isalpha()


def parse_line(line: str) -> dict[str, Any]:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) < 3:
        raise NotesError(f"want 'surface | value | type [| flags [| note]]', got {line!r}")
    surface, value, type_ = parts[0], parts[1], parts[2].upper()
    flags = [f.strip() for f in parts[3].split(",")] if len(parts) > 3 and parts[3] else []
    note = "|".join(parts[4:]).strip() if len(parts) > 4 else ""
    occ = 1
    m = re.fullmatch(r"(.+?)#(\d+)", surface)
    if m:
        surface, occ = m.group(1), int(m.group(2))
    return {"surface": surface, "occ": occ, "value": value, "type": type_, "flags": flags, "note": note}


def _flex(part: str) -> str:
    return r"\s+".join(re.escape(w) for w in part.split())


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every (start, end) of the surface; a space in it matches any run of spaces.

    ``left [span] right`` searches the whole string and returns the bracketed part's offsets.
    """
    m = re.fullmatch(r"(.*?)\[(.+?)\](.*)", surface)
    left, mid, right = (m.group(1), m.group(2), m.group(3)) if m else ("", surface, "")
    pat = ""
    if left.strip():
        pat = _flex(left) + (r"\s+" if left[-1].isspace() else "")
    pat += f"({_flex(mid)})"
    if right.strip():
        pat += (r"\s+" if right[0].isspace() else "") + _flex(right)
    return [(m2.start(1), m2.end(1)) for m2 in re.finditer(f"(?={pat})", text)]


def locate(text: str, surface: str, occ: int) -> tuple[int, int]:
    found = occurrences(text, surface)
    if occ > len(found):
        raise NotesError(f"occurrence #{occ} of {surface!r} is not in the text ({len(found)} found)")
    return found[occ - 1]


def make_time(text: str, item: dict[str, Any]) -> dict[str, Any]:
    start, end = locate(text, item["surface"], item["occ"])
    type_, value = item["type"], item["value"]
    if type_ not in TYPES:
        raise NotesError(f"type {type_!r} of {item['surface']!r}: use one of {', '.join(TYPES)}")
    if not valid_value(type_, value):
        raise NotesError(f"{value!r} is not a valid TIMEX3 {type_} value ({item['surface']!r})")
    anchor = "absolute"
    out: dict[str, Any] = {"start": start, "end": end, "type": type_, "value": value, "required": True}
    glued = False
    for f in item["flags"]:
        if f == "rel":
            anchor = "publication_date"
        elif f == "nar":
            anchor = "narrative"
        elif f == "year":
            anchor = "year"
        elif f == "opt":
            out["required"] = False
        elif f == "glued":
            glued = True
        elif f == "wdmismatch":
            if not item["note"]:
                raise NotesError(f"{item['surface']!r}: say in a note why the weekday disagrees")
        elif f.startswith("hijri="):
            hv = f.split("=", 1)[1]
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", hv):
                raise NotesError(f"hijri value {hv!r}: write Y, Y-M or Y-M-D")
            out["hijri"] = hv
        else:
            raise NotesError(f"unknown flag {f!r} on {item['surface']!r}")
    wd = weekday_of(item["surface"])
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if wd is not None and m and "wdmismatch" not in item["flags"]:
        real = datetime.date(*(int(g) for g in m.groups())).weekday()
        if real != wd:
            raise NotesError(f"{item['surface']!r} names weekday {wd} but {value} is weekday {real} (0 = Monday)")
    if not glued and not on_word_boundary(text, start, end):
        raise NotesError(
            f"{item['surface']!r}#{item['occ']} at {start} sits inside a word "
            f"({text[max(0, start - 8):end + 8]!r}): pick another occurrence or flag it 'glued'"
        )
    out["anchor"] = anchor
    out["relative"] = anchor in ("publication_date", "narrative")
    if item["note"]:
        out["note"] = item["note"]
    return out


def parse_notes(paths: Iterable[Path]) -> dict[str, list[dict[str, Any]]]:
    arts: dict[str, list[dict[str, Any]]] = {}
    current: str | None = None
    for path in paths:
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                current = line[1:].strip().split()[0]
                if current in arts:
                    raise NotesError(f"{path}:{n}: article {current} annotated twice")
                arts[current] = []
                continue
            if current is None:
                raise NotesError(f"{path}:{n}: a line before any '@ <id>'")
            try:
                item = parse_line(line)
            except NotesError as e:
                raise NotesError(f"{path}:{n}: {e}") from None
            item["where"] = f"{path}:{n}"
            arts[current].append(item)
    return arts


def build_gold(doc_id: str, rec: dict[str, Any], items: list[dict[str, Any]], note: str = "") -> dict[str, Any]:
    text = rec["text"]
    times = []
    for item in items:
        try:
            times.append(make_time(text, item))
        except NotesError as e:
            raise NotesError(f"{item['where']}: {doc_id}: {e}") from None
    times.sort(key=lambda t: (t["start"], t["end"]))
    problems = check_times(times, len(text))
    if problems:
        raise NotesError(f"{doc_id}: " + "; ".join(problems))
    gold: dict[str, Any] = {
        "schema": "marsad.gold/1",
        "document": doc_id,
        "corpus": CORPUS_NAME,
        "published": published_iso(rec["published"]),
        "category": rec.get("category"),
        "annotator": ANNOTATOR,
    }
    if note:
        gold["note"] = note
    gold.update({"entities": {}, "mentions": [], "ignore": [], "times": times, "events": [],
                 "quotes": [], "indicators": [], "hypotheses": []})
    return gold


# ---------------------------------------------------------------- checks


def check_times(times: list[dict[str, Any]], n: int) -> list[str]:
    problems = []
    for t in times:
        if not (0 <= t["start"] < t["end"] <= n):
            problems.append(f"span {t['start']}:{t['end']} outside the text (length {n})")
        if "text" in t:
            problems.append(f"time at {t['start']} carries article text")
        if t.get("type") not in TYPES or not valid_value(t["type"], t.get("value", "")):
            problems.append(f"time at {t['start']}: invalid {t.get('type')} value {t.get('value')!r}")
        if t.get("anchor") not in ANCHORS:
            problems.append(f"time at {t['start']}: anchor {t.get('anchor')!r} not in {ANCHORS}")
        if t.get("relative") != (t.get("anchor") in ("publication_date", "narrative")):
            problems.append(f"time at {t['start']}: 'relative' disagrees with anchor {t.get('anchor')!r}")
    ordered = sorted(times, key=lambda t: t["start"])
    for a, b in itertools.pairwise(ordered):
        if b["start"] < a["end"]:
            problems.append(f"overlapping times {a['start']}:{a['end']} and {b['start']}:{b['end']}")
    return problems


def check_gold_file(path: Path, rec: dict[str, Any] | None) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    if gold.get("schema") != "marsad.gold/1":
        problems.append("schema is not marsad.gold/1")
    if path.stem != gold.get("document"):
        problems.append(f"file name {path.name} does not match document {gold.get('document')!r}")
    for key in ("mentions", "events", "quotes", "indicators", "hypotheses"):
        if gold.get(key):
            problems.append(f"{key} should be empty in a times-only file")
    if gold.get("entities"):
        problems.append("entities should be empty in a times-only file")
    n = len(rec["text"]) if rec is not None else 10**9
    problems += check_times(gold.get("times", []), n)
    if rec is not None and gold.get("published") != published_iso(rec["published"]):
        problems.append(f"published {gold.get('published')} differs from the corpus {rec['published']}")
    return [f"{path.name}: {p}" for p in problems]


# ---------------------------------------------------------------- forms (for the statistics)

_MAGHREBI = ("جانفي", "فيفري", "أفريل", "افريل", "ماي", "جوان", "جويلية", "أوت", "اوت")
_SHARED_MONTHS = ("مارس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر")
_EASTERN = ("يناير", "فبراير", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس")
_LEVANTINE = ("كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين")
_HIJRI = ("هـ", "هجري", "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال",
          "ذو القعدة", "ذو الحجة", "ذي القعدة", "ذي الحجة")
_WEEKDAYS = ("الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
             "الأحد", "الاحد")


_WEEKDAY_NUMBER = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
                   "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}


def weekday_of(surface: str) -> int | None:
    """The weekday (0 = Monday) a surface names, if exactly one."""
    found = {n for w, n in _WEEKDAY_NUMBER.items() if re.search(rf"(?<!\w){w}(?!\w)", surface)}
    return found.pop() if len(found) == 1 else None


_DEICTIC = ("اليوم", "أمس", "الأمس", "البارحة", "غدا", "الغد", "الليلة", "الآن", "حاليا")
_OFFSET = re.compile(r"^(?:قبل|منذ|بعد)\s")


def forms(surface: str, t: dict[str, Any]) -> list[str]:
    """The surface forms an expression shows (an expression can show several)."""
    words = set(re.findall(r"\w+", surface))
    value, type_ = t["value"], t["type"]
    out = []
    for name, names in (("maghrebi-month", _MAGHREBI), ("shared-month", _SHARED_MONTHS),
                        ("eastern-month", _EASTERN), ("levantine-month", _LEVANTINE)):
        if words & set(names):
            out.append(name)
    if re.search(r"\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}", surface):
        out.append("numeric-date")
    if any(w in surface for w in _HIJRI) or "hijri" in t:
        out.append("hijri")
    if words & set(_WEEKDAYS):
        out.append("weekday")
    if type_ == "TIME":
        out.append("part-of-day" if value[-2:].isalpha() else "clock-time")
    if type_ in ("DURATION", "SET"):
        out.append(type_.lower())
    if type_ == "DATE":
        if re.fullmatch(r"\d{4}", value) and re.fullmatch(r"\d{4}", surface.strip()):
            out.append("year-alone")
        elif re.fullmatch(r"\d{2,3}", value):
            out.append("decade-century")
        elif "-W" in value:
            out.append("week")
        elif re.search(r"-(?:SP|SU|FA|WI)$", value):
            out.append("season")
        elif re.search(r"-(?:Q|H)\d$", value):
            out.append("quarter-half")
        elif value in _REFS:
            out.append("vague-ref")
        elif re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}", value):
            out.append("month-granularity")
    if t.get("relative"):
        if _OFFSET.match(surface):
            out.append("offset")
        elif any(d in words for d in _DEICTIC) or (words & {"يوم", "يومنا"} and "هذا" in words):
            out.append("deictic-day")
    if not out:
        out.append("other")
    return out


# ---------------------------------------------------------------- commands


def gold_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json"))


def cmd_build(args: argparse.Namespace) -> int:
    arts = parse_notes(Path(p) for p in args.notes)
    recs = load_corpus(arts)
    missing = sorted(set(arts) - set(recs))
    if missing:
        raise SystemExit(f"not in the corpus: {', '.join(missing)}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for doc_id, items in arts.items():
        gold = build_gold(doc_id, recs[doc_id], items)
        (out / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
        total += len(gold["times"])
    print(f"wrote {len(arts)} files, {total} time expressions, to {out}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    files = gold_files(Path(args.dir))
    recs = load_corpus(p.stem for p in files)
    problems = []
    for p in files:
        if p.stem not in recs:
            problems.append(f"{p.name}: not in the corpus")
            continue
        problems += check_gold_file(p, recs[p.stem])
    for pr in problems:
        print(pr)
    print(f"{len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


def cmd_stats(args: argparse.Namespace) -> int:
    files = gold_files(Path(args.dir))
    recs = load_corpus(p.stem for p in files)
    by_type: Counter[str] = Counter()
    by_anchor: Counter[str] = Counter()
    by_form: Counter[str] = Counter()
    cats: Counter[str] = Counter()
    months: Counter[str] = Counter()
    n = req = rel = rel_req = 0
    for p in files:
        gold = json.loads(p.read_text(encoding="utf-8"))
        text = recs[p.stem]["text"]
        cats[gold.get("category") or "?"] += 1
        months[gold["published"][:7]] += 1
        for t in gold["times"]:
            n += 1
            req += t["required"]
            rel += t["relative"]
            rel_req += t["relative"] and t["required"]
            by_type[t["type"]] += 1
            by_anchor[t["anchor"]] += 1
            for f in forms(text[t["start"]:t["end"]], t):
                by_form[f] += 1
    print(f"files {len(files)}; expressions {n} ({req} required); relative {rel} ({rel_req} required)")
    print("by type:   " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()))
    print("by anchor: " + ", ".join(f"{k} {v}" for k, v in by_anchor.most_common()))
    print("by form:   " + ", ".join(f"{k} {v}" for k, v in by_form.most_common()))
    print("categories: " + ", ".join(f"{k} {v}" for k, v in cats.most_common()))
    print("published:  " + ", ".join(f"{k} {v}" for k, v in sorted(months.items())))
    return 0


def _load_one(doc_id: str, folder: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    rec = load_corpus([doc_id]).get(doc_id)
    if rec is None:
        raise SystemExit(f"{doc_id} is not in the corpus")
    path = folder / f"{doc_id}.json"
    gold = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"times": []}
    return rec, gold


def cmd_show(args: argparse.Namespace) -> int:
    rec, gold = _load_one(args.id, Path(args.dir))
    text = rec["text"]
    print(f"{rec['id']}  published {rec['published']}  ({rec.get('category')})")
    out, pos = [], 0
    for t in sorted(gold["times"], key=lambda t: t["start"]):
        out.append(text[pos:t["start"]])
        mark = "" if t["required"] else "?"
        out.append(f"[{text[t['start']:t['end']]}]{{{t['value']}{mark}}}")
        pos = t["end"]
    out.append(text[pos:])
    print("".join(out))
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    rec, gold = _load_one(args.id, Path(args.dir))
    text = rec["text"]
    print(f"@ {rec['id']}")
    for t in gold["times"]:
        s = text[t["start"]:t["end"]]
        occ = 1 + sum(1 for a, _ in occurrences(text, s) if a < t["start"])
        flags = {"publication_date": ["rel"], "narrative": ["nar"], "year": ["year"]}.get(t["anchor"], [])
        if not t["required"]:
            flags.append("opt")
        if "hijri" in t:
            flags.append(f"hijri={t['hijri']}")
        surface = s if occ == 1 else f"{s}#{occ}"
        line = f"{surface} | {t['value']} | {t['type']} | {','.join(flags)}"
        if t.get("note"):
            line += f" | {t['note']}"
        print(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("notes", nargs="+")
    b.add_argument("--out", default=str(DEFAULT_DIR))
    for name in ("check", "stats"):
        c = sub.add_parser(name)
        c.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    for name in ("show", "dump"):
        c = sub.add_parser(name)
        c.add_argument("id")
        c.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    args = ap.parse_args(argv)
    try:
        return {"build": cmd_build, "check": cmd_check, "stats": cmd_stats, "show": cmd_show,
                "dump": cmd_dump}[args.cmd](args)
    except NotesError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
