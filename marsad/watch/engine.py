"""Rules in the store, and the run that checks articles against them and raises alerts.

A run checks, for each active rule, the articles analyzed since the rule was last checked (all
stored articles on its first run, unless the rule was made ``new_only``), and those analyzed
again since (``marsad reanalyze``). Candidates are found in SQL (the derived entity and event
tables, the search index); each candidate's stored analysis then decides, and gives the
evidence. An alert is one (rule, article) row: running again never duplicates one, and a run
re-checks the last minutes before the previous run started, so an article that a concurrent
ingest committed late is not missed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from marsad.errors import ConfigError
from marsad.store.base import Store, date_window, now
from marsad.store.records import day_of, name_key
from marsad.watch.rules import Rule, Target, check_rule
from marsad.watch.schema import ensure_watch_schema, has_watch_tables

#: a run re-checks the articles analyzed this long before the previous run started
OVERLAP = timedelta(minutes=10)
#: evidence kept per alert, at most, of each kind
MAX_EVIDENCE = 8


# -- rules -------------------------------------------------------------------------------------

def _rule_of_row(row: Sequence[Any]) -> Rule:
    rid, name, spec, origin, active, created_at = row
    rule = Rule.from_dict(json.loads(spec))
    rule.id = int(rid)
    rule.name = name
    rule.origin = json.loads(origin) if origin else None
    rule.active = bool(active)
    rule.created_at = created_at
    return rule


_RULE_COLS = "id, name, spec, origin, active, created_at"


def add_rule(store: Store, rule: Rule) -> tuple[Rule, bool]:
    """Store a rule (validated, names resolved); returns it with its id, and whether it is new.

    A rule with the same criteria as a stored one is that rule (made active again if paused)."""
    check_rule(rule)
    ensure_watch_schema(store)
    fp = rule.fingerprint()
    with store.transaction():
        row = store.execute(f"SELECT {_RULE_COLS} FROM watch_rules WHERE fingerprint = ?", (fp,)).fetchone()
        if row is not None:
            if not row[4]:
                store.execute("UPDATE watch_rules SET active = 1 WHERE id = ?", (row[0],))
            existing = _rule_of_row(row)
            existing.active = True
            return existing, False
        rule.created_at = now()
        cur = store.execute(
            "INSERT INTO watch_rules (name, spec, fingerprint, origin, active, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (rule.name, json.dumps(rule.spec(), ensure_ascii=False), fp,
             json.dumps(rule.origin, ensure_ascii=False) if rule.origin else None, 1, rule.created_at),
        )
        rule.id = int(cur.fetchone()[0])
    return rule, True


def list_rules(store: Store, *, active_only: bool = False) -> list[Rule]:
    if not has_watch_tables(store):
        return []
    where = " WHERE active = 1" if active_only else ""
    rows = store.execute(f"SELECT {_RULE_COLS} FROM watch_rules{where} ORDER BY id").fetchall()
    return [_rule_of_row(r) for r in rows]


def resolve_rule(store: Store, ref: str | int) -> int:
    """The id of the rule ``ref`` designates: its number, or its name (ConfigError when none)."""
    text = str(ref).strip()
    if text.isdigit():
        return get_rule(store, int(text)).id or int(text)
    from marsad.text.normalize import fold_key, normalize_text

    def key(name: str) -> str:
        return " ".join(fold_key(normalize_text(name)).split())

    wanted = key(text)
    named = [r for r in list_rules(store) if r.name and key(r.name) == wanted]
    if len(named) == 1 and named[0].id is not None:
        return named[0].id
    if named:
        ids = ", ".join(str(r.id) for r in named)
        raise ConfigError(f"several watch rules are named {text!r} (rules {ids}): give the number instead")
    raise ConfigError(
        f"no watch rule {text!r} in {store.display_url}: give a rule's number or name ('marsad watch list' shows them)"
    )


def get_rule(store: Store, rule_id: int) -> Rule:
    row = None
    if has_watch_tables(store):
        row = store.execute(f"SELECT {_RULE_COLS} FROM watch_rules WHERE id = ?", (rule_id,)).fetchone()
    if row is None:
        raise ConfigError(f"no watch rule {rule_id} in {store.display_url}: 'marsad watch list' shows the rules")
    return _rule_of_row(row)


def remove_rule(store: Store, rule_id: int) -> int:
    """Delete a rule and its alerts; returns how many alerts went with it."""
    get_rule(store, rule_id)
    with store.transaction():
        n = int(store.execute("SELECT COUNT(*) FROM watch_alerts WHERE rule_id = ?", (rule_id,)).fetchone()[0])
        store.execute("DELETE FROM watch_alerts WHERE rule_id = ?", (rule_id,))
        store.execute("DELETE FROM watch_rules WHERE id = ?", (rule_id,))
    return n


def set_active(store: Store, rule_id: int, active: bool) -> None:
    get_rule(store, rule_id)
    with store.transaction():
        store.execute("UPDATE watch_rules SET active = ? WHERE id = ?", (1 if active else 0, rule_id))


# -- resolving names in the store -----------------------------------------------------------------

def target_entity_ids(store: Store, target: Target) -> set[int]:
    """The store's entities a rule's actor or place designates."""
    if not target.kb_ids:
        return set(store.entity_ids(target.spec))
    marks = ",".join("?" * len(target.kb_ids))
    ids = {int(r[0]) for r in store.execute(f"SELECT id FROM entities WHERE kb_id IN ({marks})", target.kb_ids)}
    # the same name found in articles without a KB link (a spelling the KB misses elsewhere)
    if target.spec not in target.kb_ids:
        key = name_key(target.spec)
        ids.update(int(r[0]) for r in store.execute(
            "SELECT id FROM entities WHERE kb_id IS NULL AND name_key = ?", (key,)))
    return ids


def keyword_article_ids(store: Store, query: Any) -> set[int]:
    """Ids of the articles whose indexed title or text match a parsed query."""
    from marsad.search.query import to_fts5, to_tsquery

    if store.backend == "postgresql":
        rows = store.execute(
            "SELECT article_id FROM search_index WHERE terms @@ CAST(? AS TSQUERY)", (to_tsquery(query),))
    else:
        rows = store.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", (to_fts5(query),))
    return {int(r[0]) for r in rows}


# -- matching ------------------------------------------------------------------------------------

@dataclass
class _Prepared:
    """A rule resolved against the store for one run."""

    rule: Rule
    actor_sets: list[set[int]]
    place_set: set[int]
    query: Any = None
    highlight: tuple[set[str], set[str], tuple[str, ...]] | None = None
    keyword_ids: set[int] | None = None

    @property
    def required_actors(self) -> int:
        """How many of the rule's actors an event must involve."""
        n = len(self.actor_sets)
        if n == 0:
            return 0
        return min(n, 2) if self.rule.all_actors else 1


