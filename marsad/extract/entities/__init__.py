"""Entities: knowledge-base names, rules, the statistical recognizer, linking, roles, coreference.

The stage (:mod:`marsad.extract.entities.stage`) fills ``doc.entities``. Other stages find the
entity of a span with :func:`entity_at` / :func:`entities_in` (see :mod:`.api`).
"""

from marsad.extract.entities.api import MentionIndex, entities_in, entity_at, kb_entry, kb_roles

__all__ = ["MentionIndex", "entities_in", "entity_at", "kb_entry", "kb_roles"]
