"""Exports of the events of one or many analyses: PLOVER-style JSON lines and an ACLED-like CSV.

Both read analyses as ``marsad analyze`` writes them (the contract ``marsad.analysis/1``): a JSON
file with one analysis or a list of them, or JSON lines with one analysis a line.

PLOVER-style record (one JSON object a line; the field names follow the PLOVER data format where
it has one)::

    {"id": "<document id>-V1", "date": "2025-12-17", "event": "CONSULT", "mode": "visit",
     "context": [], "cameo": "042", "cameo_label": "Make a visit",
     "actor": "Asim Munir", "actor_id": "asim-munir", "actor_type": "PERSON", "actor_country": "PK",
     "recipient": "…", "recipient_id": "…", …, "location": {"name": "…", "name_en": "…", "id": "…",
     "country": "LY"}, "modality": "asserted", "confidence": 0.9, "text": "…",
     "span": {"start": 150, "end": 420}, "source_document": {"id": "…", "title": "…", "source":
     "…", "url": "…", "published": "…"}}

``mode`` and ``context`` are PLOVER's (the kind of visit, protest, assault…); ``modality`` is
marsad's: asserted, negated, planned, hypothetical or denied. Names are the English name when the
knowledge base has one, else the Arabic one.

ACLED-like CSV columns: see :data:`ACLED_COLUMNS`. ACLED's event and sub-event types come from
the CAMEO code (``acled_types.tsv``); coordinates and fatalities are left empty (the analysis
has neither).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from marsad.errors import ConfigError, InputError, PathNotFoundError
from marsad.extract.events import cameo

SCHEMA = "marsad.analysis/1"
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    "cameo_code",
    "cameo_label",
    "plover",
    "modality",
    "confidence",
    "document_id",
    "url",
)
FORMATS = ("plover", "acled")


# -- reading analyses --------------------------------------------------------------------------
def read_analyses(paths: Iterable[str | Path], stdin: IO[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every analysis in the given JSON / JSON-lines files ('-' is standard input)."""
    for p in paths:
        name = str(p)
        if name == "-":
            text = (stdin or sys.stdin).read()
        else:
            path = Path(p)
            if not path.exists():
                raise PathNotFoundError(f"no such file: {name} (give analyses written by 'marsad analyze')")
            text = path.read_text(encoding="utf-8")
        yield from _parse(text, name)


def _parse(text: str, name: str) -> Iterator[dict[str, Any]]:
    stripped = text.strip()
    if not stripped:
        return
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
    if whole is not None:
        items = whole if isinstance(whole, list) else [whole]
        for n, item in enumerate(items, 1):
            yield _checked(item, f"{name}, item {n}")
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(
                f"{name}, line {n}: not JSON ({e.msg}); give the output of 'marsad analyze --format json' "
                "or '--format jsonl'"
            ) from None
        yield _checked(item, f"{name}, line {n}")


def _checked(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict) or item.get("schema") != SCHEMA:
        got = item.get("schema") if isinstance(item, dict) else type(item).__name__
        raise InputError(f"{where}: not an analysis (schema {got!r}, expected {SCHEMA!r})")
    return item


# -- records -----------------------------------------------------------------------------------
def _entity_index(analysis: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in analysis.get("entities") or [] if isinstance(e, dict) and "id" in e}


def _name(e: dict[str, Any] | None) -> str | None:
    if e is None:
        return None
    return e.get("name_en") or e.get("name")


def _doc_key(analysis: dict[str, Any]) -> str:
    doc = analysis.get("document") or {}
    return str(doc.get("id") or "")


def selected_events(
    analysis: dict[str, Any], *, modes: Iterable[str] | None = ("asserted",), min_confidence: float = 0.0
) -> list[dict[str, Any]]:
    keep = set(modes) if modes is not None else None
    out = []
    for ev in analysis.get("events") or []:
        if keep is not None and ev.get("mode", "asserted") not in keep:
            continue
        if float(ev.get("confidence") or 0.0) < min_confidence:
            continue
        out.append(ev)
    return out


