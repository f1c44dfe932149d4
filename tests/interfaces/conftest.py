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
