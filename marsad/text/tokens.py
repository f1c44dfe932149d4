"""Tokens with original offsets, a class, a matching key and a clitic analysis.

Tokenization runs on the normalized text (diacritics and tatweel are gone, so «تُوّج» is one
word and «لـ"الاستقلال"» is ل + quote + word) and keeps, for every token, its span in the
original text. It is columnar: one regex pass yields each token with the white space after it,
one ``accumulate`` gives the offsets, and everything that depends only on the token's string
(its form, class, key and clitic readings) comes from a per-type cache shared by all documents,
so a corpus pays for each distinct word once. :class:`Token` objects are made on demand.

Classes: ``arabic`` (Arabic-script word), ``latin`` (Latin-script word), ``number``,
``punct``, ``other`` (a word in another script) and ``symbol`` (emoji, signs).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate
from operator import add, itemgetter
from typing import NamedTuple, overload

from marsad.text.clitics import Reading, proclitic_forms
from marsad.text.normalize import Normalized, fold_key

ARABIC = "arabic"
LATIN = "latin"
NUMBER = "number"
PUNCT = "punct"
OTHER = "other"
SYMBOL = "symbol"

ARABIC_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
#: punctuation marks (everything else that is neither a letter, a digit nor a space is a symbol)
PUNCTUATION = "!\"#%&'()*,\\-./:;?@\\[\\\\\\]_{}«»“”„‟‘’‚‛‹›…–—―،؛؟٪۔·•"

# a token and the white space after it; numbers keep their decimal and thousands separators
_TOKEN_RE = re.compile(
    rf"(?:[{ARABIC_LETTERS}]++|[0-9]++(?:[.,][0-9]+)*+|[{LATIN_LETTERS}]++(?:['’][{LATIN_LETTERS}]+)*+|\w++|\S)\s*+"
)
_PUNCT_SET = frozenset(
    "!\"#%&'()*,-./:;?@[\\]_{}«»“”„‟‘’‚‛‹›…–—―،؛؟٪۔·•"
)
_ARABIC_RE = re.compile(rf"[{ARABIC_LETTERS}]")
_LATIN_RE = re.compile(rf"[{LATIN_LETTERS}]")
_NO_READINGS: tuple[Reading, ...] = ()
_KIND_OF_FIRST: dict[str, str] = {}
_FORM = itemgetter(0)

#: single letters that, standing alone before a quotation mark, are a detached proclitic
DETACHABLE_PROCLITICS = frozenset("لبكوف")
QUOTE_MARKS = frozenset("\"'«»“”„‟‘’‹›")


class TypeInfo(NamedTuple):
    """What a token's string alone determines (cached per distinct string)."""

    form: str  # the normalized token, white space removed
    kind: str
    key: str  # matching key (ى→ي, ة→ه, ؤ/ئ→ء, lower case)
    readings: tuple[Reading, ...]  # clitic readings of the key (Arabic words only)


def _classify(form: str) -> str:
    first = form[0]
    kind = _KIND_OF_FIRST.get(first)
    if kind is None:
        kind = _KIND_OF_FIRST[first] = _classify_char(first)
    return kind


def _classify_char(first: str) -> str:
    if _ARABIC_RE.match(first):
        return ARABIC
    if "0" <= first <= "9":
        return NUMBER
    if _LATIN_RE.match(first):
        return LATIN
    if first in _PUNCT_SET:
        return PUNCT
    if first.isalpha() or first.isdigit():
        return OTHER
    return SYMBOL


_new_info = tuple.__new__
_CACHE_LIMIT = 400_000
#: token string as the regex returns it (with its trailing white space) → TypeInfo
_TYPES: dict[str, TypeInfo] = {}
#: the bare form → TypeInfo, so «كلمة » and «كلمة\n» share one analysis
_FORMS: dict[str, TypeInfo] = {}


def _form_info(form: str) -> TypeInfo:
    """Analyze a form not met before and remember it (the cache is bounded)."""
    kind = _KIND_OF_FIRST.get(form[0]) or _classify(form)
    if kind == ARABIC:
        key = fold_key(form) if ("ة" in form or "ى" in form or "ؤ" in form or "ئ" in form) else form
        info = _new_info(TypeInfo, (form, kind, key, proclitic_forms(key)))
    elif kind == LATIN:
        info = _new_info(TypeInfo, (form, kind, form.lower() if form.isascii() else fold_key(form), _NO_READINGS))
    elif kind == OTHER:
        info = _new_info(TypeInfo, (form, kind, fold_key(form), _NO_READINGS))
    else:  # numbers, punctuation and symbols are their own key
        info = _new_info(TypeInfo, (form, kind, form, _NO_READINGS))
    if len(_FORMS) >= _CACHE_LIMIT:
        _FORMS.clear()
    _FORMS[form] = info
    return info


def _type_info(raw: str) -> TypeInfo:
    """The TypeInfo of a token string with its trailing white space (the Python path)."""
    form = raw.rstrip()
    info = _FORMS.get(form) or _form_info(form)
    if len(_TYPES) >= _CACHE_LIMIT:
        _TYPES.clear()
    _TYPES[raw] = info
    return info


def clear_type_cache() -> None:
    """Forget every analyzed token type (benchmarks measure a fresh process with it)."""
    _TYPES.clear()
    _FORMS.clear()


