"""Common nouns that name an entity met before: «الوكالة», «الصحفي الليبي», «رئيس الجمهورية».

For every entity the index keeps the nouns of the phrase written just before its mentions
(«وكالة الأنباء الإيطالية “…”», «الصحفي الليبي المتخصص …، فلان», «المتحدث باسم الأمم المتحدة
فلان»), the words of its own name («حركة الشعب» → «الحركة») and the words of its role titles. A
later noun phrase resolves to the most recent entity named after the same noun; a second noun
that also matches («رئيس الجمهورية») counts more; a noun for a body («الوزارة», a word ending
in ة) prefers an organization, any other a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.extract.events.context import QUOTE_MARKS, DocContext, key, word_set
from marsad.extract.events.phrases import role_words
from marsad.lang import load_yaml

_STOP_PUNCT = frozenset(".!?؟")


def core(k: str) -> str:
    """A key without its article (when what remains is a word)."""
    if k.startswith("ال") and len(k) > 4:
        return k[2:]
    return k


@dataclass
class NominalIndex:
    heads: dict[str, set[str]] = field(default_factory=dict)
    seen: list[tuple[int, str]] = field(default_factory=list)  # (token, entity) in text order
    institutions: frozenset[str] = frozenset()

    @classmethod
    def of(cls, ctx: DocContext, is_verb: Callable[[int], bool]) -> NominalIndex:
        w = role_words()
        idx = cls(institutions=frozenset(core(k) for k in word_set(load_yaml("quote_cues.yaml")["institutions"])))
        for m in ctx.mentions:
            if m.nested:
                continue
            got = idx.heads.setdefault(m.entity, set())
            k = m.t0 - 1
            lo = ctx.sentence_range(m.t0)[0]
            steps = 0
            while k >= lo and steps < 6:
                kk = ctx.keys[k]
                other = ctx.mention_at.get(k)
                if other is not None and m.type == "PERSON" and other.type != "PERSON" and steps < 4:
                    k = other.t0 - 1  # the title before a body in a person's title phrase
                    steps += 1
                    continue
                if other is not None or kk in _STOP_PUNCT:
                    break
                if ctx.is_arabic(k):
                    b = ctx.base(k)
                    if is_verb(k) or b in w.stops or b in w.light_verbs:
                        break
                    if b not in w.preps:
                        for _, f in ctx.readings(k):
                            got.add(core(f))
                    steps += 1
                elif kk in QUOTE_MARKS:
                    if k != m.t0 - 1:
                        break
                elif kk not in ("،", ",", "(", ")"):
                    break
                k -= 1
            for t in range(m.t0, m.t1):
                if ctx.is_arabic(t):
                    got.add(core(ctx.base(t)))
            idx.seen.append((m.t0, m.entity))
        for e in ctx.entities.values():
            for r in e.roles:
                for word in r.title.split():
                    idx.heads.setdefault(e.id, set()).add(core(key(word)))
        return idx

    def resolve(self, ctx: DocContext, t: int, *, actors_only: bool = True) -> str | None:
        """The entity the noun phrase starting at token t names, or None («مجلس الهيئة»: the
        genitive names it when the head noun does not)."""
        found = self._resolve(ctx, t, actors_only)
        if found is None and t + 1 < len(ctx.keys) and ctx.keys[t + 1].startswith("ال") and t + 1 not in ctx.mention_at:
            found = self._resolve(ctx, t + 1, actors_only)
        return found

    def _resolve(self, ctx: DocContext, t: int, actors_only: bool) -> str | None:
        if not ctx.is_arabic(t):
            return None
        wants = {core(ctx.keys[t]), core(ctx.base(t))}
        wants = {w for w in wants if len(w) >= 3}
        if not wants:
            return None
        nxt = core(ctx.base(t + 1)) if t + 1 < len(ctx.keys) and ctx.is_arabic(t + 1) else ""
        body = bool(wants & self.institutions) or ctx.keys[t].endswith("ه")
        best = None
        best_score = 0.0
        for tok, ent in self.seen:
            if tok >= t:
                break
            heads = self.heads.get(ent, set())
            if not wants & heads:
                continue
            e = ctx.entities.get(ent)
            if e is None or (actors_only and e.type not in ("PERSON", "ORG", "GPE")):
                continue
            person = e.type == "PERSON"
            score = 1 + (nxt in heads if nxt else 0) + (0.5 if person != body else 0.0)
            if score >= best_score:
                best, best_score = ent, score
        return best
