"""The PostgreSQL store (psycopg 3), for teams: ``--db postgresql://user@host:5432/dbname``.

A ``schema=NAME`` parameter in the URL keeps marsad's tables in that schema (created when
missing), so several stores can share one database. Search uses a GIN-indexed ``tsvector`` that
marsad builds itself from the same terms as the SQLite index (title words weight A, body words B,
title stems C, body stems D, stems at the same positions as their words), so no text-search
configuration of the server has to know Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from marsad.errors import StoreError
from marsad.store.base import SearchFilters, Store
from marsad.store.migrations import MIGRATIONS

#: tsvector positions stop at 16383; terms past it are not indexed (articles are far shorter)
MAX_POSITION = 16383
#: ts_rank weights {D, C, B, A}
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
_SCHEMA_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def split_url(url: str) -> tuple[str, str | None]:
    """The connection URL without marsad's own ``schema`` parameter, and that schema."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, parts.fragment)), schema


def redact(url: str) -> str:
    """The URL without its password."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return url


class PostgresStore(Store):
    backend = "postgresql"
    json_param = "CAST(? AS JSONB)"

    def __init__(self, url: str, *, migrate: bool = True, connect_timeout: int = 10) -> None:
        super().__init__(url)
        try:
            import psycopg
        except ImportError:
            raise StoreError(
                "a PostgreSQL database needs psycopg: install marsad with the postgres extra "
                "(pip install 'marsad[postgres]')"
            ) from None
        self._psycopg = psycopg
        conninfo, schema = split_url(url)
        if schema is not None and not _SCHEMA_RE.match(schema):
            raise StoreError(f"schema={schema!r} in the database URL is not a plain SQL name (letters, digits, _)")
        self.schema = schema
        try:
            self.conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.ProgrammingError as e:
            raise StoreError(
                f"cannot read the database URL {self.display_url}: {e}; write it as "
                "postgresql://user:password@host:5432/dbname"
            ) from None
        except psycopg.OperationalError as e:
            reason = " ".join(str(e).split())
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.display_url}: {reason}; check that the server is "
                "running and answering there, and the user, password and database name in the URL"
            ) from None
        if schema:
            from psycopg import sql

            self.conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            self.conn.execute(sql.SQL("SET search_path TO {}").format(sql.Identifier(schema)))
        self.check_schema(migrate)

    @property
    def display_url(self) -> str:
        return redact(self.url)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql.replace("?", "%s"), params)
        except self._psycopg.OperationalError as e:
            raise StoreError(
                f"the PostgreSQL server at {self.display_url} stopped answering: {' '.join(str(e).split())}; "
                "check the server, then run the command again (ingest resumes where it stopped)"
            ) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass

    def _has_schema_table(self) -> bool:
        row = self.conn.execute("SELECT to_regclass('marsad_schema')").fetchone()
        return row is not None and row[0] is not None

    def _migration_statements(self, version: int) -> Sequence[str]:
        return next(m.postgres for m in MIGRATIONS if m.version == version)

    def _index_articles(self, items: Sequence[tuple[int, tuple[str, str, str, str]]]) -> None:
        self.executemany(
            "INSERT INTO search_index (article_id, terms) VALUES (?, CAST(? AS TSVECTOR))",
            [(article_id, build_tsvector(terms)) for article_id, terms in items],
        )

    def _reserve_ids(self, n: int) -> list[int]:
        if n == 0:
            return []
        rows = self.execute(
            "SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, ?)", (n,)
        ).fetchall()
        return sorted(int(r[0]) for r in rows)

    def search_ids(self, query: Any, filters: SearchFilters, limit: int, offset: int = 0) -> list[tuple[int, float]]:
        from marsad.search.query import to_tsquery

        cond, params = self.filter_sql(filters, "s.article_id")
        where = " AND " + cond if cond else ""
        rows = self.execute(
            f"SELECT s.article_id, ts_rank(CAST('{RANK_WEIGHTS}' AS FLOAT4[]), s.terms, q) AS score "
            f"FROM search_index s, CAST(? AS TSQUERY) q WHERE s.terms @@ q{where} "
            "ORDER BY score DESC, s.article_id LIMIT ? OFFSET ?",
            [to_tsquery(query), *params, limit, offset],
        ).fetchall()
        return [(int(r[0]), float(r[1])) for r in rows]

    def clone(self) -> PostgresStore:
        return PostgresStore(self.url, migrate=False)

    def optimize(self) -> None:
        self.execute("ANALYZE")

    def size_bytes(self) -> int | None:
        row = self.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).fetchone()
        return int(row[0])

    def drop_schema(self) -> None:
        """Drop this store's schema and everything in it (tests and benchmarks clean up with it)."""
        if not self.schema:
            raise StoreError("drop_schema needs a store opened with schema=NAME in its URL")
        from psycopg import sql

        self.conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self.schema)))


def build_tsvector(terms: tuple[str, str, str, str]) -> str:
    """The tsvector literal of an article's index columns: each term with positions and weight.

    Stems share their word's position, so a phrase may match words, stems or a mix."""
    title_words, title_stems, body_words, body_stems = terms
    lexemes: dict[str, list[str]] = {}
    position = 0

    def add(words: str, stems: str, word_weight: str, stem_weight: str) -> None:
        nonlocal position
        for word, stem in zip(words.split(), stems.split(), strict=True):
            position += 1
            if position > MAX_POSITION:
                return
            for lex, w in ((word, word_weight), (stem, stem_weight)):
                if len(lex) > 200:
                    continue
                positions = lexemes.setdefault(lex, [])
                if len(positions) < 255:
                    positions.append(f"{position}{w}")

    if title_words:
        add(title_words, title_stems, "A", "C")
        position += 1  # no phrase spans title and body
    add(body_words, body_stems, "B", "D")
    return " ".join(f"'{lex}':{','.join(pos)}" for lex, pos in lexemes.items())
