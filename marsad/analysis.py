"""The result of analyzing one article, and its renderings: contract JSON, Markdown, plain text."""

from __future__ import annotations

import json
from typing import Any

from marsad import __version__
from marsad.doc import Document

SCHEMA = "marsad.analysis/1"


class Analysis:
    """One analyzed article. ``to_dict()`` is the public contract ``marsad.analysis/1``."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    # shortcuts to the parts
    @property
    def entities(self) -> list[Any]:
        return self.doc.entities

    @property
    def times(self) -> list[Any]:
        return self.doc.times

    @property
    def events(self) -> list[Any]:
        return self.doc.events

    @property
    def quotes(self) -> list[Any]:
        return self.doc.quotes

    def to_dict(self) -> dict[str, Any]:
        d = self.doc
        return {
            "schema": SCHEMA,
            "document": {
                "id": d.id,
                "title": d.title,
                "published": d.published.isoformat() if d.published else None,
                "language": d.language,
                "source": d.source,
                "url": d.url,
                "length": len(d.text),
                "analyzer": f"marsad {__version__}",
                "warnings": list(d.warnings),
            },
            "entities": [e.to_dict() for e in d.entities],
            "times": [t.to_dict() for t in d.times],
            "events": [e.to_dict() for e in d.events],
            "quotes": [q.to_dict() for q in d.quotes],
            "citations": [c.to_dict() for c in d.citations],
            "indicators": [i.to_dict() for i in d.indicators],
            "hypotheses": [h.to_dict() for h in d.hypotheses],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        return _render(self.doc, markdown=True)

    def to_text(self) -> str:
        return _render(self.doc, markdown=False)


def _clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _render(d: Document, *, markdown: bool) -> str:
    h1 = "# " if markdown else ""
    h2 = "## " if markdown else ""
    bullet = "- "
    names = {e.id: e.name for e in d.entities}
    lines: list[str] = []
    lines.append(h1 + (d.title or d.source or "(untitled)"))
    meta = [
        f"published {d.published.isoformat()}" if d.published else "publication date unknown",
        f"language {d.language or 'und'}",
        f"{len(d.text):,} characters",
        f"{len(d.sentences)} sentences",
    ]
    if d.source:
        meta.append(f"source {d.source}")
    lines.append(("*" + " · ".join(meta) + "*") if markdown else " · ".join(meta))
    if not markdown:
        lines.append("=" * 60)
    for w in d.warnings:
        lines.append(f"{'> ' if markdown else ''}warning: {w}")

    def section(title: str, items: list[str]) -> None:
        lines.append("")
        lines.append(f"{h2}{title} ({len(items)})")
        if not markdown:
            lines.append("-" * 40)
        lines.extend(items or ["(none found)"])

    section(
        "Entities",
        [
            f"{bullet}{e.name} [{e.type}{'/' + e.subtype if e.subtype else ''}]"
            + (f" = {e.name_en}" if e.name_en else "")
            + f" · {len(e.mentions)} mention{'s' if len(e.mentions) != 1 else ''}"
            + (f" · {'; '.join(r.title for r in e.roles)}" if e.roles else "")
            for e in d.entities
        ],
    )
    section(
        "Times",
        [f"{bullet}«{t.text}» → {t.value} ({t.type}, {t.anchor})" for t in d.times],
    )

    def who(entity_id: str | None) -> str:
        return names.get(entity_id, "?") if entity_id else "?"

    section(
        "Events",
        [
            f"{bullet}{v.code} {v.label}: {who(v.source)} → {who(v.target)}"
            + (f" · in {who(v.location)}" if v.location else "")
            + (f" · {v.date}" if v.date else "")
            + (f" · {v.mode}" if v.mode != "asserted" else "")
            + f" · «{_clip(d.text[v.evidence.start:v.evidence.end], 100)}»"
            for v in d.events
        ],
    )
    section(
        "Quotes",
        [
            f"{bullet}{who(q.speaker)}"
            + (f" (via {who(q.channel)})" if q.channel and q.channel != q.speaker else "")
            + (f" [{q.date}]" if q.date else "")
            + f", {q.kind}: «{_clip(q.text)}»"
            for q in d.quotes
        ],
    )
    if d.citations:
        section(
            "Citations",
            [f"{bullet}{who(c.source)} · {c.kind}" + (f" · {c.date}" if c.date else "") for c in d.citations],
        )
    section("Indicators to watch", [f"{bullet}{_clip(i.text, 200)}" for i in d.indicators])
    section("Hypotheses weighed", [f"{bullet}{_clip(h.text, 200)}" for h in d.hypotheses])
    return "\n".join(lines) + "\n"
