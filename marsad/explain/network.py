"""The actor network of the stored articles: who acts on whom, and who appears with whom.

Two kinds of links, kept apart because they mean different things:

* **event** links (directed): source → target of coded events (``marsad events``); the weight
  is the number of events, ``articles`` the number of articles reporting them, ``codes`` the
  CAMEO codes with their counts.
* **co-mention** links (undirected): two actors (PERSON, ORG, GPE) named in the same article;
  the weight is the number of such articles. Without ``actor``, only the most mentioned actors
  of the period are paired (``MAX_COMENTION_NODES``), so a large store stays quick.

Every link lists up to ``EVIDENCE`` articles it comes from (their ids), so any line of the
network can be checked against the text. Dates: events by their day (an event without a date
takes its article's), co-mentions by the article's publication day.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from typing import Any
from xml.sax.saxutils import quoteattr

from marsad.errors import ConfigError
from marsad.store.base import Store, date_window

ACTOR_TYPES = ("PERSON", "ORG", "GPE")
MAX_COMENTION_NODES = 150
EVIDENCE = 5


def actor_entity_ids(store: Store, actor: str) -> set[int]:
    """The store's entities an actor name or KB id designates (ConfigError when none)."""
    from marsad.watch.engine import target_entity_ids
    from marsad.watch.rules import ACTOR_TYPES as TYPES
    from marsad.watch.rules import resolve_target

    ids = target_entity_ids(store, resolve_target(actor, TYPES))
    if not ids:
        raise ConfigError(
            f"no actor {actor!r} in the stored articles: 'marsad entities' lists the names found "
            "(a knowledge-base id such as khalifa-haftar works too)"
        )
    return ids


def _window(column: str, date_from: str | None, date_to: str | None) -> tuple[str, list[Any]]:
    conds, params = date_window(column, date_from, date_to)
    return "".join(" AND " + c for c in conds), params


def _marks(ids: set[int] | list[int]) -> tuple[str, list[int]]:
    values = sorted(ids) or [-1]
    return ",".join("?" * len(values)), values


def build_network(
    store: Store,
    *,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str = "all",
    min_weight: int = 1,
    top: int = 200,
) -> dict[str, Any]:
    """The network as ``{"nodes": [...], "edges": [...], "filters": {...}}``."""
    from marsad.search import make_filters
    from marsad.watch.rules import check_day

    if kind not in ("all", "events", "mentions"):
        raise ConfigError(f"network kind {kind!r}: give all, events or mentions")
    if top < 1 or min_weight < 1:
        raise ConfigError("--top and --min-weight must be at least 1")
    f = make_filters(date_from=check_day(date_from, "--from"), date_to=check_day(date_to, "--to"))
    focus = actor_entity_ids(store, actor) if actor else None
    edges: list[dict[str, Any]] = []
    if kind in ("all", "events"):
        edges.extend(_event_edges(store, focus, f.date_from, f.date_to))
    if kind in ("all", "mentions"):
        edges.extend(_comention_edges(store, focus, f.date_from, f.date_to))
    edges = [e for e in edges if e["weight"] >= min_weight]
    edges.sort(key=lambda e: (-e["weight"], -e["articles"], e["kind"] != "event", e["source"], e["target"]))
    edges = edges[:top]
    _attach_evidence(store, edges, f.date_from, f.date_to)
    node_ids = {e["source"] for e in edges} | {e["target"] for e in edges} | (focus or set())
    nodes = _nodes(store, node_ids, f.date_from, f.date_to)
    ident = {n["entity"]: n["id"] for n in nodes}
    for e in edges:
        e["source"], e["target"] = ident[e["source"]], ident[e["target"]]
    for n in nodes:
        n.pop("entity")
    return {
        "nodes": nodes,
        "edges": edges,
        "filters": {"actor": actor, "from": f.date_from, "to": f.date_to, "kind": kind, "min_weight": min_weight,
                    "top": top},
    }


