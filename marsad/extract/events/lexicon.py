"""The event-trigger lexicon: marsad/lang/ar/event_triggers.yaml expanded into written forms.

The data file lists each verb once («زار يزور»: past and present, 3rd person masculine
singular) and each verbal noun once; this module derives the forms news text uses: the other
persons of the past and present, the jussive of weak verbs (لم يلتق، لم يزر), the accusative
and dual of nouns (اجتماعا، زيارتين), and at lookup time object and possessive pronouns
(استقبله، زيارته، وقعها). Proclitics (و ف ب ل ال س) come from the tokenizer's readings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from marsad.errors import ConfigError
from marsad.extract.events import cameo
from marsad.extract.events.context import DocContext, key
from marsad.lang import load_yaml

_MAX_GAP = 8
_GAP_STOPS = frozenset(".،,؛:!?؟\"«»“”")
#: object and possessive pronouns, longest first
ENCLITICS = ("هما", "هم", "هن", "ها", "ه", "كم", "نا", "ني", "ك")
_NO_ACCUSATIVE_ENDINGS = ("ه", "ء", "ا", "ي", "ات")
_WEAK_PAST = "ي"  # ى after folding: التقى → التقي


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    code: str
    lemma: str
    obj: str  # target | theme
    gen: str  # agent | patient
    preps: frozenset[str]  # keys of the prepositions that introduce the target
    bare: bool
    needs: frozenset[str]
    #: words that, right after the trigger, give it another sense («يحتل المركز الأول»)
    unless: frozenset[str] = frozenset()
    #: the source must be a state, a body or a known office holder («وصل» of a migrant is no visit)
    official: bool = False
    #: the verb cannot go without its object («اتهم», «حمّل المسؤولية»): a lone actor right after
    #: it, the subject being dropped, is that object
    transitive: bool = False

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Form:
    entry: TriggerEntry
    pos: str  # verb | noun
    tense: str  # past | present | jussive | noun
    fem: bool = False  # a verb form that agrees with a feminine subject (زارت، تزور)
    plural: bool = False
    first_person: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger found at token ``i`` spanning ``n`` tokens."""

    i: int
    n: int
    form: Form
    strip: int  # letters of proclitics read off the first token
    prefix: str  # those letters («و», «س», «وب»…)
    enclitic: str  # the pronoun suffix read off («ه», «ها»…) or ""
    #: the tokens of the rest of a verb phrase written with its subject in between
    #: («حاولت وحدة من الموساد اغتيال»: the token of «اغتيال»), not triggers of their own
    tail: tuple[int, int] | None = None

    @property
    def entry(self) -> TriggerEntry:
        return self.form.entry

    @property
    def future(self) -> bool:
        return self.form.pos == "verb" and self.prefix.endswith("س")


def _past_forms(p: str) -> list[tuple[str, bool, bool, bool]]:
    """(form, fem, plural, first_person) for a past 3ms key."""
    if p.endswith(_WEAK_PAST) or (p.endswith("ا") and len(p) >= 3):
        stem = p[:-1]
        weak_i = p.endswith(_WEAK_PAST)
        return [
            (p, False, False, False),
            (stem + "ت", True, False, False),
            (stem + "وا", False, True, False),
            (stem + ("يا" if weak_i else "وا"), False, True, False),
            (stem + "تا", True, True, False),
            (stem + ("ينا" if weak_i else "ونا"), False, True, True),
            (stem + ("يت" if weak_i else "وت"), False, False, True),
        ]
    return [
        (p, False, False, False),
        (p + "ت", True, False, False),
        (p + "وا", False, True, False),
        (p + "تا", True, True, False),
        (p + "ن", True, True, False),
        (p + "نا", False, True, True),
    ]


