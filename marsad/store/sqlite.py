"""The embedded SQLite store (the default): one file, WAL mode, one writer, readers never blocked.

Search uses an FTS5 table over the term columns of :mod:`marsad.search.terms` (SQLite's own
tokenizers do not fold Arabic: diacritics, alef forms, taa marbuta and clitics are folded by
marsad before the terms reach FTS5).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.store.base import SearchFilters, Store
from marsad.store.migrations import MIGRATIONS


class SQLiteStore(Store):
    backend = "sqlite"

    def __init__(self, path: str | Path, *, create: bool = True, migrate: bool = True) -> None:
        super().__init__(str(path))
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(
                f"no database at {self.path}: ingest articles first ('marsad ingest PATH… --db {self.path}'), "
                "or give the right one with --db or $MARSAD_DB"
            )
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; give a database file such as {self.path / 'marsad.db'}")
        if create and not self.path.parent.exists():
            raise StoreError(f"cannot create the database {self.path}: the folder {self.path.parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA cache_size=-65536")
            self.conn.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"cannot open {self.path} as a SQLite database ({e}); is it a marsad database? "
                "Give another file with --db"
            ) from None
        try:
            self.check_schema(migrate)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"cannot read {self.path} as a SQLite database ({e}); give another file with --db") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise StoreError(
                    f"the database {self.path} is locked by another writer ({e}); wait for the other "
                    "'marsad ingest' or 'reanalyze' to finish"
                ) from None
            raise

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    def _has_schema_table(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='marsad_schema'").fetchone()
        return row is not None

    def _migration_statements(self, version: int) -> Sequence[str]:
        return next(m.sqlite for m in MIGRATIONS if m.version == version)

    def _index_articles(self, items: Sequence[tuple[int, tuple[str, str, str, str]]]) -> None:
        self.executemany(
            "INSERT INTO search_index (rowid, title_words, title_stems, body_words, body_stems) VALUES (?, ?, ?, ?, ?)",
            [(article_id, *terms) for article_id, terms in items],
        )

    def search_ids(self, query: Any, filters: SearchFilters, limit: int, offset: int = 0) -> list[tuple[int, float]]:
        from marsad.search.query import to_fts5

        # "+rowid": the filters are checked on the matches; without the "+", SQLite runs the whole
        # MATCH once for every article the filters allow
        cond, params = self.filter_sql(filters, "+rowid")
        where = " AND " + cond if cond else ""
        rows = self.execute(
            f"SELECT rowid, rank FROM search_index WHERE search_index MATCH ?{where} ORDER BY rank LIMIT ? OFFSET ?",
            [to_fts5(query), *params, limit, offset],
        ).fetchall()
        # bm25 is negative, lower is better: report a positive score, higher is better
        return [(int(r[0]), -float(r[1])) for r in rows]

    def clone(self) -> SQLiteStore:
        return SQLiteStore(self.path, create=False, migrate=False)

    def optimize(self) -> None:
        self.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        self.execute("ANALYZE")  # statistics, so filters pick the (published, source) index
        self.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def size_bytes(self) -> int | None:
        total = 0
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                total += os.path.getsize(p)
        return total