def prepare(store: Store, rule: Rule) -> _Prepared | None:
    """The rule's entities in this store; None when one it needs is not in the store at all."""
    from marsad.search.query import highlight_terms, parse_query

    actor_sets = [target_entity_ids(store, t) for t in rule.actors]
    place_set: set[int] = set()
    for t in rule.places:
        place_set |= target_entity_ids(store, t)
    if rule.actors:
        if rule.all_actors and not all(actor_sets):
            return None
        if not any(actor_sets):
            return None
    if rule.places and not place_set:
        return None
    p = _Prepared(rule, actor_sets, place_set)
    if rule.keywords:
        p.query = parse_query(rule.keywords)
        p.highlight = highlight_terms(p.query)
        p.keyword_ids = keyword_article_ids(store, p.query)
    return p


def _in(ids: set[int] | Sequence[int]) -> tuple[str, list[Any]]:
    values = sorted(ids) or [-1]
    return ",".join("?" * len(values)), values


def candidates(store: Store, p: _Prepared, analyzed_since: str | None) -> list[int]:
    """Articles the rule may match, analyzed since ``analyzed_since`` (all when None)."""
    rule = p.rule
    conds = ["a.near_duplicate_of IS NULL"]
    params: list[Any] = []
    for stamp in (analyzed_since, rule.since):
        if stamp:
            conds.append("n.analyzed_at >= ?")
            params.append(stamp)
    groups = p.actor_sets if rule.all_actors else [set().union(*p.actor_sets)] if p.actor_sets else []
    for ids in groups:
        marks, values = _in(ids)
        conds.append(f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({marks}))")
        params.extend(values)
    if rule.places:
        marks, values = _in(p.place_set)
        conds.append(f"a.id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({marks}))")
        params.extend(values)
    if rule.codes:
        ev = ["(" + " OR ".join("code LIKE ?" for _ in rule.codes) + ")"]
        params_ev: list[Any] = [c + "%" for c in rule.codes]
        window, window_params = date_window("day", rule.date_from, rule.date_to)
        ev += window
        params_ev += window_params
        conds.append(f"a.id IN (SELECT article_id FROM events WHERE {' AND '.join(ev)})")
        params.extend(params_ev)
    else:
        window, window_params = date_window("a.published", rule.date_from, rule.date_to)
        conds += window
        params += window_params
    rows = store.execute(
        "SELECT a.id FROM articles a JOIN analyses n ON n.article_id = a.id WHERE "
        + " AND ".join(conds) + " ORDER BY a.id",
        params,
    ).fetchall()
    found = [int(r[0]) for r in rows]
    if p.keyword_ids is not None:
        found = [i for i in found if i in p.keyword_ids]
    return found


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def evaluate(
    p: _Prepared, article: dict[str, Any], analysis: dict[str, Any], local_ids: dict[str, int]
) -> dict[str, Any] | None:
    """The evidence of the rule in one article, or None when the article does not match.

    ``local_ids`` maps the analysis's entity ids (E1…) to the store's entity ids."""
    rule = p.rule
    text: str = article["text"]
    published: str | None = article.get("published")
    entities = {str(e.get("id")): e for e in analysis.get("entities") or [] if isinstance(e, dict)}
    actor_locals = [{loc for loc, eid in local_ids.items() if eid in ids and loc in entities} for ids in p.actor_sets]
    place_locals = {loc for loc, eid in local_ids.items() if eid in p.place_set and loc in entities}
    if rule.actors:
        present = sum(1 for s in actor_locals if s)
        if (rule.all_actors and present < len(actor_locals)) or present == 0:
            return None
    if rule.places and not place_locals:
        return None

    def name(local: str | None) -> str | None:
        e = entities.get(str(local)) if local else None
        return str(e.get("name")) if e else None

    def place_mentions() -> list[tuple[int, int]]:
        return [(int(m["start"]), int(m["end"])) for loc in place_locals
                for m in entities[loc].get("mentions") or []] if place_locals else []

    all_actor_locals = set().union(*actor_locals) if actor_locals else set()
    events: list[dict[str, Any]] = []
    day: str | None = None
    if rule.codes:
        places_at = place_mentions()
        for v in analysis.get("events") or []:
            code = str(v.get("code") or "")
            if not any(code.startswith(c) for c in rule.codes):
                continue
            involved = {v.get("source"), v.get("target")} - {None}
            if p.required_actors and sum(1 for s in actor_locals if s & involved) < p.required_actors:
                continue
            ev = v.get("evidence") or {}
            s, e = int(ev.get("start") or 0), int(ev.get("end") or 0)
            if rule.places and v.get("location") not in place_locals and not _overlaps(s, e, places_at):
                continue
            vday = day_of(v.get("date"), published)
            if rule.date_from and (vday is None or vday < rule.date_from):
                continue
            if rule.date_to and (vday is None or vday > rule.date_to):
                continue
            events.append({
                "id": v.get("id"), "code": code, "label": v.get("label"), "mode": v.get("mode"),
                "date": v.get("date"), "day": vday, "source": name(v.get("source")),
                "target": name(v.get("target")), "location": name(v.get("location")),
                "start": s, "end": e, "text": text[s:e],
            })
        if not events:
            return None
        day = events[0]["day"]
    else:
        if rule.date_from and (published is None or published < rule.date_from):
            return None
        if rule.date_to and (published is None or published > rule.date_to):
            return None
        day = published
    keywords: list[dict[str, Any]] = []
    if p.highlight is not None:
        from marsad.search.snippets import match_spans

        keywords = [{"start": s, "end": e, "text": text[s:e]} for s, e in match_spans(text, *p.highlight)]
    kw_spans = [(k["start"], k["end"]) for k in keywords]
    ev_spans = [(v["start"], v["end"]) for v in events]
    said: list[dict[str, Any]] = []
    on_topic: list[dict[str, Any]] = []
    for q in analysis.get("quotes") or []:
        s, e = int(q.get("start") or 0), int(q.get("end") or 0)
        if rule.actors and q.get("speaker") not in all_actor_locals:
            continue
        item = {"start": s, "end": e, "text": q.get("text") or text[s:e], "kind": q.get("kind"),
                "speaker": name(q.get("speaker")), "channel": name(q.get("channel")), "date": q.get("date")}
        said.append(item)
        if _overlaps(s, e, kw_spans) or _overlaps(s, e, ev_spans):
            on_topic.append(item)
    # the quotes on the rule's words or events; an actor's other words when none is
    quotes = on_topic or (said if rule.actors else [])
    mentions: list[dict[str, Any]] = []
    for role, locals_ in (("actor", all_actor_locals), ("place", place_locals)):
        for loc in sorted(locals_):
            ent = entities[loc]
            for m in (ent.get("mentions") or [])[:3]:
                mentions.append({"start": int(m["start"]), "end": int(m["end"]), "text": m.get("text"),
                                 "entity": ent.get("name"), "kb_id": ent.get("kb_id"), "role": role})
    mentions.sort(key=lambda m: m["start"])
    return {
        "article": {"id": article["uid"], "title": article.get("title"), "published": published,
                    "source": article.get("source"), "url": article.get("url")},
        "day": day,
        "events": events[:MAX_EVIDENCE],
        "quotes": quotes[:MAX_EVIDENCE],
        "mentions": mentions[: 2 * MAX_EVIDENCE],
        "keywords": keywords[: 2 * MAX_EVIDENCE],
        "counts": {"events": len(events), "quotes": len(quotes), "keywords": len(keywords)},
    }


