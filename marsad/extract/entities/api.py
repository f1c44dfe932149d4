"""Finding entities by position, for the stages that come after the entity stage.

    >>> from marsad.extract.entities import entity_at, entities_in
    >>> e = entity_at(doc, start, end)        # the entity mentioned at (or overlapping) a span
    >>> e.id, e.type, e.country, e.cameo      # 'E3', 'ORG', 'PK', 'PAKMIL'
    >>> [r.title for r in e.roles]            # titles the text gives it, with their spans
    >>> kb_roles(e, doc.published)            # its knowledge-base roles on a date

An :class:`Entity` carries ``country`` (ISO code) and ``cameo`` (CAMEO actor code: from the
knowledge base, else derived from the state and sector of its organization or role:
«رئيس أركان البحرية الباكستانية، الأدميرال X» gives X the code PAKMIL).

Nationality adjectives are not GPE mentions (the contract and the scorer say so), but they name
a state as an actor: «العدوان الأمريكي», «الغارات الإسرائيلية», «الجنود الأتراك». They are
given apart, for the stages that need an actor:

    >>> for a in adjective_countries(doc):    # every nationality adjective, in text order
    ...     a.text, a.kb_id, a.country, a.cameo  # 'الأمريكي', 'united-states', 'US', 'USA'
    ...     a.noun                               # (start, end) of the word it qualifies: «العدوان»
    ...     a.entity                             # the document's entity for that state, if named
    ...     a.within                             # the entity whose mention holds the adjective
    ...                                          # («الجيش الباكستاني»: that army), else None
"""


from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from marsad.doc import Document, Entity, Mention
from marsad.extract.entities.lexicon import EntityLexicon
from marsad.kb import KBEntry, KBRole, KnowledgeBase, load_kb
from marsad.text.tokens import ARABIC


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


@dataclass(frozen=True, slots=True)
class AdjectiveMention:
    """A nationality adjective and the state it names («الأمريكي» → the United States)."""

    start: int  # original offsets of the adjective, without proclitics («والأمريكي» → «الأمريكي»)
    end: int
    text: str
    kb_id: str  # the state's knowledge-base id
    country: str | None  # ISO code
    cameo: str | None  # the state's CAMEO code
    noun: tuple[int, int] | None  # the word the adjective qualifies (original offsets), if any
    entity: str | None  # id of the document's entity for that state, when the text names it
    within: str | None  # id of the entity whose mention contains the adjective


#: the entity lexicon of each knowledge base the function was called with (built once)
_LEXICONS: dict[int, tuple[KnowledgeBase, EntityLexicon]] = {}


def _lexicon(kb: KnowledgeBase) -> EntityLexicon:
    found = _LEXICONS.get(id(kb))
    if found is None or found[0] is not kb:
        found = _LEXICONS[id(kb)] = (kb, EntityLexicon(kb))
    return found[1]


def adjective_countries(doc: Document, kb: KnowledgeBase | None = None) -> list[AdjectiveMention]:
    """Every nationality adjective of the text with the state it names, in text order (after
    the entity stage: ``entity`` and ``within`` refer to ``doc.entities``). An adjective that
    the entity stage read as the state's name («أعلنت السعودية») is a GPE mention, not listed."""
    if doc.tokens is None or doc.normalized is None:
        from marsad.errors import PipelineError

        raise PipelineError("adjective_countries needs the text layer: run the 'text' stage first")
    kb = kb if kb is not None else load_kb()
    lex = _lexicon(kb)
    index = MentionIndex(doc)
    by_kb = {e.kb_id: e.id for e in doc.entities if e.kb_id}
    tokens = doc.tokens
    out: list[AdjectiveMention] = []
    for i, info in enumerate(tokens.infos):
        if info.kind is not ARABIC:
            continue
        w = lex.word(info.key, info.readings, info.form)
        if w.adjective is None:
            continue
        start = doc.normalized.to_original(tokens.nstarts[i] + w.adjective_strip) if w.adjective_strip else tokens.starts[i]
        end = tokens.ends[i]
        holders = index.mentions_in(start, end)
        if any(e.type == "GPE" and m.start <= start and end <= m.end for m, e in holders):
            continue  # read as the state's name
        within = next((e.id for m, e in holders if m.start <= start and end <= m.end), None)
        state = kb.entries[w.adjective]
        noun = None
        k = i - 1
        while k >= 0 and tokens.infos[k].kind is ARABIC:
            kw = lex.word(tokens.infos[k].key, tokens.infos[k].readings, tokens.infos[k].form)
            if kw.adjective is None:
                if not kw.stop:
                    noun = (tokens.starts[k], tokens.ends[k])
                break
            k -= 1  # «الجيش السوري الحر»: past the other adjectives
        out.append(
            AdjectiveMention(
                start, end, doc.text[start:end], state.id, state.country, state.cameo, noun,
                by_kb.get(state.id), within,
            )
        )
    return out
