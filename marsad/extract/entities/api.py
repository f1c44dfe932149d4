"""Finding entities by position, for the stages that come after the entity stage.

    >>> from marsad.extract.entities import entity_at, entities_in
    >>> e = entity_at(doc, start, end)        # the entity mentioned at (or overlapping) a span
    >>> e.id, e.type, e.country, e.cameo      # 'E3', 'ORG', 'PK', 'PAKMIL'
    >>> [r.title for r in e.roles]            # titles the text gives it, with their spans
    >>> kb_roles(e, doc.published)            # its knowledge-base roles on a date

An :class:`Entity` carries ``country`` (ISO code) and ``cameo`` (CAMEO actor code: from the
knowledge base, else derived from the state and sector of its organization or role:
«رئيس أركان البحرية الباكستانية، الأدميرال X» gives X the code PAKMIL).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from marsad.doc import Document, Entity, Mention
from marsad.kb import KBEntry, KBRole, load_kb


class MentionIndex:
    """Every mention of a document's entities, sorted by start, for lookups by offset."""

    def __init__(self, doc: Document) -> None:
        items = [(m.start, m.end, m, e) for e in doc.entities for m in e.mentions]
        items.sort(key=lambda x: (x[0], x[1]))
        self._items = items
        self._starts = [x[0] for x in items]

    def __len__(self) -> int:
        return len(self._items)

    def at(self, start: int, end: int | None = None) -> Entity | None:
        """The entity whose mention covers ``start`` (or overlaps ``[start, end)`` most)."""
        found = self.mentions_in(start, end if end is not None else start + 1)
        if not found:
            return None
        lo, hi = start, end if end is not None else start + 1
        best = max(found, key=lambda x: (min(hi, x[0].end) - max(lo, x[0].start), x[0].end - x[0].start))
        return best[1]

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Mentions overlapping ``[start, end)``, in text order."""
        out = []
        # mentions are short: look back from the first start after ``end``
        i = bisect_right(self._starts, end - 1) - 1
        while i >= 0:
            s, e, m, ent = self._items[i]
            if e > start and s < end:
                out.append((m, ent))
            if s < start - 400:
                break
            i -= 1
        out.reverse()
        return out

    def within(self, start: int, end: int) -> list[Entity]:
        """Entities mentioned inside ``[start, end)``, each once, in order of their first mention
        there."""
        seen: set[str] = set()
        out = []
        for m, ent in self.mentions_in(start, end):
            if m.start >= start and m.end <= end and ent.id not in seen:
                seen.add(ent.id)
                out.append(ent)
        return out


def entity_at(doc: Document, start: int, end: int | None = None) -> Entity | None:
    """The entity mentioned at original offset ``start`` (or overlapping ``[start, end)``)."""
    return MentionIndex(doc).at(start, end)


def entities_in(doc: Document, start: int, end: int) -> list[Entity]:
    """The entities mentioned inside ``[start, end)`` (a sentence, a quote), in order."""
    return MentionIndex(doc).within(start, end)


def kb_entry(entity: Entity) -> KBEntry | None:
    """The knowledge-base entry of a linked entity (None for a name found in the text)."""
    return load_kb().get(entity.kb_id) if entity.kb_id else None


def kb_roles(entity: Entity, day: date | None) -> list[KBRole]:
    """The knowledge-base roles of a linked entity held on ``day`` (all when ``day`` is None)."""
    e = kb_entry(entity)
    return e.roles_on(day) if e else []
