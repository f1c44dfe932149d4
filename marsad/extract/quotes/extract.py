"""Quotes, their speakers and channels, and the citations an article makes.

A quote is introduced by a *cue*:

* a reporting verb followed, within its clause, by «أن/إن» (also «إلى أن», «على أن», «بأن»),
  a colon or a quotation mark («وأوضح فلان، في تصريح لـ"…"، أن …»);
* a circumstantial participle («…، مضيفا أن …», «مشيرة إلى أن …»), which reports for the
  subject of the main verb;
* an introducer without a verb: «بحسب X», «وفقا لـ X», «نقلا عن X», «كما تشير X، …»; the
  claim is the rest of the sentence on the side(s) of the cue phrase.

The quote runs to the end of the sentence (a «؛» does not end it) or to the next cue. It is
*direct* when its text is mostly inside quotation marks (the span is then the quoted part),
*indirect* otherwise.

The speaker is, in order: the antecedent of a relative («فلان الذي رأى أن»); the actor phrase
right after the verb (VSO) or right before it (SVO); the issuer of a statement that is the
subject («أفاد بيان صادر عن X»); a common noun that names an entity introduced before («الوكالة»,
«الصحفي الليبي» → the entity whose mention came after «وكالة …», «الصحفي …»); and, when the verb
has no subject of its own («وأضاف أن»), the previous speaker. Anonymous subjects («مصادر»,
«شهود») leave the speaker empty.

The channel is the outlet or interviewer named after a channel noun («في تصريح لـ X», «في حوار
مع X»), the outlet itself when it speaks («أشارت الوكالة في تقريرها»), or the channel the same
speaker used before. The date is the time expression of the cue's clause («في تقريرها الصادر
في 19 ديسمبر»). Every outlet, statement or report that carries a quote, and every outlet that
is the subject of a citation verb («نشرت صحيفة X …»), is a citation with its date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from marsad.doc import Citation, Document, Quote
from marsad.extract.events.context import (
    OPENING_QUOTES,
    QUOTE_MARKS,
    DocContext,
    PhraseSet,
    key,
    word_set,
)
from marsad.extract.events.phrases import BARE, GROUP, HEAD, ActorPhrase, build_phrases, role_words
from marsad.lang import load_yaml
from marsad.text.sentences import Span

_STOP_PUNCT = frozenset(".!?؟")
#: «أعرب عن "…"», «شدد على "…"»: a quotation right after the verb's preposition
_QUOTE_PREPS = frozenset({"عن", "علي", "الي", "ب"})
_MAX_CUE_REGION = 30
_MIN_WORDS = 3


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: dict[str, str]  # form key → sense
    verb_after: dict[str, frozenset[str]]  # form key → words one of which must follow
    participles: frozenset[str]
    complementizers: frozenset[str]
    introducers: PhraseSet
    intro_then: dict[str, frozenset[str]]  # first key of an introducer → words that may follow
    channels: dict[str, str]
    channel_phrases: PhraseSet
    outlets: dict[str, str]
    statement_issue: PhraseSet
    date_links: PhraseSet
    relatives: frozenset[str]
    speaker_nouns: frozenset[str]
    citation_verbs: frozenset[str]
    same_source: frozenset[str]
    anonymous: frozenset[str]
    channel_links: frozenset[str]


@cache
def quote_lexicon() -> QuoteLexicon:
    rv = load_yaml("reporting_verbs.yaml")
    qc = load_yaml("quote_cues.yaml")
    verbs: dict[str, str] = {}
    after: dict[str, frozenset[str]] = {}
    for spec in rv["verbs"].values():
        for f in spec.get("forms", ()):
            verbs.setdefault(key(f), str(spec.get("sense", "say")))
            if spec.get("after"):
                after[key(f)] = word_set(spec["after"])
    intro: list[str] = list(qc["introducers"])
    intro += [c for c in (rv.get("cues") or {}) if not str(c).startswith("في ")]
    then = {}
    for phrase, spec in qc["introducers"].items():
        if isinstance(spec, dict) and spec.get("then"):
            then[key(str(phrase).split()[0])] = word_set(spec["then"])
    channels: dict[str, str] = {}
    multi = []
    for noun, kind in qc["channels"].items():
        if " " in str(noun):
            multi.append(str(noun))
        channels[key(str(noun).split()[0]) if " " not in str(noun) else key(str(noun).replace(" ", "_"))] = str(kind)
    return QuoteLexicon(
        verbs=verbs,
        verb_after=after,
        participles=word_set(qc["participles"]),
        complementizers=word_set(qc["complementizers"]),
        introducers=PhraseSet.of(intro),
        intro_then=then,
        channels=channels,
        channel_phrases=PhraseSet.of(multi),
        outlets={key(k): str(v) for k, v in qc["outlets"].items()},
        statement_issue=PhraseSet.of(qc["statement_issue"]),
        date_links=PhraseSet.of(qc["date_links"]),
        relatives=word_set(qc["relatives"]),
        speaker_nouns=word_set(qc["speaker_nouns"]),
        citation_verbs=word_set(qc["citation_verbs"]),
        same_source=word_set(qc["same_source"]),
        anonymous=word_set(qc["anonymous"]),
        channel_links=word_set(qc["channel_links"]),
    )


@dataclass
class _Cue:
    i: int  # first token
    j: int  # one past the cue words
    kind: str  # verb | participle | intro
    sense: str = "say"
    fem: bool = False


@dataclass
class _State:
    last_speaker: str | None = None
    last_speaker_tok: int = -1
    channel_of: dict[str, str | None] = field(default_factory=dict)
    last_statement_issuer: str | None = None
    heads: dict[str, set[str]] = field(default_factory=dict)  # entity → head-noun keys
    head_seen: list[tuple[int, str]] = field(default_factory=list)  # (token, entity) in order


class QuoteExtractor:
    def __init__(self) -> None:
        self.lex = quote_lexicon()
        self.words = role_words()
        self._speaker_cores = frozenset(_core(s) for s in self.lex.speaker_nouns)

    def __call__(self, doc: Document) -> None:
        ctx = DocContext.of(doc)
        quotes, citations = self.extract(ctx)
        doc.quotes = quotes
        doc.citations = citations

    # ------------------------------------------------------------------------------------------
    def extract(self, ctx: DocContext) -> tuple[list[Quote], list[Citation]]:
        st = _State()
        self._collect_heads(ctx, st)
        quotes: list[Quote] = []
        cites: dict[tuple[str | None, str, str | None], Citation] = {}
        for a, b in ctx.full_sent:
            cues = self._cues(ctx, a, b)
            phrases = build_phrases(ctx, a, b, frozenset(c.i for c in cues if c.kind != "intro"))
            breaks = [c.i for c in cues if self._breaks(ctx, c, a)]
            for cue in cues:
                end = next((x for x in breaks if x > cue.i), b)
                found = self._quote(ctx, st, cue, a, b, end, phrases)
                if found is None:
                    continue
                q, cite = found
                if q is not None:
                    quotes.append(q)
                if cite is not None:
                    k = (cite.source, cite.kind, cite.date)
                    cites.setdefault(k, cite)
            for cite in self._outlet_citations(ctx, a, b, phrases):
                cites.setdefault((cite.source, cite.kind, cite.date), cite)
        quotes.sort(key=lambda q: q.start)
        # a quote inside another one with the same speaker is redundant
        kept: list[Quote] = []
        for q in quotes:
            if kept and kept[-1].start <= q.start and q.end <= kept[-1].end and kept[-1].speaker == q.speaker:
                continue
            kept.append(q)
        out = sorted(cites.values(), key=lambda c: c.evidence.start)
        # a citation without a date is dropped when the same source is cited with one
        dated = {(c.source, c.kind) for c in out if c.date}
        out = [c for c in out if c.date or (c.source, c.kind) not in dated]
        return kept, out

    # ------------------------------------------------------------------------------------------
    def _collect_heads(self, ctx: DocContext, st: _State) -> None:
        """For every entity, the nouns written just before its mentions and in its titles."""
        for m in ctx.mentions:
            if m.nested:
                continue
            k = m.t0 - 1
            lo = ctx.sentence_range(m.t0)[0]
            got = st.heads.setdefault(m.entity, set())
            steps = 0
            while k >= lo and steps < 7:
                kk = ctx.keys[k]
                if kk in _STOP_PUNCT:
                    break
                if ctx.is_arabic(k):
                    for _, f in ctx.readings(k):
                        got.add(_core(f))
                    steps += 1
                elif kk not in QUOTE_MARKS and kk not in ("،", ","):
                    break
                k -= 1
            for t in range(m.t0, m.t1):
                if ctx.is_arabic(t):
                    got.add(_core(ctx.base(t)))
            st.head_seen.append((m.t0, m.entity))
        for e in ctx.entities.values():
            for r in e.roles:
                for w in r.title.split():
                    st.heads.setdefault(e.id, set()).add(_core(key(w)))

    def _nominal(self, ctx: DocContext, st: _State, t: int) -> str | None:
        """«الوكالة», «الصحفي الليبي»: the last entity named after the same noun."""
        want = _core(ctx.base(t))
        if len(want) < 3:
            return None
        nxt = _core(ctx.base(t + 1)) if t + 1 < len(ctx.keys) and ctx.is_arabic(t + 1) else ""
        best = None
        best_score = 0
        for tok, ent in st.head_seen:
            if tok >= t:
                break
            heads = st.heads.get(ent, set())
            if want in heads:
                score = 1 + (nxt in heads if nxt else 0)
                if score >= best_score:
                    best, best_score = ent, score
        return best

    # ------------------------------------------------------------------------------------------
    def _cues(self, ctx: DocContext, a: int, b: int) -> list[_Cue]:
        lex = self.lex
        out: list[_Cue] = []
        t = a
        while t < b:
            if not ctx.is_arabic(t):
                t += 1
                continue
            n = lex.introducers.match(ctx, t)
            if n:
                j = t + n
                first = _core(ctx.base(t))
                then = lex.intro_then.get(first) or lex.intro_then.get(ctx.base(t))
                if then and j < b and any(f in then for f in ctx.forms(j)):
                    j += 1
                out.append(_Cue(t, j, "intro"))
                t = j
                continue
            form = self._verb_form(ctx, t)
            if form is not None:
                need = lex.verb_after.get(form)
                if not need or (t + 1 < b and ctx.base(t + 1) in need):
                    out.append(_Cue(t, t + 1, "verb", lex.verbs[form], _feminine(form)))
                t += 1
                continue
            if ctx.base(t) in lex.participles:
                out.append(_Cue(t, t + 1, "participle"))
            t += 1
        return out

    def _breaks(self, ctx: DocContext, cue: _Cue, a: int) -> bool:
        """A cue that starts a new attribution (and so ends the quote before it): a participle,
        an introducer, or a reporting verb at the head of a clause («، وأضاف», «. وقال»)."""
        if cue.kind != "verb":
            return True
        if cue.i == a or (ctx.keys[cue.i][:1] in ("و", "ف") and ctx.keys[cue.i] != ctx.base(cue.i)):
            return True
        return cue.i > a and ctx.keys[cue.i - 1] in ("،", ",", "؛", ";", ".", ":")

    def _verb_form(self, ctx: DocContext, t: int) -> str | None:
        for strip, f in ctx.readings(t):
            if f in self.lex.verbs and all(ch in "وفس" for ch in ctx.keys[t][:strip]):
                return f
        return None

    # ------------------------------------------------------------------------------------------
    def _quote(
        self,
        ctx: DocContext,
        st: _State,
        cue: _Cue,
        a: int,
        b: int,
        end: int,
        phrases: list[ActorPhrase],
    ) -> tuple[Quote | None, Citation | None] | None:
        if cue.kind == "intro":
            return self._intro_quote(ctx, st, cue, a, b, end, phrases)
        comp = self._complement(ctx, cue, end)
        if comp is None:
            return None
        c0, c1, direct = comp
        if c1 - c0 < 1:
            return None
        region = (cue.i, c0)
        speaker, channel, kind, anonymous = self._speaker(ctx, st, cue, a, phrases, region)
        date = self._date(ctx, cue, a, c0)
        if channel is None and speaker and not anonymous:
            ch_kind = self._channel_kind(ctx, region)
            if ch_kind is not None and speaker in st.channel_of:
                channel = st.channel_of.get(speaker)
            elif ch_kind is None and speaker in st.channel_of:
                channel = st.channel_of.get(speaker)
        span = _content_span(ctx, c0, c1, direct)
        if span is None:
            return None
        s0, s1, is_direct = span
        q = Quote(
            s0, s1, ctx.doc.text[s0:s1], "direct" if is_direct else "indirect", speaker, channel, date,
            ctx.span(cue.i, cue.j),
        )
        if speaker and not anonymous:
            st.last_speaker, st.last_speaker_tok = speaker, cue.i
            if channel is not None or speaker not in st.channel_of:
                st.channel_of[speaker] = channel
        elif anonymous:
            st.last_speaker, st.last_speaker_tok = None, cue.i
        cite = None
        if kind is not None:
            src = channel or speaker
            if src is not None or kind in ("statement", "report"):
                cite = Citation(src, kind, Span(ctx.starts[cue.i], ctx.ends[max(cue.i, c0 - 1)]), date)
        return q, cite

    def _complement(self, ctx: DocContext, cue: _Cue, end: int) -> tuple[int, int, bool] | None:
        """(content start, content end, starts with a quotation) after a verb or participle."""
        lex = self.lex
        t = cue.j
        limit = min(end, cue.j + _MAX_CUE_REGION)
        while t < limit:
            k = ctx.keys[t]
            if k in _STOP_PUNCT:
                return None
            if k == ":":
                s = t + 1
                return (s, end, s < end and ctx.keys[s] in QUOTE_MARKS) if s < end else None
            if ctx.is_arabic(t) and any(f in lex.complementizers for f in ctx.forms(t)):
                if cue.kind == "verb" and cue.sense in ("call", "demand") and t - cue.j > 8:
                    return None
                s = t + 1
                if s < end and ctx.keys[s] in (":", "،"):
                    s += 1
                return (s, end, s < end and ctx.keys[s] in QUOTE_MARKS) if s < end else None
            if k in OPENING_QUOTES or (k in QUOTE_MARKS and t > cue.j and ctx.keys[t - 1] in (":", "،")) or (
                k in QUOTE_MARKS and t > cue.j and ctx.base(t - 1) in _QUOTE_PREPS
            ):
                if (
                    t == cue.j
                    or ctx.keys[t - 1] in (":", "،")
                    or self._is_subject_end(ctx, cue, t)
                    or (ctx.base(t - 1) in _QUOTE_PREPS and t - cue.j <= 14)
                ):
                    return (t, end, True)
            if ctx.is_arabic(t) and (self._verb_form(ctx, t) is not None or ctx.base(t) in lex.participles):
                return None
            t += 1
        return None

    def _is_subject_end(self, ctx: DocContext, cue: _Cue, t: int) -> bool:
        """«قال فلان "…"»: a quotation right after the verb's subject."""
        return t - cue.j <= 4 and ctx.mention_at.get(t - 1) is not None

    # ------------------------------------------------------------------------------------------
    def _speaker(
        self,
        ctx: DocContext,
        st: _State,
        cue: _Cue,
        a: int,
        phrases: list[ActorPhrase],
        region: tuple[int, int],
    ) -> tuple[str | None, str | None, str | None, bool]:
        """(speaker, channel, citation kind, anonymous) for a verb or participle cue."""
        lex = self.lex
        i, j = cue.i, cue.j
        r1 = region[1]
        channel = self._channel(ctx, region, phrases)
        kind = self._channel_kind(ctx, region)
        if cue.kind == "participle":
            spk = st.last_speaker if st.last_speaker_tok >= a else None
            if spk is None:
                first = next((p for p in phrases if p.t0 < i and p.marker in (BARE, HEAD, GROUP) and p.actor), None)
                spk = first.actor if first else st.last_speaker
            if channel is None and spk and self._is_outlet(ctx, st, spk):
                channel = spk
                kind = kind or self._outlet_kind(ctx, st, spk)
            return spk, channel, kind, False
        # «فلان الذي رأى أن»
        if i - 1 >= a and ctx.base(i - 1) in lex.relatives:
            ante = [p for p in phrases if p.t1 <= i - 1 and i - 1 - p.t1 <= 1]
            if ante and ante[-1].actor:
                return ante[-1].actor, channel, kind, False
        # «نقلت X عن Y»: Y speaks through X
        # the subject after the verb
        t = j
        while t < r1 and (ctx.keys[t] in QUOTE_MARKS or ctx.keys[t] in ("،", ",")):
            t += 1
        if t < r1:
            ph = next((p for p in phrases if p.t0 <= t < p.t1 or p.t0 == t), None)
            if ph is not None and ph.marker in (BARE, HEAD, GROUP) and ph.actor:
                spk = ph.actor
                via = self._quoting_via(ctx, phrases, ph, r1)
                if via is not None:
                    return via, spk, kind or self._outlet_kind(ctx, st, spk), False
                if channel is None and self._is_outlet(ctx, st, spk):
                    channel = spk
                    kind = kind or self._outlet_kind(ctx, st, spk)
                return spk, channel, kind, False
            base = ctx.base(t)
            ck = self._channel_at(ctx, t)
            if ck is not None:  # «أفاد بيان صادر عن X», «ذكر تقرير لصحيفة X»
                issuer = self._issuer(ctx, phrases, t, r1)
                if issuer is None and any(ctx.base(u) in lex.same_source for u in range(t + 1, min(r1, t + 3))):
                    issuer = st.last_statement_issuer or st.last_speaker
                if issuer is not None:
                    if ck == "statement":
                        st.last_statement_issuer = issuer
                    ch = channel
                    if ch is None and self._is_outlet(ctx, st, issuer):
                        ch = issuer
                    return issuer, ch, ck, False
                return None, channel, ck, True
            if base in lex.anonymous or any(f in lex.anonymous for f in ctx.forms(t)):
                return None, channel, kind, True
            if ctx.is_arabic(t) and (base in lex.speaker_nouns or _core(base) in self._speaker_cores):
                ent = self._nominal(ctx, st, t) or st.last_speaker
                if ent is not None:
                    if channel is None and self._is_outlet(ctx, st, ent):
                        channel = ent
                        kind = kind or self._outlet_kind(ctx, st, ent)
                    return ent, channel, kind, False
        # the subject before the verb (SVO)
        before = [p for p in phrases if p.t1 <= i and i - p.t1 <= 2 and p.marker in (BARE, HEAD, GROUP)]
        if before and before[-1].actor and all(
            ctx.base(u) in self.words.auxiliaries or ctx.keys[u] in ("،",) for u in range(before[-1].t1, i)
        ):
            spk = before[-1].actor
            if channel is None and self._is_outlet(ctx, st, spk):
                channel, kind = spk, kind or self._outlet_kind(ctx, st, spk)
            return spk, channel, kind, False
        if i - 1 >= a and ctx.is_arabic(i - 1) and ctx.base(i - 1) in lex.speaker_nouns:
            ent = self._nominal(ctx, st, i - 1)
            if ent is not None:
                if channel is None and self._is_outlet(ctx, st, ent):
                    channel, kind = ent, kind or self._outlet_kind(ctx, st, ent)
                return ent, channel, kind, False
        # no subject of its own: the sentence's subject before it («وكانت السفارة قد نشرت بلاغا
        # ذكرت فيه أن»), else the previous speaker («وأضاف أن»)
        if _subjectless(ctx, j, r1, phrases):
            first = next((p for p in phrases if p.t1 <= i and p.marker in (BARE, HEAD, GROUP) and p.actor), None)
            spk = first.actor if first is not None and first.t0 - a <= 4 else st.last_speaker
            if spk is not None and channel is None and self._possessive_channel(ctx, region):
                channel = st.channel_of.get(spk)
            return spk, channel, kind, False
        return None, channel, kind, True

    def _quoting_via(self, ctx: DocContext, phrases: list[ActorPhrase], ph: ActorPhrase, r1: int) -> str | None:
        """«نقلت وكالة X عن الوزير قوله»: the phrase after «عن» speaks through ph."""
        for p in phrases:
            if p.t0 >= ph.t1 and p.t0 < r1 and p.marker == "عن" and p.actor:
                if p.t0 - ph.t1 <= 4:
                    return p.actor
        return None

    def _issuer(self, ctx: DocContext, phrases: list[ActorPhrase], t: int, r1: int) -> str | None:
        """The body a statement or report comes from: «بيان صادر عن X», «بيان لـ X», «تقرير نشره موقع X»."""
        for p in phrases:
            if p.t0 <= t or p.t0 >= max(r1, t + 1) + 8 or not p.actor:
                continue
            if p.t0 - t > 8:
                break
            if p.marker in ("عن", "ل", BARE, HEAD):
                return p.actor
        return None

    def _channel_at(self, ctx: DocContext, t: int) -> str | None:
        for _, f in ctx.readings(t):
            k = self.lex.channels.get(f)
            if k is not None:
                return k
            if f.startswith("ال") and self.lex.channels.get(f[2:]) is not None:
                return self.lex.channels[f[2:]]
        if self.lex.channel_phrases.match(ctx, t):
            first = ctx.keys[t] + "_" + ctx.keys[t + 1] if t + 1 < len(ctx.keys) else ""
            return self.lex.channels.get(first, "statement")
        return None

    def _channel_kind(self, ctx: DocContext, region: tuple[int, int]) -> str | None:
        for t in range(*region):
            if ctx.is_arabic(t):
                k = self._channel_at(ctx, t) or _possessed_channel(self, ctx, t)
                if k is not None:
                    return k
        return None

    def _possessive_channel(self, ctx: DocContext, region: tuple[int, int]) -> bool:
        return any(_possessed_channel(self, ctx, t) is not None for t in range(*region) if ctx.is_arabic(t))

    def _channel(self, ctx: DocContext, region: tuple[int, int], phrases: list[ActorPhrase]) -> str | None:
        """«في تصريح لـ X», «في حوار مع X», «على قناة X», «لصحيفة X» in the cue's clause."""
        r0, r1 = region
        for t in range(r0, r1):
            if not ctx.is_arabic(t):
                continue
            if self._channel_at(ctx, t) is None:
                continue
            for p in phrases:
                if p.t0 > t and p.t0 < r1 and p.t0 - t <= 5 and p.actor:
                    if p.marker in self.lex.channel_links or p.marker in ("ل", "مع") or _after_detached_lam(ctx, p):
                        return p.actor
                    if p.marker == BARE and p.t0 - t <= 2:
                        return p.actor
        return None

    def _is_outlet(self, ctx: DocContext, st: _State, entity: str) -> bool:
        e = ctx.entities.get(entity)
        if e is not None and e.subtype in ("media", "outlet", "news_agency", "newspaper", "broadcaster"):
            return True
        heads = st.heads.get(entity, set())
        return any(_core(h) in self.lex.outlets for h in heads)

    def _outlet_kind(self, ctx: DocContext, st: _State, entity: str) -> str:
        for h in st.heads.get(entity, set()):
            k = self.lex.outlets.get(_core(h))
            if k is not None:
                return k
        return "article"

    def _date(self, ctx: DocContext, cue: _Cue, a: int, c0: int) -> str | None:
        lo = a if cue.kind == "participle" else cue.i
        for t in ctx.times:
            if t.t0 >= c0:
                break
            if lo <= t.t0 and t.time.type in ("DATE", "TIME") and t.time.value[:1].isdigit():
                return t.time.value[:10]
        return None

    # ------------------------------------------------------------------------------------------
    def _intro_quote(
        self,
        ctx: DocContext,
        st: _State,
        cue: _Cue,
        a: int,
        b: int,
        end: int,
        phrases: list[ActorPhrase],
    ) -> tuple[Quote | None, Citation | None] | None:
        """«بحسب X …»: the claim is the sentence on either side of the cue phrase."""
        lex = self.lex
        # the cue phrase: up to a clause mark (quotes and the «/» of a date do not end it)
        t = cue.j
        while t < end and t - cue.j < 20:
            k = ctx.keys[t]
            if k in ("،", ",", "؛", ";", ":") or k in _STOP_PUNCT:
                break
            if ctx.is_arabic(t) and ctx.base(t) in ("اذ", "فان", "حيث", "ان", "بان", "فقد"):
                break
            if t > cue.j and ctx.is_arabic(t) and self._verb_form(ctx, t) is not None:
                break
            t += 1
        np_end = t
        speaker = None
        channel = None
        kind = None
        for u in range(cue.j, np_end):
            if ctx.is_arabic(u):
                ck = self._channel_at(ctx, u)
                if ck is not None:
                    kind = kind or ck
        src = next((p for p in phrases if cue.j <= p.t0 < np_end and p.actor and p.marker not in ("في",)), None)
        if src is not None and src.actor is not None:
            speaker = src.actor
            if self._is_outlet(ctx, st, speaker):
                channel = speaker
                kind = kind or self._outlet_kind(ctx, st, speaker)
        elif any(ctx.base(u) in lex.same_source for u in range(cue.j, np_end)):
            speaker = st.last_statement_issuer if kind == "statement" else st.last_speaker
        else:
            for u in range(cue.j, min(np_end, cue.j + 2)):
                if ctx.base(u) in lex.speaker_nouns:
                    speaker = self._nominal(ctx, st, u)
                    break
        if kind == "statement" and speaker is not None:
            st.last_statement_issuer = speaker
        date = None
        for tr in ctx.times:
            if cue.i <= tr.t0 < np_end and tr.time.type in ("DATE", "TIME") and tr.time.value[:1].isdigit():
                date = tr.time.value[:10]
                break
        cite = None
        if speaker is not None or kind is not None:
            cite = Citation(channel or speaker, kind or "document", ctx.span(cue.i, max(cue.i + 1, np_end)), date)
        # the claim: after the cue phrase when there is one, else before it
        after0 = np_end
        while after0 < end and (ctx.keys[after0] in ("،", ",", "؛", ";", ":") or ctx.base(after0) in ("اذ", "فان")):
            after0 += 1
        span = None
        if _words(ctx, after0, end) >= _MIN_WORDS:
            span = _content_span(ctx, after0, end, ctx.keys[after0] in QUOTE_MARKS)
        if span is None:
            b0 = a
            b1 = cue.i
            while b1 > b0 and (ctx.keys[b1 - 1] in ("،", ",", "؛", ";") or ctx.base(b1 - 1) in ("وذلك", "ذلك")):
                b1 -= 1
            if _words(ctx, b0, b1) >= _MIN_WORDS:
                span = _content_span(ctx, b0, b1, False)
        if span is None:
            return None, cite
        s0, s1, direct = span
        q = Quote(s0, s1, ctx.doc.text[s0:s1], "direct" if direct else "indirect", speaker, channel, date,
                  ctx.span(cue.i, cue.j))
        if speaker is not None:
            st.last_speaker, st.last_speaker_tok = speaker, cue.i
            st.channel_of.setdefault(speaker, channel)
        return q, cite

    def _outlet_citations(self, ctx: DocContext, a: int, b: int, phrases: list[ActorPhrase]) -> list[Citation]:
        """«نشرت صحيفة X في 19 يوليو تفاصيل …»: an outlet cited without a quotation."""
        out = []
        for p in phrases:
            if p.marker not in (BARE,) or not p.actor:
                continue
            v = p.t0 - 1
            if v < a or not ctx.is_arabic(v):
                continue
            if not any(f in self.lex.citation_verbs for _, f in ctx.readings(v)):
                continue
            e = ctx.entities.get(p.actor)
            heads = {ctx.base(t) for t in range(p.t0, p.head.t0)} | {_core(ctx.base(t)) for t in range(p.t0, p.head.t0)}
            kind = next((self.lex.outlets[h] for h in heads if h in self.lex.outlets), None)
            if kind is None and not (e is not None and e.subtype in ("media", "outlet")):
                continue
            date = None
            for tr in ctx.times:
                if p.t1 <= tr.t0 < min(b, p.t1 + 6):
                    date = tr.time.value[:10] if tr.time.value[:1].isdigit() else None
                    break
            out.append(Citation(p.actor, kind or "article", ctx.span(v, p.t1), date))
        return out