def _present_forms(r: str) -> list[tuple[str, str, bool, bool, bool]]:
    """(form, tense, fem, plural, first_person) for a present 3ms key (starting with ي)."""
    if not r.startswith("ي") or len(r) < 3:
        return [(r, "present", False, False, False)]
    s = r[1:]
    out: list[tuple[str, str, bool, bool, bool]] = [
        (r, "present", False, False, False),
        ("ت" + s, "present", True, False, False),
        ("ن" + s, "present", False, True, True),
        ("ا" + s, "present", False, False, True),
        (r + "ان", "present", False, True, False),
        ("ت" + s + "ان", "present", True, True, False),
    ]
    last = r[-1]
    if last in "يو":  # weak final: يلتقي يدعو يري(يرى)
        stem = r[:-1]
        out += [
            (stem + "ون", "present", False, True, False),
            (stem + "وا", "present", False, True, False),
            (stem, "jussive", False, False, False),
            ("ت" + stem[1:], "jussive", True, False, False),
            ("ن" + stem[1:], "jussive", False, True, True),
        ]
    else:
        out += [
            (r + "ون", "present", False, True, False),
            (r + "وا", "present", False, True, False),
            ("ي" + s + "ن", "present", True, True, False),
        ]
        if len(r) == 4 and r[2] in "واي":  # hollow: يزور → لم يزر
            out += [(r[:2] + r[3], "jussive", False, False, False), ("ت" + r[1] + r[3], "jussive", True, False, False)]
    return out


def _noun_forms(n: str) -> list[str]:
    out = [n]
    if n.endswith("ه"):  # ة
        out += [n[:-1] + "تين", n[:-1] + "تان"]
    elif not n.endswith(_NO_ACCUSATIVE_ENDINGS):
        out += [n + "ا", n + "ين", n + "ان"]
    return out


