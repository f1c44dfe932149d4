"""Fixtures for the store, ingest and search tests: one store per backend.

The PostgreSQL backend uses $MARSAD_TEST_POSTGRES (``.ci/run`` sets it), else the local server
at 127.0.0.1:5432/test, in a schema of its own per test run that is dropped afterwards; those
tests skip, saying why, when no server answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from store_support import BACKENDS, drop, drop_url, make_url

from marsad.store import Store, open_store


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_url(backend: str, tmp_path: Any) -> Iterator[str]:
    """A fresh database location on each backend; the PostgreSQL schema is dropped after."""
    url = make_url(backend, tmp_path)
    yield url
    if backend != "sqlite":
        drop_url(url)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url, write=True)
    yield s
    s.close()


@pytest.fixture
def make_store(backend: str, tmp_path: Any) -> Iterator[Callable[[], tuple[str, Store]]]:
    """Make as many fresh stores as a test needs (dropped after)."""
    made: list[Store] = []

    def make() -> tuple[str, Store]:
        url = make_url(backend, tmp_path)
        s = open_store(url, write=True)
        made.append(s)
        return url, s

    yield make
    for s in made:
        drop(s)
