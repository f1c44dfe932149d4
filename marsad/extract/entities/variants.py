"""Spelling variants of people's names, and people named by their given name alone.

**Foreign names** are written in several ways: /g/ as غ, ج or ق (غوتيريش، جوتيريش), /v/ as ف or
ڤ, /p/ as ب or پ, with or without long-vowel letters (نتنياهو، نتانياهو; زيلينسكي، زيلنسكي).
A word's *skeleton* folds each letter class to one letter and drops the vowel letters after the
first letter (and the article): both spellings share it. Only the names of people from outside
the Arab states are indexed by skeleton (``foreign_spelling`` in ``marsad/lang/ar/name_parts.yaml``):
an Arabic name is spelled one way, and «قاسم» and «جاسم» are two names.

* a name of two words or more matches when its words' skeletons match and one word is written
  exactly as the knowledge base writes it («دونالد ترمب» for «دونالد ترامب»); an Arab person's
  name too, but only when the other words are long and differ in their vowel letters alone
  («خميس الجيهناوي» for «خميس الجهيناوي»);
* one word alone («زيلنسكي») is a weak name: it needs a title or a reporting verb before it, or
  the document's support (see :class:`~marsad.extract.entities.matcher.KBMatcher`), and only the
  single-word names of prominent people whose skeleton has four letters or more are indexed;
* the name a rule or the recognizer found (after a title: «الرئيس الأمريكي دونالد ترمب») links
  to the one person whose name has its skeleton.

**Given names alone** («الرئيس بشار», «الأمير تميم», «وقال قابوس»): a single given name found by a
rule as a person's name links to the knowledge base's one prominent bearer of that given name,
when no other known person of some prominence bears it (:meth:`NameVariants.given_name`).

Every index is built once from the knowledge base; a lookup is a dictionary access per word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from marsad.extract.entities.lexicon import ARTICLE, EntityLexicon, PhraseTrie
from marsad.kb import KnowledgeBase, alias_key
from marsad.lang import load_yaml

#: a one-word foreign name is indexed by skeleton when its bearer is at least this prominent
SINGLE_PROMINENCE = 50
#: and its skeleton has at least this many letters
SINGLE_MIN_SKELETON = 4
#: a given name alone names its most prominent bearer when that bearer is this prominent …
GIVEN_PROMINENCE = 60
#: … and every other bearer is at least this much less prominent
GIVEN_MARGIN = 30
#: a given name with this many bearers in the knowledge base is too common to name one
GIVEN_MAX_BEARERS = 3


class NameVariants:
    """Skeleton indexes over the knowledge base's people (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, lex: EntityLexicon) -> None:
        data = load_yaml("name_parts.yaml")["foreign_spelling"]
        table: dict[str, str] = {}
        for cls in data["letter_classes"]:
            for ch in cls:
                table[ch] = cls[0]
        self._fold = str.maketrans(table)
        self._vowels = frozenset(data["vowels"])
        native = frozenset(data["native_countries"])
        self._cache: dict[str, str] = {}
        #: skeleton words of a multi-word name → (ids, the exact words of each spelling)
        self.multi: PhraseTrie[list[tuple[str, tuple[str, ...]]]] = PhraseTrie()
        single: dict[str, set[str]] = defaultdict(set)
        self._native: set[str] = set()
        for e in kb.entries.values():
            if e.type != "PERSON" or not e.country:
                continue
            if e.country in native:
                self._native.add(e.id)
            for name in (e.name, *e.aliases):
                key = alias_key(name)
                if not key or not _arabic(key):
                    continue
                words = key.split(" ")
                sk = [self.skeleton(w) for w in words]
                if len(words) >= 2:
                    found = self.multi.get(sk)
                    if found is None:
                        found = []
                        self.multi.add(sk, found)
                    found.append((e.id, tuple(words)))
                elif (
                    e.country not in native and e.prominence >= SINGLE_PROMINENCE
                    and len(sk[0]) >= SINGLE_MIN_SKELETON
                ):
                    single[sk[0]].add(e.id)
        # a skeleton that two people share, or that a one-word name of anything else has,
        # decides nothing
        others: dict[str, set[str]] = defaultdict(set)
        for key, kb_ids in kb.alias_index.items():
            if " " not in key and _arabic(key):
                one = self.skeleton(key)
                if one in single:
                    others[one].update(kb_ids)
        self.single: dict[str, str] = {}
        for one, people in single.items():
            if len(people) == 1 and others[one] <= people:
                self.single[one] = next(iter(people))
        self.given: dict[str, str] = self._given_names(kb, lex, native)

    # -- skeletons --------------------------------------------------------------------------------
    def skeleton(self, key: str) -> str:
        """The skeleton of a word's key: ``ترامب`` and ``ترمب`` → ``ترمب``."""
        s = self._cache.get(key)
        if s is None:
            w = key[2:] if key.startswith(ARTICLE) and len(key) > 4 else key
            w = w.translate(self._fold)
            letters = [w[:1]] + [c for c in w[1:] if c not in self._vowels]
            s = "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[key] = s
        return s

    def name_skeleton(self, name: str) -> list[str]:
        return [self.skeleton(w) for w in alias_key(name).split(" ") if w]

    # -- lookups ----------------------------------------------------------------------------------
    def multi_word(self, words: Sequence[str]) -> str | None:
        """The one foreign person whose name of several words these words spell, one of them
        exactly as the knowledge base writes it; None when none or several."""
        if len(words) < 2:
            return None
        found = self.multi.get([self.skeleton(w) for w in words])
        if not found:
            return None
        ids = {
            i for i, spelled in found
            if any(a == b for a, b in zip(words, spelled, strict=True))
            and all(self.close(a, b, native=i in self._native) for a, b in zip(words, spelled, strict=True))
        }
        return next(iter(ids)) if len(ids) == 1 else None

    def close(self, word: str, spelled: str, native: bool = False) -> bool:
        """Two spellings of one name differ by few letters once the letter classes are folded:
        at most one edit in four letters («ماركل»/«ميركل»; not «فلين»/«فالون», two names). An
        Arabic name («الجيهناوي»/«الجهيناوي») only differs in its long-vowel letters, and only in
        a long family name: «حسن» and «حسين» are two names."""
        if word == spelled:
            return True
        a, b = _bare(word), _bare(spelled)
        if native:
            if len(b) < 6 or "".join(c for c in a if c not in self._vowels) != "".join(
                c for c in b if c not in self._vowels
            ):
                return False
            return _edits(a, b) <= 2
        a, b = a.translate(self._fold), b.translate(self._fold)
        return _edits(a, b) <= max(1, len(b) // 4)

    def single_word(self, word: str) -> str | None:
        """The one prominent foreign person whose one-word name this word spells differently
        («زيلنسكي» → Zelensky); None when the word could be something else."""
        sk = self.skeleton(word)
        return self.single.get(sk)

    def given_name(self, word: str) -> str | None:
        """The one prominent bearer of a given name used alone («بشار» → Bashar al-Assad)."""
        return self.given.get(word)

    def link_name(self, name: str) -> str | None:
        """A person's name found in the text (by a rule or the recognizer) → the knowledge-base
        person it spells: a foreign name by skeleton, or a given name alone."""
        words = alias_key(name).split(" ")
        if len(words) >= 2:
            return self.multi_word(words)
        if not words or not words[0]:
            return None
        return self.given_name(words[0]) or self.single_word(words[0])

    # -- given names ------------------------------------------------------------------------------
    def _given_names(self, kb: KnowledgeBase, lex: EntityLexicon, native: frozenset[str]) -> dict[str, str]:
        """Given name → its one prominent bearer. Only people of the Arab states count: news
        calls a king, an emir or a president by his given name alone («الأمير تميم», «الرئيس
        بشار»), not a foreign leader."""
        bearers: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for e in kb.entries.values():
            if e.type != "PERSON":
                continue
            if e.country not in native:
                # a bearer from elsewhere still makes the given name ambiguous
                for name in (e.name, *e.aliases):
                    words = alias_key(name).split(" ")
                    if len(words) >= 2 and words[0]:
                        bearers[words[0]].append((e.prominence, ""))
                continue
            seen: set[str] = set()
            for name in (e.name, *e.aliases):
                words = alias_key(name).split(" ")
                # a title before the name («الشيخ تميم بن حمد») is not its first word
                m = lex.titles.longest(words, [(0, words[0])], 0) if words and words[0] else None
                if m is not None:
                    words = words[m[0]:]
                if len(words) < 2 or not _arabic(words[0]) or words[0] in lex.connectors:
                    continue
                first = words[0]
                if first in lex.stops or first in lex.common_names or len(first) < 3:
                    continue
                if first.startswith(ARTICLE) and first not in lex.given:
                    continue  # «الراحل ياسر عرفات»: a word before the name
                if words[1] in lex.second_parts or first.startswith(("عبد", "ابو")):
                    continue  # «عبد الله», «نور الدين», «عبدالحميد»: a compound given name
                if first not in seen:
                    seen.add(first)
                    bearers[first].append((e.prominence, e.id))
        out = {}
        for first, people in bearers.items():
            if len(people) > GIVEN_MAX_BEARERS:
                continue
            people.sort(reverse=True)
            top, top_id = people[0]
            if top < GIVEN_PROMINENCE or not top_id:
                continue
            if len(people) > 1 and people[1][0] > top - GIVEN_MARGIN:
                continue
            out[first] = top_id
        return out


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (two short words)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _bare(word: str) -> str:
    return word[2:] if word.startswith(ARTICLE) and len(word) > 4 else word


def _arabic(key: str) -> bool:
    return any("\u0621" <= c <= "\u06d3" for c in key)
