"""The article store: one interface (:class:`Store`), two backends, versioned migrations.

    >>> from marsad.store import open_store
    >>> store = open_store("marsad.db")                      # SQLite (the default)
    >>> store = open_store("postgresql://localhost/news")    # PostgreSQL, for teams

The location comes from ``--db``, else ``$MARSAD_DB``, else ``./marsad.db``.
"""

from __future__ import annotations

import os
from pathlib import Path

from marsad.errors import StoreError
from marsad.store.base import SearchFilters, Store
from marsad.store.records import ArticleRecord, DuplicateRecord

DB_ENV = "MARSAD_DB"
DEFAULT_DB = "marsad.db"


def resolve_url(url: str | None = None) -> str:
    """The store location: the argument, else $MARSAD_DB, else ./marsad.db."""
    return url or os.environ.get(DB_ENV) or DEFAULT_DB


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | None = None, *, write: bool = False) -> Store:
    """Open the store at ``url`` (a file path or a postgresql:// URL).

    With ``write`` the SQLite file is created when missing and pending migrations are applied;
    without it a missing database or one that needs migrating raises StoreError saying what to do.
    """
    target = resolve_url(url)
    if is_postgres(target):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(target, migrate=write)
    if "://" in target:
        raise StoreError(
            f"unknown database URL {target!r}: give a SQLite file path (marsad.db) or a "
            "postgresql://user@host:5432/dbname URL"
        )
    from marsad.store.sqlite import SQLiteStore

    return SQLiteStore(Path(target), create=write, migrate=write)


__all__ = ["ArticleRecord", "DuplicateRecord", "SearchFilters", "Store", "StoreError", "open_store", "resolve_url"]