def _scan_python(text: str) -> tuple[list[TypeInfo], list[int]]:
    """Token infos and bounds with the regular expression: the reference implementation."""
    lead = 0
    while lead < len(text) and text[lead].isspace():
        lead += 1
    parts = _TOKEN_RE.findall(text, lead)
    infos: list[TypeInfo | None] = list(map(_TYPES.get, parts))
    if None in infos:  # words this process has not met yet: find them with C-level scans
        i = -1
        try:
            while True:
                i = infos.index(None, i + 1)
                infos[i] = _type_info(parts[i])
        except ValueError:
            pass
    # the start of each part, and one more entry: the end of the last one
    return infos, list(accumulate(map(len, parts), initial=lead))  # type: ignore[return-value]


def _scan_c(text: str) -> tuple[list[TypeInfo], list[int]]:
    """The same with the C scanner (marsad/text/_scan.c), which looks forms up as it goes."""
    infos, bounds, missing = _c_scan(text, _FORMS)
    for i in missing:
        infos[i] = _FORMS.get(infos[i]) or _form_info(infos[i])
    return infos, bounds


try:
    from marsad.text._scan import scan as _c_scan
except ImportError:  # the optional C extension was not built: the regex path does the same
    _c_scan = None

_scan = _scan_c if _c_scan is not None and not os.environ.get("MARSAD_PURE_PYTHON") else _scan_python
HAS_C_SCANNER = _scan is _scan_c


class Token(NamedTuple):
    """One token. ``start``/``end`` index the original text; ``nstart``/``nend`` the normalized."""

    i: int
    start: int
    end: int
    nstart: int
    nend: int
    text: str  # the original text of the token, exactly as written
    form: str  # normalized
    key: str  # matching key
    kind: str
    readings: tuple[Reading, ...]  # (letters stripped, remaining key), unstripped first


class Tokens(Sequence[Token]):
    """The tokens of one text, stored as columns; indexing makes a :class:`Token`."""

    __slots__ = ("_bounds", "_ends", "_nends", "_nstarts", "_starts", "infos", "normalized")

    def __init__(self, normalized: Normalized) -> None:
        self.normalized = normalized
        self.infos, self._bounds = _scan(normalized.text)
        self._nstarts: list[int] | None = None
        self._nends: list[int] | None = None
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None

    # -- columns (each computed on first use) -------------------------------------------------
    @property
    def nstarts(self) -> list[int]:
        """Normalized start offsets of all tokens."""
        if self._nstarts is None:
            self._nstarts = self._bounds[:-1]
        return self._nstarts

    @property
    def nends(self) -> list[int]:
        """Normalized end offsets of all tokens."""
        if self._nends is None:
            self._nends = list(map(add, self._bounds, map(len, map(_FORM, self.infos))))
        return self._nends

    @property
    def starts(self) -> list[int]:
        """Original start offsets of all tokens."""
        if self._starts is None:
            self._map_offsets()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> list[int]:
        """Original end offsets of all tokens."""
        if self._ends is None:
            self._map_offsets()
        assert self._ends is not None
        return self._ends

    @property
    def forms(self) -> list[str]:
        return [info.form for info in self.infos]

    @property
    def keys(self) -> list[str]:
        return [info.key for info in self.infos]

    @property
    def kinds(self) -> list[str]:
        return [info.kind for info in self.infos]

    def _map_offsets(self) -> None:
        norm = self.normalized
        if norm.is_identity:
            self._starts, self._ends = self.nstarts, self.nends
            return
        self._starts = [norm.to_original(s) for s in self.nstarts]
        self._ends = [norm.to_original_end(e) for e in self.nends]

    # -- the Sequence protocol ----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.infos)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self.infos)
        info = self.infos[i]
        start, end = self.starts[i], self.ends[i]
        return Token(
            i, start, end, self.nstarts[i], self.nends[i], self.normalized.original[start:end],
            info.form, info.key, info.kind, info.readings,
        )

    def __iter__(self) -> Iterator[Token]:
        for i in range(len(self.infos)):
            yield self[i]

    # -- lookups ------------------------------------------------------------------------------
    def index_at(self, offset: int) -> int:
        """Index of the first token that ends after original ``offset`` (len(self) if none)."""
        from bisect import bisect_right

        return bisect_right(self.ends, offset)

    def between(self, start: int, end: int) -> range:
        """Indices of the tokens lying inside the original span ``[start, end)``."""
        from bisect import bisect_left

        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def is_detached_proclitic(self, i: int) -> bool:
        """True for a lone ل/ب/ك/و/ف written with tatweel or before a quote: «لـ"الاستقلال"»."""
        info = self.infos[i]
        if info.kind != ARABIC or info.form not in DETACHABLE_PROCLITICS:
            return False
        original = self.normalized.original
        if "\u0640" in original[self.starts[i] : self.ends[i] + 1]:
            return True
        return i + 1 < len(self.infos) and self.infos[i + 1].form in QUOTE_MARKS and (
            self.nends[i] == self.nstarts[i + 1]
        )


def tokenize(normalized: Normalized) -> Tokens:
    """Tokenize a normalized text; see the module docstring."""
    return Tokens(normalized)
