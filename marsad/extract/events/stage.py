"""The ``events`` stage: CAMEO-coded events with actors, place, date, mode and evidence."""

from __future__ import annotations

from marsad.doc import Document
from marsad.extract.events.extract import EventExtractor
from marsad.pipeline import stage


@stage("events", requires=("tokens", "sentences", "entities", "times", "quotes"), provides=("events",))
class EventsStage:
    """Events: who did what to whom, where and when (CAMEO codes, PLOVER categories, mode)."""

    def __init__(self) -> None:
        self.extractor = EventExtractor()

    def __call__(self, doc: Document) -> None:
        self.extractor(doc)