@dataclass
class TriggerLexicon:
    words: dict[str, tuple[Form, ...]]
    #: first-word form → (the keys of the other words, the form of the whole phrase), longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], Form], ...]]
    #: outer root → inner code prefix → composed code («طالب بالإفراج» → 1053)
    compose: dict[str, dict[str, str]]
    max_phrase: int = 1
    #: normalized token form → None (no trigger starts here) or (a phrase may start here,
    #: the single-word readings, best first)
    _cache: dict[str, tuple[bool, tuple[tuple[int, Form, str], ...]] | None] = field(default_factory=dict)
    _nouns: dict[str, tuple[int, Form, str] | None] = field(default_factory=dict)
    #: keys of common words never read as triggers (``blocked`` in the data file)
    blocked: frozenset[str] = frozenset()

    def match(self, ctx: DocContext, i: int, accept: Callable[[Match], bool] | None = None) -> Match | None:
        """The longest trigger that starts at token i (a phrase only when ``accept`` takes it)."""
        if not ctx.is_arabic(i):
            return None
        info = ctx.tokens.infos[i]
        known = info.form in self._cache
        cached = self._cache.get(info.form)
        if known and cached is None:
            return None  # neither a phrase start nor a word trigger (the common case)
        readings = ctx.readings(i)
        keys = ctx.keys
        n = len(keys)
        phrase_start = cached is None or cached[0]
        for strip, form in readings if phrase_start else ():
            for rest, f in self.phrases.get(form, ()):
                j = i + 1 + len(rest)
                if j <= n and all(_core_match(ctx, i + 1 + m, w) for m, w in enumerate(rest)):
                    got = Match(i, 1 + len(rest), f, strip, keys[i][:strip], "")
                    if accept is None or accept(got):
                        return got
        for strip, form in readings if phrase_start else ():
            # «وقطعت السعودية ومصر علاقاتها»: a verb phrase with its subject in between
            for rest, f in self.phrases.get(form, ()):
                if f.pos != "verb":
                    continue
                for gap in range(1, _MAX_GAP + 1):
                    s0 = i + 1 + gap
                    if s0 + len(rest) > n or ctx.keys[s0 - 1] in _GAP_STOPS:
                        break
                    if all(_core_match(ctx, s0 + m, w) for m, w in enumerate(rest)):
                        got = Match(i, 1, f, strip, keys[i][:strip], "", (s0, s0 + len(rest)))
                        if accept is None or accept(got):
                            return got
        if cached is not None:
            words = cached[1]
        elif self._blocked(readings, info.form):
            self._cache[info.form] = None  # «وزارته» is not و + زارت + ه
            return None
        else:
            words = self._word(readings, info.form)
            is_phrase_start = any(form in self.phrases for _, form in readings)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[info.form] = None if not words and not is_phrase_start else (is_phrase_start, words)
        # the readings of the word, verbs first; one whose entry needs an object («دعا … إلى مقر»)
        # is taken only when ``accept`` takes it
        for strip, f, enclitic in words:
            got = Match(i, 1, f, strip, keys[i][:strip], enclitic)
            if accept is None or accept(got):
                return got
        return None

    def _blocked(self, readings: Sequence[tuple[int, str]], form: str) -> bool:
        """The token is a common word that only looks like a trigger with clitics (the list
        ``blocked`` of the data file), with or without a possessive pronoun."""
        if not self.blocked:
            return False
        for _, k in readings:
            if k in self.blocked:
                return True
            for suf in ENCLITICS:
                if k.endswith(suf) and len(k) - len(suf) >= 2:
                    base = k[: -len(suf)]
                    if base in self.blocked or (base.endswith("ت") and base[:-1] + "ه" in self.blocked):
                        return True
        return False

    def _word(self, readings: Sequence[tuple[int, str]], form: str) -> tuple[tuple[int, Form, str], ...]:
        """The single-word readings of a token (cached per written form by :meth:`match`)."""
        for strip, key_form in readings:
            forms = self.words.get(key_form)
            if forms:
                return tuple((strip, f, "") for f in forms)
        taa = form.endswith("ة")  # «وزارة» is not و + زار + ه
        for strip, key_form in readings:
            hits = _strip_enclitic_all(key_form, self.words, taa)
            if hits:
                return tuple((strip, f, suf) for f, suf in hits)
        return ()

    def noun_reading(self, ctx: DocContext, i: int) -> Match | None:
        """The verbal-noun reading of token i when its trigger was read as a verb («إدانتها»:
        the noun إدانة + ها, not the verb أدانت + ها; «رفضها»), or None."""
        info = ctx.tokens.infos[i]
        if info.form in self._nouns:
            cached = self._nouns[info.form]
        else:
            cached = None
            readings = ctx.readings(i)
            for strip, key_form in readings:
                f = next((f for f in self.words.get(key_form, ()) if f.pos == "noun"), None)
                if f is not None:
                    cached = (strip, f, "")
                    break
            if cached is None:
                for strip, key_form in readings:
                    hit = _strip_enclitic(key_form, self.words, info.form.endswith("ة"), pos="noun")
                    if hit is not None:
                        cached = (strip, hit[0], hit[1])
                        break
            if len(self._nouns) > 200_000:
                self._nouns.clear()
            self._nouns[info.form] = cached
        if cached is None:
            return None
        strip, f, enclitic = cached
        return Match(i, 1, f, strip, ctx.keys[i][:strip], enclitic)

    def all_forms(self, word: str) -> tuple[Form, ...]:
        return self.words.get(key(word), ())


def _core(k: str) -> str:
    if k.startswith("ال") and len(k) > 4:
        k = k[2:]
    return k


def _core_match(ctx: DocContext, i: int, want: str) -> bool:
    if i >= len(ctx.keys):
        return False
    for _, f in ctx.readings(i):
        c = _core(f)
        if c == want or (c.endswith("ا") and c[:-1] == want) or (c.endswith("ه") and c[:-1] + "ت" == want):
            return True
    return False


