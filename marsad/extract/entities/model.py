"""The statistical name recognizer: a CRF over marsad's own tokens, trained by this project.

It finds person, organization and place names (PERSON, ORG, GPE, LOC, FAC) that neither the
knowledge base nor the rules know. The model (``data/ner.crfsuite``, about 3 MB) is trained by
``tools/build_ner_model.py`` on the MIT-licensed Wojood sample (see NOTICE) and on silver
sentences of the news corpus labelled by the knowledge base and the rules; it ships in the
package and nothing is downloaded. Scores and speed: docs/quality.md and docs/benchmarks.md
(## Entities: statistical model).

Features are hand-made and depend, for each token, only on its string and its neighbours':
the matching key, the clitic-stripped stems, prefixes and suffixes, the shape, the class, and
flags from lexicons under ``marsad/lang/ar/ner_*.txt`` (given names, titles, organization and
place head nouns, places, reporting verbs, name particles). A token's own features and the
views its neighbours take of it are computed once per distinct key and cached, so tagging a
sentence is a few list concatenations per token and one Viterbi pass in C.

Usage::

    tagger = load_model()                  # NameTagger.default(): loaded once per process
    for p in tagger.tag(doc):              # NamePrediction(first, end, type, score): token indices
        ...
    for s in tagger.spans(doc):            # NameSpan: original offsets, leading proclitic removed
        doc.text[s.start:s.end]

:func:`prediction_span` turns one prediction into original offsets; a leading proclitic
(«وبنغازي» → «بنغازي», «لوزارة» → «وزارة») is left out when the name does not include it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import pycrfsuite

from marsad.doc import Document
from marsad.errors import PipelineError
from marsad.lang import load_list
from marsad.text.normalize import match_key
from marsad.text.tokens import ARABIC, LATIN, NUMBER, PUNCT, QUOTE_MARKS, TypeInfo

#: our entity types, and what the Wojood labels map to (the others are not entities for us)
TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")
WOJOOD_TYPES = {"PERS": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}
#: Wojood labels the model may learn as auxiliary classes (never returned as entities)
AUX_TYPES = {"NORP": "NORP", "OCC": "OCC"}

MODEL_FILE = "ner.crfsuite"
NAME_STARTS_FILE = "ner_name_starts.tsv"

#: lexicon flags: feature name → data file under marsad/lang/ar
LEXICONS = {
    "FN": "ner_first_names.txt",
    "TT": "ner_titles.txt",
    "OH": "ner_org_heads.txt",
    "PH": "ner_place_heads.txt",
    "PL": "ner_places.txt",
    "RV": "ner_report_verbs.txt",
    "NP": "ner_name_particles.txt",
}
#: gazetteer-like flags that training may mask (so the model does not only imitate the lists)
GAZETTEER_FLAGS = frozenset({"FN", "PL"})

_CONJ = frozenset("وف")
_ARTICLE = "ال"


class NamePrediction(NamedTuple):
    """A name over ``doc.tokens``: tokens ``first`` to ``end - 1``, its type and a 0..1 score."""

    first: int
    end: int
    type: str
    score: float


class NameSpan(NamedTuple):
    """A predicted name as a span of the original text (``doc.text[start:end] == text``)."""

    start: int
    end: int
    text: str
    type: str
    score: float
    first: int  # token indices of the prediction it came from
    last: int


@cache
def _lexicon(name: str) -> frozenset[str]:
    """Matching keys of a lexicon's entries."""
    return frozenset(match_key(e) for e in load_list(name))


def _length_bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4"
    if n <= 8:
        return "6"
    return "9"


def _latin_shape(form: str) -> str:
    if form.isupper():
        return "XX" if len(form) > 1 else "X"
    if form[:1].isupper():
        return "Xx"
    return "x"