# -- the run ---------------------------------------------------------------------------------

@dataclass
class RunSummary:
    rules: int = 0
    checked: int = 0
    new_alerts: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)  # the new ones
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"rules": self.rules, "checked": self.checked, "new_alerts": self.new_alerts,
                "seconds": round(self.seconds, 3), "alerts": self.alerts}


def _shift(stamp: str, delta: timedelta) -> str:
    t = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC) - delta
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _chunks(items: list[int], n: int) -> Iterator[list[int]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _load(store: Store, ids: list[int]) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, int]]]:
    """(article, analysis, local entity ids) of stored articles, in chunks."""
    for chunk in _chunks(ids, 200):
        articles = store.articles_by_id(chunk)
        marks = ",".join("?" * len(chunk))
        data = {int(r[0]): r[1] for r in store.execute(
            f"SELECT article_id, data FROM analyses WHERE article_id IN ({marks})", chunk)}
        local: dict[int, dict[str, int]] = {}
        for aid, loc, eid in store.execute(
                f"SELECT article_id, local_id, entity_id FROM article_entities WHERE article_id IN ({marks})", chunk):
            local.setdefault(int(aid), {})[str(loc)] = int(eid)
        for aid in chunk:
            if aid not in articles or aid not in data:
                continue
            d = data[aid]
            yield articles[aid], (d if isinstance(d, dict) else json.loads(d)), local.get(aid, {})


