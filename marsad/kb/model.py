"""Knowledge-base entries: the actors, places and outlets marsad links mentions to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")

#: subtypes in use; a file may use another lowercase word (a warning is kept in kb.warnings)
KNOWN_SUBTYPES = frozenset(
    {
        # places
        "state", "city", "capital", "region", "province", "district", "continent", "sea", "river",
        "mountain", "desert", "territory",
        # organizations
        "government", "ministry", "military", "police", "security", "intelligence", "parliament",
        "court", "party", "armed_group", "militia", "terrorist_group", "movement", "union",
        "media", "news_agency", "newspaper", "tv", "radio", "website", "international_org",
        "ngo", "company", "bank", "central_bank", "university", "religious", "sport", "club",
        "agency", "council", "presidency", "commission", "embassy", "un_body", "coalition", "team",
        "tribe", "family",
        # people
        "head_of_state", "head_of_government", "minister", "military_officer", "politician",
        "diplomat", "journalist", "analyst", "activist", "religious_leader", "businessperson",
        "athlete", "artist", "official", "royal", "militia_leader", "judge", "envoy",
        # facilities
        "airport", "port", "base", "building", "headquarters", "oil_field", "prison",
        "stadium", "border_crossing", "hospital",
    }
)


@dataclass(frozen=True, slots=True)
class KBRole:
    title: str  # Arabic title as news writes it: «قائد الجيش الباكستاني»
    title_en: str | None = None
    org: str | None = None  # id of the organization the role is in
    start: date | None = None
    end: date | None = None  # None: still holds it (or unknown)

    def holds_on(self, day: date | None) -> bool:
        """True when the role was held on ``day`` (any role counts when the day is unknown)."""
        if day is None:
            return True
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "title_en": self.title_en,
            "org": self.org,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str
    name: str  # the Arabic name
    subtype: str | None = None
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    #: aliases that are also common words («الخبر», «بيان»): they only count with a place or
    #: name context (a place preposition, «مدينة», a title…)
    weak_aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None  # id of the parent organization (or state of a city)
    roles: tuple[KBRole, ...] = ()
    cameo: str | None = None  # CAMEO actor code: PAK, PAKMIL, LBYGOV …
    adjectives: tuple[str, ...] = ()  # nationality adjectives of a state: باكستاني، باكستانية …
    capital: str | None = None
    population: int | None = None
    #: how well known the entity is (0–100): decides between two bearers of a short name
    prominence: int = 0
    source_file: str = field(default="", compare=False)

    def all_names(self) -> tuple[str, ...]:
        """The name and every alias, strong ones first."""
        return (self.name, *self.aliases, *((self.name_en,) if self.name_en else ()))

    def roles_on(self, day: date | None) -> list[KBRole]:
        return [r for r in self.roles if r.holds_on(day)]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "type": self.type, "subtype": self.subtype, "name": self.name}
        for key in ("name_en", "wikidata", "country", "parent", "cameo", "capital", "population"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.weak_aliases:
            out["weak_aliases"] = list(self.weak_aliases)
        if self.adjectives:
            out["adjectives"] = list(self.adjectives)
        if self.roles:
            out["roles"] = [r.to_dict() for r in self.roles]
        if self.prominence:
            out["prominence"] = self.prominence
        out["source_file"] = self.source_file
        return out
