"""Reading knowledge-base files: YAML (a list of entries) or TSV (one entry a row).

YAML entry (every field but id, type and name is optional)::

    - id: asim-munir                 # stable, lowercase letters, digits and hyphens
      type: PERSON                   # PERSON | ORG | GPE | LOC | FAC
      subtype: military_officer
      name: عاصم منير                 # Arabic name
      name_en: Asim Munir
      aliases: [سيد عاصم منير, Asim Munir]
      weak_aliases: []               # count only with a supporting context
      wikidata: Q97289396
      country: PK                    # ISO 3166-1 alpha-2
      parent: pakistan-army          # id of another entry
      cameo: PAKMIL
      prominence: 60                 # 0–100, decides between bearers of one short name
      roles:
        - {title: قائد الجيش الباكستاني, title_en: Chief of Army Staff, org: pakistan-army,
           from: 2022-11-29, to: null}

A state (GPE/state) may add ``adjectives`` (nationality adjectives) and ``capital``; a place may
add ``population``.

TSV files start with a header row naming the columns (any of the fields above); list fields
(aliases, weak_aliases, adjectives) are separated by ``|``. Lines starting with ``#`` are comments.

Errors name the file, the line and the field: ``KnowledgeBaseError``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.kb.model import ENTITY_TYPES, KBEntry, KBRole

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_ISO2_RE = re.compile(r"^[A-Z]{2}$")
_CAMEO_RE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

FIELDS = (
    "id", "type", "subtype", "name", "name_en", "aliases", "weak_aliases", "wikidata", "country",
    "parent", "roles", "cameo", "adjectives", "capital", "population", "prominence",
)
LIST_FIELDS = ("aliases", "weak_aliases", "adjectives")
ROLE_FIELDS = ("title", "title_en", "org", "from", "to")

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type,unused-ignore]
    """Safe loading where dates stay strings, so that our own check reports a bad one."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class _EntryError(Exception):
    def __init__(self, message: str, field: str | None = None, item: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.item = item  # which element of a list field (a role) is wrong


def _text(value: Any, field: str, required: bool = False) -> str | None:
    if value is None or value == "":
        if required:
            raise _EntryError(f"'{field}' is required", field)
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _EntryError(f"'{field}' must be text, got {type(value).__name__}", field)
    return str(value).strip()


def _list(value: Any, field: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        value = [v for v in value.split("|")]
    if not isinstance(value, list):
        raise _EntryError(f"'{field}' must be a list of names, got {type(value).__name__}", field)
    out = []
    for item in value:
        if not isinstance(item, str | int) or isinstance(item, bool) or not str(item).strip():
            raise _EntryError(f"'{field}' holds an empty or non-text item: {item!r}", field)
        out.append(str(item).strip())
    return tuple(dict.fromkeys(out))


def _date(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    m = _DATE_RE.match(str(value).strip())
    if not m:
        raise _EntryError(f"'{field}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", field)
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return date(y, mo, d)
    except ValueError:
        raise _EntryError(f"'{field}' is not a real date: {value!r}", field) from None


def entry_from_mapping(raw: Any, source: str) -> KBEntry:
    """Validate one entry (a mapping) and build it; raises _EntryError naming the field."""
    if not isinstance(raw, dict):
        raise _EntryError(f"an entry must be a mapping of fields, got {type(raw).__name__}")
    unknown = [k for k in raw if k not in FIELDS]
    if unknown:
        raise _EntryError(
            f"unknown field '{unknown[0]}' (known fields: {', '.join(FIELDS)})", str(unknown[0])
        )
    entry_id = _text(raw.get("id"), "id", required=True)
    assert entry_id is not None
    if not _ID_RE.match(entry_id):
        raise _EntryError(
            f"id {entry_id!r} must use lowercase letters, digits, '.' and '-' (e.g. 'asim-munir')", "id"
        )
    etype = _text(raw.get("type"), "type", required=True)
    if etype not in ENTITY_TYPES:
        raise _EntryError(f"type {etype!r} is not one of {', '.join(ENTITY_TYPES)}", "type")
    name = _text(raw.get("name"), "name", required=True)
    assert name is not None
    subtype = _text(raw.get("subtype"), "subtype")
    if subtype is not None and not re.match(r"^[a-z_]+$", subtype):
        raise _EntryError(f"subtype {subtype!r} must be a lowercase word like 'military'", "subtype")
    wikidata = _text(raw.get("wikidata"), "wikidata")
    if wikidata is not None and not _QID_RE.match(wikidata):
        raise _EntryError(f"wikidata {wikidata!r} must look like Q12345", "wikidata")
    country = _text(raw.get("country"), "country")
    if country is not None and not _ISO2_RE.match(country):
        raise _EntryError(f"country {country!r} must be an ISO 3166 alpha-2 code like 'PK'", "country")
    cameo = _text(raw.get("cameo"), "cameo")
    if cameo is not None and not _CAMEO_RE.match(cameo):
        raise _EntryError(f"cameo {cameo!r} must be a CAMEO actor code like 'PAKMIL'", "cameo")
    parent = _text(raw.get("parent"), "parent")
    capital = _text(raw.get("capital"), "capital")
    population = raw.get("population")
    if population not in (None, ""):
        try:
            population = int(population)
        except (TypeError, ValueError):
            raise _EntryError(f"population must be a whole number, got {population!r}", "population") from None
    else:
        population = None
    prominence = raw.get("prominence") or 0
    try:
        prominence = int(prominence)
    except (TypeError, ValueError):
        raise _EntryError(f"prominence must be a number 0–100, got {prominence!r}", "prominence") from None
    if not 0 <= prominence <= 100:
        raise _EntryError(f"prominence must be between 0 and 100, got {prominence}", "prominence")
    roles = []
    raw_roles = raw.get("roles") or []
    if not isinstance(raw_roles, list):
        raise _EntryError("'roles' must be a list of {title, title_en, org, from, to}", "roles")
    for i, r in enumerate(raw_roles):
        try:
            roles.append(_role(r))
        except _EntryError as e:
            raise _EntryError(str(e), e.field, i) from None
    return KBEntry(
        id=entry_id,
        type=etype,
        name=name,
        subtype=subtype,
        name_en=_text(raw.get("name_en"), "name_en"),
        aliases=tuple(a for a in _list(raw.get("aliases"), "aliases") if a != name),
        weak_aliases=_list(raw.get("weak_aliases"), "weak_aliases"),
        wikidata=wikidata,
        country=country,
        parent=parent,
        roles=tuple(roles),
        cameo=cameo,
        adjectives=_list(raw.get("adjectives"), "adjectives"),
        capital=capital,
        population=population,
        prominence=prominence,
        source_file=source,
    )


def _role(r: Any) -> KBRole:
    if not isinstance(r, dict):
        raise _EntryError("each role must be a mapping with at least a 'title'", "roles")
    bad = [k for k in r if k not in ROLE_FIELDS]
    if bad:
        raise _EntryError(f"unknown role field '{bad[0]}' (known: {', '.join(ROLE_FIELDS)})", "roles")
    title = _text(r.get("title"), "roles.title", required=True)
    assert title is not None
    start, end = _date(r.get("from"), "roles.from"), _date(r.get("to"), "roles.to")
    if start and end and end < start:
        raise _EntryError(f"role {title!r} ends ({end}) before it starts ({start})", "roles")
    return KBRole(title, _text(r.get("title_en"), "roles.title_en"), _text(r.get("org"), "roles.org"), start, end)


def _yaml_field_line(text: str, index: int, field: str | None, item_index: int | None) -> int | None:
    """The line (1-based) of a field of the index-th entry; only computed to report an error."""
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(node, yaml.SequenceNode) or index >= len(node.value):
        return None
    item = node.value[index]
    line: int = item.start_mark.line + 1
    if field and isinstance(item, yaml.MappingNode):
        top = field.split(".")[0]
        for key, value in item.value:
            if getattr(key, "value", None) == top:
                if item_index is not None and isinstance(value, yaml.SequenceNode) and item_index < len(value.value):
                    value = value.value[item_index]
                return int(value.start_mark.line + 1)
    return line


def read_yaml(path: Path) -> Iterator[KBEntry]:
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KnowledgeBaseError(
            f"not valid YAML: {getattr(e, 'problem', e)}", str(path), mark.line + 1 if mark else None
        ) from None
    if data is None:
        return
    if not isinstance(data, list):
        raise KnowledgeBaseError(
            "a knowledge-base YAML file must be a list of entries ('- id: …')", str(path), 1
        )
    for i, raw in enumerate(data):
        try:
            yield entry_from_mapping(raw, str(path))
        except _EntryError as e:
            raise KnowledgeBaseError(
                str(e), str(path), _yaml_field_line(text, i, e.field, e.item), e.field
            ) from None


def read_tsv(path: Path) -> Iterator[KBEntry]:
    header: list[str] | None = None
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                unknown = [c for c in header if c not in FIELDS and c != "geonameid"]
                if unknown:
                    raise KnowledgeBaseError(
                        f"unknown column '{unknown[0]}' (known: {', '.join(FIELDS)})", str(path), lineno, unknown[0]
                    )
                continue
            if len(cells) > len(header):
                raise KnowledgeBaseError(
                    f"{len(cells)} cells but the header names {len(header)} columns", str(path), lineno
                )
            raw = {k: v for k, v in zip(header, cells, strict=False) if v != "" and k != "geonameid"}
            try:
                yield entry_from_mapping(raw, str(path))
            except _EntryError as e:
                raise KnowledgeBaseError(str(e), str(path), lineno, e.field) from None


def read_file(path: Path) -> Iterator[KBEntry]:
    if path.suffix in (".yaml", ".yml"):
        yield from read_yaml(path)
    elif path.suffix == ".tsv":
        yield from read_tsv(path)
    else:
        raise KnowledgeBaseError(
            f"unsupported knowledge-base file type '{path.suffix}': use .yaml or .tsv", str(path)
        )


def kb_files(folder: Path) -> list[Path]:
    """Knowledge-base files in a folder, recursively, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml", ".tsv") and p.is_file())
