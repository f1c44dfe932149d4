"""The terms the search index holds, and how a query word becomes the same terms.

Every word of an article is indexed twice, at the same token position in two columns:

* its **base**: the matching key (no diacritics or tatweel; alef forms, ى/ي, ة/ه, ؤ/ئ folded;
  lower case) with the definite article and the clitics written before it removed, using the
  clitic readings of :mod:`marsad.text.clitics` («وللمدرسة» → «مدرسه»). A word without an
  article keeps its clitics: «بنغازي» is a name, and only the article proves the letters before
  it are clitics.
* its **stem**: the Snowball Arabic light stem of the normalized word without its article,
  folded like a key («المعلمين», «معلمون» and «معلم» share the stem «معلم»), stemmed as if
  the article were there (:func:`light_stem`), so the stemmer's choices are the same for
  «الانتخابات» and «انتخابات» and it never takes a root letter for a clitic («وزارة» is not «زار»).

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


def article_length(key: str, readings: tuple[tuple[int, str], ...]) -> int:
    """How many letters the article and the clitics before it take at the front of a word (0 if
    it has no article)."""
    best_n = 0
    for n, _ in readings:
        if n >= 2 and n > best_n and key[n - 2 : n] in _ARTICLE:
            best_n = n
    return best_n


def base_form(key: str, readings: tuple[tuple[int, str], ...]) -> str:
    """The key without an article and the clitics before it (``key`` itself when it has none)."""
    return key[article_length(key, readings) :]


def _clean(term: str) -> str:
    return _NON_WORD.sub("_", term).strip("_")


def light_stem(word: str) -> str:
    """The Snowball Arabic stem of a word without its article, stemmed as if it had one.

    Snowball reads a first «و ف ب ك ل» of a word without an article as a clitic, and in «وزارة» →
    «زار», «وزير» → «زير», «فلسطين» → «لسط» it is the root's own letter (a search for the ministry
    found «زار», visited). Behind an article those letters are the word's, and the suffixes go the
    same way for every form: «وزارة», «الوزارات» → «وزار»; «حكومات» → «حكوم». A word too short for
    the stemmer to take the article off is stemmed alone, with any letters it took from the front
    put back."""
    stem = _STEMMER.stemWord("ال" + word)
    if not stem.startswith("ال"):
        return stem
    stem = _STEMMER.stemWord(word)
    k = word.find(stem) if stem else -1
    return word[: k + len(stem)] if k > 0 else stem


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
        if info.kind == ARABIC:
            # the key and the normalized form map letter for letter: strip the same letters
            n = article_length(info.key, info.readings)
            base = _clean(info.key[n:])
            stem = _clean(fold_key(light_stem(form[n:]))) or base
        else:
            base = _clean(info.key)
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
