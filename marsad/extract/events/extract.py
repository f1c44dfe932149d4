"""Event extraction: triggers, their arguments, modality, date and place; mentions merged.

For each sentence:

1. find the triggers (lexicon.py): the longest verb, verbal noun or fixed phrase at a token;
   a trigger right after a request, appeal, intent or refusal is composed with it
   («طالب بالإفراج عن» → 1053) and not kept on its own;
2. group the entity mentions into actor phrases (phrases.py) and give the trigger its
   arguments:
   * a verb: the bare phrase right after it is the subject (VSO), or the bare phrase right
     before it, across auxiliaries, when nothing follows (SVO); the next bare phrase is the
     object; a phrase after one of the trigger's prepositions («التقى ب», «مع») is the target;
     «بين X و Y» gives both sides; «من قبل X» makes X the agent of a passive; an object pronoun
     («استقبله») is resolved to the last actor that is not the subject;
   * a verbal noun: the bare phrase right after it is its agent (or patient, per the lexicon),
     a possessive pronoun («زيارته») likewise; without one, the subject of a light verb before
     it («عقد X اجتماعا») or the agent of the event noun before it in the same sentence
     («زيارة X … وتوقيع …»);
   * sides joined by «و» to the source or the target give one mention each (the second party of
     a symmetric act is its target); «الجانبان» takes up the two sides of the last such event;
     a circumstantial participle after a comma («، متهما X») is the clause subject's act on X;
   * the place: a GPE/LOC/FAC phrase after في/ب/إلى/داخل in the clause; the date: the nearest
     time expression of the sentence (not one that dates a citation or a statement), else the
     sentence before it in the same paragraph, else the publication date;
3. the mode (modality.py): asserted, negated, planned, hypothetical, denied.

Mentions of one event are merged: the same CAMEO root, no clash of dates, places or modes, and
actors that agree (one mention's actors among the other's, counting a person and the
organization he heads as one). Hypothetical mentions and mentions without a named source (except
for the codes whose lexicon entry allows it) are not events; they remain available to the
indicator stage through :func:`find_mentions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from marsad.doc import Document, Event
from marsad.extract.entities.api import adjective_countries
from marsad.extract.events import cameo
from marsad.extract.events.context import PLACE_TYPES, DocContext, TimeRef, key, word_set
from marsad.extract.events.lexicon import Form, Match, TriggerLexicon, trigger_lexicon
from marsad.extract.events.modality import ASSERTED, HYPOTHETICAL, PLANNED, lam_prefix, mode_of, undergone
from marsad.extract.events.nominal import NominalIndex
from marsad.extract.events.phrases import (
    AGENT,
    BARE,
    COORD,
    GROUP,
    HEAD,
    INVITE,
    ActorPhrase,
    build_phrases,
    family_member,
    role_words,
)
from marsad.lang import load_list, load_yaml
from marsad.text.sentences import Span

_FULL_STOPS = frozenset(".!?؟؛:")
_VAGUE_TIMES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_MAX_AFTER = 24
_MAX_BEFORE = 6
_MAX_DATE_AFTER = 12
_MAX_DATE_BEFORE = 10
ILA, MAA, FI, MIN, ALA, BAYN = (key(w) for w in ("إلى", "مع", "في", "من", "على", "بين"))


@dataclass
class Mention:
    """One trigger with its arguments (an event mention)."""

    match: Match
    code: str
    sentence: int
    source: str | None = None
    target: str | None = None
    location: str | None = None
    weak_target: bool = False  # the target is the place visited («زار تونس»)
    weak_location: bool = False  # the place comes from the sentences before
    date: str | None = None
    date_explicit: bool = False
    mode: str = ASSERTED
    evidence: Span = field(default_factory=lambda: Span(0, 0))
    trigger: Span = field(default_factory=lambda: Span(0, 0))
    extra: list[str] = field(default_factory=list)  # other participants (a second signer)
    #: the (source, target) of the same act by or on the sides joined by «و» to this one's
    pairs: list[tuple[str | None, str | None]] = field(default_factory=list)
    composed: bool = False
    inferred: bool = False  # the source is not written in the clause (the topic, a series)
    source_titled: bool = False  # the source is written with an official title («سفير X لدى Y فلان»)

    @property
    def root(self) -> str:
        return self.code[:2]

    def actors(self) -> set[str]:
        target = None if self.weak_target else self.target
        return {a for a in (self.source, target, *self.extra) if a}


@dataclass
class _Salience:
    """Who the text is about, for pronouns: actors in order of mention, subjects weighted."""

    recent: list[tuple[int, str, str]] = field(default_factory=list)  # (token, entity, type)
    subjects: list[tuple[int, str, str]] = field(default_factory=list)

    def resolve(
        self, before: int, exclude: Iterable[str | None], feminine: bool, lo: int, *, subjects_only: bool = False
    ) -> str | None:
        ex = {e for e in exclude if e}
        pools = (self.subjects,) if subjects_only else (self.subjects, self.recent)
        for pool in pools:
            best = None
            best_tok = -1
            for tok, ent, typ in pool:
                if tok >= before or tok < lo or ent in ex or tok <= best_tok:
                    continue
                fits = typ == "PERSON" if not feminine else typ in ("ORG", "GPE")
                if fits:
                    best, best_tok = ent, tok
            if best:
                return best
        if feminine:  # a woman
            return self.resolve(before, exclude, False, lo, subjects_only=subjects_only)
        return None


class EventExtractor:
    def __init__(self) -> None:
        self._said: list[tuple[int, int, str | None]] = []
        self._adjectives: dict[int, str] = {}
        #: (sentence, source, target) of the last event with two named sides
        self._pair: tuple[int, str, str] | None = None
        self.nominal = NominalIndex()
        self._fs: list[tuple[int, int]] = []
        self._trigger_tokens: frozenset[int] = frozenset()
        #: the words of verb phrases read after the subject («أعادت X فتح»): part of the trigger,
        #: no clause of their own
        self._tails: set[int] = set()
        #: triggers read as a noun with a place in genitive and an adjective («هجوم سوسة الإرهابي»)
        self._placed_nouns: set[int] = set()
        #: (token, owner) of the decisions named so far («قرار الهيئة X», «القرار الذي اتخذته X»)
        self._decisions: list[tuple[int, str]] = []
        self.lex: TriggerLexicon = trigger_lexicon()
        self.words = role_words()
        rv = load_yaml("reporting_verbs.yaml")
        # forms that are also common other words («بين»: between) do not close a clause here
        forms = [f for v in rv["verbs"].values() if not v.get("near") for f in v.get("forms", ())]
        self.reporting = word_set(forms)
        self.quote_stops = word_set(load_yaml("quote_cues.yaml")["participles"])
        # the words of persons' titles and ranks («ولي العهد», «الإمام الأكبر»), without the article
        tdata = load_yaml("titles.yaml")
        firsts = [w for part in ("ranks", "roles") for t in (tdata.get(part) or {}) for w in str(t).split()]
        self.official_titles = frozenset(
            k[2:] if k.startswith("ال") else k
            for k in word_set(str(t).split()[0] for part in ("ranks", "roles") for t in (tdata.get(part) or {}))
        )
        self.person_titles = frozenset(
            k[2:] if k.startswith("ال") else k for k in word_set([*firsts, *load_list("ner_titles.txt")])
        )

    # ------------------------------------------------------------------------------------------
    def __call__(self, doc: Document) -> None:
        ctx = DocContext.of(doc)
        mentions = self.find_mentions(ctx)
        doc.events = self.to_events(ctx, mentions)

    def find_mentions(self, ctx: DocContext) -> list[Mention]:
        doc = ctx.doc
        skip_times = _citation_time_spans(doc)
        sal = _Salience()
        out: list[Mention] = []
        prev_date: tuple[int, str | None] = (-1, None)  # (sentence, date) of the last dated sentence
        prev_place: tuple[int, str | None] = (-1, None)
        quote_speakers = {q.cue.start: q.speaker for q in doc.quotes if q.cue is not None and q.speaker}
        self._said = [(q.start, q.end, q.speaker) for q in doc.quotes if q.speaker]
        self._decisions = []
        self._pair = None
        self._tails = set()
        self._placed_nouns = set()
        self.nominal = NominalIndex.of(ctx, lambda t: self._is_verb(ctx, t))
        #: token → the entity of the state a nationality adjective names, when the text names it
        self._adjectives = {ctx.token_at(m.start): m.entity for m in adjective_countries(doc) if m.entity}
        for q in doc.quotes:
            if q.cue is not None and q.speaker:
                sal.subjects.append((ctx.token_at(q.cue.start), q.speaker, _etype(ctx, q.speaker)))
        agents: dict[str, str] = {}  # CAMEO code → the last named agent of such an event
        self._fs = ctx.full_sent
        for k, (a, b) in enumerate(ctx.full_sent):
            if a >= b:
                continue
            matches = self._triggers(ctx, a, b)
            self._trigger_tokens = frozenset(m.i for m in matches)
            barriers = frozenset(m.i for m in matches if m.form.pos == "verb") | self._verb_tokens(ctx, a, b)
            phrases = [p for p in build_phrases(ctx, a, b, barriers) if not self._cited(ctx, p, a)]
            self._note_decisions(ctx, phrases, a, b)
            times = [t for t in ctx.times if a <= t.t0 < b and not _inside(t, skip_times)]
            sent_mentions: list[Mention] = []
            for mt in matches:
                mention = self._arguments(ctx, mt, k, a, b, phrases, sal, sent_mentions, quote_speakers)
                mention.mode = mode_of(ctx, mt, a)
                d, explicit = _date_for(mt, times, a)
                if d is None and prev_date[0] == k - 1 and prev_date[1]:
                    d = prev_date[1]  # the sentence right before dates this one («وفي اليوم التالي …»)
                if d is None and doc.published and mention.mode == ASSERTED:
                    d = doc.published.isoformat()
                mention.date, mention.date_explicit = d, explicit
                if (
                    mention.mode == ASSERTED
                    and explicit
                    and d
                    and doc.published
                    and d[:10] > doc.published.isoformat()
                    and len(d) >= 10
                ):
                    mention.mode = PLANNED
                if mention.location is None and prev_place[1] and k - prev_place[0] <= 2:
                    mention.location, mention.weak_location = prev_place[1], True
                    if self._place_anaphor(ctx, mt, b):
                        # «ستزور الجهة», «وصل إلى المدينة»: the place named before
                        mention.weak_location = False
                        if mention.target is None and _etype(ctx, prev_place[1]) == "GPE":
                            mention.target, mention.weak_target = prev_place[1], True
                sent_mentions.append(mention)
            self._compose(ctx, sent_mentions)
            _requested(ctx, sent_mentions)
            self._force_referents(ctx, sent_mentions, out, b)
            self._during_visit(ctx, sent_mentions, out)
            self._decision_referents(ctx, sent_mentions, b)
            for mention in sent_mentions:
                if mention.composed:
                    continue
                if mention.root in _FORCE_ROOTS:
                    # «نفذ الموساد 14 عملية اغتيال … اغتيل فلان …»: in a run of the same kind of
                    # violence, an act without a named agent is the last named agent's
                    if (
                        mention.source is None
                        and mention.target is not None
                        and agents.get(mention.code, mention.target) != mention.target
                    ):
                        mention.source = agents[mention.code]
                    elif mention.source is not None:
                        agents[mention.code] = mention.source
                out.append(mention)
                if mention.source and mention.target and not mention.weak_target and mention.root in _PAIR_ROOTS:
                    self._pair = (k, mention.source, mention.target)
                for src, tgt in mention.pairs:
                    out.append(replace(mention, source=src, target=tgt or mention.target, pairs=[]))
                if mention.source:
                    sal.subjects.append((mention.match.i, mention.source, _etype(ctx, mention.source)))
            for ph in phrases:
                if ph.actor and ph.actor_type in ("PERSON", "ORG", "GPE"):
                    sal.recent.append((ph.mt0, ph.actor, ph.actor_type))
            dated = [m.date for m in sent_mentions if m.date_explicit and m.date]
            if dated or times:
                d0 = dated[-1] if dated else _best_time(times)
                prev_date = (k, d0 if d0 and len(d0) >= 10 else None)  # only a day carries over
            placed = [m.location for m in sent_mentions if m.location and not m.weak_location]
            placed += [
                p.head.entity
                for p in phrases
                if p.head.type in ("GPE", "LOC") and p.marker in self.words.place_preps and not p.titled
            ][-1:]
            if placed:
                prev_place = (k, placed[-1])
        return out

    def _force_referents(self, ctx: DocContext, ms: list[Mention], before: list[Mention], b: int) -> None:
        """«أدانت X الهجوم الذي شنه Y», «عبرت X عن إدانتها لهذا العدوان»: a condemnation or a
        rejection of a use of force, with no one named as its target, targets the one who used
        it: the agent of the force event it names in the sentence, else of the last one told."""
        for n, m in enumerate(ms):
            if m.target is not None or m.root not in _REPROACH_ROOTS or m.source is None:
                continue
            t = m.match.i + m.match.n
            t_end = min(b, t + 5)
            named = next((x for x in ms[n + 1 :] if x.root in _FORCE_ROOTS and x.match.i < t_end and x.source), None)
            if named is not None:
                m.target = named.source if named.source != m.source else None
                continue
            while t < t_end and not self.words.event_refs.match(ctx, t):
                t += 1
            if t >= t_end:
                continue
            last = next((x for x in reversed([*before, *ms[:n]]) if x.root in _FORCE_ROOTS and x.source
                         and not x.inferred and x.mode == ASSERTED and x.source != m.source), None)
            if last is not None:
                m.target = last.source

    def _note_decisions(self, ctx: DocContext, phrases: list[ActorPhrase], a: int, b: int) -> None:
        """Record the decisions named in tokens [a, b) with their owners: the body in genitive
        («قرار الهيئة X»), or the subject of a light verb in a relative clause («القرار الذي
        اتخذته X»)."""
        w = self.words
        for t in range(a, b):
            if not ctx.is_arabic(t) or not (ctx.isin(t, w.decisions) or any(f in w.decisions for f in ctx.forms(t))):
                continue
            owner = next((p.actor for p in phrases if p.t0 in (t + 1, t + 2) and p.marker == BARE and p.actor
                          and all(ctx.keys[u].startswith("ال") for u in range(t + 1, p.t0))), None)
            if owner is None:
                rel = self._relative_owner(ctx, phrases, t + 1, b)
                owner = rel.actor if rel is not None else None
            if owner is not None:
                self._decisions.append((t, owner))

    def _decision_owner(self, before: int, after: int = 0) -> str | None:
        """The owner of the last decision named before token ``before`` (from token ``after``)."""
        return next((o for t, o in reversed(self._decisions) if after <= t < before), None)

    def _decided(self, ctx: DocContext, mt: Match, a: int) -> str | None:
        """«قرار الهيئة X القاضي بإيقاف بث …»: the owner of the decision orders the event."""
        t = mt.i - 1
        if t < a or not ctx.isin(t, self.words.decision_links) or not mt.prefix.endswith("ب"):
            return None
        return self._decision_owner(t, max(a, t - 14))

    def _decision_referents(self, ctx: DocContext, ms: list[Mention], b: int) -> None:
        """«عبرت عن رفضها لهذه القرارات»: praise, blame or refusal of a decision named before
        targets its owner."""
        w = self.words
        for m in ms:
            if m.target is not None or m.source is None or m.root not in _OWNER_ROOTS:
                continue
            for t in range(m.match.i + m.match.n, min(b, m.match.i + m.match.n + 5)):
                if ctx.isin(t, w.decisions) or any(f in w.decisions for f in ctx.forms(t)):
                    owner = self._decision_owner(t)
                    if owner is not None and owner != m.source:
                        m.target = owner
                    break

    def _during_visit(self, ctx: DocContext, ms: list[Mention], before: list[Mention]) -> None:
        """«أدى زيارة إلى تونس، وقع خلالها اتفاقات»: an event told as happening during a visit,
        with no partner named, is with the host of the visit; «في كلمة له أمام X، حيث يؤدي زيارة
        إلى روما»: an event of the visitor in the sentence of the visit takes place where it is."""
        for m in ms:
            if m.root == "04" or not m.source or (m.location and not m.weak_location):
                continue
            visit = next((x for x in ms if x.code[:3] in ("042", "043") and x.source == m.source
                          and x.location and not x.weak_location and x.mode == ASSERTED), None)
            if visit is not None:
                m.location, m.weak_location = visit.location, False
        for n, m in enumerate(ms):
            if m.target is not None or m.source is None or m.root == "04":
                continue
            t0, t1 = m.match.i - 2, m.match.i + m.match.n + 2
            if not any(0 <= t < len(ctx.keys) and ctx.base(t) in _DURING for t in range(t0, t1)):
                continue
            visit = next((x for x in reversed([*before, *ms[:n]]) if x.code[:3] in ("042", "043")
                          and x.target and x.source == m.source), None)
            if visit is not None:
                m.target = _host_country(ctx, visit.target) if visit.target else None
                if m.location is None or m.weak_location:
                    m.location, m.weak_location = visit.location, visit.weak_location

    def _genitive_phrase(self, ctx: DocContext, p: ActorPhrase, a: int) -> bool:
        """The phrase is a bare name in genitive after a common noun («تقسيم العراق»); a person
        described before the name («جثمان الراعي فلان») is not counted as one."""
        t = p.t0 - 1
        if p.marker != BARE or p.titled or p.t0 < p.mt0 or t < a or not ctx.is_arabic(t) or t in ctx.mention_at:
            return False
        w = self.words
        return not (ctx.isin(t, w.preps) or ctx.isin(t, w.auxiliaries) or ctx.isin(t, w.stops) or self._is_verb(ctx, t)
                    or ctx.base(t) in _NOUN_BEFORE)

    def _place_marker(self, ctx: DocContext, p: ActorPhrase, a: int) -> str:
        """The preposition that makes the phrase a place: its own, or one two words before it
        across a noun that names the kind of place («في مدينة صفاقس» even misspelt «في مدنية
        صفاقس», «في محافظة جنوب سيناء»)."""
        if p.marker != BARE or p.t0 - 2 < a:
            return p.marker
        t = p.t0 - 1
        if not ctx.is_arabic(t) or t in ctx.mention_at or self._is_verb(ctx, t) or ctx.isin(t, self.words.stops):
            return p.marker
        prep = ctx.base(p.t0 - 2)
        return prep if prep in self.words.place_preps and prep not in (MIN, ALA) else p.marker

    def _quote_spans_without(self, ctx: DocContext, i: int) -> list[tuple[int, int]]:
        """The spans of the direct quotes of the document that do not contain token i."""
        at = ctx.starts[i]
        return [(q.start, q.end) for q in ctx.doc.quotes if q.kind == "direct" and not q.start <= at < q.end]

    def _cited(self, ctx: DocContext, p: ActorPhrase, a: int) -> bool:
        """The phrase names the source the text cites («بحسب وكالة الأنباء القطرية», «وفق ما
        أوردته قناة X», «نقلا عن X»): not a side of any event."""
        for t in range(p.mt0 - 1, max(a, p.t0 - 4) - 1, -1):
            if ctx.isin(t, self.words.citing):
                return True
            if p.marker in ("ل", MAA) and ctx.isin(t, self.words.channels):
                return True  # «في تصريح لوكالة X» (but «تصريحات فلان» are his)
            if not ctx.is_arabic(t) or t in ctx.mention_at or self.lex.match(ctx, t) is not None:
                return False
        return False

    def _is_verb(self, ctx: DocContext, t: int) -> bool:
        if not ctx.is_arabic(t) or t in self._tails:
            return False
        if ctx.isin(t, self.reporting):
            return True
        m = self.lex.match(ctx, t)
        return m is not None and m.form.pos == "verb" and _verb_prefix_ok(m.prefix)

    def _verb_tokens(self, ctx: DocContext, a: int, b: int) -> frozenset[int]:
        """Reporting and light verbs of the sentence (phrases do not reach across them)."""
        w = self.words
        return frozenset(
            t for t in range(a, b) if ctx.is_arabic(t) and (ctx.isin(t, self.reporting) or ctx.isin(t, w.light_verbs))
        )

    # ------------------------------------------------------------------------------------------
    def _triggers(self, ctx: DocContext, a: int, b: int) -> list[Match]:
        """The triggers of tokens [a, b), left to right: not inside a name («أثنينا», «فيصل»),
        a phrase only when its required words follow, the noun reading of a word that is a verb
        or a noun when the context wants a noun («عن إدانتها», «بإيقاف»)."""
        out: list[Match] = []
        tails: set[int] = set()
        i = a

        def accept(m: Match) -> bool:
            # «وقعها»: the pronoun is the agreement signed; other readings need their object
            if m.entry.unless and (
                _has_word(ctx, m, b, m.entry.unless, 3) or _had_word(ctx, m, a, m.entry.unless, 3)
            ):
                return False  # «يحتل فريق X المركز الأخير», «المرتبة الثامنة احتلتها X»
            return not m.entry.needs or (
                bool(m.enclitic) and m.entry.obj == "theme" and m.form.pos == "verb"
            ) or _has_needed(ctx, m, b)

        while i < b:
            if i in tails or (i in ctx.mention_at and ctx.mention_at[i].type in _NAMED_TYPES):
                i += 1
                continue
            m = self.lex.match(ctx, i, accept)
            if m is None:
                i += 1
                continue
            if m.tail is not None and _place_genitive_adjective(ctx, m):
                # «هجوم سوسة الإرهابي», «عملية قبلي الإرهابية»: the noun, the place it happened
                # in and the noun's adjective, not a verb with its subject in between
                m = replace(m, form=Form(m.entry, "noun", "noun"), tail=None)
                self._placed_nouns.add(i)
            if m.form.pos == "verb" and m.n == 1 and m.tail is None and self._wants_noun(ctx, m, a):
                m = self.lex.noun_reading(ctx, i) or m
            if m.form.pos == "verb" and m.form.tense == "past" and (lam_prefix(m.prefix) or m.prefix.endswith("ب")):
                # «لرفع قضية»: a past verb cannot take «ل» or «ب»; the phrase is its verbal noun
                m = replace(m, form=Form(m.entry, "noun", "noun"))
            if m.form.pos == "verb" and not _verb_prefix_ok(m.prefix):
                i += 1
                continue
            if (m.entry.needs or m.entry.unless) and not accept(m):
                i += m.n
                continue
            out.append(m)
            if m.tail is not None:
                tails.update(range(*m.tail))
                self._tails.update(range(*m.tail))
            i += m.n
        return out

    def _wants_noun(self, ctx: DocContext, m: Match, a: int) -> bool:
        """A trigger read as a verb that stands where only a noun can: after a preposition or a
        light verb, with a proclitic a verb cannot take (ب, ال), or written with «إ» (the
        verbal noun of a form IV verb: إدانة، إيقاف; its past starts with «أ»)."""
        i = m.i
        if m.prefix and (m.prefix[-1] == "ب" or m.prefix.endswith("ال")):
            return True
        raw = _letters(ctx.doc.text[ctx.starts[i] : ctx.ends[i]])
        if len(raw) > m.strip and raw[m.strip] == "إ":
            return True
        t = i - 1
        while t >= a and ctx.keys[t] in "\"«»“”'":
            t -= 1  # «عن "رفضها …"»
        if t >= a and ctx.is_arabic(t):
            prev = ctx.base(t)
            if prev in self.words.preps or ctx.isin(t, self.words.light_verbs) or prev in _NOUN_BEFORE:
                return True
        return False

    def _compose(self, ctx: DocContext, ms: list[Mention]) -> None:
        """«طالب بالإفراج عن X» → one 1053 event; «أبدى استعداده للقاء X» → 036."""
        for outer, inner in pairwise(ms):
            table = self.lex.compose.get(outer.code[:3]) or self.lex.compose.get(outer.root)
            if not table or outer.composed:
                continue
            # (the words of a name in between are the subject: «هدد الرئيس الأمريكي X بفرض …»)
            gap = sum(1 for t in range(outer.match.i + outer.match.n, inner.match.i)
                      if outer.source is None or t not in ctx.mention_at)
            if gap > 3:
                continue
            code = table.get(inner.code[:4]) or table.get(inner.code[:3]) or table.get(inner.root)
            if code is None:
                continue
            outer.code = code
            outer.target = outer.target or inner.target or inner.source
            if outer.target == outer.source:
                outer.target = inner.target
            if outer.target == outer.source:
                outer.target = None  # «رفضت الإدارة استقباله»: the pronoun is not the one refusing
            outer.location = outer.location or inner.location
            outer.evidence = Span(min(outer.evidence.start, inner.evidence.start),
                                  max(outer.evidence.end, inner.evidence.end))
            inner.composed = True

    # ------------------------------------------------------------------------------------------
    def _arguments(
        self,
        ctx: DocContext,
        mt: Match,
        k: int,
        a: int,
        b: int,
        phrases: list[ActorPhrase],
        sal: _Salience,
        earlier: list[Mention],
        quote_speakers: dict[int, str],
    ) -> Mention:
        w = self.words
        entry = mt.entry
        i, j = mt.i, mt.i + mt.n
        men = Mention(mt, entry.code, k)
        men.trigger = ctx.span(i, j)
        # the window: up to a clause stop after, a clause mark before
        hi = j
        dated = {t for tr in ctx.times_in(j, b) for t in range(tr.t0, tr.t1)}
        counted = 0  # the words of the window, not counting those of dates
        while hi < b and counted < _MAX_AFTER:
            counted += hi not in dated
            key = ctx.keys[hi]
            if mt.form.pos == "noun" and self._light_relative(ctx, hi, j, b):
                hi += 2  # «العملية التي قامت بها X … على قاعدة Y»: the clause describes the event
                continue
            if key in _FULL_STOPS or (
                (ctx.isin(hi, w.stops) or key in self.quote_stops) and hi not in ctx.mention_at
            ):  # not a word of a name («بان كي مون» is no «بأن»)
                break
            if hi > j and hi not in self._tails:
                nxt = self.lex.match(ctx, hi)
                if nxt is not None and (
                    nxt.form.pos == "verb" or nxt.prefix.startswith("و") or ctx.keys[hi - 1] in ("،", ",")
                ):
                    break
            if hi > j + 1 and ctx.isin(hi, self.reporting):
                break
            hi += 1
        lo = i
        while lo > a and i - lo < _MAX_BEFORE and ctx.keys[lo - 1] not in _FULL_STOPS and ctx.keys[lo - 1] not in "،,":
            if ctx.isin(lo - 1, w.stops) and lo - 1 < i - 1:
                break
            lo -= 1
        after = [p for p in phrases if j <= p.t0 < hi or (p.marker_tok == i and p.t0 >= i)]
        if mt.n == 1 and mt.strip and any(p.marker_tok == i for p in phrases):
            after = [p for p in phrases if p.marker_tok == i or j <= p.t0 < hi]
        before = [p for p in phrases if lo <= p.t0 and p.t1 <= i]
        used: set[int] = set()
        source = target = location = None
        inherited_target: str | None = None
        weak_target = False

        def take(p: ActorPhrase) -> str | None:
            used.add(id(p))
            return p.actor

        # «بين X و Y»
        for n, p in enumerate(after):
            if p.marker != BAYN or any(j <= t < p.t0 for t in self._trigger_tokens):
                continue  # «اعتقاله بعد مواجهات بين X و Y»: the sides of the nearer event
            if not (entry.root in _BETWEEN_ROOTS or entry.code[:3] == "057"):
                continue  # «استغرابه للإساءة للعلاقة بين X و Y»: the topic, not the sides
            # the second side: the next phrase joined by «و» («وعناصر من تنظيم X»), past the
            # description of the first («X مدير ديوان الرئيس Z والشيخ Y»)
            second = next((q for q in after[n + 1 :] if q.marker in (COORD, BAYN) or (
                q.t0 >= p.t1 and ctx.keys[q.t0][:1] == "و" and q.t0 - p.t1 <= 8 and ctx.base(q.t0) != ctx.keys[q.t0]
            ) or _joined(ctx, p.t1, q.t0)), None)
            if second is not None and second.actor and p.actor:
                source, target = take(p), take(second)
                break
        # «من قبل X», «وفد برئاسة X»
        for p in after + before:
            # «أدانت تونس احتلال السفارة من طرف الحوثيين»: the agent of the nearer event noun
            if p.marker == AGENT and id(p) not in used and not any(
                min(j, p.t0) <= t < max(i, p.t0) and t != i for t in self._trigger_tokens
            ) and (mt.form.pos == "verb" or (p.t0 - j <= _MAX_AGENT_GAP and not any(
                ctx.isin(t, _CONNECTIVES) for t in range(j, p.t0)
            ))):
                if source is not None and target is None:
                    target = source
                source = take(p)
                break
        if mt.form.tense == "passive":
            # «اغتيل فلان في …»: the phrase after a passive verb is its patient, also after a
            # description («اغتيل القيادي البارز في "X" فلان», «اغتيل ثلاثة من قادة حركة X»)
            subj = self._subject_after(ctx, after, j, used) or self._patient_after(ctx, after, j, used)
            if subj is not None and target is None:
                target = take(subj)
        elif mt.form.tense == "participle":
            # «قطعت X العلاقات مع Y، متهمة Z بدعم الإرهاب»: after a comma, with the one it is
            # about right after it, the participle tells what the subject of the clause did
            patient = next((p for p in after if p.marker in (BARE, HEAD) and p.actor and p.t0 - j <= 2), None)
            if patient is not None and i - 1 >= a and ctx.keys[i - 1] in ("،", ","):
                target = take(patient)
                source = self._topic(ctx, mt, k, earlier, sal, exclude=target) or self._opening_subject(
                    ctx, phrases, a, i, target)
                men.inferred = source is not None and all(prev.source != source for prev in earlier)
        elif mt.form.pos == "verb" and (masdar := self._masdar_subject(ctx, phrases, mt, a)) is not None:
            # «أعلن الوزير X أمس قطع العلاقات مع Y»: the verbal noun spelled like the past verb
            # is the object of the light verb, whose subject is its agent
            source = take(masdar)
            if target is None and entry.obj == "target":
                obj = [p for p in after if id(p) not in used and p.marker in (BARE, GROUP, HEAD)]
                if obj and obj[0].t0 - j <= 3:
                    target = take(obj[0])
        elif mt.form.pos == "verb" and source is None and (pair := self._pair_after(ctx, mt, k, earlier)) is not None:
            source, target = pair  # «ووقع الجانبان مذكرة تفاهم»: the two sides of the event before
        elif mt.form.pos == "verb":
            # «ذكرت الوزارة أنها دعت X»: the subject is the pronoun, X is the object; «تقرير يتهم
            # X»: the noun before is the subject; «التقيت X» in someone's words: the speaker
            pronoun = source is None and not self._passive_aux(ctx, mt, a) and self._pronoun_subject(ctx, i, a)
            written_before = source is None and not pronoun and self._noun_subject_before(ctx, mt, a)
            relative = i - 1 >= a and ctx.isin(i - 1, _RELATIVES)
            if relative:
                # «الصحفي X الذي اتهم الموساد»: X is the subject, the phrase after the object;
                # «الراعي X الذي اختطفته عناصر»: with a pronoun on the verb, X is its object
                ante = next((p for p in reversed(phrases) if p.t1 <= i - 1 and i - 1 - p.t1 <= 1 and p.actor), None)
                if ante is not None and self._genitive_phrase(ctx, ante, a):
                    ante = None  # «مشروع تقسيم العراق الذي ساندته قطر»: the project, not Iraq
                if ante is not None and mt.enclitic and target is None:
                    target = take(ante)
                elif ante is not None and source is None:
                    source = take(ante)
                    written_before = True
            first = source is None and mt.form.first_person
            # a long subject may start before the window («وكان أمير قطر الشيخ فلان قد وصل»)
            near = sorted({id(p): p for p in [*before, *(p for p in phrases if a <= p.t0 and p.t1 <= i and i - p.t1 <= 3)]}
                          .values(), key=lambda p: p.t0)
            # (not the phrase before a verb joined by «و»: «رحبت بها X ورفضتها Y», X is another's)
            subj = self._subject_before(ctx, near, i) if (
                source is None and not pronoun and mt.prefix[:1] not in ("و", "ف")
            ) else None
            if subj is None and not (pronoun or written_before or first):
                subj = self._subject_after(ctx, after, j, used, destination=entry.root == "04")
            if source is None and subj is not None:
                source = take(subj)
                if self._object_not_subject(ctx, mt, a, subj, after, used):
                    # «…، واتهم X بالتحريض»: X is the one accused; the accuser is the one the
                    # sentence is about
                    target = source
                    source = self._topic(ctx, mt, k, earlier, sal, exclude=target) or self._opening_subject(
                        ctx, phrases, a, i, target)
                    men.inferred = source is not None and all(prev.source != source for prev in earlier)
            elif subj is not None and source is not None and target is None and entry.obj == "target":
                target = take(subj)
            if source is None and subj is None and not (pronoun or written_before or first):
                source = _unnamed_kin(ctx, j, min(b, j + 3))
                if source is None:
                    source = self._nominal_subject(ctx, j, b, i, a)
            if source is None and (pronoun or first) and not (pronoun and mt.form.plural):
                # «ذكرت الوزارة أنها دعت …», «أكد أنه التقى …», «"التقيت …"»: the speaker did it
                # (not «أكد أنهم ألقوا القبض»: they are others)
                source = self._speaker_at(ctx, i, person=first and not mt.form.plural,
                                          body=pronoun and mt.form.fem and not first)
            if source is None:
                spk = quote_speakers.get(ctx.starts[i])
                if spk:
                    source = spk
            if (
                source is None
                and subj is None
                and not written_before
                and not entry.bare  # violence, arrests, protests: not by whoever the text is about
                and self._dropped_subject(ctx, mt, a, b)
            ):
                source = self._topic(ctx, mt, k, earlier, sal, exclude=target)
                # the subject of a verb before in the same sentence («نفى فلان أن يكون وقّع») is
                # written; a topic from sentences before is inferred
                men.inferred = source is not None and all(prev.source != source for prev in earlier)
            if (
                source is None
                and subj is None
                and not written_before
                and entry.root in _FORCE_ROOTS
                and mt.prefix[:1] in ("و", "ف")
                and self._dropped_subject(ctx, mt, a, b)
            ):
                # «صعدت جماعة X هجماتها على مدينة Y، وقصفت أحياء سكنية»: force used again in the
                # same sentence by the one named before, on the same side
                prev = next((m for m in reversed(earlier) if m.source and m.root in _FORCE_ROOTS), None)
                if prev is not None:
                    source = prev.source
                    inherited_target = prev.target
            # the object: within a few words after the verb, or after its subject
            o0 = max(j, subj.t1) if subj is not None and subj.t0 >= j else j
            if target is None and entry.obj == "target":
                # after the subject (not a body named in its titles: «شيخ الأزهر … فلان»)
                obj = [p for p in after if id(p) not in used and p.marker in (BARE, GROUP, HEAD) and p.t0 >= o0
                       and (p.actor is None or p.actor != source)]  # not «(قسد)» after the subject
                if obj and subj is not None and obj[0].t0 >= subj.t1 and _joined(ctx, subj.t1, obj[0].t0) and not any(
                    subj.t1 <= p.t0 < obj[0].t0 for p in phrases
                ):
                    o0 = obj[0].t1  # «التقى X وسمو رئيس الوزراء Y، … Z»: Y is a second subject
                    obj = obj[1:]
                if obj and self._object_gap(ctx, phrases, o0, obj[0].t0) <= 6 and not any(
                    ctx.isin(t, w.kinship) for t in range(o0, obj[0].t0)
                ):
                    target = take(obj[0])  # not «اعتقل إحدى زوجات زعيم التنظيم X»: X's relative
                if target is None:
                    target = self._counterpart(ctx, o0, b)  # «التقى نظيره الإثيوبي»
            elif target is None:
                # «رفضت حماس المقترح الإسرائيلي»: the actor whose thing the object is
                obj = [
                    p
                    for p in after
                    if id(p) not in used and p.marker == BARE and p.t0 < p.head.t0 and not p.titled and p.actor
                ]
                if obj and obj[0].t0 - o0 <= 6:
                    target = take(obj[0])
                if target is None and (entry.root in _OWNED_THEME_ROOTS or entry.code in _OWNED_THEME_CODES):
                    owner = self._theme_owner(ctx, phrases, o0, b, used, source)
                    if owner is not None:  # «رفضت X مقترح الرئيس Y», «رفضت X مبادرة أعلنتها Y»
                        target = take(owner)
        else:
            gen = next((p for p in after if id(p) not in used and _genitive_of(p, i, j)), None)
            if gen is not None and gen.head.type in PLACE_TYPES and entry.root in _PLACE_GENITIVE_ROOTS:
                # «هجوم برلين», «زيارة تونس»: the place of the event, not its agent
                location = gen.head.entity
                if (entry.root == "04" or i in self._placed_nouns) and gen.head.type == "GPE":
                    # (the town attacked: «هجوم سوسة الإرهابي», as the verb reading had it)
                    target, weak_target = gen.head.entity, True
                used.add(id(gen))
                gen = None
            if gen is not None and mt.enclitic and entry.gen == "patient" and source is None:
                # «كان في استقباله الملك X»: the pronoun is the genitive (the guest), the name
                # after it the one who does it
                source = take(gen)
            elif gen is not None and mt.enclitic and entry.gen == "agent" and target is None and entry.obj == "target":
                target = take(gen)  # «زيارته الملك X»: his visit to the king
            elif gen is not None:
                if entry.gen == "patient":
                    target = target or take(gen)
                elif source is None:
                    source = take(gen)
                elif target is None:
                    target = take(gen)
            if target is None and gen is None and mt.enclitic and entry.gen == "agent" and entry.obj == "target":
                # «خلال لقائه في عمّان اليوم نظيره X»: the object of a noun with its agent as a
                # pronoun, after a place and a date
                later = next((p for p in after if id(p) not in used and p.marker == BARE and p.actor), None)
                if later is not None and self._object_gap(ctx, phrases, j, later.t0) <= 2:
                    target = take(later)
            u = undergone(ctx, mt, a) if lam_prefix(mt.prefix) else None
            if u is not None and target is None:
                # «تعرض الصحفي X لاعتداء»: X suffered it
                hit = next((p for p in phrases if u < p.t0 and p.t1 <= i and p.marker == BARE and p.actor), None)
                if hit is not None:
                    target = take(hit)
            if source is None:
                got = self._received(ctx, phrases, mt, a, b, earlier)
                if got is not None:  # «اتصال هاتفي تلقاه X من Y»
                    source, target = got[0], target or got[1]
                    used.update(id(p) for p in phrases if p.actor in got)
            if source is None:
                source = self._decided(ctx, mt, a)  # «قرار الهيئة X القاضي بإيقاف …»
            agent_noun = self._agent_noun_before(ctx, mt, a)
            if source is None and agent_noun:
                source = self._agent_noun(ctx, phrases, mt, a, b)  # «منفذ التفجير X»
            if source is None and entry.root in _FORCE_ROOTS:
                # «هجوم لتنظيم داعش»: the attack of X
                own = next((p for p in after if p.marker == "ل" and p.t0 == j and p.actor and id(p) not in used), None)
                if own is not None and own.actor_type in ("ORG", "PERSON"):
                    source = take(own)
            if source is None and not self._passive_aux(ctx, mt, a) and self._speaker_pronoun(ctx, i, a):
                # «أكد أنه على استعداد للقاء …», «"أنا مستعد للقائه"»: the speaker
                source = self._speaker_at(ctx, i, person=True)
            if source is None and entry.root == "01":
                # «وفي كلمة له أمام X، قال فلان»: the one who speaks in the sentence
                s0, s1 = ctx.starts[a], ctx.ends[b - 1]
                source = next((q.speaker for q in ctx.doc.quotes if q.speaker and q.cue is not None
                               and s0 <= q.cue.start < s1), None)
            # «أعلنت الوزارة القضاء على مرتكب الهجوم»: the agent is the one the agent noun names
            v = self._light_verb_before(ctx, i, a) if source is None and not agent_noun else None
            if v is not None and entry.root in _VIOLENCE_ROOTS and ctx.isin(v, self.reporting) and not (
                i - 1 > v and (ctx.isin(i - 1, self.words.frame_nouns)
                               or any(f in self.words.frame_nouns for f in ctx.forms(i - 1)))
            ):
                v = None  # «أعلنت الشرطة عن انفجار»: who tells of violence did not do it (but «أعلن
                # الجيش إطلاق عملية» launched it)
            if v is not None and ctx.isin(v, _WITNESS):
                # «شهدت إسطنبول هجوما»: the subject of «شهد» is where it happened, not who did it
                seen = next((p for p in phrases if v < p.t0 and p.t1 <= i and p.marker == BARE), None)
                if seen is not None and seen.head.type in PLACE_TYPES and location is None:
                    location = seen.head.entity
                    used.add(id(seen))
                v = None
            if v is not None:
                # «نفذ X عملية اغتيال», «عقد X اجتماعا» (not «شهدت المدينة اعتقالات»)
                light = self._light_verb_subject(ctx, phrases, i, lo, a)
                if light is not None:
                    source = light
                elif entry.gen == "agent":
                    source = self._nominal_subject(ctx, v + 1, i, v, a)
                    relative = v - 1 >= a and ctx.isin(v - 1, _RELATIVES)  # «التصعيد الذي بدأ بهجوم»
                    # «أن المعلمين نفذوا اعتصاما»: a subject named by a common noun
                    relative = relative or self._noun_before(ctx, v, ctx.keys[v][: len(ctx.keys[v]) - len(ctx.base(v))], a)
                    # «بعد أن قام منحرف بالاعتداء»: a subject named by a plain noun after the verb
                    relative = relative or self._plain_noun(ctx, v + 1, i)
                    if source is None and not relative and not entry.bare and self._clause_initial(ctx, v, a) and not any(
                        p for p in phrases if v < p.t0 < i and p.marker == BARE
                    ):
                        source = self._topic(ctx, mt, k, earlier, sal, exclude=target)
                        men.inferred = source is not None
            if source is None and entry.gen == "agent":
                source = self._relative_agent(ctx, phrases, j, b)
            if source is None and mt.prefix[:1] == "و" and not agent_noun:
                # «أعلن X نقل صلاحياته إلى …، وإعفاء Y من منصبه»: one of the acts a light verb
                # announces, joined by «و», is its subject's
                source = self._coordinated_light_subject(ctx, phrases, mt, a)
            if source is None:
                has_target = target is not None or any(
                    p.marker in (MAA, ILA) or p.marker in entry.preps for p in after if p.actor
                )
                source = _series_agent(ctx, mt, earlier, self.words, has_target)
                men.inferred = source is not None
        if source is None and entry.root == "14":
            # «تظاهر الآلاف … بدعوة من جمعية X»: who called the protest organized it
            caller = next((p for p in phrases if p.t0 >= j and p.marker == INVITE and p.actor and id(p) not in used), None)
            if caller is not None:
                source = take(caller)
        # a target after one of the trigger's prepositions (or «مع», «إلى» for any actor)
        if target is None:
            for p in after:
                if id(p) in used or p.actor is None or p.actor == source:
                    continue
                if p.marker in entry.preps or (p.marker == MAA and entry.root in _WITH_ROOTS) or (
                    p.marker == ILA and p.actor_type in ("PERSON", "ORG") and entry.root == "04"
                ) or (p.marker == INVITE and entry.root == "04") or (
                    mt.form.pos == "noun" and p.marker == "ل" and entry.obj == "target" and _adjacent(ctx, j, p.t0)
                ):
                    if p.actor_type in PLACE_TYPES and p.marker != MAA and p.actor_type != "GPE":
                        continue
                    if p.actor_type == "GPE" and p.marker in ("ب", FI) and (
                        "ب" not in entry.preps or (not p.titled and _etype_sub(ctx, p.actor) in _TOWN_SUBTYPES)
                    ):
                        continue  # «بمنزل بورقيبة»: where, not whom
                    target = take(p)
                    break
        capitals_named = {p.actor for p in after if id(p) in used and p.marker in (BARE, COORD) and entry.root != "14"}
        if target is None and entry.root in _FORCE_ROOTS:
            # «عملية عسكرية لمواجهة X», «لاستعادة قاعدة X», «هجوم على قاعدة X»: what force is used
            # against, a body or a site
            for p in after:
                if id(p) in used or p.actor == source or not (p.actor or p.head.type == "FAC"):
                    continue
                against = p.marker in ("ل", BARE) and any(
                    f in w.against for t in (p.t0, p.t0 - 1) if j <= t < p.mt0 for f in ctx.forms(t)
                )
                # «غارات على مواقع تنظيم X», «على مواقع لجماعة X»: the side whose places they are
                against = against or (p.marker in ("ل", BARE) and p.actor_type in ("ORG", "GPE", "PERSON") and any(
                    f in w.sites for t in (p.t0, p.t0 - 1) if j <= t < p.mt0 for f in ctx.forms(t)
                ) and (mt.form.pos == "verb" or any(ctx.base(t) == ALA for t in range(max(j, p.t0 - 3), p.t0))))
                if against or (p.head.type == "FAC" and p.marker in entry.preps):
                    used.add(id(p))
                    target = p.actor or p.head.entity
                    break
        if entry.gen == "patient" and (target is None or _etype(ctx, target) in PLACE_TYPES):
            # «اعتقال 15 شخصا، بينهم X و Y»: the named among those it befell (not the place
            # they are from)
            for t in range(j, min(b, j + 14)):
                if ctx.keys[t] in _AMONG and t + 1 < b:
                    named = next((p for p in phrases if p.t0 == t + 1 and p.actor and id(p) not in used
                                  and p.actor != source and p.actor_type in ("PERSON", "ORG")), None)
                    if named is not None:
                        target = take(named)
                    break
        if target is None and inherited_target is not None and inherited_target != source:
            target = inherited_target
        if target is None and entry.root in _OWNER_ROOTS:
            # «رحب بالقرار الذي اتخذه X», «انتقد الإجراءات التي أقرتها X»: the one whose act it is
            owner = self._relative_owner(ctx, phrases, j, b)
            if owner is not None and owner.actor != source:
                used.add(id(owner))
                target = owner.actor
        # pronouns: «استقبله», «زيارته», «معه»
        resumptive = mt.form.pos == "verb" and _after_relative(ctx, i, a)
        if mt.enclitic and (entry.obj == "target" or mt.form.pos == "noun") and not resumptive:
            fem = mt.enclitic in ("ها", "هن")
            plural = mt.enclitic in ("هم", "هما", "هن")
            ref = self._woman_before(ctx, phrases, i, source) if fem and mt.form.pos == "verb" else None
            ref = ref or _earlier_actor(ctx, earlier, source, fem, verbs_only=mt.form.pos == "noun")
            if mt.form.pos == "noun" and ref is not None and not fem:
                # «نفت الرئاسة تصريحات فلان بخصوص لقائه»: a person named since is nearer
                last = max((x.match.i for x in earlier if x.match.form.pos == "verb"), default=a)
                nearer = next((p.actor for p in reversed(phrases) if last < p.t0 and p.t1 <= i
                               and p.actor_type == "PERSON" and p.actor != source), None)
                ref = nearer or ref
            if mt.form.pos == "noun" and ref is None and not plural:
                # «اعتبرت نسمة قرار الهيئة …، معبرة عن "رفضها …"»: in someone's words, their own
                spk = self._speaker_at(ctx, i)
                typ = _etype(ctx, spk or "")
                if spk and spk != source and (typ in ("ORG", "GPE") if fem else typ in ("PERSON", "ORG")):
                    ref = spk
            if mt.form.pos == "noun":  # «شجعت X … في اعتداءاتها»: the possessor named before, nearest
                ref = ref or _resolve_in_sentence(phrases, i, source, fem)
            ref = ref or sal.resolve(i, (source,), fem, self._fs[max(0, k - 3)][0])
            ref = ref or _resolve_in_sentence(phrases, i, source, fem)
            if plural and ref is not None and _etype(ctx, ref) == "PERSON":
                ref = None  # «إيقافهم»: several people, not the one person named before
            if ref is not None and entry.gen == "patient" and _etype(ctx, ref) in PLACE_TYPES and entry.root != "19":
                ref = None  # «ويتم اختطافها» after «سليانة»: a person, not the town
            if ref is not None and entry.root in _FORCE_ROOTS and any(
                ref == spk and s <= ctx.starts[i] < e for s, e, spk in self._said
            ):
                ref = None  # «وبين أن مهاجمة مواطن والقيام باغتياله …»: not the one whose words these are
            if mt.form.pos == "verb" and target is None:
                target = ref
            elif mt.form.pos == "noun":
                if ref is not None and entry.root == "04" and _etype(ctx, ref) == "GPE":
                    # «عن زيارتها» after «سوسة»: the place visited, not a visitor
                    location = location or ref
                    target, weak_target = target or ref, target is None or weak_target
                elif entry.gen == "patient" and target is None:
                    target = ref
                elif source is None:
                    source = ref
        if target is None and source is not None and entry.root in _HOLDER_ROOTS:
            # «قرار الهيئة القاضي بإيقاف بث برامجها»: the one whose thing it is acted upon
            for t in range(j, min(b, j + 2)):
                suf = _possessive(ctx, t)
                if suf:
                    fem = suf in ("ها", "هن")
                    ref = _resolve_in_sentence(phrases, i, source, fem) or sal.resolve(
                        i, (source,), fem, self._fs[max(0, k - 3)][0])
                    if ref is not None and ref != source:
                        target = ref
                    break
        # kinship: «نجل X» stands for a relative of X
        source = _kin_resolve(ctx, phrases, source, i)
        target = _kin_resolve(ctx, phrases, target, i)
        # the place (not one named inside words quoted around the event: «قال في كلمته أمام
        # البرلمان "… في شمال إفريقيا"»)
        quoted = self._quote_spans_without(ctx, i)
        # «وصل سفير X لدى اليمن فلان إلى صنعاء»: a place inside the subject's title is not where
        subject_at = next((p.mt0 for p in after if id(p) in used and p.actor == source and p.t0 >= j), j)
        for p in after + before:
            if id(p) in used or p.head.type not in PLACE_TYPES or p.titled or _in_spans(ctx, p, quoted):
                continue
            if j <= p.t0 < subject_at:
                continue
            pm = self._place_marker(ctx, p, a)
            if (pm in w.place_preps and pm not in (MIN, ALA)) or (
                p.marker == BARE and entry.root == "04" and mt.form.pos == "verb" and p.t0 >= j
            ):
                location = p.head.entity if p.head.type in PLACE_TYPES else None
                if p.marker in (ILA, BARE) and entry.root == "04" and target is None and p.head.type == "GPE":
                    target, weak_target = p.head.entity, True
                used.add(id(p))
                break
        if location is None and entry.root in _PLACE_BOUND_ROOTS:
            # «اغتيل فلان، وهو …؛ بإطلاق النار عليه في مالطا»: the place further in the sentence
            for p in sorted((p for p in phrases if j <= p.t0 < j + _MAX_PLACE and id(p) not in used), key=lambda p: p.t0):
                pm = self._place_marker(ctx, p, a)
                if (p.head.type in PLACE_TYPES and not p.titled and pm in w.place_preps and pm != MIN
                        and not _in_spans(ctx, p, quoted)):
                    location = p.head.entity
                    used.add(id(p))
                    break
        if source is None and mt.form.tense != "passive":
            # «رفعت البلاد مستوى التهديد»: the state named last; «ينتشر جنود الجيش في بريطانيا»:
            # the state where its forces act
            slot = self._subject_slot(ctx, mt, a, b)
            if slot is not None and ctx.isin(slot, w.country_nouns):
                source = _last_state(ctx, slot, self._fs[max(0, k - 2)][0])
            elif slot is not None and entry.root in _FORCE_ROOTS | {"15"} and w.forces.match(ctx, slot):
                source = _state_of(ctx, location)
        if target == source:
            target = None
        if target is not None and entry.root == "04" and _etype(ctx, target) in PLACE_TYPES:
            location = location or target  # «زار تونس»: the country visited is where, and the host
            weak_target = True
        if (
            mt.form.pos == "verb"
            and entry.gen == "patient"
            and target is None
            and source is not None
            and _etype(ctx, source) == "PERSON"
            and (not _office_holder(ctx, source) or self._agent_marker_after(ctx, j, b))
        ):
            # «كان X قد اعتقل عام 2008», «X كان قد اختطف من قبل مجموعة»: read as a passive (the
            # spelling is the same); a private person is the one arrested or abducted
            source, target = None, source
        elif (
            mt.form.pos == "verb"
            and mt.form.tense == "past"
            and entry.gen == "patient"
            and source is not None
            and not any(p.marker == AGENT for p in phrases if id(p) in used)
            and any(self.words.agent_markers.match(ctx, t) for t in range(j, min(hi + 1, b, j + 14)))
        ):
            # «وقتل فلان في ميلانو على يد شرطي»: an agent marker in the clause makes the verb a
            # passive; the one after it is its patient
            source, target = None, source
        if (
            target is not None
            and entry.root not in _TOWN_TARGET_ROOTS
            and _etype_sub(ctx, target) in _TOWN_SUBTYPES
            and not (_etype_sub(ctx, target) == "capital" and target in capitals_named)
        ):
            # «غلق الطريق بين القيروان وسيدي بوزيد», «مداهمة منزل في نابل»: a town is where (but
            # «اتهمت واشنطن طهران», «دعا الرياض وطهران»: a capital named as the one acted upon
            # stands for its government)
            location = location or target
            target = None
        if target == source:
            target = None
        if source is not None or target is not None:
            target = self._conjuncts(ctx, mt, phrases, used, men, source, target)
        men.source, men.target, men.location, men.weak_target = source, target, location, weak_target
        men.source_titled = source is not None and any(
            id(p) in used and p.actor == source and self._titled_before(ctx, p.mt0, max(a, j if p.t0 >= j else a))
            for p in phrases
        )
        arg_spans = [ctx.span(p.t0, p.t1) for p in phrases if id(p) in used]
        s0 = min([men.trigger.start, *(s.start for s in arg_spans)])
        s1 = max([men.trigger.end, *(s.end for s in arg_spans)])
        men.evidence = Span(s0, s1)
        return men

    def _conjuncts(
        self,
        ctx: DocContext,
        mt: Match,
        phrases: list[ActorPhrase],
        used: set[int],
        men: Mention,
        source: str | None,
        target: str | None,
    ) -> str | None:
        """Sides joined by «و» to the source or the target: «وقعت مصر والاتحاد الأوروبي» (the
        two parties of a symmetric act: the second is the target), «قطعت السعودية والإمارات
        العلاقات مع قطر», «دعا X الرياض وطهران» (one event for each). Sets ``men.pairs`` and
        returns the target."""

        def chain(actor: str | None) -> list[ActorPhrase]:
            if actor is None:
                return []
            p = next((q for q in phrases if id(q) in used and q.actor == actor), None) or next(
                (q for q in phrases if q.actor == actor and q.marker in (BARE, HEAD)), None)
            out: list[ActorPhrase] = []
            while p is not None:
                nxt = next((q for q in phrases if q.t0 >= p.t1 and q.actor and not any(
                    t in self._trigger_tokens or self._is_verb(ctx, t) for t in range(p.t1, q.mt0)) and (
                    (q.marker == COORD and all(ctx.keys[t] in ("،", ",") for t in range(p.t1, q.t0)))
                    or (q.marker == BARE and _joined(ctx, p.t1, q.t0)
                        and not any(p.t1 <= r.t0 < q.t0 for r in phrases)))), None)
                if nxt is None or nxt.actor in (source, target) or id(nxt) in used:
                    break
                if nxt.actor_type != p.actor_type and not {nxt.actor_type, p.actor_type} <= {"GPE", "ORG"}:
                    break  # «السفير X والوفد المرافق»: another kind of participant
                out.append(nxt)
                p = nxt
            return out

        subj = chain(source)
        symmetric = mt.entry.code[:3] in _SYMMETRIC_CODES or mt.entry.root == "06"
        if target is None and subj and symmetric:
            q0 = subj.pop(0)
            target = q0.actor
            used.add(id(q0))
        if target is None and mt.entry.root in _BETWEEN_ROOTS:
            subj = []  # an act of several with no target yet would merge as their act on each other
        for q in subj:
            used.add(id(q))
            men.pairs.append((q.actor, None if symmetric else target))
        if target is not None:
            for q in chain(target):
                used.add(id(q))
                men.pairs.append((source, q.actor))
        return target

    def _pair_after(
        self, ctx: DocContext, mt: Match, k: int, earlier: list[Mention]
    ) -> tuple[str, str] | None:
        """The two sides of the last two-sided event of this or the two sentences before, when
        the verb's subject is a dual noun that takes them up («الجانبان», «الطرفان»)."""
        j = mt.i + mt.n
        if j >= len(ctx.keys) or not ctx.isin(j, self.words.pair_nouns):
            return None
        if mt.entry.code[:3] not in _SYMMETRIC_CODES and mt.entry.root not in ("03", "06"):
            return None
        for m in reversed(earlier):
            if m.source and m.target and not m.weak_target and m.root in _PAIR_ROOTS:
                return m.source, m.target
        if self._pair is None or k - self._pair[0] > 2:
            return None
        return self._pair[1], self._pair[2]

    def _counterpart(self, ctx: DocContext, t: int, b: int) -> str | None:
        """«نظيره الإثيوبي» right at t (across a comma or a date): the state the adjective names,
        when the text names it."""
        while t < b and (ctx.keys[t] in ("،", ",") or any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(t, t + 1))):
            t += 1
        if t + 1 >= b or not any(f in _COUNTERPARTS for f in ctx.forms(t)):
            return None
        return self._adjectives.get(t + 1)

    def _coordinated_light_subject(
        self, ctx: DocContext, phrases: list[ActorPhrase], mt: Match, a: int
    ) -> str | None:
        """The subject of the light verb that opens the clause, for an event noun joined by «و»
        further on (no full stop, complementizer, relative, quote or clause of its own between)."""
        w = self.words
        for v in range(mt.i - 1, max(a, mt.i - 40) - 1, -1):
            k = ctx.keys[v]
            if self._is_light(ctx, v) and not ctx.isin(v, _WITNESS):
                subj = next((p for p in phrases if v < p.t0 < mt.i and p.marker in (BARE, HEAD, GROUP) and p.actor
                             and all(_skippable(ctx, t, w) or any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(v, p.t0))
                                     for t in range(v + 1, p.t0))), None)
                return subj.actor if subj is not None else None
            joined = ctx.base(v) != k  # «وقال», «ويرى»: a clause of its own
            if k in _FULL_STOPS or k in "\"«»“”" or ctx.isin(v, w.stops) or (
                joined and (ctx.isin(v, self.reporting) or self._is_verb(ctx, v))
            ):
                return None
        return None

    def _object_gap(self, ctx: DocContext, phrases: list[ActorPhrase], o0: int, t0: int) -> int:
        """The words between a verb's subject (or the verb) and its object, not counting commas, a
        date, or a place in «في/ب» («استقبل X، اليوم الأحد بقصر قرطاج، Y»)."""
        if t0 - o0 > 30:
            return t0 - o0
        times = ctx.times_in(o0, t0)
        places = [p for p in phrases if o0 <= p.t0 and p.t1 <= t0 and p.head.type in PLACE_TYPES
                  and p.marker in self.words.place_preps]
        if any(o0 <= p.t0 and p.t1 <= t0 and p.actor and p.head.type not in PLACE_TYPES
               and p.marker not in self.words.place_preps for p in phrases):
            return t0 - o0  # another actor in between: the object is no further than before
        n = 0
        for t in range(o0, t0):
            if ctx.keys[t] in ("،", ","):
                continue
            if any(tr.t0 <= t < tr.t1 for tr in times):
                continue
            if any(p.mt0 - 1 <= t < p.t1 or p.t0 <= t < p.t1 for p in places):
                continue
            n += 1
        return n

    def _masdar_subject(self, ctx: DocContext, phrases: list[ActorPhrase], mt: Match, a: int) -> ActorPhrase | None:
        """A past verb without a proclitic right after the subject of a light verb («أعلن X قطع»,
        «قررت X طرد»: a verb would need «و» or «أن» there) is the verbal noun, the light verb's
        object: the phrase of that subject, or None."""
        if mt.form.tense != "past" or mt.prefix or mt.enclitic:
            return None
        v = self._light_verb_before(ctx, mt.i, a)
        if v is None or ctx.isin(v, _WITNESS):
            return None
        subj = [p for p in phrases if v < p.t0 and p.t1 <= mt.i and p.marker in (BARE, HEAD, GROUP) and p.actor]
        if not subj:
            return None
        p = subj[0]
        if not all(_skippable(ctx, t, self.words) or ctx.isin(t, self.words.group_nouns)
                   or any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(v, p.t0)) for t in range(v + 1, p.t0)):
            return None
        # between the subject and the trigger: a date, a comma, or the other subjects joined by «و»
        rest = [q for q in phrases if p.t1 <= q.t0 and q.t1 <= mt.i]
        for t in range(p.t1, mt.i):
            if ctx.keys[t] in ("،", ",") or any(q.t0 <= t < q.t1 and q.marker == COORD for q in rest):
                continue
            if any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(p.t1, mt.i)):
                continue
            return None
        return p

    def _nominal_subject(self, ctx: DocContext, j: int, b: int, i: int, a: int) -> str | None:
        """«ويؤدي رئيس الجمهورية زيارة», «أكدت الوزارة»: a subject named by a common noun."""
        t = j
        while t < b and t - j < 3 and _skippable(ctx, t, self.words):
            t += 1
        if t >= b or t in ctx.mention_at or not ctx.is_arabic(t):
            return None
        w = self.words
        base = ctx.base(t)
        if ctx.isin(t, w.stops) or ctx.isin(t, w.preps) or self._is_verb(ctx, t):
            return None
        if not (base.startswith("ال") or ctx.isin(t, w.titles) or any(f in w.titles for f in ctx.forms(t))):
            return None
        return self.nominal.resolve(ctx, t)

    def _opening_subject(
        self, ctx: DocContext, phrases: list[ActorPhrase], a: int, i: int, exclude: str | None
    ) -> str | None:
        """The named subject of the verb that opens the sentence, a reporting or light verb
        («أعلن X، في كلمة متلفزة، استقالته، متهما Y …»): who the rest of the sentence is about."""
        v = next((t for t in range(a, min(i, a + 3)) if ctx.is_arabic(t) and (
            ctx.isin(t, self.reporting) or self._is_light(ctx, t))), None)
        if v is None:
            return None
        subj = next((p for p in phrases if v < p.t0 < i and p.marker in (BARE, HEAD) and p.actor), None)
        if subj is None or subj.actor == exclude or not all(
            _skippable(ctx, t, self.words) or ctx.isin(t, self.words.group_nouns)
            or any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(v, subj.t0)) for t in range(v + 1, subj.t0)
        ):
            return None
        return subj.actor

    def _object_not_subject(
        self, ctx: DocContext, mt: Match, a: int, subj: ActorPhrase, after: list[ActorPhrase], used: set[int]
    ) -> bool:
        """A verb that cannot go without its object, joined by «و» after a comma in the middle of
        a sentence, with one actor after it and no other bare actor after that one: the actor
        is its object and its subject is dropped («…، وحمّل X المسؤولية»)."""
        i = mt.i
        if not mt.entry.transitive or mt.prefix[:1] not in ("و", "ف") or mt.enclitic or mt.form.pos != "verb":
            return False
        if i - 1 <= a or ctx.keys[i - 1] not in ("،", ","):
            return False
        if subj.t0 < i + mt.n or subj.t0 - (i + mt.n) > 1:
            return False
        return not any(
            p.actor and p.marker in (BARE, HEAD) and p.t0 >= subj.t1 and id(p) not in used and p is not subj
            and p.t0 - subj.t1 <= 3
            for p in after
        )

    def _theme_owner(
        self, ctx: DocContext, phrases: list[ActorPhrase], o0: int, b: int, used: set[int], source: str | None
    ) -> ActorPhrase | None:
        """The actor whose thing the object is, when the object is a noun without the article
        right after the subject: its genitive («مقترح الرئيس Y»: the noun is in construct) or the
        subject of a light verb that describes it with a pronoun («مبادرة أعلنتها Y»)."""
        t = o0
        while t < b and (any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(t, t + 1)) or ctx.keys[t] in ("،", ",")):
            t += 1  # «رفضت X، أمس الأحد، عرض Y»
        if t >= b or not ctx.is_arabic(t) or t in ctx.mention_at or ctx.keys[t].startswith("ال"):
            return None
        w = self.words
        if ctx.isin(t, w.preps) or ctx.isin(t, w.auxiliaries) or ctx.isin(t, w.stops) or self._is_verb(ctx, t):
            return None
        if ctx.base(t) in _NOUN_BEFORE or self.lex.match(ctx, t) is not None or ctx.isin(t, w.group_nouns):
            return None
        at = t + 1
        if at < b and ctx.is_arabic(at) and at not in ctx.mention_at and self._is_light(ctx, at) and not ctx.isin(
            at, w.light_verbs
        ):
            at += 1  # the light verb carries the pronoun of the thing it describes
        return next(
            (p for p in phrases if p.t0 == at and p.actor and p.actor != source and p.marker == BARE
             and id(p) not in used),
            None,
        )

    def _dropped_subject(self, ctx: DocContext, mt: Match, a: int, b: int) -> bool:
        """A verb whose subject is not written: it continues the text's topic («وأضاف»,
        «كما التقى», «حيث يؤدي»). Not a first-person verb, and no plain noun right after it
        that could be its own subject."""
        if mt.form.first_person:
            return False
        i = mt.i
        k = i - 1
        while k >= a and i - k <= 2 and ctx.isin(k, self.words.auxiliaries):
            k -= 1
        cont = mt.prefix[:1] in ("و", "ف") or i == a or (
            i > a and (ctx.keys[i - 1] in ("،", ",") or ctx.isin(i - 1, _CONTINUATIONS))
        ) or (k >= a and ctx.isin(k, _SUBJUNCTIVE))  # «نفى أن يكون وقّع», «قرر أن يزور»
        if not cont:
            return False
        j = i + mt.n
        if j < b and ctx.is_arabic(j) and j not in ctx.mention_at:
            if ctx.isin(j, self.words.group_nouns) or ctx.isin(j, _ANONYMOUS):
                return False
            # «كما اعتقلت الفتاة»: a definite noun right after the verb is its own subject (or
            # the patient of a passive), not the topic's object
            if ctx.base(j).startswith("ال") and not ctx.isin(j, self.words.auxiliaries) and not any(
                tr.t0 <= j < tr.t1 for tr in ctx.times_in(j, j + 1)
            ):
                return False
        return True

    def _topic(
        self, ctx: DocContext, mt: Match, k: int, earlier: list[Mention], sal: _Salience, exclude: str | None
    ) -> str | None:
        """The actor the text is about: the source of an event before in the sentence, else the
        last subject or speaker of the sentences before."""
        for prev in reversed(earlier):
            if prev.source and prev.source != exclude:
                return prev.source
        return sal.resolve(mt.i, (exclude,), mt.form.fem, self._fs[max(0, k - 3)][0], subjects_only=True)

    def _light_verb_before(self, ctx: DocContext, i: int, a: int) -> int | None:
        """The light verb that governs the event noun at i («أطلقت وزارة الدفاع … عملية»), at
        most _MAX_LIGHT tokens before it, with no other verb in between."""
        if self._in_construct(ctx, i, a) or (i < len(ctx.keys) and self._with_lam(ctx, i)):
            return None  # «وجه انتقادات لزيارة النواب»: the visit is not what was made
        for v in range(i - 1, max(a, i - _MAX_LIGHT) - 1, -1):
            if ctx.keys[v] in _FULL_STOPS:
                return None
            if not ctx.is_arabic(v):
                continue
            if self._is_light(ctx, v):
                return v
            if self._is_verb(ctx, v) or self.lex.match(ctx, v) is not None:
                return None  # «عبرت X عن إدانتها للهجوم»: the light verb governs the nearer noun
        return None

    def _with_lam(self, ctx: DocContext, i: int) -> bool:
        """The event noun at i carries the preposition «ل» («لزيارة»)."""
        m = self.lex.match(ctx, i)
        return m is not None and m.form.pos == "noun" and lam_prefix(m.prefix)

    def _passive_aux(self, ctx: DocContext, mt: Match, a: int) -> bool:
        """«تم حجز», «يتم إيقاف», «جرى توقيع»: an impersonal passive, whose agent is not the
        pronoun of «أنه» before it nor the speaker."""
        if ctx.base(mt.i) in _PASSIVE_AUX:
            return True
        t = mt.i - 1
        return t >= a and ctx.base(t) in _PASSIVE_AUX

    def _in_construct(self, ctx: DocContext, i: int, a: int) -> bool:
        """The event noun at i is the genitive of the noun before it («ضحايا التفجيرين»), so no
        light verb governs it; a frame noun («عملية اغتيال», «إطلاق عملية») does not count."""
        t = i - 1
        if t < a or not ctx.is_arabic(t) or t in ctx.mention_at or self._is_light(ctx, t):
            return False
        if any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(max(a, t - 4), i)):
            return False
        w = self.words
        if ctx.isin(t, w.frame_nouns) or any(f in w.frame_nouns for f in ctx.forms(t)):
            return False
        if ctx.isin(t, w.preps) or ctx.isin(t, w.auxiliaries) or ctx.isin(t, w.stops) or ctx.base(t) in _NOUN_BEFORE:
            return False
        if self.lex.match(ctx, t) is not None:
            return False
        return not ctx.keys[t].startswith("ال") or ctx.keys[i].startswith("ال")

    def _is_light(self, ctx: DocContext, t: int) -> bool:
        """Token t is a light verb («عقد», «أجرى»), also with an object pronoun («أجراها»,
        «نفذوه») and proclitics."""
        return _with_pronoun_in(ctx, t, self.words.light_verbs)

    def _relative_owner(self, ctx: DocContext, phrases: list[ActorPhrase], j: int, b: int) -> ActorPhrase | None:
        """The subject of a light verb in a relative clause on the trigger's object («بالقرار الذي
        اتخذه الاتحاد الآسيوي»), within a few words after the trigger."""
        for t in range(j, min(b - 2, j + 10)):
            if ctx.keys[t] in _FULL_STOPS or (t > j and self._is_verb(ctx, t)):
                return None
            if ctx.isin(t, _RELATIVES) and self._is_light(ctx, t + 1):
                u = t + 2
                if u < b and ctx.keys[u] in ("بها", "به", "بهما", "بهم"):
                    u += 1
                return next((p for p in phrases if p.t0 == u and p.marker in (BARE, HEAD, GROUP) and p.actor), None)
        return None

    def _light_relative(self, ctx: DocContext, t: int, j: int, b: int) -> bool:
        """Token t is a relative pronoun after the event noun ending at j (across adjectives),
        followed by a light verb: «المباحثات التي أجراها», «العملية التي قامت بها»."""
        if not (ctx.isin(t, _RELATIVES) and t + 1 < b and t - j <= 3):
            return False
        if any(not ctx.keys[u].startswith("ال") for u in range(j, t)):
            return False
        return self._is_light(ctx, t + 1)

    def _relative_agent(self, ctx: DocContext, phrases: list[ActorPhrase], j: int, b: int) -> str | None:
        """«العملية العسكرية التي قامت بها الولايات المتحدة», «الهجوم الذي شنه التنظيم»: the
        subject of a light verb in a relative clause right after the event noun."""
        t = j
        while t < b and t - j < 3 and ctx.keys[t].startswith("ال") and not ctx.isin(t, _RELATIVES):
            t += 1  # adjectives of the noun
        if t == j and j + 1 < b and self._is_light(ctx, j) and ctx.keys[j + 1] in ("بها", "به", "بهما", "بهم"):
            t = j - 1  # «شكاية تقدمت بها X», «عملية قامت بها X»: a describing clause without a relative
        elif not (t < b and ctx.isin(t, _RELATIVES)):
            return None
        v = t + 1
        if not (v < b and self._is_light(ctx, v)) or _with_pronoun_in(ctx, v, _WITNESS):
            return None  # «الاشتباكات التي شهدتها طرابلس»: where, not who
        u = v + 1
        if u < b and ctx.keys[u] in ("بها", "به", "بهما", "بهم"):
            u += 1
        ph = next((p for p in phrases if p.t0 == u and p.marker in (BARE, HEAD, GROUP) and p.actor), None)
        return ph.actor if ph is not None else None

    def _place_anaphor(self, ctx: DocContext, mt: Match, b: int) -> bool:
        """A visit to a place named by a definite common noun («الجهة», «المدينة», «البلاد»)."""
        if mt.entry.root != "04":
            return False
        t = mt.i + mt.n
        if t < b and ctx.isin(t, _PLACE_PREPS_NOUN):
            t += 1
        return t < b and ctx.keys[t].startswith("ال") and any(f in self.words.place_nouns for f in ctx.forms(t))

    def _subject_slot(self, ctx: DocContext, mt: Match, a: int, b: int) -> int | None:
        """The token where the unnamed subject of the trigger stands: right after a verb (VSO) or
        right before it; for an event noun, right after its light verb."""
        if mt.form.pos == "verb":
            t = mt.i + mt.n
            while t < b and t - (mt.i + mt.n) < 3 and _skippable(ctx, t, self.words):
                t += 1
            if t < b and ctx.is_arabic(t) and t not in ctx.mention_at:
                return t
            t = mt.i - 1
            return t if t >= a and ctx.is_arabic(t) and t not in ctx.mention_at else None
        v = self._light_verb_before(ctx, mt.i, a)
        if v is not None and v + 1 < mt.i and ctx.is_arabic(v + 1) and v + 1 not in ctx.mention_at:
            return v + 1
        return None

    def _woman_before(self, ctx: DocContext, phrases: list[ActorPhrase], i: int, exclude: str | None) -> str | None:
        """«توجهت فلانة إلى بنغازي حيث استقبلها X»: a person named right after a feminine verb
        earlier in the sentence is a woman, and «ها» on a verb points to her before any body."""
        for p in reversed(phrases):
            if p.t1 <= i and p.actor and p.actor != exclude and p.actor_type == "PERSON":
                v = p.t0 - 1  # a past verb with the feminine «ت» (not a plural «ات» noun)
                k = ctx.keys[v] if v >= 0 and ctx.is_arabic(v) and v not in ctx.mention_at else ""
                if len(k) >= 3 and k.endswith("ت") and not k.endswith("ات"):
                    return p.actor
        return None

    def _speaker_at(self, ctx: DocContext, i: int, person: bool = False, body: bool = False) -> str | None:
        """The speaker of the words token i stands in (a person, for «أنا», «التقيت»; a body or
        state, for «أنها» after a man's words: «وأضاف أنها طالبت» is about the union)."""
        for s0, s1, spk in self._said:
            if s0 <= ctx.starts[i] < s1:
                if person and _etype(ctx, spk or "") != "PERSON":
                    return None
                if body and _etype(ctx, spk or "") == "PERSON":
                    return None
                return spk
        return None

    def _speaker_pronoun(self, ctx: DocContext, i: int, a: int) -> bool:
        """A noun or adjective trigger whose subject is the speaker: after «أنه»/«أنها» («أكد
        أنه على استعداد»), or after «أنا»/«نحن» in someone's words («"أنا نفسي مستعد"»)."""
        if self._pronoun_subject(ctx, i, a):
            return True
        for t in range(i - 1, max(a, i - 3) - 1, -1):
            if ctx.base(t) in _FIRST_PERSON:
                return True
            if ctx.base(t) not in _SELF:
                return False
        return False

    def _received(
        self, ctx: DocContext, phrases: list[ActorPhrase], mt: Match, a: int, b: int, earlier: list[Mention]
    ) -> tuple[str, str | None] | None:
        """(source, target) of an event noun that someone received: «اتصال هاتفي تلقاه X من Y»,
        «خلال اتصال تلقاه من Y» (X: the subject of the clause), «تلقى X اتصالا من Y»."""
        w = self.words
        i, j = mt.i, mt.i + mt.n
        v = None
        t = j
        while t < min(b, j + 3) and ctx.keys[t].startswith("ال") and not ctx.isin(t, w.receive_verbs):
            t += 1  # adjectives of the noun
        if t < b and ctx.isin(t, w.receive_verbs):
            v = t
        elif i - 1 >= a and any(ctx.isin(u, w.receive_verbs) for u in range(max(a, i - 5), i)):
            v = next(u for u in range(i - 1, max(a, i - 5) - 1, -1) if ctx.isin(u, w.receive_verbs))
        if v is None:
            return None
        src = next((p for p in phrases if p.marker == MIN and p.t0 > v and p.t0 - v <= 8 and p.actor), None)
        if src is None or src.actor is None:
            return None
        got = next((p.actor for p in phrases if v < p.t0 and p.t1 <= i and p.marker == BARE and p.actor), None)
        if got is None:  # the subject of the clause the event is part of
            got = next((m.source for m in reversed(earlier) if m.source), None)
        if got is None:
            got = next((p.actor for p in phrases if p.t1 <= i and p.marker == BARE and p.actor), None)
        return src.actor, (got if got != src.actor else None)

    def _agent_marker_after(self, ctx: DocContext, j: int, b: int) -> bool:
        """«من قبل», «على يد» within a few words after the verb (with or without a name)."""
        w = self.words
        return any(w.agent_markers.match(ctx, t) for t in range(j, min(b, j + 6)))

    def _agent_noun_before(self, ctx: DocContext, mt: Match, a: int) -> int:
        """Length of the agent noun phrase right before the trigger («منفذ», «المشتبه به في»), or 0."""
        w = self.words
        return next((n for n in range(1, 4) if mt.i - n >= a and w.agent_nouns.match(ctx, mt.i - n) == n), 0)

    def _agent_noun(self, ctx: DocContext, phrases: list[ActorPhrase], mt: Match, a: int, b: int) -> str | None:
        """«X هو منفذ التفجير», «المشتبه به في هجوم برلين X»: the agent of an event noun named
        by an agent noun right before it: the person or body in apposition after the event
        phrase, else the one the agent noun is said of before it."""
        w = self.words
        i = mt.i
        n = next((n for n in range(1, 4) if i - n >= a and w.agent_nouns.match(ctx, i - n) == n), 0)
        if not n:
            return None
        for p in phrases:
            if mt.entry.gen == "patient" and p.t0 == i + mt.n:
                continue  # «المسؤولة عن محاولة اغتيال X»: X is the one targeted
            if p.t0 >= i + mt.n and p.t0 - (i + mt.n) <= 6 and p.marker == BARE and p.actor_type in ("PERSON", "ORG"):
                return p.actor
        for p in reversed(phrases):
            if p.t1 <= i - n and (i - n) - p.t1 <= 8 and p.marker == BARE and p.actor_type in ("PERSON", "ORG"):
                # «X (22 عاما) هو منفذ التفجير»: only a pronoun, figures and marks in between
                gap = range(p.t1, i - n)
                if all(not ctx.is_arabic(t) or ctx.base(t) in _COPULAS for t in gap):
                    return p.actor
                return None
        return None

    def _clause_initial(self, ctx: DocContext, v: int, a: int) -> bool:
        """The verb at v opens its clause (its subject may be dropped): the start of the
        sentence, after a comma or a continuation («كما», «ثم»), with «و/ف», or after
        auxiliaries or «أن»; not after a name or a noun («أن أحد العاملين بجهة X قام …»)."""
        if v == a or (ctx.keys[v][:1] in ("و", "ف") and ctx.base(v) != ctx.keys[v]):
            return True
        k = v - 1
        while k >= a and v - k <= 3 and ctx.isin(k, self.words.auxiliaries):
            k -= 1
        if k < a:
            return True
        return ctx.keys[k] in ("،", ",") or ctx.isin(k, _CONTINUATIONS) or ctx.isin(k, _SUBJUNCTIVE) or ctx.isin(
            k, self.reporting)

    def _plain_noun(self, ctx: DocContext, t: int, i: int) -> bool:
        """Token t (before i) is a common noun that can be a subject: Arabic, no name, no time,
        no preposition, particle or verb."""
        if t >= i or not ctx.is_arabic(t) or t in ctx.mention_at:
            return False
        if any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(max(0, t - 4), t + 1)):
            return False
        w = self.words
        return not (ctx.isin(t, w.preps) or ctx.isin(t, w.auxiliaries) or ctx.isin(t, w.stops)
                    or self._is_verb(ctx, t) or ctx.base(t) in _NOUN_BEFORE or self.lex.match(ctx, t) is not None)

    def _noun_subject_before(self, ctx: DocContext, mt: Match, a: int) -> bool:
        """The verb follows a common noun that is its subject: a describing clause («تقرير يتهم
        X», «منظمة تدعو X») or a subject named by a common noun («الوزير التقى X»). The phrase
        after the verb is then its object, not its subject."""
        j = mt.i + mt.n
        if j < len(ctx.keys) and ctx.base(j) in _PREP_PRONOUNS and j + 1 in ctx.mention_at:
            return False  # «في خطوة رحبت بها مصر»: the pronoun takes the noun up, the name is the subject
        if mt.enclitic and j in ctx.mention_at:
            return False  # «خطوة رفضتها إسرائيل»
        return self._noun_before(ctx, mt.i, mt.prefix, a)

    def _noun_before(self, ctx: DocContext, i: int, prefix: str, a: int) -> bool:
        if prefix[:1] in ("و", "ف") or i - 1 < a or not ctx.is_arabic(i - 1) or (i - 1) in ctx.mention_at:
            return False
        w = self.words
        t = i - 1
        if any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(max(a, t - 4), i)):
            return False
        if ctx.isin(t, w.auxiliaries) or ctx.isin(t, w.stops) or ctx.isin(t, w.preps) or ctx.isin(t, w.light_verbs):
            return False
        if ctx.isin(t, _CONTINUATIONS) or ctx.isin(t, _SUBJUNCTIVE) or ctx.isin(t, _RELATIVES) or self._is_verb(ctx, t):
            return False
        k = ctx.keys[t]
        return not k.endswith("ا") or k.startswith("ال")  # not an adverb («رسميا», «مجددا»)

    def _pronoun_subject(self, ctx: DocContext, i: int, a: int) -> bool:
        """The verb's subject is the pronoun of «أنه/أنها/إنه» before it (across auxiliaries)."""
        k = i - 1
        while k >= a and i - k <= 4:
            w = ctx.base(k)
            if w in _PRONOUN_COMPLEMENTIZERS or any(f in _PRONOUN_COMPLEMENTIZERS for f in ctx.forms(k)):
                return True
            if w not in self.words.auxiliaries and ctx.keys[k] not in "\"«»“”":
                return False  # «إنه "يرفض …"»: a quotation mark does not stand between
            k -= 1
        return False

    def _subject_after(
        self, ctx: DocContext, after: list[ActorPhrase], j: int, used: set[int], destination: bool = False
    ) -> ActorPhrase | None:
        for p in after:
            if id(p) in used:
                continue
            if destination and p.head.type in PLACE_TYPES and p.marker == BARE and not p.titled:
                return None  # «يزور بنغازي»: a place right after a visit verb is where, not who
            if p.marker in (BARE, HEAD, GROUP) and p.t0 - j <= 8:
                inside = {t for q in after if q is not p and q.marker not in (BARE, HEAD, GROUP) for t in range(q.t0, q.t1)}
                if all(
                    t in inside or _skippable(ctx, t, self.words) or ctx.isin(t, self.words.group_nouns)
                    for t in range(j, p.t0)
                ):
                    return p
            if p.t0 - j > 8:
                break
        return self._titled_subject(ctx, after, j, used) or self._affiliated_subject(ctx, after, j, used)

    def _affiliated_subject(
        self, ctx: DocContext, after: list[ActorPhrase], j: int, used: set[int]
    ) -> ActorPhrase | None:
        """«قصفت طائرات حربية تابعة لسلاح الجو X», «اعتقلت عناصر تابعة لجهاز X»: a unit named by
        a common noun, said to belong to X, acts for X."""
        w = self.words
        if j >= len(ctx.keys) or not (ctx.isin(j, w.group_nouns) or w.forces.match(ctx, j)):
            return None
        for t in range(j + 1, min(len(ctx.keys), j + 4)):
            if not ctx.is_arabic(t) or t in ctx.mention_at:
                return None
            if ctx.isin(t, w.affiliation):
                return next((p for p in after if p.t0 in (t, t + 1) and p.marker in ("ل", BARE) and p.actor
                             and id(p) not in used), None)
        return None

    def _titled_before(self, ctx: DocContext, t: int, lo: int) -> bool:
        """An office title among the words right before token t (back to lo, no comma)."""
        for u in range(t - 1, max(lo, t - 12) - 1, -1):
            if not ctx.is_arabic(u):
                return False
            if self._official_title(ctx, u):
                return True
        return False

    def _official_title(self, ctx: DocContext, t: int) -> bool:
        """Token t is a title of an office («سفير», «وزير», «رئيس», «الأمير»), per titles.yaml."""
        return any((f[2:] if f.startswith("ال") else f) in self.official_titles for f in ctx.forms(t))

    def _titled_subject(
        self, ctx: DocContext, after: list[ActorPhrase], j: int, used: set[int]
    ) -> ActorPhrase | None:
        """«استقبل ولي العهد نائب رئيس مجلس الوزراء وزير الدفاع الأمير X», «ندد شيخ الأزهر الإمام
        الأكبر X»: a chain of titles and the bodies they are of (no comma, verb or
        preposition in it) ending in a person's name; that person is the subject."""
        w = self.words

        def titled(t: int) -> bool:
            return any((f[2:] if f.startswith("ال") else f) in self.person_titles for f in ctx.forms(t))

        if j >= len(ctx.keys) or not titled(j):
            return None
        for p in after:
            if p.t0 - j > 14:
                return None
            if p.actor_type != "PERSON":
                continue
            if p.marker not in (BARE, HEAD, GROUP) and not (
                # «المبعوثة الخاصة إلى ليبيا، فلانة»: the phrase of a title link may end in the name
                ctx.base(p.t0) in w.title_links and any(ctx.keys[t] in ("،", ",") for t in range(p.t0, p.t1))
            ):
                continue
            if id(p) in used:
                return None
            for t in range(j, p.t0):
                if t in ctx.mention_at:
                    continue
                if t == p.t0 - 1 and t > j and ctx.keys[t] in ("،", ","):
                    continue  # «المبعوثة الخاصة إلى ليبيا، فلانة»: the name in apposition
                if not ctx.is_arabic(t) or self._is_verb(ctx, t) or ctx.isin(t, w.stops):
                    return None
                if not (titled(t) or ctx.keys[t].startswith(("ال", "لل")) or ctx.base(t) in w.title_links):
                    return None
            return p
        return None

    def _patient_after(
        self, ctx: DocContext, after: list[ActorPhrase], j: int, used: set[int]
    ) -> ActorPhrase | None:
        """The first named person or body after a passive verb, past the words that describe it
        (nouns, adjectives, numbers, «من», phrases in «في»/«ل»), before any verb or clause mark."""
        w = self.words
        for p in after:
            if p.t0 - j > _MAX_PATIENT:
                return None
            if id(p) in used or p.actor is None or p.actor_type not in ("PERSON", "ORG"):
                continue
            if p.marker not in (BARE, HEAD, GROUP):
                continue
            for t in range(j, p.t0):
                k = ctx.keys[t]
                if ctx.kinds[t] == "punct" and k not in "\"«»“”'":
                    return None
                if ctx.is_arabic(t) and (ctx.isin(t, w.stops) or self._is_verb(ctx, t)):
                    return None
            return p
        return None

    def _subject_before(self, ctx: DocContext, before: list[ActorPhrase], i: int) -> ActorPhrase | None:
        last: ActorPhrase | None = None
        for p in reversed(before):
            if p.marker == COORD and (last is None or last.marker == COORD):
                last = last or p
                continue  # «إن الحكومة وجماعة الحوثي اتفقتا»: the first of the joined subjects
            if p.marker not in (BARE, HEAD, GROUP):
                return None
            if last is not None:
                gap = range(last.t1, i)
                joined = all(q.t1 <= r.t0 and all(ctx.keys[t] in ("،", ",") for t in range(q.t1, r.t0))
                             for q, r in pairwise([p, *(x for x in before if p.t1 <= x.t0 and x.t1 <= last.t1)]))
                if joined and len(gap) <= 3 and all(ctx.isin(t, self.words.auxiliaries) for t in gap):
                    return p
                return None
            gap = range(p.t1, i)
            if len(gap) <= 3 and all(ctx.isin(t, self.words.auxiliaries) or ctx.keys[t] in "\"«»“”" for t in gap):
                return p  # «أن تنظيم "داعش" احتل …»
            return None
        return None

    def _light_verb_subject(
        self, ctx: DocContext, phrases: list[ActorPhrase], i: int, lo: int, a: int
    ) -> str | None:
        v = self._light_verb_before(ctx, i, a)
        if v is None:
            return None
        # the subject right after the light verb (across a date, «اليوم», a comma), not a name
        # further on («أعلنت مصادر عن مقتل X خلال اشتباكات»: X is no agent)
        between = [p for p in phrases if v < p.t0 and p.t1 <= i and p.marker in (BARE, HEAD, GROUP)
                   and all(_skippable(ctx, t, self.words) or ctx.isin(t, self.words.group_nouns)
                           or any(tr.t0 <= t < tr.t1 for tr in ctx.times_in(v, p.t0)) for t in range(v + 1, p.t0))]
        if between:
            return _kin_resolve(ctx, phrases, between[0].actor, i) if between[0].kin else between[0].actor
        before = [p for p in phrases if p.t1 <= v and v - p.t1 <= 2 and p.marker in (BARE, HEAD, GROUP)]
        if before:
            return before[-1].actor
        return _unnamed_kin(ctx, v + 1, i)

    # ------------------------------------------------------------------------------------------
    def to_events(
        self, ctx: DocContext, mentions: list[Mention], trace: dict[int, str] | None = None
    ) -> list[Event]:
        """Merge the mentions into events. ``trace`` (for diagnostics) receives, for each
        mention's ``id()``, what became of it: the event id, or why it was dropped."""
        why: dict[int, str] = trace if trace is not None else {}
        groups: list[list[Mention]] = []
        for m in mentions:
            if m.mode == HYPOTHETICAL:
                why[id(m)] = "dropped: hypothetical"
                continue
            if m.source is None and m.target is None:
                why[id(m)] = "dropped: no named actor"
                continue  # who did what to whom: an event needs at least one named actor
            if m.mode != ASSERTED and m.inferred:
                why[id(m)] = f"dropped: {m.mode} with an inferred source"
                continue  # what did not happen is kept only when the text says who
            merged = False
            for g in reversed(groups):
                if _mergeable(ctx, g, m):
                    g.append(m)
                    merged = True
                    break
            if not merged:
                groups.append([m])
        events: list[Event] = []
        for g in groups:
            reason: list[str] = []
            ev = _event_of(ctx, g, reason)
            if ev is not None:
                events.append(ev)
                for m in g:
                    why[id(m)] = f"event #{len(events)}"
            else:
                for m in g:
                    why[id(m)] = "dropped with its group: " + (reason[0] if reason else "?")
        text = ctx.doc.text
        for n, ev in enumerate(events, 1):
            ev.id = f"V{n}"
            ev.text = text[ev.evidence.start : ev.evidence.end]
        return events