def _possessed_channel(qx: QuoteExtractor, ctx: DocContext, t: int) -> str | None:
    """«تصريحه», «تقريرها»: a channel noun with a possessive pronoun."""
    for _, f in ctx.readings(t):
        for suf in ("ها", "ه", "هم"):
            if f.endswith(suf) and len(f) > len(suf) + 2:
                base = f[: -len(suf)]
                for cand in (base, base[:-1] + "ه" if base.endswith("ت") else base):
                    k = qx.lex.channels.get(cand)
                    if k is not None:
                        return k
    return None


def _after_detached_lam(ctx: DocContext, p: ActorPhrase) -> bool:
    """«لـ"الاستقلال"»: a lone ل before a quotation mark and the name."""
    t = p.head.t0 - 1
    while t >= 0 and ctx.keys[t] in QUOTE_MARKS:
        t -= 1
    return t >= 0 and ctx.keys[t] == "ل"


def _subjectless(ctx: DocContext, j: int, r1: int, phrases: list[ActorPhrase]) -> bool:
    """Between the verb and its complement there is no subject: only prepositional phrases,
    a channel phrase, a date, punctuation («وأضاف، في تصريح لـ X، أن»)."""
    t = j
    while t < r1:
        k = ctx.keys[t]
        if ctx.kinds[t] == "punct" or ctx.kinds[t] == "number":
            t += 1
            continue
        ph = next((p for p in phrases if p.t0 == t), None)
        if ph is not None and ph.marker in (BARE, HEAD, GROUP):
            return False
        del k
        t += 1
    # the first word after the verb is a preposition, a channel phrase or the complementizer
    return True


