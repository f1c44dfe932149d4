"""Versioned schema migrations, one list for each backend.

The database records the migrations applied in ``marsad_schema``. Opening a store for writing
applies the pending ones in order, each in its own transaction; opening for reading refuses a
database that is behind (and says which command migrates it) or ahead (made by a newer marsad).
A new migration is appended to :data:`MIGRATIONS` with the next version number; an applied
migration is never edited.

Dates are ISO strings (``YYYY-MM-DD``) in both backends, so range filters compare as text. The
analysis is kept whole as JSON (the contract ``marsad.analysis/1``); the entity, mention, event
and quote tables are derived from it and rebuilt whenever an article is analyzed again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]
    #: after its statements, the search index is filled again from every stored article (the
    #: terms of marsad.search.terms changed), in the same transaction
    reindex: bool = False


_TABLES_COMMON = """
CREATE TABLE articles (
    id {id_pk},
    uid TEXT NOT NULL UNIQUE,
    input_key TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    text TEXT NOT NULL,
    source TEXT,
    url TEXT,
    published TEXT,
    language TEXT,
    length INTEGER NOT NULL,
    near_duplicate_of BIGINT REFERENCES articles(id),
    similarity REAL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published, source);
CREATE INDEX articles_source ON articles(source);
CREATE TABLE analyses (
    id {id_pk},
    article_id BIGINT NOT NULL UNIQUE REFERENCES articles(id),
    schema TEXT NOT NULL,
    analyzer TEXT NOT NULL,
    stages TEXT NOT NULL,
    data {json} NOT NULL,
    analyzed_at TEXT NOT NULL
);
CREATE INDEX analyses_analyzer ON analyses(analyzer, stages);
CREATE TABLE duplicates (
    input_key TEXT PRIMARY KEY,
    original_id BIGINT NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL,
    similarity REAL,
    article_id BIGINT REFERENCES articles(id),
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX duplicates_original ON duplicates(original_id);
CREATE TABLE minhashes (
    article_id BIGINT PRIMARY KEY REFERENCES articles(id),
    signature {blob} NOT NULL
);
CREATE TABLE entities (
    id {id_pk},
    ident TEXT NOT NULL UNIQUE,
    kb_id TEXT,
    type TEXT NOT NULL,
    subtype TEXT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    name_en TEXT
);
CREATE INDEX entities_name_key ON entities(name_key);
CREATE INDEX entities_type ON entities(type);
CREATE TABLE article_entities (
    article_id BIGINT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    entity_id BIGINT NOT NULL REFERENCES entities(id),
    mentions INTEGER NOT NULL,
    roles TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id);
CREATE TABLE mentions (
    article_id BIGINT NOT NULL REFERENCES articles(id),
    entity_id BIGINT NOT NULL REFERENCES entities(id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    method TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE events (
    id {id_pk},
    article_id BIGINT NOT NULL REFERENCES articles(id),
    local_id TEXT NOT NULL,
    code TEXT NOT NULL,
    label TEXT,
    plover TEXT,
    source_id BIGINT REFERENCES entities(id),
    target_id BIGINT REFERENCES entities(id),
    location_id BIGINT REFERENCES entities(id),
    date_value TEXT,
    day TEXT,
    mode TEXT,
    confidence REAL,
    evidence_start INTEGER,
    evidence_end INTEGER
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_id);
CREATE INDEX events_target ON events(target_id);
CREATE TABLE quotes (
    id {id_pk},
    article_id BIGINT NOT NULL REFERENCES articles(id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT,
    speaker_id BIGINT REFERENCES entities(id),
    channel_id BIGINT REFERENCES entities(id),
    date_value TEXT,
    day TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE TABLE embeddings (
    article_id BIGINT PRIMARY KEY REFERENCES articles(id),
    model TEXT NOT NULL,
    vector {blob} NOT NULL
)
"""


def _split(sql: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in sql.split(";") if s.strip())


_SQLITE_V1 = (
    *_split(_TABLES_COMMON.format(id_pk="INTEGER PRIMARY KEY", json="TEXT", blob="BLOB")),
    # the search index: one row per article (rowid = articles.id), four columns of terms (see
    # marsad.search.terms); contentless, so it holds only the index
    "CREATE VIRTUAL TABLE search_index USING fts5(title_words, title_stems, body_words, body_stems, "
    "content='', tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")",
    "INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(4.0, 2.0, 1.0, 0.5)')",
)

_POSTGRES_V1 = (
    *_split(
        _TABLES_COMMON.format(id_pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", json="JSONB", blob="BYTEA")
    ),
    # the search index: a tsvector built by marsad (title words A, body words B, title stems C,
    # body stems D) so no PostgreSQL text-search configuration has to know Arabic
    "CREATE TABLE search_index (article_id BIGINT PRIMARY KEY REFERENCES articles(id), terms TSVECTOR NOT NULL)",
    # kept in the row (compressed), not in TOAST: ranking reads every match's vector
    "ALTER TABLE search_index ALTER COLUMN terms SET STORAGE MAIN",
    "CREATE INDEX search_index_terms ON search_index USING GIN (terms)",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, analyses, duplicates, entities, mentions, events, quotes, search index",
              _SQLITE_V1, _POSTGRES_V1),
    Migration(2, "search index rebuilt: stems no longer take a root letter for a clitic (وزارة is not زار)",
              ("INSERT INTO search_index(search_index) VALUES ('delete-all')",),
              ("DELETE FROM search_index",), reindex=True),
)

LATEST = MIGRATIONS[-1].version
