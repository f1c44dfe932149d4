"""Search queries: parsing what the user typed, and compiling it for each backend.

Syntax: words are all required (AND); ``"a quoted phrase"`` matches consecutive words; ``OR``
between two items makes either enough; ``-word`` excludes; ``word*`` matches words that start
with it. Function words (في، من، على…) are dropped from unquoted queries.

Each query word becomes the index terms of :mod:`marsad.search.terms` (its base and its stem).
A word that has no article may still carry a conjunction or preposition in an article
(«ببنغازي», «وتونس»), so the base is also tried with those proclitics in front of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.errors import ConfigError
from marsad.lang import load_yaml
from marsad.search.terms import Term, query_terms, stopwords
from marsad.text.normalize import match_key

_ITEM_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _proclitic_prefixes() -> tuple[str, ...]:
    rules = load_yaml("clitics.yaml")
    conj = list(rules["conjunctions"])
    prep = list(rules["prepositions"])
    return tuple(conj + prep + [c + p for c in conj for p in prep])


_PREFIXES = _proclitic_prefixes()


@dataclass
class Item:
    """A query word or phrase: its terms, in order."""

    raw: str
    terms: list[Term]
    phrase: bool = False
    prefix: bool = False

    def base_variants(self) -> list[str]:
        """For a single word: its base, and the base with proclitics written before it."""
        base = self.terms[0].base
        if self.phrase or self.prefix or not _is_arabic(base):
            return [base]
        return [base] + [p + base for p in _PREFIXES]


def _is_arabic(s: str) -> bool:
    return bool(s) and "\u0620" <= s[0] <= "\u06ff"


@dataclass
class Query:
    """All groups must match (AND); within a group any item may (OR); no excluded item may."""

    text: str
    groups: list[list[Item]] = field(default_factory=list)
    excluded: list[Item] = field(default_factory=list)

    def items(self) -> list[Item]:
        return [i for g in self.groups for i in g]


def parse_query(text: str) -> Query:
    """Parse a search query; a query with no searchable word raises ConfigError."""
    query = Query(text)
    stop = stopwords()
    pending_or = False
    for m in _ITEM_RE.finditer(text):
        neg_quoted, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare == "OR":
            pending_or = bool(query.groups)
            continue
        negate = False
        prefix = False
        if quoted is not None:
            negate = neg_quoted == "-"
            terms = query_terms(quoted)
            item = Item(quoted, terms, phrase=len(terms) > 1)
        else:
            word = bare
            if word.startswith("-") and len(word) > 1:
                negate, word = True, word[1:]
            if word.endswith("*") and len(word) > 1:
                prefix, word = True, word.rstrip("*")
            if not negate and not prefix and match_key(word) in stop:
                continue
            terms = query_terms(word)
            item = Item(word, terms, phrase=len(terms) > 1, prefix=prefix and len(terms) == 1)
        if not item.terms:
            continue
        if negate:
            query.excluded.append(item)
        elif pending_or:
            query.groups[-1].append(item)
        else:
            query.groups.append([item])
        pending_or = False
    if not query.groups:
        raise ConfigError(
            f"the query {text!r} has no word to search for (function words such as «في» are ignored "
            'unless quoted: "في تونس")'
        )
    return query


# -- SQLite FTS5 ---------------------------------------------------------------------------------

_W = "{title_words body_words}"
_S = "{title_stems body_stems}"


def _fts_item(item: Item) -> str:
    if item.phrase:
        bases = " ".join(t.base for t in item.terms)
        stems = " ".join(t.stem for t in item.terms)
        return f'({_W} : "{bases}" OR {_S} : "{stems}")'
    term = item.terms[0]
    if item.prefix:
        return f'({_W} : "{term.base}" * OR {_S} : "{term.stem}" *)'
    variants = " OR ".join(f'"{v}"' for v in item.base_variants())
    return f'({_W} : ({variants}) OR {_S} : "{term.stem}")'


def to_fts5(query: Query) -> str:
    """The FTS5 MATCH expression of a query (terms hold only word characters: nothing to escape)."""
    groups = ["(" + " OR ".join(_fts_item(i) for i in g) + ")" for g in query.groups]
    expr = " AND ".join(groups)
    for item in query.excluded:
        expr = f"({expr}) NOT {_fts_item(item)}"
    return expr


# -- PostgreSQL tsquery --------------------------------------------------------------------------
# weights in the index: A title words, B body words, C title stems, D body stems. A word's base
# and stem share its position; when they are the same lexeme the tsvector keeps that position
# once, with one of the two weights, so stems are matched whatever their weight (a stem equal to
# a base is the same word there), and bases only as words (A, B).


def _ts_item(item: Item) -> str:
    if item.phrase:
        bases = " <-> ".join(f"'{t.base}':AB" for t in item.terms)
        stems = " <-> ".join(f"'{t.stem}'" for t in item.terms)
        return f"(({bases}) | ({stems}))"
    term = item.terms[0]
    if item.prefix:
        return f"('{term.base}':*AB | '{term.stem}':*)"
    variants = " | ".join(f"'{v}':AB" for v in item.base_variants())
    return f"({variants} | '{term.stem}')"


def to_tsquery(query: Query) -> str:
    """The tsquery text of a query (cast with ``::tsquery``; no text-search parser involved)."""
    expr = " & ".join("(" + " | ".join(_ts_item(i) for i in g) + ")" for g in query.groups)
    for item in query.excluded:
        expr = f"({expr}) & !{_ts_item(item)}"
    return expr


def highlight_terms(query: Query) -> tuple[set[str], set[str], tuple[str, ...]]:
    """Bases, stems and prefixes a snippet highlights (every item, phrases word by word)."""
    bases: set[str] = set()
    stems: set[str] = set()
    prefixes: list[str] = []
    for item in query.items():
        for t in item.terms:
            if item.prefix:
                prefixes.append(t.base)
            else:
                bases.add(t.base)
                stems.add(t.stem)
    return bases, stems, tuple(prefixes)
