"""Proclitic analysis for matching: the ways a written word may split into clitics and a stem.

Arabic writes conjunctions, prepositions and the article on the word: «وللجيش» is و + ل + (ا)ل +
جيش. A matcher cannot know which leading letters are clitics («بنغازي» starts with ب but is a
name), so :func:`proclitic_forms` lists every reading, least stripped first, and the matcher keeps
the longest one its lexicon knows. Each reading carries how many letters of the word were
stripped, so the mention's span can start after them: the original span is never lost.

The rules (which letters, in which order) are data: ``marsad/lang/ar/clitics.yaml``.
"""

from __future__ import annotations

from marsad.lang import load_yaml

_RULES = load_yaml("clitics.yaml")
_CONJ = frozenset(_RULES["conjunctions"])
_PREP = frozenset(_RULES["prepositions"])
_FUT = _RULES["future"]
_FUT_NEXT = frozenset(_RULES["future_followers"])
_ART = _RULES["article"]
_ART_LAM = _RULES["article_after_lam"]
_MIN = int(_RULES["min_stem"])

#: a word can only have a clitic reading when it starts with one of these
_CLITIC_INITIALS = frozenset(_CONJ | _PREP | {_FUT})

#: a reading: (letters stripped from the front of the word, the remaining form)
Reading = tuple[int, str]


def proclitic_forms(word: str) -> tuple[Reading, ...]:
    """Every clitic reading of ``word`` (a matching key), the word itself first.

    >>> proclitic_forms("وللجيش")
    ((0, 'وللجيش'), (1, 'للجيش'), (2, 'لجيش'), (2, 'الجيش'), (3, 'جيش'))
    """
    first = word[:1]
    if first == "ا":  # the most frequent case: the article alone, or no clitic at all
        if word.startswith(_ART) and len(word) - 2 >= _MIN:
            return ((0, word), (2, word[2:]))
        return ((0, word),)
    if first in _CONJ and len(word) - 1 >= _MIN:
        readings: list[Reading] = [(0, word), (1, word[1:])]
        _after_conjunction(word[1:], 1, readings)
    elif first in _CLITIC_INITIALS or word.startswith(_ART):
        readings = [(0, word)]
        _after_conjunction(word, 0, readings)
    else:
        return ((0, word),)
    # a conjunction is never a preposition or the article, so the two paths above never both
    # apply, and each appends its readings in order of the letters stripped: no sort needed
    return tuple(readings)


def _after_conjunction(rest: str, offset: int, readings: list[Reading]) -> None:
    """Readings of ``rest`` (the word after an optional conjunction) that strip more."""
    n = len(rest)
    if n - 1 < _MIN:
        return
    first = rest[0]
    if rest.startswith(_ART):
        if n - 2 >= _MIN:
            readings.append((offset + 2, rest[2:]))
        return
    if first in _PREP:
        stem = rest[1:]
        readings.append((offset + 1, stem))
        if first == _ART_LAM and stem.startswith(_ART_LAM) and not stem.startswith(_ART) and n - 2 >= _MIN:
            # لل: the preposition ل, then the article whose alef is not written
            readings.append((offset + 1, "ا" + stem))
            readings.append((offset + 2, stem[1:]))
        elif stem.startswith(_ART) and len(stem) - 2 >= _MIN:
            readings.append((offset + 3, stem[2:]))
    elif first == _FUT and rest[1] in _FUT_NEXT and n - 1 >= _MIN + 1:
        readings.append((offset + 1, rest[1:]))


def strip_article(form: str) -> str:
    """The form without a leading article, when what remains is long enough."""
    if form.startswith(_ART) and len(form) - 2 >= _MIN:
        return form[2:]
    return form
