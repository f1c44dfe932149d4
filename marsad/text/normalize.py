"""Arabic normalization that never loses the way back to the original text.

``normalize(text)`` returns a :class:`Normalized`: the normalized string and a sparse offset map
to the original. Every character is handled by one ``str.translate`` table, so the work runs at
C speed; the offset map only records the places where the length changes (a deleted diacritic,
a ligature expanded to two letters), so text without such characters costs nothing to map.

What the normalized form folds:
  * diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks) and tatweel: removed
  * alef forms أ إ آ ٱ → ا; Persian yeh/keheh → Arabic yeh/kaf
  * Arabic-Indic and Persian digits → ASCII digits
  * presentation forms (U+FB50–FDFF, U+FE70–FEFF) → base letters
  * bidi and format controls (U+200B–200F, U+202A–202E, U+2066–2069, BOM, ALM): removed
Latin letters are kept as they are.

``match_key`` additionally folds ى→ي, ة→ه, ؤ/ئ→ء and ASCII case; every one of those is one
character for one character, so the key shares the offset map of the normalized text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

# -- the character classes -------------------------------------------------------------------

#: combining marks that attach to the letter before them (removed; they belong to its span)
MARKS = (
    "".join(chr(c) for c in range(0x064B, 0x0660))  # tanween, harakat, shadda, sukun, hamza marks
    + "\u0670"  # dagger alef
    + "".join(chr(c) for c in range(0x0610, 0x061B))  # honorific and Quranic signs
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E5))
    + "".join(chr(c) for c in range(0x06E7, 0x06E9))
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
    + "\u08d3\u08d4\u08d5\u08d6\u08d7\u08d8\u08d9\u08da\u08db\u08dc\u08dd\u08de\u08df\u08e0\u08e1"
    + "\u08e3\u08e4\u08e5\u08e6\u08e7\u08e8\u08e9\u08ea\u08eb\u08ec\u08ed\u08ee\u08ef\u08f0\u08f1"
    + "\u08f2\u08f3\u08f4\u08f5\u08f6\u08f7\u08f8\u08f9\u08fa\u08fb\u08fc\u08fd\u08fe\u08ff"
    + "\u0640"  # tatweel: not a mark, but it stretches the letter before it
)

#: invisible format and bidi controls (removed)
CONTROLS = (
    "".join(chr(c) for c in range(0x200B, 0x2010))
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
    + "\u2060\ufeff\u061c\u00ad"
)

_LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ی": "ي",  # Persian yeh
    "ۍ": "ي",
    "ې": "ي",
    "ک": "ك",  # keheh
    "ڪ": "ك",
    "ە": "ه",
    "ۀ": "ه",
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
}

_KEY_FOLDS = {"ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء"}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in MARKS + CONTROLS:
        table[ord(ch)] = ""
    for src, dst in _LETTER_FOLDS.items():
        table[ord(src)] = dst
    for base, count in ((0x0660, 10), (0x06F0, 10), (0x07C0, 10)):
        for i in range(count):
            table[base + i] = str(i)

    def fold(s: str) -> str:
        while True:
            folded = s.translate(table)
            if folded == s:
                return s
            s = folded

    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        if cp in table:
            continue
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:
            continue
        # isolated harakat forms decompose to " " + mark: the mark goes, so does the space
        replacement = fold(decomposed)
        if not replacement.strip():
            replacement = ""
        elif " " in replacement.strip():
            continue  # a whole phrase in one sign («ﷺ»): keep the sign, one token for one character
        table[cp] = replacement
    return table


_TABLE = _build_table()
_KEY_TABLE = {ord(k): v for k, v in _KEY_FOLDS.items()}
_KEY_TABLE.update({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

#: characters whose replacement is not exactly one character (they shift offsets)
_SHIFTING = frozenset(chr(cp) for cp, rep in _TABLE.items() if len(rep) != 1)
#: the frequent one-for-one folds, done with str.replace (a fast scan) instead of a table lookup
_FREQUENT = ("أ", "إ", "آ")
#: every other character the table changes: rare in news text, so handled match by match
_RARE_RE = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE) if chr(cp) not in _FREQUENT) + "]"
)
_MARKS_SET = frozenset(MARKS)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalized string and the map back to the text it came from.

    The map is kept as break points: from ``norm_breaks[k]`` on, normalized offset ``i`` comes
    from original offset ``orig_breaks[k] + (i - norm_breaks[k])``, up to the next break.
    """

    original: str
    text: str
    norm_breaks: tuple[int, ...] = field(default=(0,), repr=False)
    orig_breaks: tuple[int, ...] = field(default=(0,), repr=False)

    @property
    def is_identity(self) -> bool:
        """True when the normalized text has exactly the original's offsets."""
        return len(self.norm_breaks) == 1 and self.orig_breaks[0] == 0

    def to_original(self, i: int) -> int:
        """Original offset of the character at normalized offset ``i`` (for span starts).

        ``to_original(len(text))`` is the end of the original text."""
        return self._map(min(max(i, 0), len(self.text)))

    def to_original_end(self, i: int) -> int:
        """Original offset just past the character at normalized ``i - 1`` (for span ends).

        Marks and tatweel that follow that character in the original belong to it, so a word's
        span includes its last diacritic."""
        if i <= 0:
            return 0
        end = self._map(i - 1) + 1
        original = self.original
        n = len(original)
        while end < n and original[end] in _MARKS_SET:
            end += 1
        return end

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original span that produced it."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original_end(end)

    def from_original(self, j: int) -> int:
        """Normalized offset of the first normalized character produced at or after original ``j``."""
        if self.is_identity:
            return j
        # find the last break whose original offset is <= j
        k = bisect_right(self.orig_breaks, j) - 1
        if self.orig_breaks[k] == j:
            k = bisect_left(self.orig_breaks, j)  # an expanded character: its first letter
        base_orig = self.orig_breaks[k]
        base_norm = self.norm_breaks[k]
        seg_end = self.norm_breaks[k + 1] if k + 1 < len(self.norm_breaks) else len(self.text)
        return min(base_norm + (j - base_orig), seg_end)

    def _map(self, i: int) -> int:
        if self.is_identity:
            return i
        k = bisect_right(self.norm_breaks, i) - 1
        return self.orig_breaks[k] + (i - self.norm_breaks[k])