class FeatureExtractor:
    """Token features for the CRF; the same code at training and at run time.

    ``masked`` names lexicon flags to leave out (training with gazetteer flags masked teaches
    the model to recognize names from their context and shape, not from the lists).
    """

    #: how many distinct keys to remember before starting over (memory stays flat)
    cache_limit = 300_000

    def __init__(self, masked: Iterable[str] = ()) -> None:
        self.masked = frozenset(masked)
        self.lexicons = {flag: _lexicon(name) for flag, name in LEXICONS.items() if flag not in self.masked}
        self._cache: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {}

    # -- per-type features ------------------------------------------------------------------
    def flags(self, info: TypeInfo) -> list[str]:
        """Lexicon flags of a token: ``FN`` when the word is listed, ``FN~`` when a stem is."""
        out: list[str] = []
        if info.kind != ARABIC and info.kind != LATIN:
            return out
        key = info.key
        stems = [s for k, s in info.readings if k]
        for flag, entries in self.lexicons.items():
            if key in entries:
                out.append(flag)
            elif any(s in entries for s in stems):
                out.append(flag + "~")
        return out

    def _bundle(self, info: TypeInfo) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
        key, kind, form = info.key, info.kind, info.form
        if kind == NUMBER:
            digits = sum(c.isdigit() for c in key)
            word = "#" + str(min(digits, 5))
            if digits == 4 and key[:2] in ("19", "20"):
                word = "#year"
            own = ["w=" + word, "k=num"]
            ctx = ["w=" + word]
        elif kind == PUNCT:
            own = ["w=" + key, "k=p"]
            ctx = ["w=" + key]
        elif kind == ARABIC:
            readings = info.readings
            base = readings[-1][1] if readings else key
            n = len(key)
            own = [
                "w=" + key,
                "k=ar",
                "b=" + base,
                "p2=" + key[:2],
                "p3=" + key[:3],
                "s1=" + key[-1:],
                "s2=" + key[-2:],
                "s3=" + key[-3:],
                "bs2=" + base[-2:],
                "bp2=" + base[:2],
                "len=" + _length_bucket(n),
                "blen=" + _length_bucket(len(base)),
            ]
            ctx = ["w=" + key, "b=" + base]
            for _k, stem in readings[1:]:
                if stem != base:
                    own.append("r=" + stem)
            article = key.startswith(_ARTICLE) or any(
                s.startswith(_ARTICLE) for k, s in readings if k
            )
            if article:
                own.append("al")
                ctx.append("al")
                if len(base) >= 4 and (base.endswith("ي") or base.endswith("يه")):
                    own.append("nisba")
                    ctx.append("nisba")
            if key[:1] in _CONJ and len(readings) > 1:
                own.append("conj")
            flags = self.flags(info)
            own.extend(flags)
            ctx.extend(flags)
        elif kind == LATIN:
            shape = _latin_shape(form)
            own = ["w=" + key, "k=lat", "sh=" + shape, "s3=" + key[-3:]]
            ctx = ["w=" + key, "k=lat", "sh=" + shape]
            flags = self.flags(info)
            own.extend(flags)
            ctx.extend(flags)
        else:
            own = ["w=" + key, "k=" + kind]
            ctx = ["k=" + kind]
        near = [f for f in ctx]
        far = [f for f in ctx if not f.startswith("b=")]
        bundle = (
            own,
            ["-1" + f for f in near],
            ["+1" + f for f in near],
            ["-2" + f for f in far],
            ["+2" + f for f in far],
        )
        return bundle

    def _bundles(self, infos: Sequence[TypeInfo]) -> list[tuple[list[str], list[str], list[str], list[str], list[str]]]:
        cache = self._cache
        out = []
        for info in infos:
            b = cache.get(info.key)
            if b is None:
                if len(cache) >= self.cache_limit:
                    cache.clear()
                b = cache[info.key] = self._bundle(info)
            out.append(b)
        return out

    def sequence(self, infos: Sequence[TypeInfo]) -> list[list[str]]:
        """The feature lists of one sequence of tokens (a sentence): each token's own features,
        and its neighbours' views of themselves (-1/+1 and -2/+2), or the sentence edges."""
        b = self._bundles(infos)
        n = len(b)
        if n <= 1:
            return [[*b[0][0], "-1BOS", "+1EOS"]] if n else []
        out = [[*b[0][0], "-1BOS", *b[1][2], *(b[2][4] if n > 2 else ())]]
        for j in range(1, n - 1):
            out.append(
                [*b[j][0], *b[j - 1][1], *b[j + 1][2], *(b[j - 2][3] if j >= 2 else ()), *(b[j + 2][4] if j + 2 < n else ())]
            )
        out.append([*b[n - 1][0], *b[n - 2][1], "+1EOS", *(b[n - 3][3] if n > 2 else ())])
        return out


def sentence_ranges(doc: Document) -> list[range]:
    """Token index ranges of the document's sentences (the sequences the model tags).

    Tokens outside every sentence span (there should be none) form sequences of their own, so
    every token is tagged once."""
    tokens = doc.tokens
    if tokens is None:
        raise PipelineError("the name tagger needs doc.tokens: run the 'text' stage first")
    n = len(tokens)
    if n == 0:
        return []
    if not doc.sentences:
        return [range(0, n)]
    out: list[range] = []
    pos = 0
    for s in doc.sentences:
        r = tokens.between(s.start, s.end)
        lo, hi = max(r.start, pos), r.stop
        if lo > pos:
            out.append(range(pos, lo))
        if hi > lo:
            out.append(range(lo, hi))
            pos = hi
    if pos < n:
        out.append(range(pos, n))
    return out


