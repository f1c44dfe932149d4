"""The document object every analysis stage reads and fills.

One :class:`Document` carries the article exactly as given, its normalized form with the offset
map, tokens, sentences, and the parts each extraction stage adds (entities, times, events,
quotes, citations, indicators, hypotheses). Stages declare which parts they read and write (see
:mod:`marsad.pipeline`); ``doc.provided`` records which parts are filled so far.

All offsets in the extraction results index ``doc.text`` (the original), never the normalized
text. The result types below serialize to the analysis contract
(``marsad.analysis/1``; see docs/analysis-contract.md) through :meth:`to_dict`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.text.normalize import Normalized
from marsad.text.sentences import Span
from marsad.text.tokens import Tokens

#: the named parts of a document a stage may require or provide
PARTS = (
    "text",
    "normalized",
    "tokens",
    "sentences",
    "paragraphs",
    "headline",
    "language",
    "entities",
    "times",
    "events",
    "quotes",
    "citations",
    "indicators",
    "hypotheses",
)

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")


def _span(span: Span | tuple[int, int]) -> dict[str, int]:
    return {"start": span[0], "end": span[1]}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    #: how it was found: kb (knowledge base), rule, model, coref (a short form or a pronoun-like
    #: reference joined to an entity met before)
    method: str = "kb"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "method": self.method}


@dataclass(slots=True)
class Role:
    title: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    id: str  # "E1", "E2", … unique within the document
    type: str  # one of ENTITY_TYPES
    name: str
    subtype: str | None = None
    name_en: str | None = None
    kb_id: str | None = None  # None for a name discovered in this text
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-2
    cameo: str | None = None  # CAMEO actor code, e.g. PAKMIL
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "subtype": self.subtype,
            "name": self.name,
            "name_en": self.name_en,
            "kb_id": self.kb_id,
            "roles": [r.to_dict() for r in self.roles],
            "mentions": [m.to_dict() for m in self.mentions],
            "country": self.country,
            "cameo": self.cameo,
            "wikidata": self.wikidata,
        }


@dataclass(slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    type: str  # one of TIME_TYPES
    value: str  # TIMEX3 value: 2025-12-17, 2025-07, PRESENT_REF, P3D, XXXX-07-19 …
    anchor: str  # how it was resolved: absolute, publication_date, previous_date, year_context…
    hijri: str | None = None  # the Hijri date as written, when there was one (1447-09-05)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "anchor": self.anchor,
        }
        if self.hijri:
            out["hijri"] = self.hijri
        return out


@dataclass(slots=True)
class Event:
    id: str  # "V1", …
    code: str  # CAMEO event code, e.g. "042"
    label: str
    source: str | None = None  # entity ids
    target: str | None = None
    location: str | None = None
    date: str | None = None  # TIMEX3 value
    evidence: Span = field(default_factory=lambda: Span(0, 0))
    confidence: float = 0.5
    plover: str | None = None
    #: asserted (it happened), negated (it did not), planned (it is to happen), hypothetical,
    #: or denied (someone denies it happened)
    mode: str = "asserted"
    trigger: Span | None = None
    text: str = ""  # the evidence text (doc.text[evidence]), so exports need not carry the article

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "label": self.label,
            "plover": self.plover,
            "source": self.source,
            "target": self.target,
            "location": self.location,
            "date": self.date,
            "mode": self.mode,
            "evidence": _span(self.evidence),
            "trigger": _span(self.trigger) if self.trigger else None,
            "text": self.text,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    speaker: str | None = None  # entity id
    channel: str | None = None  # entity id of the outlet, statement or interview it came through
    date: str | None = None
    cue: Span | None = None  # the reporting verb or «بحسب» that introduces it

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "channel": self.channel,
            "date": self.date,
            "cue": _span(self.cue) if self.cue else None,
        }


@dataclass(slots=True)
class Citation:
    """An outlet or document the article cites («بحسب تقرير نشره موقع …»)."""

    source: str | None  # entity id of the outlet or body
    kind: str  # report | statement | interview | article | agency_dispatch | document
    evidence: Span
    date: str | None = None

    text: str = ""  # the words that cite it («بحسب تقرير نشره موقع …»)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "date": self.date,
            "evidence": _span(self.evidence),
            "text": self.text,
        }


@dataclass(slots=True)
class Indicator:
    """Something the article says should be watched; the fields make it a watch rule later."""

    text: str
    evidence: Span
    actors: list[str] = field(default_factory=list)
    event_code: str | None = None
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "evidence": _span(self.evidence),
            "actors": self.actors,
            "event_code": self.event_code,
            "location": self.location,
        }


@dataclass(slots=True)
class Hypothesis:
    text: str
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "evidence": _span(self.evidence)}


def text_id(text: str) -> str:
    """The document id when no store gives one: the sha256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Document:
    text: str
    id: str = ""
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    language_confidence: float | None = None
    normalized: Normalized | None = None
    tokens: Tokens | None = None
    sentences: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    headline: Span | None = None
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    hypotheses: list[Hypothesis] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: parts filled so far (see PARTS); the pipeline checks stages against it
    provided: set[str] = field(default_factory=lambda: {"text"})
    #: CPU seconds (of the thread that ran it) spent in each stage, filled by the pipeline
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_id(self.text)

    # -- helpers stages share -------------------------------------------------------------------
    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains original ``offset`` (the nearest one before it)."""
        from bisect import bisect_right

        starts = [s.start for s in self.sentences]
        return max(0, bisect_right(starts, offset) - 1)
