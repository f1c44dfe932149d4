"""The time tagger's lexicons, read from ``marsad/lang/ar/*.yaml`` and folded to matching keys.

Every word is stored under its matching key (:func:`marsad.text.normalize.match_key`: no
diacritics, alef forms folded, ى→ي, ة→ه, ASCII digits), because the tagger matches on the
key of the normalized text, which keeps the normalized offsets (the folds are one for one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.lang import load_yaml
from marsad.text.normalize import match_key


def key(word: str) -> str:
    """The matching key of a lexicon entry, white space collapsed."""
    return " ".join(match_key(word).split())


def alternation(words: Iterable[str], article: bool = True) -> str:
    """A regex matching any of the keys (the longest one where several match), compiled as a
    trie so that a failing position costs one test per letter; spaces match any white space.

    With ``article``, a key that starts with the article also matches it contracted after the
    preposition ل («لليوم»، «للسنوات»: ل + ال written لل)."""
    keys = {key(w) for w in words if w.strip()}
    if not keys:
        return "(?!)"
    pattern = _trie(keys)
    if article:
        contracted = {k[2:] for k in keys if k.startswith("ال") and len(k) > 3}
        if contracted:
            pattern = f"(?:{pattern}|(?<=ل)ل{_trie(contracted)})"
    return pattern


def _trie(keys: Iterable[str]) -> str:
    root: dict[str, Any] = {}
    for k in keys:
        node = root
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(c for c in node if c)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(root) + ")"


def squash(text: str) -> str:
    """A matched string as a lexicon key (runs of white space as one space)."""
    return " ".join(text.split())


@dataclass
class Lexicon:
    months: dict[str, int] = field(default_factory=dict)  # Gregorian, every system
    hijri_months: dict[str, int] = field(default_factory=dict)
    ambiguous_months: set[str] = field(default_factory=set)
    needs_madda: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    ambiguous_weekdays: set[str] = field(default_factory=set)
    cardinals: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    ordinals_feminine: dict[str, int] = field(default_factory=dict)
    fractions: dict[str, int] = field(default_factory=dict)
    vague: set[str] = field(default_factory=set)
    relative_days: dict[str, int] = field(default_factory=dict)
    tonight: set[str] = field(default_factory=set)
    modifiers: dict[str, str] = field(default_factory=dict)  # key -> past|future|current|recent
    modifiers_twice: dict[str, int] = field(default_factory=dict)  # «قبل الماضي» -> -2
    this: set[str] = field(default_factory=set)
    units: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (unit, sg|du|pl)
    definite_units: dict[str, tuple[str, str]] = field(default_factory=dict)
    periods: set[str] = field(default_factory=set)
    prepositions: dict[str, str] = field(default_factory=dict)  # key -> ago|later|within|duration
    refs: dict[str, str] = field(default_factory=dict)
    narrative: dict[str, set[str]] = field(default_factory=dict)
    edges: dict[str, str] = field(default_factory=dict)
    pod_before: dict[str, str] = field(default_factory=dict)
    pod_after: dict[str, str] = field(default_factory=dict)
    clock: dict[str, set[str]] = field(default_factory=dict)
    year_words: set[str] = field(default_factory=set)
    year_words_dual: set[str] = field(default_factory=set)
    hijri_markers: set[str] = field(default_factory=set)
    gregorian_markers: set[str] = field(default_factory=set)
    every: set[str] = field(default_factory=set)
    set_adverbs: dict[str, str] = field(default_factory=dict)
    decades: dict[str, int] = field(default_factory=dict)
    century_words: set[str] = field(default_factory=set)
    century_ordinals: dict[str, int] = field(default_factory=dict)
    century_other_era: set[str] = field(default_factory=set)
    unit_fractions: dict[str, tuple[int, int]] = field(default_factory=dict)
    dual_construct: dict[str, str] = field(default_factory=dict)  # key -> unit
    dual_construct_after: set[str] = field(default_factory=set)
    smaller_units: dict[str, tuple[str, int]] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    quarters: dict[str, str] = field(default_factory=dict)
    quarter_ordinals: dict[str, int] = field(default_factory=dict)
    context: dict[str, set[str]] = field(default_factory=dict)


def _keyed(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key(k): v for k, v in mapping.items()}


def _keys(words: Iterable[str]) -> set[str]:
    return {key(w) for w in words}


def _compose(units: dict[str, int], tens: dict[str, int], joiner: str = " و") -> dict[str, int]:
    """«خمسة وعشرين» = 25, «الحادي والعشرين» = 21: units 1-9 joined to tens."""
    out = {}
    for u, uv in units.items():
        if not 1 <= uv <= 9:
            continue
        for t, tv in tens.items():
            out[key(u) + joiner + key(t)] = uv + tv
    return out


@cache
def lexicon() -> Lexicon:
    """The lexicons, loaded once per process."""
    lx = Lexicon()
    months = load_yaml("months.yaml")
    for system in months["gregorian"].values():
        for number, names in system.items():
            for name in names:
                lx.months[key(name)] = int(number)
    for number, names in months["hijri"].items():
        for name in names:
            lx.hijri_months[key(name)] = int(number)
    lx.ambiguous_months = _keys(months.get("ambiguous", []))
    lx.needs_madda = _keys(months.get("needs_madda", []))

    weekdays = load_yaml("weekdays.yaml")
    for number, names in weekdays["weekdays"].items():
        for name in names:
            lx.weekdays[key(name)] = int(number)
    lx.ambiguous_weekdays = _keys(weekdays.get("ambiguous", []))

    numbers = load_yaml("numbers.yaml")
    lx.cardinals = _keyed(numbers["cardinal"]) | _keyed(numbers["cardinal_tens"])
    lx.cardinals |= _compose(numbers["cardinal"], numbers["cardinal_tens"])
    lx.ordinals = _keyed(numbers["ordinal"]) | _keyed(numbers["ordinal_tens"])
    lx.ordinals |= {k: v for k, v in _compose(numbers["ordinal"], numbers["ordinal_tens"]).items() if v <= 31}
    lx.ordinals_feminine = _keyed(numbers["ordinal_feminine"])
    lx.fractions = _keyed(numbers["fractions"])
    lx.vague = _keys(numbers["vague"])

    words = load_yaml("time_words.yaml")
    lx.relative_days = _keyed(words["relative_days"])
    lx.tonight = _keys(words["tonight"])
    for kind, forms in words["modifiers"].items():
        for form in forms:
            lx.modifiers[key(form)] = kind
    lx.modifiers_twice = {key(f): int(n) for n, forms in words["modifiers_twice"].items() for f in forms}
    lx.this = _keys(words["this"])
    for unit, forms in words["units"].items():
        for number, names in forms.items():
            tag = {"singular": "sg", "dual": "du", "plural": "pl"}[number]
            for name in names:
                k = key(name)
                lx.units[k] = (unit, tag)
                if not k.endswith(("ا", "ان")):  # «الأسبوع»، «الأيام»، «السنتين» (not «يوما»، «يومان»)
                    lx.definite_units["ال" + k] = (unit, tag)
    lx.periods = _keys(words["periods"])
    lx.unit_fractions = {key(k): (int(v[0]), int(v[1])) for k, v in words["unit_fractions"].items()}
    lx.dual_construct = {key(w): unit for unit, forms in words["dual_construct"].items() for w in forms}
    lx.dual_construct_after = _keys(words["dual_construct_after"])
    lx.smaller_units = {u: (str(v[0]), int(v[1])) for u, v in words["smaller_units"].items()}
    for kind, forms in words["prepositions"].items():
        for form in forms:
            lx.prepositions[key(form)] = kind
    for value, forms in words["refs"].items():
        for form in forms:
            lx.refs[key(form)] = value
    lx.narrative = {name: _keys(forms) for name, forms in words["narrative"].items()}
    for kind, forms in words["edges"].items():
        for form in forms:
            lx.edges[key(form)] = kind
    for code, forms in words["parts_of_day"]["before"].items():
        for form in forms:
            lx.pod_before[key(form)] = code
    for code, forms in words["parts_of_day"]["after"].items():
        for form in forms:
            lx.pod_after.setdefault(key(form), code)
    lx.clock = {name: _keys(forms) for name, forms in words["clock"].items()}
    lx.year_words = _keys(words["year_words"])
    lx.year_words_dual = _keys(words["year_words_dual"])
    lx.hijri_markers = _keys(words["hijri_markers"])
    lx.gregorian_markers = _keys(words["gregorian_markers"])
    lx.every = _keys(words["sets"]["every"])
    lx.set_adverbs = _keyed(words["sets"]["adverbs"])
    lx.decades = _keyed(words["decades"])
    lx.century_words = _keys(words["century_word"])
    # every ordinal up to 21 («القرن الثامن عشر»), save the bare «الحادي» of compounds
    lx.century_ordinals = {k: v for k, v in lx.ordinals.items() if v <= 21 and k != key("الحادي")}
    lx.century_ordinals |= _keyed(words["century_ordinals"])
    lx.century_other_era = _keys(words["century_other_era"])
    for code, forms in words["seasons"].items():
        for form in forms:
            lx.seasons[key(form)] = code
    for code, forms in words["quarters"].items():
        for form in forms:
            lx.quarters[key(form)] = code
    lx.quarter_ordinals = _keyed(words["quarter_ordinals"])

    context = load_yaml("time_context.yaml")
    lx.context = {name: _keys(forms) for name, forms in context.items()}
    return lx

