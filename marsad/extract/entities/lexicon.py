"""The entity stage's language data, compiled for matching over token keys.

Every list lives in ``marsad/lang/ar/`` (titles.yaml, org_heads.yaml, places.yaml,
reporting_verbs.yaml, name_parts.yaml, given_names.txt, name_stops.txt). Entries are turned
into matching keys (:func:`marsad.kb.alias_key`) and multi-word entries into a
:class:`PhraseTrie`, so a lookup costs a dictionary access per token reading.

What a single token "is" (a stop word, a given name, a nationality adjective …) depends only on
its key, so :meth:`EntityLexicon.word` computes it once per distinct key and caches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

from marsad.kb import KnowledgeBase, alias_key
from marsad.lang import load_list, load_yaml
from marsad.text.clitics import Reading

P = TypeVar("P")

#: the article, as it appears in keys
ARTICLE = "ال"
CONJUNCTIONS = frozenset("وف")
PREPOSITIONS = frozenset("بلك")
#: proclitics read before a given name: «وعماد», «لعماد»; not ب or ك («برقية» is not ب + رقية)
_NAME_CLITICS = frozenset("وفل")


class PhraseTrie(Generic[P]):
    """Token-key sequences → payload. Matching starts at a token and is clitic-aware on it.

    Nodes are dictionaries from a token key to the next node; the payload of a phrase ending at
    a node is stored under the empty key (no token has an empty key)."""

    __slots__ = ("max_len", "root", "size")

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.size = 0
        self.max_len = 0

    def add(self, keys: Sequence[str], payload: P, *, replace: bool = False) -> None:
        if not keys:
            return
        node = self.root
        for k in keys:
            node = node.setdefault(k, {})
        if "" not in node:
            self.size += 1
        if replace or "" not in node:
            node[""] = payload
        self.max_len = max(self.max_len, len(keys))

    def __len__(self) -> int:
        return self.size

    def get(self, keys: Sequence[str]) -> P | None:
        node: dict[str, Any] | None = self.root
        for k in keys:
            assert node is not None
            node = node.get(k)
            if node is None:
                return None
        return node.get("") if node is not None else None

    def matches(
        self, keys: Sequence[str], readings: Sequence[Reading], i: int, end: int | None = None
    ) -> list[tuple[int, int, P]]:
        """Every phrase that starts at token ``i`` (under one of its ``readings``) as
        ``(end_token, letters_stripped, payload)``, longest first, then least stripped."""
        root = self.root
        n = len(keys) if end is None else end
        out: list[tuple[int, int, P]] = []
        for strip, form in readings:
            node = root.get(form)
            if node is None:
                continue
            j = i + 1
            if "" in node:
                out.append((j, strip, node[""]))
            while j < n:
                node = node.get(keys[j])
                if node is None:
                    break
                j += 1
                if "" in node:
                    out.append((j, strip, node[""]))
        if len(out) > 1:
            out.sort(key=lambda m: (-m[0], m[1]))
        return out

    def longest(
        self, keys: Sequence[str], readings: Sequence[Reading], i: int, end: int | None = None
    ) -> tuple[int, int, P] | None:
        found = self.matches(keys, readings, i, end)
        return found[0] if found else None


def article_variants(key: str) -> list[str]:
    """A phrase key with and without a leading article (وزير / الوزير)."""
    if key.startswith(ARTICLE) and len(key) > 4:
        return [key, key[2:]]
    return [key, ARTICLE + key]


def mention_strip(key: str, strip: int) -> int:
    """How many leading letters of a word (its key) are proclitics outside the mention, when a
    reading stripped ``strip`` letters: the article stays in the mention («والجيش» → «الجيش»,
    «للجيش» → «لجيش», the article's ل)."""
    if strip < 2:
        return strip
    prefix = key[:strip]
    if prefix.endswith(ARTICLE):
        return strip - 2
    if prefix.endswith("لل"):
        return strip - 1
    return strip


_NAME_READINGS: dict[str, tuple[Reading, ...]] = {}


def name_readings(key: str, readings: Sequence[Reading]) -> tuple[Reading, ...]:
    """The readings of a word that strip proclitics but never the article: a name or a lexicon
    phrase is matched as written («الدولة» is not «دولة», «الرأي» is not «رأي»); the article's
    absence or presence is spelled out in the lexicon or the knowledge base instead."""
    found = _NAME_READINGS.get(key)
    if found is None:
        found = tuple(r for r in (readings or ((0, key),)) if not strips_article(key, r[0]))
        if len(_NAME_READINGS) > 300_000:
            _NAME_READINGS.clear()
        _NAME_READINGS[key] = found
    return found


def strips_article(key: str, strip: int) -> bool:
    prefix = key[:strip]
    return prefix.endswith(ARTICLE) or prefix.endswith("لل")


def only_clitics(key: str, strip: int, allowed: frozenset[str]) -> bool:
    """True when the ``strip`` stripped letters of ``key`` are all in ``allowed``."""
    return all(ch in allowed for ch in key[:strip])


@dataclass(frozen=True, slots=True)
class Title:
    text: str  # as written in the lexicon
    kind: str  # rank | role
    en: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class OrgHead:
    text: str
    subtype: str | None
    sector: str | None
    needs: str  # any | named | quoted
    media: bool
    military: bool
    definite_ok: bool = False  # with its article, a common complement still names one («النادي الصفاقسي»)
    masdar: bool = False  # also a verbal noun: a place after it is its object («إدارة قطاع غزة»)
    by_person: bool = False  # a person's name after it names it («حكومة سعد الحريري»)


@dataclass(frozen=True, slots=True)
class PlaceNoun:
    text: str
    type: str
    subtype: str | None
    strong: bool
    in_name: bool  # the noun belongs to the name («جبل الشعانبي»)
    alone: bool = False  # the phrase alone names the one building of a state («القصر الجمهوري»)
    confirm: frozenset[str] = frozenset()  # a word that must follow the name («منفذ … الحدودي»)
    quoted: bool = True  # a quoted name after it is its name («مطار "هيثرو"»; not «قاعدة "…"»)
    #: only a place the knowledge base knows names it («سوق الكرادة»; not «سوق الشغل»)
    known_only: bool = False
    #: words after which the noun is an adjective («مجلس وزاري مضيق»: restricted, not a strait)
    not_after: frozenset[str] = frozenset()


class Word(NamedTuple):
    """What one token key is, for the rules (computed once per key)."""

    stop: bool  # a function word, time word or narrative verb (after و/ف too)
    given: int  # letters of proclitics before a given name, or -1
    common_name: bool  # a given name that is also a common word
    adjective: str | None  # the state of a nationality adjective (with or without ال)
    adjective_strip: int  # proclitics before the adjective
    definite: bool  # starts with the article (after proclitics)
    connector: bool  # بن، أبو، عبد …
    second_part: bool  # الدين، الله …
    report_verb: bool  # قال، أكد … (after و/ف too)
    qualifier: bool  # السابق، الجديد …
    appositive: bool  # بصفته، بوصفه …
    place_prep: bool
    generic: bool  # a generic complement (الأمن، المرور …)
    kinship: str | None
    anaphor: tuple[str, ...]  # subtypes a definite head refers back to
    conj: bool  # clearly starts with the conjunction و/ف: «والجيش», «وأحمد», «وفي»
    place_first: bool  # first part of a compound place name
    regional: bool  # a regional adjective («الآسيوي», «الأوروبي»)


class EntityLexicon:
    """All the stage's word lists, compiled; one instance per process (see :func:`lexicon`)."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        titles = load_yaml("titles.yaml")
        self.titles: PhraseTrie[Title] = PhraseTrie()
        for kind in ("ranks", "roles"):
            for text, info in titles[kind].items():
                info = info or {}
                t = Title(text, kind[:-1], info.get("en"), info.get("sector"))
                # a rank precedes a name with its article only («الإمام», never «إمام» = أمام)
                for keys in _variants(text) if kind == "roles" else [alias_key(text).split(" ")]:
                    self.titles.add(keys, t)
        self.qualifiers = _keyset(titles["qualifiers"], with_article=False)
        self.appositive = _keyset(titles["appositive"], with_article=False)
        self.works = _keyset(titles.get("works") or (), with_article=True)
        numbers = load_yaml("numbers.yaml")
        #: number words («ثلاثة», «عشرات»): a name never starts with one
        self.numbers = _keyset(
            [*(numbers.get("cardinal") or {}), *(numbers.get("cardinal_tens") or {}), *(numbers.get("vague") or {})],
            with_article=False,
        )

        heads = load_yaml("org_heads.yaml")
        self.org_heads: PhraseTrie[OrgHead] = PhraseTrie()
        for group, entries in heads.items():
            if group in (
                "anaphors", "generic_complements", "regional_adjectives", "field_words", "office_contexts",
                "institution_complements",
            ):
                continue
            for text, info in entries.items():
                h = OrgHead(
                    text, info.get("subtype"), info.get("sector"), info.get("needs", "named"),
                    bool(info.get("media")), bool(info.get("military")), bool(info.get("definite_ok")),
                    bool(info.get("masdar")), bool(info.get("by_person")),
                )
                variants = _variants(text) if not info.get("definite_only") else [alias_key(text).split(" ")]
                for keys in variants:
                    self.org_heads.add(keys, h)
        self.anaphors: dict[str, tuple[str, ...]] = {
            alias_key(k): tuple(v) for k, v in heads["anaphors"].items()
        }
        self.generic = _keyset(heads["generic_complements"], with_article=False)
        self.field_words = _keyset(heads.get("field_words") or (), with_article=False)
        #: content keys (no article) of institutions named by their kind («إدارة المستشفى»)
        self.institution_complements = frozenset(
            k[2:] if k.startswith(ARTICLE) else k
            for k in (alias_key(w) for w in heads.get("institution_complements") or ())
        )
        self.office_contexts = _keyset(heads.get("office_contexts") or (), with_article=False)
        self.regional = _keyset(heads["regional_adjectives"], with_article=False)

        places = load_yaml("places.yaml")
        self.place_nouns: PhraseTrie[PlaceNoun] = PhraseTrie()
        for text, info in places["nouns"].items():
            p = PlaceNoun(
                text, info["type"], info.get("subtype"), bool(info.get("strong")), bool(info.get("in_name")),
                bool(info.get("alone")), frozenset(alias_key(w) for w in info.get("confirm") or ()),
                bool(info.get("quoted", True)), bool(info.get("known_only")),
                frozenset(alias_key(w) for w in info.get("not_after") or ()),
            )
            for keys in _variants(text):
                if keys[0].startswith(ARTICLE) and text != "العاصمة" and not text.startswith(ARTICLE):
                    continue  # «المدينة» is not followed by its name; «العاصمة تونس» is
                self.place_nouns.add(keys, p)
        self.place_preps = _keyset(places["prepositions"], with_article=False)
        self.place_first = _keyset(places["first_parts"], with_article=False)
        self.place_generic = _keyset(places["generic"], with_article=False)
        self.directions: PhraseTrie[str] = PhraseTrie()
        for text, canonical in places["directions"].items():
            self.directions.add(alias_key(text).split(" "), canonical)
        self.directions_en: dict[str, str] = dict(places["directions_en"])

        verbs = load_yaml("reporting_verbs.yaml")
        self.report_verbs = _keyset(
            [f for v in verbs["verbs"].values() for f in (v.get("forms") or [])], with_article=False
        )

        parts = load_yaml("name_parts.yaml")
        self.connectors = _keyset(parts["connectors"], with_article=False)
        self.second_parts = _keyset(parts["second_parts"], with_article=False)
        self.kinship = {alias_key(k): v for k, v in parts["kinship"].items()}
        self.common_names = _keyset(parts["common_word_names"], with_article=False)
        self.letter_variants: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in (parts.get("letter_variants") or {}).items()
        }
        self.given = _keyset(load_list("given_names.txt"), with_article=False)
        self.stops = _keyset(load_list("name_stops.txt"), with_article=False)

        #: keys that are both a stop word and a given name once ى is folded to ي (على / علي)
        self.collisions = frozenset(k for k in self.stops & self.given if k.endswith("ي"))
        self.adjectives: dict[str, str] = dict(kb.adjective_index) if kb is not None else {}
        self._words: dict[str, Word] = {}

    # -- spelling ---------------------------------------------------------------------------------
    def spellings(self, key: str) -> list[str]:
        """A key with letters some writers use for /g/, /v/, /p/ (ڨ ڤ پ چ گ) read with each standard
        letter, the usual reading first (``ڨفصه`` → ``قفصه``, ``غفصه``); ``[key]`` when it has
        none. At most 8 readings."""
        out = [""]
        for ch in key:
            alts = self.letter_variants.get(ch)
            if alts is None:
                out = [o + ch for o in out]
            else:
                out = [o + a for o in out for a in alts][:8]
        return out

    # -- single tokens --------------------------------------------------------------------------
    def word(self, key: str, readings: Sequence[Reading], form: str = "") -> Word:
        """Facts about a token with this key (and form: «على» and «علي» share a key)."""
        cache_key = key if key not in self.collisions else key + "|" + form[-1:]
        w = self._words.get(cache_key)
        if w is None:
            w = self._word(key, readings or ((0, key),))
            if key in self.collisions:
                # a key both a stop word and a name: the written final letter decides (على / علي)
                if form.endswith("ى"):
                    w = w._replace(given=-1, common_name=False)
                else:
                    w = w._replace(stop=False)
            if len(self._words) > 300_000:
                self._words.clear()
            self._words[cache_key] = w
        return w

    def word_uncached(self, key: str, readings: Sequence[Reading], form: str = "") -> Word:
        """As :meth:`word`, for a token whose readings are not those of its key alone (respelled)."""
        return self._word(key, readings or ((0, key),))

    def _word(self, key: str, readings: Sequence[Reading]) -> Word:
        def find(keys: Iterable[str] | Mapping[str, Any], allowed: frozenset[str]) -> int:
            for strip, form in readings:
                if form in keys and only_clitics(key, strip, allowed):
                    return strip
            return -1

        conj_only = CONJUNCTIONS
        any_clitic = CONJUNCTIONS | PREPOSITIONS
        given = -1
        for strip, form in readings:
            # after a proclitic only a longer name counts: «لعماد», not «بيان» (ب + يان)
            if form in self.given and only_clitics(key, strip, _NAME_CLITICS) and (strip == 0 or len(form) >= 4):
                given = strip
                break
        adjective, adj_strip = None, 0
        for strip, form in readings:
            bare = form[2:] if form.startswith(ARTICLE) else form
            state = self.adjectives.get(bare)
            if state is not None and only_clitics(key, strip, any_clitic):
                adjective, adj_strip = state, strip
                break
        definite = any(
            form.startswith(ARTICLE) and len(form) >= 4 and only_clitics(key, s, any_clitic) for s, form in readings
        )  # «وكالة» is not و + ك + «اله»
        definite = definite or key.startswith("لل")
        kin = None
        for strip, form in readings:
            if form in self.kinship and only_clitics(key, strip, any_clitic):
                kin = self.kinship[form]
                break
        anaphor: tuple[str, ...] = ()
        for strip, form in readings:
            if form in self.anaphors and only_clitics(key, strip, any_clitic):
                anaphor = self.anaphors[form]
                break
        return Word(
            stop=find(self.stops, conj_only) >= 0,
            given=given,
            common_name=find(self.common_names, any_clitic) >= 0,
            adjective=adjective,
            adjective_strip=adj_strip,
            definite=definite,
            connector=key in self.connectors,
            second_part=key in self.second_parts,
            report_verb=find(self.report_verbs, conj_only) >= 0,
            qualifier=key in self.qualifiers,
            appositive=find(self.appositive, conj_only) >= 0,
            place_prep=find(self.place_preps, conj_only) >= 0,
            generic=find(self.generic, any_clitic) >= 0,
            kinship=kin,
            anaphor=anaphor,
            conj=key[:1] in CONJUNCTIONS and any(
                s == 1
                and (
                    f.startswith(ARTICLE) or f.startswith("لل") or f in self.given or f in self.stops
                    or f in self.report_verbs
                )
                for s, f in readings
            ),
            place_first=key in self.place_first,
            regional=find(self.regional, any_clitic) >= 0,
        )


def _keyset(entries: Iterable[str], *, with_article: bool) -> frozenset[str]:
    out: set[str] = set()
    for e in entries:
        key = alias_key(str(e))
        if not key:
            continue
        out.add(key)
        if with_article:
            out.update(article_variants(key))
    return frozenset(out)


def _variants(text: str) -> list[list[str]]:
    """Keys of a lexicon phrase: a one-word entry with and without the article; a longer entry
    as written, plus the article's absence on its first word when it has one («الأمين العام» and
    «أمين العام» are not the same, so only one-word entries get both forms)."""
    keys = alias_key(text).split(" ")
    if len(keys) == 1:
        return [[k] for k in article_variants(keys[0])]
    return [keys]
