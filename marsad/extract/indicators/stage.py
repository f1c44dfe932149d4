"""The ``indicators`` stage: what an analysis says to watch, and the possibilities it weighs.

Indicators open with a watch phrase («ما ينبغي مراقبته هو ما إذا كانت …», «متابعة ما إذا …»,
«مراقبة احتمال …», «يبقى السؤال …»); a list goes on with item phrases («، وما إذا …», «فضلا
عن مراقبة …»). Each item runs to the next item phrase or the end of the sentence; its evidence
is the item without the words that only introduce it («هو ما إذا كانت»). For each indicator the
stage records the actors named in it, the place, and the CAMEO code of the first event trigger,
so that it can become a watch rule.

Hypotheses are the alternatives of a question that weighs them («هل نحن أمام X؟ أم Y؟»: X and
Y, when there are at least two), and clauses after a possibility phrase («من غير المستبعد أن
X», «السيناريو الأول …»).

The cue phrases are data: marsad/lang/ar/analysis_cues.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.doc import Document, Hypothesis, Indicator
from marsad.extract.events.context import ACTOR_TYPES, PLACE_TYPES, DocContext, PhraseSet, word_set
from marsad.extract.events.lexicon import trigger_lexicon
from marsad.extract.events.phrases import build_phrases, role_words
from marsad.lang import load_yaml
from marsad.pipeline import stage
from marsad.text.sentences import Span

_END = frozenset(".!?؟؛;")
_TRIM = frozenset("،,:؛;.!?؟")


@dataclass(frozen=True)
class AnalysisCues:
    watch: PhraseSet
    items: PhraseSet
    skip: frozenset[str]
    question: frozenset[str]
    openers: PhraseSet
    alternatives: PhraseSet
    possibility: PhraseSet


@cache
def analysis_cues() -> AnalysisCues:
    d = load_yaml("analysis_cues.yaml")
    return AnalysisCues(
        watch=PhraseSet.of(d["watch"]),
        items=PhraseSet.of(d["watch_items"]),
        skip=word_set(d["watch_skip"]),
        question=word_set(d["question"]),
        openers=PhraseSet.of(d["question_openers"]),
        alternatives=PhraseSet.of(d["alternatives"]),
        possibility=PhraseSet.of(d["possibility"]),
    )


@stage("indicators", requires=("tokens", "sentences", "entities", "events"), provides=("indicators", "hypotheses"))
class IndicatorsStage:
    """Indicators to watch and hypotheses the text weighs, with evidence spans."""

    def __init__(self) -> None:
        self.cues = analysis_cues()
        self.lex = trigger_lexicon()

    def __call__(self, doc: Document) -> None:
        ctx = DocContext.of(doc)
        doc.indicators = self.indicators(ctx)
        doc.hypotheses = self.hypotheses(ctx)

    # -- indicators ----------------------------------------------------------------------------
    def indicators(self, ctx: DocContext) -> list[Indicator]:
        c = self.cues
        out: list[Indicator] = []
        for a, b in ctx.full_sent:
            t = a
            items: list[tuple[int, int]] = []  # (item start, cue start)
            while t < b:
                n = c.watch.match(ctx, t)
                if n:
                    items.append((t + n, t))
                    t += n
                    continue
                if items:
                    n = c.items.match(ctx, t)
                    if n:
                        items.append((t + n, t))
                        t += n
                        continue
                t += 1
            for n, (s, _cue) in enumerate(items):
                e = items[n + 1][1] if n + 1 < len(items) else b
                ind = self._indicator(ctx, s, e)
                if ind is not None:
                    out.append(ind)
        return out

    def _indicator(self, ctx: DocContext, s: int, e: int) -> Indicator | None:
        c = self.cues
        while s < e and (ctx.isin(s, c.skip) or ctx.keys[s] in _TRIM):
            s += 1
        stop = s
        while stop < e and ctx.keys[stop] not in _END:
            stop += 1
        e = stop
        while e > s and ctx.keys[e - 1] in _TRIM:
            e -= 1
        if e - s < 2:
            return None
        span = ctx.span(s, e)
        actors: list[str] = []
        location = None
        w = role_words()
        a, b = ctx.sentence_range(s)
        for p in build_phrases(ctx, min(a, s), max(b, e)):
            if not (s <= p.head.t0 < e):
                continue
            if p.head.type in PLACE_TYPES and (p.marker in w.place_preps or p.head.type != "GPE"):
                location = location or p.head.entity
                continue
            if p.actor and p.actor_type in ACTOR_TYPES and p.actor not in actors:
                actors.append(p.actor)
        code = None
        for t in range(s, e):
            m = self.lex.match(ctx, t)
            if m is not None:
                code = m.entry.code
                break
        return Indicator(ctx.doc.text[span.start : span.end], span, actors, code, location)

    # -- hypotheses ----------------------------------------------------------------------------
    def hypotheses(self, ctx: DocContext) -> list[Hypothesis]:
        c = self.cues
        out: list[Hypothesis] = []
        n_tok = len(ctx.keys)
        t = 0
        while t < n_tok:
            if ctx.is_arabic(t) and ctx.isin(t, c.question):
                alts, t = self._alternatives(ctx, t + 1)
                if len(alts) >= 2:
                    for s, e in alts:
                        span = ctx.span(s, e)
                        out.append(Hypothesis(ctx.doc.text[span.start : span.end], span))
                continue
            n = c.possibility.match(ctx, t) if ctx.is_arabic(t) else 0
            if n:
                s = t + n
                e = s
                while e < n_tok and ctx.keys[e] not in _END:
                    e += 1
                e2 = e
                while e2 > s and ctx.keys[e2 - 1] in _TRIM:
                    e2 -= 1
                if e2 - s >= 2:
                    span = ctx.span(s, e2)
                    out.append(Hypothesis(ctx.doc.text[span.start : span.end], span))
                t = e
                continue
            t += 1
        return out

    def _alternatives(self, ctx: DocContext, t: int) -> tuple[list[tuple[int, int]], int]:
        """The alternatives of a question starting after «هل»; returns them and where it ends."""
        c = self.cues
        n_tok = len(ctx.keys)
        n = c.openers.match(ctx, t) if t < n_tok else 0
        s = t + n
        alts: list[tuple[int, int]] = []
        u = s
        while u < n_tok:
            k = ctx.keys[u]
            m = c.alternatives.match(ctx, u) if ctx.is_arabic(u) else 0
            if m:
                if u > s:
                    alts.append(_trim(ctx, s, u))
                s = u + m
                u = s
                continue
            if k in ("؟", "?"):
                if u > s:
                    alts.append(_trim(ctx, s, u))
                nxt = u + 1
                if nxt < n_tok and ctx.is_arabic(nxt) and c.alternatives.match(ctx, nxt):
                    m = c.alternatives.match(ctx, nxt)
                    s = nxt + m
                    u = s
                    continue
                return [x for x in alts if x[1] - x[0] >= 2], u + 1
            if k in (".", "!", "؛") or (k == "\n"):
                break
            u += 1
        if u > s:
            alts.append(_trim(ctx, s, u))
        return [x for x in alts if x[1] - x[0] >= 2], u


def _trim(ctx: DocContext, s: int, e: int) -> tuple[int, int]:
    while e > s and ctx.keys[e - 1] in _TRIM:
        e -= 1
    while s < e and ctx.keys[s] in _TRIM:
        s += 1
    return s, e


def _span(ctx: DocContext, s: int, e: int) -> Span:
    return ctx.span(s, e)
