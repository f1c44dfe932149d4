"""Fixtures for the watch, explain and API tests: a fresh store per test, filled with iface_support's corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from iface_support import corpus

from marsad.store import Store, open_store


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "marsad.db")


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    s = open_store(db, write=True)
    yield s
    s.close()


@pytest.fixture
def filled(store: Store) -> Store:
    for d in corpus():
        d.store(store)
    return store


@pytest.fixture
def pg_filled() -> Iterator[Store]:
    """The corpus in a PostgreSQL schema of its own ($MARSAD_TEST_POSTGRES, else the local server),
    dropped after; the test skips, saying why, when no server answers."""
    import os
    import uuid

    base = os.environ.get("MARSAD_TEST_POSTGRES") or "postgresql://127.0.0.1:5432/test"
    try:
        import psycopg

        with psycopg.connect(base, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as e:
        pytest.skip(f"PostgreSQL tests skipped: no server answers at {base} ({' '.join(str(e).split())[:150]})")
    url = base + ("&" if "?" in base else "?") + f"schema=marsad_test_iface_{uuid.uuid4().hex[:8]}"
    s = open_store(url, write=True)
    try:
        for d in corpus():
            d.store(s)
        yield s
    finally:
        s.drop_schema()  # type: ignore[attr-defined]
        s.close()
