"""The ``quotes`` stage: quotes (direct and indirect) with speaker, channel and date; citations."""

from __future__ import annotations

from marsad.doc import Document
from marsad.extract.quotes.extract import QuoteExtractor
from marsad.pipeline import stage


@stage("quotes", requires=("tokens", "sentences", "entities", "times"), provides=("quotes", "citations"))
class QuotesStage:
    """Quotes and attributions: who said it, through which outlet, and when; cited sources."""

    def __init__(self) -> None:
        self.extractor = QuoteExtractor()

    def __call__(self, doc: Document) -> None:
        self.extractor(doc)
