"""The terms the search index holds, and how a query word becomes the same terms.

Every word of an article is indexed twice, at the same token position in two columns:

* its **base**: the matching key (no diacritics or tatweel; alef forms, ى/ي, ة/ه, ؤ/ئ folded;
  lower case) with the definite article and the clitics written before it removed, using the
  clitic readings of :mod:`marsad.text.clitics` («وللمدرسة» → «مدرسه»). A word without an
  article keeps its clitics: «بنغازي» is a name, and only the article proves the letters before
  it are clitics.
* its **stem**: the Snowball Arabic light stem of the normalized word, folded like a key
  («المدارس», «والمدرسة», «مدرستهم» share stems with their neighbours).

A query word goes through the same two functions, and matches a document word when the bases or
the stems agree; an exact base match ranks higher. Because both columns keep one term per token
position, a quoted phrase matches consecutive words in either column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from marsad.lang import load_list
from marsad.text.normalize import fold_key, match_key, normalize
from marsad.text.tokens import ARABIC, PUNCT, SYMBOL, TypeInfo, tokenize

_STEMMER = snowballstemmer.stemmer("arabic")
#: index terms hold only word characters, so every backend's tokenizer keeps a term whole
_NON_WORD = re.compile(r"\W+")
_ARTICLE = ("ال", "لل")


@dataclass(frozen=True, slots=True)
class Term:
    base: str
    stem: str


def base_form(key: str, readings: tuple[tuple[int, str], ...]) -> str:
    """The key without an article and the clitics before it (``key`` itself when it has none)."""
    best = key
    best_n = 0
    for n, form in readings:
        if n >= 2 and n > best_n and key[n - 2 : n] in _ARTICLE:
            best, best_n = form, n
    return best


def _clean(term: str) -> str:
    return _NON_WORD.sub("_", term).strip("_")


_cache: dict[str, Term | None] = {}


def term_of(info: TypeInfo) -> Term | None:
    """The index term of one token (None for punctuation and symbols)."""
    form = info.form
    hit = _cache.get(form, False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    term: Term | None
    if info.kind in (PUNCT, SYMBOL):
        term = None
    else:
        base = _clean(base_form(info.key, info.readings) if info.kind == ARABIC else info.key)
        if info.kind == ARABIC:
            stem = _clean(fold_key(_STEMMER.stemWord(form))) or base
        else:
            stem = base
        term = Term(base, stem) if base else None
    if len(_cache) > 500_000:
        _cache.clear()
    _cache[form] = term
    return term


def iter_terms(text: str) -> Iterator[tuple[int, Term]]:
    """(token index, term) for the words of ``text``, in order."""
    tokens = tokenize(normalize(text))
    for i, info in enumerate(tokens.infos):
        term = term_of(info)
        if term is not None:
            yield i, term


def index_columns(text: str) -> tuple[str, str]:
    """The two index columns of a text: bases and stems, space-separated, position for position."""
    bases: list[str] = []
    stems: list[str] = []
    for _, term in iter_terms(text):
        bases.append(term.base)
        stems.append(term.stem)
    return " ".join(bases), " ".join(stems)


def article_terms(title: str | None, text: str) -> tuple[str, str, str, str]:
    """The index columns of an article: title words, title stems, body words, body stems."""
    tw, ts = index_columns(title) if title else ("", "")
    bw, bs = index_columns(text)
    return tw, ts, bw, bs


def query_terms(word: str) -> list[Term]:
    """The terms of one query word or phrase (a word with inner punctuation gives several)."""
    return [t for _, t in iter_terms(word)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words dropped from unquoted queries (they still match inside a phrase)."""
    return frozenset(match_key(w) for w in load_list("stopwords.txt"))
