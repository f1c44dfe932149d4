"""Quotes, their speakers and channels, and the citations an article makes.

A quote is introduced by a *cue*:

* a reporting verb followed, within its clause, by «أن/إن» (also «إلى أن», «على أن», «بأن»),
  a colon or a quotation mark («وأوضح فلان، في تصريح لـ"…"، أن …»);
* a circumstantial participle («…، مضيفا أن …», «مشيرة إلى أن …»), which reports for the
  subject of the main verb;
* an introducer without a verb: «بحسب X», «وفقا لـ X», «نقلا عن X», «كما تشير X، …»; the
  claim is the rest of the sentence on the side(s) of the cue phrase.

The quote runs to the end of the sentence (a «؛» does not end it) or to the next cue (a verb
after «فيما», «بينما» starts one); «، وأن …» opens a second quote of the same verb. It is
*direct* when its text is mostly inside quotation marks (the span is then the quoted part),
*indirect* otherwise (a clause of the speaker's ending in a short quotation is indirect).

The words may also come first: a quotation or clause that opens the sentence before a bare
«، قال فلان.» is his; a transcript line «فلان: …» is that person's turn to the end of the line.

The speaker is, in order: the antecedent of a relative («فلان الذي رأى أن»); the person whose
office speaks («بحسب ما أعلنه مكتبه»); the person a chain of titles after the verb ends with
(«وقال المبعوث الأممي الخاص إلى اليمن، فلان»; a verb's gender must agree, and «لدى استقباله
فلانا» ends the chain); the actor phrase right after the verb (VSO) or right before it (SVO);
the body an anonymous source belongs to («مصدر مسؤول في وزارة X»); the issuer of a statement that is the
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
from typing import NamedTuple

from marsad.doc import Citation, Document, Quote
from marsad.extract.events.context import (
    FULL_STOPS,
    OPENING_QUOTES,
    QUOTE_MARKS,
    DocContext,
    PhraseSet,
    TimeRef,
    key,
    word_set,
)
from marsad.extract.events.nominal import NominalIndex
from marsad.extract.events.phrases import BARE, GROUP, HEAD, ActorPhrase, build_phrases, role_words
from marsad.lang import data_path, load_yaml
from marsad.text.sentences import Span

_STOP_PUNCT = frozenset(".!?؟")
_OUTLET_SUBTYPES = frozenset(
    {"media", "outlet", "news_agency", "newspaper", "broadcaster", "website", "tv", "television", "radio",
     "magazine", "tv_channel", "radio_station", "news_site"}
)
_CLOSING = frozenset("»”›")
#: «أعرب عن "…"», «شدد على "…"»: a quotation right after the verb's preposition
_QUOTE_PREPS = frozenset({"عن", "علي", "الي", "ب", "حول"})
#: what a call or a demand asks for comes after these («دعا إلى», «طالب بـ»)
_DEMAND_PREPS = frozenset({"الي", "ب", "ل"})
_MAX_CUE_REGION = 48
#: senses of verbs that report an act when they quote nothing («طالبوا ذويه بفدية», «ردت باريس
#: بطرد …»): a source named after their clause («بحسب X») is the source of that act
_ACT_SENSES = frozenset({"demand", "call", "reply"})
#: senses of verbs that close a sentence after the words they report («…، قال فلان.»)
_SAY_SENSES = frozenset({"say", "add", "explain", "affirm", "stress", "point", "report"})
#: at most this many tokens between a reporting verb and a quotation that is its content
#: («أكد عمدة …، فلان، عشية الزيارة …، "…"»), and between a verb of asking and its preposition
_MAX_QUOTE_GAP = 30
_MAX_DEMAND_GAP = 20
_MIN_WORDS = 3


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: dict[str, str]  # form key → sense
    verb_after: dict[str, frozenset[str]]  # form key → words one of which must follow
    verb_near: dict[str, int]  # form key → «أن» must follow within this many words
    verb_subject_between: frozenset[str]  # form keys whose `after` word may follow a subject
    verb_head_quote: frozenset[str]  # form keys that report at a clause head before a quotation
    verb_then_channel: frozenset[str]  # form keys that report only before «في» + a channel noun
    verb_gender: dict[str, str]  # form key → "m", "f" or "p" (plural, dual): whom the verb agrees with
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
    impersonal: frozenset[str]
    institutions: frozenset[str]
    possessive_sources: frozenset[str]
    speaker_nouns: frozenset[str]
    citation_verbs: frozenset[str]
    same_source: frozenset[str]
    anonymous: frozenset[str]
    channel_links: frozenset[str]
    person_nouns: frozenset[str]  # speaker nouns for a person («الوزير», «المتحدث»), cores
    role_synonyms: dict[str, frozenset[str]]  # core → cores naming the same role («متحدث» / «ناطق»)
    proxy_nouns: frozenset[str]  # «حملة فلان»: stands for the person it serves
    name_heads: frozenset[str]  # a quotation right after these is a name or title («موقع "…"»)
    false_complements: frozenset[str]  # «من شأنه أن», «بعد أن»: an «أن» that opens no speech
    adverbs: frozenset[str]  # words that may come between a subjectless verb and its words
    relation_nouns: frozenset[str]  # «خصوم X», «أنصار X»: a group around X, not X
    waw_hamza_verbs: frozenset[str]  # verb form keys written with «ؤ» («يؤكد»)
    title_links: frozenset[str]  # «إلى», «لدى», «في»: prepositions inside a chain of titles
    chain_breaks: frozenset[str]  # «خلال», «عقب»: they end a chain of titles
    resumptives: frozenset[str]  # «به», «بها» after a verb of a relative clause
    affiliation_links: frozenset[str]  # «مصدر في وزارة X»: the source speaks for X
    suffix_preps: frozenset[str]  # «لدى استقباله»: a suffixed word after them ends a title chain
    outlet_synonyms: dict[str, frozenset[str]]  # core → cores of nouns for the same kind of outlet
    clause_links: frozenset[str]  # «فيما», «بينما»: a reporting verb after them starts a new attribution


@cache
def quote_lexicon() -> QuoteLexicon:
    rv = load_yaml("reporting_verbs.yaml")
    qc = load_yaml("quote_cues.yaml")
    verbs: dict[str, str] = {}
    after: dict[str, frozenset[str]] = {}
    near: dict[str, int] = {}
    subject_between: set[str] = set()
    head_quote: set[str] = set()
    then_channel: set[str] = set()
    gender: dict[str, str] = {}
    for past, spec in [*rv["verbs"].items(), *(qc.get("conditional_verbs") or {}).items()]:
        forms = list(spec.get("forms", ()))
        for f, g in verb_genders(str(past), forms).items():
            gender.setdefault(f, g)
        for f in forms:
            verbs.setdefault(key(f), str(spec.get("sense", "say")))
            if spec.get("after"):
                after[key(f)] = word_set(spec["after"])
        for f in forms:
            if spec.get("near"):
                near[key(f)] = int(spec["near"])
            if spec.get("subject"):
                subject_between.add(key(f))
            if spec.get("head_quote"):
                head_quote.add(key(f))
            if spec.get("channel"):
                then_channel.add(key(f))
    intro: list[str] = list(qc["introducers"])
    intro += [c for c in (rv.get("cues") or {}) if not str(c).startswith("في ")]
    then = {}
    for phrase, spec in qc["introducers"].items():
        if isinstance(spec, dict) and spec.get("then"):
            then[key(str(phrase).split()[0])] = word_set(spec["then"])
    synonyms: dict[str, frozenset[str]] = {}
    for group in qc["role_synonyms"]:
        cores = frozenset(_core(key(w)) for w in group)
        for c in cores:
            synonyms[c] = synonyms.get(c, frozenset()) | (cores - {c})
    channels: dict[str, str] = {}
    multi = []
    for noun, kind in qc["channels"].items():
        if " " in str(noun):
            multi.append(str(noun))
        channels[key(str(noun).split()[0]) if " " not in str(noun) else key(str(noun).replace(" ", "_"))] = str(kind)
    outlet_synonyms: dict[str, frozenset[str]] = {}
    for group in qc["outlet_synonyms"]:
        cores = frozenset(_core(key(w)) for w in group)
        for c in cores:
            outlet_synonyms[c] = outlet_synonyms.get(c, frozenset()) | (cores - {c})
    return QuoteLexicon(
        outlet_synonyms=outlet_synonyms,
        verbs=verbs,
        verb_after=after,
        verb_near=near,
        verb_gender=gender,
        verb_subject_between=frozenset(subject_between),
        verb_head_quote=frozenset(head_quote),
        verb_then_channel=frozenset(then_channel),
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
        impersonal=word_set(qc["impersonal"]),
        institutions=word_set(qc["institutions"]),
        possessive_sources=word_set(qc["possessive_sources"]),
        speaker_nouns=word_set([*qc["speaker_nouns"], *qc["person_nouns"]]),
        citation_verbs=word_set(qc["citation_verbs"]),
        same_source=word_set(qc["same_source"]),
        anonymous=word_set(qc["anonymous"]),
        channel_links=word_set(qc["channel_links"]),
        person_nouns=frozenset(_core(k) for k in word_set(qc["person_nouns"])),
        role_synonyms=synonyms,
        proxy_nouns=word_set(qc["proxy_nouns"]),
        name_heads=word_set(qc["name_heads"]),
        false_complements=word_set(qc["false_complements"]),
        adverbs=word_set(qc["adverbs"]),
        relation_nouns=word_set(qc["relation_nouns"]),
        clause_links=word_set(qc["clause_links"]),
        title_links=word_set(qc["title_links"]),
        resumptives=word_set(qc["resumptives"]),
        affiliation_links=word_set(qc["affiliation_links"]),
        chain_breaks=word_set(qc["chain_breaks"]),
        suffix_preps=word_set(qc["suffix_preps"]),
        waw_hamza_verbs=frozenset(key(f) for spec in rv["verbs"].values() for f in spec.get("forms", ()) if "ؤ" in f),
    )


def verb_genders(past: str, forms: list[str]) -> dict[str, str]:
    """Form key → the subject it agrees with: "m" (he), "f" (she), "p" (they, the two), ""
    unknown. ``past`` is the verb's past 3rd person masculine singular (the key of its entry in
    reporting_verbs.yaml): «قال» m, «قالت» f, «قالوا» «قالا» p, «يقول» m, «تقول» f (the present
    with ت whose ي form is also listed); «دعت», «نفت» are the past stem without its last letter + ت."""
    p = key(past)
    ks = [key(f) for f in forms]
    out: dict[str, str] = {}
    for k in ks:
        if k == p:
            g = "m"
        elif k.endswith("ت") and k[:-1] in (p, p[:-1]) and len(k) > 2:
            g = "f"
        elif k.endswith(("وا", "ون", "ين")) or k == p + "ا" or (k.endswith("ن") and not k.startswith(("ي", "ت"))):
            g = "p"
        elif k.startswith("ي"):
            g = "m"
        elif k.startswith("ت") and "ي" + k[1:] in ks:
            g = "f"
        else:
            g = ""
        out[k] = g
    return out


def participle_gender(k: str) -> str:
    """«مضيفا» m, «مضيفة» f, «مضيفين» p (a participle's key)."""
    if k.endswith(("ين", "ون")):
        return "p"
    return "f" if k.endswith("ه") else "m"


@dataclass
class _Cue:
    i: int  # first token
    j: int  # one past the cue words
    kind: str  # verb | participle | intro
    sense: str = "say"
    gender: str = ""  # whom the verb or participle agrees with: m, f, p or "" (see verb_genders)
    near: int = 0  # «أن» must follow within this many words (0: the usual window)


class _Who(NamedTuple):
    speaker: str | None
    channel: str | None
    kind: str | None  # citation kind of the channel («statement», «interview», …)
    anonymous: bool
    #: how the speaker was found: subject (named next to the verb), relative, proxy, relayed
    #: («نقلت X عن فلان قوله»), issuer (of a statement), group, nominal (a common noun), sentence
    #: (the subject of the sentence's first verb), continued (no subject: the previous speaker)
    how: str = ""


def _agrees(have: str, want: str) -> bool:
    """A speaker of gender ``have`` can be the subject of a verb of gender ``want`` (unknown
    agrees with anything; a plural verb is left to the caller)."""
    return not have or not want or want == "p" or have == want


def _relative_gender(k: str) -> str:
    return {"الذي": "m", "التي": "f", "الذين": "p", "اللذين": "p", "اللتين": "p", "اللذان": "p", "اللتان": "p"}.get(k, "")


@cache
def given_name_genders() -> dict[str, str]:
    """Given name key → m or f, read from the sections of the entity stage's name lists
    (``# -- male`` / ``# -- female`` headers in given_names.txt and ner_first_names.txt)."""
    out: dict[str, str] = {}
    for name in ("given_names.txt", "ner_first_names.txt"):
        try:
            text = data_path(name).read_text(encoding="utf-8")
        except OSError:
            continue
        g = ""
        for line in text.splitlines():
            s = line.strip()
            if s.startswith("# --"):
                head = s[4:].strip().lower()
                g = "f" if head.startswith("female") else "m" if head.startswith("male") else ""
                continue
            word = s.split("#", 1)[0].strip()
            if word and g and " " not in word:
                out.setdefault(key(word), g)
    return out


@dataclass
class _State:
    last_speaker: str | None = None
    last_speaker_tok: int = -1
    gender: dict[str, str] = field(default_factory=dict)  # speaker → "f"/"m" from verb agreement
    history: list[str] = field(default_factory=list)  # speakers in order
    channel_of: dict[str, str | None] = field(default_factory=dict)
    last_statement_issuer: str | None = None
    heads: dict[str, set[str]] = field(default_factory=dict)  # entity → head-noun keys
    nominal: NominalIndex | None = None
    #: channel kind → who issued the last one («رسالة», «بيان»): «جاء في الرسالة» is theirs
    owner: dict[str, str] = field(default_factory=dict)
    last_date: str | None = None  # the date of the last statement (a participle after it shares it)
    #: person → the organizations named in the title before their name («رئيس الجامعة X، فلان»)
    person_orgs: dict[str, set[str]] = field(default_factory=dict)
    person_gender: dict[str, str] = field(default_factory=dict)  # from titles and given names
    #: person → role nouns written right after a mention («فلان، المتحدث باسم …»)
    post_titles: dict[str, set[str]] = field(default_factory=dict)
    #: quotations of the current full sentence that are speech (opening mark, end): not names
    speech: list[tuple[int, int]] = field(default_factory=list)
    closed: list[tuple[int, int]] = field(default_factory=list)  # those of them that are closed
    suppressed: set[int] = field(default_factory=set)  # verb cues found to describe a source
    names: list[tuple[int, int]] = field(default_factory=list)  # quotations that are names
    extra_cites: list[Citation] = field(default_factory=list)  # more outlets cited by one phrase
    date_of: dict[str, str] = field(default_factory=dict)  # speaker → date of their last statement
    said: list[tuple[int, int]] = field(default_factory=list)  # token spans of quoted words so far


class QuoteExtractor:
    def __init__(self) -> None:
        self.lex = quote_lexicon()
        self.words = role_words()
        self._speaker_cores = frozenset(_core(s) for s in self.lex.speaker_nouns)
        self._person_nouns = self.lex.person_nouns
        self._given = given_name_genders()
        #: every written form that can start a channel noun or phrase (a quick filter)
        self._channel_words = frozenset(self.lex.channels) | frozenset(self.lex.channel_phrases.by_first)
        self._title_cores = frozenset(_core(k) for k in self.words.titles) | self._person_nouns
        #: titles of persons (not the heads of outlets and other names: «موقع», «وكالة», «باسم»)
        self._person_titles = self._title_cores - set(self.lex.outlets) - self.lex.name_heads - {"باسم"}

    def __call__(self, doc: Document) -> None:
        ctx = DocContext.of(doc)
        quotes, citations = self.extract(ctx)
        doc.quotes = quotes
        doc.citations = citations

    # ------------------------------------------------------------------------------------------
    def extract(self, ctx: DocContext) -> tuple[list[Quote], list[Citation]]:
        self._verb_memo: dict[int, str | None] = {}  # per document: token → reporting verb form
        self._channel_memo: dict[int, str | None] = {}  # per document: token → channel kind
        st = _State()
        st.nominal = NominalIndex.of(ctx, lambda k: self._verb_form(ctx, k) is not None)
        st.heads = st.nominal.heads
        st.person_gender = self._person_genders(ctx, st.person_orgs)
        st.post_titles = self._post_titles(ctx)
        quotes: list[Quote] = []
        cites: dict[tuple[str | None, str, str | None], Citation] = {}
        for a0, b0 in _rejoined(ctx):
            passages = _passages(ctx, a0, b0)
            st.speech = [(o, e) for o, e, _ in passages if not self._is_name(ctx, o, e)]
            st.closed = [(o, e) for o, e, c in passages if c and (o, e) in st.speech]
            st.names = [(o, e) for o, e, _ in passages if (o, e) not in st.speech]
            for a, b in _pieces(ctx, a0, b0, passages):
                self._sentence(ctx, st, a, b, quotes, cites)
        turns = self._turns(ctx)
        if turns:
            # inside a speaker's turn, words nobody is named for are the speaker's own
            quotes = [q for q in quotes if q.speaker is not None or not any(
                t.start <= q.start and q.end <= t.end for t in turns)]
            quotes.extend(turns)
        quotes.sort(key=lambda q: (q.start, -q.end))
        # a quote inside another one with the same speaker is redundant
        kept: list[Quote] = []
        for q in quotes:
            if kept and kept[-1].start <= q.start and q.end <= kept[-1].end and kept[-1].speaker == q.speaker:
                continue
            kept.append(q)
        out = sorted(cites.values(), key=lambda c: c.evidence.start)
        for c in out:
            c.text = ctx.doc.text[c.evidence.start : c.evidence.end]
        # a citation without a date is dropped when the same source is cited with one
        dated = {(c.source, c.kind) for c in out if c.date}
        out = [c for c in out if c.date or (c.source, c.kind) not in dated]
        return kept, out

    def _turns(self, ctx: DocContext) -> list[Quote]:
        """A transcript turn: a line that opens with a person's name (titles may come before it)
        and a colon («فلان: لا أعتقد ذلك. …») is that person's words, to the end of the line."""
        text = ctx.doc.text
        out: list[Quote] = []
        for m in ctx.mentions:
            if m.type != "PERSON" or m.nested or m.t1 >= len(ctx.keys) or ctx.keys[m.t1] != ":":
                continue
            t = m.t0
            while t - 1 >= 0 and m.t0 - t < 3 and ctx.is_arabic(t - 1) and "\n" not in text[ctx.ends[t - 1] : ctx.starts[t]] \
                    and self._role_word(ctx, t - 1) in self._person_titles:
                t -= 1
            line0 = text.rfind("\n", 0, ctx.starts[t]) + 1
            if text[line0 : ctx.starts[t]].strip():
                continue  # not at the start of a line
            s0 = ctx.ends[m.t1]
            s1 = text.find("\n", s0)
            s1 = len(text) if s1 < 0 else s1
            while s0 < s1 and (text[s0].isspace() or text[s0] in QUOTE_MARKS):
                s0 += 1
            while s1 > s0 and (text[s1 - 1].isspace() or text[s1 - 1] in ".!" or text[s1 - 1] in QUOTE_MARKS):
                s1 -= 1
            if len(text[s0:s1].split()) < _MIN_WORDS:
                continue
            out.append(Quote(s0, s1, text[s0:s1], "direct", m.entity, None, None, ctx.span(t, m.t1 + 1)))
        return out

    def _sentence(
        self,
        ctx: DocContext,
        st: _State,
        a: int,
        b: int,
        quotes: list[Quote],
        cites: dict[tuple[str | None, str, str | None], Citation],
    ) -> None:
        """The quotes and citations of one sentence (tokens [a, b))."""
        # a reporting verb inside quotation marks is part of someone's words («"… أعتقد أن …"»;
        # a mark nothing closes may be a stray one: it hides no cue)
        cues = [c for c in self._cues(ctx, st, a, b) if not any(o < c.i < e for o, e in st.closed)]
        phrases = build_phrases(ctx, a, b, frozenset(c.i for c in cues if c.kind != "intro" and not c.near))
        breaks = [c.i for c in cues if self._breaks(ctx, c, a)]
        sent_quotes: list[Quote] = []
        outlet: str | None = None
        covered = -1  # the token the words of the last quote reach
        for cue in cues:
            if cue.i in st.suppressed:
                continue
            if cue.kind == "verb" and cue.i < covered and cue.i not in breaks:
                # «قال إن تونس تعتبر …»: a verb inside the words of a quote, not a new attribution
                continue
            end = next((x for x in breaks if x > cue.i), b)
            if a < end < b and end - 1 > cue.i and ctx.is_arabic(end - 1) and ctx.isin(end - 1, self.lex.clause_links):
                end -= 1  # «…، فيما أكد فلان»: the link word belongs to the next attribution
            inside = cue.kind == "intro" and any(
                q.start <= ctx.starts[cue.i] < q.end and q.speaker for q in sent_quotes
            )
            saved = (st.last_speaker, st.last_speaker_tok, st.last_statement_issuer)
            found = self._quote(ctx, st, cue, a, b, end, phrases)
            if inside and found is not None:
                # «وقال فلان إنه، طبقا لإحصاءات X، …»: a source inside someone's words is cited,
                # and the words stay his
                st.last_speaker, st.last_speaker_tok, st.last_statement_issuer = saved
                found = ([], found[1])
            if found is None:
                continue
            qs, cite = found
            if qs:
                sent_quotes.extend(qs)
                if cue.kind != "intro":
                    covered = max(covered, ctx.token_at(qs[-1].end - 1) + 1)
                if cue.kind == "intro" and qs[0].channel is not None:
                    outlet = qs[0].channel
            elif cue.kind == "intro" and cite is not None and cite.source and self._is_outlet(ctx, st, cite.source):
                outlet = cite.source
            if cite is not None:
                cites.setdefault((cite.source, cite.kind, cite.date), cite)
            for extra in st.extra_cites:
                cites.setdefault((extra.source, extra.kind, extra.date), extra)
            st.extra_cites.clear()
        for q in sent_quotes:
            # «…، وفق ما ذكرته وكالة X»: the outlet carried every quote of the sentence
            if q.channel is None and outlet is not None and q.speaker != outlet:
                q.channel = outlet
            quotes.append(q)
        for cite in self._outlet_citations(ctx, a, b, phrases):
            cites.setdefault((cite.source, cite.kind, cite.date), cite)
        self._note_owners(ctx, st, a, b, phrases)

    def _note_owners(self, ctx: DocContext, st: _State, a: int, b: int, phrases: list[ActorPhrase]) -> None:
        """«ووجه فلان رسالة إلى …», «أصدرت الوزارة بيانا»: who issued the letter or statement a
        later «جاء في الرسالة» refers to (the named subject before the channel noun)."""
        words = self._channel_words
        for u in range(a, b):
            if not ctx.is_arabic(u) or u in ctx.mention_at or not any(
                f in words or (f.endswith("ا") and f[:-1] in words) for f in ctx.forms(u)  # «بيانا»
            ):
                continue
            if ctx.base(u).startswith("ال"):
                continue
            kind = self._channel_at(ctx, u)
            if kind is None or any(o < u < e for o, e in st.speech):
                continue
            subj = next(
                (p for p in reversed(phrases) if p.t1 <= u and u - p.t1 <= 4 and p.marker in (BARE, HEAD) and p.actor),
                None,
            )
            if subj is not None and subj.actor is not None:
                st.owner[kind] = subj.actor

    def _is_name(self, ctx: DocContext, o: int, e: int) -> bool:
        """The quotation between marks o and e is a name or a title, not speech: its words are one
        entity's mention («"ميدل إيست آي"»), or a naming word comes before it («موقع "…"»,
        «مسلسل "…"», «ما يسمى بـ"…"»)."""
        words = [u for u in range(o + 1, e) if ctx.kinds[u] in ("arabic", "latin", "number")]
        if not words:
            return True
        ents = {ctx.mention_at[u].entity if u in ctx.mention_at else None for u in words}
        if None not in ents and len(ents) == 1:
            return True
        if len(words) >= 2 and all(len(ctx.keys[u]) <= 3 for u in words):
            return True  # «"إن إس إيه"», «"سي آي أي"»: an acronym spelt out
        named = ctx.mention_at.get(o - 1) if o - 1 >= 0 else None
        if named is None and o - 2 >= 0 and ctx.keys[o - 1] in ("(", "،", ","):
            named = ctx.mention_at.get(o - 2)
        if (
            len(words) <= 4
            and named is not None
            and named.type != "PERSON"  # «قال هشام المؤدب "إن …"»: a person is followed by words
            and not (ctx.is_arabic(words[0]) and self._is_complementizer(ctx, words[0]))
        ):
            return True  # «وكالة الأمن القومي الأمريكية "إن إس إيه"»: an acronym after the name
        p = o - 1
        while p >= 0 and (ctx.keys[p] in ("ب", "ل") or ctx.kinds[p] == "other"):
            p -= 1
        if p >= 0 and ctx.is_arabic(p):
            # an indefinite head («موقع "…"»); after a definite one the quotation is speech
            # («وأضافت الصحيفة "…"»)
            k = ctx.keys[p]
            return any(f in self.lex.name_heads and not k[:n].endswith("ال") for n, f in ctx.readings(p))
        return False

    def _post_titles(self, ctx: DocContext) -> dict[str, set[str]]:
        """Role nouns in apposition after a person's name: «فلان، المتحدث باسم الأمم المتحدة»."""
        out: dict[str, set[str]] = {}
        n = len(ctx.keys)
        for m in ctx.mentions:
            if m.type != "PERSON" or m.nested:
                continue
            k = m.t1
            if k < n and ctx.keys[k] in ("،", ","):
                k += 1
            if k < n and ctx.is_arabic(k) and k not in ctx.mention_at:
                c = _core(ctx.base(k))
                if c in self._person_nouns or c in self._title_cores:
                    out.setdefault(m.entity, set()).add(c)
        return out

    def _person_genders(self, ctx: DocContext, orgs: dict[str, set[str]]) -> dict[str, str]:
        """m or f for the persons of the document: the title before a mention («رئيسة الحكومة
        فلانة», «وزير الخارجية فلان»: the first title word of the phrase), else the given name.
        ``orgs`` receives the organizations named in each person's title."""
        out: dict[str, str] = {}
        outlets = set(self.lex.outlets) | set(self.lex.channels)
        for m in ctx.mentions:
            if m.type != "PERSON" or m.nested or m.entity in out:
                continue
            lo = ctx.sentence_range(m.t0)[0]
            k, g, steps = m.t0 - 1, "", 0
            while k >= lo and steps < 7:
                other = ctx.mention_at.get(k)
                if other is not None:
                    if other.type == "PERSON":
                        break
                    orgs.setdefault(m.entity, set()).add(other.entity)
                    k = other.t0 - 1
                    steps += 1
                    continue
                if ctx.keys[k] in ("،", ","):
                    k -= 1
                    continue
                if not ctx.is_arabic(k) or self._verb_form(ctx, k) is not None:
                    break
                b = ctx.base(k)
                if b in self.words.stops or b in self.words.preps:
                    break
                c = _core(b)
                if c not in outlets:
                    if c in self._title_cores:
                        g = "f" if c.endswith("ه") and c[:-1] in self._title_cores else "m"
                    elif c.endswith("ه") and c[:-1] in self._title_cores:
                        g = "f"
                steps += 1
                k -= 1
            if g:
                out[m.entity] = g
        for e in ctx.entities.values():
            if e.type == "PERSON" and e.id not in out and e.name:
                first = key(e.name.split()[0])
                g = self._given.get(first) or self._given.get(first[2:] if first.startswith("ال") else first, "")
                if g:
                    out[e.id] = g
        return out

    # ------------------------------------------------------------------------------------------
    def _nominal(self, ctx: DocContext, st: _State, t: int) -> str | None:
        """«الوكالة», «الصحفي الليبي»: the last entity named after the same noun."""
        return st.nominal.resolve(ctx, t) if st.nominal is not None else None

    # ------------------------------------------------------------------------------------------
    def _cues(self, ctx: DocContext, st: _State, a: int, b: int) -> list[_Cue]:
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
            if form is not None and lex.verb_after.get(form) and not self._after_word(ctx, t, b, form, lex.verb_after[form]):
                # «ورد رئيس الإقليم بأن»: و + «رد» when «ورد» (was mentioned) lacks its «في»
                form = next((f for n, f in ctx.readings(t) if n and f != form and f in lex.verbs
                             and all(ch in "وف" for ch in ctx.keys[t][:n])), form)
            if form is None and t + 1 < b:
                # «ووصفته الوزارة بأنه "…"»: a verb of describing with its object pronoun
                obj = self._verb_with_object(ctx, t)
                if obj is not None and lex.verbs.get(obj) == "describe" and any(
                    self._is_complementizer(ctx, u) for u in range(t + 1, min(b, t + 8)) if ctx.is_arabic(u)
                ):
                    form = obj
            if form is not None:
                need = lex.verb_after.get(form)
                after_channel = any(
                    self._channel_at(ctx, u) is not None and not self._channel_subject(ctx, u, t, a)
                    for u in range(max(a, t - 2), t) if ctx.is_arabic(u)
                ) and ctx.keys[t] == ctx.base(t) and not (out and out[-1].kind == "intro" and out[-1].j >= t - 2) and not (
                    t + 1 < b and ctx.keys[t + 1] in ("فيه", "فيها", "فيهما")
                )  # «أصدر بيانا أكد فيه أن»: what the statement says
                impersonal = ctx.isin(t, lex.impersonal)
                if not after_channel and not impersonal and (not need or self._after_word(ctx, t, b, form, need)):
                    near = lex.verb_near.get(form, 0)
                    if form in lex.verb_head_quote and not self._verb_position(ctx, t, a):
                        t += 1  # «جولته بين المعاهد أن …»: «بين» between, not a verb
                        continue
                    if near and form in lex.verb_head_quote and self._clause_head(ctx, t, a) and any(
                        t < o < min(b, t + _MAX_QUOTE_GAP) for o, _ in st.speech
                    ):
                        near = 0  # «وبين الحزب، تضامنه مع "…"»
                    out.append(_Cue(t, t + 1, "verb", lex.verbs[form], lex.verb_gender.get(form, ""), near))
                t += 1
                continue
            if ctx.isin(t, lex.participles) and not (
                t > a and ctx.is_arabic(t - 1) and ctx.base(t - 1) in self.words.preps
            ):  # «اتفقا على مواصلة النقاش»: a verbal noun after a preposition, not «، مواصلا»
                out.append(_Cue(t, t + 1, "participle", gender=participle_gender(ctx.base(t))))
            t += 1
        return out

    @staticmethod
    def _channel_subject(ctx: DocContext, u: int, t: int, a: int) -> bool:
        """The definite channel noun at u, heading its clause right before the verb at t, is the
        verb's subject («. البيان أشار أيضا إلى أن»), not a channel the verb describes («في حوار
        صحفي نشر …»)."""
        return u == t - 1 and ctx.base(u).startswith("ال") and (u == a or ctx.keys[u - 1] in ("،", ",", ".", ":", "؛"))

    def _after_word(self, ctx: DocContext, t: int, b: int, form: str, need: frozenset[str]) -> bool:
        """The word a conditional verb needs follows it («جاء في»), or follows its subject when
        the verb allows one («عبر الحزب الدستوري الحر، عن»): a named subject, no full stop."""
        if t + 1 < b and ctx.isin(t + 1, need):
            if form in self.lex.verb_then_channel and ctx.base(t + 1) == "في":
                return t + 2 < b and ctx.is_arabic(t + 2) and (
                    self._channel_at(ctx, t + 2) is not None or _possessed_channel(self, ctx, t + 2) is not None
                )
            return True
        if form not in self.lex.verb_subject_between:
            return False
        named = False
        for u in range(t + 1, min(b, t + 15)):
            if ctx.is_arabic(u) and ctx.isin(u, need):
                return named
            if _sentence_end(ctx, u) or (ctx.is_arabic(u) and self._verb_form(ctx, u) is not None):
                return False
            named = named or u in ctx.mention_at
        return False

    def _conjoined_word(self, ctx: DocContext, t: int) -> bool:
        """Token t is a word with «و» in front («ووضعوا», «وأكد»; not «وزير», «وفد», «وليد» nor a
        name)."""
        k = ctx.keys[t]
        if not ctx.is_arabic(t) or k[:1] != "و" or ctx.base(t) == k or t in ctx.mention_at:
            return False
        w = self.words
        if k in w.titles or k in w.group_nouns or k in w.place_nouns or k in self._given or _core(k) in self._title_cores:
            return False
        return not ctx.base(t).startswith("ال")

    def _verb_position(self, ctx: DocContext, t: int, a: int) -> bool:
        """Token t stands where a verb stands: at the head of a clause («وبين», «، بين»), or
        after its subject (a name, a relative pronoun, an auxiliary: «الوزير بين», «الذي بين»)."""
        if self._clause_head(ctx, t, a) or self._conjoined(ctx, t):
            return True
        p = t - 1
        return p >= a and (
            p in ctx.mention_at or ctx.isin(p, self.lex.relatives) or ctx.isin(p, self.words.auxiliaries)
        )

    @staticmethod
    def _clause_head(ctx: DocContext, t: int, a: int) -> bool:
        """Token t starts a sentence or a clause («. وبين», «، وبين»)."""
        return t == a or ctx.keys[t - 1] in ("،", ",", "؛", ";", ".", ":")

    def _breaks(self, ctx: DocContext, cue: _Cue, a: int) -> bool:
        """A cue that starts a new attribution (and so ends the quote before it): a participle,
        an introducer, or a reporting verb at the head of a clause («، وأضاف», «. وقال»)."""
        if cue.kind == "intro":
            # «وقال فلان إنه، طبقا لإحصاءات X، …»: a source inside someone's words does not end them
            return False
        if cue.kind != "verb":
            return True
        if cue.i == a or self._conjoined(ctx, cue.i):
            return True
        return cue.i > a and (
            ctx.keys[cue.i - 1] in ("،", ",", "؛", ";", ".", ":") or ctx.isin(cue.i - 1, self.lex.clause_links)
        )

    def _verb_form(self, ctx: DocContext, t: int) -> str | None:
        memo = self._verb_memo
        if t in memo:
            return memo[t]
        found = self._verb_form_of(ctx, t)
        memo[t] = found
        return found

    def _verb_form_of(self, ctx: DocContext, t: int) -> str | None:
        for strip, f in ctx.readings(t):
            if f in self.lex.verbs and all(ch in "وفس" for ch in ctx.keys[t][:strip]):
                if "ؤ" in ctx.tokens[t].form and f not in self.lex.waw_hamza_verbs:
                    return None  # «تساؤل» (a question) is not «تساءل» (he asked)
                return f
        return None

    def _is_complementizer(self, ctx: DocContext, t: int) -> bool:
        """«أن», «إن», «بأن», «وأن», «فإن» (not «الآن» read as ال + أن, nor «لأن» because, nor a
        letter of «سي.ان.ان»)."""
        k = ctx.keys[t]
        m = ctx.mention_at.get(t)
        if m is not None and m.t1 - m.t0 > 1:
            return False  # «بان كي مون»: a name, not «بأن»
        text = ctx.doc.text
        s, e = ctx.starts[t], ctx.ends[t]
        if (s > 0 and text[s - 1] == ".") or (e < len(text) and text[e] == "."  and e + 1 < len(text) and text[e + 1].isalpha()):
            return False
        return any(f in self.lex.complementizers and all(ch in "وفب" for ch in k[:n]) for n, f in ctx.readings(t))

    def _verb_with_object(self, ctx: DocContext, t: int) -> str | None:
        """A reporting verb, also with an object pronoun («ذكره», «أكدته», «أوردتها»)."""
        form = self._verb_form(ctx, t)
        if form is not None:
            return form
        k = ctx.base(t)
        for suf in ("ها", "ه", "هم"):
            if k.endswith(suf) and k[: -len(suf)] in self.lex.verbs:
                return k[: -len(suf)]
        return None

    def _conjoined(self, ctx: DocContext, t: int) -> bool:
        """The reporting verb at t carries «و» or «ف» («وأضاف», «فقال»; not «فسر» itself)."""
        for strip, f in ctx.readings(t):
            if f in self.lex.verbs and all(ch in "وفس" for ch in ctx.keys[t][:strip]):
                return any(ch in "وف" for ch in ctx.keys[t][:strip])
        return ctx.keys[t][:1] in ("و", "ف") and ctx.keys[t] != ctx.base(t)

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
    ) -> tuple[list[Quote], Citation | None] | None:
        if cue.kind == "intro":
            return self._intro_quote(ctx, st, cue, a, b, end, phrases)
        comp = self._complement(ctx, st, cue, end)
        if comp is None and cue.kind == "verb":
            back = self._quote_before(ctx, st, cue, a, end, phrases)
            if back is not None:
                return back
        if comp is None:
            if cue.kind == "verb" and self._breaks(ctx, cue, a):
                # «كشفت صحيفة X عن …», «وأدان الحزب …»: no words to quote, but who spoke is the
                # one a later «وأضافت» continues
                w = self._speaker(ctx, st, cue, a, phrases, (cue.i, min(end, cue.j + 12)))
                near = any(
                    m.entity == w.speaker and (cue.j <= m.t0 < cue.j + 4 or cue.i - 3 <= m.t1 <= cue.i)
                    for m in ctx.mentions_in(max(a, cue.i - 6), cue.j + 4)
                )
                if (w.speaker and w.how in ("subject", "proxy", "group", "relative") and near) or w.how in (
                    "nominal", "anonymous"
                ):
                    self._note_speaker(ctx, st, cue, w)
                    st.last_date = None
            return None
        c0, c1, _direct = comp
        if _direct:
            # «بأنها "انقلاب على الثورة"، فيما اعتصم …»: a quotation followed by a contrasting clause
            # of the narrator's ends the words
            close = next((e for o, e in st.closed if o == c0), None)
            if close is not None and close + 2 < c1 and ctx.keys[close + 1] in ("،", ",") and ctx.is_arabic(close + 2) and (
                (ctx.isin(close + 2, self.lex.clause_links) and ctx.base(close + 2) not in ("كما", "ثم"))
                or (ctx.base(close + 2) == "في" and close + 3 < c1 and ctx.isin(close + 3, self.lex.clause_links))
            ):
                c1 = close + 1
        if c1 - c0 < 1:
            return None
        region = (cue.i, c0)
        w = self._speaker(ctx, st, cue, a, phrases, region)
        speaker, channel, kind, anonymous = w.speaker, w.channel, w.kind, w.anonymous
        date = self._date(ctx, cue, a, c0, st, speaker, w.channel)
        if channel is None and speaker and not anonymous and speaker in st.channel_of:
            channel = st.channel_of.get(speaker)
        spans = [sp for s0, s1 in self._conjuncts(ctx, st, c0, c1) for sp in _content_spans(ctx, s0, s1, st.speech)]
        if not spans:
            return None
        if speaker is None and ctx.keys[c0 - 1] == ":" and _asks(ctx, c0, c1):
            # «يبرز سؤال مركزي: كيف …؟»: the article's own question, nobody's words
            return None
        qs = [
            Quote(s0, s1, ctx.doc.text[s0:s1], "direct" if d else "indirect", speaker, channel, date,
                  ctx.span(cue.i, cue.j))
            for s0, s1, d in spans
        ]
        self._note_speaker(ctx, st, cue, w)
        st.last_date = date
        if speaker is not None and date is not None:
            st.date_of[speaker] = date
        st.said.append((c0, c1))
        cite = None
        if kind is not None:
            src = channel or speaker
            if src is not None or kind in ("statement", "report"):
                cite = Citation(src, kind, Span(ctx.starts[cue.i], ctx.ends[max(cue.i, c0 - 1)]), date)
        return qs, cite

    def _quote_before(
        self, ctx: DocContext, st: _State, cue: _Cue, a: int, end: int, phrases: list[ActorPhrase]
    ) -> tuple[list[Quote], Citation | None] | None:
        """«"نحن مستعدون للحوار"، قال فلان للصحفيين»: a quotation that opens the sentence (or a
        clause) and ends right before a bare reporting verb with a subject is that verb's content."""
        if self._conjoined(ctx, cue.i) or cue.i < a + 2:
            return None
        e = cue.i - 1
        comma = ctx.keys[e] in ("،", ",")
        if comma:
            e -= 1
        r1 = cue.j
        while r1 < end and ctx.keys[r1] not in ("،", ",", "؛", ";") and not _sentence_end(ctx, r1):
            r1 += 1
        passage = next(((o, c) for o, c in st.closed if c == e and a <= o), None)
        if passage is not None:
            o, direct = passage[0], True
            if (o > a and ctx.keys[o - 1] not in ("،", ",", ":", "؛", ";", ".")) or _words(ctx, o + 1, e) < _MIN_WORDS:
                return None
            c0, c1 = o + 1, e
        elif comma and _sentence_end(ctx, r1) and r1 - cue.j <= 12 and cue.sense in _SAY_SENSES:
            # «الوضع تحت السيطرة، قال قائد الشرطة فلان.»: the clause before a closing «قال فلان»
            o, direct, c0, c1 = a, False, a, e + 1
            if _words(ctx, a, c1) < _MIN_WORDS or any(a <= s0 < cue.i for s0, _ in st.said) or any(
                ctx.is_arabic(u) and (self._verb_form(ctx, u) is not None or self.lex.introducers.match(ctx, u))
                and u != cue.i for u in range(a, c1)
            ):
                return None
        else:
            return None
        w = self._speaker(ctx, st, cue, a, phrases, (cue.i, r1))
        if w.speaker is None and not w.anonymous:
            return None
        span = _trim(ctx, c0, c1)
        if span is None:
            return None
        s0, s1 = ctx.starts[span[0]], ctx.ends[span[1] - 1]
        date = self._date(ctx, cue, a, r1, st, w.speaker, w.channel)
        q = Quote(s0, s1, ctx.doc.text[s0:s1], "direct" if direct else "indirect", w.speaker, w.channel, date,
                  ctx.span(cue.i, cue.j))
        self._note_speaker(ctx, st, cue, w)
        st.said.append((c0, c1))
        return [q], None

    def _conjuncts(self, ctx: DocContext, st: _State, c0: int, c1: int) -> list[tuple[int, int]]:
        """The content [c0, c1) split before each «، وأن …» / «، وإن …» that opens a second
        clause of the same verb outside quotation marks («رأى أن "…"، وأن الموقف "لن يتغير"»):
        one quote each."""
        out, s0 = [], c0
        for u in range(c0 + 2, c1 - 1):
            if ctx.keys[u - 1] not in ("،", ",") or not ctx.is_arabic(u) or ctx.keys[u][:1] != "و":
                continue
            if any(o < u < e for o, e in st.speech) or not self._is_complementizer(ctx, u):
                continue
            out.append((s0, u - 1))
            s0 = u + 1
        out.append((s0, c1))
        return out

    def _note_speaker(self, ctx: DocContext, st: _State, cue: _Cue, w: _Who) -> None:
        """Remember who spoke (the next «وأضاف» continues them), their gender when they were the
        verb's own subject, and the channel they spoke through."""
        speaker = w.speaker
        if speaker and not w.anonymous:
            e = ctx.entities.get(speaker)
            if cue.gender in ("m", "f") and w.how in ("subject", "relative", "nominal") and e is not None and (
                e.type == "PERSON"
            ):
                st.gender[speaker] = cue.gender
            st.last_speaker, st.last_speaker_tok = speaker, cue.i
            st.history.append(speaker)
            if w.channel is not None or speaker not in st.channel_of:
                st.channel_of[speaker] = w.channel
            if w.kind is not None:
                st.owner[w.kind] = speaker
        elif w.anonymous:
            st.last_speaker, st.last_speaker_tok = None, cue.i

    def _complement(self, ctx: DocContext, st: _State, cue: _Cue, end: int) -> tuple[int, int, bool] | None:
        """(content start, content end, starts with a quotation) after a verb or participle."""
        lex = self.lex
        t = cue.j
        limit = min(end, cue.j + _MAX_CUE_REGION)
        gap_open = True
        while t < limit:
            k = ctx.keys[t]
            if any(o < t < e for o, e in st.names):
                t += 1  # «"إن إس إيه"»: inside a quoted name
                continue
            if _sentence_end(ctx, t):
                return None
            if k == ":":
                s = t + 1
                return (s, end, s < end and ctx.keys[s] in QUOTE_MARKS) if s < end else None
            if cue.near and t - cue.j > cue.near:
                return None
            if ctx.is_arabic(t) and self._is_complementizer(ctx, t) and not (
                t - 1 >= cue.j and ctx.is_arabic(t - 1) and ctx.isin(t - 1, lex.false_complements)
            ):
                if cue.kind == "verb" and cue.sense in ("call", "demand") and t - cue.j > 8:
                    return None
                s = t + 1
                if s < end and ctx.keys[s] in (":", "،"):
                    s += 1
                return (s, end, s < end and ctx.keys[s] in QUOTE_MARKS) if s < end else None
            if (
                cue.sense in ("call", "demand")
                and t > cue.j
                and ctx.is_arabic(t)
                and (ctx.isin(t, _DEMAND_PREPS) or (ctx.keys[t][:1] == "ب" and ctx.keys[t] != ctx.base(t) and
                     any(s == 1 for s, _ in ctx.readings(t)) and t - 1 in ctx.mention_at))
                and t - cue.j <= _MAX_DEMAND_GAP
            ):
                # «طالب X بـ"…"», «دعا الحزب كل الأطراف، إلى "…"»: what is asked for, when the
                # text quotes it (an appeal in the journalist's words is no quotation)
                if any(t <= o < end and _words(ctx, o + 1, e) >= 2 for o, e in st.speech):
                    whole = next((e for o, e in st.speech if o == t + 1), None)
                    if ctx.isin(t, _DEMAND_PREPS) and whole is not None and all(
                        ctx.kinds[u] == "punct" for u in range(whole + 1, end)
                    ):
                        return (t + 1, end, False)  # «دعا إلى "…".»: the quotation alone, direct
                    return (t, end, False)
                return None
            if t > cue.j + 1 and ctx.keys[t - 1] in ("،", ",") and self._conjoined_word(ctx, t):
                gap_open = False  # «…، ووضعوا …»: a new clause; its quotations are not this verb's
            after_prep = t - 1 >= cue.j and ctx.is_arabic(t - 1) and ctx.isin(t - 1, _QUOTE_PREPS)
            need_words = 2 if after_prep else _MIN_WORDS  # «تحدث عن "هجمات متكررة" على …»
            if t + 1 < end and ctx.is_arabic(t + 1) and self._is_complementizer(ctx, t + 1):
                need_words = 1  # «قال "إن التجربة ناجحة"»: words opening with «إن» are speech
            if gap_open and k in QUOTE_MARKS and t - cue.j <= _MAX_QUOTE_GAP and _speech_words(ctx, st.speech, t) >= need_words:
                # «عبر عن استغرابه إزاء "…"», «أكد في بيانه "…"», «قال فلان: "…"»
                return (t, end, True)
            if ctx.is_arabic(t) and (self._verb_form(ctx, t) is not None or ctx.isin(t, lex.participles)):
                vf = self._verb_form(ctx, t)
                if vf is not None and vf in lex.verb_near and not self._verb_position(ctx, t, cue.j):
                    pass  # «جولته بين المعاهد»: not a verb
                elif not (ctx.keys[t] == ctx.base(t) and self._near_channel(ctx, t)):
                    return None
            t += 1
        return None

    def _near_channel(self, ctx: DocContext, t: int) -> bool:
        """«في حوار صحفي نشر …», «تصريحات كان أدلى بها»: a verb in a relative clause of a channel."""
        return any(ctx.is_arabic(u) and self._channel_at(ctx, u) is not None for u in range(max(0, t - 3), t))

    # ------------------------------------------------------------------------------------------
    def _speaker(
        self,
        ctx: DocContext,
        st: _State,
        cue: _Cue,
        a: int,
        phrases: list[ActorPhrase],
        region: tuple[int, int],
    ) -> _Who:
        """Who speaks through a verb or participle cue, through which channel, and how we know."""
        lex = self.lex
        i, j = cue.i, cue.j
        r1 = region[1]
        channel = self._channel(ctx, st, region, phrases)
        kind = self._channel_kind(ctx, region)

        def who(spk: str | None, how: str, ch: str | None = None, kd: str | None = None, anon: bool = False) -> _Who:
            ch = ch if ch is not None else channel
            kd = kd if kd is not None else kind
            if ch is None and spk and how != "relayed" and self._is_outlet(ctx, st, spk):
                ch, kd = spk, kd or self._outlet_kind(ctx, st, spk)
            return _Who(spk, ch, kd, anon, how)

        if cue.kind == "participle":
            spk, how = self._participle_subject(ctx, st, cue, a, phrases)
            return who(spk, how)
        t = j
        while t < r1 and (ctx.keys[t] in QUOTE_MARKS or ctx.keys[t] in ("،", ",")):
            t += 1
        if t + 1 < r1 and t == j and ctx.keys[t] in lex.resumptives:
            t += 1  # «حسب ما أفاد به بيان لـ X»: the subject follows the pronoun
        if t + 1 < r1 and ctx.keys[t] == "ل":
            # «وصرحت لـ"هسبريس" بأن»: the outlet after a detached «لـ» is whom the words were told
            # to, not the subject
            u = t + 1
            while u < r1 and ctx.keys[u] in QUOTE_MARKS:
                u += 1
            told = next((p for p in phrases if p.t0 <= u < p.t1), None)
            if told is not None:
                t = told.t1
                while t < r1 and (ctx.keys[t] in QUOTE_MARKS or ctx.keys[t] in ("،", ",")):
                    t += 1
        own = t < r1 and self._starts_subject(ctx, t, phrases)
        # «فلان الذي رأى أن»: the antecedent speaks when the relative agrees with the verb and the
        # verb has no subject of its own («تونس التي قال إنها»: the relative is the object)
        if i - 1 >= a and ctx.isin(i - 1, lex.relatives) and not own:
            if _agrees(_relative_gender(ctx.base(i - 1)), cue.gender):
                ante = [p for p in phrases if p.t1 == i - 1 or (p.t1 == i - 2 and ctx.keys[i - 2] in ("،", ","))]
                if ante and ante[-1].actor:
                    return who(ante[-1].actor, "relative")
        # the subject after the verb
        if t < r1 and ctx.is_arabic(t) and ctx.isin(t, lex.relation_nouns):
            return who(None, "anonymous", anon=True)  # «وقال خصوم حفتر إن»: not Haftar
        owner = self._possessed_proxy(ctx, st, t, cue.i, a)
        if owner is not None:
            return who(owner, "proxy")  # «بحسب ما أعلنه مكتبه الإعلامي»: the person whose office
        chained = self._chain_person(ctx, st, cue, t, r1)
        if chained is not None:
            # «وقال المبعوث الأممي الخاص إلى اليمن، فلان، …»: the name a chain of titles leads to
            return who(chained, "subject")
        if t < r1:
            ph = next((p for p in phrases if p.t0 <= t < p.t1 or p.t0 == t), None)
            proxy = ctx.is_arabic(t) and ctx.isin(t, lex.proxy_nouns)
            if ph is None:
                # «قال رئيس الجمهورية، فلان، إن», «أعلنت حملة المرشح فلان أن», «ذكرت صحيفة (X)»:
                # the subject phrase starts with common nouns; its name comes a few words later
                u, nw = t, 0
                while u < r1 and nw < 7 and (
                    ctx.keys[u] in ("،", ",", "(", ")") or ctx.keys[u] in QUOTE_MARKS
                    or (self._np_word(ctx, u) and not ctx.isin(u, lex.chain_breaks)
                        and not (u > t and _pronoun_suffixed(ctx, u)))
                ):
                    if u in ctx.mention_at:
                        break
                    nw += ctx.kinds[u] != "punct"
                    u += 1
                if u > t:
                    # «أكد عمدة الحي المالي لمدينة لندن، فلان»: the person in apposition at the
                    # end of a genitive chain of titles is the subject
                    ph = next(
                        (p for p in phrases if p.head.t0 == u and p.actor and (
                            p.marker in (BARE, HEAD, GROUP) or p.actor_type == "PERSON"
                        )), None
                    )
                    if ph is not None and ph.marker not in (BARE, HEAD, GROUP):
                        return who(ph.actor, "subject")
            if ph is not None and proxy and ph.actor_type != "PERSON":
                # «حملة مرشح الرئاسة … فلان»: a campaign or office stands for the person it serves
                person = next((p for p in phrases if ph.t0 < p.t0 <= ph.t1 + 1 and p.actor_type == "PERSON"), None)
                if person is not None and person.actor:
                    return who(person.actor, "proxy")
            if ph is not None and ph.marker in (BARE, HEAD, GROUP) and ph.actor and self._addressee(
                ctx, st, cue, ph, phrases, a
            ):
                return who(st.last_speaker, "continued")
            if ph is not None and ph.titled and ph.actor_type != "PERSON":
                # «مدير المستشفى الجهوي بالشابة وملولش أحمد بنور»: the person the title chain
                # ends with, a few words on
                person = next((p for p in phrases if ph.t1 <= p.t0 <= ph.t1 + 4 and p.actor_type == "PERSON" and p.actor
                               and all(self._np_word(ctx, u) or ctx.keys[u] in ("،", ",", "و")
                                       for u in range(ph.t1, p.head.t0))), None)
                if person is not None:
                    return who(person.actor, "subject")
            if ph is not None and ph.marker in (BARE, HEAD, GROUP) and ph.actor:
                spk = ph.actor
                holder = self._title_holder(ctx, st, ph, i)
                if holder is not None:  # «وأكد رئيس الجامعة» after «رئيس الجامعة …، فلان»
                    return who(holder, "nominal")
                via = self._quoting_via(ctx, phrases, ph, r1)
                if via is not None:
                    return who(via, "relayed", spk, kind or self._outlet_kind(ctx, st, spk))
                return who(spk, "subject" if not proxy else "proxy")
            if (
                cue.sense == "report"
                and ctx.base(t) in ("في", "فيه", "فيها")
                and t + 1 < r1
                and self._channel_at(ctx, t + 1) is not None
            ):
                t += 1  # «جاء في البيان أن», «ورد في التقرير»
            base = ctx.base(t)
            ck = self._channel_at(ctx, t)
            if ck is not None:  # «أفاد بيان صادر عن X», «ذكر تقرير لصحيفة X»
                issuer = self._issuer(ctx, phrases, t, r1)
                if issuer is None and any(ctx.isin(u, lex.same_source) for u in range(t + 1, min(r1, t + 3))):
                    issuer = st.owner.get(ck) or st.last_statement_issuer or st.last_speaker
                if issuer is not None:
                    if ck == "statement":
                        st.last_statement_issuer = issuer
                    st.owner[ck] = issuer
                    return who(issuer, "issuer", kd=ck)
                if base.startswith("ال"):  # «الرسالة», «البيان»: the one named before
                    spk = st.owner.get(ck) or (st.last_statement_issuer if ck == "statement" else None)
                    spk = spk or st.last_speaker
                    return who(spk, "issuer", kd=ck, anon=spk is None)
                return who(None, "anonymous", kd=ck, anon=True)
            if base in lex.anonymous or any(f in lex.anonymous for f in ctx.forms(t)):
                body = self._affiliation(ctx, t, r1, phrases)
                if body is not None:
                    return who(body, "group")  # «صرح مصدر مسؤول في وزارة الخارجية بأن»
                if t + 1 < r1 and ctx.isin(t + 1, lex.same_source) and ctx.base(t).startswith("ال"):
                    # «وأوضح المصدر ذاته»: the source quoted before
                    return who(st.last_speaker, "continued", anon=st.last_speaker is None)
                return who(None, "anonymous", anon=True)
            grp = self._group_of(ctx, t, r1, phrases)
            if grp is not None:  # «نواب في البرلمان», «أعضاء من الحزب»: the body they belong to
                return who(grp, "group")
            if ctx.is_arabic(t) and (
                base in lex.speaker_nouns or _core(base) in self._speaker_cores or base.startswith("ال")
            ):
                ent = self._role_entity(ctx, st, t, cue)
                if ent is not None:
                    return who(ent, "nominal")
                if (
                    base.startswith("ال") and not _core(base).endswith("ي") and cue.sense not in ("call", "demand")
                    and self._definite_subject(ctx, t)
                ):
                    # «ويطالب القراصنة …»: a definite subject that names no one we know; a nisba
                    # («وأضاف السويسري») still describes the last speaker
                    return who(None, "anonymous", anon=True)
        via = self._quoted_person(ctx, phrases, j, r1)
        if via is not None:  # «نقلت وكالات الأنباء عن فلان قوله إن»
            return who(via, "relayed")
        # the subject before the verb (SVO)
        before = [p for p in phrases if p.t1 <= i and i - p.t1 <= 2 and p.marker in (BARE, HEAD, GROUP)]
        if before and before[-1].actor and all(
            ctx.isin(u, self.words.auxiliaries) or ctx.keys[u] in ("،",) for u in range(before[-1].t1, i)
        ):
            return who(before[-1].actor, "subject")
        # «رئيس الجمهورية قال …», «الوزارة أكدت …»: a common noun phrase before the verb
        u = i - 1
        while u >= a and i - u <= 4 and ctx.is_arabic(u) and self._title_word(ctx, u):
            u -= 1
        if u < i - 1 and (u < a or not ctx.is_arabic(u) or ctx.isin(u, self.words.stops) or u + 1 == a):
            ent = self._role_entity(ctx, st, u + 1, cue)
            if ent is not None:
                return who(ent, "nominal")
        if i - 1 >= a and ctx.is_arabic(i - 1) and ctx.isin(i - 1, lex.speaker_nouns):
            ent = self._role_entity(ctx, st, i - 1, cue)
            if ent is not None:
                return who(ent, "nominal")
        # no subject of its own: the subject of the sentence's first verb («وكانت السفارة قد نشرت
        # بلاغا ذكرت فيه أن»), else the previous speaker who agrees with the verb («وأضاف أن»)
        if t < r1 and self._role_word(ctx, t) in self._person_titles:
            ent = self._role_entity(ctx, st, t, cue)  # «وذكر وزير الخارجية أن»
            if ent is not None:
                return who(ent, "nominal")
        if t < r1 and self._unnamed_subject(ctx, t):
            # «وقالت رئاسة إدارة الطوارئ إن»: a subject we cannot name, not the previous speaker
            return who(None, "anonymous", anon=True)
        if _subjectless(ctx, j, r1, phrases):
            if a < i - 1 and ctx.is_arabic(a) and (self._conjoined_word(ctx, a) or self._verb_form(ctx, a) is not None):
                # «ورفض المتحدث باسم الخارجية فلان التعليق، واكتفى بالقول إن»: the person at the end
                # of the titles after the sentence's first verb
                chained = self._chain_person(ctx, st, cue, a + 1, i)
                if chained is not None:
                    return who(chained, "sentence")
            first = self._sentence_subject(ctx, a, i, phrases)
            if first is not None and _agrees(self._gender_of(ctx, st, first), cue.gender):
                return who(first, "sentence")
            spk = self._agreeing_speaker(ctx, st, cue.gender, cue.i)
            ch = channel
            if spk is not None and channel is None and self._possessive_channel(ctx, region):
                ch = st.channel_of.get(spk)
            return who(spk, "continued", ch)
        return who(None, "", anon=True)

    def _chain_person(self, ctx: DocContext, st: _State, cue: _Cue, t: int, r1: int) -> str | None:
        """The person named at the end of a chain of titles that starts at token t, right after
        the verb: «نائب رئيس الوزراء وزير الخارجية، فلان», «سفير السعودية لدى واشنطن فلان»,
        «المديرة الإقليمية للبرنامج فلانة». The chain holds title and noun words, names of bodies
        and places, commas and the prepositions of titles; a verb, a complementizer, a channel
        noun, a time or another preposition ends it. A person whose gender the verb contradicts
        is not its subject."""
        if t >= r1 or not ctx.is_arabic(t) or t in ctx.mention_at:
            return None
        if self._role_word(ctx, t) not in self._person_titles:
            return None
        u, words = t, 0
        while u < r1 and words < 14:
            m = ctx.mention_at.get(u)
            if m is not None:
                if m.type == "PERSON" and not m.nested:
                    g = self._gender_of(ctx, st, m.entity)
                    return m.entity if _agrees(g, cue.gender) else None
                words += 1
                u = max(m.t1, u + 1)
                continue
            k = ctx.keys[u]
            if k in ("،", ",", "(", ")"):
                u += 1
                continue
            if not ctx.is_arabic(u) or _sentence_end(ctx, u) or any(tr.t0 <= u < tr.t1 for tr in ctx.times):
                return None
            if self._is_complementizer(ctx, u) or self._channel_at(ctx, u) is not None or ctx.isin(u, self.lex.relatives):
                return None
            if ctx.isin(u, self.lex.chain_breaks) or not (ctx.isin(u, self.lex.title_links) or self._np_word(ctx, u)):
                return None
            if u > t and _pronoun_suffixed(ctx, u):
                return None  # «لدى استقباله فلانا», «لنظيره فلان»: whom the speaker met or addressed
            words += 1
            u += 1
        return None

    def _possessed_proxy(self, ctx: DocContext, st: _State, t: int, before: int, a: int) -> str | None:
        """«مكتبه», «ديوانها», «حملته» (a proxy noun with a pronoun) at token t: the person the
        pronoun refers to, the last person named before the cue (in its sentence first) whose
        gender agrees with the pronoun; not «مكتبة X» (a library named after it)."""
        if t >= len(ctx.keys) or not ctx.is_arabic(t) or t in ctx.mention_at:
            return None
        k = ctx.base(t)
        for suf, g in (("ها", "f"), ("ه", "m")):
            if not k.endswith(suf):
                continue
            stem = k[: -len(suf)]
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"
            if stem not in self.lex.proxy_nouns:
                continue
            if t + 1 < len(ctx.keys) and (t + 1 in ctx.mention_at or (
                ctx.is_arabic(t + 1) and not ctx.base(t + 1).startswith("ال") and self._np_word(ctx, t + 1)
                and self._verb_form(ctx, t + 1) is None and ctx.base(t + 1) not in self.words.preps
            )):
                return None  # «مكتبة الإسكندرية», «مكتبه شؤون …»: a name or a genitive
            persons = [m for m in ctx.mentions if m.t0 < before and m.type == "PERSON" and not m.nested]
            inside = [m for m in persons if m.t0 >= a] or persons
            for m in reversed(inside):
                if _agrees(self._gender_of(ctx, st, m.entity), g):
                    return m.entity
            return None
        return None

    def _affiliation(self, ctx: DocContext, t: int, r1: int, phrases: list[ActorPhrase]) -> str | None:
        """«مصدر مسؤول في وزارة الخارجية», «مصادر من الحزب»: the body named right after an
        anonymous source and a preposition of belonging (an adjective may come between)."""
        u = t + 1
        while u < r1 and u - t <= 3 and ctx.is_arabic(u) and u not in ctx.mention_at and not ctx.isin(
            u, self.lex.affiliation_links
        ) and self._np_word(ctx, u):
            u += 1
        if u >= r1 or not ctx.is_arabic(u) or not ctx.isin(u, self.lex.affiliation_links):
            return None
        for p in phrases:
            if u < p.head.t0 <= u + 2 and p.actor and p.actor_type == "ORG":
                return p.actor
        return None

    def _definite_subject(self, ctx: DocContext, t: int) -> bool:
        """The definite word at t (right after a verb) is its subject: a noun, not a masdar
        object of the verb («وجدد التأكيد على», «وأبدى الاستعداد»): a masdar is followed by a
        preposition or «أن»."""
        u = t + 1
        while (
            u < len(ctx.keys) and ctx.is_arabic(u) and ctx.base(u).startswith("ال") and u not in ctx.mention_at
            and ctx.base(u) not in self.words.preps
        ):
            u += 1  # adjectives
        if u >= len(ctx.keys) or not ctx.is_arabic(u):
            return True
        b = ctx.base(u)
        return not (b in self.words.preps or self._is_complementizer(ctx, u) or b[:1] in ("ب", "ل"))

    def _role_word(self, ctx: DocContext, t: int) -> str:
        """The core of token t as a role word: «وزير» itself (not و + «زير»), «الوزير» → «وزير»."""
        k = _core(ctx.keys[t])
        if k in self._person_titles or k in self._person_nouns:
            return k
        return _core(ctx.base(t))

    def _unnamed_subject(self, ctx: DocContext, t: int) -> bool:
        """The word right after a verb (token t) is a noun that is the verb's subject though it
        names no entity («وقالت رئاسة الطوارئ»): not a preposition, a particle, a complementizer,
        an adverb, a time, a channel phrase or a participle."""
        if not ctx.is_arabic(t) or t in ctx.mention_at:
            return False
        k, b = ctx.keys[t], ctx.base(t)
        w, lex = self.words, self.lex
        if self._role_word(ctx, t) in self._person_titles:
            return False
        if (
            b in w.preps or k in w.preps or b in w.stops or ctx.isin(t, w.auxiliaries) or ctx.isin(t, lex.adverbs)
            or self._is_complementizer(ctx, t) or ctx.isin(t, lex.participles) or ctx.isin(t, lex.relatives)
            or self._verb_form(ctx, t) is not None or self._channel_at(ctx, t) is not None
            or any(f in lex.possessive_sources for f in ctx.forms(t))
            or any(tr.t0 <= t < tr.t1 for tr in ctx.times)
        ):
            return False
        # a preposition written on the word: «لراديو», «بالقول», «للصحفيين»
        if any(n and k[:n][-1:] in ("ب", "ل", "ك") and not k[:n].endswith("ال") for n, _ in ctx.readings(t)):
            return False
        # an indefinite noun heading a genitive chain («رئاسة إدارة الطوارئ»); a definite word
        # may be the previous speaker named by a description («وأضاف السويسري»), a pronoun suffix
        # marks an object («وجدد دعوته»)
        if b.startswith("ال") or b.endswith(("ه", "ها", "هم")) or len(b) < 3:
            return False
        u = t + 1
        return u < len(ctx.keys) and ctx.is_arabic(u) and (u in ctx.mention_at or (
            ctx.base(u) not in w.preps and ctx.base(u) not in w.stops and not self._is_complementizer(ctx, u)
            and not ctx.isin(u, lex.adverbs) and not any(tr.t0 <= u < tr.t1 for tr in ctx.times)
        ))

    def _title_holder(self, ctx: DocContext, st: _State, ph: ActorPhrase, before: int) -> str | None:
        """The person named earlier with the title and organization of a titled phrase that
        stands for the organization («رئيس الجامعة التونسية للنزل» → the president named so)."""
        if not ph.titled or ph.actor_type == "PERSON" or ph.actor is None or not ctx.is_arabic(ph.t0):
            return None
        title = _core(ctx.base(ph.t0))
        if title not in self._person_titles:
            return None
        for tok, ent in reversed(st.nominal.seen if st.nominal else []):
            if tok >= before:
                continue
            if ph.actor in st.person_orgs.get(ent, ()) and title in st.heads.get(ent, ()):
                return ent
        return None

    def _starts_subject(self, ctx: DocContext, t: int, phrases: list[ActorPhrase]) -> bool:
        """A subject phrase starts at token t (right after a verb): a bare actor phrase, or a
        definite common noun for a speaker («قال الوزير»)."""
        if any(p.t0 == t and p.marker in (BARE, HEAD, GROUP) and p.actor for p in phrases):
            return True
        if not ctx.is_arabic(t):
            return False
        b = ctx.base(t)
        return b in self.lex.speaker_nouns or _core(b) in self._speaker_cores

    def _participle_subject(
        self, ctx: DocContext, st: _State, cue: _Cue, a: int, phrases: list[ActorPhrase]
    ) -> tuple[str | None, str]:
        """«…، مضيفا أن»: the subject of the main verb: the speaker of a cue earlier in the same
        sentence, else the sentence's subject phrase, else the previous speaker who agrees with the
        participle's gender."""
        if st.last_speaker_tok >= a:
            return st.last_speaker, "continued"  # the main verb's speaker, named or not
        first = next((p for p in phrases if p.t0 < cue.i and p.marker in (BARE, HEAD, GROUP) and p.actor), None)
        if first is not None and first.actor is not None and _agrees(self._gender_of(ctx, st, first.actor), cue.gender):
            return first.actor, "sentence"
        # «وأدان الحزب …، معبرا عن»: a common noun after the sentence's first word
        for t in range(a, min(cue.i, a + 3)):
            if ctx.is_arabic(t) and ctx.base(t).startswith("ال") and (
                ctx.base(t) in self.lex.speaker_nouns or _core(ctx.base(t)) in self._speaker_cores
            ):
                ent = self._role_entity(ctx, st, t, cue)
                if ent is not None:
                    return ent, "nominal"
        return self._agreeing_speaker(ctx, st, cue.gender, cue.i), "continued"

    def _sentence_subject(self, ctx: DocContext, a: int, i: int, phrases: list[ActorPhrase]) -> str | None:
        """The subject of a verb at the head of the sentence: «وكانت السفارة قد نشرت …», «ونشرت
        الوزارة بيانا …» (not a name inside a prepositional phrase: «وبخصوص ملف فلان …»)."""
        first = next((p for p in phrases if p.t1 <= i and p.marker in (BARE, HEAD, GROUP) and p.actor), None)
        if first is None or first.t0 - a > 4 or first.t0 == a:
            return None
        for u in range(a, first.t0):
            if ctx.keys[u] in ("،", ",") or ctx.keys[u] in QUOTE_MARKS:
                continue
            if not ctx.is_arabic(u):
                return None
            if ctx.isin(u, self.words.auxiliaries) or self._verb_form(ctx, u) is not None:
                continue
            b = ctx.base(u)
            if u == a and (b == ctx.keys[u] or b.startswith("ال")):
                return None  # a verb at the head of a sentence carries «و» or «ف» in news prose
            if b in self.words.preps or b in self.words.stops:
                return None
            if b[:1] in ("ب", "ل") and self._role_word(ctx, u) not in self._person_titles:
                return None  # «وبخصوص ملف فلان»
        return first.actor

    def _group_of(self, ctx: DocContext, t: int, r1: int, phrases: list[ActorPhrase]) -> str | None:
        """«نواب في البرلمان», «أعضاء من الحزب»: members speaking stand for their body."""
        if not (ctx.is_arabic(t) and ctx.isin(t, self.words.group_nouns)):
            return None
        for p in phrases:
            if t < p.t0 < min(r1, t + 3) and p.marker in ("في", "من", "ب", GROUP) and p.head.type == "ORG":
                return p.head.entity
        return None

    def _role_entity(self, ctx: DocContext, st: _State, t: int, cue: _Cue | None = None) -> str | None:
        """The entity a common noun at token t names («الوزير», «المتحدث باسم الوزارة», «الوكالة»).

        A noun for a person («الوزير», «المتحدث», «المسؤول») resolves to a person: the last one
        named with that noun or a synonym of it («المتحدث» / «الناطق»), else the last person
        who spoke; a noun for a body («الوزارة») to the body the nominal index gives."""
        if not ctx.is_arabic(t):
            return None
        b = self._role_word(ctx, t)
        if b in self._person_nouns:
            wants = {b, *self.lex.role_synonyms.get(b, ())}
            want_g = cue.gender if cue is not None else ""
            best = None
            for tok, ent in reversed(st.nominal.seen if st.nominal else []):
                if tok >= t:
                    continue
                e = ctx.entities.get(ent)
                if e is None or e.type != "PERSON":
                    continue
                if wants & (st.heads.get(ent, set()) | st.post_titles.get(ent, set())) and _agrees(self._gender_of(ctx, st, ent), want_g):
                    best = ent
                    break
            if best is not None:
                return best
            # «المتحدث باسم الوزارة», «وزير الخارجية» with no name: the body the role serves
            for p in self._phrases_after(ctx, t):
                if p.actor_type in ("ORG", "GPE") and p.actor:
                    return p.actor
            # an unnamed official: the last speaker (a body that spoke, or a person of that gender)
            if st.last_speaker is not None and _agrees(self._gender_of(ctx, st, st.last_speaker), want_g):
                return st.last_speaker
            return self._nominal(ctx, st, t)
        found = self._nominal(ctx, st, t)
        if found is not None:
            return found
        same = self.lex.outlet_synonyms.get(b)
        if same and ctx.base(t).startswith("ال"):
            # «الشبكة» after «قناة X»: the last outlet introduced with a noun of the same kind
            for tok, ent in reversed(st.nominal.seen if st.nominal else []):
                if tok < t and same & st.heads.get(ent, set()):
                    return ent
        if b in self._speaker_cores or ctx.base(t) in self.lex.speaker_nouns:
            # «وأضافت الوزارة» with no ministry named that way: the body that spoke last
            last = ctx.entities.get(st.last_speaker or "")
            if last is not None and last.type != "PERSON":
                return last.id
        return None

    def _phrases_after(self, ctx: DocContext, t: int) -> list[ActorPhrase]:
        """The actor phrases of the role noun at t: «المتحدث باسم X», «وزير خارجية X» (no name)."""
        a, b = ctx.sentence_range(t)
        out = []
        for p in build_phrases(ctx, a, b):
            if p.t0 <= t < p.t1:
                out.append(p)
        return out

    def _gender_of(self, ctx: DocContext, st: _State, ent: str) -> str:
        """m or f for a person (a verb that agreed with it as its subject, a title before its name,
        its given name), "" when unknown or not a person."""
        g = st.gender.get(ent)
        if g:
            return g
        return st.person_gender.get(ent, "")

    def _agreeing_speaker(self, ctx: DocContext, st: _State, want: str, before: int) -> str | None:
        """The previous speaker, unless the verb's gender says it is someone else («وقالت إنها»
        after a man spoke: the last woman who spoke, else the last woman named)."""
        if want == "p":
            # «وأضافوا», «يرون»: a group; not the one person who spoke last
            last = ctx.entities.get(st.last_speaker or "")
            return st.last_speaker if last is not None and last.type != "PERSON" else None
        if want not in ("m", "f"):
            return st.last_speaker
        for spk in reversed(st.history[-8:]):
            e = ctx.entities.get(spk)
            if e is not None and e.type != "PERSON":
                if spk == st.last_speaker:
                    return spk
                continue
            if _agrees(self._gender_of(ctx, st, spk), want):
                return spk
        # no earlier speaker of this gender: the last person of this gender named before
        spoke = set(st.history)
        for m in reversed(ctx.mentions):
            if m.t0 < before and m.type == "PERSON" and not m.nested:
                g = self._gender_of(ctx, st, m.entity)
                if g == want or (not g and m.entity not in spoke):
                    return m.entity
        last = ctx.entities.get(st.last_speaker or "")
        if last is not None and last.type == "PERSON" and self._gender_of(ctx, st, last.id) not in ("", want):
            return None  # «وقالت رئاسة …» after a man spoke: someone we cannot name
        return st.last_speaker

    def _np_word(self, ctx: DocContext, u: int) -> bool:
        """A word that can be part of a subject phrase before its name: not a verb, particle,
        preposition or complementizer."""
        if not ctx.is_arabic(u):
            return False
        b = ctx.base(u)
        w = self.words
        if b in w.stops or b in w.preps or b in self.lex.complementizers or b in w.auxiliaries:
            return False
        if self._verb_form(ctx, u) is not None or b in self.lex.participles:
            return False
        return not self._is_complementizer(ctx, u)

    def _title_word(self, ctx: DocContext, u: int) -> bool:
        w = self.words
        if not ctx.is_arabic(u) or u in ctx.mention_at:
            return False
        b = ctx.base(u)
        return b in w.titles or _core(b) in w.titles or b in self.lex.speaker_nouns or (
            b.startswith("ال") and len(b) > 3 and b not in w.stops and self._verb_form(ctx, u) is None
        )

    def _addressee(
        self, ctx: DocContext, st: _State, cue: _Cue, ph: ActorPhrase, phrases: list[ActorPhrase], a: int
    ) -> bool:
        """«ودعا الحكومةَ إلى …» after a sentence by the same speaker: the phrase after a verb of
        calling is whom the call is addressed to, when no second phrase (the addressee) follows
        it and the verb continues the previous speaker's words."""
        if cue.sense not in ("call", "demand") or st.last_speaker is None:
            return False
        if not self._conjoined(ctx, cue.i):
            return False
        if cue.i - st.last_speaker_tok > 120:
            return False
        nxt = [p for p in phrases if p.t0 >= ph.t1 and p.t0 - ph.t1 <= 2 and p.marker in (BARE, HEAD, GROUP)]
        return not nxt and ph.actor != st.last_speaker

    def _quoting_via(self, ctx: DocContext, phrases: list[ActorPhrase], ph: ActorPhrase, r1: int) -> str | None:
        """«نقلت وكالة X عن الوزير قوله»: the phrase after «عن» speaks through ph."""
        for p in phrases:
            if p.t0 >= ph.t1 and p.t0 < r1 and p.marker == "عن" and p.actor:
                if p.t0 - ph.t1 <= 4:
                    return p.actor
        return self._quoted_person(ctx, phrases, ph.t1, r1)

    def _quoted_person(self, ctx: DocContext, phrases: list[ActorPhrase], lo: int, r1: int) -> str | None:
        """«… عن فلان قوله إن», «نسبت … إلى فلان قوله»: the person whose words are relayed."""
        for p in phrases:
            if p.t0 < lo or p.t0 >= r1 or not p.actor or p.marker not in ("عن", "الي"):
                continue
            for u in range(p.t1, min(r1, p.t1 + 3)):
                if any(f in self.lex.possessive_sources for f in ctx.forms(u)):
                    return p.actor
        return None

    def _issuer(self, ctx: DocContext, phrases: list[ActorPhrase], t: int, r1: int) -> str | None:
        """The body a statement or report comes from: «بيان صادر عن X», «بيان لـ X», «تقرير نشره موقع X»."""
        for p in phrases:
            if p.t0 <= t < p.head.t0 and p.actor:
                return p.actor  # «بيان موقع X»: the channel noun heads the name's phrase
            if p.t0 <= t or p.t0 >= max(r1, t + 1) + 8 or not p.actor:
                continue
            if p.t0 - t > 8:
                break
            if p.marker in ("عن", "ل", BARE, HEAD):
                return p.actor
        return None

    def _channel_at(self, ctx: DocContext, t: int) -> str | None:
        memo = self._channel_memo
        if t in memo:
            return memo[t]
        found = self._channel_at_of(ctx, t)
        memo[t] = found
        return found

    def _channel_at_of(self, ctx: DocContext, t: int) -> str | None:
        for _, f in ctx.readings(t):
            k = self.lex.channels.get(f)
            if k is not None:
                return k
            if f.startswith("ال") and self.lex.channels.get(f[2:]) is not None:
                return self.lex.channels[f[2:]]
            if f.endswith("ا") and len(f) > 3 and self.lex.channels.get(f[:-1]) is not None:
                return self.lex.channels[f[:-1]]  # «أصدرت بيانا»: the accusative of an indefinite noun
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

    def _channel(self, ctx: DocContext, st: _State, region: tuple[int, int], phrases: list[ActorPhrase]) -> str | None:
        """«في تصريح لـ X», «في حوار مع X», «على قناة X», «لصحيفة X» in the cue's clause."""
        r0, r1 = region
        for p in phrases:
            # «أكدت مصادر لصحيفة الغارديان أن», «وقال لإذاعة X»: an outlet the words were told to
            if r0 < p.t0 < r1 and (p.marker == "ل" or _after_detached_lam(ctx, p)) and p.actor and self._is_outlet(
                ctx, st, p.actor
            ):
                return p.actor  # «لـ"اليوم السابع"» too
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
                    if p.marker == BARE and self._is_outlet(ctx, st, p.actor):
                        return p.actor  # «في تصريح لوكالة الأنباء الكويتية (كونا)»
        return None

    def _is_outlet(self, ctx: DocContext, st: _State, entity: str) -> bool:
        e = ctx.entities.get(entity)
        if e is not None and e.subtype in _OUTLET_SUBTYPES:
            return True
        heads = st.heads.get(entity, set())
        return any(_core(h) in self.lex.outlets for h in heads)

    def _outlet_kind(self, ctx: DocContext, st: _State, entity: str) -> str:
        for h in sorted(st.heads.get(entity, set())):
            k = self.lex.outlets.get(_core(h))
            if k is not None:
                return k
        return "article"

    def _date(
        self, ctx: DocContext, cue: _Cue, a: int, c0: int, st: _State | None = None, speaker: str | None = None,
        channel: str | None = None,
    ) -> str | None:
        """The date of the statement: a date between the cue and its words («وقال الوزير اليوم
        إن»), else one earlier in its sentence outside other quoted words («وفي كلمة له الأربعاء
        أمام المجلس، قال …»), else the date of the same speaker's statement going on («وأضاف»);
        a participle shares the date of the main verb of its sentence."""
        if cue.kind == "participle":
            return st.last_date if st is not None and st.last_speaker_tok >= a else None

        def usable(t: TimeRef) -> bool:
            if not (t.time.type in ("DATE", "TIME") and t.time.value[:1].isdigit()):
                return False
            if t.t0 > 0 and ctx.is_arabic(t.t0 - 1) and ctx.base(t.t0 - 1) in ("منذ", "قبل", "بعد"):
                return False  # «منذ 1998»: since when, not when it was said
            # a date inside parentheses or a relative clause dates something else («الزيارة التي
            # سيؤديها (10 و11 أفريل)», «المسلسل، الذي توقف بثه الجمعة الماضية»)
            u = t.t0 - 1
            while u >= 0 and ctx.keys[u] not in ("،", ",", ".", "؛", ":") and t.t0 - u <= 12:
                if ctx.keys[u] == "(" or (ctx.is_arabic(u) and ctx.isin(u, self.lex.relatives)):
                    return False
                u -= 1
            return True

        for t in ctx.times:
            if t.t0 >= c0:
                break
            if cue.i <= t.t0 and usable(t):
                return t.time.value[:10]
        if st is None:
            return None
        if not any(a <= s < cue.i for s, _ in st.said):  # the sentence's first statement
            for t in reversed([t for t in ctx.times if a <= t.t0 < cue.i]):
                if usable(t) and not any(o < t.t0 < e for o, e in st.speech):
                    return t.time.value[:10]
        if (
            speaker is not None and speaker == st.last_speaker and self._channel_kind(ctx, (cue.i, c0)) is None
            and (channel is None or channel == st.channel_of.get(speaker))
        ):
            return st.date_of.get(speaker)  # the same statement goes on («وأضاف»)
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
    ) -> tuple[list[Quote], Citation | None] | None:
        """«بحسب X …»: the claim is the sentence on either side of the cue phrase."""
        lex = self.lex
        if cue.j < end and ctx.is_arabic(cue.j) and self._verb_with_object(ctx, cue.j) is not None and not ctx.isin(
            cue.i, lex.impersonal
        ):
            return self._relative_source(ctx, st, cue, a, end, phrases)
        # the cue phrase: up to a clause mark (quotes and the «/» of a date do not end it); after
        # a definite channel noun («ووفق البلاغ تعهدت الحكومة …») the claim starts at the next
        # word that cannot extend it
        t = cue.j
        stop = end
        for u in range(cue.j, min(end, cue.j + 2)):
            if ctx.is_arabic(u) and ctx.keys[u].startswith("ال") and self._channel_at(ctx, u) is not None:
                v = u + 1
                if v < end and ctx.is_arabic(v) and not ctx.keys[v].startswith("ال") and v not in ctx.mention_at and not (
                    ctx.isin(v, lex.same_source) or lex.statement_issue.match(ctx, v) or lex.date_links.match(ctx, v)
                    or ctx.base(v) in self.words.preps or self._is_complementizer(ctx, v)
                ):
                    stop = v
                break
        while t < stop and t - cue.j < 20:
            k = ctx.keys[t]
            if k in ("،", ",", "؛", ";", ":") or k in _STOP_PUNCT or (k in QUOTE_MARKS and _speech_words(ctx, st.speech, t) >= 3):
                break
            if ctx.is_arabic(t) and ctx.base(t) in ("اذ", "فان", "حيث", "ان", "بان", "فقد"):
                break
            if t > cue.j and ctx.is_arabic(t) and ctx.isin(t, self.words.auxiliaries) and not self._indefinite_before(
                ctx, t + 1, cue.j
            ) and ctx.base(t) not in ("ما", "لا", "لم", "لن"):
                break  # «وبحسب متخصصين في الشؤون الحضارية كان لطريق …»: the claim starts
            if t > cue.j and ctx.is_arabic(t) and self._verb_form(ctx, t) is not None:
                if not self._indefinite_before(ctx, t, cue.j):
                    break
                # «بحسب تقارير كانت تحدثت عن …»: a verb after an indefinite noun describes it
                st.suppressed.add(t)
            t += 1
        np_end = t
        speaker = None
        channel = None
        kind = None
        possessive = any(
            f in lex.possessive_sources for u in range(cue.j, min(np_end, cue.j + 2)) for f in ctx.forms(u)
        )
        for u in range(cue.j, np_end):
            if ctx.is_arabic(u):
                ck = self._channel_at(ctx, u)
                if ck is not None:
                    kind = kind or ck
        src = next(
            (p for p in phrases if cue.j <= max(p.t0, p.head.t0) < np_end and p.actor and p.marker not in ("في",)), None
        )
        relation = any(ctx.is_arabic(u) and ctx.isin(u, lex.relation_nouns) for u in range(cue.j, min(np_end, cue.j + 3)))
        titled = self._chain_person(ctx, st, cue, cue.j, np_end)
        if relation:
            pass  # «وفق خصوم حفتر»: X's opponents are not X
        elif titled is not None:
            speaker = titled  # «كما يقول الباحث في معهد … بواشنطن فلان»
        elif src is not None and src.actor is not None:
            speaker = src.actor
            if self._is_outlet(ctx, st, speaker):
                channel = speaker
                kind = kind or self._outlet_kind(ctx, st, speaker)
        elif any(ctx.isin(u, lex.same_source) for u in range(cue.j, np_end)) or (
            kind is not None and _definite_channel(self, ctx, cue.j, np_end)
        ):
            # «حسب ذات البيان», «وفق نص البيان»: the statement named before
            speaker = (st.owner.get(kind) if kind else None) or (
                st.last_statement_issuer if kind == "statement" else None
            ) or st.last_speaker
        elif possessive:
            speaker = st.last_speaker  # «وفق تقديره», «على حد قوله»
        else:
            for u in range(cue.j, min(np_end, cue.j + 2)):
                if ctx.isin(u, lex.speaker_nouns):
                    speaker = self._role_entity(ctx, st, u)
                    break
        if kind == "statement" and speaker is not None:
            st.last_statement_issuer = speaker
        date = None
        for tr in ctx.times:
            if cue.i <= tr.t0 < np_end and tr.time.type in ("DATE", "TIME") and tr.time.value[:1].isdigit():
                date = tr.time.value[:10]
                break
        cite = None
        if speaker is not None and kind is None and self._is_outlet(ctx, st, speaker):
            channel, kind = speaker, self._outlet_kind(ctx, st, speaker)  # «ووفق الصحيفة»
        if (speaker is not None or kind is not None) and not possessive:
            # a person cited without a document is cited for what they stated
            cite = Citation(channel or speaker, kind or "statement", ctx.span(cue.i, max(cue.i + 1, np_end)), date)
        if kind is not None and speaker is not None:
            st.owner[kind] = speaker
        if cite is not None:
            # «وفقا لما نقلته وكالة "إرنا" ووكالة "تسنيم"»: every outlet of the phrase is cited
            for p in phrases:
                if cue.j <= p.t0 < np_end and p.actor and p.actor != cite.source and self._is_outlet(ctx, st, p.actor):
                    st.extra_cites.append(
                        Citation(p.actor, self._outlet_kind(ctx, st, p.actor), cite.evidence, date)
                    )
        # the claim: after the cue phrase when there is one, else before it («…، وفق تقديره»
        # always looks back)
        after0 = np_end
        while after0 < end and (ctx.keys[after0] in ("،", ",", "؛", ";", ":") or ctx.base(after0) in ("اذ", "فان") or self._is_complementizer(ctx, after0)):
            after0 += 1
        if after0 < end and ctx.is_arabic(after0) and self._verb_form(ctx, after0) is not None:
            # «ووفق البلاغ، عبر فلان عن …»: the verb after the source reports the words itself
            return [], cite
        spans: list[tuple[int, int, bool]] = []
        if not possessive and _words(ctx, after0, end) >= _MIN_WORDS:
            spans = _content_spans(ctx, after0, end, st.speech)
        if not spans and not self._attributed_before(ctx, st, a, cue.i, possessive):
            b0 = a
            b1 = cue.i
            while b1 > b0 and (ctx.keys[b1 - 1] in ("،", ",", "؛", ";") or ctx.base(b1 - 1) in ("وذلك", "ذلك")):
                b1 -= 1
            if _words(ctx, b0, b1) >= _MIN_WORDS:
                spans = _content_spans(ctx, b0, b1, st.speech)
        if not spans:
            return [], cite
        qs = [
            Quote(s0, s1, ctx.doc.text[s0:s1], "direct" if d else "indirect", speaker, channel, date,
                  ctx.span(cue.i, cue.j))
            for s0, s1, d in spans
        ]
        if speaker is not None:
            st.last_speaker, st.last_speaker_tok = speaker, cue.i
            st.channel_of.setdefault(speaker, channel)
        return qs, cite

    def _indefinite_before(self, ctx: DocContext, t: int, lo: int) -> bool:
        """The word before token t (auxiliaries skipped) is an indefinite noun, so a verb at t
        opens a relative clause describing it («تقارير كانت تحدثت»), not a new sentence."""
        u = t - 1
        while u >= lo and ctx.is_arabic(u) and ctx.isin(u, self.words.auxiliaries):
            u -= 1
        if u < lo or not ctx.is_arabic(u) or u in ctx.mention_at:
            return False
        b = ctx.base(u)
        return not b.startswith("ال") and b not in self.words.preps and b not in self.words.stops

    def _relative_source(
        self, ctx: DocContext, st: _State, cue: _Cue, a: int, end: int, phrases: list[ActorPhrase]
    ) -> tuple[list[Quote], Citation | None]:
        """«…، وفق ما أفاد به المكلف بالإعلام، فلان، في تصريح اليوم»: the subject of the verb
        after «ما» is the source; the claim is the sentence before the cue (or, when the cue opens
        the sentence, what follows «فإن» / «أن»)."""
        lex = self.lex
        v = cue.j
        form = self._verb_with_object(ctx, v)
        assert form is not None
        vcue = _Cue(v, v + 1, "verb", lex.verbs[form], lex.verb_gender.get(form, ""))
        r1 = v + 1
        while r1 < end and not _sentence_end(ctx, r1) and ctx.keys[r1] not in ("؛", ";", ":"):
            if ctx.is_arabic(r1) and self._is_complementizer(ctx, r1) and r1 > v + 1:
                break
            r1 += 1
        w = self._speaker(ctx, st, vcue, a, phrases, (v, r1))
        date = self._date(ctx, vcue, a, r1)
        cite = None
        if w.kind is not None or (w.speaker and self._is_outlet(ctx, st, w.speaker)):
            src = w.channel or w.speaker
            cite = Citation(src, w.kind or self._outlet_kind(ctx, st, src or ""), ctx.span(cue.i, r1), date)
        b1 = cue.i
        while b1 > a and (ctx.keys[b1 - 1] in ("،", ",", "؛", ";") or ctx.base(b1 - 1) in ("وذلك", "ذلك")):
            b1 -= 1
        spans: list[tuple[int, int, bool]] = []
        if _words(ctx, a, b1) >= _MIN_WORDS and not self._attributed_before(ctx, st, a, cue.i):
            spans = _content_spans(ctx, a, b1, st.speech)
        elif r1 < end and ctx.is_arabic(r1) and self._is_complementizer(ctx, r1):
            spans = _content_spans(ctx, r1 + 1, end, st.speech)
        qs = [
            Quote(s0, s1, ctx.doc.text[s0:s1], "direct" if d else "indirect", w.speaker, w.channel, date,
                  ctx.span(cue.i, cue.j + 1))
            for s0, s1, d in spans
        ]
        if qs:
            self._note_speaker(ctx, st, vcue, w)
        return qs, cite

    def _attributed_before(self, ctx: DocContext, st: _State, a: int, i: int, possessive: bool = False) -> bool:
        """The words before an introducer are already someone's words: a cue earlier in the
        sentence made a quote («قال فلان إن …، بحسب …»), or a verb of saying heads their clause
        («وتعتبر الطرق …، بحسب تعريف X»; not one inside a relative clause: «التي يرون أنها»).
        A verb of acting («وطالبوا ذويه بفدية، بحسب ما أفادت X») and a word that only looks like
        a participle («حراسة مشددة», «مذكرة قبض») leave the clause to the introducer; after a
        pronoun source («حسب تقديره») any participle or verb before it does not."""
        if any(a <= c0 < i for c0, _ in st.said):
            return True
        for t in range(a, i):
            if not ctx.is_arabic(t):
                continue
            if possessive and ctx.isin(t, self.lex.participles):
                return True
            form = self._verb_form(ctx, t)
            if form is None or (not possessive and self.lex.verbs.get(form) in _ACT_SENSES):
                continue
            if form in self.lex.verb_after or form in self.lex.verb_near:
                continue  # «بين البلدين», «جاء»: a verb only under a condition, which quoted nothing
            if t == a or self._conjoined(ctx, t) or not ctx.isin(t - 1, self.lex.relatives):
                return True
        return False

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


