"""A read-only view of an analyzed document that the quote, event and indicator stages share.

It lines up the entity mentions and time expressions with the token columns, so the rules can
ask, for a token index: which mention covers it, which clitic letters stand in front of that
mention («بمدينة», «لقوات»), which sentence it belongs to, and what time expressions are near.

Everything here is computed once per document in O(tokens + mentions); the stages then work
over token indices and never re-scan the text character by character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marsad.doc import Document, Entity, TimeExpression
from marsad.lang import load_list
from marsad.text import match_key, normalize_text
from marsad.text.sentences import Span
from marsad.text.tokens import ARABIC, PUNCT, Tokens

#: the types of entities that can act (a source or target of an event, a speaker)
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

QUOTE_MARKS = frozenset("\"'«»“”„‟‘’‹›")
OPENING_QUOTES = frozenset("«“„‟‹")
CLOSING_QUOTES = frozenset("»”›")
#: marks that end a sentence for attribution purposes (a «؛» does not: «بحسب X؛ إذ …»)
FULL_STOPS = frozenset(".!?؟…")


def key(word: str) -> str:
    """The matching key of a lexicon word (normalized, ى/ي ة/ه ؤ/ئ folded)."""
    return match_key(normalize_text(word.strip()))


def phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(key(w) for w in phrase.split())


@dataclass(slots=True)
class MentionRef:
    """One entity mention placed on the token columns."""

    entity: str
    type: str
    start: int  # original offsets
    end: int
    t0: int  # first token (the one the mention starts in)
    t1: int  # one past the last token
    prefix: str  # clitic letters of the first token before the mention («ب», «لل», «وب»), as a key
    nested: bool = False  # inside a longer mention of another entity (a GPE in an ORG's name)
    sentence: int = 0


@dataclass(slots=True)
class TimeRef:
    time: TimeExpression
    t0: int
    t1: int
    sentence: int


@dataclass
class DocContext:
    doc: Document
    tokens: Tokens
    keys: list[str]
    kinds: list[str]
    starts: list[int]
    ends: list[int]
    sentences: list[Span]
    #: first token index of each sentence, and one past the end
    sent_tok: list[int]
    mentions: list[MentionRef] = field(default_factory=list)
    #: token index → the outermost mention covering it
    mention_at: dict[int, MentionRef] = field(default_factory=dict)
    times: list[TimeRef] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    #: full sentences: runs of sentences joined across «؛» and «:» (token ranges)
    full_sent: list[tuple[int, int]] = field(default_factory=list)
    #: pairs of entities named as one actor (filled on first use by the event stage)
    affiliations: set[tuple[str, str]] | None = None

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def of(cls, doc: Document) -> DocContext:
        assert doc.tokens is not None and doc.normalized is not None
        tokens = doc.tokens
        starts = tokens.starts
        sent_tok = [bisect_left(starts, s.start) for s in doc.sentences]
        sent_tok.append(len(tokens))
        ctx = cls(doc, tokens, tokens.keys, tokens.kinds, starts, tokens.ends, list(doc.sentences), sent_tok)
        ctx.entities = {e.id: e for e in doc.entities}
        ctx._place_mentions()
        ctx._place_times()
        ctx._full_sentences()
        return ctx

    def _place_mentions(self) -> None:
        raw: list[tuple[int, int, Entity]] = []
        for e in self.doc.entities:
            for m in e.mentions:
                if m.end > m.start:
                    raw.append((m.start, m.end, e))
        raw.sort(key=lambda r: (r[0], -r[1]))
        norm = self.doc.normalized
        assert norm is not None
        out: list[MentionRef] = []
        outer_end = -1
        outer_entity = ""
        for start, end, e in raw:
            t0 = self.token_at(start)
            if t0 >= len(self.keys):
                continue
            t1 = max(t0 + 1, bisect_left(self.starts, end))
            prefix = ""
            if start > self.starts[t0]:
                prefix = match_key(norm.text[norm.from_original(self.starts[t0]) : norm.from_original(start)])
            nested = start < outer_end and end <= outer_end and e.id != outer_entity
            ref = MentionRef(e.id, e.type, start, end, t0, t1, prefix, nested, self.sentence_of(t0))
            out.append(ref)
            if not nested and end > outer_end:
                outer_end, outer_entity = end, e.id
        self.mentions = out
        for ref in out:
            if ref.nested:
                continue
            for i in range(ref.t0, ref.t1):
                self.mention_at.setdefault(i, ref)

    def _place_times(self) -> None:
        refs = []
        for t in self.doc.times:
            t0 = self.token_at(t.start)
            if t0 >= len(self.keys):
                continue
            t1 = max(t0 + 1, bisect_left(self.starts, t.end))
            refs.append(TimeRef(t, t0, t1, self.sentence_of(t0)))
        refs.sort(key=lambda r: r.t0)
        self.times = refs

    def _full_sentences(self) -> None:
        spans: list[tuple[int, int]] = []
        for k in range(len(self.sentences)):
            a, b = self.sent_tok[k], self.sent_tok[k + 1]
            if a >= b:
                continue
            if spans and spans[-1][1] == a and self._joins(spans[-1]):
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
        self.full_sent = spans

    def _joins(self, span: tuple[int, int]) -> bool:
        """A sentence that ended on «؛» or «:» continues in the next one."""
        last = span[1] - 1
        while last > span[0] and self.kinds[last] == PUNCT and self.keys[last] in QUOTE_MARKS:
            last -= 1
        return self.keys[last] in ("؛", ":", "،", ",")

    # -- lookups ---------------------------------------------------------------------------------
    def token_at(self, offset: int) -> int:
        """The token that contains original ``offset`` (or the first one after it)."""
        return bisect_right(self.ends, offset)

    def sentence_of(self, i: int) -> int:
        return max(0, bisect_right(self.sent_tok, i) - 1)

    def sentence_range(self, i: int) -> tuple[int, int]:
        k = self.sentence_of(i)
        return self.sent_tok[k], self.sent_tok[min(k + 1, len(self.sent_tok) - 1)]

    def full_sentence_range(self, i: int) -> tuple[int, int]:
        k = bisect_right(self.full_sent, (i, len(self.keys) + 1)) - 1
        if k < 0:
            return self.sentence_range(i)
        a, b = self.full_sent[k]
        if a <= i < b:
            return a, b
        return self.sentence_range(i)

    def span(self, i: int, j: int) -> Span:
        """Original span of tokens [i, j)."""
        return Span(self.starts[i], self.ends[j - 1])

    def mention_starting(self, i: int) -> MentionRef | None:
        m = self.mention_at.get(i)
        return m if m is not None and m.t0 == i else None

    def mentions_in(self, i: int, j: int, *, nested: bool = False) -> list[MentionRef]:
        """Mentions whose first token lies in [i, j), in order."""
        lo = self._mention_index(i)
        out = []
        for m in self.mentions[lo:]:
            if m.t0 >= j:
                break
            if nested or not m.nested:
                out.append(m)
        return out

    _mt0: list[int] | None = None

    def _mention_index(self, i: int) -> int:
        if self._mt0 is None or len(self._mt0) != len(self.mentions):
            self._mt0 = [m.t0 for m in self.mentions]
        return bisect_left(self._mt0, i)

    def times_in(self, i: int, j: int) -> list[TimeRef]:
        return [t for t in self.times if i <= t.t0 < j]

    def is_punct(self, i: int) -> bool:
        return self.kinds[i] == PUNCT

    def is_arabic(self, i: int) -> bool:
        return self.kinds[i] == ARABIC

    def readings(self, i: int) -> Sequence[tuple[int, str]]:
        r = self.tokens.infos[i].readings
        return r if r else ((0, self.keys[i]),)

    def base(self, i: int) -> str:
        """The token's key without a leading conjunction و/ف (when what remains is a word)."""
        k = self.keys[i]
        r = self.tokens.infos[i].readings
        if len(r) > 1 and r[1][0] == 1 and k[0] in "وف":
            return r[1][1]
        return k

    def isin(self, i: int, words: frozenset[str] | set[str] | dict[str, object]) -> bool:
        """The token, or the token without a leading و/ف, is one of ``words`` («وفد» is not و + فد
        when «وفد» itself is listed)."""
        k = self.keys[i]
        if k in words:
            return True
        b = self.base(i)
        return b != k and b in words

    def forms(self, i: int) -> Iterable[str]:
        """Every reading of token i (the key itself first)."""
        return (f for _, f in self.readings(i))

    def text(self, i: int, j: int) -> str:
        s = self.span(i, j)
        return self.doc.text[s.start : s.end]


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """Phrases of one or more words, matched on token keys (with clitic readings on each word)."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    longest: int

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseSet:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        longest = 1
        for p in phrases:
            ks = phrase_keys(p)
            if not ks:
                continue
            grouped.setdefault(ks[0], []).append(ks)
            longest = max(longest, len(ks))
        return cls({k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in grouped.items()}, longest)

    def match(self, ctx: DocContext, i: int, *, clitics: bool = True) -> int:
        """Length in tokens of the longest phrase starting at token i (0 when none)."""
        cands = ctx.readings(i) if clitics else ((0, ctx.keys[i]),)
        n = len(ctx.keys)
        for _, form in cands:
            phrases = self.by_first.get(form)
            if not phrases:
                continue
            for ks in phrases:
                j = i + len(ks)
                if j > n:
                    continue
                if all(_word_matches(ctx, i + m, ks[m]) for m in range(1, len(ks))):
                    return len(ks)
        return 0

    def find(self, ctx: DocContext, i: int, j: int) -> list[tuple[int, int]]:
        """Every (start, length) of a phrase in tokens [i, j), left to right, not overlapping."""
        out = []
        k = i
        while k < j:
            n = self.match(ctx, k)
            if n:
                out.append((k, n))
                k += n
            else:
                k += 1
        return out

    def __contains__(self, word: str) -> bool:
        return key(word) in self.by_first


def _word_matches(ctx: DocContext, i: int, want: str) -> bool:
    k = ctx.keys[i]
    if k == want:
        return True
    return any(f == want for _, f in ctx.readings(i))


def word_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(key(w) for w in words)


def list_keys(name: str) -> frozenset[str]:
    return word_set(load_list(name))