def _decode(labels: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(first, end, type) of the B/I runs in a label sequence (an I after O starts a span)."""
    start = -1
    current = ""
    for j, label in enumerate(labels):
        if label == "O":
            if start >= 0:
                yield start, j, current
            start = -1
            continue
        bio, typ = label[0], label[2:]
        if bio == "B" or typ != current or start < 0:
            if start >= 0:
                yield start, j, current
            start, current = j, typ
    if start >= 0:
        yield start, len(labels), current


def _clean(infos: Sequence[TypeInfo], first: int, end: int) -> list[tuple[int, int]]:
    """A predicted run of tokens as names: quotes and punctuation at the edges left out, a name
    in quotation marks after its head noun kept alone («موقع "ليبيا ريفيو"» → «ليبيا ريفيو»), and
    the run split at other punctuation («يوسف - ياسين»); a dot stays (initials: «ك. بارتلز»)."""
    for q in range(first + 1, end - 1):
        if infos[q].form in QUOTE_MARKS:
            first = q + 1
            break
    pieces: list[tuple[int, int]] = []
    start = first
    for j in range(first, end + 1):
        if j == end or (infos[j].kind == PUNCT and infos[j].form != "."):
            lo, hi = start, j
            while lo < hi and infos[lo].kind == PUNCT:
                lo += 1
            while hi > lo and infos[hi - 1].kind == PUNCT:
                hi -= 1
            if hi > lo:
                pieces.append((lo, hi))
            start = j + 1
    return pieces


def _read_model_bytes() -> bytes:
    return resources.files("marsad.extract.entities").joinpath("data", MODEL_FILE).read_bytes()


def _read_name_starts(path: Any = None) -> dict[str, int]:
    if path is None:
        path = resources.files("marsad.extract.entities").joinpath("data", NAME_STARTS_FILE)
    counts: dict[str, int] = {}
    if not path.is_file():
        return counts
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, count = line.partition("\t")
        counts[word] = int(count or 1)
    return counts


class NameTagger:
    """The packaged CRF name recognizer. Load it once (:meth:`default`) and tag many documents."""

    _default: NameTagger | None = None

    def __init__(self, model: bytes | None = None, name_starts: dict[str, int] | None = None) -> None:
        data = model if model is not None else _read_model_bytes()
        # crfsuite reads the model from this buffer without copying it: keep it alive
        self._model = data
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(data)
        labels = set(self._tagger.labels())
        self.features = FeatureExtractor()
        #: how often each word started a name in the training data (picks the clitic reading)
        self.name_starts = name_starts if name_starts is not None else _read_name_starts()
        for flag in ("FN", "PL", "OH"):
            for word in self.features.lexicons.get(flag, ()):
                self.name_starts.setdefault(word, 1)
        self.labels = sorted(labels)

    @classmethod
    def from_dir(cls, folder: str | Path) -> NameTagger:
        """A model written by ``tools/train_ner.py --out FOLDER`` (to compare models)."""
        folder = Path(folder)
        return cls((folder / MODEL_FILE).read_bytes(), _read_name_starts(folder / NAME_STARTS_FILE))

    @classmethod
    def default(cls) -> NameTagger:
        """The packaged model, loaded on first use and shared by the process."""
        if cls._default is None:
            cls._default = NameTagger()
        return cls._default

    # -- tagging ----------------------------------------------------------------------------
    def tag_infos(self, infos: Sequence[TypeInfo]) -> list[str]:
        """Labels (B-PERSON, I-ORG, O, …, including auxiliary NORP/OCC) of one token sequence."""
        if not infos:
            return []
        return list(self._tagger.tag(self.features.sequence(infos)))

    def tag(self, doc: Document, *, min_score: float = 0.0) -> list[NamePrediction]:
        """Names over ``doc.tokens`` (token indices), sentence by sentence, in text order."""
        tokens = doc.tokens
        if tokens is None:
            raise PipelineError("the name tagger needs doc.tokens: run the 'text' stage first")
        infos = tokens.infos
        tagger = self._tagger
        feats = self.features
        out: list[NamePrediction] = []
        for r in sentence_ranges(doc):
            seq = infos[r.start : r.stop]
            # a sequence without a letter cannot hold a name
            if not any(i.kind == ARABIC or i.kind == LATIN for i in seq):
                continue
            labels = tagger.tag(feats.sequence(seq))
            if all(lab == "O" for lab in labels):
                continue
            for first0, end0, typ in _decode(labels):
                if typ not in TYPES:
                    continue
                score = min(tagger.marginal(labels[j], j) for j in range(first0, end0))
                if score < min_score:
                    continue
                for first, end in _clean(seq, first0, end0):
                    if typ == "PERSON":
                        first = self._person_start(seq, first, end)
                    out.append(NamePrediction(r.start + first, r.start + end, typ, round(score, 4)))
        return out

    def _person_start(self, infos: Sequence[TypeInfo], first: int, end: int) -> int:
        """A person's name does not start with a title («المفوض سالم» → «سالم»), nor with an
        adjective before a given name («الأممي غسان سلامة» → «غسان سلامة»)."""
        titles = _lexicon(LEXICONS["TT"])
        names = _lexicon(LEXICONS["FN"])
        while end - first > 1:
            info = infos[first]
            stems = [s for _, s in info.readings] or [info.key]
            if any(s in titles for s in stems) and not any(s in names for s in stems):
                first += 1
                continue
            nxt = infos[first + 1]
            if (
                info.key.startswith(_ARTICLE)
                and info.key.endswith(("ي", "يه"))
                and not any(s in names for s in stems)
                and any(s in names for _, s in nxt.readings or ((0, nxt.key),))
            ):
                first += 1
                continue
            break
        return first

    def spans(self, doc: Document, *, min_score: float = 0.0) -> list[NameSpan]:
        """:meth:`tag`, as spans of the original text without a leading proclitic."""
        return [prediction_span(doc, p, self.name_starts) for p in self.tag(doc, min_score=min_score)]


def load_model() -> NameTagger:
    """The packaged model, loaded once per process (FileNotFoundError when it is not installed)."""
    data = resources.files("marsad.extract.entities").joinpath("data", MODEL_FILE)
    if not data.is_file():
        raise FileNotFoundError(f"the name recognizer's model {MODEL_FILE} is not installed with marsad")
    return NameTagger.default()


def clitic_letters(info: TypeInfo, name_starts: dict[str, int] | None = None) -> int:
    """How many leading letters of a name's first token are proclitics, not part of the name.

    Among the token's readings that strip only conjunctions and prepositions (never the
    article: «الجزائر» keeps it), the one that most often started a name in the training data
    wins; a word seen as a name as written keeps its letters («بنغازي»). A word never seen
    either way loses a preposition before the article («بالجزائر» → «الجزائر») or a leading و.
    """
    readings = info.readings
    if info.kind != ARABIC or len(readings) < 2:
        return 0
    key = info.key
    counts = name_starts or {}
    candidates = [(k, s) for k, s in readings if k and _strips_no_article(key, k)]
    if not candidates:
        return 0
    best_k, best_count = 0, counts.get(key, 0)
    for k, stem in candidates:
        c = counts.get(stem, 0)
        if c > best_count:
            best_k, best_count = k, c
    if best_count:
        return best_k
    for k, stem in candidates:
        if stem.startswith(_ARTICLE):
            return k
    if key[0] == "و" and len(key) >= 5:
        return 1
    return 0


def _strips_no_article(key: str, k: int) -> bool:
    """True when the first ``k`` letters of ``key`` hold no article (ال, or the لل of ل + ال)."""
    stripped = key[:k]
    return not (stripped.endswith(_ARTICLE) or stripped.endswith("لل"))


def prediction_span(doc: Document, p: NamePrediction, name_starts: dict[str, int] | None = None) -> NameSpan:
    """The original-text span of a prediction, a leading proclitic left out (see :func:`clitic_letters`)."""
    tokens = doc.tokens
    normalized = doc.normalized
    if tokens is None or normalized is None:
        raise PipelineError("the name tagger needs doc.tokens: run the 'text' stage first")
    first, last = p.first, p.end - 1
    infos = tokens.infos
    # a detached proclitic («لـ"الاستقلال"») or a quotation mark at either edge is not part of it
    while first < last and (infos[first].kind == PUNCT or tokens.is_detached_proclitic(first)):
        first += 1
    while last > first and infos[last].kind == PUNCT:
        last -= 1
    skip = clitic_letters(infos[first], name_starts)
    start = normalized.to_original(tokens.nstarts[first] + skip)
    end = tokens.ends[last]
    return NameSpan(start, end, doc.text[start:end], p.type, p.score, first, last)
