"""The language of a document: CLD2 (pycld2, compiled into the package, nothing downloaded).

When CLD2 cannot decide (very short or mixed text) the share of Arabic letters among all
letters decides between ``ar`` and ``und``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pycld2

_SAMPLE = 20_000  # characters: enough to decide, bounded time on huge inputs
_ARABIC_RE = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]+")
_LETTER_RE = re.compile(r"[^\W\d_]+")
# CLD2 rejects C0 controls other than tab/newline and unpaired surrogates
_CLD2_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class Language(NamedTuple):
    code: str  # ISO 639-1, or "und" when unknown
    confidence: float  # 0..1
    arabic_share: float | None  # share of letters that are Arabic (None: not needed, CLD2 said ar)


def _share_of_arabic(sample: str) -> tuple[int, float]:
    """Letters in ``sample`` and the share of them that are Arabic (counted without lists)."""
    letters = len(sample) - len(_LETTER_RE.sub("", sample))
    arabic = len(sample) - len(_ARABIC_RE.sub("", sample))
    return letters, (arabic / letters if letters else 0.0)


def detect_language(text: str) -> Language:
    sample = text[:_SAMPLE]
    if _CLD2_UNSAFE.search(sample):
        sample = _CLD2_UNSAFE.sub(" ", sample)
    code, confidence = "und", 0.0
    try:
        reliable, _, details = pycld2.detect(sample)
        best = details[0]
        if best[1] != "un":
            code, confidence = best[1], best[2] / 100.0
            if not reliable:
                confidence = min(confidence, 0.5)
    except pycld2.error:
        pass
    if code == "ar":
        return Language(code, round(confidence, 3), None)  # the share is only needed to decide
    letters, share = _share_of_arabic(sample)
    if code == "und" and letters and share >= 0.5:
        code, confidence = "ar", share
    return Language(code, round(confidence, 3), round(share, 3))
