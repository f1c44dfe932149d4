"""Helpers for the quote, event and indicator tests: documents whose entities and times the test
sets by hand, so that these stages are tested on their own."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from marsad.doc import Document, Entity, Mention, TimeExpression
from marsad.pipeline import Pipeline

TEXT_PARTS = ("text", "normalized", "tokens", "sentences", "paragraphs", "headline", "language")


def make_doc(
    text: str,
    entities: Sequence[tuple[str, str] | tuple[str, str, str]],
    times: Sequence[tuple[str, str]] = (),
    published: datetime.date | None = None,
    require: bool = True,
) -> Document:
    """A document with the text layer run, entities and times set by hand.

    ``entities``: (name as written, type[, subtype]); every occurrence of the name becomes a
    mention (a longer name listed earlier keeps its span: list «حركة النهضة» before «النهضة»).
    ``times``: (text as written, TIMEX3 value); every occurrence becomes a DATE.
    """
    doc = Document(text, published=published)
    Pipeline(["text", "language"])(doc)
    taken: list[tuple[int, int]] = []
    for n, spec in enumerate(entities, 1):
        name, typ = spec[0], spec[1]
        sub = spec[2] if len(spec) > 2 else None
        ent = Entity(f"E{n}", typ, name, subtype=sub, kb_id=f"k{n}")
        start = 0
        while (k := text.find(name, start)) >= 0:
            start = k + 1
            if any(a <= k < b for a, b in taken):
                continue
            ent.mentions.append(Mention(k, k + len(name), name, "kb"))
            taken.append((k, k + len(name)))
        if not ent.mentions:
            assert not require, f"{name!r} is not in the text"
            continue
        doc.entities.append(ent)
    for surface, value in times:
        start = 0
        while (k := text.find(surface, start)) >= 0:
            start = k + 1
            doc.times.append(TimeExpression(k, k + len(surface), surface, "DATE", value, "absolute"))
    doc.times.sort(key=lambda t: t.start)
    doc.provided |= {"entities", "times"}
    return doc


def run(doc: Document, stages: Sequence[str] = ("quotes", "events", "indicators")) -> Document:
    Pipeline(list(stages), initial=(*TEXT_PARTS, "entities", "times"))(doc)
    return doc


def analyze(
    text: str,
    entities: Sequence[tuple[str, str] | tuple[str, str, str]],
    times: Sequence[tuple[str, str]] = (),
    published: datetime.date | None = None,
    require: bool = True,
) -> Document:
    return run(make_doc(text, entities, times, published, require))


def eid(doc: Document, name: str) -> str:
    for e in doc.entities:
        if e.name == name:
            return e.id
    raise KeyError(name)


def name_of(doc: Document, entity_id: str | None) -> str | None:
    e = doc.entity(entity_id)
    return e.name if e else None