def run_watch(store: Store, *, rule_ids: Sequence[int] | None = None, full: bool = False) -> RunSummary:
    """Check the articles analyzed since each rule's last run (``full``: every article) and raise
    the alerts that are not raised yet. Returns what was checked and the new alerts."""
    import time

    t0 = time.perf_counter()
    ensure_watch_schema(store)
    out = RunSummary()
    rules = [r for r in list_rules(store) if r.active] if rule_ids is None else [get_rule(store, i) for i in rule_ids]
    checked: set[int] = set()
    for rule in rules:
        started = now()
        assert rule.id is not None
        row = store.execute("SELECT checked_at FROM watch_rules WHERE id = ?", (rule.id,)).fetchone()
        last = row[0] if row else None
        since = None if full or not last else _shift(last, OVERLAP)
        p = prepare(store, rule)
        new: list[tuple[Any, ...]] = []
        if p is not None:
            ids = candidates(store, p, since)
            for article, analysis, local_ids in _load(store, ids):
                checked.add(int(article["id"]))
                evidence = evaluate(p, article, analysis, local_ids)
                if evidence is not None:
                    new.append((rule, article, evidence))
        with store.transaction():
            for rule_, article, evidence in new:
                cur = store.execute(
                    "INSERT INTO watch_alerts (rule_id, article_id, raised_at, day, evidence) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (rule_id, article_id) DO NOTHING",
                    (rule_.id, article["id"], started, evidence["day"], json.dumps(evidence, ensure_ascii=False)),
                )
                if cur.rowcount == 1:
                    out.new_alerts += 1
                    out.alerts.append(_alert_dict(None, rule_, started, evidence))
            store.execute("UPDATE watch_rules SET checked_at = ? WHERE id = ?", (started, rule.id))
        out.rules += 1
    out.checked = len(checked)
    out.seconds = time.perf_counter() - t0
    return out


