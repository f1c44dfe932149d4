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

import itertools
import re
from typing import NamedTuple

from marsad.lang import load_list


class Span(NamedTuple):
    start: int
    end: int


# one character at a time: a plain character class scans several times faster than an alternation
_BOUNDARY_RE = re.compile(r"[\n.!?؟…؛«»“”\"„‟]")
_OPENING = frozenset("«“„‟")
_QUOTES = frozenset("«»“”\"„‟")
_TERMINALS = frozenset(".!?؟…؛")
_CLOSING = frozenset("»”")
_ABBREVIATIONS = frozenset(a.rstrip(".") for a in load_list("abbreviations.txt"))
_WORD_STOPS = frozenset("«»“”\"(")
_MAX_QUOTE = 600  # a quotation left open longer than this was not one: stop protecting it
_HEADLINE_MAX_WORDS = 30


_new_span = tuple.__new__


def _trimmed(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    start += len(piece) - len(piece.lstrip())
    return _new_span(Span, (start, start + len(stripped)))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the word before the period at ``dot`` is an abbreviation (د. ، ق.م.، إلخ.)."""
    if dot >= 4 and text[dot - 4 : dot].isalpha():
        # four letters or more: an abbreviation only if listed (إلخ is three; Prof is four)
        start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
        word = text[start:dot].lstrip("«»“”\"(")
        return word in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS
    start = dot
    while start > 0 and dot - start < 20 and not text[start - 1].isspace() and text[start - 1] not in _WORD_STOPS:
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if len(word) == 1:
        return word.isalpha()
    if "." in word:  # ق.م or U.S: every piece short
        return all(len(piece) <= 2 for piece in word.split("."))
    return word in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS


def _in_acronym(text: str, dot: int) -> bool:
    """True for a dot between short letter groups: «بي.بي.سي», «سي.ان.ان», «أ.ف.ب»."""
    before = dot
    while before > 0 and text[before - 1].isalpha():
        before -= 1
    after = dot + 1
    while after < len(text) and text[after].isalpha():
        after += 1
    return 0 < dot - before <= 3 and 0 < after - dot - 1 <= 3


_CLOSER = {"«": "»", "“": "”", "„": "“”", "‟": "”", '"': '"'}


def _closes_in_paragraph(text: str, s: int, mark: str) -> bool:
    end = text.find("\n", s + 1)
    paragraph = text[s + 1 : end if end >= 0 else len(text)]
    return any(closer in paragraph for closer in _CLOSER.get(mark, mark))


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text`` (original offsets, white space trimmed)."""
    spans: list[Span] = []
    cut = [0]  # offsets where a sentence may end; trimmed into spans at the end
    n = len(text)
    quote_open_at = -1  # offset of the open quotation mark, or -1
    for m in _BOUNDARY_RE.finditer(text):
        s = m.start()
        mark = text[s]
        if mark == ".":
            if quote_open_at >= 0 and s - quote_open_at < _MAX_QUOTE:
                continue
            e = s + 1
            after = text[e] if e < n else " "
            if after == ".":
                continue  # the run of dots ends the sentence at its last dot
            if not after.isspace() and after.isascii() and after.isalnum():
                continue  # 2.5, example.com, U.S
            if after.isalpha() and _in_acronym(text, s):
                continue  # بي.بي.سي، أ.ف.ب
            if text[s - 1 : s] != "." and _is_abbreviation(text, s):
                continue
            quote_open_at = -1
            cut.append(e)
        elif mark == "\n":
            quote_open_at = -1
            cut.append(s)
        elif mark in _QUOTES:
            if mark in _OPENING or (mark == '"' and quote_open_at < 0):
                # a quotation mark that nothing closes in its paragraph protects nothing
                if _closes_in_paragraph(text, s, mark):
                    quote_open_at = s
            elif quote_open_at >= 0:
                quote_open_at = -1
                e = s + 1
                # a quotation that itself ended a sentence: «... انتهى.» closes it here
                if s and text[s - 1] in ".!?؟…" and (e >= n or text[e].isspace()):
                    cut.append(e)
        else:
            if quote_open_at >= 0 and s - quote_open_at < _MAX_QUOTE:
                continue
            if text[s + 1 : s + 2] in _TERMINALS:
                continue  # «؟!» and «!!»: the run ends at its last mark
            quote_open_at = -1
            cut.append(s + 1)
    cut.append(n)
    for a, b in itertools.pairwise(cut):
        span = _trimmed(text, a, b)
        if span:
            spans.append(span)
    return spans


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans: the non-blank lines of ``text``, trimmed."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            span = _trimmed(text, start, end)
            if span:
                spans.append(span)
        start = end + 1
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