def _definite_channel(qx: QuoteExtractor, ctx: DocContext, i: int, j: int) -> bool:
    """A channel noun with the article among the first words: «البيان», «نص البلاغ»."""
    for t in range(i, min(j, i + 3)):
        k = ctx.base(t)
        if k.startswith("ال") and qx.lex.channels.get(k[2:]) is not None:
            return True
    return False


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
    a channel phrase, a date, punctuation («وأضاف، في تصريح لـ X، أن»). A name in apposition to
    a prepositional phrase («لوكالة الأنباء الفرنسية "فرانس برس"») and what follows a new
    coordinated clause («…، ونقله موقع X، أن») are not the verb's subject."""
    t = j
    prev_end = -1  # end of the last phrase passed (for appositions)
    while t < r1:
        if ctx.kinds[t] == "punct" or ctx.kinds[t] == "number":
            t += 1
            continue
        if t - 1 >= j and ctx.keys[t - 1] in ("،", ",") and ctx.keys[t][:1] == "و" and ctx.keys[t] != ctx.base(t):
            return True
        ph = next((p for p in phrases if p.t0 == t), None)
        if ph is not None and ph.marker in (BARE, HEAD, GROUP) and _after_detached_lam(ctx, ph):
            prev_end = t = ph.t1  # «لـ"هسبريس"»: whom the words were told to
            continue
        if ph is not None and ph.marker in (BARE, HEAD, GROUP):
            between = range(prev_end, ph.t0) if prev_end >= 0 else range(0)
            if prev_end >= 0 and all(ctx.kinds[u] == "punct" for u in between):
                t = ph.t1  # «… لوكالة X "Y"»: an apposition
                prev_end = ph.t1
                continue
            return False
        if ph is not None:
            prev_end = ph.t1
            t = ph.t1
            continue
        t += 1
    # the first word after the verb is a preposition, a channel phrase or the complementizer
    return True


