"""What ingest hands the store, and the rows derived from an analysis (contract marsad.analysis/1).

The entity, mention, event and quote rows come from the analysis *dict*, not from extraction
internals: whatever the stages produce, the store keeps what the contract says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from marsad.text.normalize import match_key

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_RE = re.compile(r"^(\d{4})$")


@dataclass
class ArticleRecord:
    """One new article: its text and metadata, its analysis (None for a near-duplicate)."""

    uid: str
    input_key: str
    content_hash: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None
    analysis: dict[str, Any] | None = None
    #: the analysis already serialized and its derived rows (a worker computes them; else the store does)
    prepared: PreparedAnalysis | None = None
    stages: str = ""
    near_duplicate_of: str | None = None  # uid of the original
    similarity: float | None = None
    minhash: bytes | None = None
    #: the search-index columns (marsad.search.terms.article_terms), computed by the worker
    terms: tuple[str, str, str, str] | None = None
    embedding: bytes | None = None
    embedding_model: str | None = None


@dataclass
class PreparedAnalysis:
    """An analysis ready to store: its JSON, the fields the analyses table keeps, its derived rows."""

    json: str
    schema: str
    analyzer: str
    derived: Derived

    @classmethod
    def of(cls, analysis: dict[str, Any], published: str | None) -> PreparedAnalysis:
        import json

        return cls(
            json.dumps(analysis, ensure_ascii=False), str(analysis.get("schema", "")),
            str((analysis.get("document") or {}).get("analyzer", "")), derive(analysis, published),
        )


@dataclass
class DuplicateRecord:
    """An input whose text is already stored (exact duplicate): kept as provenance only."""

    input_key: str
    original_uid: str
    kind: str = "exact"
    similarity: float | None = 1.0
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


def name_key(name: str) -> str:
    """The key entity names are matched by: match_key with white space collapsed."""
    return " ".join(match_key(name).split())


def entity_ident(entity: dict[str, Any]) -> str:
    """One entity across articles: its knowledge-base id, else its type and name key."""
    kb = entity.get("kb_id")
    if kb:
        return f"kb:{kb}"
    return f"{entity.get('type') or 'UNKNOWN'}:{name_key(str(entity.get('name') or ''))}"


def day_of(value: str | None, fallback: str | None) -> str | None:
    """A day for range filters: the TIMEX3 value's first day when it names one, else ``fallback``."""
    if value:
        m = _DAY_RE.match(value)
        if m:
            return m.group(0)
        m = _MONTH_RE.match(value)
        if m:
            return f"{m.group(1)}-{m.group(2)}-01"
        m = _YEAR_RE.match(value)
        if m:
            return f"{m.group(1)}-01-01"
    return fallback


@dataclass
class Derived:
    """The rows one analysis gives (entity references by ident, resolved by the store)."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # ident → entity fields
    article_entities: list[tuple[str, str, int, str | None]] = field(default_factory=list)
    mentions: list[tuple[str, int, int, str, str | None]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


def derive(analysis: dict[str, Any], published: str | None) -> Derived:
    """Rows for the entity, mention, event and quote tables from one analysis dict."""
    import json

    out = Derived()
    local: dict[str, str] = {}  # the article's entity id (E1) → ident
    for e in analysis.get("entities") or []:
        if not isinstance(e, dict) or not e.get("name"):
            continue
        ident = entity_ident(e)
        local[str(e.get("id"))] = ident
        out.entities.setdefault(
            ident,
            {
                "kb_id": e.get("kb_id"),
                "type": e.get("type") or "UNKNOWN",
                "subtype": e.get("subtype"),
                "name": e["name"],
                "name_key": name_key(e["name"]),
                "name_en": e.get("name_en"),
            },
        )
        mentions = [m for m in e.get("mentions") or [] if isinstance(m, dict)]
        roles = e.get("roles") or []
        out.article_entities.append(
            (str(e.get("id")), ident, len(mentions), json.dumps(roles, ensure_ascii=False) if roles else None)
        )
        for m in mentions:
            out.mentions.append((ident, int(m["start"]), int(m["end"]), str(m.get("text") or ""), m.get("method")))
    for v in analysis.get("events") or []:
        if not isinstance(v, dict) or not v.get("code"):
            continue
        evidence = v.get("evidence") or {}
        out.events.append(
            {
                "local_id": str(v.get("id") or ""),
                "code": str(v["code"]),
                "label": v.get("label"),
                "plover": v.get("plover"),
                "source": local.get(str(v.get("source"))) if v.get("source") else None,
                "target": local.get(str(v.get("target"))) if v.get("target") else None,
                "location": local.get(str(v.get("location"))) if v.get("location") else None,
                "date_value": v.get("date"),
                "day": day_of(v.get("date"), published),
                "mode": v.get("mode"),
                "confidence": v.get("confidence"),
                "evidence_start": evidence.get("start"),
                "evidence_end": evidence.get("end"),
            }
        )
    for q in analysis.get("quotes") or []:
        if not isinstance(q, dict) or q.get("start") is None:
            continue
        out.quotes.append(
            {
                "start": int(q["start"]),
                "end": int(q["end"]),
                "text": str(q.get("text") or ""),
                "kind": q.get("kind"),
                "speaker": local.get(str(q.get("speaker"))) if q.get("speaker") else None,
                "channel": local.get(str(q.get("channel"))) if q.get("channel") else None,
                "date_value": q.get("date"),
                "day": day_of(q.get("date"), published),
            }
        )
    return out
