"""marsad (مرصد): Arabic-first news intelligence.

    >>> import marsad
    >>> analysis = marsad.analyze("وصل وزير الخارجية إلى القاهرة أمس.", published="2025-12-18")
    >>> analysis.to_dict()["schema"]
    'marsad.analysis/1'
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from marsad.analysis import Analysis
    from marsad.pipeline import Pipeline


def analyze(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    *,
    source: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Analysis:
    """Analyze one article. ``published`` is a date or a string (ISO, DD/MM/YYYY, RFC 822)."""
    from marsad.analysis import Analysis
    from marsad.dates import parse_published
    from marsad.doc import Document
    from marsad.io import check_text
    from marsad.pipeline import default_pipeline

    check_text(text, source or "<text>")
    doc = Document(
        text=text,
        id=doc_id or "",
        title=title,
        published=parse_published(published),
        source=source,
        url=url,
    )
    (pipeline or default_pipeline())(doc)
    return Analysis(doc)


__all__ = ["__version__", "analyze"]