def _opening_marks(ctx: DocContext, a: int, b: int) -> frozenset[int]:
    """Token indices of the quotation marks in [a, b) that open a quotation: «“ always, a
    straight quote every other time."""
    out = set()
    open_straight = False
    text = ctx.doc.text
    for t in range(a, b):
        k = ctx.keys[t]
        if k in OPENING_QUOTES:
            out.add(t)
        elif k in QUOTE_MARKS and k not in _CLOSING:
            s, e = ctx.starts[t], ctx.ends[t]
            before = text[s - 1] if s > 0 else " "
            after = text[e] if e < len(text) else " "
            b_word, a_word = before.isalnum(), after.isalnum()
            later = any(ctx.keys[u] in QUOTE_MARKS and ctx.keys[u] not in _CLOSING for u in range(t + 1, b))
            if a_word and not b_word:
                opening = True  # « "كلمة», «،"كلمة», «بـ"كلمة»
            elif b_word and not a_word and not open_straight and later and after.isspace():
                opening = True  # «وتابع فلان" الرسالة وصلت … "»: nothing is open, so it opens
            elif b_word and not a_word:
                opening = False  # «…معهم."», «كلمة" ،»: written against the word before it
            elif not a_word and not b_word and (after in "،,.:;؛!?؟)" or (before in ".!?؟" and after.isspace())):
                opening = False  # « "،», «معهم." »: a closing mark set apart
            else:
                opening = not open_straight
            if opening:
                out.add(t)
            open_straight = opening
    return frozenset(out)


