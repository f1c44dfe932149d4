"""Entities: knowledge-base names, rules, the statistical recognizer, linking, roles, coreference.

The stage (:mod:`marsad.extract.entities.stage`) fills ``doc.entities``. Other stages find the
entity of a span with :func:`entity_at` / :func:`entities_in`, and the states that nationality
adjectives name («العدوان الأمريكي») with :func:`adjective_countries` (see :mod:`.api`).
"""

from marsad.extract.entities.api import (
    AdjectiveMention,
    MentionIndex,
    adjective_countries,
    entities_in,
    entity_at,
    kb_entry,
    kb_roles,
)

__all__ = [
    "AdjectiveMention", "MentionIndex", "adjective_countries", "entities_in", "entity_at", "kb_entry", "kb_roles",
]
