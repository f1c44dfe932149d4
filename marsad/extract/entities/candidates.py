"""Mention candidates: a token span with a type, where it came from, and what it may link to."""

from __future__ import annotations

from dataclasses import dataclass, field

#: the order in which sources win when two candidates cover the same tokens with equal length
SOURCE_RANK = {"kb": 0, "rule": 1, "coref": 2, "model": 3}


@dataclass(slots=True)
class RoleSpan:
    """A title found in the text for a person: «قائد الجيش الباكستاني» at [start, end)."""

    title: str
    start: int
    end: int
    sector: str | None = None
    org: Cand | None = None  # the candidate naming the role's organization («الجيش الباكستاني»)
    country: str | None = None  # the state the role's complement names
    rank: bool = False  # a rank or honorific (الجنرال) rather than a role


@dataclass(slots=True, eq=False)
class Cand:
    """A mention candidate over tokens ``[i, j)``; ``strip`` proclitic letters of token ``i``
    lie outside the mention (``وبنغازي`` → the mention starts after و)."""

    i: int
    j: int
    strip: int
    type: str
    method: str  # kb | rule | model | coref
    rule: str = ""  # which matcher or rule produced it (for debugging and measurement)
    kb_ids: tuple[str, ...] = ()
    subtype: str | None = None
    name: str | None = None  # canonical name of a discovered entity
    name_en: str | None = None
    country: str | None = None
    cameo: str | None = None
    sector: str | None = None  # CAMEO sector of an organization found by a head noun
    head: str | None = None  # the head noun key of an organization («قوات»)
    complement: tuple[str, ...] = ()  # content keys after the head, without the article
    weak: bool = False
    score: float = 1.0
    start: int = 0  # original offsets, filled by the stage
    end: int = 0
    link: str | None = None  # the chosen knowledge-base id
    group: int = -1  # the entity it belongs to
    roles: list[RoleSpan] = field(default_factory=list)
    same_as: Cand | None = None  # another name of the same entity («… (إسكوا)»)

    @property
    def length(self) -> int:
        return self.j - self.i

    def overlaps(self, other: Cand) -> bool:
        return self.i < other.j and other.i < self.j

    def sort_key(self) -> tuple[int, int, int]:
        """Longest first, then by source (kb, rule, coref, model), then leftmost."""
        return (-(self.j - self.i), SOURCE_RANK.get(self.method, 9), self.i)


def select(cands: list[Cand], taken: list[Cand] | None = None) -> list[Cand]:
    """Non-overlapping candidates, longest first (see :meth:`Cand.sort_key`), in text order.
    ``taken`` candidates are kept as they are and block the others."""
    chosen: list[Cand] = list(taken or ())
    occupied: set[int] = set()
    for c in chosen:
        occupied.update(range(c.i, c.j))
    for c in sorted(cands, key=Cand.sort_key):
        span = range(c.i, c.j)
        if any(t in occupied for t in span):
            continue
        chosen.append(c)
        occupied.update(span)
    chosen.sort(key=lambda c: c.i)
    return chosen