def _quoted_words(ctx: DocContext, t: int, end: int) -> int:
    """Words between the quotation mark at t and the next mark (0 when it is a closing mark)."""
    a, b = ctx.full_sentence_range(t)
    opening = _opening_marks(ctx, a, b)
    if t not in opening:
        return 0
    u = t + 1
    while u < end and ctx.keys[u] not in QUOTE_MARKS:
        u += 1
    return _words(ctx, t + 1, u)


def _words(ctx: DocContext, i: int, j: int) -> int:
    return sum(1 for t in range(i, j) if ctx.kinds[t] in ("arabic", "latin", "number"))


def _passages(ctx: DocContext, a: int, b: int) -> list[tuple[int, int, bool]]:
    """(opening mark, end, closed) of each quotation in tokens [a, b): ``end`` is the closing
    mark when there is one (a quotation inside it, «"مصنع "X" شهد …"», is part of it); a
    quotation left open ends at the first full stop after it."""
    opening = _opening_marks(ctx, a, b)
    out = []
    t = a
    while t < b:
        if t not in opening:
            t += 1
            continue
        depth, close, nested = 0, -1, False
        for u in range(t + 1, b):
            if nested and depth == 0 and _sentence_end(ctx, u):
                break  # a quotation does not hold a closed one and then run on past a full stop
            if ctx.keys[u] not in QUOTE_MARKS:
                continue
            nested = nested or u in opening
            if u in opening:
                depth += 1
            elif depth == 0:
                close = u
                break
            else:
                depth -= 1
        if close >= 0:
            out.append((t, close, True))
            t = close + 1
            continue
        if _isolated(ctx, t):
            t += 1  # « " » that nothing closes: a stray mark
            continue
        v = t + 1
        while v < b and not _sentence_end(ctx, v):
            v += 1
        out.append((t, v, False))
        t = max(v, t + 1)
    return out


