"""The entity stage: knowledge-base names, rules, the model, linking, roles and coreference.

    doc.entities == [Entity(id="E1", type="PERSON", name="خليفة حفتر", kb_id="khalifa-haftar",
                            mentions=[Mention(0, 4, "حفتر", "kb"), …], roles=[…]), …]

Steps (one pass each, all linear in the tokens):

1. the knowledge base's names (:mod:`.matcher`), clitic-aware, longest first;
2. the rules (:mod:`.rules`) for names the knowledge base does not know, which use the names
   found so far as context (an organization's complement, a title's organization);
3. the statistical recognizer (:mod:`.model`, when installed) for what neither found: its
   names only fill the gaps the first two leave;
4. overlaps resolved longest first (knowledge base, then rules, then the model on a tie);
5. roles said after a name («صدام حفتر بصفته نائب القائد العام», «X، رئيس Y،»);
6. linking to the knowledge base (:mod:`.linking`), date-aware;
7. coreference (:mod:`.coref`): one entity per actor with all its mentions, ids E1, E2… in the
   order of first mention.

``MARSAD_ENTITY_SOURCES`` (``kb,rule,model`` by default) restricts the sources whose mentions
are kept, to measure each alone; the rules still see the knowledge-base names as context.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from marsad.doc import Document, Entity, Mention, Role
from marsad.extract.entities.candidates import Cand, RoleSpan, select
from marsad.extract.entities.combine import ModelView, model_candidates
from marsad.extract.entities.coref import Coref, Group
from marsad.extract.entities.lexicon import EntityLexicon
from marsad.extract.entities.linking import Linker, reference_date
from marsad.extract.entities.matcher import KBMatcher
from marsad.extract.entities.rules import Rules
from marsad.extract.entities.variants import NameVariants
from marsad.extract.entities.view import DocView
from marsad.kb import KnowledgeBase, alias_key, load_kb
from marsad.pipeline import stage

SOURCES_ENV = "MARSAD_ENTITY_SOURCES"
ALL_SOURCES = ("kb", "rule", "model")


def _sources_from_env() -> tuple[str, ...]:
    raw = os.environ.get(SOURCES_ENV, "")
    if not raw.strip():
        return ALL_SOURCES
    chosen = tuple(s.strip() for s in raw.split(",") if s.strip())
    bad = [s for s in chosen if s not in ALL_SOURCES]
    if bad:
        from marsad.errors import ConfigError

        raise ConfigError(f"${SOURCES_ENV} names unknown source(s) {bad}; use a comma list of kb, rule, model")
    return chosen


def _load_model() -> Any | None:
    import importlib

    try:
        model = importlib.import_module("marsad.extract.entities.model")
    except ImportError:  # the recognizer is not part of this installation
        return None
    try:
        return model.NameTagger.default()
    except FileNotFoundError:
        return None


class EntityExtractor:
    """Everything the stage needs, loaded once: the knowledge base, lexicons, matcher, model."""

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        *,
        sources: Sequence[str] | None = None,
        model: Any | None = None,
        use_model: bool = True,
    ) -> None:
        self.kb = kb if kb is not None else load_kb()
        self.lex = EntityLexicon(self.kb)
        self.variants = NameVariants(self.kb, self.lex)
        self.matcher = KBMatcher(self.kb, self.lex, self.variants)
        self.rules = Rules(self.kb, self.lex)
        self.linker = Linker(self.kb, self.lex.spellings, self.variants)
        self.coref = Coref(self.kb)
        self.sources = tuple(sources) if sources is not None else _sources_from_env()
        self.model = model if model is not None else (_load_model() if use_model and "model" in self.sources else None)

    def __call__(self, doc: Document) -> None:
        doc.entities = self.extract(doc)

    # -- the steps --------------------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Entity]:
        if doc.tokens is None or doc.normalized is None:
            from marsad.errors import PipelineError

            raise PipelineError("the entity stage needs the text layer: run the 'text' stage first")
        v = DocView(doc, self.lex)
        if self.model is not None and "model" in self.sources:
            v.model = ModelView(self.model, v)
        for c in self.matcher.find(doc.tokens, v.keys, v.respelled):
            v.add(c)
        self.rules.find(v)
        kept = [c for c in v.cands if c.method in self.sources]
        chosen = select(kept)
        if v.model is not None:
            chosen = select(model_candidates(v.model, v, self.rules), taken=chosen)
        for c in chosen:
            v.finalize(c)
        if "rule" in self.sources:
            chosen = select(self.rules.paren_aliases(v, chosen), taken=chosen)
        self.rules.appositions(v, chosen)
        self.linker.link(chosen, reference_date(doc.published, doc.text), self._adjective_countries(v))
        ranks = [(h.i, h.j, h.strip) for h in self.rules.hits if h.title.kind == "rank"]
        groups = self.coref.resolve(v, chosen, ranks)
        return self._entities(doc, groups)

    def _adjective_countries(self, v: DocView) -> Counter[str]:
        """The countries the text's nationality adjectives name («الأردني» → JO): they tell the
        linker what the article is about («عمان» is Amman in an article about Jordan)."""
        out: Counter[str] = Counter()
        entries = self.kb.entries
        for i in range(v.n):
            if v.is_arabic(i):
                state = v.word(i).adjective
                if state is not None and entries[state].country:
                    out[entries[state].country] += 1  # type: ignore[index]
        return out

    # -- output -------------------------------------------------------------------------------------
    def _entities(self, doc: Document, groups: Iterable[Group]) -> list[Entity]:
        out: list[Entity] = []
        for g in groups:
            cands = sorted(g.cands, key=lambda c: (c.start, c.end))
            mentions: list[Mention] = []
            seen: set[tuple[int, int]] = set()
            for c in cands:
                if (c.start, c.end) in seen:
                    continue
                seen.add((c.start, c.end))
                mentions.append(Mention(c.start, c.end, doc.text[c.start : c.end], c.method))
            roles = _roles(cands)
            entity = Entity(id=f"E{len(out) + 1}", type=g.type, name="", mentions=mentions, roles=roles)
            if g.link:
                e = self.kb.entries[g.link]
                entity.type, entity.subtype, entity.name = e.type, e.subtype, e.name
                entity.name_en, entity.kb_id, entity.country = e.name_en, e.id, e.country
                entity.cameo, entity.wikidata = e.cameo, e.wikidata
            else:
                named = [c for c in cands if c.method != "coref" and c.name] or cands
                best = max(named, key=lambda c: (c.method != "model", len(c.name or ""), -c.start))
                entity.name = best.name or doc.text[best.start : best.end]
                entity.name_en = next((c.name_en for c in cands if c.name_en), None)
                entity.subtype = next((c.subtype for c in cands if c.subtype), None)
                entity.country = next((c.country for c in cands if c.country), None)
            if entity.type in ("PERSON", "ORG"):
                self._fill_actor_codes(entity, cands)
            out.append(entity)
        return out

    def _fill_actor_codes(self, entity: Entity, cands: list[Cand]) -> None:
        """Country and CAMEO code of an actor from its roles or its head noun when the knowledge
        base gives none: «رئيس أركان البحرية الباكستانية» → PK, PAKMIL."""
        if entity.cameo and entity.country:
            return
        country, sector = entity.country, None
        org_cameo = None
        for c in cands:
            for r in c.roles:
                if r.org is not None:
                    if r.org.link:
                        org = self.kb.entries[r.org.link]
                        org_cameo = org_cameo or org.cameo
                        country = country or org.country
                    country = country or r.org.country
                    sector = sector or r.org.sector
                country = country or r.country
                sector = sector or r.sector
            if c.type == "ORG":
                sector = sector or c.sector
                country = country or c.country
        entity.country = entity.country or country
        if entity.cameo:
            return
        if org_cameo:
            entity.cameo = org_cameo
            return
        state = self.linker.state_of(entity.country)
        if state is not None and state.cameo:
            entity.cameo = state.cameo + (sector or "") if len(state.cameo) == 3 else state.cameo


def _roles(cands: Iterable[Cand]) -> list[Role]:
    """The titles said of an entity, each once (at its first occurrence), in text order."""
    spans: dict[str, RoleSpan] = {}
    for c in sorted(cands, key=lambda c: c.start):
        for r in sorted(c.roles, key=lambda r: r.start):
            key = alias_key(r.title)
            if key not in spans or r.start < spans[key].start:
                spans[key] = r
    return [Role(r.title, r.start, r.end) for r in sorted(spans.values(), key=lambda r: r.start)]


@stage("entities", requires=("tokens", "sentences"), provides=("entities",))
class EntityStage(EntityExtractor):
    """Entities: knowledge-base names, rules and the model, linked, with roles and coreference."""

    def __init__(self) -> None:
        super().__init__()
