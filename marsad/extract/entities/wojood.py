"""The Wojood NER format, read into marsad documents, and span scoring by type.

Wojood (MIT license, see NOTICE) has one whitespace token a line, followed by its tags; nested
entities give a token several tags (``الأسد I-ORG B-PERS``); a blank line ends a sentence and
``$#$`` marks a paragraph break inside one. :func:`read_wojood` joins a sentence's tokens with
spaces, runs marsad's text layer over it (so tokens are exactly those the tagger sees at run
time) and keeps the gold spans as offsets into that text, mapped to our types
(PERS→PERSON, ORG, GPE, LOC, FAC; where they nest, the outermost span of our types wins).
NORP and OCC are kept apart as auxiliary spans.

:func:`score_spans` computes precision, recall and F1 by type over exact token ranges; both the
model's evaluation and the entity stage's comparisons use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from marsad.doc import Document
from marsad.errors import InputError
from marsad.extract.entities.model import AUX_TYPES, WOJOOD_TYPES, sentence_ranges
from marsad.lang import load_list
from marsad.text.clitics import proclitic_forms
from marsad.text.normalize import match_key
from marsad.text.stage import text_layer
from marsad.text.tokens import TypeInfo

PARAGRAPH_MARK = "$#$"


class GoldSpan(NamedTuple):
    start: int  # offsets into WojoodSentence.text
    end: int
    type: str


@dataclass
class WojoodSentence:
    words: list[str]
    text: str
    spans: list[GoldSpan]  # our five types, outermost
    aux: list[GoldSpan] = field(default_factory=list)  # NORP / OCC not overlapping ``spans``
    _doc: Document | None = field(default=None, repr=False)

    @property
    def doc(self) -> Document:
        """The sentence as a marsad document (text layer run), built on first use."""
        if self._doc is None:
            doc = Document(text=self.text)
            text_layer(doc)
            self._doc = doc
        return self._doc

    def token_range(self, start: int, end: int) -> range:
        """The token indices a character span covers (every token it overlaps)."""
        return char_span_tokens(self.doc, start, end)

    def gold_ranges(self, aux: bool = False) -> list[tuple[int, int, str]]:
        """Gold spans as token ranges ``(first, end, type)``."""
        out = []
        for s in self.spans + (self.aux if aux else []):
            r = self.token_range(s.start, s.end)
            if len(r):
                out.append((r.start, r.stop, s.type))
        return out

    def sequences(self, aux: bool = True) -> list[tuple[list[TypeInfo], list[str]]]:
        """(token infos, BIO labels) per run-time sentence: what the CRF trains on."""
        doc = self.doc
        assert doc.tokens is not None
        labels = bio_labels(len(doc.tokens), self.gold_ranges(aux))
        infos = doc.tokens.infos
        out = []
        for r in sentence_ranges(doc):
            lab = labels[r.start : r.stop]
            if lab and lab[0].startswith("I-"):
                lab[0] = "B-" + lab[0][2:]
            out.append((infos[r.start : r.stop], lab))
        return out


def char_span_tokens(doc: Document, start: int, end: int) -> range:
    """Indices of the tokens that overlap the original span ``[start, end)``."""
    tokens = doc.tokens
    assert tokens is not None
    first = tokens.index_at(start)
    last = first
    starts = tokens.starts
    n = len(tokens)
    while last < n and starts[last] < end:
        last += 1
    return range(first, last)


def bio_labels(n: int, ranges: Iterable[tuple[int, int, str]]) -> list[str]:
    """BIO labels for ``n`` tokens from non-overlapping ``(first, end, type)`` ranges."""
    labels = ["O"] * n
    for first, end, typ in ranges:
        if any(lab != "O" for lab in labels[first:end]):
            continue
        labels[first] = "B-" + typ
        for j in range(first + 1, end):
            labels[j] = "I-" + typ
    return labels


def _parse_spans(rows: Sequence[list[str]]) -> list[tuple[int, int, str]]:
    """Nested (first, end, tag) spans over the words; per tag a stack of open spans."""
    open_: dict[str, list[int]] = {}
    spans: list[tuple[int, int, str]] = []
    for j, tags in enumerate(rows):
        counts: dict[str, tuple[int, int]] = {}
        for t in tags:
            if t == "O" or len(t) < 3 or t[1] != "-":
                continue
            b, i = counts.get(t[2:], (0, 0))
            counts[t[2:]] = (b + (t[0] == "B"), i + (t[0] == "I"))
        for typ in list(open_):
            stack = open_[typ]
            keep = counts.get(typ, (0, 0))[1]
            while len(stack) > keep:
                spans.append((stack.pop(), j, typ))
            if not stack:
                del open_[typ]
        for typ, (b, i) in counts.items():
            stack = open_.setdefault(typ, [])
            # an I with nothing open starts a span (annotation slips happen)
            for _ in range(b + max(0, i - len(stack))):
                stack.append(j)
    for typ, stack in open_.items():
        for s in stack:
            spans.append((s, len(rows), typ))
    return spans


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans not inside another one of the list (longest first on ties)."""
    chosen: list[tuple[int, int, str]] = []
    for s in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(c[0] <= s[0] and s[1] <= c[1] for c in chosen):
            continue
        if any(c[0] < s[1] and s[0] < c[1] for c in chosen):
            continue  # crossing spans: the first one stays
        chosen.append(s)
    return chosen


