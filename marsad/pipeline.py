"""Analysis stages with declared inputs and outputs, and the pipeline that runs them in order.

A stage is a callable ``(Document) -> None`` registered under a name with the document parts it
reads (``requires``) and writes (``provides``)::

    @stage("times", requires=("tokens", "sentences"), provides=("times",))
    def tag_times(doc: Document) -> None: ...

A class may be registered the same way; it is instantiated once, on first use, so a stage can
load its lexicons or model lazily. Building a :class:`Pipeline` checks that every stage's inputs
are provided by the document or by a stage before it, and names what is missing otherwise.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from marsad.doc import PARTS, Document
from marsad.errors import PipelineError

StageFn = Callable[[Document], None]
T = TypeVar("T")


@dataclass
class StageSpec:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    factory: Callable[[], StageFn]
    description: str = ""
    _instance: StageFn | None = field(default=None, repr=False)

    def instance(self) -> StageFn:
        if self._instance is None:
            self._instance = self.factory()
        return self._instance


_REGISTRY: dict[str, StageSpec] = {}

#: modules that register stages when imported
STAGE_MODULES = (
    "marsad.text.stage",
    "marsad.extract.entities.stage",
    "marsad.extract.time.stage",
    "marsad.extract.quotes.stage",
    "marsad.extract.events.stage",
    "marsad.extract.indicators.stage",
)

#: the analysis ``marsad analyze`` runs, in this order
DEFAULT_STAGES = ("text", "language", "entities", "times", "quotes", "events", "indicators")


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()) -> Callable[[T], T]:
    """Register a function ``(doc) -> None`` or a class whose instances are such callables."""
    req, prov = tuple(requires), tuple(provides)
    for part in req + prov:
        if part not in PARTS:
            raise PipelineError(
                f"stage '{name}' declares unknown document part '{part}'; known parts: {', '.join(PARTS)}"
            )

    def register(obj: T) -> T:
        if isinstance(obj, type):
            factory: Callable[[], StageFn] = obj
        else:
            fn: Any = obj

            def factory() -> StageFn:
                return fn  # type: ignore[no-any-return,unused-ignore]

        _REGISTRY[name] = StageSpec(name, req, prov, factory, (obj.__doc__ or "").strip().split("\n")[0])
        return obj

    return register


_loaded = False


def _load_stage_modules() -> None:
    global _loaded
    if _loaded:
        return
    for module in STAGE_MODULES:
        importlib.import_module(module)
    _loaded = True


def registered_stages() -> dict[str, StageSpec]:
    _load_stage_modules()
    return dict(_REGISTRY)


class Pipeline:
    """Stages in order; calling the pipeline fills a document."""

    def __init__(self, names: Sequence[str] | None = None, *, initial: Iterable[str] = ("text",)) -> None:
        _load_stage_modules()
        if names is None:
            names = DEFAULT_STAGES
        available = set(initial)
        specs: list[StageSpec] = []
        for name in names:
            spec = _REGISTRY.get(name)
            if spec is None:
                raise PipelineError(
                    f"no stage named '{name}'; registered stages: {', '.join(sorted(_REGISTRY))}"
                )
            missing = [p for p in spec.requires if p not in available]
            if missing:
                providers = sorted(s.name for s in _REGISTRY.values() if set(missing) & set(s.provides))
                hint = f"; add {' or '.join(repr(p) for p in providers)} before it" if providers else ""
                raise PipelineError(
                    f"stage '{name}' requires {', '.join(repr(m) for m in missing)}, which no earlier "
                    f"stage provides{hint}"
                )
            available.update(spec.provides)
            specs.append(spec)
        self.specs = specs

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.specs]

    def __call__(self, doc: Document) -> Document:
        for spec in self.specs:
            missing = [p for p in spec.requires if p not in doc.provided]
            if missing:
                raise PipelineError(
                    f"stage '{spec.name}' needs {', '.join(missing)}, which this document does not have"
                )
            t0 = time.thread_time()
            spec.instance()(doc)
            doc.timings[spec.name] = doc.timings.get(spec.name, 0.0) + time.thread_time() - t0
            doc.provided.update(spec.provides)
        return doc

    def describe(self) -> list[dict[str, Any]]:
        return [
            {"name": s.name, "requires": list(s.requires), "provides": list(s.provides), "description": s.description}
            for s in self.specs
        ]


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The pipeline of DEFAULT_STAGES, built once per process."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