def normalize(text: str) -> Normalized:
    """Normalize Arabic text for reading and matching; see the module docstring for what folds."""
    first = _RARE_RE.search(text)
    if first is None:
        # the common case: only alef forms to fold, one for one, so the offsets do not move
        return Normalized(text, _fold_frequent(text))
    table = _TABLE
    pieces: list[str] = []
    norm_breaks = [0]
    orig_breaks = [0]
    norm_pos = 0
    orig_pos = 0
    for m in _RARE_RE.finditer(text, first.start()):
        j = m.start()
        pieces.append(text[orig_pos:j])
        norm_pos += j - orig_pos
        ch = text[j]
        replacement = table[ord(ch)]
        pieces.append(replacement)
        orig_pos = j + 1
        if ch not in _SHIFTING:
            norm_pos += 1
            continue
        if replacement:
            # an expansion: every produced character maps to the one original character
            for t in range(len(replacement)):
                _add_break(norm_breaks, orig_breaks, norm_pos + t, j)
            norm_pos += len(replacement)
        _add_break(norm_breaks, orig_breaks, norm_pos, orig_pos)
    pieces.append(text[orig_pos:])
    normalized = _fold_frequent("".join(pieces))
    if len(norm_breaks) == 1 and orig_breaks[0] == 0:
        return Normalized(text, normalized)  # only one-for-one changes (digits): offsets hold
    return Normalized(text, normalized, tuple(norm_breaks), tuple(orig_breaks))


def _fold_frequent(text: str) -> str:
    for ch in _FREQUENT:
        if ch in text:
            text = text.replace(ch, "ا")
    return text


def _add_break(norm_breaks: list[int], orig_breaks: list[int], norm_pos: int, orig_pos: int) -> None:
    if norm_breaks[-1] == norm_pos:
        orig_breaks[-1] = orig_pos
    else:
        norm_breaks.append(norm_pos)
        orig_breaks.append(orig_pos)


def normalize_text(text: str) -> str:
    """Only the normalized string, for lexicon entries and queries (no offset map needed)."""
    return text.translate(_TABLE)


def fold_key(normalized: str) -> str:
    """The matching key of an already normalized string: ى→ي, ة→ه, ؤ/ئ→ء, ASCII lower case."""
    return normalized.translate(_KEY_TABLE)


def match_key(text: str) -> str:
    """Normalize and fold in one step: the key two spellings of one word share."""
    return text.translate(_TABLE).translate(_KEY_TABLE)
