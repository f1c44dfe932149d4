"""The ``indicators`` stage: what an analysis says to watch, and the possibilities it weighs.

Indicators open with a watch phrase («ما ينبغي مراقبته هو ما إذا كانت …», «متابعة ما إذا …»,
«مراقبة احتمال …», «يبقى السؤال …», a modal with a watch noun: «من المهم مراقبة …», «ينبغي رصد
…»); a list goes on with item phrases («، وما إذا …», «فضلا عن مراقبة …», «ومدى …»). Each item
runs to the next item phrase or the end of the sentence; its evidence is the item without the
words that only introduce it («هو ما إذا كانت»; «في الأسابيع المقبلة هو» up to a copula). The
questions listed after a question noun and a colon («وتظل عدة أسئلة معلقة: هل …؟ وهل …؟») are
indicators too. For each indicator the stage records the actors named in it, the place, and the
CAMEO code of the first event trigger, so that it can become a watch rule.

Hypotheses are the alternatives of a question that weighs them («هل نحن أمام X؟ أم Y؟»: X and
Y, when there are at least two), the clauses after a possibility phrase («من غير المستبعد أن
X», «السيناريو الأول أن X، أما الثاني فهو Y», «إما X، وإما Y»), and the items of a list of
options after a colon («أمام السلطة ثلاثة خيارات: الأول …، والثاني …»).

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
_CLAUSE = frozenset(".!?؟:؛;،,\n")


@dataclass(frozen=True)
class AnalysisCues:
    watch: PhraseSet
    items: PhraseSet
    skip: frozenset[str]
    question: frozenset[str]
    openers: PhraseSet
    alternatives: PhraseSet
    possibility: PhraseSet
    copulas: frozenset[str]
    question_nouns: PhraseSet
    possibility_next: PhraseSet
    either_next: PhraseSet
    either: frozenset[str]
    option_nouns: frozenset[str]
    ordinals: frozenset[str]
    hypothesis_skip: PhraseSet


@cache
def analysis_cues() -> AnalysisCues:
    d = load_yaml("analysis_cues.yaml")
    watch = list(d["watch"]) + [f"{m} {n}" for m in d["watch_modals"] for n in d["watch_nouns"]]
    return AnalysisCues(
        watch=PhraseSet.of(watch),
        items=PhraseSet.of(d["watch_items"]),
        skip=word_set(d["watch_skip"]),
        question=word_set(d["question"]),
        openers=PhraseSet.of(d["question_openers"]),
        alternatives=PhraseSet.of(d["alternatives"]),
        possibility=PhraseSet.of(d["possibility"]),
        copulas=word_set(d["copulas"]),
        question_nouns=PhraseSet.of(d["question_nouns"]),
        possibility_next=PhraseSet.of(d["possibility_next"]),
        either_next=PhraseSet.of(d["either_next"]),
        either=word_set(["إما", "وإما"]),
        option_nouns=word_set(d["option_nouns"]),
        ordinals=word_set(d["ordinals"]),
        hypothesis_skip=PhraseSet.of(d["hypothesis_skip"]),
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
                if n == 0:
                    s = self._after_copula(ctx, s, e)
                ind = self._indicator(ctx, s, e)
                if ind is not None:
                    out.append(ind)
        out.extend(self._open_questions(ctx))
        out.sort(key=lambda i: i.evidence.start)
        return out

    def _after_copula(self, ctx: DocContext, s: int, e: int) -> int:
        """«ما يجب متابعته في الأسابيع المقبلة هو موقف …»: the item starts after the copula
        when one comes within a few words, before any comma."""
        for u in range(s, min(e, s + 7)):
            if ctx.keys[u] in _TRIM:
                break
            if ctx.is_arabic(u) and ctx.isin(u, self.cues.copulas):
                return u + 1
        return s

    def _open_questions(self, ctx: DocContext) -> list[Indicator]:
        """«وتظل عدة أسئلة معلقة: هل ستصمد الهدنة؟ وهل …؟»: each question is a thing to watch."""
        c = self.cues
        out: list[Indicator] = []
        n_tok = len(ctx.keys)
        done = -1
        for t in range(n_tok):
            if t <= done or not ctx.is_arabic(t) or not c.question_nouns.match(ctx, t):
                continue
            colon = next((u for u in range(t + 1, min(n_tok, t + 6)) if ctx.keys[u] == ":"), None)
            if colon is None:
                continue
            u = colon + 1
            while u < n_tok and ctx.is_arabic(u) and ctx.isin(u, c.question):
                end = u + 1
                while end < n_tok and ctx.keys[end] not in ("؟", "?", ".", "!"):
                    end += 1
                ind = self._indicator(ctx, u + 1, end)
                if ind is not None:
                    out.append(ind)
                done = end
                if end >= n_tok or ctx.keys[end] not in ("؟", "?"):
                    break
                u = end + 1
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
            if n and any(f in c.either for f in ctx.forms(t)) and not (
                _hamza_below(ctx, t) and (t == 0 or ctx.keys[t - 1] in _CLAUSE or ctx.keys[t][:1] in ("ف", "و"))
            ):
                n = 0  # «أما» (as for), not «إما» (either); «إما … أو» inside a clause lists facts
            if n:
                s = t + n
                e = s
                while e < n_tok and ctx.keys[e] not in _END:
                    e += 1
                either = any(f in c.either for f in ctx.forms(t))
                for a, b in self._split(ctx, s, e, c.either_next if either else c.possibility_next, either):
                    out.append(Hypothesis(ctx.doc.text[ctx.span(a, b).start : ctx.span(a, b).end], ctx.span(a, b)))
                t = e
                continue
            if ctx.is_arabic(t) and ctx.isin(t, c.option_nouns):
                found, t = self._options(ctx, t)
                out.extend(found)
                continue
            t += 1
        return out

    def _split(self, ctx: DocContext, s: int, e: int, nxt: PhraseSet, either: bool = False) -> list[tuple[int, int]]:
        """The possibilities of [s, e), split at the phrases that open the next one, each
        without the words that only introduce it (``either``: «وإما» must be written with «إ»)."""
        parts: list[tuple[int, int]] = []
        u = s
        while u < e:
            m = nxt.match(ctx, u) if ctx.is_arabic(u) else 0
            if m and either and ctx.isin(u, self.cues.either) and not _hamza_below(ctx, u):
                m = 0
            if m and u > s:
                parts.append((s, u))
                s = u + m
                u = s
                continue
            u += 1
        parts.append((s, e))
        out = []
        for a, b in parts:
            a, b = _trim(ctx, a, b)
            while a < b and ctx.is_arabic(a) and (m := self.cues.hypothesis_skip.match(ctx, a)):
                a += m
            a, b = _trim(ctx, a, b)
            if b - a >= 2:
                out.append((a, b))
        return out

    def _options(self, ctx: DocContext, t: int) -> tuple[list[Hypothesis], int]:
        """«ثلاثة خيارات: الأول هو X، والثاني هو Y»: each option after the colon."""
        c = self.cues
        n_tok = len(ctx.keys)
        colon = next((u for u in range(t + 1, min(n_tok, t + 5)) if ctx.keys[u] == ":"), None)
        if colon is None:
            return [], t + 1
        e = colon + 1
        while e < n_tok and ctx.keys[e] not in _END:
            e += 1
        starts = [
            u for u in range(colon + 1, e)
            if ctx.is_arabic(u) and ctx.isin(u, c.ordinals) and (not ctx.isin(u, c.either) or _hamza_below(ctx, u))
        ]
        if len(starts) < 2:
            return [], e
        out: list[Hypothesis] = []
        for k, u in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else e
            for a, b in self._split(ctx, u + 1, end, PhraseSet.of([])):
                span = ctx.span(a, b)
                out.append(Hypothesis(ctx.doc.text[span.start : span.end], span))
        return out, e

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


def _hamza_below(ctx: DocContext, t: int) -> bool:
    """Token t is written with «إ» («إما», «وإما»), which normalization folds into «ا»."""
    return "إ" in ctx.doc.text[ctx.starts[t] : ctx.ends[t]]


def _trim(ctx: DocContext, s: int, e: int) -> tuple[int, int]:
    while e > s and ctx.keys[e - 1] in _TRIM:
        e -= 1
    while s < e and ctx.keys[s] in _TRIM:
        s += 1
    return s, e


def _span(ctx: DocContext, s: int, e: int) -> Span:
    return ctx.span(s, e)