def _asks(ctx: DocContext, c0: int, c1: int) -> bool:
    """The words [c0, c1) are a question (they end with «؟» or «?»)."""
    e = c1 - 1
    while e > c0 and ctx.keys[e] in QUOTE_MARKS:
        e -= 1
    return ctx.keys[e] in ("؟", "?") or (e + 1 < len(ctx.keys) and ctx.keys[e + 1] in ("؟", "?"))


def _rejoined(ctx: DocContext) -> list[tuple[int, int]]:
    """The full sentences, joined again where the text layer split at a dot inside a word
    («بي.بي.سي»)."""
    out: list[tuple[int, int]] = []
    for a, b in ctx.full_sent:
        if out and out[-1][1] == a:
            last = a - 1
            while last > out[-1][0] and ctx.keys[last] in QUOTE_MARKS:
                last -= 1
            if ctx.keys[last] in FULL_STOPS and not _sentence_end(ctx, last):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


def _isolated(ctx: DocContext, t: int) -> bool:
    text = ctx.doc.text
    s, e = ctx.starts[t], ctx.ends[t]
    return (s == 0 or text[s - 1].isspace()) and (e >= len(text) or text[e].isspace())


def _sentence_end(ctx: DocContext, t: int) -> bool:
    """A full stop that ends a sentence: followed by a space, the end of the text or a mark (not
    the dot of «بي.بي.سي» or «5.3»)."""
    if ctx.keys[t] not in FULL_STOPS:
        return False
    e = ctx.ends[t]
    text = ctx.doc.text
    return e >= len(text) or not text[e].isalnum()


