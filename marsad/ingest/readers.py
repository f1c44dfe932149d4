"""Readers: every input file becomes raw items (one per article) or failures with a reason.

Formats, by suffix (a ``.gz`` suffix is looked through), or by content for other names:

* plain text (``.txt .text .md``): one article a file
* HTML pages (``.html .htm .xhtml``): one article a file; the main text is extracted later by
  trafilatura (scripts, navigation and boilerplate are left out)
* JSON lines (``.jsonl .ndjson``, optionally gzipped like the shared corpus): one article a line,
  fields ``id source url published|date title text|body|content``
* RSS/Atom feeds (``.rss .atom``, or ``.xml`` with a feed root): one article an entry (feedparser)
* TREC-style ``<DOC>`` files (``.trec .sgml .sgm``, or ``.xml`` with ``<DOC>``): one article a DOC
* folders: every such file inside, recursively, in sorted order (hidden files are skipped)

A reader never raises for a bad input: it yields a :class:`Failure` with the reason, so one bad
file never stops a run. Items carry a stable ``key`` (the record's own id, or the file and the
record's number) that makes ingest idempotent and resumable.
"""

from __future__ import annotations

import gzip
import html as htmllib
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import InputError
from marsad.io import INGEST_HINT, max_input_bytes, read_article

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom")
TREC_SUFFIXES = (".trec", ".sgml", ".sgm")
XML_SUFFIXES = (".xml",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + TREC_SUFFIXES + XML_SUFFIXES
#: a feed or TREC file is read whole: it may hold many articles, up to this many times the
#: size limit of one article
CONTAINER_FACTOR = 10


@dataclass
class RawItem:
    """One article as read, before text extraction and analysis."""

    key: str
    path: str
    record: int | None = None  # line, entry or DOC number in a file that holds several
    text: str | None = None
    html: bytes | str | None = None  # an HTML page (whole) or fragment (feed entry)
    fragment: bool = False  # html is a fragment: strip tags, do not look for a main text
    uid: str | None = None  # the record's own id
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass
class Failure:
    """An input (a file, or one record in it) that could not be stored, and why."""

    path: str
    reason: str
    record: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "record": self.record, "reason": self.reason}

    def __str__(self) -> str:
        where = self.path + (f" (record {self.record})" if self.record is not None else "")
        return f"{where}: {self.reason}"


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    for kind, suffixes in (
        ("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("feed", FEED_SUFFIXES),
        ("trec", TREC_SUFFIXES), ("xml", XML_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None


def expand(paths: list[str | Path]) -> Iterator[Path | Failure]:
    """The files to read: files named directly, and the known files inside folders."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = False
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if (f.is_file() or f.is_symlink()) and _kind(f) is not None:
                    found = True
                    yield f
            if not found:
                yield Failure(str(p), "the folder holds no article files (" + " ".join(KNOWN_SUFFIXES) + ", or .gz)")
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield Failure(str(p), "no such file or folder")


def read(path: Path, max_bytes: int | None = None) -> Iterator[RawItem | Failure]:
    """The items of one file (never raises for a bad file: yields a Failure)."""
    limit = max_bytes or max_input_bytes()
    name = str(path)
    try:
        kind = _kind(path) or _sniff(path)
        if kind == "text":
            yield from _read_text(path, limit)
        elif kind == "html":
            yield from _read_html(path, limit)
        elif kind == "jsonl":
            yield from _read_jsonl(path, limit)
        else:
            data = _read_container(path, limit * CONTAINER_FACTOR)
            if kind == "xml":
                kind = _sniff_xml(data[:4096])
            if kind == "trec":
                yield from _read_trec(path, data, limit)
            elif kind == "html":
                yield RawItem(key=_file_key(path), path=name, html=data)
            else:
                yield from _read_feed(path, data, limit)
    except _Fail as e:
        yield Failure(name, str(e))
    except InputError as e:
        yield Failure(name, _strip_name(str(e), name).replace(INGEST_HINT, ""))
    except OSError as e:
        yield Failure(name, f"cannot read the file: {e.strerror or e}")


class _Fail(Exception):
    pass


def _strip_name(message: str, name: str) -> str:
    return message[len(name) :].lstrip(" :") if message.startswith(name) else message


def _file_key(path: Path, record: int | None = None) -> str:
    key = "file:" + str(path.resolve())
    return key if record is None else f"{key}#{record}"


def _open_bytes(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _read_container(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise _Fail(
            f"{size / 1048576:.1f} MB is over the {limit / 1048576:g} MB limit for a feed or TREC file; "
            "split it, or raise the limit with --max-size"
        )
    data = _open_bytes(path)
    if path.name.lower().endswith(".gz"):
        data = _gunzip(data, limit)
    return data


def _gunzip(data: bytes, limit: int) -> bytes:
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit + 1)
        if len(out) > limit:
            raise _Fail(f"over the {limit / 1048576:g} MB limit once decompressed")
        if not d.eof:
            raise _Fail("truncated gzip: the compressed data ends before the end of the file")
        return out
    except zlib.error as e:
        raise _Fail(f"not a readable gzip file ({e})") from None


def _sniff(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(4096)
    if path.name.lower().endswith(".gz") or head[:2] == b"\x1f\x8b":
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096) if head[:2] == b"\x1f\x8b" else head
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "xml"
    return "text"


def _sniff_xml(head: bytes) -> str:
    low = head.lower()
    if b"<doc>" in low or b"<doc " in low:
        return "trec"
    if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
        return "feed"
    if b"<html" in low or b"<!doctype html" in low:
        return "html"
    return "feed"


def _read_text(path: Path, limit: int) -> Iterator[RawItem]:
    text = read_article(path, limit / 1048576)
    yield RawItem(key=_file_key(path), path=str(path), text=text)


def _read_html(path: Path, limit: int) -> Iterator[RawItem]:
    size = path.stat().st_size
    if size > limit:
        raise _Fail(
            f"{size / 1048576:.1f} MB is over the {limit / 1048576:g} MB limit for one article; "
            "raise it with --max-size MB"
        )
    data = _open_bytes(path)
    if path.name.lower().endswith(".gz"):
        data = _gunzip(data, limit)
    if not data.strip():
        raise _Fail("the file is empty")
    yield RawItem(key=_file_key(path), path=str(path), html=data)


_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "pubDate", "published_at")


def _read_jsonl(path: Path, limit: int) -> Iterator[RawItem | Failure]:
    name = str(path)
    n = 0
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            for n, line in enumerate(f, 1):
                if len(line) > limit:
                    yield Failure(name, f"the line is {len(line) / 1048576:.1f} MB, over the limit for one article", n)
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as e:
                    yield Failure(name, f"not a valid JSON line ({e})", n)
                    continue
                if not isinstance(record, dict):
                    yield Failure(name, "the line is not a JSON object", n)
                    continue
                text = next((record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str) and record[k].strip()), None)
                if text is None:
                    yield Failure(name, "the record has no text (fields text, body or content)", n)
                    continue
                uid = record.get("id")
                uid = str(uid) if uid not in (None, "") else None
                published = next((record[k] for k in _DATE_FIELDS if record.get(k)), None)
                yield RawItem(
                    key=f"id:{uid}" if uid else _file_key(path, n),
                    path=name,
                    record=n,
                    text=text,
                    uid=uid,
                    title=_str(record.get("title")),
                    source=_str(record.get("source")),
                    url=_str(record.get("url") or record.get("link")),
                    published=_str(published),
                )
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield Failure(name, f"truncated or corrupt gzip after {n} lines ({e}); the lines before were read")


def _str(value: object) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _Fail(f"not valid UTF-8 (byte 0x{data[e.start:e.start + 1].hex()} at offset {e.start})") from None


_DOC_RE = re.compile(r"<DOC\b[^>]*>(.*?)(?:</DOC\s*>|(?=<DOC\b)|\Z)", re.S | re.I)
_TAG_RE = re.compile(r"<[^>]+>")


def _field(body: str, *tags: str) -> str | None:
    for tag in tags:
        m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}\s*>", body, re.S | re.I)
        if m:
            value = htmllib.unescape(_TAG_RE.sub(" ", m.group(1))).strip()
            if value:
                return value
    return None


def _read_trec(path: Path, data: bytes, limit: int) -> Iterator[RawItem | Failure]:
    name = str(path)
    text = _decode(data, name)
    matches = list(_DOC_RE.finditer(text))
    if not matches:
        raise _Fail("no <DOC> element found (not a TREC-style file)")
    for n, m in enumerate(matches, 1):
        body = m.group(1)
        if not re.search(r"</DOC\s*>", text[m.start() : m.end() + 8], re.I):
            yield Failure(name, "the <DOC> element is not closed (a truncated file?)", n)
            continue
        raw = re.search(r"<(TEXT|BODY)\b[^>]*>(.*?)</\1\s*>", body, re.S | re.I)
        if raw is None:
            yield Failure(name, "the <DOC> has no <TEXT> element", n)
            continue
        paragraphs = re.split(r"</?P\b[^>]*>", raw.group(2), flags=re.I)
        content = "\n".join(
            " ".join(htmllib.unescape(_TAG_RE.sub(" ", p)).split()) for p in paragraphs if p.strip()
        ).strip()
        if len(content.encode("utf-8")) > limit:
            yield Failure(name, "the article is over the size limit for one article", n)
            continue
        docno = _field(body, "DOCNO", "DOCID")
        yield RawItem(
            key=f"trec:{docno}" if docno else _file_key(path, n),
            path=name,
            record=n,
            text=content,
            uid=docno,
            title=_field(body, "HEADLINE", "TITLE", "HEADER", "HL"),
            source=_field(body, "SOURCE", "PUBLISHER"),
            url=_field(body, "URL", "LINK"),
            published=_field(body, "DATE_TIME", "DATE", "PUBDATE", "DATELINE"),
        )


def _read_feed(path: Path, data: bytes, limit: int) -> Iterator[RawItem | Failure]:
    import feedparser

    name = str(path)
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        raise _Fail(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
    if not entries:
        raise _Fail("the feed has no entries")
    feed_title = _str((parsed.get("feed") or {}).get("title"))
    recovered = 0
    for n, entry in enumerate(entries, 1):
        content = None
        if entry.get("content"):
            content = entry["content"][0].get("value")
        content = content or entry.get("summary") or entry.get("description")
        if not content or not str(content).strip():
            yield Failure(name, "the entry has no content or summary", n)
            continue
        if len(str(content).encode("utf-8")) > limit:
            yield Failure(name, "the entry is over the size limit for one article", n)
            continue
        entry_id = _str(entry.get("id") or entry.get("guid") or entry.get("link"))
        recovered += 1
        yield RawItem(
            key=f"feed:{entry_id}" if entry_id else _file_key(path, n),
            path=name,
            record=n,
            html=str(content),
            fragment=True,
            title=_str(entry.get("title")),
            source=feed_title,
            url=_str(entry.get("link")),
            published=_str(entry.get("published") or entry.get("updated") or entry.get("pubdate")),
        )
    if parsed.get("bozo"):
        yield Failure(
            name,
            f"the feed's XML is malformed ({parsed.get('bozo_exception')}); {recovered} of its entries "
            "were recovered and stored",
        )
