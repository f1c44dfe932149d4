"""Scale-out: ingest with parsing and analysis on a Dask cluster (a LocalCluster with two worker
processes here), writing to the store; the result equals a local run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from store_builders import write_jsonl

from marsad.errors import ConfigError
from marsad.ingest import ingest
from marsad.store import Store, open_store

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed (marsad[dask])")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=40) as c, Client(c) as client:
        yield client


def _snapshot(store: Store) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in store.execute(
        "SELECT a.uid, a.title, a.published, a.content_hash, n.analyzer FROM articles a "
        "LEFT JOIN analyses n ON n.article_id = a.id ORDER BY a.uid").fetchall()]


def test_dask_ingest_equals_local(cluster: Any, make_store: Any, tmp_path: Path) -> None:
    slice_ = tmp_path / "slice.jsonl.gz"
    write_jsonl(slice_, 80, gz=True, duplicates=2)
    (tmp_path / "one.txt").write_text("افتتح والي المنستير معرضا للصناعات التقليدية بمشاركة مئة حرفي.", "utf-8")
    _, local = make_store()
    _, remote = make_store()
    a = ingest([slice_, tmp_path / "one.txt"], local)
    b = ingest([slice_, tmp_path / "one.txt"], remote, dask=cluster, batch_size=32)
    assert (b.new, b.duplicates, b.failed) == (a.new, a.duplicates, a.failed) == (81, 2, 0)
    assert _snapshot(local) == _snapshot(remote)
    assert ingest([slice_], remote, dask=cluster).unchanged == 82


def test_cli_dask_address(cluster: Any, tmp_path: Path) -> None:
    from marsad.cli import main

    write_jsonl(tmp_path / "s.jsonl", 12)
    db = str(tmp_path / "d.db")
    address = cluster.scheduler.address
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "s.jsonl"), "--db", db, "--dask", address,
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"new": 12' in result.output
    store = open_store(db)
    assert store.count() == 12
    store.close()


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    from marsad.ingest.runners import DaskRunner

    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        DaskRunner("tcp://127.0.0.1:1", timeout=1)