def _strip_enclitic(
    form: str, words: dict[str, tuple[Form, ...]], taa: bool = False, pos: str | None = None
) -> tuple[Form, str] | None:
    for suf in ENCLITICS:
        if not form.endswith(suf) or len(form) - len(suf) < 2 or (taa and suf == "ه"):
            continue
        base = form[: -len(suf)]
        cands = [base]
        if base.endswith("ت"):
            cands.append(base[:-1] + "ه")  # زيارته → زيارة
        if base.endswith("و"):
            cands.append(base + "ا")  # استقبلوه → استقبلوا
        for c in cands:
            forms = tuple(f for f in words.get(c, ()) if pos is None or f.pos == pos)
            if forms:
                f = forms[0]
                if f.pos == "verb" and f.entry.obj == "theme" and suf not in ("ها", "ه", "هما", "هم"):
                    continue
                return f, suf
    return None


def _strip_enclitic_all(form: str, words: dict[str, tuple[Form, ...]], taa: bool = False) -> list[tuple[Form, str]]:
    """Every reading of a word with an object or possessive pronoun, verbs first («دعوته»: the
    verb دعوت + ه, then the noun دعوة + ه)."""
    out: list[tuple[Form, str]] = []
    for pos in ("verb", "noun"):
        hit = _strip_enclitic(form, words, taa, pos=pos)
        if hit is not None:
            out.append(hit)
    return out


def _entry(raw: dict[str, Any], n: int) -> TriggerEntry:
    code = str(raw.get("code", ""))
    try:
        cameo.lookup(code)
    except ConfigError as e:
        raise ConfigError(f"event_triggers.yaml, entry {n}: {e}") from None
    obj = raw.get("obj", "target")
    gen = raw.get("gen", "agent")
    if obj not in ("target", "theme") or gen not in ("agent", "patient"):
        raise ConfigError(f"event_triggers.yaml, entry {n} ({code}): obj must be target|theme, gen agent|patient")
    first = (raw.get("verbs") or raw.get("nouns") or raw.get("phrases") or [""])[0]
    return TriggerEntry(
        code=code,
        lemma=str(first).split()[0] if first else code,
        obj=obj,
        gen=gen,
        preps=frozenset(key(p) for p in raw.get("prep", ())),
        bare=bool(raw.get("bare", False)),
        needs=frozenset(key(w) for w in raw.get("needs", ())),
        unless=frozenset(key(w) for w in raw.get("unless", ())),
        official=bool(raw.get("official", False)),
        transitive=bool(raw.get("transitive", False)),
    )


# verbs whose sense needs an object of a certain kind: «وقع» is also "it happened"
_NEEDS = {
    "057": ["اتفاقية", "اتفاقيات", "اتفاق", "اتفاقا", "مذكرة", "مذكرات", "عقد", "عقدا", "عقود", "معاهدة",
            "بروتوكول", "إعلان", "ميثاق", "وثيقة", "تفاهمات", "اتفاقات", "اتفاقيتين", "اتفاقيتي"],
}