def _pieces(ctx: DocContext, a: int, b: int, passages: list[tuple[int, int, bool]]) -> list[tuple[int, int]]:
    """The sentences of [a, b) split at every full stop outside a closed quotation (a quotation
    left open does not run on into the next sentence)."""
    out = []
    s = a
    for t in range(a, b):
        if _sentence_end(ctx, t) and t + 1 < b and not any(o < t < e for o, e, closed in passages if closed):
            out.append((s, t + 1))
            s = t + 1
    out.append((s, b))
    return [(x, y) for x, y in out if y > x]


def _speech_words(ctx: DocContext, speech: list[tuple[int, int]], t: int) -> int:
    """Words of the speech quotation that opens at token t (0 when none does)."""
    for o, e in speech:
        if o == t:
            return _words(ctx, o + 1, e)
    return 0


def _content_spans(
    ctx: DocContext, c0: int, c1: int, speech: list[tuple[int, int]]
) -> list[tuple[int, int, bool]]:
    """Original spans (start, end, direct) of the quoted content in tokens [c0, c1).

    The content is *direct* when its quotations (of two words or more, or one opening the
    content) make up at least half of its words; each quotation is then a quote of its own
    («قال إنه "…"، وهو "…"»), and the words before the first one, when there are three or more
    («أن الأزمة … "…"»), an indirect quote. Otherwise the whole content is one indirect quote."""
    while c0 < c1 and ctx.kinds[c0] == "punct" and ctx.keys[c0] not in QUOTE_MARKS:
        c0 += 1
    while c1 > c0 and ctx.kinds[c1 - 1] == "punct" and ctx.keys[c1 - 1] not in QUOTE_MARKS:
        c1 -= 1
    if c1 <= c0 or _words(ctx, c0, c1) < 1:
        return []
    total = _words(ctx, c0, c1)
    parts = []
    inside = 0
    for o, e in speech:
        if c0 <= o < c1:
            e = min(e, c1)
            n = _words(ctx, o + 1, e)
            if n >= 2 or (n >= 1 and o == c0):
                parts.append((o, e))
                inside += n
    if parts and inside * 2 >= total:
        if any(_words(ctx, o + 1, e) >= _MIN_WORDS for o, e in parts):
            # «دعا إلى "حديث مباشر" … يتطرق إلى "…"»: beside a full quotation, two quoted words
            # are the journalist's phrasing
            parts = [(o, e) for o, e in parts if _words(ctx, o + 1, e) >= _MIN_WORDS or o == c0]
        out = []
        head = _trim(ctx, c0, parts[0][0])
        if head is not None and _words(ctx, head[0], head[1]) < _MIN_WORDS and len(parts) == 1:
            # «إن النص "لم يكن متوازنا"»: a clause of the speaker's that ends in quoted words is
            # one indirect quote
            span = _trim(ctx, c0, c1)
            return [(ctx.starts[span[0]], ctx.ends[span[1] - 1], False)] if span is not None else []
        if head is not None and _words(ctx, head[0], head[1]) >= _MIN_WORDS:
            out.append((ctx.starts[head[0]], ctx.ends[head[1] - 1], False))
        for o, e in parts:
            span = _trim(ctx, o + 1, e)
            if span is not None:
                out.append((ctx.starts[span[0]], ctx.ends[span[1] - 1], True))
        return out
    span = _trim(ctx, c0, c1)
    if span is None:
        return []
    return [(ctx.starts[span[0]], ctx.ends[span[1] - 1], False)]