_PLACE_PREPS_NOUN = frozenset(key(w) for w in ("إلى", "في"))
_SUBJUNCTIVE = frozenset(key(w) for w in ("أن", "كي", "لكي", "لن"))
_CONTINUATIONS = frozenset(key(w) for w in ("كما", "ثم", "حيث", "بعدما", "كذلك", "أيضا", "قد", "لقد", "وقد"))
_ANONYMOUS = frozenset(key(w) for w in ("مصادر", "مصدر", "شهود", "مسلحون", "مجهولون", "مواطنون", "أهالي", "عدد", "أحد",
                                         "إحدى", "بعض", "مجموعة", "شخص", "أشخاص", "رجل", "امرأة", "شاب", "شبان",
                                         "مجهول", "مسلح", "مسلحين", "عناصر", "أفراد"))
#: roots whose object may be someone's act named in a relative clause (praise, blame, reject, demand)
#: violence: its agent is not whoever announces it
_VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
#: bans, sanctions, coercion: what they act upon may belong to their target («بث برامجها»)
_HOLDER_ROOTS = frozenset({"16", "17"})
#: roots whose events can have two sides named «بين X و Y» (a meeting, a deal, a fight)
_BETWEEN_ROOTS = frozenset({"03", "04", "06", "08", "16", "18", "19", "20"})
_OWNER_ROOTS = frozenset({"05", "10", "11", "12"})
#: «during it», after an event told within a visit
_DURING = frozenset(key(w) for w in ("خلالها", "خلاله", "أثناءها", "أثناءه", "خلال"))
#: words that open a clause of their own after a request or an intent
_CLAUSE_OPENERS = frozenset(key(w) for w in ("وذلك", "ذلك", "حيث", "بينما", "فيما", "عندما", "حين", "بعدما", "كما"))
_COPULAS = frozenset(key(w) for w in ("هو", "هي", "هم", "هما", "كان", "كانت", "يعد", "تعد", "عاما", "سنة"))
_PASSIVE_AUX = frozenset(key(w) for w in ("تم", "يتم", "سيتم", "تتم", "ستتم", "جرى", "يجري", "سيجري"))
_FIRST_PERSON = frozenset(key(w) for w in ("أنا", "انا", "نحن", "إننا", "إنني", "إني", "أننا", "أنني"))
_SELF = frozenset(key(w) for w in ("نفسي", "شخصيا", "بدوري", "أيضا"))
_PRONOUN_COMPLEMENTIZERS = frozenset(key(w) for w in ("أنه", "أنها", "إنه", "إنها", "أنهم", "إنهم", "أنهما"))
_MAX_PLACE = 20
_MAX_PATIENT = 10
_MAX_LIGHT = 14
_MAX_AGENT_GAP = 10
#: words that open another event between an event noun and an agent marker («الإضراب … بعد
#: الالتفاف من قبل X»: X is not the agent of the strike)
_CONNECTIVES = frozenset(key(w) for w in ("بعد", "قبل", "إثر", "عقب", "بسبب", "جراء", "نتيجة", "بعدما", "حين", "عند"))
_WITNESS = frozenset(key(w) for w in ("شهد", "شهدت", "يشهد", "تشهد"))
_RELATIVES = frozenset(key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"))
_MAX_REQUESTED = 25
#: words inside a person's title: «سفير X لدى Y», «المتحدث باسم X»
#: «بينهم X»: the named among the people an act befell
_AMONG = frozenset(key(w) for w in ("بينهم", "بينهن", "بينهما", "منهم", "ومنهم", "وبينهم"))
#: «نظيره», «نظيرته» …: the counterpart of the subject, of the state the adjective after it names
_COUNTERPARTS = frozenset(key(w + s) for w in ("نظير", "نظيرة", "نظيرت") for s in ("ه", "ها", "هم", ""))
#: acts of two parties on one footing: «وقعت X و Y», «التقى X و Y» (the second is the target)
_SYMMETRIC_CODES = frozenset({"019", "040", "041", "046", "050", "057"})
#: roots of the events whose two sides «الجانبان» takes up later
_PAIR_ROOTS = frozenset({"03", "04", "05", "06"})
#: roots whose verbs govern what is asked, intended, refused or threatened
_REQUEST_ROOTS = frozenset({"02", "03", "10", "12", "13"})
_PLACE_BOUND_ROOTS = frozenset({"04", "14", "17", "18", "19", "20"})
_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
#: disapproval and rejection: their object may be a use of force told before
_REPROACH_ROOTS = frozenset({"11", "12"})
#: roots whose codes are different acts, not ways of telling one act: merged only by code
_DISTINCT_ROOTS = frozenset({"15", "16", "17"})
_PLACE_MARKERS = frozenset({FI, key("داخل"), "ب"})
_PLACE_GENITIVE_ROOTS = frozenset({"04", "14", "15", "17", "18", "19", "20"})
_WITH_ROOTS = frozenset({"03", "04", "05", "06", "19", "16"})


#: entity types whose names are never read as triggers
_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: words after which a verb-or-noun is a noun (a preposition-like word or a determiner)
_NOUN_BEFORE = frozenset(key(w) for w in ("عن", "على", "إلى", "الى", "في", "من", "بعد", "قبل", "خلال", "عدم", "دون",
                                          "هذا", "هذه", "ذلك", "تلك", "أي", "كل", "بعض"))
_DIACRITICS = dict.fromkeys(range(0x064B, 0x0660)) | {0x0640: None, 0x0670: None}


def _letters(word: str) -> str:
    """The letters of a word as written (hamzas kept), without diacritics or tatweel."""
    return word.translate(_DIACRITICS)


def _verb_prefix_ok(prefix: str) -> bool:
    """Proclitics a verb can take: و ف س ل, at most one ل and never the article («للتظاهر»)."""
    return all(ch in "وفسل" for ch in prefix) and prefix.count("ل") <= 1


def _has_needed(ctx: DocContext, m: Match, b: int) -> bool:
    """One of the entry's required words follows within 8 words (names, times and punctuation
    not counted: «دعت اليوم الجمعة سفيرة المملكة المتحدة، فلانة، إلى مقر الوزارة»)."""
    return _has_word(ctx, m, b, m.entry.needs, 8)


def _had_word(ctx: DocContext, m: Match, a: int, want: frozenset[str], limit: int) -> bool:
    """One of ``want`` stands within ``limit`` tokens before the trigger."""
    return any(f in want for t in range(max(a, m.i - limit), m.i) for f in ctx.forms(t))


def _has_word(ctx: DocContext, m: Match, b: int, want: frozenset[str], limit: int) -> bool:
    """One of ``want`` follows the trigger within ``limit`` words, names, times and punctuation
    not counted."""
    words = 0
    t = m.i + m.n
    timed = {u for tr in ctx.times_in(t, b) for u in range(tr.t0, tr.t1)}
    while t < b and words < limit:
        if any(f in want for f in ctx.forms(t)):
            return True
        if ctx.is_arabic(t) and t not in ctx.mention_at and t not in timed:
            words += 1
        t += 1
    return False


def _skippable(ctx: DocContext, t: int, w: object) -> bool:
    """Tokens allowed between a verb and its subject: commas, quotes, a date, «على رأس وفد»."""
    key = ctx.keys[t]
    if ctx.kinds[t] == "punct":
        return key in "،,\"«»“”'"
    return ctx.kinds[t] in ("number",) or ctx.base(t) in ("على", "راس", "وفد", "رسميا", "اليوم", "امس", "ايضا", "بدوره",
                                                           "بدورها", "مجددا", "هاتفيا") or ctx.base(t) in _PREP_PRONOUNS


#: a preposition with a pronoun between a verb and its subject («رحبت بها مصر», «ردت عليه
#: الوزارة»): the object comes first
_PREP_PRONOUNS = frozenset(
    key(p + s) for p in ("ب", "ل", "علي", "من", "مع", "في", "عن", "الي") for s in ("ه", "ها", "هم", "هما")
)


def _requested(ctx: DocContext, ms: list[Mention]) -> None:
    """«طالب الحكومة بإدانة العدوان وبانسحاب القوى», «دعا إلى فتح تحقيق»: event nouns after a
    request, an appeal, an intent, a refusal or a threat are what is asked for, not facts."""
    for n, outer in enumerate(ms):
        if outer.composed or (outer.root not in _REQUEST_ROOTS and outer.code[:3] != "112"):
            continue  # also what someone is accused of («اتهمه بالسعي إلى تدمير …») is alleged
        end = outer.match.i + outer.match.n
        for inner in ms[n + 1 :]:
            if inner.composed or inner.match.i - end > _MAX_REQUESTED:
                break
            if inner.root in _REQUEST_ROOTS:
                break
            if any(ctx.isin(t, _CLAUSE_OPENERS) for t in range(end, inner.match.i)):
                break  # «…، وذلك خلال اتصال هاتفي»: a new clause, not what is asked
            if inner.match.form.pos == "noun" and inner.mode == ASSERTED:
                inner.mode = HYPOTHETICAL
            end = inner.match.i + inner.match.n


def _joined(ctx: DocContext, s: int, t: int) -> bool:
    """Tokens [s, t) start with a word joined by «و» and hold only words («وعناصر من»)."""
    if not (s < t <= s + 4) or not ctx.keys[s].startswith("و") or ctx.base(s) == ctx.keys[s]:
        return False
    return all(ctx.is_arabic(u) or ctx.keys[u] in "\"«»“”" for u in range(s, t))


def _after_relative(ctx: DocContext, i: int, a: int) -> bool:
    """«المشروع الذي ساندته قطر»: the object pronoun of a verb in a relative clause points at
    the noun before the relative pronoun."""
    return i - 1 >= a and ctx.isin(i - 1, _RELATIVES)


def _adjacent(ctx: DocContext, j: int, t: int) -> bool:
    """Only adjectives (words with the article) between the noun ending at j and token t."""
    return t - j <= 2 and all(ctx.keys[u].startswith("ال") for u in range(j, t))


def _genitive_of(p: ActorPhrase, i: int, j: int) -> bool:
    """The phrase is the genitive of the noun trigger [i, j): right after it, unmarked."""
    if p.marker_tok == i:
        return True
    return p.marker in (BARE, HEAD) and p.t0 == j


def _series_agent(
    ctx: DocContext, mt: Match, earlier: list[Mention], w: object, has_target: bool = False
) -> str | None:
    """The agent of an event noun before this one in the sentence, when they are a series: joined
    by «و» or a series word («إضافة إلى», «ثم»), or of the same kind with a partner of its own
    («عقد سلسلة لقاءات، شملت اجتماعا مع X»)."""
    for prev in reversed(earlier):
        if prev.source is None:
            continue
        linked = mt.prefix.startswith("و") or (prev.root == mt.entry.root and has_target)
        if not linked:
            gap = range(prev.match.i + prev.match.n, mt.i)
            linked = any(ctx.isin(t, role_words().series_links) for t in gap)
        if linked:
            return prev.source
        return None
    return None


def _resolve_in_sentence(phrases: list[ActorPhrase], i: int, exclude: str | None, fem: bool = False) -> str | None:
    want = ("ORG", "GPE") if fem else ("PERSON",)
    for p in reversed(phrases):
        if p.t1 <= i and p.actor and p.actor != exclude and p.actor_type in want and (
            p.marker not in _PLACE_MARKERS or p.actor_type == "PERSON"
        ):
            return p.actor
    return None


def _earlier_actor(
    ctx: DocContext, earlier: list[Mention], exclude: str | None, fem: bool, verbs_only: bool = False
) -> str | None:
    """A pronoun's antecedent among the actors of the events before it in the sentence (for a
    possessive, of the verbs only: a noun before may sit inside another phrase)."""
    for prev in reversed(earlier):
        if verbs_only and prev.match.form.pos != "verb":
            continue
        for cand in (prev.source, None if prev.weak_target else prev.target):
            if cand and cand != exclude:
                typ = _etype(ctx, cand)
                if (typ == "PERSON") != fem or typ == "ORG":
                    return cand
    return None


def _kin_resolve(ctx: DocContext, phrases: list[ActorPhrase], actor: str | None, i: int) -> str | None:
    """«نجل حفتر»: the person who shares the family name of X and is not X, named before."""
    if actor is None:
        return None
    ph = next((p for p in phrases if p.actor == actor and p.kin), None)
    if ph is None:
        return actor
    return family_member(ctx, ctx.keys[ph.head.t1 - 1], i, exclude=actor)


def _unnamed_kin(ctx: DocContext, s: int, e: int) -> str | None:
    """«عقد نجل حفتر …» where the family name was not tagged as a mention."""
    w = role_words()
    for t in range(s, min(e, len(ctx.keys) - 1)):
        if ctx.isin(t, w.kinship) and ctx.is_arabic(t + 1) and t + 1 not in ctx.mention_at:
            return family_member(ctx, ctx.keys[t + 1], t)
        if not ctx.is_arabic(t) or t in ctx.mention_at:
            return None
    return None


def _last_state(ctx: DocContext, t: int, lo: int) -> str | None:
    """The state named last before token t, from token lo on («البلاد», «الدولة»)."""
    best = None
    for ref in ctx.mentions_in(lo, t):
        e = ctx.entities.get(ref.entity)
        if e is not None and e.type == "GPE" and e.subtype in _STATE_SUBTYPES:
            best = e.id
    return best


def _state_of(ctx: DocContext, place: str | None) -> str | None:
    """The state a place is, or is in, when the article names that state."""
    e = ctx.entities.get(place) if place else None
    if e is None or e.type not in PLACE_TYPES:
        return None
    if e.type == "GPE" and e.subtype in _STATE_SUBTYPES:
        return e.id
    if not e.country:
        return None
    for other in ctx.entities.values():
        if other.type == "GPE" and other.subtype in _STATE_SUBTYPES and other.country == e.country:
            return other.id
    return None


def _office_holder(ctx: DocContext, person: str | None) -> bool:
    """The knowledge base gives the person an office, or the text names one before a mention of
    them («الرئيس X», «وزير الخارجية X»)."""
    if _etype_sub(ctx, person):
        return True
    w = role_words()
    for m in ctx.mentions:
        if m.entity != person:
            continue
        for t in range(m.t0 - 1, max(-1, m.t0 - 4), -1):
            if ctx.isin(t, w.titles) or any(f in w.titles for f in ctx.forms(t)):
                return True
            if not (ctx.is_arabic(t) and ctx.keys[t].startswith("ال")):
                break
    return False


def _in_spans(ctx: DocContext, p: ActorPhrase, spans: list[tuple[int, int]]) -> bool:
    s = ctx.starts[p.mt0]
    return any(a <= s < b for a, b in spans)


def _possessive(ctx: DocContext, t: int) -> str:
    """The possessive pronoun of a plain noun at token t («برامجها» → «ها»), or ""."""
    if not ctx.is_arabic(t) or t in ctx.mention_at:
        return ""
    k = ctx.tokens.infos[t].form  # the written form: «ة» is not the pronoun «ه»
    for suf in ("ها", "هم", "هن", "ه"):
        if k.endswith(suf) and len(k) - len(suf) >= 3 and not k.endswith("اه"):
            return suf
    return ""


def _with_pronoun_in(ctx: DocContext, t: int, words: frozenset[str]) -> bool:
    """Token t is one of ``words``, with proclitics and an object pronoun («أجراها»: أجرى + ها,
    «شهدتها», «نفذوه»)."""
    if ctx.isin(t, words) or any(f in words for f in ctx.forms(t)):
        return True
    for f in ctx.forms(t):
        for suf in ("هما", "هم", "ها", "ه"):
            if f.endswith(suf) and len(f) - len(suf) >= 2:
                base = f[: -len(suf)]
                if base in words or (base.endswith("و") and base + "ا" in words) or (
                    base.endswith("ا") and base[:-1] + "ي" in words
                ):
                    return True
    return False


#: endings of a relative adjective (nisba), ة folded to ه: إرهابي، الإرهابية، انتحاريا
_ADJECTIVE_ENDINGS = ("ي", "يه", "يا")


def _place_genitive_adjective(ctx: DocContext, m: Match) -> bool:
    """The rest of a phrase matched across a gap is one relative adjective («الإرهابي») and the
    gap is one place name: a noun with its place in genitive, as no verb takes an adjective
    after its subject."""
    assert m.tail is not None
    t0, t1 = m.tail
    if t1 - t0 != 1 or not ctx.keys[t0].endswith(_ADJECTIVE_ENDINGS):
        return False
    refs = {id(ctx.mention_at[t]) if t in ctx.mention_at else None for t in range(m.i + 1, t0)}
    if None in refs or len(refs) != 1:
        return False
    return ctx.mention_at[m.i + 1].type in PLACE_TYPES


def _etype_sub(ctx: DocContext, entity: str | None) -> str | None:
    e = ctx.entities.get(entity) if entity else None
    return e.subtype if e else None


def _etype(ctx: DocContext, entity: str) -> str:
    e = ctx.entities.get(entity)
    return e.type if e else ""


def _index_le(starts: list[int], x: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, x) - 1


def _citation_time_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans whose time expressions date a citation or a statement, not an event."""
    spans = []
    for c in doc.citations:
        spans.append((c.evidence.start, c.evidence.end))
    for q in doc.quotes:
        if q.cue is not None and q.date:
            spans.append((q.cue.start, q.start))
    return spans


def _inside(t: TimeRef, spans: list[tuple[int, int]]) -> bool:
    return any(s <= t.time.start and t.time.end <= e for s, e in spans)


def _best_time(times: list[TimeRef]) -> str | None:
    for t in times:
        if t.time.type in ("DATE", "TIME") and t.time.value not in _VAGUE_TIMES:
            return t.time.value[:10]
    return None


def _date_for(mt: Match, times: list[TimeRef], a: int) -> tuple[str | None, bool]:
    """The nearest dated time expression of the sentence, when it is near enough to be the
    clause's own («حين التقى» right after «18 يوليو», «في اليوم التالي، تُوّج … بتوقيع»)."""
    best = None
    best_d = 10**9
    for t in times:
        if t.time.type not in ("DATE", "TIME") or t.time.value in _VAGUE_TIMES or not t.time.value[:1].isdigit():
            continue
        if t.t0 >= mt.i:
            d = t.t0 - (mt.i + mt.n)
            if d > _MAX_DATE_AFTER:
                continue
        else:
            d = mt.i - t.t1 + 1
            if d > _MAX_DATE_BEFORE and t.t0 - a > 3:  # a sentence-initial date frames the sentence
                continue
        if d < best_d:
            best, best_d = t.time.value[:10], d
    if best is None:
        # one day named in the whole sentence dates what it tells («… هو منفذ التفجير في قاعة
        # الحفلات عقب انتهاء حفل … يوم الاثنين»)
        days = {t.time.value[:10] for t in times if t.time.type == "DATE" and len(t.time.value) >= 10
                and t.time.value[:1].isdigit()}
        if len(days) == 1 and sum(1 for t in times if t.time.type in ("DATE", "TIME")) == 1:
            best = days.pop()
    return best, best is not None



def _affiliated(ctx: DocContext, a: str, b: str) -> bool:
    """a and b are one actor for merging: the same entity, or a person and an organization named
    together in a title phrase («قائد الجيش الباكستاني، عاصم منير»)."""
    if a == b:
        return True
    return (a, b) in _affiliations(ctx) or (b, a) in _affiliations(ctx)


def _affiliations(ctx: DocContext) -> set[tuple[str, str]]:
    if ctx.affiliations is not None:
        return ctx.affiliations
    pairs: set[tuple[str, str]] = set()
    for k in range(len(ctx.sentences)):
        a, b = ctx.sent_tok[k], ctx.sent_tok[k + 1]
        if a >= b:
            continue
        for p in build_phrases(ctx, a, b):
            ids = [m.entity for m in p.members]
            for x in ids:
                for y in ids:
                    if x != y:
                        pairs.add((x, y))
    for e in ctx.entities.values():
        for role in e.roles:
            for m in ctx.mentions:
                if role.start <= m.start and m.end <= role.end and m.entity != e.id:
                    pairs.add((e.id, m.entity))
    ctx.affiliations = pairs
    return pairs


def _covers(ctx: DocContext, small: set[str], big: set[str]) -> bool:
    return all(any(_affiliated(ctx, x, y) for y in big) for x in small)


def _mergeable(ctx: DocContext, group: list[Mention], m: Mention) -> bool:
    head = group[0]
    if head.root != m.root or (head.root in _DISTINCT_ROOTS and head.code[:3] != m.code[:3]):
        return False  # «ينتشر الجنود … بعدما رفعت البلاد مستوى التهديد»: two postures
    if head.mode != m.mode:
        return False
    ga: set[str] = set()
    for g in group:
        ga |= g.actors()
    ma = m.actors()
    if not ma or not ga:
        return False
    if not (_covers(ctx, ma, ga) or _covers(ctx, ga, ma)):
        # a mention in the same sentence that only adds a participant («وقعها فلان»)
        if not (
            m.sentence == group[-1].sentence
            and m.target is None
            and m.root == group[-1].root
            and (m.root in _BETWEEN_ROOTS or m.code[:3] == "057")  # not two parties' statements
        ):
            return False
    dates = {g.date for g in group if g.date and g.date_explicit}
    if m.date and m.date_explicit and dates and not any(_same_day(m.date, d) for d in dates):
        return False
    places = {g.location for g in group if g.location and not g.weak_location and _etype(ctx, g.location) != "FAC"}
    if (
        m.location
        and not m.weak_location
        and _etype(ctx, m.location) != "FAC"  # a building is somewhere in the city named
        and places
        and m.location not in places
        and not any(_within(ctx, m.location, p) or _within(ctx, p, m.location) for p in places)
    ):
        return False
    return True


def _within(ctx: DocContext, place: str, state: str) -> bool:
    """A city and the state it is in (by the country codes the entities carry)."""
    a, b = ctx.entities.get(place), ctx.entities.get(state)
    return bool(a and b and b.subtype in _STATE_SUBTYPES and a.country and a.country == b.country)


def _host_country(ctx: DocContext, place: str) -> str:
    """The state the article names that a city belongs to (by country code), else the city."""
    e = ctx.entities.get(place)
    if e is None or e.subtype in _STATE_SUBTYPES or not e.country:
        return place
    for other in ctx.entities.values():
        if other.type == "GPE" and other.subtype in _STATE_SUBTYPES and other.country == e.country:
            return other.id
    return place


_STATE_SUBTYPES = frozenset({"state", "country"})


def _town_or_site(ctx: DocContext, entity: str) -> bool:
    """A town, a region or a site (not a state or a capital, which stand for a government)."""
    typ = _etype(ctx, entity)
    if typ in ("LOC", "FAC"):
        return True
    return typ == "GPE" and _etype_sub(ctx, entity) in _TOWN_SUBTYPES - {"capital"}


_TOWN_SUBTYPES = frozenset({"city", "capital", "region", "province", "district"})
#: roots whose target may be a town: a visit, an attack on it, a siege
_TOWN_TARGET_ROOTS = frozenset({"04", "18", "19", "20"})


def _attacked_state(ctx: DocContext, site: str, source: str | None, m: Mention) -> str:
    """A site struck by a foreign force stands for its state («ضربة أمريكية على قاعدة الشعيرات في
    حمص»: Syria); struck by a force of its own country, the site stays («الجيش الليبي … قاعدة
    تمنهنت»). The country is the site's own, else that of a place named with it in the sentence."""
    e = ctx.entities.get(site)
    country = e.country if e else None
    if not country:
        _, b = ctx.full_sentence_range(m.match.i)
        for ref in ctx.mentions_in(m.match.i, b):
            other = ctx.entities.get(ref.entity)
            if other is not None and other.id not in (site, source) and other.type == "GPE" and other.country:
                country = other.country
                break
    src = ctx.entities.get(source) if source else None
    if not country or (src is not None and src.country == country):
        return site
    for other in ctx.entities.values():
        if other.type == "GPE" and other.subtype in _STATE_SUBTYPES and other.country == country:
            return other.id
    return site


def _same_day(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _event_of(ctx: DocContext, group: list[Mention], why: list[str] | None = None) -> Event | None:
    """The event a group of merged mentions stands for, or None (``why`` receives the reason)."""
    why = why if why is not None else []
    headline = ctx.doc.headline

    def score(m: Mention) -> tuple[int, int, int, int, int, int]:
        full = (m.source is not None) + (m.target is not None and not m.weak_target)
        in_headline = headline is not None and headline.start <= m.trigger.start < headline.end
        persons = sum(_etype(ctx, a) == "PERSON" for a in (m.source, m.target) if a)
        return (full, not in_headline, not m.inferred, persons, m.match.form.pos == "verb", -m.match.i)

    best = max(group, key=score)
    source, target = best.source, best.target
    if target is None or best.weak_target:
        for m in group:
            for cand in (m.target, m.source):
                if cand and cand != source and not (m.weak_target and cand == m.target):
                    if not _affiliated(ctx, cand, source or ""):
                        target = cand
                        break
            if target and target != best.target:
                break
    if source is None:
        for m in group:
            if m.source and m.source != target:
                source = m.source
                break
    entry = best.match.entry
    town_source = None
    if source is not None and entry.root == "17" and _town_or_site(ctx, source):
        # «القبض على 6 عناصر … بمدينة X»: a town or a site arrests, expels or seizes nothing; it
        # is where it happened (a state does: «اعتقلت تركيا …»)
        town_source, source = source, None
    if source is None and not (entry.bare and (target or best.location or town_source)):
        why.append("no source")
        return None
    if target is None and source is not None and not entry.bare and entry.root not in _MONADIC_ROOTS:
        placed = any(m.location and not m.weak_location for m in group)
        # a condemnation or a refusal to comment told as done by a source named in its clause («أدانت مصر الهجوم»,
        # «ندد فلان بالتفجير»): what is condemned need not be an actor
        condemned = best.code[:3] in ("011", "111") and best.match.form.tense in ("past", "noun") and not best.inferred
        if best.code not in _MONADIC_CODES and not condemned and not (
            # a visit to a place the text names: the place is the host; force used somewhere
            (best.code[:3] in ("042", "043") or entry.root in _FORCE_ROOTS) and placed
        ):
            why.append("no target (a statement or intent addressed to no one)")
            return None
    if (
        entry.official
        and _etype(ctx, source or "") == "PERSON"
        and not _office_holder(ctx, source)
        and not any(m.source_titled and m.source == source for m in group)
    ):
        why.append("the source holds no office the knowledge base knows")
        return None
    source = _state_for(ctx, source)
    target = _state_for(ctx, target)
    if best.mode == HYPOTHETICAL:
        why.append("hypothetical")
        return None
    if target is not None and entry.root == "04" and _etype(ctx, target) == "GPE":
        target = _host_country(ctx, target)  # «زار روما»: the host of a visit is the country
    site = None
    if target is not None and entry.root in _FORCE_ROOTS and _etype(ctx, target) in ("FAC", "LOC"):
        site = target  # «على قاعدة الشعيرات»: where it struck, whoever the target stands for
        target = _attacked_state(ctx, target, source, best)
    location = site or next((m.location for m in group if m.location and not m.weak_location), None)
    location = location or next((m.location for m in group if m.location), None) or town_source
    date = next((m.date for m in sorted(group, key=lambda m: not m.date_explicit) if m.date), None)
    code = best.code
    if code[:3] == "040":
        # a meeting merged with a visit is the visit («يزور … لإجراء مباحثات مع …»)
        visit = next((m.code for m in group if m.code[:3] in ("042", "043")), None)
        code = visit or code
    if code == "190" and _irregular(ctx, source):
        code = "180"  # «هجوم» by a lone attacker or an armed group: unconventional violence
    info = cameo.lookup(code)
    conf = 0.35 + 0.2 * (source is not None) + 0.2 * (target is not None) + 0.05 * (location is not None)
    conf += 0.05 * (date is not None) + 0.05 * (best.match.form.pos == "verb") + 0.05 * min(3, len(group) - 1)
    return Event(
        id="",
        code=code,
        label=info.label,
        source=source,
        target=target,
        location=location,
        date=date,
        evidence=best.evidence,
        confidence=min(0.95, conf),
        plover=info.plover,
        mode=best.mode,
        trigger=best.trigger,
    )


#: roots and codes whose events need no target: an investigation (into a matter), a rejection (of a
#: law, an amnesty), a protest, a
#: show of force, a denial; the other statements and intents without anyone they are addressed
#: to are not kept (they are mostly background, not who did what to whom)
_MONADIC_ROOTS = frozenset({"09", "12", "14", "15"})
#: acts on a thing whose owner is their target: a rejected proposal, a denied claim
_OWNED_THEME_ROOTS = frozenset({"12"})
_OWNED_THEME_CODES = frozenset({"016"})
_MONADIC_CODES = frozenset({"016", "0874"})


#: subtypes of the actors whose attacks are not a state's use of military force
_IRREGULAR = frozenset({"armed_group", "terrorist_group", "militia", "militia_leader"})
_OFFICIAL_PERSONS = frozenset({"military_officer", "head_of_state", "head_of_government", "minister", "royal"})


def _irregular(ctx: DocContext, actor: str | None) -> bool:
    """An individual (not an officer or a leader of a state) or an armed group outside a state."""
    e = ctx.entities.get(actor) if actor else None
    if e is None:
        return False
    if e.type == "PERSON":
        return e.subtype not in _OFFICIAL_PERSONS
    return e.type == "ORG" and e.subtype in _IRREGULAR


def _state_for(ctx: DocContext, actor: str | None) -> str | None:
    """«أعلنت الدوحة»: a capital acting stands for its state, when the article names the state."""
    e = ctx.entities.get(actor) if actor else None
    if e is None or e.type != "GPE" or e.subtype != "capital" or not e.country:
        return actor
    for other in ctx.entities.values():
        if other.type == "GPE" and other.subtype in _STATE_SUBTYPES and other.country == e.country:
            return other.id
    return actor
