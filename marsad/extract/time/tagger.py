"""The temporal tagger: find Arabic temporal expressions and resolve them to TIMEX3 values.

Two passes over one document:

1. **Find.** One compiled regex (:mod:`.grammar`) over the matching key of the normalized
   text yields candidates; cheap context rules accept or reject each (a month name that is
   also a verb, «اليوم» in «اليوم الوطني», a four-digit count). A rejected candidate gives the
   later families a chance at the same place.
2. **Resolve**, in text order, with what the document gives and nothing else (never the
   machine's clock):

   * *absolute*: the expression is complete («17 ديسمبر 2025»، «17/12/2025»);
   * *year*: a partial date («19 يوليو») takes the year of the nearest explicit date before it
     that fits (near the publication date when there is one), else the occurrence the
     publication date points to: the next one after a future verb, the previous one after
     «الماضي», the nearest otherwise;
   * *publication_date*: deictic words («أمس»، «الأسبوع الماضي»، «منذ ثلاثة أيام»);
     without a publication date they stay PRESENT_REF / PAST_REF / FUTURE_REF;
   * *narrative*: «في اليوم التالي»، «في ذلك اليوم»، «بعد ساعات من …» count from the date of
     the event being told (the last day-level date resolved before them).

   Clock times («الساعة العاشرة صباحا») take the date of the nearest date in their sentence,
   else the publication date. Every value is checked (:func:`.timex.is_valid`): a date that
   cannot exist (31 فبراير, month 13) is never emitted.

Day-first rule for numeric dates: ``a/b/yyyy`` is day/month/year (the Arabic and European
order); it is read month/day only when ``b`` cannot be a month and ``a`` can (``12/31/2025``).
``yyyy-mm-dd`` is ISO. Two-digit years are accepted only after a slash (``17/12/25`` → 2025;
50-99 → 19xx).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from hijridate import Gregorian, Hijri

from marsad.doc import Document, TimeExpression
from marsad.extract.time import timex
from marsad.extract.time.grammar import Grammar, grammar
from marsad.extract.time.lexicon import Lexicon, lexicon, squash
from marsad.text.normalize import Normalized, normalize
from marsad.text.tokens import NUMBER, Tokens, tokenize

_WORD_BACK = re.compile(r"\W{0,3}(\w+)")  # matched on reversed text
_NEXT_WORD = re.compile(r"[^\w\n]{0,3}(\w+)")
_CLAUSE_END = re.compile(r"[!?؟\n]|(?<!\d)\.|\.(?!\d)")
_DIGITS = re.compile(r"\d+")
_OPENING_QUOTES = ('"', "«", "“")
_CLOSING_QUOTES = ('"', "»", "”")
_RATE = re.compile(r"(\w+)\s+في\s*$")
_PROCLITICS = "وفبلك"
_POD_HOUR_SHIFT = {"AF": 12, "EV": 12}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "year", "CE": "year", "H": "day", "MIN": "day"}

#: a partial date this close (in characters) after a dated one takes its year even far from the
#: publication date (the two are told together)
NEAR = 250
#: without a future verb, a partial date with no year is the last occurrence when it is at most
#: this many months before the publication date (else the nearest one)
PAST_MONTHS = 8
#: a partial date this close before a dated one in the same sentence takes its year
#: («جانفي، فيفري ومارس 2018»)
FOLLOW_NEAR = 40

#: how a value was resolved
ABSOLUTE = "absolute"
YEAR = "year"
PUBLICATION = "publication_date"
NARRATIVE = "narrative"
UNRESOLVED = "unresolved"


@dataclass(slots=True)
class Found:
    """One resolved expression, in normalized offsets."""

    start: int
    end: int
    type: str
    value: str
    anchor: str
    hijri: str | None = None
    #: a date the text states (a calendar date, a year, a narrative anchor), not a deictic word
    told: bool = False
    #: whether it becomes the narrative date (not for «بعد 3 سنوات من …», counted from what follows)
    moves_ref: bool = True


@dataclass(slots=True)
class Candidate:
    fam: str
    start: int  # normalized offsets of the expression (proclitics excluded)
    end: int
    m: re.Match[str]
    info: dict[str, Any] = field(default_factory=dict)


class _Context:
    """What resolution may use: the publication date, the narrative date, the explicit years."""

    def __init__(self, pub: date | None, year_marks: list[tuple[int, int]]):
        self.pub = pub
        self.ref_day: date | None = None
        self.ref_month: tuple[int, int] | None = None
        self.ref_year: int | None = None
        self.year_marks = year_marks  # (position, year) of dates with a month and a written year
        self.mark_months: dict[int, int] = {}  # position -> the month of those dates
        self.last_value: str | None = None  # the last date value resolved («نفس الفترة»)
        self.last_end = -1  # where it ended (normalized offset)
        self.last_anchor = ""
        self.last_told = False
        self.previous: Found | None = None  # the last expression resolved, of any type

    def note(self, found: Found) -> None:
        """Move the narrative reference to a resolved day, month or year."""
        if found.anchor == UNRESOLVED or found.type not in ("DATE", "TIME"):
            return
        v = found.value.split("T", 1)[0]
        if v[:1].isdigit() and found.type == "DATE":
            self.last_value, self.last_end, self.last_anchor = v, found.end, found.anchor
            self.last_told = found.told
        parts = _calendar_parts(v)
        if parts is None:
            return
        y, mo, d = parts
        self.ref_year = y
        if mo:
            month = (y, mo)
            if d:
                self.ref_day = date(y, mo, d)
            elif self.ref_day is not None and (self.ref_day.year, self.ref_day.month) != month:
                self.ref_day = None  # the story moved to another month
            self.ref_month = month
        else:
            if self.ref_day is not None and self.ref_day.year != y:
                self.ref_day = None  # the story moved to another year
            if self.ref_month is not None and self.ref_month[0] != y:
                self.ref_month = None


class TimeTagger:
    """Finds and resolves the temporal expressions of a document (see the module docstring)."""

    def __init__(self) -> None:
        self.lx: Lexicon = lexicon()
        self.g: Grammar = grammar()
        ctx = self.lx.context
        self._name_heads = ctx["name_heads"]
        self._quantity_before = ctx["quantity_before"]
        self._quantity_after = ctx["quantity_after"]
        self._not_today_after = ctx["not_today_after"]
        self._not_today_before = ctx["not_today_before"]
        self._not_yesterday_after = ctx["not_yesterday_after"]
        self._weekday_cues = ctx["weekday_cues_before"]
        self._not_tonight_before = ctx["not_tonight_before"]
        self._rate_before = ctx["rate_before"]
        self._weekday_not_after = ctx["weekday_not_after"]
        self._weekday_not_before = ctx["weekday_not_before"]
        self._general_heads = ctx["general_heads"]
        self._not_tonight_after = ctx["not_tonight_after"]
        self._weekday_number_after = ctx["weekday_number_after"]
        self._from_now = ctx["from_now"]
        self._in_force_after = ctx["in_force_after"]
        self._became_before = ctx["became_before"]
        self._time_lead_in = ctx["time_lead_in"]
        self._weekday_keys = set(self.lx.weekdays)
        self._month_keys = set(self.lx.months) | set(self.lx.hijri_months)
        self._prepositions_before_month = {"في", "منذ", "خلال", "حتي", "الي", "قبل", "بعد", "من", "مطلع", "موفي", "نهايه", "بدايه", "اواخر", "منتصف", "اوائل", "غايه", "حدود"}

    # -- the public entry points ----------------------------------------------------------------
    def tag(self, doc: Document) -> list[TimeExpression]:
        """The document's temporal expressions with original offsets, sorted by start."""
        if doc.normalized is None:
            doc.normalized = normalize(doc.text)
        norm = doc.normalized
        tokens = doc.tokens if doc.tokens is not None else tokenize(norm)
        found = self.find(_key_text(norm.text), doc.published, tokens=tokens, original=doc.text, normalized=norm)
        out = []
        for f in found:
            s, e = norm.span_to_original(f.start, f.end)
            out.append(TimeExpression(s, e, doc.text[s:e], f.type, f.value, f.anchor, f.hijri))
        return out

    def find(
        self, key: str, pub: date | None, *, tokens: Tokens | None = None, original: str | None = None,
        normalized: Normalized | None = None,
    ) -> list[Found]:
        """Resolved expressions in ``key``, the matching key of a normalized text (normalized
        offsets). ``tokens`` are that text's tokens (made here when not given)."""
        self._key = key
        self._original = original
        self._norm = normalized
        if tokens is None:
            tokens = tokenize(normalized if normalized is not None else normalize(key))
        cands = self._candidates(key, tokens)
        # dates with a month and a written year: the years partial dates may take
        year_marks = [(c.start, c.info["year"]) for c in cands if c.info.get("has_month")]
        ctx = _Context(pub, year_marks)
        ctx.mark_months = {c.start: c.info["month"] for c in cands if c.info.get("has_month")}
        results: list[Found] = []
        clocks: list[Candidate] = []
        for c in cands:
            if c.fam.startswith("T"):
                clocks.append(c)
                continue
            for f in self._resolve(c, ctx):
                if timex.is_valid(f.type, f.value):
                    f.told = c.fam[0] in _TOLD
                    results.append(f)
                    if f.moves_ref:
                        ctx.note(f)
                    ctx.previous = f
        for c in clocks:
            for f in self._resolve_clock(c, ctx, results):
                if timex.is_valid(f.type, f.value):
                    results.append(f)
        results.sort(key=lambda f: (f.start, f.end))
        # no overlaps: keep the first (longest-starting) of overlapping spans
        kept: list[Found] = []
        for f in results:
            if kept and f.start < kept[-1].end:
                continue
            kept.append(f)
        return kept

    # -- pass 1: candidates -------------------------------------------------------------------
    def _candidates(self, key: str, tokens: Tokens) -> list[Candidate]:
        g = self.g
        trig = g.triggers
        infos = tokens.infos
        nstarts = tokens.nstarts
        hits = [i for i, info in enumerate(infos) if info.key in trig or info.kind is NUMBER]  # a trigger or a number
        out: list[Candidate] = []
        pos = 0
        digits = ((0, g.digit_families),)
        for i in hits:
            cand = None
            for offset, families in trig.get(infos[i].key, digits):
                start = nstarts[i] + offset
                if start >= pos:
                    cand = self._candidate_at(key, start, families)
                    if cand is not None:
                        break
            if cand is None:
                continue
            out.append(cand)
            pos = max(cand.end, cand.m.end())
        return out

    def _prev_word(self, i: int) -> str:
        """The word before the one starting at ``i`` (its attached proclitics skipped), across at
        most three spaces or punctuation marks."""
        key = self._key
        j = i
        while j > 0 and i - j < 3 and key[j - 1].isalpha():
            j -= 1
        m = _WORD_BACK.match(key[max(0, j - 30) : j][::-1])
        return m.group(1)[::-1] if m else ""

    def _next_word(self, i: int) -> str:
        m = _NEXT_WORD.match(self._key, i)
        return m.group(1) if m else ""

    def _candidate_at(self, key: str, start: int, families: tuple[str, ...]) -> Candidate | None:
        """The first family that matches at ``start`` and passes its context rules."""
        g = self.g
        m = g.regex(families).match(key, start)
        if m is None:
            return None
        fam = m.lastgroup or ""
        cand = self._parse(fam, m)
        if cand is not None:
            return cand
        for later in families[families.index(fam) + 1 :]:
            m2 = g.single[later].match(key, start)
            if m2 is not None:
                cand = self._parse(later, m2)
                if cand is not None:
                    return cand
        return None

    def _prev_number(self, i: int) -> bool:
        j = i - 1
        key = self._key
        while j >= 0 and key[j].isspace():
            j -= 1
        return j >= 0 and key[j].isdigit()

    def _prev_is(self, i: int, words: set[str]) -> bool:
        w = self._prev_word(i)
        if not w:
            return False
        if w in words:
            return True
        k = 0
        while k < 2 and len(w) > k + 2 and w[k] in _PROCLITICS:
            k += 1
            if w[k:] in words:
                return True
        return False

    def _general_year(self, word: str, start: int, mod: str) -> bool:
        """True for «العام» the adjective: «المدير العام السابق»، «الإضراب العام المقبل»."""
        if word != "العام":
            return False
        k = squash(mod)
        if self.lx.modifiers.get(k) not in ("current", "future") and k not in ("السابق", "السابقه"):
            return False
        return self._prev_is(start, self._general_heads)

    def _in_short_quote(self, start: int, end: int) -> bool:
        """True when the expression ends a quoted name of at most three words («"روسيا اليوم"»)."""
        key = self._key
        if key[end : end + 1] not in _CLOSING_QUOTES:
            return False
        lo = max(0, start - 30)
        opening = max(key.rfind(q, lo, start) for q in _OPENING_QUOTES)
        words = key[opening + 1 : start].split()
        if words and words[-1] in self._time_lead_in:
            return False  # «"ابتداء من اليوم"»: a quoted phrase of time, not a name
        return opening >= 0 and len(words) <= 2

    def _is_rate(self, i: int) -> bool:
        """True for «في اليوم» after a number or a counted noun («736 مليما في اليوم»)."""
        m = _RATE.search(self._key, max(0, i - 40), i)
        if m is None:
            return False
        before = m.group(1)
        return before[0].isdigit() or before in self._rate_before

    def _future(self, start: int, end: int) -> bool:
        """True when a future verb or marker stands in the clause around the expression."""
        key = self._key
        lo = max(0, start - 90)
        ends = [m.end() for m in _CLAUSE_END.finditer(key, lo, start)]
        if ends:
            lo = ends[-1]
        m = _CLAUSE_END.search(key, end, min(len(key), end + 50))
        hi = m.start() if m else min(len(key), end + 50)
        return self.g.future.search(key, lo, hi) is not None

    def _parse(self, fam: str, m: re.Match[str]) -> Candidate | None:
        parser = getattr(self, "_parse_" + fam[0])
        cand: Candidate | None = parser(fam, m)
        return cand

    # each parser returns a Candidate with the parts it read, or None to reject
    def _parse_C(self, fam: str, m: re.Match[str]) -> Candidate | None:
        if m.group("C_iy"):
            y, mo, d = int(m.group("C_iy")), int(m.group("C_im")), int(m.group("C_id"))
        else:
            a, b, ys = int(m.group("C_a")), int(m.group("C_b")), m.group("C_y")
            y = int(ys)
            if len(ys) == 2:
                y += 2000 if y < 50 else 1900
            d, mo = a, b
            if mo > 12 and d <= 12:
                d, mo = mo, d
        if timex.make_date(y, mo, d) is None or self._prev_is(m.start(fam), self._quantity_before):
            return None
        info: dict[str, Any] = {"year": y, "month": mo, "day": d, "has_month": True}
        if m.group("C_pod"):
            info["pod"] = _look(self.lx.pod_before, m.group("C_pod"))
        return Candidate(fam, m.start(fam), m.end(fam), m, info)

    def _month_ok(self, m: re.Match[str], group: str, strong_context: bool) -> int | None:
        """The month number of a matched name, or None when the name is not a month here."""
        name = squash(m.group(group))
        number = self.lx.months.get(name)
        if number is None:
            return None
        if name in self.lx.needs_madda and self._original is not None and self._norm is not None:
            o = self._norm.to_original(m.start(group))
            if self._original[o : o + 1] != "آ":
                return None
        if name in self.lx.ambiguous_months and not strong_context:
            return None
        return number

    def _parse_A(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        start = m.start(fam)
        if self._prev_is(start, self._name_heads):
            return None
        day_s = squash(m.group("A_day"))
        if day_s.startswith("ال") and day_s[2:3].isdigit():
            day_s = day_s[2:]
        day = int(day_s) if day_s[0].isdigit() else (1 if day_s.split(" ")[0] in ("غره", "اول") else lx.ordinals.get(day_s, 0))
        # a list or a range of days before one month: «22 و23 و24 جانفي»، «من 17 إلى 19 ديسمبر»
        days = [(start, m.end("A_day"), day)]
        if m.group("A_more"):
            base = m.start("A_more")
            days += [(base + d.start(), base + d.end(), int(d.group())) for d in _DIGITS.finditer(m.group("A_more"))]
        days[-1] = (days[-1][0] if len(days) > 1 else start, m.end(fam), days[-1][2])
        day = days[-1][2]
        info: dict[str, Any] = {"day": day, "days": days}
        if m.group("A_mon"):
            mo = self._month_ok(m, "A_mon", True)
            if mo is None:
                return None
            info["month"] = mo
        elif m.group("A_hmon"):
            info["hmonth"] = _look(lx.hijri_months, m.group("A_hmon"))
        elif m.group("A_cur"):
            # «يوم 20 الجاري»: a day of the current month, after «يوم» or a preposition; not «الفصل
            # 20 الجاري به العمل» (the law in force)
            if not (m.group("A_yawm") or self._prev_is(start, self._prepositions_before_month)):
                return None
            if self._next_word(m.end(fam)) in self._in_force_after:
                return None
            info["this_month"] = "current"
        else:
            info["this_month"] = lx.modifiers.get(squash(m.group("A_tmod") or ""), "current")
        if m.group("A_year"):
            info["year"] = int(m.group("A_year"))
            info["has_month"] = "month" in info
            era = squash(m.group("A_era") or "")
            if "hmonth" in info or era in lx.hijri_markers:
                if "hmonth" not in info or not 1343 <= info["year"] <= 1500:
                    return None
                info["has_month"] = False
        if m.group("A_mod"):
            info["mod"] = _look(lx.modifiers, m.group("A_mod"))
        if m.group("A_ymod"):
            info["ymod"] = _look(lx.modifiers, m.group("A_ymod"))
        if m.group("A_wd"):
            info["weekday"] = _look(lx.weekdays, m.group("A_wd"))
        if m.group("A_rel"):
            info["rel"] = _look(lx.relative_days, m.group("A_rel"))
        if m.group("A_pod"):
            info["pod"] = _look(lx.pod_before, m.group("A_pod"))
        if "month" in info and not timex.valid_day(info.get("year"), info["month"], day):
            return None
        if not 1 <= day <= 31:
            return None
        return Candidate(fam, start, m.end(fam), m, info)

    def _parse_B(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        start = m.start(fam)
        info: dict[str, Any] = {}
        strong = bool(
            m.group("B_shahr") or m.group("B_year") or m.group("B_mod") or m.group("B_ymod") or m.group("B_mon2") or m.group("B_edge")
        )
        if self._prev_number(start):
            return None  # «شارع 14 جانفي»: the day was there, and was not a date
        if not m.group("B_year") and self._prev_is(start, self._name_heads):
            return None  # «مستشفى مايو»، «ساحة أيار»: a name
        if m.group("B_mon"):
            weak_ok = strong or (
                squash(m.group("B_mon")) not in lx.needs_madda and self._prev_is(start, self._prepositions_before_month)
            )
            mo = self._month_ok(m, "B_mon", weak_ok)
            if mo is None:
                return None
            info["month"] = mo
        else:
            name = squash(m.group("B_hmon"))
            if not (m.group("B_year") or m.group("B_mod")):
                return None  # a Hijri month alone («شهر رمضان») names a season of the year, not a date
            if name in lx.ambiguous_months and not (m.group("B_shahr") or m.group("B_year") or m.group("B_mod")):
                return None
            info["hmonth"] = lx.hijri_months[name]
        if m.group("B_year"):
            info["year"] = int(m.group("B_year"))
            info["has_month"] = "month" in info
            era = squash(m.group("B_era") or "")
            if "hmonth" in info or era in lx.hijri_markers:
                if "hmonth" not in info or not 1343 <= info["year"] <= 1500:
                    return None
                info["has_month"] = False
        if m.group("B_mod"):
            info["mod"] = _look(lx.modifiers, m.group("B_mod"))
        if m.group("B_ymod"):
            info["ymod"] = _look(lx.modifiers, m.group("B_ymod"))
        return Candidate(fam, start, m.end(fam), m, info)

    def _parse_Q(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        info: dict[str, Any] = {}
        if m.group("Q_q"):
            code = _look(lx.quarters, m.group("Q_q"))
            n = _look(lx.quarter_ordinals, m.group("Q_o")) or (4 if code == "Q" else 2)  # 0: the last
            if (code == "H" and n > 2) or not (m.group("Q_y") or m.group("Q_mod") or m.group("Q_yw")):
                return None
            info.update(kind="quarter", code=code, n=n)
            if m.group("Q_y"):
                info["year"] = int(m.group("Q_y"))
            if m.group("Q_mod"):
                info["mod"] = _look(lx.modifiers, m.group("Q_mod"))
        elif m.group("Q_mpos"):
            n = m.group("Q_mn") or m.group("Q_mn2")
            first = m.group("Q_mpos") == "الاولي"
            code, k = ("Q", 1 if first else 4) if n in ("ثلاثه", "3") else ("H", 1 if first else 2)
            info.update(kind="quarter", code=code, n=k)
            if m.group("Q_my"):
                info["year"] = int(m.group("Q_my"))
            else:
                info["mod"] = _look(lx.modifiers, m.group("Q_mmod"))
        elif m.group("Q_season"):
            info.update(kind="season", code=_look(lx.seasons, m.group("Q_season")))
            if m.group("Q_sy"):
                info["year"] = int(m.group("Q_sy"))
            else:
                info["mod"] = _look(lx.modifiers, m.group("Q_smod"))
        elif m.group("Q_dec"):
            info.update(kind="decade", digit=_look(lx.decades, "ال" + m.group("Q_dec")))
            dc = squash(m.group("Q_dc") or "")
            info["century"] = lx.century_ordinals.get(dc) or (21 if lx.modifiers.get(dc) == "current" else 20)
        else:
            info["kind"] = "century"
            if self._other_era(m.end(fam)):
                return None  # «القرن الرابع الهجري»، «القرن الخامس قبل الميلاد»: not a Gregorian century
            if m.group("Q_cord"):
                info["century"] = _look(lx.century_ordinals, m.group("Q_cord"))
            elif m.group("Q_cnum"):
                info["century"] = int(m.group("Q_cnum"))  # «القرن الـ21»، «القرن 19»
            else:
                info["mod"] = _look(lx.modifiers, m.group("Q_cmod"))
        return Candidate(fam, m.start(fam), m.end(fam), m, info)

    def _other_era(self, end: int) -> bool:
        """True when the words after ``end`` name the Hijri era or the years before Christ."""
        after = " ".join(re.findall(r"\w+", self._key[end : end + 24])[:2])
        return any(after == w or after.startswith(w + " ") for w in self.lx.century_other_era)

    def _parse_N(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        nar = lx.narrative
        info: dict[str, Any] = {}
        if m.group("N_spw") or m.group("N_spw2"):
            word = _canon(lx.definite_units, m.group("N_spw") or m.group("N_spw2"), lx.narrative["periods"])
            info.update(kind="same_period", word=word)
            y = m.group("N_yy") or m.group("N_yy2")
            if y:
                info["year"] = int(y)
            elif m.group("N_ymod"):
                info["ymod"] = _look(lx.modifiers, m.group("N_ymod"))
        elif m.group("N_next"):
            info.update(kind="day", offset=1 if squash(m.group("N_next")) in nar["next"] else -1)
        elif m.group("N_that") or m.group("N_same"):
            info.update(kind="day", offset=0)
        elif m.group("N_punit") or m.group("N_punit2"):
            unit_word = _canon(lx.definite_units, m.group("N_punit") or m.group("N_punit2"))
            unit = lx.definite_units[unit_word][0]
            if unit_word == "العام" and m.group("N_punit") and self._prev_is(m.start(fam), self._general_heads):
                return None  # «المدير العام السابق»: "general", not a year
            offset = 0
            if m.group("N_pnext"):
                offset = 1 if squash(m.group("N_pnext")) in nar["next"] else -1
            if unit == "H":
                return None
            info.update(kind="period", unit=unit, offset=offset)
        else:
            count = self._count(m.group("N_hn"))
            word = squash(m.group("N_hours"))
            hours = 2 if word.endswith("تين") else (count if count is not None and "ساع" in word else 0)
            info.update(kind="hours", days=hours // 24 if hours else 0)
        if m.group("N_pod"):
            info["pod"] = _look(lx.pod_before, m.group("N_pod"))
        return Candidate(fam, m.start(fam), m.end(fam), m, info)

    def _parse_E(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        start, end = m.start(fam), m.end(fam)
        if m.group("E_tonight"):
            return self._parse_tonight(fam, m)
        rel = _canon(lx.relative_days, m.group("E_rel"))
        info: dict[str, Any] = {"offset": lx.relative_days[rel]}
        has_cue = bool(m.group("E_yawm") or m.group("E_pod") or m.group("E_wd"))
        if rel == "اليوم":
            if not m.group("E_wd"):
                nxt = self._next_word(end)
                if nxt in self._not_today_after or (
                    nxt.startswith("ال") and nxt.endswith(("ي", "يه")) and nxt not in self._weekday_keys
                ):
                    return None
            if not m.group("E_pod") and self._prev_is(m.start("E_rel"), self._not_today_before):
                return None
            if self._is_rate(m.start("E_rel")) or self._in_short_quote(start, end):
                return None  # «13 دينارا في اليوم»، «قناة "روسيا اليوم"»
            if not has_cue and self._prev_is(m.start("E_rel"), {"خلال"}):
                info["during"] = True  # «خلال اليوم»: during the day being told
        elif rel == "امس":
            if self._next_word(end) in self._not_yesterday_after:
                return None
        elif rel in ("غد", "الغد") and not has_cue:
            return None
        elif rel == "غدا" and not has_cue and self._became(start, end):
            return None
        return self._finish_E(fam, m, info)

    def _became(self, start: int, end: int) -> bool:
        """True for «غدا» the verb "became": after «قد», or opening a clause before a definite
        noun that is not a weekday, with no future verb in the clause («غدا الوضع أكثر تعقيدا»)."""
        if self._prev_is(start, self._became_before):
            return True
        nxt = self._next_word(end)
        if not nxt.startswith("ال") or nxt in self._weekday_keys or nxt in self.lx.relative_days:
            return False
        before = self._key[max(0, start - 40) : start].rstrip()
        if before.endswith(("و", "ف")) and start > 0 and self._key[start - 1] in "وف":
            before = before[:-1].rstrip()
        opens = not before or before[-1] in ".!?؟\n:،,«\""
        return opens and not self._future(start, end)

    def _parse_tonight(self, fam: str, m: re.Match[str]) -> Candidate | None:
        """«الليلة»، «الليلة الماضية»; not «تلك الليلة» or «الليلة التي …»."""
        start, end = m.start(fam), m.end(fam)
        if self._prev_is(start, self._not_tonight_before) or self._next_word(end) in self._not_tonight_after:
            return None
        mod = self.lx.modifiers.get(squash(m.group("E_tmod") or ""))
        info = {"offset": -1 if mod in ("past", "recent") else 0, "pod": "NI"}
        return Candidate(fam, start, end, m, info)

    def _finish_E(self, fam: str, m: re.Match[str], info: dict[str, Any]) -> Candidate | None:
        lx = self.lx
        if m.group("E_wd"):
            info["weekday"] = _look(lx.weekdays, m.group("E_wd"))
        if m.group("E_pod"):
            info["pod"] = _look(lx.pod_before, m.group("E_pod"))
        return Candidate(fam, m.start(fam), m.end(fam), m, info)

    def _parse_W(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        start = m.start(fam)
        name = _canon(lx.weekdays, m.group("W_wd"))
        cue = bool(m.group("W_yawm") or m.group("W_pod") or m.group("W_mod"))
        if name in lx.ambiguous_weekdays and not cue and (
            self._prev_is(start, self._weekday_not_after) or self._next_word(m.end(fam)) in self._weekday_not_before
        ):
            return None  # «كلا الاثنين» "both", «صلاة الجمعة»
        if not m.group("W_mod") and self._next_word(m.end(fam)) in self._weekday_number_after:
            return None  # «الأحد عشر لاعبا»: the number eleven
        info: dict[str, Any] = {"weekday": lx.weekdays[name]}
        if m.group("W_mod"):
            info["mod"] = _look(lx.modifiers, m.group("W_mod"))
        if m.group("W_pod"):
            info["pod"] = _look(lx.pod_before, m.group("W_pod"))
        return Candidate(fam, start, m.end(fam), m, info)

    def _hour_word(self, word: str | None) -> int | None:
        return None if word is None else self.lx.ordinals_feminine.get(squash(word))

    def _parse_T(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        g = m.groupdict()
        p = fam + "_"
        minute = 0
        if g.get(p + "mid"):
            hour = 0 if squash(g[p + "mid"]) in self.lx.clock["midnight"] else 12
        elif g.get(p + "h") is not None:
            hour = int(g[p + "h"])
            for k in ("m", "m2", "m4"):
                if g.get(p + k):
                    minute = int(g[p + k])
        else:
            h = self._hour_word(g.get(p + "hw"))
            if h is None:
                return None
            hour = h
            if g.get(p + "frac"):
                minute = _look(lx.fractions, g[p + "frac"])
            elif g.get(p + "m3"):
                mm = g[p + "m3"]
                minute = int(mm) if mm.isdigit() else lx.cardinals.get(squash(mm), -1)
            elif g.get(p + "less"):
                hour, minute = hour - 1, 45 if "ربع" in g[p + "less"] else 40
            if g.get(p + "m4"):
                minute = int(g[p + "m4"])
        pod = lx.pod_after.get(squash(g.get(p + "pod") or ""))
        if pod is None:
            follow = self.g.pod_follow.match(self._key, m.end(fam))
            if follow is not None:
                pod = _look(lx.pod_before, follow.group("pod"))
        if pod in _POD_HOUR_SHIFT and hour < 12:
            hour += 12
        elif pod == "NI" and 6 <= hour < 12:
            hour += 12
        elif pod == "MI" and hour < 11:
            hour += 12
        if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
            return None
        if fam == "T3" and g.get(p + "h") is not None and self._prev_is(m.start(fam), self._quantity_before):
            return None
        return Candidate(fam, m.start(fam), m.end(fam), m, {"hour": hour, "minute": minute})

    def _count(self, word: str | None) -> int | None:
        if word is None:
            return None
        if word.isdigit():
            return int(word)
        return self.lx.cardinals.get(squash(word))

    def _parse_U(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        info: dict[str, Any] = {"prep": _look(lx.prepositions, m.group("U_prep"))}
        start, end = m.start(fam), m.end(fam)
        if m.group("U_def"):
            word = _canon(lx.definite_units, m.group("U_def"), lx.periods)
            if self._general_year(word, m.start("U_def"), m.group("U_mod")):
                return None
            mod = _look(lx.modifiers, m.group("U_mod"))
            if word == "المرحله" and (mod == "recent" or self._next_word(end) == "من"):
                return None
            info.update(kind="period", word=word, mod=mod)
            return Candidate(fam, m.start("U_def"), end, m, info)
        if m.group("U_cur"):
            if info["prep"] not in ("within", "duration") or self._general_year(m.group("U_cur"), start, "الحالي"):
                return None
            info.update(kind="period", word=m.group("U_cur"), mod="current", cur=True)
            return Candidate(fam, m.start("U_cur"), end, m, info)
        unit_word = m.group("U_unit1") or m.group("U_unit2") or m.group("U_unit3") or m.group("U_unit4") or m.group("U_unit5")
        count: int | None
        if m.group("U_funit") or m.group("U_wunit"):
            amount = self._fraction(m, "U_")
            if amount is None:
                return None
            count, unit = amount
        elif m.group("U_unit1"):
            unit = _look(lx.units, unit_word)[0]
            count = self._count(m.group("U_n"))
            if count is None or count <= 0:
                return None
        else:
            unit = _look(lx.units, unit_word)[0]
            count = 2 if m.group("U_unit2") else (1 if m.group("U_unit5") else None)
        after = self._next_word(end)
        now = _FROM.match(self._key, end)
        if now is not None and now.group(1) in self._from_now and not (
            now.group(1) == "اليوم" and self._next_word(now.end()) in self._not_today_after
        ):
            # «بعد أسبوع من الآن»: counted from the publication date, «من الآن» part of the span
            info.update(kind="count", unit=unit, count=count, of=False, from_now=True)
            end = now.end()
            if info["prep"] in ("within", "duration"):
                first = next(g for g in _U_FIRST if m.group(g))
                return Candidate(fam, m.start(first), m.end(fam), m, info)
            return Candidate(fam, start, end, m, info)
        info.update(kind="count", unit=unit, count=count, of=after in ("من", "علي"))
        if info["prep"] in ("within", "duration"):
            # the duration is the count and the unit; the preposition stays outside the span
            first = next(g for g in _U_FIRST if m.group(g))
            return Candidate(fam, m.start(first), end, m, info)
        return Candidate(fam, start, end, m, info)

    def _fraction(self, m: re.Match[str], p: str) -> tuple[int, str] | None:
        """(count, unit) of «نصف قرن» (50, Y) or «سنة ونصف» (18, M), in the smaller unit; None
        when that is not a whole number."""
        lx = self.lx
        whole: int | None
        if m.group(p + "funit"):
            unit_word, whole, frac = m.group(p + "funit"), 0, m.group(p + "frac")
        else:
            unit_word, frac = m.group(p + "wunit"), m.group(p + "wfrac")
            number = lx.units[_canon(lx.units, unit_word)][1]
            whole = self._count(m.group(p + "wn")) if m.group(p + "wn") else (2 if number == "du" else 1)
            if not whole or (number == "pl" and not m.group(p + "wn")):
                return None
        assert whole is not None
        unit = _look(lx.units, unit_word)[0]
        num, den = _look(lx.unit_fractions, frac)
        if unit not in lx.smaller_units:
            return None
        small, size = lx.smaller_units[unit]
        total = (whole * den + num) * size
        if total % den:
            return None
        return total // den, small

    def _parse_V(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        info: dict[str, Any] = {}
        start = m.start(fam)
        if m.group("V_def2"):
            word = _canon(lx.definite_units, m.group("V_def2"))
            if self._general_year(word, start, "الحالي"):
                return None
            step = lx.modifiers_twice[squash(m.group("V_mod2"))]
            info.update(kind="period", word=word, mod="past" if step < 0 else "future", step=step)
        elif m.group("V_def"):
            word = _canon(lx.definite_units, m.group("V_def"), lx.periods)
            if not m.group("V_edge") and self._general_year(word, start, m.group("V_mod")):
                return None
            mod = _look(lx.modifiers, m.group("V_mod"))
            if word == "المرحله" and (mod == "recent" or self._next_word(m.end(fam)) == "من"):
                return None  # «المرحلة الأخيرة من التصفيات»: a stage, not a time
            info.update(kind="period", word=word, mod=mod)
        elif m.group("V_this"):
            info.update(kind="period", word=_canon(lx.definite_units, m.group("V_unit"), lx.periods), mod="current")
        elif m.group("V_eunit"):
            if not m.group("V_edge"):
                return None  # «العام» alone is also "general"; «نهاية العام» is this year's end
            info.update(kind="period", word=_canon(lx.definite_units, m.group("V_eunit")), mod="current")
        elif m.group("V_cdef"):
            count = self._count(m.group("V_cn")[2:])
            if not count:
                return None
            info.update(kind="duration", unit=_look(lx.definite_units, m.group("V_cdef"))[0], count=count)
        elif m.group("V_dc"):
            # «بيومي راحة»: ب/ل attached, or after a preposition; not before a name of a day or month
            attached = start > 0 and self._key[start - 1] in "بل"
            nxt = self._next_word(m.end(fam))
            if not (attached or self._prev_is(start, lx.dual_construct_after)):
                return None
            if nxt in self._month_keys or "ال" + nxt in self._weekday_keys or nxt in ("و", "او"):
                return None
            info.update(kind="duration", unit=lx.dual_construct[squash(m.group("V_dc"))], count=2)
        elif m.group("V_funit") or m.group("V_wunit"):
            amount = self._fraction(m, "V_")
            if amount is None:
                return None
            info.update(kind="duration", unit=amount[1], count=amount[0])
        elif m.group("V_whole"):
            info.update(kind="duration", unit=_look(lx.units, m.group("V_whole"))[0], count=1)
        else:
            if m.group("V_unit1"):
                count = self._count(m.group("V_n"))
                unit_word = m.group("V_unit1")
                if count is None or count <= 0:
                    return None
                if self._prev_is(start, self._quantity_before - {"نحو", "حوالي", "قرابه", "زهاء", "اكثر", "اقل"}):
                    return None
            else:
                count, unit_word = 2, m.group("V_unit2")
            info.update(kind="duration", unit=_look(lx.units, unit_word)[0], count=count)
            if m.group("V_n2"):
                info["count2"] = int(m.group("V_n2"))  # «بين 44 و47 دقيقة»: two durations
        if m.group("V_edge"):
            info["edge"] = _look(lx.edges, m.group("V_edge"))
        return Candidate(fam, start, m.end(fam), m, info)

    def _parse_S(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        info: dict[str, Any] = {}
        if m.group("S_adv"):
            info["value"] = _look(lx.set_adverbs, m.group("S_adv"))
        elif m.group("S_wd3") or m.group("S_wd4"):
            info["value"] = timex.weekday_value(_look(lx.weekdays, m.group("S_wd3") or m.group("S_wd4")))
        elif m.group("S_one"):
            info["value"] = timex.duration(1, _look(lx.units, m.group("S_one"))[0])
        elif m.group("S_pod"):
            info["value"] = "XXXX-XX-XXT" + _look(lx.pod_before, m.group("S_pod"))  # «كل مساء»
        else:
            wd = m.group("S_wd") or m.group("S_wd2")
            if wd:
                w = squash(wd)
                number = lx.weekdays.get(w) or lx.weekdays.get("ال" + w)
                if number is None:
                    return None
                info["value"] = timex.weekday_value(number)
            else:
                unit, _ = _look(lx.units, m.group("S_unit"))
                n = self._count(m.group("S_n")) or (2 if squash(m.group("S_unit")) in {k for k, v in lx.units.items() if v[1] == "du"} else 1)
                info["value"] = timex.duration(n, unit)
        return Candidate(fam, m.start(fam), m.end(fam), m, info)

    def _parse_P(self, fam: str, m: re.Match[str]) -> Candidate | None:
        word = _canon(self.lx.refs, m.group("P_ref"))
        if word == "قريبا" and self._next_word(m.end(fam)) in ("من", "جدا"):
            return None
        return Candidate(fam, m.start(fam), m.end(fam), m, {"value": self.lx.refs[word]})

    def _parse_D(self, fam: str, m: re.Match[str]) -> Candidate | None:
        lx = self.lx
        start, end = m.start(fam), m.end(fam)
        y = int(m.group("D_y"))
        era = squash(m.group("D_era") or "")
        marked = bool(m.group("D_kw") or m.group("D_edge") or era)
        info: dict[str, Any] = {"year": y}
        if era in lx.hijri_markers:
            if not 1343 <= y <= 1500:
                return None
            info["hijri"] = True
        elif not marked:
            if not 1900 <= y <= 2099:
                return None
            if self._prev_is(m.start("D_y"), self._quantity_before):
                return None
            if self._prev_is(m.start("D_y"), self._month_keys):
                return None  # «31 فبراير 2017»: the date could not be read, its year alone is not meant
            nxt = self._next_word(m.end("D_y"))
            if nxt in self._quantity_after or self._key[m.end("D_y") : m.end("D_y") + 2].strip().startswith("%"):
                return None
        elif y < 1000:
            return None
        if m.group("D_y2"):
            y2s = m.group("D_y2")
            y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
            if 0 < y2 - y <= 10:
                info["year2"] = y2
        return Candidate(fam, start, end, m, info)

    # -- pass 2: resolution ---------------------------------------------------------------------
    def _resolve(self, c: Candidate, ctx: _Context) -> list[Found]:
        resolver = getattr(self, "_resolve_" + c.fam[0])
        out: list[Found] = resolver(c, ctx)
        return out

    def _near_mark(self, ctx: _Context, pos: int) -> bool:
        """True when the last date with a written year ends shortly before ``pos``."""
        before = [p for p, _ in ctx.year_marks if p < pos]
        return bool(before) and pos - before[-1] <= NEAR

    def _nearest_year(self, marks: list[tuple[int, int]], pos: int) -> int | None:
        before = [y for p, y in marks if p < pos]
        if before:
            return before[-1]
        return None

    def _infer_year(
        self, ctx: _Context, start: int, end: int, month: int, days: list[int], weekday: int | None, future: bool | None
    ) -> tuple[int, str] | None:
        """The year of a partial date («19 يوليو»، «جوان»; ``days`` empty for a month).

        In order: the year of a date written just before it (even far from the publication date:
        «24 جانفي 1978 … يوم 26 جانفي»), or just after it in a list («جانفي، فيفري ومارس 2018»);
        the year the weekday confirms; the nearest explicit year before it that fits the
        publication date; the occurrence the publication date points to; the narrative year."""
        pub = ctx.pub
        day = days[-1] if days else None

        def when(y: int, d: int | None = day) -> date | None:
            return timex.make_date(y, month, d or 1)

        def fits_pub(y: int) -> bool:
            w = when(y)
            return pub is None or (w is not None and abs((w - pub).days) <= 366)

        following = [(p, y) for p, y in ctx.year_marks if end <= p <= end + FOLLOW_NEAR]
        if following and self.g.month_gap.fullmatch(self._key, end, following[0][0]):
            # a list or a range of months ending with a year («من 28 فبراير إلى 3 مارس 2024»); a
            # range that crosses the new year starts the year before («من ديسمبر إلى فبراير 2024»)
            p, y = following[0]
            later_month = ctx.mark_months.get(p, month)
            crosses = later_month < month and _RANGE_GAP.search(self._key, end, p) is not None
            return (y - 1 if crosses else y), YEAR
        text_year = self._nearest_year(ctx.year_marks, start)
        if text_year is not None and self._near_mark(ctx, start):
            return text_year, YEAR
        if weekday is not None and days:
            options: list[tuple[int, str]] = []
            if text_year is not None and fits_pub(text_year):
                options.append((text_year, YEAR))
            if pub is not None:
                near = [y for y in (pub.year, pub.year - 1, pub.year + 1) if (w := when(y)) and abs((w - pub).days) <= 300]
                options += [(y, YEAR) for y in sorted(near, key=lambda y: abs(((when(y) or pub) - pub).days))]
            else:
                base = text_year if text_year is not None else ctx.ref_year
                if base is not None:
                    options += [(base, YEAR), (base + 1, YEAR), (base - 1, YEAR)]
            for y, how in options:
                if any((w := when(y, d)) is not None and w.isoweekday() == weekday for d in days):
                    return y, how
        if text_year is not None and fits_pub(text_year):
            return text_year, YEAR
        if pub is not None:
            return self._year_from_pub(pub, month, day, future), YEAR
        if ctx.ref_year is not None:
            return ctx.ref_year, YEAR
        after = [y for p, y in ctx.year_marks if p > start]
        if after:
            return after[0], YEAR
        return None

    def _year_from_pub(self, pub: date, month: int, day: int | None, future: bool | None) -> int:
        """The year that puts (month, day) nearest the publication date, after it for a future
        verb, before it for a past modifier."""
        options = []
        for y in (pub.year - 1, pub.year, pub.year + 1):
            d = timex.make_date(y, month, day or 1)
            if d is None:
                continue
            if day is None:
                # a month: compare months, the publication month counting as both past and future
                options.append((y, (y - pub.year) * 12 + month - pub.month))
            else:
                options.append((y, (d - pub).days))
        if not options:
            return pub.year
        if future is True:
            ahead = [o for o in options if o[1] >= 0]
            if ahead:
                return min(ahead, key=lambda o: o[1])[0]
        behind = [o for o in options if o[1] <= 0]
        if future is False and behind:
            return max(behind, key=lambda o: o[1])[0]
        if future is None and behind:
            # news tells what happened: without a future verb, the last occurrence when it is
            # recent enough («ارتفعت الأسعار في مايو» in December is last May)
            last = max(behind, key=lambda o: o[1])
            if -last[1] <= (PAST_MONTHS if day is None else PAST_MONTHS * 31):
                return last[0]
        return min(options, key=lambda o: abs(o[1]))[0]

    def _year_for_mod(self, pub: date, month: int, day: int | None, mod: str) -> int:
        """«24 مارس الماضي»، «جوان المقبل»، «20 فيفري الجاري» against the publication date."""
        if mod == "current":
            return pub.year
        past = mod in ("past", "recent")
        if day is None:
            if past:
                return pub.year if month < pub.month else pub.year - 1
            return pub.year if month > pub.month else pub.year + 1
        this = timex.make_date(pub.year, month, day)
        if past:
            return pub.year if this is not None and this < pub else pub.year - 1
        return pub.year if this is not None and this >= pub else pub.year + 1

    def _year_of_mod(self, ctx: _Context, mod: str) -> tuple[int | None, str]:
        """«من العام الماضي» after a month: the year before the publication year (or the
        narrative year without a publication date)."""
        delta = {"past": -1, "recent": -1, "future": 1}.get(mod, 0)
        if ctx.pub is not None:
            return ctx.pub.year + delta, PUBLICATION
        if ctx.ref_year is not None:
            return ctx.ref_year + delta, NARRATIVE
        return None, UNRESOLVED

    def _with_pod(self, start: int, end: int, d: date | None, pod: str | None, anchor: str, partial: str = "") -> Found:
        """A DATE, or a TIME when a part of the day is given; without a date, the ``partial``
        value (an empty one is invalid, so the expression is dropped)."""
        value = timex.ymd(d) if d is not None else partial
        if pod:
            # midday («ظهر اليوم») as noon: the contract's parts of the day are MO AF EV NI DT
            return Found(start, end, "TIME", value + ("T12:00" if pod == "MI" else "T" + pod), anchor)
        return Found(start, end, "DATE", value, anchor)

    def _resolve_C(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        return [self._with_pod(c.start, c.end, date(i["year"], i["month"], i["day"]), i.get("pod"), ABSOLUTE)]

    def _resolve_A(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        pod = i.get("pod")
        days = i["days"]
        if "hmonth" in i:
            return self._resolve_hijri(c, ctx, days, pod)
        out: list[Found] = []
        if "this_month" in i:
            return self._resolve_this_month(ctx, i["this_month"], days, pod)
        month = i["month"]
        anchor = ABSOLUTE
        year: int | None = i.get("year")
        if year is None and "ymod" in i:
            year, anchor = self._year_of_mod(ctx, i["ymod"])
        if year is None:
            year, anchor = self._partial_year(c, ctx, month, [d for _, _, d in days], i.get("mod"), i.get("weekday"), i.get("rel"))
        for s, e, d in days:
            if year is None:
                out.append(self._with_pod(s, e, None, pod, UNRESOLVED, f"XXXX-{month:02d}-{d:02d}"))
            else:
                out.append(self._with_pod(s, e, timex.make_date(year, month, d), pod, anchor))
        return out

    def _resolve_this_month(self, ctx: _Context, mod: str, days: list[tuple[int, int, int]], pod: str | None) -> list[Found]:
        """«21 من الشهر الجاري»: the publication month, else the month being told."""
        pub = ctx.pub
        if pub is not None:
            delta = {"past": -1, "recent": -1, "future": 1}.get(mod, 0)
            (year, month), anchor = timex.add_months(pub.year, pub.month, delta), PUBLICATION
        elif ctx.ref_month is not None:
            (year, month), anchor = ctx.ref_month, NARRATIVE
        else:
            return [self._with_pod(s, e, None, pod, UNRESOLVED, f"XXXX-XX-{d:02d}") for s, e, d in days]
        return [self._with_pod(s, e, timex.make_date(year, month, d), pod, anchor) for s, e, d in days]

    def _partial_year(
        self, c: Candidate, ctx: _Context, month: int, days: list[int], mod: str | None, weekday: int | None, rel: int | None
    ) -> tuple[int | None, str]:
        pub = ctx.pub
        day = days[-1] if days else None
        if rel is not None and pub is not None and day is not None:
            d = pub + timedelta(days=rel)
            if d.month == month and d.day in days:
                return d.year, PUBLICATION
        if mod is not None and pub is not None:
            return self._year_for_mod(pub, month, day, mod), PUBLICATION
        future = True if mod == "future" else (False if mod in ("past", "recent") else None)
        if future is None and pub is not None and self._future(c.start, c.end):
            future = True
        got = self._infer_year(ctx, c.start, c.end, month, days, weekday, future)
        if got is None:
            return None, UNRESOLVED
        return got

    def _resolve_hijri(self, c: Candidate, ctx: _Context, days: list[tuple[int, int, int]], pod: str | None) -> list[Found]:
        i = c.info
        hmonth = i["hmonth"]
        hyear = i.get("year")
        anchor = ABSOLUTE
        if hyear is None:
            base = ctx.pub
            if base is None:
                return []
            try:
                h_now = Gregorian(base.year, base.month, base.day).to_hijri()
            except (ValueError, OverflowError):
                return []
            best = None
            for y in (h_now.year - 1, h_now.year, h_now.year + 1):
                g = _hijri_to_date(y, hmonth, i["day"])
                if g is not None and (best is None or abs((g - base).days) < abs((best[1] - base).days)):
                    best = (y, g)
            if best is None:
                return []
            hyear, anchor = best[0], PUBLICATION
        out = []
        for s, e, d in days:
            g = _hijri_to_date(hyear, hmonth, d)
            if g is None:
                continue
            f = self._with_pod(s, e, g, pod, anchor)
            f.hijri = f"{hyear:04d}-{hmonth:02d}-{d:02d}"
            out.append(f)
        return out

    def _resolve_B(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        pub = ctx.pub
        if "hmonth" in i:
            hyear = i.get("year")
            if hyear is None:
                if pub is None:
                    return []
                h_now = Gregorian(pub.year, pub.month, pub.day).to_hijri()
                mod = i.get("mod")
                hyear = h_now.year
                if mod in ("past", "recent") and i["hmonth"] >= h_now.month:
                    hyear -= 1
                elif mod == "future" and i["hmonth"] <= h_now.month:
                    hyear += 1
            mid = _hijri_to_date(hyear, i["hmonth"], 1)  # a whole Hijri month: the month it begins in
            if mid is None:
                return []
            return [Found(c.start, c.end, "DATE", timex.ym(mid.year, mid.month), ABSOLUTE if "year" in i else PUBLICATION, f"{hyear:04d}-{i['hmonth']:02d}")]
        month = i["month"]
        if "year" in i:
            return [Found(c.start, c.end, "DATE", timex.ym(i["year"], month), ABSOLUTE)]
        year = None
        if "ymod" in i:
            year, anchor = self._year_of_mod(ctx, i["ymod"])
        if year is None:
            year, anchor = self._partial_year(c, ctx, month, [], i.get("mod"), None, None)
        if year is None:
            return [Found(c.start, c.end, "DATE", f"XXXX-{month:02d}", UNRESOLVED)]
        return [Found(c.start, c.end, "DATE", timex.ym(year, month), anchor)]

    def _resolve_Q(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        pub = ctx.pub
        kind = i["kind"]
        if kind == "decade":
            return [Found(c.start, c.end, "DATE", f"{i['century'] - 1:02d}{i['digit']}", ABSOLUTE)]
        if kind == "century":
            if "century" in i:
                return [Found(c.start, c.end, "DATE", f"{i['century'] - 1:02d}", ABSOLUTE)]
            if pub is None:
                return []
            delta = {"past": -1, "recent": -1, "future": 1}.get(i["mod"], 0)
            return [Found(c.start, c.end, "DATE", f"{pub.year // 100 + delta:02d}", PUBLICATION)]
        year = i.get("year")
        anchor = ABSOLUTE
        if year is None:
            if pub is None:
                year = ctx.ref_year
                anchor = YEAR
                if year is None:
                    return []
            else:
                mod = i.get("mod", "current")
                anchor = PUBLICATION
                if kind == "season":
                    first, last = _SEASON_MONTHS[i["code"]]
                    if mod in ("past", "recent"):
                        year = pub.year if pub.month > last else pub.year - 1
                    elif mod == "future":
                        year = pub.year if pub.month < first else pub.year + 1
                    else:
                        year = pub.year
                else:
                    year = pub.year + {"past": -1, "recent": -1, "future": 1}.get(mod, 0)
        if kind == "season":
            return [Found(c.start, c.end, "DATE", f"{year:04d}-{i['code']}", anchor)]
        return [Found(c.start, c.end, "DATE", f"{year:04d}-{i['code']}{i['n']}", anchor)]

    def _resolve_N(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        pod = i.get("pod")
        kind = i["kind"]
        if kind == "same_period":
            return self._resolve_same_period(c, ctx)
        if kind == "hours":
            base, anchor = ctx.ref_day, NARRATIVE
            if ctx.pub is not None and (base is None or self._future(c.start, c.end)):
                base, anchor = ctx.pub, PUBLICATION
            if base is None:
                return []
            return [self._with_pod(c.start, c.end, base + timedelta(days=i["days"]), pod, anchor)]
        if kind == "day":
            base, anchor = ctx.ref_day, NARRATIVE
            if base is None:
                base, anchor = ctx.pub, PUBLICATION
            if base is None:
                return [self._with_pod(c.start, c.end, None, pod, UNRESOLVED, "XXXX-XX-XX")]
            return [self._with_pod(c.start, c.end, base + timedelta(days=i["offset"]), pod, anchor)]
        unit, offset = i["unit"], i["offset"]
        if unit == "D":
            base = ctx.ref_day or ctx.pub
            if base is None:
                return []
            return [Found(c.start, c.end, "DATE", timex.ymd(base + timedelta(days=offset)), NARRATIVE if ctx.ref_day else PUBLICATION)]
        if unit == "W":
            if ctx.ref_day is None:
                return []
            return [Found(c.start, c.end, "DATE", timex.iso_week(ctx.ref_day + timedelta(weeks=offset)), NARRATIVE)]
        if unit == "M":
            if ctx.ref_month is None:
                return []
            y, mo = timex.add_months(ctx.ref_month[0], ctx.ref_month[1], offset)
            return [Found(c.start, c.end, "DATE", timex.ym(y, mo), NARRATIVE)]
        if unit == "Y":
            if ctx.ref_year is None:
                return []
            return [Found(c.start, c.end, "DATE", f"{ctx.ref_year + offset:04d}", NARRATIVE)]
        return []

    def _resolve_same_period(self, c: Candidate, ctx: _Context) -> list[Found]:
        """«نفس الفترة (من السنة الماضية)»، «الشهر نفسه»، «هذا التاريخ»: the period last told,
        moved to another year when one is named."""
        i = c.info
        word = i["word"]
        value: str | None
        if word in ("الفتره", "المده"):
            value = ctx.last_value
        elif word in ("التاريخ", "اليوم"):
            value = timex.ymd(ctx.ref_day) if ctx.ref_day else None
        elif word == "الشهر":
            value = timex.ym(*ctx.ref_month) if ctx.ref_month else None
        elif word == "الاسبوع":
            value = timex.iso_week(ctx.ref_day) if ctx.ref_day else None
        else:
            value = f"{ctx.ref_year:04d}" if ctx.ref_year else None
        if value is None:
            return []
        year = i.get("year")
        if year is None and "ymod" in i:
            delta = {"past": -1, "recent": -1, "future": 1}.get(i["ymod"], 0)
            year = int(value[:4]) + delta  # «مقارنة بنفس الفترة من السنة الماضية»: a year before that period
        if year is not None:
            value = f"{year:04d}" + value[4:]
            if "-W" in value:
                return []  # an ISO week does not carry over to another year
        if not timex.valid_date_value(value):
            return []
        return [Found(c.start, c.end, "DATE", value, NARRATIVE)]

    def _resolve_E(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        offset = i["offset"]
        pub = ctx.pub
        if i.get("during") and ctx.ref_day is not None and ctx.last_told:
            return [Found(c.start, c.end, "DATE", timex.ymd(ctx.ref_day), NARRATIVE)]
        quote = self._quote_start(c.start)
        if (
            quote >= 0 and ctx.last_value is not None and _DAY.fullmatch(ctx.last_value)
            and 0 <= ctx.last_end <= quote and not _CLAUSE_END.search(self._key, ctx.last_end, quote)
        ):
            # «أعلن الوزير، أمس الثلاثاء، قطع العلاقات "ابتداء من اليوم"»: in the words quoted,
            # today is the day they were said
            said = date.fromisoformat(ctx.last_value)
            return [self._with_pod(c.start, c.end, said + timedelta(days=offset), i.get("pod"), NARRATIVE)]
        if pub is None:
            ref = "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF")
            return [Found(c.start, c.end, "DATE", ref, UNRESOLVED)]
        return [self._with_pod(c.start, c.end, pub + timedelta(days=offset), i.get("pod"), PUBLICATION)]

    def _quote_start(self, start: int) -> int:
        """Where the quotation that ``start`` stands in opens (on its line), or -1."""
        key = self._key
        line = key.rfind("\n", 0, start) + 1
        seg = key[max(line, start - 300) : start]
        base = start - len(seg)
        best = -1
        for op, cl in (("«", "»"), ("“", "”")):
            o = seg.rfind(op)
            if o > seg.rfind(cl):
                best = max(best, base + o)
        if seg.count('"') % 2:
            best = max(best, base + seg.rfind('"'))
        return best

    def _resolve_W(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        wd, mod, pod = i["weekday"], i.get("mod"), i.get("pod")
        pub = ctx.pub
        prev = ctx.previous
        if (
            prev is not None and prev.type == "SET" and prev.value.startswith("XXXX-WXX")
            and c.start - prev.end <= 80 and self._key[c.start - 1 : c.start] == "و"
        ):
            return [Found(c.start, c.end, "SET", timex.weekday_value(wd), ABSOLUTE)]  # «أيام الثلاثاء والخميس»
        told_nearby = ctx.ref_day is not None and mod is None and self._told_in_sentence(ctx, c.start)
        if pub is None or told_nearby:
            if ctx.ref_day is None:
                return [Found(c.start, c.end, "DATE", timex.weekday_value(wd), UNRESOLVED)]
            base = ctx.ref_day
            ahead = (wd - base.isoweekday()) % 7
            d = base + timedelta(days=ahead if ahead <= 3 else ahead - 7)
            return [self._with_pod(c.start, c.end, d, pod, NARRATIVE)]
        back = (pub.isoweekday() - wd) % 7
        ahead = (wd - pub.isoweekday()) % 7
        if mod in ("past", "recent"):
            d = pub - timedelta(days=back or 7)
        elif mod == "future":
            d = pub + timedelta(days=ahead or 7)
        elif self._future(c.start, c.end):
            d = pub + timedelta(days=ahead)
        else:
            d = pub - timedelta(days=back)
        return [self._with_pod(c.start, c.end, d, pod, PUBLICATION)]

    def _unit_of(self, word: str) -> tuple[str, str] | None:
        if word in self.lx.periods:
            return None
        return self.lx.definite_units.get(word)

    def _resolve_period(
        self, c: Candidate, ctx: _Context, word: str, mod: str, edge: str | None = None, step: int | None = None
    ) -> list[Found]:
        """«الأسبوع الماضي»، «العام الجاري»، «الأيام الأخيرة»، «الفترة القادمة»."""
        ref = {"past": "PAST_REF", "recent": "PAST_REF", "future": "FUTURE_REF", "current": "PRESENT_REF"}[mod]
        unit = self._unit_of(word)
        pub = ctx.pub
        anchor = PUBLICATION if pub is not None else UNRESOLVED
        if unit is not None and unit[0] in ("DE", "CE") and unit[1] == "sg":
            # «خلال العشرية القادمة»: the ten years to come or just past
            return [Found(c.start, c.end, "DURATION", "P10Y" if unit[0] == "DE" else "P100Y", ABSOLUTE)]
        if unit is not None and unit[1] == "du":
            # «السنتين المقبلتين»: two units, a duration
            return [Found(c.start, c.end, "DURATION", timex.duration(2, unit[0]), ABSOLUTE)]
        if unit is None or unit[1] == "pl" or unit[0] in ("H", "MIN", "DE", "CE"):
            return [Found(c.start, c.end, "DATE", ref, anchor)]
        if pub is None:
            return [Found(c.start, c.end, "DATE", ref, UNRESOLVED)]
        delta = step if step is not None else {"past": -1, "recent": -1, "future": 1}.get(mod, 0)
        u = unit[0]
        if u == "D":
            value = timex.ymd(pub + timedelta(days=delta))
        elif u == "W":
            value = timex.iso_week(pub + timedelta(weeks=delta))
            if edge == "end":
                value += "-WE"
        elif u == "M":
            value = timex.ym(*timex.add_months(pub.year, pub.month, delta))
        else:
            value = f"{pub.year + delta:04d}"
        return [Found(c.start, c.end, "DATE", value, PUBLICATION)]

    def _resolve_U(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        if i["kind"] == "period":
            if i.get("cur") and self._told_in_sentence(ctx, c.start):
                # «في 2015 … على مدار العام»: the period of the date told
                unit = self.lx.definite_units[i["word"]][0]
                base = self._narrative_base(ctx, unit)
                if base is None:
                    return []
                return [self._date_at(c, base, unit, 0, NARRATIVE)]
            return self._resolve_period(c, ctx, i["word"], i["mod"])
        prep, unit, count = i["prep"], i["unit"], i["count"]
        pub = ctx.pub
        if prep in ("within", "duration"):
            if count is None and prep == "within":
                return []
            return [Found(c.start, c.end, "DURATION", timex.duration(count, unit), ABSOLUTE)]
        prev = ctx.previous
        if (
            count is not None and prev is not None and prev.type == "DATE" and prev.value[:1].isdigit()
            and self._prev_word(c.start) == "اي" and c.start - prev.end <= 8
        ):
            # «بتاريخ 24 جوان 2011، أي قبل 4 سنوات»: the date just given, said another way
            gran = _GRANULARITY[unit]
            size = {"day": 10, "week": 10, "month": 7, "year": 4}[gran]
            if gran != "week" or len(prev.value) < 10:
                f = Found(c.start, c.end, "DATE", prev.value[:size], prev.anchor)
                f.moves_ref = False
                return [f]
        if (
            i["of"] and prev is not None and prev.type == "DATE" and _DAY.fullmatch(prev.value)
            and not self._key[prev.end : c.start].strip(" ،,")
        ):
            # «السبت، بعد يوم من توليه»: the phrase describes the date just given
            f = Found(c.start, c.end, "DATE", prev.value, prev.anchor)
            f.moves_ref = False
            return [f]
        day_before = self._day_before(ctx, c.start)
        if i["of"] and prep == "later" and count is not None and day_before is not None and not self._opens_clause(c.start):
            # «صوت البرلمان، أمس الأحد، …، بعد يومين من مقتل …»، «بعد 33 سنة من الغياب»: the same
            # clause as a dated event places that event after another; the value is its date, at
            # the unit's grain (a new clause, «وبعد يومين من وصوله», counts on from the date told)
            d, anchor = day_before
            gran = _GRANULARITY[unit]
            value = {"day": timex.ymd(d), "week": timex.iso_week(d), "month": timex.ym(d.year, d.month)}.get(gran, f"{d.year:04d}")
            f = Found(c.start, c.end, "DATE", value, anchor)
            f.moves_ref = False
            return [f]
        if i["of"] and count is None:
            return []  # «قبل ساعات من الاختيار»: some time before an event this tagger does not date
        if i["of"] and count is not None:
            # «قبل يومين من الانتخابات»، «بعد سنة من ولادته»: counted from an event; the date being
            # told when there is one at the unit's grain, else the duration alone
            base = self._narrative_base(ctx, unit)
            if base is not None and prep == "later":
                days = count // 24 if unit == "H" else 0
                f = self._date_at(c, base, "D" if unit in ("H", "MIN") else unit, days if unit in ("H", "MIN") else count, NARRATIVE)
            else:
                span_start = c.m.start("U_n") if c.m.group("U_n") else c.start
                f = Found(span_start, c.end, "DURATION", timex.duration(count, unit), ABSOLUTE)
            f.moves_ref = False
            return [f]
        if prep == "ago":
            if count is None:
                return [Found(c.start, c.end, "DATE", "PAST_REF", PUBLICATION if pub else UNRESOLVED)]
            if self._told_in_sentence(ctx, c.start) and squash(c.m.group("U_prep")) == "قبل":
                base = self._narrative_base(ctx, unit)
                from_pub = self._date_at(c, pub, unit, -count, PUBLICATION) if pub is not None else None
                # «… في ديسمبر مقابل 1.79 مليار قبل 3 أشهر»: before the date just told; but «في العام
                # 1880 أي قبل 136 عاما» restates that date from the publication date
                if base is not None and (from_pub is None or from_pub.value != ctx.last_value):
                    return [self._date_at(c, base, unit, -count, NARRATIVE)]
            if pub is None:
                return [Found(c.start, c.end, "DATE", "PAST_REF", UNRESOLVED)]
            return [self._date_at(c, pub, unit, -count, PUBLICATION)]
        # later: «بعد يومين»
        future = pub is not None and (self._future(c.start, c.end) or bool(i.get("from_now")))
        if count is None:
            return [Found(c.start, c.end, "DATE", "FUTURE_REF", PUBLICATION)] if future else []
        if unit in ("H", "MIN"):
            count, unit = count // 24 if unit == "H" else 0, "D"
        if future and pub is not None:
            return [self._date_at(c, pub, unit, count, PUBLICATION)]
        base = self._narrative_base(ctx, unit)
        if base is not None:
            return [self._date_at(c, base, unit, count, NARRATIVE)]
        if pub is not None:
            return [self._date_at(c, pub, unit, count, PUBLICATION)]
        return []

    def _day_before(self, ctx: _Context, start: int) -> tuple[date, str] | None:
        """The day of the last date or time resolved before ``start`` in its sentence, and how it
        was resolved («صباح اليوم الجمعة» as well as «أمس الأحد»)."""
        options = []
        prev = ctx.previous
        if prev is not None and prev.type in ("DATE", "TIME") and _DAY.match(prev.value):
            options.append((prev.end, prev.value[:10], prev.anchor))
        if ctx.last_value is not None and _DAY.fullmatch(ctx.last_value):
            options.append((ctx.last_end, ctx.last_value, ctx.last_anchor))
        for end, value, anchor in sorted(options, reverse=True):
            if 0 <= end <= start and not _CLAUSE_END.search(self._key, end, start):
                if _NEW_CLAUSE.search(self._key, end, start):
                    return None  # «وقعت ليلة 14 جانفي 2011 و تتواصل أطوارها بعد 3 سنوات من …»
                return date.fromisoformat(value), anchor
        return None

    def _opens_clause(self, start: int) -> bool:
        """True when the expression at ``start`` opens a new clause: «و»/«ف» attached or before
        it, or «ثم»."""
        if start > 0 and self._key[start - 1] in "وف":
            return True
        return self._prev_word(start) in ("و", "ف", "ثم")

    def _told_in_sentence(self, ctx: _Context, start: int) -> bool:
        """True when a date the text gives (not a deictic one) ends earlier in this sentence."""
        return 0 <= ctx.last_end <= start and ctx.last_told and not _CLAUSE_END.search(self._key, ctx.last_end, start)

    def _narrative_base(self, ctx: _Context, unit: str) -> date | None:
        """The date being told, at the grain ``unit`` counts in (a day for days, a year for years)."""
        if ctx.ref_day is not None:
            return ctx.ref_day
        if unit == "M" and ctx.ref_month is not None:
            return date(ctx.ref_month[0], ctx.ref_month[1], 1)
        if unit in ("Y", "DE", "CE") and ctx.ref_year is not None:
            return date(ctx.ref_year, 1, 1)
        return None

    def _date_at(self, c: Candidate, base: date, unit: str, n: int, anchor: str) -> Found:
        d = timex.shift(base, unit, n)
        if d is None:
            return Found(c.start, c.end, "DATE", "", anchor)  # dropped by validation
        gran = _GRANULARITY[unit]
        if gran == "day":
            value = timex.ymd(d)
        elif gran == "week":
            value = timex.iso_week(d)
        else:
            value = timex.ym(d.year, d.month) if gran == "month" else f"{d.year:04d}"
        return Found(c.start, c.end, "DATE", value, anchor)

    def _resolve_V(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        if i["kind"] == "period":
            return self._resolve_period(c, ctx, i["word"], i["mod"], i.get("edge"), i.get("step"))
        if "count2" in i:
            first_end = c.m.end("V_n")
            return [
                Found(c.start, first_end, "DURATION", timex.duration(i["count"], i["unit"]), ABSOLUTE),
                Found(c.m.start("V_n2"), c.end, "DURATION", timex.duration(i["count2"], i["unit"]), ABSOLUTE),
            ]
        return [Found(c.start, c.end, "DURATION", timex.duration(i["count"], i["unit"]), ABSOLUTE)]

    def _resolve_S(self, c: Candidate, ctx: _Context) -> list[Found]:
        return [Found(c.start, c.end, "SET", c.info["value"], ABSOLUTE)]

    def _resolve_P(self, c: Candidate, ctx: _Context) -> list[Found]:
        return [Found(c.start, c.end, "DATE", c.info["value"], PUBLICATION if ctx.pub else UNRESOLVED)]

    def _resolve_D(self, c: Candidate, ctx: _Context) -> list[Found]:
        i = c.info
        y = i["year"]
        if i.get("hijri"):
            mid = _hijri_to_date(y, 7, 1)
            if mid is None:
                return []
            return [Found(c.start, c.end, "DATE", f"{mid.year:04d}", ABSOLUTE, f"{y:04d}")]
        if "year2" in i:
            return [
                Found(c.start, c.m.end("D_y"), "DATE", f"{y:04d}", ABSOLUTE),
                Found(c.m.start("D_y2"), c.end, "DATE", f"{i['year2']:04d}", ABSOLUTE),
            ]
        return [Found(c.start, c.end, "DATE", f"{y:04d}", ABSOLUTE)]

    def _recurring(self, c: Candidate, dated: list[Found]) -> bool:
        """True when the hour recurs over days: the sentence before it ends a date range («من 28
        نوفمبر إلى 1 ديسمبر … العرض الأول الساعة 11») or names a recurrence («أيام الثلاثاء»)."""
        key = self._key
        before = [
            f for f in dated
            if f.type in ("DATE", "SET") and f.end <= c.start and not _CLAUSE_END.search(key, f.end, c.start)
        ]
        if not before:
            return False
        last = max(before, key=lambda f: f.end)
        if last.type == "SET":
            return True
        if last.type != "DATE" or c.start - last.end > 200:
            return False
        return _RANGE_END.search(key, max(0, last.start - 15), last.start) is not None and any(
            f.end <= last.start and last.start - f.end <= 40 for f in before
        )

    def _resolve_clock(self, c: Candidate, ctx: _Context, dated: list[Found]) -> list[Found]:
        """A clock time takes the date of the nearest day-level date in its sentence."""
        key = self._key
        clock = f"{c.info['hour']:02d}:{c.info['minute']:02d}"
        best: tuple[int, str, str] | None = None
        for f in dated:
            v = f.value.split("T", 1)[0]
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                continue
            if f.end <= c.start:
                gap = key[f.end : c.start]
                dist = c.start - f.end
            elif f.start >= c.end:
                gap = key[c.end : f.start]
                dist = f.start - c.end + 1  # prefer the date before on a tie
                if dist > 15:
                    continue  # a date after the hour only when it is attached («… من صباح يوم الأحد»)
            else:
                continue
            if _CLAUSE_END.search(gap) or dist > 200:
                continue
            if best is None or dist < best[0]:
                best = (dist, v, f.anchor)
        if self._recurring(c, dated):
            return [Found(c.start, c.end, "TIME", f"XXXX-XX-XXT{clock}", ABSOLUTE)]
        if best is not None:
            return [Found(c.start, c.end, "TIME", f"{best[1]}T{clock}", best[2])]
        # no date in its sentence: the last day told shortly before («الأحد 26 فيفري» then a line
        # «الساعة 14:00 …»), else the publication date
        before = [f for f in dated if f.end <= c.start and c.start - f.end <= CLOCK_NEAR and _DAY.match(f.value)]
        if before:
            last = max(before, key=lambda f: f.end)
            return [Found(c.start, c.end, "TIME", f"{last.value[:10]}T{clock}", NARRATIVE if last.told else last.anchor)]
        if ctx.pub is not None:
            return [Found(c.start, c.end, "TIME", f"{timex.ymd(ctx.pub)}T{clock}", PUBLICATION)]
        return [Found(c.start, c.end, "TIME", f"XXXX-XX-XXT{clock}", UNRESOLVED)]


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the group a duration's span starts at (the preposition before it stays outside)
_U_FIRST = ("U_frac", "U_wn", "U_wunit", "U_n", "U_vague", "U_unit2", "U_unit4", "U_unit5")
_FROM = re.compile(r"\s+من\s+(\w+)")
#: a conjunction that opens a new clause: «و»/«ثم» standing alone, or a word with «و»/«ف» after a comma
_NEW_CLAUSE = re.compile(r"(?<!\w)(?:و|ف|ثم)\s|[،,]\s*(?:و\w|ف(?!ي(?!\w))\w)")
_RANGE_GAP = re.compile(r"(?<!\w)(?:الي|حتي|غايه)(?!\w)|-")
#: a clock time without a date in its sentence takes a day told this close before it
CLOCK_NEAR = 300

#: families whose dates the text states (they can anchor «خلال اليوم»، «قبل 3 أشهر»، «يوم الخميس»)
_TOLD = "ABCDNQ"
_RANGE_END = re.compile(r"(?:الي|حتي)(?:\s+غايه)?\s*$")


@lru_cache(maxsize=8192)
def _calendar_parts(value: str) -> tuple[int, int, int] | None:
    """(year, month or 0, day or 0) of a ``YYYY[-MM[-DD]]`` value, None for any other value."""
    m = _CALENDAR.fullmatch(value)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)


_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_KEY_FOLDS = (("ى", "ي"), ("ة", "ه"), ("ؤ", "ء"), ("ئ", "ء"))


def _key_text(normalized: str) -> str:
    """The matching key of a normalized text for the Arabic letters (one for one, so offsets
    stay): what :func:`marsad.text.normalize.fold_key` does, without the Latin case fold the
    patterns do not need, and at the speed of ``str.replace``."""
    for a, b in _KEY_FOLDS:
        if a in normalized:
            normalized = normalized.replace(a, b)
    return normalized


def _canon(table: dict[str, Any], text: str, also: set[str] | frozenset[str] = frozenset()) -> str:
    """The lexicon key of a matched word, the contracted article restored («ليوم» → «اليوم»)."""
    k = squash(text)
    if k in table or k in also:
        return k
    return "ا" + k


def _look(table: dict[str, Any], text: str) -> Any:
    """``table[text]`` for a matched string, also when the article is contracted after ل
    («ليوم» in «لليوم» is «اليوم»)."""
    k = squash(text)
    if k in table:
        return table[k]
    return table["ا" + k]


def _hijri_to_date(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri date (Umm al-Qura), or None when it does not exist."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)
