"""A brief on an actor or a search, built only from what the store holds.

The brief reads the articles in scope (those naming the actor, or those the search finds, in the
date window, the most recent first, at most ``max_articles``) and lists:

* the main actors named with the subject, by the number of articles;
* the timeline of coded events (the subject's own, for an actor), one line per distinct
  event (day, code, source, target, place), with every article that reports it;
* the key quotes, with speaker, channel and date (the subject's own first);
* the indicators the articles say to watch (those naming the subject first), and the alerts
  the watch rules raised on these articles.

Nothing is written that the store does not hold: every line carries the numbers of its source
articles, listed at the end with title, outlet, date and id.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from marsad.store.base import Store, date_window, now

ACTOR_TYPES = ("PERSON", "ORG", "GPE")
MAX_ACTORS = 12
MAX_TIMELINE = 60
MAX_QUOTES = 12
MAX_INDICATORS = 10
MAX_ALERTS = 20


class _Sources:
    """Source articles, numbered in the order the brief first cites them."""

    def __init__(self, articles: dict[int, dict[str, Any]]) -> None:
        self.articles = articles
        self.refs: dict[int, int] = {}

    def ref(self, article_id: int) -> int:
        if article_id not in self.refs:
            self.refs[article_id] = len(self.refs) + 1
        return self.refs[article_id]

    def listing(self) -> list[dict[str, Any]]:
        out = []
        for aid, n in sorted(self.refs.items(), key=lambda kv: kv[1]):
            a = self.articles[aid]
            out.append({"ref": n, "id": a["uid"], "title": a.get("title"), "outlet": a.get("source"),
                        "published": a.get("published"), "url": a.get("url")})
        return out


def _marks(ids: Any) -> tuple[str, list[Any]]:
    values = sorted(ids) or [-1]
    return ",".join("?" * len(values)), values


def build_brief(
    store: Store,
    *,
    actor: str | None = None,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    max_articles: int = 200,
) -> dict[str, Any]:
    """The brief as a dict (``schema`` marsad.brief/1); see :func:`to_markdown` to read it."""
    from marsad.errors import ConfigError
    from marsad.explain.network import actor_entity_ids
    from marsad.search import make_filters
    from marsad.watch.rules import check_day

    if (actor is None) == (query is None):
        raise ConfigError("a brief is on an actor or on a query: give one of them")
    if max_articles < 1:
        raise ConfigError(f"a brief reads at least 1 article, got {max_articles}")
    f = make_filters(date_from=check_day(date_from, "--from"), date_to=check_day(date_to, "--to"))
    focus: set[int] = set()
    subject: dict[str, Any] = {"actor": actor, "query": query, "from": f.date_from, "to": f.date_to}
    if actor is not None:
        focus = actor_entity_ids(store, actor)
        marks, values = _marks(focus)
        window, window_params = date_window("a.published", f.date_from, f.date_to)
        conds, params = [f"ae.entity_id IN ({marks})", *window], [*values, *window_params]
        rows = store.execute(
            "SELECT DISTINCT a.id, a.published FROM article_entities ae JOIN articles a ON a.id = ae.article_id "
            f"WHERE {' AND '.join(conds)} ORDER BY a.published DESC, a.id DESC LIMIT ?", [*params, max_articles],
        ).fetchall()
        scope = [int(r[0]) for r in rows]
        entity_rows = store.execute(
            f"SELECT name, type, kb_id, name_en FROM entities WHERE id IN ({marks}) ORDER BY id", values).fetchall()
        subject["entities"] = [{"name": r[0], "type": r[1], "kb_id": r[2], "name_en": r[3]} for r in entity_rows]
        highlight = None
    else:
        from marsad.search import search
        from marsad.search.query import highlight_terms, parse_query

        assert query is not None
        hits = search(store, query, date_from=f.date_from, date_to=f.date_to, limit=max_articles)
        uids = [h.id for h in hits]
        scope = []
        if uids:
            marks, values = _marks(uids)
            scope = [int(r[0]) for r in store.execute(f"SELECT id FROM articles WHERE uid IN ({marks})", values)]
        highlight = highlight_terms(parse_query(query))
    articles = store.articles_by_id(scope)
    sources = _Sources(articles)
    days = sorted(a["published"] for a in articles.values() if a.get("published"))
    brief: dict[str, Any] = {
        "schema": "marsad.brief/1",
        "subject": subject,
        "generated_at": now(),
        "store": store.display_url,
        "articles": len(scope),
        "period": {"first": days[0] if days else None, "last": days[-1] if days else None},
    }
    brief["actors"] = _actors(store, scope, focus, sources)
    brief["timeline"] = _timeline(store, scope, focus, f.date_from, f.date_to, sources)
    brief["quotes"] = _quotes(store, scope, focus, highlight, sources)
    brief["indicators"] = _indicators(store, scope, focus, sources)
    brief["alerts"] = _alerts(store, scope, articles, sources)
    brief["sources"] = sources.listing()
    return brief


def _actors(store: Store, scope: list[int], focus: set[int], sources: _Sources) -> list[dict[str, Any]]:
    if not scope:
        return []
    marks, values = _marks(scope)
    types = ",".join("?" * len(ACTOR_TYPES))
    per: dict[int, list[int]] = defaultdict(list)
    info: dict[int, tuple[Any, ...]] = {}
    for eid, name, type_, kb_id, name_en, aid in store.execute(
        "SELECT DISTINCT e.id, e.name, e.type, e.kb_id, e.name_en, ae.article_id FROM article_entities ae "
        f"JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id IN ({marks}) AND e.type IN ({types})",
        [*values, *ACTOR_TYPES],
    ).fetchall():
        if int(eid) in focus:
            continue
        per[int(eid)].append(int(aid))
        info[int(eid)] = (name, type_, kb_id, name_en)
    order = {aid: i for i, aid in enumerate(scope)}  # most recent first
    # on a tie, people and organizations before places
    ranked = sorted(per.items(), key=lambda kv: (-len(set(kv[1])), ACTOR_TYPES.index(info[kv[0]][1]),
                                                 info[kv[0]][0]))[:MAX_ACTORS]
    out = []
    for eid, aids in ranked:
        name, type_, kb_id, name_en = info[eid]
        cited = sorted(set(aids), key=lambda a: order.get(a, 0))[:3]
        out.append({"name": name, "type": type_, "kb_id": kb_id, "name_en": name_en, "articles": len(set(aids)),
                    "sources": [sources.ref(a) for a in cited]})
    return out


def _timeline(store: Store, scope: list[int], focus: set[int], date_from: str | None, date_to: str | None,
              sources: _Sources) -> list[dict[str, Any]]:
    if not scope:
        return []
    marks, values = _marks(scope)
    conds, params = [f"ev.article_id IN ({marks})"], list(values)
    if focus:
        fm, fv = _marks(focus)
        conds.append(f"(ev.source_id IN ({fm}) OR ev.target_id IN ({fm}))")
        params += fv + fv
    window, window_params = date_window("ev.day", date_from, date_to)
    conds += window
    params += window_params
    rows = store.execute(
        "SELECT ev.day, ev.date_value, ev.code, ev.label, ev.mode, s.name, t.name, l.name, ev.article_id, "
        "substr(a.text, ev.evidence_start + 1, ev.evidence_end - ev.evidence_start) "
        "FROM events ev JOIN articles a ON a.id = ev.article_id LEFT JOIN entities s ON s.id = ev.source_id "
        "LEFT JOIN entities t ON t.id = ev.target_id LEFT JOIN entities l ON l.id = ev.location_id "
        f"WHERE {' AND '.join(conds)} ORDER BY ev.day, a.published, ev.id",
        params,
    ).fetchall()
    entries: dict[tuple[Any, ...], dict[str, Any]] = {}
    for day, value, code, label, mode, s, t, loc, aid, evidence in rows:
        key = (day, code, s, t, loc, mode)
        entry = entries.get(key)
        if entry is None:
            if len(entries) >= MAX_TIMELINE:
                continue
            shown = value if value and re.fullmatch(r"\d{4}(-\d{2})?", str(value)) else day  # 2017-06 stays a month
            entry = entries[key] = {"date": shown, "day": day, "date_value": value, "code": code, "label": label, "mode": mode,
                                    "source": s, "target": t, "location": loc,
                                    "text": " ".join(str(evidence or "").split()), "sources": []}
        ref = sources.ref(int(aid))
        if ref not in entry["sources"]:
            entry["sources"].append(ref)
    return list(entries.values())


def _quotes(store: Store, scope: list[int], focus: set[int], highlight: Any, sources: _Sources) -> list[dict[str, Any]]:
    if not scope:
        return []
    marks, values = _marks(scope)
    rows = store.execute(
        "SELECT q.day, q.date_value, q.speaker_id, s.name, c.name, q.kind, q.text, q.article_id "
        "FROM quotes q LEFT JOIN entities s ON s.id = q.speaker_id LEFT JOIN entities c ON c.id = q.channel_id "
        f"WHERE q.article_id IN ({marks}) AND q.speaker_id IS NOT NULL ORDER BY q.day DESC, q.id",
        values,
    ).fetchall()
    scored = []
    for day, value, speaker_id, speaker, channel, kind, text, aid in rows:
        own = int(speaker_id) in focus
        on_query = 0
        if highlight is not None:
            from marsad.search.snippets import match_spans

            on_query = len(match_spans(str(text), *highlight))
        if focus and not own:  # an actor's brief quotes the actor; others' words are in its sources
            continue
        scored.append((0 if own else 1, -on_query, -(len(str(text)) > 40),
                       {"date": day, "date_value": value, "speaker": speaker, "channel": channel, "kind": kind,
                        "text": " ".join(str(text).split()), "article": int(aid)}))
    scored.sort(key=lambda s: s[:3])
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for *_, q in scored:
        if q["text"] in seen:
            continue
        seen.add(q["text"])
        q["source"] = sources.ref(q.pop("article"))
        out.append(q)
        if len(out) >= MAX_QUOTES:
            break
    out.sort(key=lambda q: q["date"] or "")
    return out


def _indicators(store: Store, scope: list[int], focus: set[int], sources: _Sources) -> list[dict[str, Any]]:
    if not scope:
        return []
    marks, values = _marks(scope)
    local: dict[int, dict[str, int]] = defaultdict(dict)
    for aid, loc, eid in store.execute(
            f"SELECT article_id, local_id, entity_id FROM article_entities WHERE article_id IN ({marks})", values):
        local[int(aid)][str(loc)] = int(eid)
    order = {aid: i for i, aid in enumerate(scope)}
    found = []
    for aid, data in store.execute(f"SELECT article_id, data FROM analyses WHERE article_id IN ({marks})", values):
        analysis = data if isinstance(data, dict) else json.loads(data)
        for ind in analysis.get("indicators") or []:
            names_subject = any(local[int(aid)].get(str(a)) in focus for a in ind.get("actors") or [])
            found.append((0 if names_subject else 1, order[int(aid)], int(aid), ind))
    found.sort(key=lambda f: f[:2])
    out = []
    for _, _, aid, ind in found[:MAX_INDICATORS]:
        out.append({"text": " ".join(str(ind.get("text") or "").split()), "event_code": ind.get("event_code"),
                    "source": sources.ref(aid)})
    return out


def _alerts(store: Store, scope: list[int], articles: dict[int, dict[str, Any]], sources: _Sources) -> list[dict[str, Any]]:
    from marsad.watch.engine import list_alerts

    if not scope:
        return []
    by_uid = {a["uid"]: aid for aid, a in articles.items()}
    out = []
    for a in list_alerts(store, article_ids=scope, limit=MAX_ALERTS):
        aid = by_uid.get(a["article_id"])
        if aid is None:
            continue
        ev = a["evidence"]
        what = ""
        if ev.get("events"):
            v = ev["events"][0]
            what = f"{v['code']} {v.get('label') or ''}: {v.get('source') or '?'} → {v.get('target') or '?'}"
        elif ev.get("quotes"):
            q = ev["quotes"][0]
            what = f"{q.get('speaker') or '?'}: «{q.get('text')}»"
        elif ev.get("keywords"):
            what = "، ".join(dict.fromkeys(k["text"] for k in ev["keywords"]))
        out.append({"rule": a["rule"], "rule_name": a["rule_name"], "raised_at": a["raised_at"], "day": a["day"],
                    "what": what, "source": sources.ref(aid)})
    return out


# -- Markdown ----------------------------------------------------------------------------------

_HEAD = {
    "en": {"brief": "Brief", "articles": "articles", "period": "period", "generated": "generated",
           "actors": "Main actors", "timeline": "Timeline of events", "quotes": "Key quotes",
           "indicators": "Indicators to watch", "alerts": "Alerts", "sources": "Sources", "none": "(none in the store)",
           "via": "via", "in": "in", "rule": "rule", "query": "search", "in_articles": "articles"},
    "ar": {"brief": "موجز", "articles": "مقالا", "period": "الفترة", "generated": "أنشئ في",
           "actors": "أبرز الفاعلين", "timeline": "التسلسل الزمني للأحداث", "quotes": "أبرز التصريحات",
           "indicators": "مؤشرات للمتابعة", "alerts": "التنبيهات", "sources": "المصادر", "none": "(لا شيء في المخزن)",
           "via": "عبر", "in": "في", "rule": "القاعدة", "query": "بحث", "in_articles": "مقالات"},
}


#: the forms of «مقال» a number takes: one, two, 3-10 (plural), 11-99 (accusative singular), 100s
_AR_ARTICLES = ("مقال واحد", "مقالان", "مقالات", "مقالا", "مقال")


def count_ar(n: int, forms: tuple[str, str, str, str, str] = _AR_ARTICLES) -> str:
    """«N noun» with the noun in the form Arabic grammar gives that number (مقال واحد، مقالان،
    3 مقالات، 11 مقالا، 100 مقال، 103 مقالات)."""
    one, two, plural, accusative, singular = forms
    if n == 1:
        return one
    if n == 2:
        return two
    rest = n % 100
    if 3 <= rest <= 10:
        return f"{n} {plural}"
    if 11 <= rest <= 99:
        return f"{n} {accusative}"
    return f"{n} {singular}"


def _count(n: int, h: dict[str, str], key: str) -> str:
    return count_ar(n) if h is _HEAD["ar"] else f"{n} {h[key]}" if n != 1 else f"1 {h[key][:-1]}"


def _refs(refs: list[int] | int) -> str:
    items = [refs] if isinstance(refs, int) else refs
    return "".join(f"[{r}]" for r in items)


def to_markdown(brief: dict[str, Any], lang: str = "en") -> str:
    h = _HEAD["ar" if lang == "ar" else "en"]
    s = brief["subject"]
    if s.get("actor"):
        ents = s.get("entities") or []
        title = "، ".join(f"{e['name']}" + (f" ({e['kb_id']})" if e.get("kb_id") else "") for e in ents[:3]) or s["actor"]
    else:
        title = f"{h['query']} «{s['query']}»"
    lines = [f"# {h['brief']}: {title}", ""]
    period = brief["period"]
    window = f"{s.get('from') or period['first'] or '…'} – {s.get('to') or period['last'] or '…'}"
    lines.append(f"*{_count(brief['articles'], h, 'articles')} · {h['period']} {window} · {h['generated']} "
                 f"{brief['generated_at']}*")

    def section(name: str, items: list[str]) -> None:
        lines.extend(["", f"## {h[name]}", ""])
        lines.extend(items or [h["none"]])

    section("actors", [f"- {a['name']} ({a['type']}" + (f", {a['kb_id']}" if a.get("kb_id") else "")
                       + f") · {_count(a['articles'], h, 'in_articles')} {_refs(a['sources'])}" for a in brief["actors"]])
    timeline = []
    for e in brief["timeline"]:
        who = f"{e.get('source') or '?'} → {e.get('target') or '?'}"
        where = f" ({h['in']} {e['location']})" if e.get("location") else ""
        mode = f" [{e['mode']}]" if e.get("mode") and e["mode"] != "asserted" else ""
        timeline.append(f"- **{e.get('date') or '?'}** · {e['code']} {e.get('label') or ''}{mode} · {who}{where}"
                        f" — «{_clip(e.get('text') or '')}» {_refs(e['sources'])}")
    section("timeline", timeline)
    section("quotes", [f"- {q.get('date') or '?'} · **{q.get('speaker') or '?'}**"
                       + (f" ({h['via']} {q['channel']})" if q.get("channel") and q["channel"] != q.get("speaker") else "")
                       + f": «{_clip(q['text'], 300)}» {_refs(q['source'])}" for q in brief["quotes"]])
    section("indicators", [f"- «{_clip(i['text'], 300)}» {_refs(i['source'])}" for i in brief["indicators"]])
    section("alerts", [f"- {h['rule']} {a['rule']} «{_clip(a['rule_name'], 80)}» · {a.get('day') or '?'} · "
                       f"{_clip(a['what'], 160)} {_refs(a['source'])}" for a in brief["alerts"]])
    section("sources", [f"{src['ref']}. {src.get('title') or '(untitled)'} — {src.get('outlet') or '?'}, "
                        f"{src.get('published') or '?'} · `{src['id']}`" + (f" · {src['url']}" if src.get("url") else "")
                        for src in brief["sources"]])
    return "\n".join(lines) + "\n"


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
