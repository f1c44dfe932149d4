"""Where the store tests find their databases: a SQLite file, or a PostgreSQL schema of their own."""

from __future__ import annotations

import os
import uuid
from typing import Any

import pytest

from marsad.store import Store

PG_ENV = "MARSAD_TEST_POSTGRES"
PG_DEFAULT = "postgresql://127.0.0.1:5432/test"
_pg_state: dict[str, Any] = {}


def pg_base_url() -> str:
    """The PostgreSQL server the tests use, or pytest.skip with the reason."""
    if "url" not in _pg_state:
        url = os.environ.get(PG_ENV) or PG_DEFAULT
        reason = None
        try:
            import psycopg

            with psycopg.connect(url, connect_timeout=3) as conn:
                conn.execute("SELECT 1")
        except ImportError:
            reason = "psycopg is not installed (pip install 'marsad[postgres]')"
        except Exception as e:
            reason = f"no PostgreSQL server answers at {url} ({' '.join(str(e).split())[:200]}); set ${PG_ENV}"
        _pg_state["url"] = url
        _pg_state["reason"] = reason
    if _pg_state["reason"]:
        pytest.skip(f"PostgreSQL tests skipped: {_pg_state['reason']}")
    return str(_pg_state["url"])


def pg_url_with_schema(tag: str = "") -> str:
    base = pg_base_url()
    schema = f"marsad_test_{os.getpid()}_{tag}{uuid.uuid4().hex[:8]}"
    return base + ("&" if "?" in base else "?") + f"schema={schema}"


def drop(store: Store) -> None:
    from marsad.store.postgres import PostgresStore

    if isinstance(store, PostgresStore):
        store.drop_schema()
    store.close()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def make_url(backend: str, tmp_path: Any) -> str:
    if backend == "sqlite":
        return str(tmp_path / f"marsad-{uuid.uuid4().hex[:6]}.db")
    return pg_url_with_schema()


def drop_url(url: str) -> None:
    """Drop the schema of a PostgreSQL test URL, whatever state its tables are in."""
    import psycopg
    from psycopg import sql

    from marsad.store.postgres import split_url

    conninfo, schema = split_url(url)
    assert schema and schema.startswith("marsad_test_")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


