"""Whether a reported event happened: asserted, negated, planned, hypothetical or denied.

The cues are data (marsad/lang/ar/event_modality.yaml); the rules are about where they stand
relative to the trigger:

* a negation right before a verb, across at most two auxiliaries («لم يلتق», «لم يتم توقيع»,
  «لم يجر اللقاء»), or right before a verbal noun («عدم توقيع»): negated;
* «ما» right before a past verb: negated;
* a denial verb earlier in the sentence that governs the trigger through «أن» or a verbal noun
  («نفى أن يكون وقع», «نفت حصول لقاء»): denied;
* a conditional or question particle, or a modal, earlier in the clause («ما إذا», «هل»,
  «يمكن أن»), «قد» before a present verb, or a present verb after the subjunctive «أن», «كي»:
  hypothetical;
* an event noun with the preposition «ل» («جاء لزيارة», «لتدميرها»): a purpose, hypothetical,
  except after a verb of undergoing («تعرض لاعتداء»);
* a planning cue earlier in the clause («من المقرر أن», «يعتزم»), the future prefix or «سوف»
  on the verb, or an adjective such as «المرتقبة» right after a verbal noun: planned.

Denied wins over negated, negated over hypothetical, hypothetical over planned.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.extract.events.context import DocContext, PhraseSet, word_set
from marsad.extract.events.lexicon import Match
from marsad.lang import load_yaml

ASSERTED = "asserted"
NEGATED = "negated"
PLANNED = "planned"
HYPOTHETICAL = "hypothetical"
DENIED = "denied"
MODES = (ASSERTED, NEGATED, PLANNED, HYPOTHETICAL, DENIED)

#: words after which «ما» is a relative pronoun («وهو ما نفته», «كل ما قاله»), not a negation
_BEFORE_RELATIVE_MA = word_set(["هو", "هي", "هذا", "ذلك", "كل", "على", "عن", "من", "في", "مع", "إلى", "حسب", "بحسب",
                                "وفق", "أن", "إن", "بعد", "قبل", "مثل", "عكس", "غير", "تم", "تماما"])
#: tokens that close a clause when looking back for a cue
_CLAUSE_MARKS = frozenset(".!?؟;؛:،,")
_FULL_STOPS = frozenset(".!?؟")


@dataclass(frozen=True)
class ModalityCues:
    negation: frozenset[str]
    negation_noun: frozenset[str]
    negation_past: frozenset[str]
    planned: PhraseSet
    planned_after: frozenset[str]
    hypothetical: PhraseSet
    may: frozenset[str]
    denied: frozenset[str]
    undergo: frozenset[str]
    auxiliaries: frozenset[str]
    subjunctive: frozenset[str]


@cache
def cues() -> ModalityCues:
    m = load_yaml("event_modality.yaml")
    roles = load_yaml("event_roles.yaml")
    return ModalityCues(
        negation=word_set(m["negation"]),
        negation_noun=word_set(m["negation_noun"]),
        negation_past=word_set(m["negation_past"]),
        planned=PhraseSet.of(m["planned"]),
        planned_after=word_set(m["planned_after"]),
        hypothetical=PhraseSet.of(m["hypothetical"]),
        may=word_set(m["may"]),
        denied=word_set(m["denied"]),
        undergo=word_set(m["undergo"]),
        auxiliaries=word_set(roles["auxiliaries"]),
        subjunctive=word_set(roles["subjunctive"]),
    )


def _plain(ctx: DocContext, i: int) -> str:
    """Token key without a leading و/ف."""
    return ctx.base(i)


def lam_prefix(prefix: str) -> bool:
    """The proclitics carry the preposition «ل» («لزيارة», «للهجوم»; not the article «ال»)."""
    if prefix.endswith("لل"):
        return True
    if prefix.endswith("ال"):
        prefix = prefix[:-2]
    return prefix.endswith("ل")


def undergone(ctx: DocContext, m: Match, sent_start: int) -> int | None:
    """The verb of undergoing that an event noun with «ل» completes («تعرض X لاعتداء»), at most
    six tokens before it in the clause, or None."""
    c = cues()
    for k in range(m.i - 1, max(sent_start, m.i - 7) - 1, -1):
        if ctx.keys[k] in _CLAUSE_MARKS:
            return None
        if _plain(ctx, k) in c.undergo:
            return k
    return None


def mode_of(ctx: DocContext, m: Match, sent_start: int) -> str:
    c = cues()
    i = m.i
    verb = m.form.pos == "verb"
    # -- denied: a denial verb earlier in the sentence (not the trigger itself)
    k = i - 1
    while k >= sent_start and i - k <= 14:
        if ctx.keys[k] in _FULL_STOPS:
            break
        if _plain(ctx, k) in c.denied and m.entry.code != "016":
            return DENIED
        k -= 1
    # -- negated: a negation right before (across auxiliaries)
    k = i - 1
    steps = 0
    while k >= sent_start and steps < 3:
        w = _plain(ctx, k)
        if verb and w in c.negation:
            return NEGATED
        if verb and m.form.tense == "past" and w in c.negation_past and steps == 0 and not (
            k - 1 >= sent_start and _plain(ctx, k - 1) in _BEFORE_RELATIVE_MA
        ):
            return NEGATED  # not «وهو ما نفته»: «ما» there is «what»
        if not verb and w in c.negation_noun and steps == 0:
            return NEGATED
        if not verb and w in c.negation and k < i - 1:  # «لم يتم توقيع», «لم يجر اللقاء»
            return NEGATED
        if w not in c.auxiliaries:
            break
        k -= 1
        steps += 1
    # -- the clause before the trigger (up to a clause mark, at most 8 tokens)
    lo = i
    while lo > sent_start and i - lo < 8 and ctx.keys[lo - 1] not in _CLAUSE_MARKS:
        lo -= 1
    hypothetical = False
    planned = False
    k = lo
    while k < i:
        n = c.hypothetical.match(ctx, k)
        if n:
            hypothetical = True
            k += n
            continue
        n = c.planned.match(ctx, k)
        if n:
            planned = True
            k += n
            continue
        k += 1
    prev = _plain(ctx, i - 1) if i - 1 >= sent_start else ""
    if verb and m.form.tense in ("present", "jussive"):
        if prev in c.may:
            hypothetical = True
        if prev in c.subjunctive or m.prefix.endswith("ل") or (
            i - 2 >= sent_start and _plain(ctx, i - 2) in c.subjunctive and prev in c.auxiliaries
        ):
            # «أن يزور», «كي يلتقي», «ليزور»: not a fact; a plan when a planning cue governs it
            if not planned:
                hypothetical = True
    if not verb and lam_prefix(m.prefix) and undergone(ctx, m, sent_start) is None:
        # «جاء لزيارة شقيقه», «مخطط لتدميرها»: a purpose, not a fact («تعرض لاعتداء» is one)
        hypothetical = True
    if hypothetical:
        return HYPOTHETICAL
    if m.future or planned:
        return PLANNED
    if not verb:
        j = m.i + m.n
        for k in range(j, min(j + 3, len(ctx.keys))):
            if ctx.keys[k] in c.planned_after or ctx.isin(k, c.planned_after):
                return PLANNED
    return ASSERTED
