"""Where the work runs: in this process, in a pool of local processes (-j N), or on a Dask
cluster (--dask tcp://scheduler:8786). Each runner maps a function over a list of items
asynchronously and hands back the results in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from marsad.errors import ConfigError


class Pending(Protocol):
    def result(self) -> list[Any]: ...


class Runner(Protocol):
    workers: int

    def submit(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Pending: ...

    def close(self) -> None: ...


class _Lazy:
    def __init__(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> None:
        self.fn, self.items = fn, items

    def result(self) -> list[Any]:
        return [self.fn(i) for i in self.items]


class LocalRunner:
    """Everything in this process, computed when the result is asked for."""

    workers = 1

    def submit(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Pending:
        return _Lazy(fn, items)

    def close(self) -> None:
        pass


class _PoolResult:
    def __init__(self, async_result: Any) -> None:
        self.async_result = async_result

    def result(self) -> list[Any]:
        return list(self.async_result.get())


class PoolRunner:
    """A pool of ``workers`` processes on this machine."""

    def __init__(self, workers: int) -> None:
        import multiprocessing as mp

        self.workers = workers
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("fork" if "fork" in methods else methods[0])
        self.pool = ctx.Pool(workers)

    def submit(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Pending:
        chunk = max(1, len(items) // (self.workers * 4))
        return _PoolResult(self.pool.map_async(fn, items, chunksize=chunk))

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


class _DaskResult:
    def __init__(self, client: Any, futures: list[Any]) -> None:
        self.client, self.futures = client, futures

    def result(self) -> list[Any]:
        return list(self.client.gather(self.futures))


class DaskRunner:
    """Tasks on a Dask cluster: parsing and analysis run on its workers, results come back here."""

    def __init__(self, scheduler: Any, timeout: float = 20.0) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError(
                "--dask needs dask.distributed: install marsad with the dask extra (pip install 'marsad[dask]')"
            ) from None
        if isinstance(scheduler, Client):
            self.client, self._own = scheduler, False
        else:
            try:
                self.client, self._own = Client(scheduler, timeout=timeout), True
            except (OSError, TimeoutError) as e:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler} ({e}); start one with 'dask scheduler' "
                    "and workers with 'dask worker ADDRESS', or check the address"
                ) from None
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Pending:
        # one task per small group of items keeps the scheduler's overhead low
        size = max(1, len(items) // (self.workers * 2))
        groups = [list(items[i : i + size]) for i in range(0, len(items), size)]
        futures = self.client.map(_map_group, [fn] * len(groups), groups, pure=False)
        return _Flatten(_DaskResult(self.client, futures))

    def close(self) -> None:
        if self._own:
            self.client.close()


class _Flatten:
    def __init__(self, inner: Pending) -> None:
        self.inner = inner

    def result(self) -> list[Any]:
        return [x for group in self.inner.result() for x in group]


def _map_group(fn: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    return [fn(i) for i in items]


def make_runner(jobs: int = 1, dask: Any = None) -> Runner:
    if dask is not None:
        return DaskRunner(dask)
    if jobs < 1:
        raise ConfigError(f"-j must be at least 1, got {jobs}")
    return LocalRunner() if jobs == 1 else PoolRunner(jobs)
