"""Knowledge-base matching over token keys: clitic-aware, longest match first, linear in the text.

The alias keys of the knowledge base (``kb.alias_index``: token keys joined by spaces) go into a
token trie (:class:`~marsad.extract.entities.lexicon.PhraseTrie`). The matcher walks the text
once: at each token it tries the token's clitic readings (``وللجيش`` → ``الجيش`` …) as the first
word of a name, follows the trie over the next tokens' keys, and keeps the longest name found
(the least stripped reading on a tie); then it goes on after that name. Every step is a
dictionary access, and a walk is at most as long as the longest alias (a constant), so the
pass is linear in the number of tokens. A name starting inside another one is not tried.

A weak alias (a name that is also a common word, ``kb.weak_keys``) only counts with a context
that makes it a name: a place noun («مدينة»), a title for a person, an organization head, or a
place preposition followed by a clear end of the name (punctuation, a conjunction, the end).
When the longest name at a token is weak and has no such context, it is decided once the whole
text is read: it stays when the same entity is named strongly elsewhere, or (an organization or
a person) when its country is among the countries of the document's strong names; otherwise a
shorter strong name found at the same token takes its place. A small foreign town named by one
word (``SMALL_TOWN``) is decided the same way: «إطار» is a word before it is a town.

One-word names that are function words, reporting verbs or nationality adjectives in the text
(«رأى», «وإن», «السورية») are never mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from marsad.extract.entities.candidates import Cand
from marsad.extract.entities.lexicon import (
    EntityLexicon,
    PhraseTrie,
    mention_strip,
    name_readings,
    only_clitics,
    strips_article,
)
from marsad.extract.entities.variants import NameVariants
from marsad.kb import KBEntry, KnowledgeBase, alias_key
from marsad.text.clitics import Reading
from marsad.text.tokens import ARABIC, LATIN, NUMBER, PUNCT, Tokens

Payload = tuple[tuple[str, ...], bool]

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_MEDIA = frozenset({"news_agency", "newspaper", "tv", "radio", "website", "media", "magazine"})
#: towns smaller than this, named by one word, need their country in the article
SMALL_TOWN = 100_000
STRIPPED_TOWN = 500_000


def readings_of(info_readings: Sequence[Reading], key: str) -> Sequence[Reading]:
    return name_readings(key, info_readings)


#: first words of compound given names that writers join to the next word or not
_COMPOUND_FIRST = ("عبد", "ابو")


def compound_variant(key: str) -> str | None:
    """The key with its compound given names written the other way (joined ↔ apart):
    'عبد العزيز بوتفليقه' ↔ 'عبدالعزيز بوتفليقه'; None when it has none."""
    words = key.split(" ")
    out: list[str] = []
    changed = False
    i = 0
    while i < len(words):
        w = words[i]
        if w in _COMPOUND_FIRST and i + 1 < len(words) and words[i + 1].startswith("ال"):
            out.append(w + words[i + 1])
            changed = True
            i += 2
            continue
        for first in _COMPOUND_FIRST:
            if w.startswith(first + "ال") and len(w) > len(first) + 3:
                out.extend((first, w[len(first):]))
                changed = True
                break
        else:
            out.append(w)
        i += 1
    return " ".join(out) if changed else None


def phrase_ending_at(
    trie: PhraseTrie[object], keys: Sequence[str], tokens: Tokens, i: int, ok: Callable[[Any], bool] | None = None
) -> bool:
    """True when a phrase of ``trie`` ends right before token ``i`` (one whose payload ``ok``
    accepts, when given)."""
    infos = tokens.infos
    for start in range(i - 1, max(-1, i - 1 - trie.max_len), -1):
        for end, _strip, payload in trie.matches(keys, readings_of(infos[start].readings, keys[start]), start, i):
            if end == i and (ok is None or ok(payload)):
                return True
    return False


class _Skeletons(Sequence[str]):
    """The skeletons of a document's token keys, computed when the matcher asks for them."""

    __slots__ = ("infos", "keys", "nv")

    def __init__(self, nv: NameVariants, keys: Sequence[str], infos: Sequence[Any]) -> None:
        self.nv, self.keys, self.infos = nv, keys, infos

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, j: int) -> str:  # type: ignore[override]
        if self.infos[j].kind is not ARABIC:
            return "\x00"  # never a skeleton: a name does not run over punctuation or digits
        return self.nv.skeleton(self.keys[j])