# -- reading alerts ---------------------------------------------------------------------------

_RELATIVE = re.compile(r"^(\d+)\s*([hdw])$")


def parse_since(value: str | None) -> str | None:
    """An alert time bound: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], or a span back from now (24h, 7d, 2w)."""
    if value is None or not str(value).strip():
        return None
    v = str(value).strip()
    m = _RELATIVE.match(v)
    if m:
        n = int(m.group(1))
        delta = {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n)}[m.group(2)]
        return _shift(now(), delta)
    for fmt, out in (("%Y-%m-%d", "%Y-%m-%d"), ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:00Z"),
                     ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ"), ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%SZ"),
                     ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:00Z")):
        try:
            return datetime.strptime(v, fmt).strftime(out)
        except ValueError:
            continue
    raise ConfigError(
        f"--since {value!r} is not a time: give a day (2025-12-18), a UTC time (2025-12-18T09:30) "
        "or a span back from now (24h, 7d, 2w)"
    )


def _alert_dict(alert_id: int | None, rule: Rule | tuple[int, str], raised_at: str, evidence: dict[str, Any]) -> dict[str, Any]:
    rid, rname = (rule.id, rule.name) if isinstance(rule, Rule) else rule
    return {"id": alert_id, "rule": rid, "rule_name": rname, "raised_at": raised_at, "day": evidence.get("day"),
            **{f"article_{k}": v for k, v in evidence["article"].items()}, "evidence": evidence}


def list_alerts(
    store: Store, *, since: str | None = None, rule_id: int | None = None, article: str | None = None,
    article_ids: Sequence[int] | None = None, limit: int = 100, offset: int = 0,
) -> list[dict[str, Any]]:
    """Alerts, newest first: raised since ``since`` (parse_since), of one rule, or on one article."""
    if limit < 1:
        raise ConfigError(f"the number of alerts must be at least 1, got {limit}")
    bound = parse_since(since)
    if not has_watch_tables(store):
        return []
    conds: list[str] = []
    params: list[Any] = []
    if bound:
        conds.append("w.raised_at >= ?")
        params.append(bound)
    if rule_id is not None:
        conds.append("w.rule_id = ?")
        params.append(rule_id)
    if article is not None:
        conds.append("w.article_id IN (SELECT id FROM articles WHERE uid = ?)")
        params.append(article)
    if article_ids is not None:
        marks, values = _in(set(article_ids))
        conds.append(f"w.article_id IN ({marks})")
        params.extend(values)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    rows = store.execute(
        "SELECT w.id, w.rule_id, r.name, w.raised_at, w.evidence FROM watch_alerts w "
        f"JOIN watch_rules r ON r.id = w.rule_id{where} ORDER BY w.raised_at DESC, w.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [_alert_dict(int(r[0]), (int(r[1]), r[2]), r[3], json.loads(r[4])) for r in rows]


def count_alerts(store: Store) -> dict[int, int]:
    """Alerts per rule id."""
    if not has_watch_tables(store):
        return {}
    return {int(r[0]): int(r[1]) for r in store.execute(
        "SELECT rule_id, COUNT(*) FROM watch_alerts GROUP BY rule_id").fetchall()}
