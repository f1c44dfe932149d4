"""One entity per real-world actor: grouping mentions, short forms and references back.

In order:

1. mentions linked to the same knowledge-base entry form one group; unlinked ones group by
   type and name key;
2. a person's short form joins the full name it is part of: «حفتر» → «خليفة حفتر», «شهباز
   شريف» → «محمد شهباز شريف»; when two full names share it, the best-known bearer (knowledge-
   base prominence, then the most mentioned, then the first) takes it;
3. an organization's short form joins the one fuller name with the same head whose
   complement contains its own: «قوات الشرق» → «قوات شرق ليبيا»;
4. a name a rule or the model found once is a mention wherever else the article repeats it
   («بمدينة روالبندي» … «روالبندي»), when it cannot be a common word;
5. a family name met alone later (or earlier: a headline) becomes a mention of the person:
   «وأوضح إسماعيل» → عماد إسماعيل, «لحفتر» → خليفة حفتر (method ``coref``);
6. «نجل حفتر» / «شقيق …» refers to the one other person of that family the article names;
7. a definite outlet head alone («الوكالة», «الصحيفة») refers to the outlet of that kind named
   before it, and a rank alone («الجنرال») to the person given that rank before (in the text
   or in the knowledge base), when exactly one such entity came before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.extract.entities.candidates import Cand
from marsad.extract.entities.lexicon import (
    CONJUNCTIONS,
    PREPOSITIONS,
    PhraseTrie,
    mention_strip,
    only_clitics,
)
from marsad.extract.entities.view import DocView
from marsad.kb import KnowledgeBase
from marsad.kb import alias_key as _alias_key

_CLITICS = CONJUNCTIONS | PREPOSITIONS
alias_key = lru_cache(maxsize=100_000)(_alias_key)
#: a recognizer's name this sure lends its family name to later mentions
_SURE_MODEL = 0.8
#: how far back (characters) a reference like «الوكالة» may look for its outlet
_ANAPHOR_WINDOW = 2500


@dataclass(eq=False)
class Group:
    cands: list[Cand] = field(default_factory=list)
    type: str = ""
    link: str | None = None
    key: str = ""

    @property
    def first(self) -> int:
        return min(c.start for c in self.cands)

    def name_tokens(self) -> list[list[str]]:
        return [alias_key(c.name or "").split(" ") for c in self.cands if c.name]


def _group_key(c: Cand) -> str:
    if c.link:
        return "kb:" + c.link
    return c.type + ":" + alias_key(c.name or "")


class Coref:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def resolve(self, v: DocView, cands: list[Cand], ranks: Sequence[tuple[int, int, int]] = ()) -> list[Group]:
        """Group the chosen candidates into entities (see the module docstring). ``ranks`` are
        the ``(first, end, strip)`` tokens of ranks and honorifics the rules found («الجنرال»)."""
        for c in cands:
            if not c.name:
                c.name = v.clean_text(c.i, c.j, c.strip)
            if c.type == "ORG" and c.head is None:
                c.head = v.content_key(c.i, c.strip)
                c.complement = tuple(v.content_key(t) for t in range(c.i + 1, c.j))
        groups: dict[str, Group] = {}
        for c in cands:
            key = _group_key(c)
            g = groups.get(key)
            if g is None:
                g = groups[key] = Group(type=c.type, link=c.link, key=key)
            g.cands.append(c)
        glist = list(groups.values())
        glist = self._same_as(glist)
        glist = self._person_short_forms(glist)
        glist = self._org_short_forms(glist)
        self._repeats(v, glist)
        self._family_names(v, glist)
        glist = self._given_names(v, glist)
        self._kinship(v, glist)
        self._anaphors(v, glist)
        self._rank_anaphors(v, glist, ranks)
        for g in glist:
            g.cands.sort(key=lambda c: c.start)
        glist.sort(key=lambda g: g.first)
        return glist

    # -- helpers --------------------------------------------------------------------------------
    def _names(self, g: Group) -> list[list[str]]:
        names = g.name_tokens()
        if g.link:
            e = self.kb.entries[g.link]
            names.extend(alias_key(n).split(" ") for n in (e.name, *e.aliases))
        return [n for n in names if n and n[0]]

    def _prominence(self, g: Group) -> tuple[int, int, int]:
        p = self.kb.entries[g.link].prominence if g.link else 0
        return (p, len(g.cands), -g.first)

    @staticmethod
    def _merge(into: Group, g: Group) -> None:
        into.cands.extend(g.cands)
        for c in g.cands:
            c.link = into.link if into.link else c.link

    def _same_as(self, groups: list[Group]) -> list[Group]:
        """Names a rule found to be another name of an entity («… (إسكوا)») join it."""
        where = {id(c): g for g in groups for c in g.cands}
        removed: set[int] = set()
        for g in list(groups):
            for c in list(g.cands):
                if c.same_as is None or id(g) in removed:
                    continue
                target = where.get(id(c.same_as))
                if target is None or target is g:
                    continue
                if g.link and target.link and g.link != target.link:
                    continue
                if g.link and not target.link:
                    g, target = target, g
                self._merge(target, g)
                for x in g.cands:
                    where[id(x)] = target
                removed.add(id(g))
        return [g for g in groups if id(g) not in removed]

    # -- 2. people -----------------------------------------------------------------------------
    def _person_short_forms(self, groups: list[Group]) -> list[Group]:
        people = [g for g in groups if g.type == "PERSON"]
        full = [(g, self._names(g)) for g in people]
        removed: set[int] = set()
        for g in people:
            if g.link:
                continue
            mine = self._names(g)
            if not mine:
                continue
            short = max(mine, key=len)
            options = [
                h for h, names in full
                if h is not g and id(h) not in removed and any(_part_of(short, n) for n in names)
            ]
            if not options:
                # «نوري علي أبو سهمين»: a fuller name of a known person, with a middle name
                options = [
                    h for h, names in full
                    if h is not g and h.link and id(h) not in removed
                    and any(len(n) >= 2 and n[0] == short[0] and _part_of(n, short) for n in names)
                ]  # the same given name: «عبد العزيز بن علي» is not «(زين العابدين) بن علي»
            if not options:
                continue
            best = max(options, key=self._prominence)
            self._merge(best, g)
            removed.add(id(g))
        return [g for g in groups if id(g) not in removed]

    # -- 3. organizations ----------------------------------------------------------------------
    def _org_short_forms(self, groups: list[Group]) -> list[Group]:
        orgs = [g for g in groups if g.type == "ORG"]
        removed: set[int] = set()
        for g in orgs:
            if g.link:
                continue
            heads = {(c.head, frozenset(c.complement)) for c in g.cands if c.head and c.complement}
            if not heads:
                continue
            options = []
            for h in orgs:
                if h is g or id(h) in removed:
                    continue
                theirs = {(c.head, frozenset(c.complement)) for c in h.cands if c.head and c.complement}
                if any(a == b and ca < cb for a, ca in heads for b, cb in theirs):
                    options.append(h)
            if len(options) == 1:
                self._merge(options[0], g)
                removed.add(id(g))
        return [g for g in groups if id(g) not in removed]

    # -- 4. names found once, met again ------------------------------------------------------------
    def _repeats(self, v: DocView, groups: list[Group]) -> None:
        """A name a rule or the model found («مدينة روالبندي» → روالبندي) is a mention wherever
        else it appears in the article, when it cannot be a common word: several words, or one
        word without the article that no list knows."""
        trie: PhraseTrie[Group] = PhraseTrie()
        for g in groups:
            if g.link:
                continue
            for c in g.cands:
                if c.method not in ("rule", "model"):
                    continue
                keys = [v.keys[c.i][c.strip :], *v.keys[c.i + 1 : c.j]]
                if len(keys) == 1:
                    w = v.word(c.i)
                    k = keys[0]
                    if (
                        len(k) < 4 or k.startswith("ال") or w.stop or w.given >= 0 or w.adjective
                        or (not v.is_arabic(c.i) and not v.is_latin(c.i))
                    ):
                        continue
                trie.add(keys, g)
        if not len(trie):
            return
        covered = self._covered(v, groups)
        root = trie.root
        t = 0
        while t < v.n:
            if covered[t] or not (v.is_arabic(t) or v.is_latin(t)):
                t += 1
                continue
            readings = v.readings(t)
            if not any(f in root for _s, f in readings):
                t += 1
                continue
            m = None
            for end, strip, g in trie.matches(v.keys, readings, t):
                if only_clitics(v.keys[t], strip, _CLITICS) and not any(covered[x] for x in range(t, end)):
                    m = (end, strip, g)
                    break
            if m is None:
                t += 1
                continue
            end, strip, g = m
            strip = mention_strip(v.keys[t], strip)
            c = Cand(t, end, strip, g.type, "coref", "repeat", name=v.clean_text(t, end, strip))
            v.finalize(c)
            g.cands.append(c)
            for x in range(t, end):
                covered[x] = True
            t = end

    @staticmethod
    def _covered(v: DocView, groups: list[Group]) -> list[bool]:
        covered = [False] * v.n
        for g in groups:
            for c in g.cands:
                for t in range(c.i, c.j):
                    covered[t] = True
        return covered

    # -- 5. family names met alone ---------------------------------------------------------------
    def _family_names(self, v: DocView, groups: list[Group]) -> None:
        bearers: dict[str, list[Group]] = defaultdict(list)
        for g in groups:
            if g.type != "PERSON":
                continue
            if not g.link and all(c.method == "model" and c.score < _SURE_MODEL for c in g.cands):
                continue  # a name only the recognizer read, without confidence: not repeated
            seen: set[str] = set()
            for name in self._names(g):
                if len(name) < 2:
                    continue
                last = name[-1]
                if len(last) >= 3 and last not in seen:
                    seen.add(last)
                    bearers[last].append(g)
        if not bearers:
            return
        covered = self._covered(v, groups)
        for t in range(v.n):
            if covered[t] or not v.is_arabic(t):
                continue
            key = v.keys[t]
            found = None
            for strip, form in v.readings(t):
                if form in bearers and only_clitics(key, strip, _CLITICS):
                    found = (strip, form)
                    break
            if found is None:
                continue
            strip, form = found
            w = v.word(t)
            if w.stop or w.adjective or w.report_verb:
                continue
            if form.startswith("ال") and v.is_arabic(t + 1) and v.word(t + 1).definite and not v.word(t + 1).conj:
                continue  # «الصيد البحري»: a noun with its adjective, not the family name («الشورابي والقطاري» is)
            owners = bearers[form]
            best = max(owners, key=self._prominence)
            if strip == 0 and t > 0 and v.is_arabic(t - 1):
                pw = v.word(t - 1)
                firsts = {n[0] for n in self._names(best) if len(n) >= 2}
                prep = v.keys[t - 1][:1] in "بلك" and len(v.readings(t - 1)) > 1  # «باسم» = ب + اسم
                if pw.given >= 0 and not pw.stop and not prep and v.keys[t - 1][pw.given :] not in firsts:
                    continue  # «جمال مبارك»: another person of that family
            c = Cand(t, t + 1, strip, "PERSON", "coref", "family_name", name=v.clean_text(t, t + 1, strip))
            v.finalize(c)
            c.link = best.link
            best.cands.append(c)
            covered[t] = True

    # -- 5b. a given name met alone («أستاذ جوني،», «في ملف نوران،») ------------------------------
    def _given_names(self, v: DocView, groups: list[Group]) -> list[Group]:
        """A given name alone, before a break (punctuation, a function word, a reporting verb),
        is the one person of the article named by it before (an interview's «أستاذ جوني،», a
        hostage's first name). Given names that are also common words, and names two people of
        the article share, are left alone."""
        bearers: dict[str, list[Group]] = defaultdict(list)
        for g in groups:
            if g.type != "PERSON" or all(c.method == "model" and c.score < _SURE_MODEL for c in g.cands):
                continue
            for first in {c_names[0] for c_names in g.name_tokens() if len(c_names) >= 2}:
                bearers[first].append(g)
        if not bearers:
            return groups
        merged: set[int] = set()
        for g in groups:  # «أستاذ جوني»: a rule found the given name alone after a title
            if g.type != "PERSON" or g.link or not g.cands or any(c.j - c.i != 1 for c in g.cands):
                continue
            c0 = min(g.cands, key=lambda c: c.start)
            w = v.word(c0.i) if v.is_arabic(c0.i) else None
            if w is None or w.given < 0 or w.common_name:
                continue
            owners = [o for o in bearers.get(v.keys[c0.i][w.given :], []) if o is not g]
            if len(owners) == 1 and owners[0].first < c0.start:
                self._merge(owners[0], g)
                merged.add(id(g))
        groups = [g for g in groups if id(g) not in merged]
        covered = self._covered(v, groups)
        for t in range(v.n):
            if covered[t] or not v.is_arabic(t):
                continue
            w = v.word(t)
            if w.given < 0 or w.common_name or w.stop:
                continue
            form = v.keys[t][w.given :]
            bearing = bearers.get(form, [])
            if len(bearing) != 1 or bearing[0].first > v.tokens.starts[t]:
                continue
            nxt = t + 1
            if nxt < v.n and not (
                v.is_punct(nxt) or (v.is_arabic(nxt) and (v.word(nxt).stop or v.word(nxt).report_verb))
            ):
                continue  # «جوني منير», «نوران الجديدة»: more words follow, another name may start
            g = bearing[0]
            c = Cand(t, t + 1, w.given, "PERSON", "coref", "given_name", name=v.clean_text(t, t + 1, w.given))
            v.finalize(c)
            c.link = g.link
            g.cands.append(c)
            covered[t] = True
        return groups

    # -- 6. «نجل حفتر» -----------------------------------------------------------------------------
    def _kinship(self, v: DocView, groups: list[Group]) -> None:
        people = [g for g in groups if g.type == "PERSON"]
        for g in people:
            for c in list(g.cands):
                k = c.i - 1
                if k < 0 or c.strip or not v.is_arabic(k) or not v.word(k).kinship:
                    continue
                family = {n[-1] for n in self._names(g) if n}
                others = [
                    h for h in people
                    if h is not g and any(n and n[-1] in family and len(n) >= 2 for n in self._names(h))
                ]
                if len(others) != 1:
                    continue
                target = others[0]
                g.cands.remove(c)
                kin_strip = _strip_for(v, k, v.lex.kinship)
                new = Cand(k, c.j, kin_strip, "PERSON", "coref", "kinship", name=v.clean_text(k, c.j, kin_strip))
                v.finalize(new)
                new.link = target.link
                target.cands.append(new)
        groups[:] = [g for g in groups if g.cands]

    # -- 7. «الوكالة», «الجنرال» ---------------------------------------------------------------------
    def _anaphors(self, v: DocView, groups: list[Group]) -> None:
        covered = self._covered(v, groups)
        orgs = [g for g in groups if g.type == "ORG"]
        for t in range(v.n):
            if covered[t] or not v.is_arabic(t):
                continue
            w = v.word(t)
            if not w.anaphor:
                continue
            nxt = t + 1
            if nxt < v.n and (v.is_quote(nxt) or v.is_latin(nxt) or (v.is_arabic(nxt) and (
                v.word(nxt).definite or v.word(nxt).adjective
            ))):
                continue  # «الوكالة الوطنية …» names an agency itself
            strip = _strip_for(v, t, v.lex.anaphors)
            start = v.start(t, strip)
            before = []
            for g in orgs:
                subtype = self._subtype(g)
                if subtype not in w.anaphor:
                    continue
                last = max((c.end for c in g.cands if c.end <= start), default=-1)
                if last >= 0 and start - last <= _ANAPHOR_WINDOW:
                    before.append((last, g))
            if len({id(g) for _, g in before}) != 1:
                continue
            g = before[0][1]
            c = Cand(t, t + 1, strip, "ORG", "coref", "anaphor", name=v.clean_text(t, t + 1, strip))
            v.finalize(c)
            c.link = g.link
            g.cands.append(c)

    def _rank_anaphors(self, v: DocView, groups: list[Group], ranks: Sequence[tuple[int, int, int]]) -> None:
        """«وقال الجنرال إن …»: a rank alone refers to the one person given that rank before."""
        if not ranks:
            return
        covered = self._covered(v, groups)
        people = [g for g in groups if g.type == "PERSON"]
        for i, j, strip in ranks:
            if any(covered[t] for t in range(i, j)):
                continue
            nxt = j
            if nxt < v.n and (covered[nxt] or (v.is_arabic(nxt) and v.word(nxt).given >= 0)):
                continue  # a name follows: the rank is its title, not a reference
            start = v.start(i, strip)
            rank = alias_key(v.clean_text(i, j, strip))
            before = []
            for g in people:
                if not self._has_rank(g, rank):
                    continue
                last = max((c.end for c in g.cands if c.end <= start), default=-1)
                if last >= 0 and start - last <= _ANAPHOR_WINDOW:
                    before.append(g)
            if len(before) != 1:
                continue
            g = before[0]
            c = Cand(i, j, strip, "PERSON", "coref", "rank", name=v.clean_text(i, j, strip))
            v.finalize(c)
            c.link = g.link
            g.cands.append(c)
            for t in range(i, j):
                covered[t] = True

    def _has_rank(self, g: Group, rank: str) -> bool:
        for c in g.cands:
            if any(r.rank and alias_key(r.title) == rank for r in c.roles):
                return True
        if g.link:
            bare = rank[2:] if rank.startswith("ال") else rank
            return any(bare in alias_key(r.title) for r in self.kb.entries[g.link].roles)
        return False

    def _subtype(self, g: Group) -> str | None:
        if g.link:
            st = self.kb.entries[g.link].subtype
            if st:
                return "newspaper" if st in ("media",) else st
        for c in g.cands:
            if c.subtype:
                return c.subtype
        return None


def _strip_for(v: DocView, t: int, forms: Container[str]) -> int:
    """Proclitic letters (و ف ب ل ك) before the word at ``t`` whose reading is in ``forms``."""
    key = v.keys[t]
    for strip, form in v.readings(t):
        if form in forms and only_clitics(key, strip, _CLITICS):
            return mention_strip(key, strip)
    return 0


def _part_of(short: list[str], full: list[str]) -> bool:
    """A short name is part of a full one: its last word ends it and its words appear in it in
    order («حفتر» ⊂ «خليفة حفتر», «شهباز شريف» ⊂ «محمد شهباز شريف»)."""
    if len(short) >= len(full) or not short or short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(any(w == f for f in it) for w in short)