#: proclitics before a foreign name: «وزيلنسكي», «لزيلنسكي», «بزيلنسكي»
_NAME_PROCLITICS = frozenset("وفلب")


class KBMatcher:
    """Finds knowledge-base names in a document's tokens (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, lex: EntityLexicon, variants: NameVariants | None = None) -> None:
        self.kb = kb
        self.lex = lex
        #: foreign people's names spelled otherwise (see :mod:`.variants`)
        self.variants = variants
        #: whether a token key may start a name spelled otherwise (computed once per key)
        self._fuzzy_start: dict[str, bool] = {}
        self.trie: PhraseTrie[Payload] = PhraseTrie()
        weak = kb.weak_keys
        for key, ids in kb.alias_index.items():
            self.trie.add(key.split(" "), (ids, key in weak))
        # «عبد العزيز» / «عبدالعزيز»: a compound given name written as one word or two
        for key, ids in kb.alias_index.items():
            other = compound_variant(key)
            if other is not None and other not in kb.alias_index:
                self.trie.add(other.split(" "), (ids, key in weak))

    def find(
        self, tokens: Tokens, keys: Sequence[str] | None = None,
        respelled: Mapping[int, Sequence[Reading]] | None = None,
    ) -> list[Cand]:
        """Knowledge-base names in the tokens, weak and doubtful ones decided by the document.
        ``keys`` and ``respelled`` (token → readings) are the document view's, where words
        written with ڨ ڤ پ چ گ are also read with standard letters."""
        keys = keys if keys is not None else tokens.keys
        respelled = respelled or {}
        infos = tokens.infos
        trie = self.trie
        root = trie.root
        n = len(keys)
        out: list[Cand] = []
        pending: list[tuple[Cand, Cand | None]] = []  # a doubtful name and the name it hides
        i = 0
        while i < n:
            info = infos[i]
            kind = info.kind
            if kind is not ARABIC and kind is not LATIN and kind is not NUMBER:
                i += 1
                continue
            if i in respelled:
                readings = tuple(r for r in respelled[i] if not strips_article(keys[i], r[0]))
            else:
                readings = name_readings(keys[i], info.readings)
            if not any(form in root for _s, form in readings):
                i = self._fuzzy_at(tokens, keys, readings, i, kind is ARABIC, out, pending)
                continue
            doubtful: Cand | None = None
            chosen: Cand | None = None
            for end, strip, (ids, weak) in trie.matches(keys, readings, i):
                entry = self.kb.entries[ids[0]]
                cand = Cand(
                    i, end, mention_strip(keys[i], strip), entry.type, "kb", "kb", kb_ids=ids,
                    subtype=entry.subtype, weak=weak,
                )
                if end - i == 1 and self._not_a_name(tokens, keys, i, entry, strip):
                    continue
                if end - i == 1 and strip and keys[i][:1] == "ك" and len(keys[i]) - strip < 4:
                    continue  # «كافي» is not ك + «افي» (EFE)
                if entry.type == "PERSON" and self._another_person(tokens, keys, i, end, strip, entry):
                    continue
                if entry.type == "ORG" and self._adjective_of_noun(tokens, keys, i, strip):
                    continue
                if weak and end - i == 1 and entry.type in ("FAC", "LOC") and self._after_definite_noun(tokens, keys, i, strip):
                    continue  # «الحد الأقصى»: an adjective, not the mosque
                if (weak and not self.weak_context(tokens, keys, i, end, strip, ids)) or (
                    self._doubtful(cand, entry, keys[i][strip:]) and not phrase_ending_at(self.lex.place_nouns, keys, tokens, i)  # type: ignore[arg-type]
                ):
                    if doubtful is None:
                        doubtful = cand
                    continue
                chosen = cand
                break
            if doubtful is not None and (chosen is None or doubtful.j > chosen.j):
                pending.append((doubtful, chosen))
                i = doubtful.j
                continue
            if chosen is None:
                i = self._fuzzy_at(tokens, keys, readings, i, kind is ARABIC, out, pending)
                continue
            out.append(chosen)
            i = chosen.j
        if pending:
            out = self._decide(out, pending)
        return out

    # -- foreign names spelled otherwise ----------------------------------------------------------
    def _fuzzy_at(
        self, tokens: Tokens, keys: Sequence[str], readings: Sequence[Reading], i: int, arabic: bool,
        out: list[Cand], pending: list[tuple[Cand, Cand | None]],
    ) -> int:
        """Where no knowledge-base name starts at token i: a respelled name there (a weak one is
        decided later, with the document), and the token to go on from."""
        fuzzy = self._fuzzy(tokens, keys, readings, i) if arabic else None
        if fuzzy is None:
            return i + 1
        if fuzzy.weak:
            pending.append((fuzzy, None))
        else:
            out.append(fuzzy)
        return fuzzy.j

    def _fuzzy(self, tokens: Tokens, keys: Sequence[str], readings: Sequence[Reading], i: int) -> Cand | None:
        """A foreign person's name spelled otherwise than the knowledge base writes it (see
        :mod:`.variants`): several words, one of them exact, are a name; one word is a weak name
        that needs a title or a reporting verb before it, or the document's support."""
        nv = self.variants
        if nv is None:
            return None
        key = keys[i]
        maybe = self._fuzzy_start.get(key)
        if maybe is None or len(readings) != len(tokens.infos[i].readings):
            multi_root = nv.multi.root
            maybe = any(
                len(form) >= 3 and (nv.skeleton(form) in multi_root or nv.skeleton(form) in nv.single)
                for _s, form in readings
            )
            if len(self._fuzzy_start) > 300_000:
                self._fuzzy_start.clear()
            self._fuzzy_start[key] = maybe
        if not maybe:
            return None
        sk_first = [(strip, nv.skeleton(form)) for strip, form in readings if len(form) >= 3]
        infos = tokens.infos
        sk_keys = _Skeletons(nv, keys, infos)
        for end, strip, _payload in nv.multi.matches(sk_keys, sk_first, i):
            form = next(f for st, f in readings if st == strip)
            words = [form, *keys[i + 1 : end]]
            found = nv.multi_word(words)
            if found is not None:
                entry = self.kb.entries[found]
                return Cand(i, end, mention_strip(keys[i], strip), entry.type, "kb", "variant", kb_ids=(found,),
                            subtype=entry.subtype)
        for strip, form in readings:
            if strip and not only_clitics(keys[i], strip, _NAME_PROCLITICS):
                continue
            found = nv.single_word(form) if len(form) >= 5 and not form.startswith("ال") else None
            if found is None:
                continue
            w = self.lex.word(keys[i], infos[i].readings, infos[i].form)
            if w.stop or w.report_verb or w.qualifier or w.adjective or w.given >= 0 or w.generic:
                return None
            entry = self.kb.entries[found]
            cand = Cand(i, i + 1, mention_strip(keys[i], strip), entry.type, "kb", "variant", kb_ids=(found,),
                        subtype=entry.subtype)
            cand.weak = not self._person_context(tokens, keys, i)
            return cand
        return None

    def _person_context(self, tokens: Tokens, keys: Sequence[str], i: int) -> bool:
        """A title or a reporting verb right before token ``i``."""
        if phrase_ending_at(self.lex.titles, keys, tokens, i):  # type: ignore[arg-type]
            return True
        if i == 0 or tokens.infos[i - 1].kind is not ARABIC:
            return False
        prev = tokens.infos[i - 1]
        return self.lex.word(keys[i - 1], prev.readings, prev.form).report_verb

    # -- weak and doubtful names ---------------------------------------------------------------------
    def _not_a_name(self, tokens: Tokens, keys: Sequence[str], i: int, entry: KBEntry, strip: int = 0) -> bool:
        """A one-word name that is a function word or a reporting verb («رأى», «وإن») is never a
        mention, nor a nationality adjective that agrees with the noun before it («العاصمة
        السورية»; «أعلنت السعودية» names the state)."""
        w = self.lex.word(keys[i], tokens.infos[i].readings, tokens.infos[i].form)
        if w.stop or w.report_verb or w.qualifier:
            return True
        form = keys[i][strip:]
        if entry.type in ("ORG", "PERSON") and form.startswith("ال") and i + 1 < len(keys):
            nxt = tokens.infos[i + 1]
            if nxt.kind is ARABIC and keys[i + 1].startswith("ال") and keys[i + 1].endswith(("يه", "ي")):
                nw = self.lex.word(keys[i + 1], nxt.readings, nxt.form)
                if not (nw.stop or nw.adjective):
                    return True  # «القاعدة العسكرية», «الصيد البحري»: a noun and its adjective
        if (
            entry.type == "ORG" and i > 0 and form.startswith("ال") and form.endswith("ي")
            and tokens.infos[i - 1].kind is ARABIC
        ):
            prev = tokens.infos[i - 1]
            pw = self.lex.word(keys[i - 1], prev.readings, prev.form)
            if pw.definite and not pw.stop:
                return True  # «المجتمع الأهلي»: an adjective after its noun, not the club «الأهلي»
        if (
            entry.type == "GPE" and i > 0 and not strip and form.startswith("ال") and form.endswith("ه")
            and tokens.infos[i - 1].kind is ARABIC and keys[i - 1].startswith("ال") and keys[i - 1].endswith("ه")
        ):
            prev = tokens.infos[i - 1]
            pw = self.lex.word(keys[i - 1], prev.readings, prev.form)
            if not pw.stop and not phrase_ending_at(self.lex.place_nouns, keys, tokens, i):  # type: ignore[arg-type]
                return True  # «القوة القاهرة» (force majeure): an adjective agreeing with its noun
        if w.adjective is None:
            return False
        if entry.type == "GPE" and i > 0 and keys[i].startswith("وال") and tokens.infos[i - 1].kind is ARABIC:
            prev = tokens.infos[i - 1]
            # «العراق والسعودية»: coordinated with a name; «العراقية والسعودية»: with an adjective
            return self.lex.word(keys[i - 1], prev.readings, prev.form).adjective is not None
        if entry.type != "GPE" or not keys[i].startswith("ال") or i == 0:
            return True
        prev = tokens.infos[i - 1]
        if prev.kind is not ARABIC:
            return False
        pw = self.lex.word(keys[i - 1], prev.readings, prev.form)
        return pw.definite and not pw.stop

    def _adjective_of_noun(self, tokens: Tokens, keys: Sequence[str], i: int, strip: int) -> bool:
        """An organization named by a feminine relational adjective («البحرية الإيرانية») that
        follows a definite noun qualifies that noun: «المناورات البحرية الإيرانية»."""
        form = keys[i][strip:]
        if strip or i == 0 or not form.startswith("ال") or not form.endswith("يه"):
            return False
        prev = tokens.infos[i - 1]
        if prev.kind is not ARABIC:
            return False
        pw = self.lex.word(keys[i - 1], prev.readings, prev.form)
        return pw.definite and not pw.stop and pw.adjective is None and not keys[i - 1].endswith("يه")

    def _after_definite_noun(self, tokens: Tokens, keys: Sequence[str], i: int, strip: int) -> bool:
        if strip or i == 0 or not keys[i].startswith("ال") or tokens.infos[i - 1].kind is not ARABIC:
            return False
        prev = tokens.infos[i - 1]
        pw = self.lex.word(keys[i - 1], prev.readings, prev.form)
        return pw.definite and not pw.stop

    def _another_person(
        self, tokens: Tokens, keys: Sequence[str], i: int, end: int, strip: int, entry: KBEntry
    ) -> bool:
        """A family name of a known person («البكوش», «مبارك») after a given name that is not the
        person's own: another person of that name («صلاح البكوش», «جمال مبارك»)."""
        if i == 0 or strip or tokens.infos[i - 1].kind is not ARABIC:
            return False
        infos = tokens.infos
        lex = self.lex
        prev = infos[i - 1]
        pw = lex.word(keys[i - 1], prev.readings, prev.form)
        if pw.given < 0 or pw.stop:
            return False
        if keys[i - 1][:1] in "بلك" and len(prev.readings) > 1:
            return False  # «باسم شيبوب»: «in the name of», not the given name «باسم»
        own: set[str] = set()
        for n in entry.all_names():
            words = alias_key(n).split(" ")
            if len(words) > 1:
                own.update((words[0], words[0] + words[1]))
        if keys[i - 1][pw.given :] in own:
            return False
        return not phrase_ending_at(lex.titles, keys, tokens, i)  # type: ignore[arg-type]

    def _doubtful(self, cand: Cand, entry: KBEntry, form: str = "") -> bool:
        """A small town named by one word: kept only when the article is about its country (see
        :meth:`_decide`); a common word is more likely than the town. A town read after
        stripping a proclitic («بلاتر» → لاتر) is doubtful up to a larger size."""
        if cand.j - cand.i != 1 or entry.type != "GPE" or entry.subtype != "city" or entry.prominence >= 30:
            return False
        if form in self.lex.given:
            return True  # «آموس» (Imus), «عمران»: a given name before a city of another country
        limit = SMALL_TOWN if not cand.strip else STRIPPED_TOWN
        return (entry.population or 0) < limit

    def _decide(self, out: list[Cand], pending: list[tuple[Cand, Cand | None]]) -> list[Cand]:
        """Keep a weak or doubtful name when the document supports it: the same entity named
        strongly elsewhere, or (for an organization, a person or a small town) its country among
        the countries the document's strong names belong to. Otherwise keep the shorter strong
        name it hid, if any."""
        strong_ids = {c.kb_ids[0] for c in out}
        countries = set()
        for c in out:
            if len(c.kb_ids) == 1:
                country = self.kb.entries[c.kb_ids[0]].country
                if country:
                    countries.add(country)
        kept = list(out)
        for cand, fallback in pending:
            entry = self.kb.entries[cand.kb_ids[0]]
            if entry.id in strong_ids:
                ok = True
            elif cand.weak:  # a common word: its country is not enough for a place or an outlet
                ok = (
                    entry.type in ("ORG", "PERSON") and entry.country in countries
                    and entry.subtype not in _MEDIA
                )
            else:  # a small foreign town
                ok = entry.country in countries
            if ok:
                kept.append(cand)
            elif fallback is not None:
                kept.append(fallback)
        kept.sort(key=lambda c: c.i)
        return kept

    def weak_context(
        self, tokens: Tokens, keys: Sequence[str], i: int, end: int, strip: int, ids: Sequence[str]
    ) -> bool:
        """A context that makes a weak alias a name right here."""
        lex = self.lex
        etype = self.kb.entries[ids[0]].type
        if etype in _PLACE_TYPES:
            if keys[i][strip:] not in lex.place_generic and phrase_ending_at(
                lex.place_nouns, keys, tokens, i, _licenses_weak  # type: ignore[arg-type]
            ):
                return True  # «مدينة الزاوية»; not «ساحة المدينة» (the town just spoken of)
            before_prep = i > 0 and lex.word(keys[i - 1], tokens.infos[i - 1].readings).place_prep
            clitic_prep = strip > 0 and keys[i][strip - 1 : strip] in ("ب", "ل")
            return (before_prep or clitic_prep) and self._clear_end(tokens, keys, end)
        if etype == "PERSON":
            return phrase_ending_at(lex.titles, keys, tokens, i)  # type: ignore[arg-type]
        return phrase_ending_at(lex.org_heads, keys, tokens, i)  # type: ignore[arg-type]

    def _clear_end(self, tokens: Tokens, keys: Sequence[str], end: int) -> bool:
        """The name ends a clause: punctuation or the end of the text after it."""
        if end >= len(keys):
            return True
        return tokens.infos[end].kind is PUNCT and tokens.infos[end].form not in ("-", "/")


def _licenses_weak(noun: Any) -> bool:
    """A place noun that makes a weak place name a name: not one that is mostly a common word
    itself («سوق الخضر»: the vegetable market, not the town)."""
    return not getattr(noun, "known_only", False)
