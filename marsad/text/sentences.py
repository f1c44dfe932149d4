"""Sentences, paragraphs and the headline, as spans of the original text.

A sentence ends at . ! ? ؟ … ؛ (a run of them counts once) or at a line break, but not:
  * inside a number (2.5) or a web address (example.com);
  * after an abbreviation: a single letter (د. م.) or an entry of ``lang/ar/abbreviations.txt``
    (ق.م، ص.ب، إلخ);
  * inside a quotation («…», “…”, "…"); the quotation may close after the mark.
A paragraph is a run of text between line breaks. The first paragraph is the article's headline
when it looks like one: short, followed by more text, and not ending like a sentence of prose.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from marsad.lang import load_list


class Span(NamedTuple):
    start: int
    end: int


_BOUNDARY_RE = re.compile(r"\n|[.!?؟…؛]+|[«»“”\"„‟]")
_OPENING = frozenset("«“„‟")
_CLOSING = frozenset("»”")
_ABBREVIATIONS = frozenset(a.rstrip(".") for a in load_list("abbreviations.txt"))
_WORD_BEFORE_RE = re.compile(r"([^\s.«»“”\"(]+(?:\.[^\s.«»“”\"(]+)*)$")
_MAX_QUOTE = 600  # a quotation left open longer than this was not one: stop protecting it
_HEADLINE_MAX_WORDS = 30


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha():
        return True
    return word in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (original offsets, white space trimmed)."""
    spans: list[Span] = []
    n = len(text)
    start = 0
    quote_open_at = -1  # offset of the open quotation mark, or -1
    for m in _BOUNDARY_RE.finditer(text):
        s, e = m.span()
        mark = text[s]
        if mark == "\n":
            quote_open_at = -1
            span = _trimmed(text, start, s)
            if span:
                spans.append(span)
            start = e
            continue
        if mark in _OPENING or (mark == '"' and quote_open_at < 0):
            quote_open_at = s
            continue
        if mark in _CLOSING or mark == '"':
            if quote_open_at >= 0:
                quote_open_at = -1
                # a quotation that itself ended a sentence: «... انتهى.» closes it here
                if s > 0 and text[s - 1] in ".!?؟…" and (e >= n or text[e].isspace()):
                    span = _trimmed(text, start, e)
                    if span:
                        spans.append(span)
                    start = e
            continue
        if quote_open_at >= 0:
            if s - quote_open_at < _MAX_QUOTE:
                continue
            quote_open_at = -1
        if mark == "." and e - s == 1:
            before = text[s - 1] if s else " "
            after = text[e] if e < n else " "
            if after.isdigit() and before.isdigit():
                continue  # 2.5
            if after.isascii() and after.isalnum():
                continue  # example.com, U.S
            if _is_abbreviation(text, s):
                continue
        span = _trimmed(text, start, e)
        if span:
            spans.append(span)
        start = e
    span = _trimmed(text, start, n)
    if span:
        spans.append(span)
    return spans


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: the non-blank lines of ``text``, trimmed."""
    spans = []
    start = 0
    for m in re.finditer(r"\n", text):
        span = _trimmed(text, start, m.start())
        if span:
            spans.append(span)
        start = m.end()
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def find_headline(text: str, paragraphs: list[Span]) -> Span | None:
    """The first paragraph when it reads as a headline, else None."""
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    line = text[first.start : first.end]
    if len(line.split()) > _HEADLINE_MAX_WORDS or len(line) > 250:
        return None
    if line.endswith((".", "،", ",", ":", "؛")) and not line.endswith(".."):
        return None
    return first
