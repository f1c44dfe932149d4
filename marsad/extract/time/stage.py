"""The ``times`` stage: temporal expressions with TIMEX3 values (see :mod:`marsad.extract.time`)."""

from __future__ import annotations

from marsad.doc import Document
from marsad.extract.time.tagger import TimeTagger
from marsad.pipeline import stage


@stage("times", requires=("tokens", "sentences"), provides=("times",))
class TimesStage:
    """Temporal expressions resolved to dates (absolute, Hijri, relative, narrative)."""

    def __init__(self) -> None:
        self.tagger = TimeTagger()

    def __call__(self, doc: Document) -> None:
        doc.times.extend(self.tagger.tag(doc))
        doc.times.sort(key=lambda t: (t.start, t.end))
