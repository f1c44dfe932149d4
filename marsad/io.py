"""Reading article text from files and streams, with clear errors for what is not an article."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.errors import (
    BinaryInputError,
    ConfigError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    NoArticlesError,
    PathNotFoundError,
)

#: one article larger than this is refused (a news article is rarely over 100 KB)
DEFAULT_MAX_MB = 10.0
MAX_ENV = "MARSAD_MAX_INPUT_MB"
#: files a folder is searched for when analyzing plain text
TEXT_SUFFIXES = (".txt", ".text", ".md")


def max_input_bytes(override_mb: float | None = None) -> int:
    """The size limit for one article: the option, else $MARSAD_MAX_INPUT_MB, else 10 MB."""
    if override_mb is not None:
        mb = override_mb
    else:
        raw = os.environ.get(MAX_ENV)
        if raw:
            try:
                mb = float(raw)
            except ValueError:
                raise ConfigError(f"{MAX_ENV}={raw!r} is not a number of megabytes; set it like {MAX_ENV}=25") from None
        else:
            mb = DEFAULT_MAX_MB
    if mb <= 0:
        raise ConfigError(f"the input size limit must be positive, got {mb} MB")
    return int(mb * 1024 * 1024)


def _too_large(name: str, size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError(
        f"{name} is {size / 1048576:.1f} MB, over the {limit / 1048576:g} MB limit for one article; "
        f"raise it with --max-size MB or {MAX_ENV}=MB, or split the file into articles"
    )


#: what 'marsad analyze' adds to a refusal; 'marsad ingest' drops it (it is already that command)
INGEST_HINT = " (for HTML, JSON lines or feeds use 'marsad ingest')"


def decode_article(data: bytes, name: str) -> str:
    """Decode UTF-8 bytes of one article, refusing binary data with a message that says why."""
    head = data[:8192]
    nul = head.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"{name} is not a text file (NUL byte at offset {nul}); marsad reads UTF-8 text" + INGEST_HINT
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        raise EncodingError(
            f"{name} is not valid UTF-8: byte 0x{bad} at offset {e.start} ({e.reason}); if it is "
            f"Windows Arabic, convert it: iconv -f CP1256 -t UTF-8 {name} > converted.txt",
            byte_offset=e.start,
        ) from None
    check_text(text, name)
    return text


def check_text(text: str, name: str) -> None:
    if not text.strip():
        raise EmptyInputError(f"{name} is empty: there is no text to analyze")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 16 and controls > len(text[:4096]) // 20:
        raise BinaryInputError(
            f"{name} does not look like text ({controls} control characters in its first 4 KB)"
        )


def read_article(path: str | Path, max_mb: float | None = None) -> str:
    """The text of one article file, or '-' for standard input."""
    limit = max_input_bytes(max_mb)
    if str(path) == "-":
        import sys

        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large("standard input", len(data), limit)
        return decode_article(data, "standard input")
    p = Path(path)
    if not p.exists():
        raise PathNotFoundError(f"{p}: no such file or folder")
    if p.is_dir():
        raise NoArticlesError(f"{p} is a folder; give the files in it, or the folder to 'marsad analyze'")
    size = p.stat().st_size
    if size > limit:
        raise _too_large(str(p), size, limit)
    try:
        data = p.read_bytes()
    except PermissionError:
        raise PathNotFoundError(f"{p}: permission denied; check the file's permissions") from None
    return decode_article(data, str(p))


def expand_paths(paths: Iterable[str | Path], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[Path]:
    """Files named directly, and in folders every file with one of ``suffixes`` (recursively, sorted)."""
    for raw in paths:
        if str(raw) == "-":
            yield Path("-")
            continue
        p = Path(raw)
        if not p.exists():
            raise PathNotFoundError(f"{p}: no such file or folder")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            if not found:
                raise NoArticlesError(
                    f"folder {p} holds no article files (looked for {', '.join('*' + s for s in suffixes)})"
                )
            yield from found
        else:
            yield p
