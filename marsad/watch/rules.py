"""Watch rules: what an analyst wants to hear about, and how a rule is made from an indicator.

A rule has criteria of four kinds, and an article matches when every kind the rule gives holds:

* **actors** (KB ids or names): the article mentions them (all of them, or any with
  ``all_actors=False``). With event codes, a matching event must involve them as its source or
  target (both, when the rule names two actors or more, one with ``all_actors=False``).
* **codes** (CAMEO codes or roots, ``04`` = any consultation): the article reports an event
  whose code starts with one of them.
* **places** (KB ids or names): the article mentions one of them; with event codes, the event
  takes place there (its location, or a mention of the place inside its evidence).
* **keywords**: a query in the syntax of ``marsad search`` (Arabic-aware: diacritics, alef
  forms, clitics and stems fold), which the article's title or text must match.

A date window (``date_from``/``date_to``) limits the events to those dated inside it (an event
without a date takes its article's), and the articles without events to those published inside
it. A name is resolved through the knowledge base when the rule is made (``حفتر`` → the KB ids
of the Haftars), so the rule shows what it will match; a name the KB does not know matches the
entities of that name found in the articles.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from marsad.errors import ConfigError

ACTOR_TYPES = ("PERSON", "ORG", "GPE")
PLACE_TYPES = ("GPE", "LOC", "FAC")
#: how many words of an indicator a rule made from it keeps as keywords
MAX_INDICATOR_KEYWORDS = 6


@dataclass
class Target:
    """An actor or a place a rule names: what was given, and the KB entries it stands for."""

    spec: str
    kb_ids: list[str] = field(default_factory=list)
    name: str | None = None  # the display name (the KB name when resolved)

    def label(self) -> str:
        return self.name or self.spec

    @classmethod
    def of(cls, raw: Any) -> Target:
        if isinstance(raw, Target):
            return raw
        if isinstance(raw, str):
            return cls(raw)
        if isinstance(raw, dict) and raw.get("spec"):
            return cls(str(raw["spec"]), [str(k) for k in raw.get("kb_ids") or []], raw.get("name"))
        raise ConfigError(f"cannot read {raw!r} as an actor or place: give a name or a knowledge-base id")


@dataclass
class Rule:
    """A watch rule (see the module's documentation for what matches)."""

    name: str = ""
    actors: list[Target] = field(default_factory=list)
    all_actors: bool = True
    codes: list[str] = field(default_factory=list)
    places: list[Target] = field(default_factory=list)
    keywords: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    #: only articles analyzed after this time (ISO, UTC); None: every stored article too
    since: str | None = None
    #: where the rule came from (an analysis's indicator), for the analyst
    origin: dict[str, Any] | None = None
    id: int | None = None
    active: bool = True
    created_at: str | None = None

    # -- identity ----------------------------------------------------------------------------
    def criteria(self) -> dict[str, Any]:
        """What the rule matches, normalized: two rules with the same criteria are one rule."""
        return {
            "actors": sorted({(t.spec, tuple(sorted(t.kb_ids))) for t in self.actors}),
            "all_actors": self.all_actors if len(self.actors) > 1 else True,
            "codes": sorted(set(self.codes)),
            "places": sorted({(t.spec, tuple(sorted(t.kb_ids))) for t in self.places}),
            "keywords": " ".join(self.keywords.split()) if self.keywords else None,
            "date_from": self.date_from,
            "date_to": self.date_to,
        }

    def fingerprint(self) -> str:
        data = json.dumps(self.criteria(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]

    def describe(self) -> str:
        """One line saying what the rule watches for."""
        parts: list[str] = []
        if self.actors:
            joiner = " + " if self.all_actors else " | "
            parts.append("actor " + joiner.join(t.label() for t in self.actors))
        if self.codes:
            parts.append("event " + " | ".join(f"{c} {code_label(c)}" for c in self.codes))
        if self.places:
            parts.append("in " + " | ".join(t.label() for t in self.places))
        if self.keywords:
            parts.append(f"words «{self.keywords}»")
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'} – {self.date_to or '…'}")
        return " · ".join(parts)

    # -- (de)serialization -------------------------------------------------------------------
    def spec(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("id", "active", "created_at", "origin", "name"):
            d.pop(k)
        return d

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["description"] = self.describe()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Rule:
        if not isinstance(d, dict):
            raise ConfigError(f"a watch rule is a JSON object, got {type(d).__name__}")
        known = {"name", "actors", "all_actors", "codes", "places", "keywords", "date_from", "date_to", "since",
                 "origin", "id", "active", "created_at", "description"}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ConfigError(
                f"unknown field(s) {', '.join(unknown)} in a watch rule; the fields are "
                "name, actors, all_actors, codes, places, keywords, date_from, date_to"
            )
        return cls(
            name=str(d.get("name") or ""),
            actors=[Target.of(a) for a in _as_list(d.get("actors"), "actors")],
            all_actors=bool(d.get("all_actors", True)),
            codes=[str(c) for c in _as_list(d.get("codes"), "codes")],
            places=[Target.of(p) for p in _as_list(d.get("places"), "places")],
            keywords=d.get("keywords") or None,
            date_from=d.get("date_from") or None,
            date_to=d.get("date_to") or None,
            since=d.get("since") or None,
            origin=d.get("origin"),
            id=d.get("id"),
            active=bool(d.get("active", True)),
            created_at=d.get("created_at"),
        )


def _as_list(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        return [value]
    if isinstance(value, list):
        return value
    raise ConfigError(f"'{name}' of a watch rule must be a list, got {value!r}")


# -- checking and resolving ---------------------------------------------------------------------

def code_label(code: str) -> str:
    """The CAMEO label of a code or a root (``04`` → the label of ``040``)."""
    from marsad.extract.events import cameo

    table = cameo.table()
    entry = table.get(code) or table.get(code + "0")
    return entry.label if entry else ""


def check_code(code: str) -> str:
    from marsad.extract.events import cameo

    c = code.strip()
    if not c.isdigit() or not 2 <= len(c) <= 4:
        raise ConfigError(
            f"event code {code!r} is not a CAMEO code: give 2 to 4 digits, a root such as 04 (consult) or a "
            "code such as 042 (make a visit)"
        )
    if not any(k.startswith(c) for k in cameo.table()):
        raise ConfigError(
            f"no CAMEO code starts with {c!r}: see marsad/extract/events/cameo_*.tsv "
            "(roots 01-20, e.g. 04 consult, 19 fight)"
        )
    return c


def resolve_target(spec: str, types: tuple[str, ...]) -> Target:
    """A name or KB id, resolved through the knowledge base (entries of ``types`` first)."""
    from marsad.kb import load_kb

    s = " ".join(str(spec).split())
    if not s:
        raise ConfigError("an empty actor or place name: give a name (حفتر) or a knowledge-base id (khalifa-haftar)")
    kb = load_kb()
    entry = kb.get(s)
    if entry is not None:
        return Target(s, [entry.id], entry.name)
    entries = kb.lookup(s)
    preferred = [e for e in entries if e.type in types] or entries
    if not preferred:
        return Target(s, [], None)
    name = preferred[0].name if len(preferred) == 1 else s
    return Target(s, [e.id for e in preferred], name)


def check_rule(rule: Rule, resolve: bool = True) -> Rule:
    """Validate a rule (ConfigError naming what is wrong) and resolve its names through the KB."""
    from marsad.search.query import parse_query

    rule.codes = list(dict.fromkeys(check_code(c) for c in rule.codes))
    if rule.keywords is not None:
        rule.keywords = " ".join(str(rule.keywords).split()) or None
    if rule.keywords:
        if len(rule.keywords) > 500:
            raise ConfigError(f"the keywords of a rule are at most 500 characters, got {len(rule.keywords)}")
        parse_query(rule.keywords)  # raises ConfigError for a query with nothing to search
    if not (rule.actors or rule.codes or rule.places or rule.keywords):
        raise ConfigError(
            "a watch rule needs something to watch for: an actor (--actor), an event code (--code), a place "
            "(--place) or keywords (--keywords)"
        )
    rule.date_from = check_day(rule.date_from, "--from")
    rule.date_to = check_day(rule.date_to, "--to")
    rule.since = rule.since or None
    if rule.date_from and rule.date_to and rule.date_from > rule.date_to:
        raise ConfigError(f"--from {rule.date_from} is after --to {rule.date_to}: swap them")
    if resolve:
        rule.actors = [t if t.kb_ids or t.name else resolve_target(t.spec, ACTOR_TYPES) for t in rule.actors]
        rule.places = [t if t.kb_ids or t.name else resolve_target(t.spec, PLACE_TYPES) for t in rule.places]
    if len(rule.name) > 200:
        raise ConfigError(f"a rule name is at most 200 characters, got {len(rule.name)}")
    if not rule.name:
        rule.name = rule.describe()[:200]
    return rule


def check_day(value: str | None, option: str) -> str | None:
    """A day given as YYYY-MM-DD (ConfigError naming the option otherwise)."""
    import datetime as dt

    v = str(value).strip() if value is not None else ""
    if not v:
        return None
    try:
        if len(v) == 10:
            return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        pass
    raise ConfigError(f"{option} {value!r} is not a date: give it as YYYY-MM-DD (2017-04-03)")


# -- rules from an analysis ---------------------------------------------------------------------

@dataclass
class Proposal:
    """What one indicator of an analysis gives: a rule, or the reason it gives none."""

    indicator: dict[str, Any]
    rule: Rule | None
    reason: str | None = None
    created: bool | None = None  # set when the rule is added to a store


def _target_of_entity(entity: dict[str, Any]) -> Target:
    kb = entity.get("kb_id")
    if kb:
        return Target(str(kb), [str(kb)], entity.get("name"))
    return Target(str(entity.get("name")), [], entity.get("name"))


def _indicator_keywords(analysis: dict[str, Any], indicator: dict[str, Any]) -> list[str]:
    """The content words of an indicator: not a function word, not inside a name or a date."""
    from marsad.search.terms import stopwords
    from marsad.text.normalize import match_key, normalize
    from marsad.text.tokens import ARABIC, tokenize

    text = str(indicator.get("text") or "")
    ev = indicator.get("evidence") or {}
    base = int(ev.get("start") or 0)
    covered: list[tuple[int, int]] = []
    for e in analysis.get("entities") or []:
        covered.extend((int(m["start"]), int(m["end"])) for m in e.get("mentions") or [])
    covered.extend((int(t["start"]), int(t["end"])) for t in analysis.get("times") or [])
    stop = stopwords()
    tokens = tokenize(normalize(text))
    words: list[str] = []
    for i, info in enumerate(tokens.infos):
        if info.kind != ARABIC:
            continue
        s, e = base + tokens.starts[i], base + tokens.ends[i]
        if any(cs < e and s < ce for cs, ce in covered):
            continue
        word = text[tokens.starts[i] : tokens.ends[i]]
        key = match_key(word)
        if len(key) < 3 or key in stop or any(k in stop for _, k in info.readings[1:] if len(k) >= 2):
            continue
        if word not in words:
            words.append(word)
    return words[:MAX_INDICATOR_KEYWORDS]


def rules_from_analysis(analysis: dict[str, Any], *, new_only: bool = False) -> list[Proposal]:
    """One proposal per indicator of an analysis (the contract marsad.analysis/1).

    The indicator's actors, event code (its CAMEO root, since an indicator words an event
    loosely) and place become the rule's criteria. An indicator that names only one actor or
    place and no event also keeps its content words as keywords (any of them), so the rule is
    not every article about that actor. An indicator without actor, event or place gives no
    rule: keywords alone would match too much, and the reason says how to add one by hand."""
    if not isinstance(analysis, dict) or not isinstance(analysis.get("entities"), list):
        raise ConfigError("this is not an analysis (the JSON of 'marsad analyze --format json'): no 'entities' list")
    entities = {str(e.get("id")): e for e in analysis.get("entities") or [] if isinstance(e, dict)}
    doc = analysis.get("document") or {}
    out: list[Proposal] = []
    for ind in analysis.get("indicators") or []:
        if not isinstance(ind, dict):
            continue
        actors = [_target_of_entity(entities[a]) for a in ind.get("actors") or [] if a in entities]
        place = entities.get(str(ind.get("location"))) if ind.get("location") else None
        places = [_target_of_entity(place)] if place else []
        code = ind.get("event_code")
        codes = [str(code)[:2]] if code else []
        words = _indicator_keywords(analysis, ind)
        if not (actors or codes or places):
            hint = (f" such as: marsad watch add --keywords '{' '.join(words[:3])}'" if words else "")
            out.append(Proposal(ind, None, "names no actor, event or place to watch for; add a rule by hand" + hint))
            continue
        keywords = None
        if not codes and len(actors) + len(places) <= 1 and words:
            keywords = " OR ".join(words)
        origin = {
            "analysis": doc.get("id"), "title": doc.get("title"), "published": doc.get("published"),
            "source": doc.get("source"), "indicator": ind.get("text"), "evidence": ind.get("evidence"),
            "event_code": code,
        }
        rule = Rule(name=_clip(str(ind.get("text") or "")), actors=actors, codes=codes, places=places,
                    keywords=keywords, origin=origin)
        if new_only:
            from marsad.store.base import now

            rule.since = now()
        out.append(Proposal(ind, check_rule(rule, resolve=False)))
    return out


def _clip(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
