"""Checks that an analysis dict honours the contract ``marsad.analysis/1``.

``problems(d, text)`` lists every way ``d`` departs from the contract: a missing or mistyped
field, an id that points nowhere, a span outside the text, a mention whose ``text`` is not the
slice its offsets give. An empty list means valid. Tests run it over real output; so can users
(``marsad analyze --check``).
"""

from __future__ import annotations

import re
from typing import Any

SCHEMA = "marsad.analysis/1"
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
TIME_TYPES = {"DATE", "TIME", "DURATION", "SET"}
QUOTE_KINDS = {"direct", "indirect"}
# TIMEX3 values: dates (with X placeholders), weeks, times, durations, sets and the refs
_TIMEX_RE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|[0-9X]{2,4}(?:-(?:0[1-9]|1[0-2]|XX|W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)|Q[1-4X]|H[12X]|SP|SU|FA|WI)"
    r"(?:-(?:0[1-9]|[12][0-9]|3[01]|XX|WE|[1-7]))?)?"
    r"(?:T(?:[0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?|MO|MI|AF|EV|NI|DT))?"
    r"|P(?:[0-9.]+[YMWD]|T[0-9.]+[HMS]|[0-9.]+[YMWD]T[0-9.]+[HMS]|X+[YMWDHS]|T?X+[HMS])+"
    r"|P[0-9]+[YMWD]T[0-9]+[HMS])$"
)


def valid_timex(value: str) -> bool:
    return bool(_TIMEX_RE.match(value))


def problems(d: Any, text: str | None = None) -> list[str]:
    """Every departure of ``d`` from the contract; ``text`` (the original) checks the spans."""
    out: list[str] = []
    if not isinstance(d, dict):
        return ["the analysis is not a JSON object"]
    if d.get("schema") != SCHEMA:
        out.append(f"schema is {d.get('schema')!r}, expected {SCHEMA!r}")
    doc = d.get("document")
    if not isinstance(doc, dict):
        out.append("document is missing")
        doc = {}
    for key in ("id", "title", "published", "language", "source", "length"):
        if key not in doc:
            out.append(f"document.{key} is missing")
    if doc.get("published") is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", str(doc["published"])):
        out.append(f"document.published {doc['published']!r} is not an ISO date")
    length = doc.get("length")
    if text is not None and length != len(text):
        out.append(f"document.length is {length}, the text has {len(text)} characters")
    n = len(text) if text is not None else (length if isinstance(length, int) else None)

    def span(where: str, s: Any, check_text: str | None = None) -> None:
        if not isinstance(s, dict) or not isinstance(s.get("start"), int) or not isinstance(s.get("end"), int):
            out.append(f"{where}: start/end missing or not integers")
            return
        if not 0 <= s["start"] <= s["end"] or (n is not None and s["end"] > n):
            out.append(f"{where}: span {s['start']}–{s['end']} is outside the text (length {n})")
            return
        if text is not None and check_text is not None and text[s["start"] : s["end"]] != check_text:
            out.append(f"{where}: text {check_text!r} is not the slice {text[s['start']:s['end']]!r}")

    for key in ("entities", "times", "events", "quotes", "indicators", "hypotheses"):
        if not isinstance(d.get(key), list):
            out.append(f"{key} is missing or not a list")
    entity_ids: set[str] = set()
    for i, e in enumerate(d.get("entities") or []):
        where = f"entities[{i}]"
        for key in ("id", "type", "subtype", "name", "name_en", "kb_id", "roles", "mentions"):
            if key not in e:
                out.append(f"{where}.{key} is missing")
        if e.get("id") in entity_ids:
            out.append(f"{where}: duplicate id {e.get('id')!r}")
        entity_ids.add(e.get("id"))
        if e.get("type") not in ENTITY_TYPES:
            out.append(f"{where}: type {e.get('type')!r} is not one of {sorted(ENTITY_TYPES)}")
        if not e.get("mentions"):
            out.append(f"{where}: an entity without mentions")
        for j, m in enumerate(e.get("mentions") or []):
            span(f"{where}.mentions[{j}]", m, m.get("text") if isinstance(m, dict) else None)
        for j, r in enumerate(e.get("roles") or []):
            if not isinstance(r, dict) or "title" not in r:
                out.append(f"{where}.roles[{j}]: a role needs a title")
            elif r.get("end", 0) > 0:
                span(f"{where}.roles[{j}]", r)
    for i, t in enumerate(d.get("times") or []):
        where = f"times[{i}]"
        span(where, t, t.get("text"))
        if t.get("type") not in TIME_TYPES:
            out.append(f"{where}: type {t.get('type')!r} is not one of {sorted(TIME_TYPES)}")
        if not isinstance(t.get("value"), str) or not valid_timex(t["value"]):
            out.append(f"{where}: value {t.get('value')!r} is not a TIMEX3 value")
        if not t.get("anchor"):
            out.append(f"{where}: anchor is missing")

    def ref(where: str, value: Any) -> None:
        if value is not None and value not in entity_ids:
            out.append(f"{where} {value!r} is not an entity id of this analysis")

    for i, v in enumerate(d.get("events") or []):
        where = f"events[{i}]"
        if not re.match(r"^\d{2,4}$", str(v.get("code", ""))):
            out.append(f"{where}: code {v.get('code')!r} is not a CAMEO code")
        for key in ("source", "target", "location"):
            ref(f"{where}.{key}", v.get(key))
        span(f"{where}.evidence", v.get("evidence"))
        if not isinstance(v.get("confidence"), int | float) or not 0 <= v["confidence"] <= 1:
            out.append(f"{where}: confidence {v.get('confidence')!r} is not in [0, 1]")
    for i, q in enumerate(d.get("quotes") or []):
        where = f"quotes[{i}]"
        span(where, q, q.get("text"))
        if q.get("kind") not in QUOTE_KINDS:
            out.append(f"{where}: kind {q.get('kind')!r} is not direct or indirect")
        ref(f"{where}.speaker", q.get("speaker"))
        ref(f"{where}.channel", q.get("channel"))
    for key in ("indicators", "hypotheses"):
        for i, item in enumerate(d.get(key) or []):
            if not item.get("text"):
                out.append(f"{key}[{i}]: text is missing")
            span(f"{key}[{i}].evidence", item.get("evidence"))
    return out