def plover_records(analysis: dict[str, Any], **select: Any) -> list[dict[str, Any]]:
    ents = _entity_index(analysis)
    doc = analysis.get("document") or {}
    out = []
    for ev in selected_events(analysis, **select):
        code = str(ev.get("code", ""))
        info = cameo.table().get(code)
        actor, recipient, place = ents.get(ev.get("source") or ""), ents.get(ev.get("target") or ""), ents.get(
            ev.get("location") or ""
        )
        rec: dict[str, Any] = {
            "id": f"{_doc_key(analysis)}-{ev.get('id')}",
            "date": ev.get("date"),
            "event": info.plover if info else ev.get("plover"),
            "mode": info.plover_mode if info else None,
            "context": (info.plover_context or "").split(";") if info and info.plover_context else [],
            "cameo": code,
            "cameo_label": info.label if info else ev.get("label"),
        }
        for role, e in (("actor", actor), ("recipient", recipient)):
            rec[role] = _name(e)
            rec[f"{role}_id"] = (e.get("kb_id") or e.get("id")) if e else None
            rec[f"{role}_type"] = e.get("type") if e else None
            rec[f"{role}_country"] = e.get("country") if e else None
            rec[f"{role}_cameo"] = e.get("cameo") if e else None
        rec["location"] = (
            {"name": place.get("name"), "name_en": place.get("name_en"), "id": place.get("kb_id") or place.get("id"),
             "country": place.get("country")}
            if place
            else None
        )
        rec["modality"] = ev.get("mode", "asserted")
        rec["confidence"] = ev.get("confidence")
        rec["text"] = ev.get("text")
        rec["span"] = ev.get("evidence")
        rec["source_document"] = {k: doc.get(k) for k in ("id", "title", "source", "url", "published")}
        out.append(rec)
    return out


@cache
def acled_types() -> list[tuple[str, str, str]]:
    """(CAMEO code prefix, ACLED event type, sub-event type), longest prefixes first."""
    text = resources.files("marsad.extract.events").joinpath("acled_types.tsv").read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ConfigError(f"acled_types.tsv, line {n}: expected 3 tab-separated cells, got {line!r}")
        rows.append((cells[0].strip(), cells[1].strip(), cells[2].strip()))
    return sorted(rows, key=lambda r: -len(r[0]))


def acled_type(code: str) -> tuple[str, str]:
    for prefix, etype, sub in acled_types():
        if code.startswith(prefix):
            return etype, sub
    return "Strategic developments", "Other"


def _precision(date: str | None) -> str:
    if not date:
        return ""
    return "1" if len(date) >= 10 else "2" if len(date) == 7 else "3"


def acled_rows(analysis: dict[str, Any], **select: Any) -> list[dict[str, Any]]:
    ents = _entity_index(analysis)
    doc = analysis.get("document") or {}
    rows = []
    for ev in selected_events(analysis, **select):
        code = str(ev.get("code", ""))
        info = cameo.table().get(code)
        etype, sub = acled_type(code)
        actor, recipient, place = ents.get(ev.get("source") or ""), ents.get(ev.get("target") or ""), ents.get(
            ev.get("location") or ""
        )
        date = ev.get("date") or ""
        country = (place or {}).get("country") or (actor or {}).get("country") or ""
        rows.append(
            {
                "event_id_cnty": f"{_doc_key(analysis)[:12]}-{ev.get('id')}",
                "event_date": date,
                "year": date[:4] if date[:4].isdigit() else "",
                "time_precision": _precision(date),
                "event_type": etype,
                "sub_event_type": sub,
                "actor1": _name(actor) or "",
                "assoc_actor_1": (actor or {}).get("country") or "",
                "actor2": _name(recipient) or "",
                "assoc_actor_2": (recipient or {}).get("country") or "",
                "country": country,
                "location": _name(place) or "",
                "latitude": "",
                "longitude": "",
                "source": doc.get("source") or "",
                "notes": " ".join(str(ev.get("text") or "").split()),
                "fatalities": "",
                "cameo_code": code,
                "cameo_label": info.label if info else ev.get("label") or "",
                "plover": (info.plover if info else ev.get("plover")) or "",
                "modality": ev.get("mode", "asserted"),
                "confidence": ev.get("confidence"),
                "document_id": doc.get("id") or "",
                "url": doc.get("url") or "",
            }
        )
    return rows


def write_export(analyses: Iterable[dict[str, Any]], out: IO[str], fmt: str = "plover", **select: Any) -> int:
    """Write the events of ``analyses`` to ``out``; returns how many were written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    n = 0
    if fmt == "plover":
        for a in analyses:
            for rec in plover_records(a, **select):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for a in analyses:
        for row in acled_rows(a, **select):
            writer.writerow(row)
            n += 1
    return n


def export_string(analyses: Iterable[dict[str, Any]], fmt: str = "plover", **select: Any) -> str:
    buf = io.StringIO()
    write_export(analyses, buf, fmt, **select)
    return buf.getvalue()
