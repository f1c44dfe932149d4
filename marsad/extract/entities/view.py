"""A per-document view over the tokens that the matcher, the rules and coreference share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.doc import Document
from marsad.extract.entities.candidates import Cand
from marsad.extract.entities.lexicon import EntityLexicon, Word, name_readings, strips_article
from marsad.text.clitics import Reading
from marsad.text.normalize import MARKS
from marsad.text.tokens import ARABIC, LATIN, PUNCT, QUOTE_MARKS

_STRIP_MARKS = {ord(c): None for c in MARKS}
#: opening marks and the mark that closes each; straight quotes open and close alike
_OPENERS = {"«": "»", "“": "”", "„": "”", "‹": "›", "(": ")"}
_CLOSERS = frozenset(_OPENERS.values())
_STRAIGHT = frozenset({'"', "'", "‟"})


class DocView:
    """Tokens of one document with cached word facts and the candidates found so far."""

    def __init__(self, doc: Document, lex: EntityLexicon) -> None:
        assert doc.tokens is not None and doc.normalized is not None
        self.doc = doc
        self.lex = lex
        self.tokens = doc.tokens
        self.norm = doc.normalized
        self.keys: list[str] = self.tokens.keys
        self.infos = self.tokens.infos
        self.n = len(self.keys)
        self._words: list[Word | None] = [None] * self.n
        self._readings: list[tuple[Reading, ...] | None] = [None] * self.n
        #: tokens written with a letter for /g/, /v/, /p/ (ڨفصة): their key with the usual
        #: standard letter (قفصه), and every standard reading of their clitic readings
        self.respelled: dict[int, tuple[Reading, ...]] = {}
        if lex.letter_variants and any(ch in doc.normalized.text for ch in lex.letter_variants):
            self._respell()
        #: every candidate found so far, and the longest one covering each token
        self.cands: list[Cand] = []
        #: the statistical recognizer's names (a ModelView), when it runs
        self.model: Any = None
        self._at: list[Cand | None] = [None] * self.n
        self._pairs: dict[int, int] | None = None

    def _respell(self) -> None:
        letters = self.lex.letter_variants
        keys = list(self.keys)
        for i, info in enumerate(self.infos):
            if info.kind is not ARABIC or not any(ch in info.key for ch in letters):
                continue
            spelled = self.lex.spellings(info.key)
            keys[i] = spelled[0]
            out: list[Reading] = []
            for strip, form in info.readings or ((0, info.key),):
                out.extend((strip, f) for f in self.lex.spellings(form))
            self.respelled[i] = tuple(out)
        self.keys = keys

    # -- tokens ---------------------------------------------------------------------------------
    def all_readings(self, i: int) -> Sequence[Reading]:
        """Every clitic reading of the token (stripping the article too), respelled."""
        r = self.respelled.get(i)
        return r if r is not None else self.infos[i].readings

    def readings(self, i: int) -> Sequence[Reading]:
        """The token's clitic readings that keep the article (see :func:`name_readings`)."""
        r = self._readings[i]
        if r is None:
            if i in self.respelled:  # not cached by key: another token may share the key
                r = tuple(x for x in self.respelled[i] if not strips_article(self.keys[i], x[0]))
            else:
                r = name_readings(self.keys[i], self.infos[i].readings)
            self._readings[i] = r
        return r

    def word(self, i: int) -> Word:
        w = self._words[i]
        if w is None:
            info = self.infos[i]
            if i in self.respelled:
                w = self.lex.word_uncached(self.keys[i], self.respelled[i], info.form)
            else:
                w = self.lex.word(info.key, info.readings, info.form)
            self._words[i] = w
        return w

    def kind(self, i: int) -> str:
        return self.infos[i].kind

    def is_arabic(self, i: int) -> bool:
        return 0 <= i < self.n and self.infos[i].kind is ARABIC

    def is_latin(self, i: int) -> bool:
        return 0 <= i < self.n and self.infos[i].kind is LATIN

    def is_punct(self, i: int) -> bool:
        return 0 <= i < self.n and self.infos[i].kind is PUNCT

    def is_quote(self, i: int) -> bool:
        return 0 <= i < self.n and self.infos[i].form in QUOTE_MARKS

    def closing_quote(self, i: int) -> int | None:
        """The token that closes the quotation (or parenthesis) token ``i`` opens, or None when
        ``i`` does not open one. Typographic marks have a side; straight quotes alternate within
        a paragraph."""
        if self._pairs is None:
            self._pairs = self._pair_quotes()
        return self._pairs.get(i)

    def _pair_quotes(self) -> dict[int, int]:
        pairs: dict[int, int] = {}
        open_at: dict[str, int] = {}
        text = self.doc.text
        for i in range(self.n):
            f = self.infos[i].form
            if i and "\n" in text[self.tokens.ends[i - 1] : self.tokens.starts[i]]:
                open_at.clear()
            if f in _OPENERS:
                open_at[_OPENERS[f]] = i
            elif f in _CLOSERS:
                start = open_at.pop(f, None)
                if start is not None:
                    pairs[start] = i
            elif f in _STRAIGHT:
                start = open_at.pop(f, None)
                if start is None:
                    open_at[f] = i
                else:
                    pairs[start] = i
        return pairs

    def form(self, i: int) -> str:
        return self.infos[i].form

    def adjacent(self, i: int) -> bool:
        """True when token ``i`` follows token ``i - 1`` with no space between them."""
        return i > 0 and self.tokens.nends[i - 1] == self.tokens.nstarts[i]

    # -- offsets and text -----------------------------------------------------------------------
    def start(self, i: int, strip: int = 0) -> int:
        if strip:
            return self.norm.to_original(self.tokens.nstarts[i] + strip)
        return self.tokens.starts[i]

    def end(self, j: int) -> int:
        """Original end offset of the span ending with token ``j - 1``."""
        return self.tokens.ends[j - 1]

    def text(self, i: int, j: int, strip: int = 0) -> str:
        return self.doc.text[self.start(i, strip) : self.end(j)]

    def clean_text(self, i: int, j: int, strip: int = 0) -> str:
        """The span's text without diacritics or tatweel, white space collapsed: a name."""
        return " ".join(self.text(i, j, strip).translate(_STRIP_MARKS).split())

    def content_key(self, i: int, strip: int = 0) -> str:
        """The key of token ``i`` without its proclitics and article (a complement's content)."""
        key = self.keys[i][strip:]
        if key.startswith("ال") and len(key) > 4:
            return key[2:]
        if key.startswith("لل") and len(key) > 4:
            return key[2:]
        return key

    # -- candidates -----------------------------------------------------------------------------
    def add(self, cand: Cand) -> None:
        """Register a candidate (tokens it covers point at it; a longer one replaces shorter)."""
        self.cands.append(cand)
        for t in range(cand.i, cand.j):
            old = self._at[t]
            if old is None or old.length <= cand.length:
                self._at[t] = cand

    def remove(self, cand: Cand) -> None:
        """Withdraw a candidate (a later rule found it was not a name)."""
        self.cands.remove(cand)
        for t in range(cand.i, cand.j):
            if self._at[t] is cand:
                self._at[t] = None
        for c in self.cands:
            for t in range(c.i, c.j):
                if cand.i <= t < cand.j and self._at[t] is None:
                    self._at[t] = c

    def at(self, i: int) -> Cand | None:
        return self._at[i] if 0 <= i < self.n else None

    def starting_at(self, i: int) -> Cand | None:
        c = self.at(i)
        return c if c is not None and c.i == i else None

    def finalize(self, cand: Cand) -> Cand:
        """Fill the original offsets of a candidate."""
        cand.start = self.start(cand.i, cand.strip)
        cand.end = self.end(cand.j)
        return cand


def strip_marks(text: str) -> str:
    return " ".join(text.translate(_STRIP_MARKS).split())