def _trim(ctx: DocContext, s: int, e: int) -> tuple[int, int] | None:
    """Tokens [s, e) without punctuation and quotation marks at either end, except a mark that
    pairs one left inside («اللقاء تناول "…"»: the closing mark stays with its opening one)."""
    s0, e0 = s, e
    while s < e and ctx.kinds[s] == "punct":
        s += 1
    while e > s and ctx.kinds[e - 1] == "punct":
        e -= 1
    if e <= s:
        return None
    inside = sum(1 for t in range(s, e) if ctx.keys[t] in QUOTE_MARKS)
    if inside % 2:
        if e < e0 and ctx.keys[e] in QUOTE_MARKS:
            e += 1
        elif s > s0 and ctx.keys[s - 1] in QUOTE_MARKS:
            s -= 1
    return (s, e)


def _pronoun_suffixed(ctx: DocContext, u: int) -> bool:
    """Token u is a word with a pronoun suffix that is no part of a title: after a preposition
    or with «ل»/«ب» on it («لدى استقباله», «لنظيره», «خلال لقائها»; not «كبير مفاوضيها», «المتحدث
    باسمها»; a ta marbuta «ة» is no suffix)."""
    form = "".join(ch for ch in ctx.tokens[u].form if "\u0621" <= ch <= "\u064a")
    if len(form) <= 3 or ctx.base(u).startswith("ال") or not form.endswith(("ه", "ها", "هم", "هما")):
        return False
    k = ctx.base(u)
    if k.startswith("باسم"):
        return False
    prep_before = u > 0 and ctx.is_arabic(u - 1) and ctx.isin(u - 1, quote_lexicon().suffix_preps)
    return prep_before or k[:1] in ("ل", "ب")


def _core(k: str) -> str:
    if k.startswith("ال") and len(k) > 4:
        return k[2:]
    return k
