"""Highlighted snippets: the passage of an article where the query's words are densest.

Matching uses the same terms as the index (base, stem, or a prefix of the base), and the spans
it reports are offsets in the article's original text, so a caller can highlight them itself.
"""

from __future__ import annotations

from marsad.search.terms import term_of
from marsad.text.normalize import normalize
from marsad.text.tokens import tokenize


def match_spans(
    text: str, bases: set[str], stems: set[str], prefixes: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """Original spans of the words of ``text`` that match the query's terms."""
    tokens = tokenize(normalize(text))
    spans = []
    starts, ends = None, None
    for i, info in enumerate(tokens.infos):
        term = term_of(info)
        if term is None:
            continue
        if term.base in bases or term.stem in stems or (prefixes and term.base.startswith(prefixes)):
            if starts is None:
                starts, ends = tokens.starts, tokens.ends
            assert ends is not None
            spans.append((starts[i], ends[i]))
    return spans


def snippet(
    text: str,
    spans: list[tuple[int, int]],
    width: int = 220,
    marks: tuple[str, str] = ("[", "]"),
) -> str:
    """About ``width`` characters around the densest run of matches, matches wrapped in ``marks``."""
    if not text:
        return ""
    spans = _merge(text, spans)
    if not spans:
        cut = text[:width]
        return " ".join(cut.split()) + ("…" if len(text) > width else "")
    # the window that holds the most matches
    best_i, best_n = 0, 0
    j = 0
    for i, (s, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] - s <= width:
            j += 1
        if j - i > best_n:
            best_i, best_n = i, j - i
    first = spans[best_i][0]
    last = spans[best_i + best_n - 1][1]
    slack = max(0, width - (last - first))
    start = max(0, first - slack // 3)
    end = min(len(text), max(last, start + width))
    # do not cut words
    while start > 0 and not text[start - 1].isspace() and first - start < width:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - last < width:
        end += 1
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        out.append(text[pos:s])
        out.append(marks[0] + text[s:e] + marks[1])
        pos = e
    out.append(text[pos:end])
    if end < len(text):
        out.append("…")
    return " ".join("".join(out).split())


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join matches separated only by white space (a phrase is highlighted as one)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
