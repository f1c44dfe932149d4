"""Ingest: files, folders, feeds and corpora into the store, deduplicated, analyzed, resumable.

    >>> from marsad.store import open_store
    >>> from marsad.ingest import ingest
    >>> summary = ingest(["news/"], open_store("marsad.db", write=True), jobs=2)
    >>> summary.new, summary.duplicates, summary.failed

See :mod:`marsad.ingest.readers` for the formats, :mod:`marsad.ingest.dedup` for duplicates and
:mod:`marsad.ingest.run` for the loop and its guarantees.
"""

from marsad.ingest.readers import Failure, RawItem
from marsad.ingest.run import Progress, ReanalyzeSummary, Summary, current_analyzer, ingest, reanalyze

__all__ = ["Failure", "Progress", "RawItem", "ReanalyzeSummary", "Summary", "current_analyzer", "ingest", "reanalyze"]