def _words(ctx: DocContext, i: int, j: int) -> int:
    return sum(1 for t in range(i, j) if ctx.kinds[t] in ("arabic", "latin", "number"))


def _content_span(ctx: DocContext, c0: int, c1: int, direct: bool) -> tuple[int, int, bool] | None:
    """Original span of the quoted content [c0, c1): trimmed; the quoted part when it dominates."""
    while c0 < c1 and ctx.kinds[c0] == "punct" and ctx.keys[c0] not in QUOTE_MARKS:
        c0 += 1
    while c1 > c0 and ctx.kinds[c1 - 1] == "punct" and ctx.keys[c1 - 1] not in QUOTE_MARKS:
        c1 -= 1
    if c1 <= c0 or _words(ctx, c0, c1) < 1:
        return None
    marks = [t for t in range(c0, c1) if ctx.keys[t] in QUOTE_MARKS]
    inside = 0
    first = last = -1
    if len(marks) >= 2:
        for o, c in zip(marks[::2], marks[1::2], strict=False):
            n = _words(ctx, o + 1, c)
            if n >= 2 or (direct and n >= 1):
                inside += n
                first = o + 1 if first < 0 else first
                last = c
    total = _words(ctx, c0, c1)
    if first >= 0 and (direct or inside * 2 >= total) and last > first:
        return ctx.starts[first], ctx.ends[last - 1], True
    # an opening mark left unclosed before the sentence end: the rest of the sentence is quoted
    if direct and ctx.keys[c0] in QUOTE_MARKS and _words(ctx, c0 + 1, c1) >= 1:
        e = c1 - 1 if ctx.keys[c1 - 1] in QUOTE_MARKS else c1
        return ctx.starts[c0 + 1], ctx.ends[e - 1], True
    s, e = c0, c1
    while s < e and ctx.keys[s] in QUOTE_MARKS:
        s += 1
    while e > s and ctx.keys[e - 1] in QUOTE_MARKS:
        e -= 1
    if e <= s:
        return None
    return ctx.starts[s], ctx.ends[e - 1], False


def _core(k: str) -> str:
    if k.startswith("ال") and len(k) > 4:
        return k[2:]
    return k


def _feminine(form: str) -> bool:
    return form.endswith("ت") or form.startswith("ت")