def make_sentence(rows: Sequence[tuple[str, list[str]]]) -> WojoodSentence | None:
    """One sentence from (word, tags) rows; paragraph marks are dropped."""
    rows = [r for r in rows if r[0] != PARAGRAPH_MARK]
    if not rows:
        return None
    words = [w for w, _ in rows]
    offsets = []
    pos = 0
    for w in words:
        offsets.append(pos)
        pos += len(w) + 1
    text = " ".join(words)
    nested = _parse_spans([t for _, t in rows])
    ours = _outermost([(a, b, WOJOOD_TYPES[t]) for a, b, t in nested if t in WOJOOD_TYPES])
    aux_all = _outermost([(a, b, AUX_TYPES[t]) for a, b, t in nested if t in AUX_TYPES])
    aux = [s for s in aux_all if not any(o[0] < s[1] and s[0] < o[1] for o in ours)]

    def char(a: int, b: int, t: str) -> GoldSpan:
        return GoldSpan(offsets[a], offsets[b - 1] + len(words[b - 1]), t)

    return WojoodSentence(words, text, [char(*s) for s in ours], [char(*s) for s in aux])


def _variants(text: str) -> list[str]:
    """Matching keys of a span's text, its first word with and without each proclitic reading."""
    words = match_key(text).split()
    if not words:
        return []
    rest = words[1:]
    return [" ".join([stem, *rest]) for _, stem in proclitic_forms(words[0])]


def harmonize(sentences: list[WojoodSentence]) -> int:
    """Bring Wojood's spans to marsad's conventions; returns how many spans changed.

    * A generic word before a place's name is not part of it: «مدينة نابلس» → «نابلس»,
      «قضاء مدينة جنين» → «جنين» (words in ``ner_place_generic.txt``, without the article).
    * A state or city named as an actor is still a GPE: Wojood's ORG «روسيا» in «حرصت روسيا»
      becomes GPE when the same name is a GPE elsewhere in the file or in ``ner_places.txt``.
    """
    generic = frozenset(match_key(w) for w in load_list("ner_place_generic.txt"))
    changed = 0
    for s in sentences:
        new: list[GoldSpan] = []
        for span in s.spans:
            start, end = span.start, span.end
            if span.type in ("GPE", "LOC"):
                while True:
                    m = re.match(r"\S+\s+", s.text[start:end])
                    if m is None:
                        break
                    first = match_key(m.group().strip())
                    if not any(stem in generic for _, stem in proclitic_forms(first)):
                        break
                    start += m.end()
            if start != span.start:
                changed += 1
            new.append(GoldSpan(start, end, span.type))
        s.spans = new
    places = {match_key(w) for w in load_list("ner_places.txt")}
    places.update(v for s in sentences for g in s.spans if g.type == "GPE" for v in _variants(s.text[g.start : g.end]))
    for s in sentences:
        for i, g in enumerate(s.spans):
            if g.type == "ORG" and any(v in places for v in _variants(s.text[g.start : g.end])):
                s.spans[i] = GoldSpan(g.start, g.end, "GPE")
                changed += 1
    return changed


def read_wojood(path: str | Path, *, conventions: bool = True) -> list[WojoodSentence]:
    """The sentences of a Wojood file (``train.txt``, ``val.txt``, ``test.txt``).

    With ``conventions`` (the default) the spans follow marsad's annotation conventions (see
    :func:`harmonize`); without, they are Wojood's own."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"Wojood file {p} does not exist; give the path of train.txt, val.txt or test.txt")
    sentences: list[WojoodSentence] = []
    rows: list[tuple[str, list[str]]] = []
    for line in p.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            s = make_sentence(rows)
            if s is not None:
                sentences.append(s)
            rows = []
            continue
        rows.append((parts[0], parts[1:]))
    s = make_sentence(rows)
    if s is not None:
        sentences.append(s)
    if conventions:
        harmonize(sentences)
    return sentences


class Scores(NamedTuple):
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_spans(
    gold: Iterable[Iterable[tuple[int, int, str]]], pred: Iterable[Iterable[tuple[int, int, str]]]
) -> dict[str, Scores]:
    """Exact-match scores by type (and ``ALL``) over parallel lists of per-sentence spans."""
    counts: dict[str, list[int]] = {}
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g, p = set(g_spans), set(p_spans)
        for s in g | p:
            c = counts.setdefault(s[2], [0, 0, 0])
            if s in g and s in p:
                c[0] += 1
            elif s in p:
                c[1] += 1
            else:
                c[2] += 1
    out = {t: Scores(*c) for t, c in sorted(counts.items())}
    out["ALL"] = Scores(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out


def format_scores(scores: dict[str, Scores], types: Sequence[str] | None = None) -> str:
    """A Markdown table of scores by type."""
    lines = ["| type | P | R | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    for t in [*list(types or [t for t in scores if t != "ALL"]), "ALL"]:
        s = scores.get(t, Scores(0, 0, 0))
        lines.append(
            f"| {t} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp + s.fn} | {s.tp + s.fp} |"
        )
    return "\n".join(lines)