def _event_edges(store: Store, focus: set[int] | None, date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    where, params = _window("ev.day", date_from, date_to)
    if focus is not None:
        marks, values = _marks(focus)
        where += f" AND (ev.source_id IN ({marks}) OR ev.target_id IN ({marks}))"
        params += values + values
    base = ("FROM events ev WHERE ev.source_id IS NOT NULL AND ev.target_id IS NOT NULL "
            "AND ev.source_id <> ev.target_id" + where)
    edges: dict[tuple[int, int], dict[str, Any]] = {}
    for s, t, n, arts in store.execute(
        f"SELECT ev.source_id, ev.target_id, COUNT(*), COUNT(DISTINCT ev.article_id) {base} "
        "GROUP BY ev.source_id, ev.target_id", params,
    ).fetchall():
        edges[(int(s), int(t))] = {"source": int(s), "target": int(t), "kind": "event", "directed": True,
                                   "weight": int(n), "articles": int(arts), "codes": {}}
    for s, t, code, n in store.execute(
        f"SELECT ev.source_id, ev.target_id, ev.code, COUNT(*) {base} GROUP BY ev.source_id, ev.target_id, ev.code "
        "ORDER BY ev.code", params,
    ).fetchall():
        edges[(int(s), int(t))]["codes"][str(code)] = int(n)
    return list(edges.values())


def _comention_edges(store: Store, focus: set[int] | None, date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    where, params = _window("a.published", date_from, date_to)
    types = ",".join("?" * len(ACTOR_TYPES))
    if focus is not None:
        marks, values = _marks(focus)
        rows = store.execute(
            "SELECT x.entity_id, o.entity_id, COUNT(DISTINCT x.article_id) FROM article_entities x "
            "JOIN article_entities o ON o.article_id = x.article_id AND o.entity_id <> x.entity_id "
            "JOIN entities e ON e.id = o.entity_id JOIN articles a ON a.id = x.article_id "
            f"WHERE x.entity_id IN ({marks}) AND e.type IN ({types}){where} GROUP BY x.entity_id, o.entity_id",
            [*values, *ACTOR_TYPES, *params],
        ).fetchall()
        pairs: dict[tuple[int, int], int] = {}
        for x, o, n in rows:
            a, b = sorted((int(x), int(o)))
            pairs[(a, b)] = max(pairs.get((a, b), 0), int(n))
    else:
        top = [int(r[0]) for r in store.execute(
            "SELECT ae.entity_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id "
            f"JOIN articles a ON a.id = ae.article_id WHERE e.type IN ({types}){where} "
            "GROUP BY ae.entity_id ORDER BY COUNT(DISTINCT ae.article_id) DESC, ae.entity_id LIMIT ?",
            [*ACTOR_TYPES, *params, MAX_COMENTION_NODES],
        ).fetchall()]
        marks, values = _marks(top)
        rows = store.execute(
            "SELECT x.entity_id, o.entity_id, COUNT(DISTINCT x.article_id) FROM article_entities x "
            "JOIN article_entities o ON o.article_id = x.article_id AND x.entity_id < o.entity_id "
            "JOIN articles a ON a.id = x.article_id "
            f"WHERE x.entity_id IN ({marks}) AND o.entity_id IN ({marks}){where} GROUP BY x.entity_id, o.entity_id",
            [*values, *values, *params],
        ).fetchall()
        pairs = {(int(x), int(o)): int(n) for x, o, n in rows}
    return [{"source": a, "target": b, "kind": "co-mention", "directed": False, "weight": n, "articles": n,
             "codes": {}} for (a, b), n in pairs.items()]


def _attach_evidence(store: Store, edges: list[dict[str, Any]], date_from: str | None, date_to: str | None) -> None:
    for e in edges:
        if e["kind"] == "event":
            where, params = _window("ev.day", date_from, date_to)
            rows = store.execute(
                "SELECT DISTINCT a.uid, a.published FROM events ev JOIN articles a ON a.id = ev.article_id "
                f"WHERE ev.source_id = ? AND ev.target_id = ?{where} ORDER BY a.published DESC, a.uid LIMIT ?",
                [e["source"], e["target"], *params, EVIDENCE],
            ).fetchall()
        else:
            where, params = _window("a.published", date_from, date_to)
            rows = store.execute(
                "SELECT DISTINCT a.uid, a.published FROM article_entities x JOIN article_entities o "
                "ON o.article_id = x.article_id JOIN articles a ON a.id = x.article_id "
                f"WHERE x.entity_id = ? AND o.entity_id = ?{where} ORDER BY a.published DESC, a.uid LIMIT ?",
                [e["source"], e["target"], *params, EVIDENCE],
            ).fetchall()
        e["evidence"] = [r[0] for r in rows]


def _nodes(store: Store, ids: set[int], date_from: str | None, date_to: str | None) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks, values = _marks(ids)
    where, params = _window("a.published", date_from, date_to)
    counts: dict[int, int] = defaultdict(int)
    for eid, n in store.execute(
        "SELECT ae.entity_id, COUNT(DISTINCT ae.article_id) FROM article_entities ae JOIN articles a "
        f"ON a.id = ae.article_id WHERE ae.entity_id IN ({marks}){where} GROUP BY ae.entity_id", [*values, *params],
    ).fetchall():
        counts[int(eid)] = int(n)
    nodes = []
    for eid, ident, name, name_en, type_, subtype, kb_id in store.execute(
        f"SELECT id, ident, name, name_en, type, subtype, kb_id FROM entities WHERE id IN ({marks}) ORDER BY id", values,
    ).fetchall():
        nodes.append({"id": ident, "entity": int(eid), "name": name, "name_en": name_en, "type": type_,
                      "subtype": subtype, "kb_id": kb_id, "articles": counts[int(eid)]})
    nodes.sort(key=lambda n: (-n["articles"], n["id"]))
    return nodes


def to_csv(net: dict[str, Any]) -> str:
    """One link a line: source, target (ids and names), kind, weight, articles, codes, evidence."""
    names = {n["id"]: n["name"] for n in net["nodes"]}
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["source", "source_name", "target", "target_name", "kind", "directed", "weight", "articles",
                "codes", "evidence"])
    for e in net["edges"]:
        w.writerow([e["source"], names.get(e["source"], ""), e["target"], names.get(e["target"], ""), e["kind"],
                    "yes" if e["directed"] else "no", e["weight"], e["articles"],
                    " ".join(f"{c}:{n}" for c, n in e["codes"].items()), " ".join(e["evidence"])])
    return out.getvalue()


def to_gexf(net: dict[str, Any]) -> str:
    """GEXF 1.3 (Gephi): nodes with type and KB id, edges with kind, weight and evidence."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <meta><creator>marsad</creator><description>actor network</description></meta>',
        '  <graph defaultedgetype="directed" mode="static">',
        '    <attributes class="node">',
        '      <attribute id="type" title="type" type="string"/>',
        '      <attribute id="kb_id" title="kb_id" type="string"/>',
        '      <attribute id="name_en" title="name_en" type="string"/>',
        '      <attribute id="articles" title="articles" type="integer"/>',
        '    </attributes>',
        '    <attributes class="edge">',
        '      <attribute id="kind" title="kind" type="string"/>',
        '      <attribute id="articles" title="articles" type="integer"/>',
        '      <attribute id="codes" title="codes" type="string"/>',
        '      <attribute id="evidence" title="evidence" type="string"/>',
        '    </attributes>',
        '    <nodes>',
    ]
    for n in net["nodes"]:
        lines.append(f'      <node id={quoteattr(n["id"])} label={quoteattr(n["name"] or n["id"])}><attvalues>'
                     f'<attvalue for="type" value={quoteattr(n["type"] or "")}/>'
                     f'<attvalue for="kb_id" value={quoteattr(n["kb_id"] or "")}/>'
                     f'<attvalue for="name_en" value={quoteattr(n["name_en"] or "")}/>'
                     f'<attvalue for="articles" value="{n["articles"]}"/></attvalues></node>')
    lines.append("    </nodes>")
    lines.append("    <edges>")
    for i, e in enumerate(net["edges"]):
        codes = " ".join(f"{c}:{k}" for c, k in e["codes"].items())
        lines.append(f'      <edge id="{i}" source={quoteattr(e["source"])} target={quoteattr(e["target"])} '
                     f'type="{"directed" if e["directed"] else "undirected"}" weight="{e["weight"]}"><attvalues>'
                     f'<attvalue for="kind" value={quoteattr(e["kind"])}/>'
                     f'<attvalue for="articles" value="{e["articles"]}"/>'
                     f'<attvalue for="codes" value={quoteattr(codes)}/>'
                     f'<attvalue for="evidence" value={quoteattr(" ".join(e["evidence"]))}/></attvalues></edge>')
    lines.append("    </edges>")
    lines.append("  </graph>")
    lines.append("</gexf>")
    return "\n".join(lines) + "\n"
