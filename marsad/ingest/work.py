"""The work done on workers (processes or a Dask cluster): text extraction and analysis.

Functions here are top-level and take and return plain picklable values, so the same code runs
in this process, in a multiprocessing pool and on Dask workers.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from marsad.errors import InputError
from marsad.ingest.dedup import content_hash, signature
from marsad.ingest.readers import Failure, RawItem
from marsad.store.records import PreparedAnalysis


@dataclass
class Prepared:
    """An article with its text extracted, its duplicate keys computed, ready to be decided on."""

    key: str
    path: str
    record: int | None
    text: str
    content_hash: str
    signature: bytes | None
    uid: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    terms: tuple[str, str, str, str] | None = None  # search-index columns


@dataclass
class Analyzed:
    item: Prepared
    analysis: PreparedAnalysis  # serialized with its derived rows, so the writer only writes
    title: str | None
    language: str | None
    stages: str
    seconds: float
    embedding: bytes | None = None
    embedding_model: str | None = None


class _FragmentText(HTMLParser):
    """Text of an HTML fragment (a feed entry): tags dropped, scripts and styles skipped."""

    BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript") and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    parser = _FragmentText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _page(html: bytes | str) -> tuple[str | None, dict[str, Any]]:
    import trafilatura

    # the date from the page's metadata, <time>, URL or a full date in it; not the extensive
    # guess, which turns a bare year («12 مارس 2024», months it cannot read) into YYYY-01-01
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None, {}
    d = doc if isinstance(doc, dict) else doc.as_dict()
    return d.get("text"), d


def main_text(html: bytes | str) -> tuple[str | None, dict[str, Any]]:
    """The main text of an HTML page (no navigation or boilerplate) and its metadata (title,
    date, url, sitename), as 'marsad ingest' reads pages; (None, {}) when there is none."""
    return _page(html)


def prepare(raw: RawItem, max_bytes: int | None = None) -> Prepared | Failure:
    """Extract the text (HTML pages through trafilatura), check it, hash it."""
    from marsad.dates import parse_published
    from marsad.io import check_text, max_input_bytes

    try:
        title, source, url, published = raw.title, raw.source, raw.url, raw.published
        if raw.html is not None and raw.fragment:
            text = fragment_text(raw.html if isinstance(raw.html, str) else raw.html.decode("utf-8", "replace"))
        elif raw.html is not None:
            page_text, meta = _page(raw.html)
            if not page_text or not page_text.strip():
                return Failure(
                    raw.path, "no main text found in the HTML page (only scripts, navigation or boilerplate?)",
                    raw.record,
                )
            text = page_text
            title = title or meta.get("title")
            url = url or meta.get("url")
            source = source or meta.get("sitename") or (urlsplit(url).hostname if url else None)
            published = published or meta.get("date")
        else:
            text = raw.text or ""
        text = text.strip("\ufeff")
        check_text(text, "the article")
        limit = max_bytes or max_input_bytes()
        if len(text) * 4 > limit and len(text.encode("utf-8")) > limit:
            return Failure(raw.path, f"the article's text is over the {limit / 1048576:g} MB limit", raw.record)
        day = parse_published(published, strict=False)
        from marsad.search.terms import article_terms

        return Prepared(
            terms=article_terms(title, text),
            key=raw.key, path=raw.path, record=raw.record, text=text, content_hash=content_hash(text),
            signature=signature(text), uid=raw.uid, title=title, source=source, url=url,
            published=day.isoformat() if day else None,
        )
    except InputError as e:
        return Failure(raw.path, str(e).replace("the article ", "", 1), raw.record)
    except Exception as e:  # a bug or a library failure on this input: report it, go on
        return Failure(raw.path, f"could not extract the text ({type(e).__name__}: {e})", raw.record)


def analyze(item: Prepared, embed: bool = False) -> Analyzed | Failure:
    """Run the default pipeline on one prepared article."""
    import marsad
    from marsad.pipeline import default_pipeline

    t0 = time.perf_counter()
    try:
        pipeline = default_pipeline()
        analysis = marsad.analyze(
            item.text, item.published, item.title, source=item.source, url=item.url, doc_id=item.uid,
            pipeline=pipeline,
        )
        d = analysis.to_dict()
        doc = d.get("document") or {}
        result = Analyzed(item, PreparedAnalysis.of(d, item.published), doc.get("title"), doc.get("language"),
                          ",".join(pipeline.names), 0.0)
    except Exception as e:
        return Failure(item.path, f"analysis failed ({type(e).__name__}: {e})", item.record)
    if embed:
        from marsad.search.semantic import MODEL, embed_passages

        result.embedding = embed_passages([passage_text(item.title, item.text)])[0]
        result.embedding_model = MODEL
    result.seconds = time.perf_counter() - t0
    return result


def passage_text(title: str | None, text: str) -> str:
    """What an article's embedding is made of: its title and beginning."""
    return ((title + "\n") if title else "") + text[:2000]


def analyze_stored(article: dict[str, Any]) -> tuple[int, dict[str, Any], str] | Failure:
    """Analyze a stored article again (for ``marsad reanalyze``)."""
    import marsad
    from marsad.pipeline import default_pipeline

    try:
        pipeline = default_pipeline()
        analysis = marsad.analyze(
            article["text"], article["published"], article["title"], source=article["source"], url=article["url"],
            doc_id=article["uid"], pipeline=pipeline,
        )
        return article["id"], analysis.to_dict(), ",".join(pipeline.names)
    except Exception as e:
        return Failure(f"article {article['uid']}", f"analysis failed ({type(e).__name__}: {e})")