@cache
def trigger_lexicon() -> TriggerLexicon:
    data = load_yaml("event_triggers.yaml")
    words: dict[str, list[Form]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Form]]] = {}

    skip: set[str] = set()
    #: the masculine dual past («زارا», «اتفقا»): added last, only where no other trigger word
    #: or phrase is spelled alike (an accusative noun: «حكما», «قصفا»)
    duals: list[tuple[str, Form]] = []

    def add(k: str, f: Form) -> None:
        if k in skip:
            return
        lst = words.setdefault(k, [])
        if all(g.entry is not f.entry or g.tense != f.tense for g in lst):
            lst.append(f)

    for n, raw in enumerate(data["triggers"], 1):
        entry = _entry(raw, n)
        # derived forms that are another common word («توقف»: she arrests / it stopped)
        skip = {key(w) for w in raw.get("not_forms", ())}
        needs = _NEEDS.get(entry.code) if raw.get("verbs") and entry.obj == "theme" else None
        if needs and not entry.needs:
            entry = replace(entry, needs=frozenset(key(w) for w in needs))
        for pair in raw.get("verbs", ()):
            parts = [key(w) if w != "-" else "" for w in str(pair).split()]
            if parts[0]:
                for form, fem, plural, first in _past_forms(parts[0]):
                    add(form, Form(entry, "verb", "past", fem, plural, first))
                if not parts[0].endswith(_WEAK_PAST) and not parts[0].endswith("ا") and parts[0] + "ا" not in skip:
                    duals.append((parts[0] + "ا", Form(entry, "verb", "past", False, True, False)))
            if len(parts) > 1:
                for form, tense, fem, plural, first in _present_forms(parts[1]):
                    add(form, Form(entry, "verb", tense, fem, plural, first))
        for part in raw.get("participles", ()):
            # the active participle of a circumstantial clause («، متهما X ب…»): masculine
            # accusative, feminine, plurals
            k = key(part)
            for form, fem in ((k + "ا", False), (k + "ه", True), (k + "ين", False), (k + "ات", True)):
                add(form, Form(entry, "verb", "participle", fem))
        for form in raw.get("passive", ()):
            k = key(form)
            if k not in words:  # a form shared with the active voice stays active
                add(k, Form(entry, "verb", "passive", k.endswith("ت")))
        noun_entry = entry
        if entry.needs and not raw.get("needs"):  # the noun is matched without the verb's object constraint
            noun_entry = replace(entry, needs=frozenset())
        for noun in raw.get("nouns", ()):
            for form in _noun_forms(key(noun)):
                add(form, Form(noun_entry, "noun", "noun"))
        for phrase in raw.get("phrases", ()):
            ks = [key(w) for w in str(phrase).split()]
            rest = tuple(_core(k) for k in ks[1:])
            head = str(phrase).split()[0]
            # a head written like a verbal noun («عملية», «إطلاق», «تعزيزات») is a noun; else the
            # past verb is read first («قطع», «فرض»); a form both can be keeps the first reading
            noun_first = head.endswith("ة") or head[:1] in "إاأت" or head.endswith("ات")
            verbs = [(f, "verb", "past", fem, pl) for f, fem, pl, _ in _past_forms(ks[0])]
            nouns = [(f, "noun", "noun", False, False) for f in _noun_forms(ks[0])]
            # (both readings of one spelling are kept, the first wins right after it; a verb
            # reading is what may have its subject in between: «أعرب الوزير عن قلقه»)
            seen_firsts: set[tuple[str, str]] = set()
            for f, pos, tense, fem, pl in (nouns + verbs if noun_first else verbs + nouns):
                if (f, pos) in seen_firsts:
                    continue
                seen_firsts.add((f, pos))
                phrases.setdefault(f, []).append((rest, Form(noun_entry, pos, tense, fem, pl)))
    for dual, dform in duals:
        if dual not in phrases and all(g.pos == "verb" and g.tense == "past" and g.plural for g in words.get(dual, [dform])):
            lst = words.setdefault(dual, [])
            if all(g.entry is not dform.entry for g in lst):
                lst.append(dform)
    compose = {str(k): {str(a): str(b) for a, b in v.items()} for k, v in (data.get("compose") or {}).items()}
    for table in compose.values():
        for code in table.values():
            cameo.lookup(code)
    frozen_phrases = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()}
    longest = max((len(r) + 1 for v in phrases.values() for r, _ in v), default=1)
    # a verb form wins over a noun form of the same spelling (رفض, حظر): verbs carry tense
    ordered = {k: tuple(sorted(v, key=lambda f: f.pos != "verb")) for k, v in words.items()}
    blocked = frozenset(key(w) for w in data.get("blocked") or ())
    return TriggerLexicon(ordered, frozen_phrases, compose, longest, blocked=blocked)
