"""Arabic-aware search over the store.

    >>> from marsad.store import open_store
    >>> from marsad.search import search
    >>> hits = search(open_store("marsad.db"), '"وزير الخارجية" تونس', source="Jawhara FM")

Diacritics, alef and taa-marbuta forms and clitics do not matter (احمد finds أحمد, مدرسه finds
المدرسة, توج finds تُوّج); light stemming (Snowball Arabic) adds recall, and exact words rank
higher than stem matches. See :mod:`marsad.search.query` for the query syntax and
:mod:`marsad.search.terms` for what is indexed. ``semantic=True`` ranks by meaning with a
multilingual sentence-embedding model instead (the optional extra ``marsad[semantic]``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.dates import parse_published
from marsad.errors import ConfigError
from marsad.search.query import Query, highlight_terms, parse_query
from marsad.search.snippets import match_spans, snippet
from marsad.store.base import SearchFilters, Store


@dataclass
class Hit:
    """One search result. ``matches`` are (start, end) offsets of the matching words in the text."""

    id: str
    score: float
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    snippet: str
    matches: list[tuple[int, int]] = field(default_factory=list)
    near_duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["matches"] = [list(m) for m in self.matches]
        return d


def _day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        parsed = parse_published(value, strict=True)
    except ConfigError:  # its message speaks of a publication date: name the option instead
        parsed = None
    if parsed is None:
        raise ConfigError(f"{name} {value!r} is not a date: give it as YYYY-MM-DD (2017-04-03)")
    return parsed.isoformat()


def make_filters(
    entity: str | None = None,
    code: str | None = None,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> SearchFilters:
    if code is not None and not code.strip().isdigit():
        raise ConfigError(f"event code {code!r} is not a CAMEO code: give digits such as 04 or 042")
    f = SearchFilters(entity, code, source, _day(date_from, "--from"), _day(date_to, "--to"))
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise ConfigError(f"--from {f.date_from} is after --to {f.date_to}: swap them")
    return f


def unknown_filter(store: Store, filters: SearchFilters) -> None:
    """When a filtered search finds nothing, name the filter the store has nothing for (ConfigError):
    an outlet or an entity that is not there reads otherwise like "no article matches"."""
    if filters.source and not store.sources_like(filters.source):
        known = store.sources(10)
        raise ConfigError(
            f"no outlet {filters.source!r} in the store: "
            + (f"give one of {', '.join(known)} (any case)" if known else "no stored article names its outlet")
        )
    if filters.entity and not store.entity_ids(filters.entity):
        raise ConfigError(
            f"no entity {filters.entity!r} in the stored articles: 'marsad entities' lists the names found "
            "(a knowledge-base id such as khalifa-haftar works too)"
        )


def search(
    store: Store,
    query: str,
    *,
    entity: str | None = None,
    code: str | None = None,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 10,
    offset: int = 0,
    semantic: bool = False,
    marks: tuple[str, str] = ("[", "]"),
    verbose: bool = False,
) -> list[Hit]:
    """Search the store; results best first, each with a highlighted snippet.

    ``verbose`` says on stderr when a semantic search first embeds the articles without a vector."""
    if limit < 1:
        raise ConfigError(f"the number of results must be at least 1, got {limit}")
    filters = make_filters(entity, code, source, date_from, date_to)
    parsed: Query | None
    if semantic:
        from marsad.search.semantic import semantic_ids

        ranked = semantic_ids(store, query, filters, limit, offset, verbose=verbose)
        try:
            parsed = parse_query(query)
        except ConfigError:
            parsed = None
    else:
        parsed = parse_query(query)
        ranked = store.search_ids(parsed, filters, limit, offset)
    articles = store.articles_by_id([i for i, _ in ranked])
    uids = {i: a["uid"] for i, a in articles.items()}
    missing_originals = [a["near_duplicate_of"] for a in articles.values() if a["near_duplicate_of"]]
    if missing_originals:
        uids.update({i: a["uid"] for i, a in store.articles_by_id(missing_originals).items()})
    hits = []
    terms = highlight_terms(parsed) if parsed else (set(), set(), ())
    for article_id, score in ranked:
        a = articles.get(article_id)
        if a is None:
            continue
        spans = match_spans(a["text"], *terms) if parsed else []
        hits.append(
            Hit(
                id=a["uid"], score=round(score, 6), title=a["title"], source=a["source"], url=a["url"],
                published=a["published"], snippet=snippet(a["text"], spans, marks=marks), matches=spans,
                near_duplicate_of=uids.get(a["near_duplicate_of"]) if a["near_duplicate_of"] else None,
            )
        )
    return hits


__all__ = ["Hit", "make_filters", "search", "unknown_filter"]
