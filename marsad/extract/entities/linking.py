"""Choosing the knowledge-base entry a mention refers to, and linking discovered names.

A name may carry several entries («طرابلس»: Libya's capital or Lebanon's city; «حفتر»: the
father or a son). The choice weighs, in this order of strength:

1. the title the text gives the person, checked against the entries' roles on the reference
   date (the publication date, else the latest year the text mentions): «وزير الخارجية X» picks
   the X who was foreign minister then (:meth:`KBEntry.roles_on`);
2. the type the context asks for (a place noun before it asks for a place);
3. the countries the article is about (the states of its unambiguous mentions);
4. any role held on the reference date;
5. prominence (the knowledge base's 0–100 rank), which is the only criterion when nothing else
   decides: «حفتر» alone is the best-known bearer.

A name found by a rule or the model is linked when its key, or the canonical form of an
organization named by a head noun and a state («جيش باكستان» / «الجيش الباكستاني»), is an alias.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import product

from marsad.extract.entities.candidates import Cand
from marsad.extract.entities.variants import NameVariants
from marsad.kb import KBEntry, KnowledgeBase, alias_key

_YEAR_RE = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])")


def reference_date(published: date | None, text: str) -> date | None:
    """The date that decides who held a title: the publication date, else the middle of the
    latest year the text mentions (not after next year), else None (every role counts)."""
    if published is not None:
        return published
    years = [int(y) for y in _YEAR_RE.findall(text)]
    if not years:
        return None
    latest = max(years)
    return date(latest, 7, 1)


def _words(text: str) -> set[str]:
    out = set()
    for k in alias_key(text).split(" "):
        out.add(k[2:] if k.startswith("ال") and len(k) > 4 else k)
    return out


class Linker:
    def __init__(
        self, kb: KnowledgeBase, spellings: Callable[[str], list[str]] | None = None,
        variants: NameVariants | None = None,
    ) -> None:
        self.kb = kb
        #: a word's readings with standard letters (ڨفصه → قفصه): see EntityLexicon.spellings
        self.spellings = spellings
        #: people's names spelled otherwise, and given names alone (see variants.py)
        self.variants = variants
        self.states: dict[str, KBEntry] = {}
        for e in kb.entries.values():
            if e.type == "GPE" and e.subtype == "state" and e.country and e.country not in self.states:
                self.states[e.country] = e

    # -- knowledge-base candidates ----------------------------------------------------------------
    def link(self, cands: Sequence[Cand], day: date | None, adjectives: Counter[str] | None = None) -> None:
        """Choose the entry of every candidate. ``adjectives``: the countries the text's
        nationality adjectives name, which count (less than names) toward what it is about."""
        countries = self._doc_countries(cands)
        if adjectives:
            for country, n in adjectives.items():
                countries[country] += 0.5 * n  # type: ignore[assignment]
        for c in cands:
            if c.kb_ids:
                c.link = self.choose(c, day, countries)
            elif (c.method in ("rule", "model") and c.type != "PERSON") or c.method == "model":
                c.link = self.find(c, countries)
            if not c.link and c.type == "PERSON" and c.method in ("rule", "model") and c.name:
                c.link = self.find_person(c, countries)
            if c.link:
                entry = self.kb.entries[c.link]
                if c.method != "kb" and entry.type != c.type and not _compatible(entry.type, c.type):
                    c.link = None
                elif c.method != "kb" and entry.subtype == "city" and entry.country not in countries and (
                    (entry.population or 0) < 500_000
                ):
                    c.link = None  # «ميدون» in Djerba is not Meudon near Paris

    def _doc_countries(self, cands: Iterable[Cand]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for c in cands:
            if len(c.kb_ids) == 1:
                e = self.kb.entries[c.kb_ids[0]]
                if e.country:
                    counts[e.country] += 1
            elif c.country:
                counts[c.country] += 1
        return counts

    def choose(self, c: Cand, day: date | None, countries: Counter[str]) -> str:
        ids = c.kb_ids
        if len(ids) == 1:
            return ids[0]
        top = countries.most_common(3)
        top_countries = {k for k, _ in top}
        text_roles = [r for r in c.roles if not r.rank]
        best, best_score = ids[0], float("-inf")
        for rank, entry_id in enumerate(ids):
            e = self.kb.entries[entry_id]
            score = -rank * 0.01 + e.prominence / 100.0
            if c.type and e.type == c.type:
                score += 0.5
            if e.country and e.country in top_countries:
                score += 1.0 + (0.5 if top and e.country == top[0][0] else 0.0)
            held = e.roles_on(day)
            if held:
                score += 0.5
            if text_roles and e.roles:
                for r in text_roles:
                    words = _words(r.title)
                    if any(len(words & _words(kr.title)) >= 1 for kr in held):
                        score += 3.0
                        break
            if score > best_score:
                best, best_score = entry_id, score
        return best

    # -- names found by rules and the model ------------------------------------------------------
    def find(self, c: Cand, countries: Counter[str] | None = None) -> str | None:
        """The entry a name found by a rule or the recognizer carries. A name that is weak in
        the knowledge base («وزارة المالية»: some state's ministry) links only when the entry's
        country is among the document's."""
        index = self.kb.alias_index
        weak = self.kb.weak_keys
        if c.name:
            for key in self._keys(c.name):
                ids = index.get(key)
                if ids and key in weak:
                    ids = tuple(i for i in ids if countries and self.kb.entries[i].country in countries)
                if ids:
                    return ids[0]
        if c.head and c.country and c.country in self.states and self._only_the_state(c, self.states[c.country]):
            state = self.states[c.country]
            head = c.head
            for variant in self._state_variants(head, state):
                ids = index.get(variant)
                if ids:
                    return ids[0]
        return None

    def find_person(self, c: Cand, countries: Counter[str]) -> str | None:
        """A person's name a rule or the recognizer found, spelled otherwise than the knowledge
        base writes it («دونالد ترمب»), or a given name alone («الرئيس بشار»): the given name
        needs a title the bearer held (any time) or the bearer's country among the document's."""
        if self.variants is None or not c.name:
            return None
        found = self.variants.link_name(c.name)
        if found is None:
            return None
        e = self.kb.entries[found]
        if len(alias_key(c.name).split(" ")) > 1 or found != self.variants.given_name(alias_key(c.name)):
            return found
        top = {k for k, _ in countries.most_common(3)}
        if e.country in top:
            return found
        for r in c.roles:
            words = _words(r.title)
            if any(words & _words(kr.title) for kr in e.roles):
                return found
        return None

    def _keys(self, name: str) -> list[str]:
        key = alias_key(name)
        if self.spellings is None:
            return [key]
        words = [self.spellings(w) for w in key.split(" ")]
        if all(len(w) == 1 for w in words):
            return [key]
        out = [key]
        for combo in product(*words):
            out.append(" ".join(combo))
            if len(out) > 8:
                break
        return out

    @staticmethod
    def _only_the_state(c: Cand, state: KBEntry) -> bool:
        """The organization's complement is its state and nothing else («الجيش الباكستاني»,
        «حكومة باكستان»; not «إدارة معلومات الطاقة الأمريكية»)."""
        allowed = _words(" ".join((*state.adjectives, *state.all_names())))
        return bool(c.complement) and all(
            (p[2:] if p.startswith("ال") and len(p) > 4 else p) in allowed for p in c.complement
        )

    def _state_variants(self, head: str, state: KBEntry) -> list[str]:
        """«جيش باكستان», «الجيش الباكستاني», «جيش الباكستان»: how an organization of a state is named."""
        out = []
        words = head.split(" ")
        definite = " ".join("ال" + w for w in words)
        for adj in state.adjectives:
            out.append(f"{definite} ال{alias_key(adj)}")
        if len(words) == 1:
            for name in state.all_names():
                out.append(f"{words[0]} {alias_key(name)}")
        return out

    def state_of(self, country: str | None) -> KBEntry | None:
        return self.states.get(country) if country else None


def _compatible(kb_type: str, found: str) -> bool:
    return {kb_type, found} <= {"GPE", "LOC"}
