"""Watch and explain: ``marsad watch …``, ``marsad alerts``, ``marsad network``, ``marsad brief``.

Rules and alerts live in the store (``--db``, else $MARSAD_DB, else ./marsad.db), in tables of
their own (:mod:`marsad.watch.schema`). ``marsad ingest`` and ``marsad reanalyze`` run the
watch after storing when the database has active rules (``--no-watch`` skips it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from marsad.cli import check_output, main, open_output
from marsad.cli.store import _emit, _open, db_option
from marsad.errors import ConfigError, InputError, PathNotFoundError

_TABLE_JSON = click.option(
    "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
    help="table (for reading) or json (JSON lines).",
)


@main.group()
def watch() -> None:
    """Watch rules: what to raise an alert for when articles come in.

    A rule names actors (KB ids or names), CAMEO event codes or roots, places, keywords (the
    syntax of 'marsad search') and a date window; an article matches when every criterion the
    rule gives holds. With event codes, the event itself must involve the actors and happen at
    the place. Alerts carry their evidence: the event, the quote, the words that matched.
    """


def _rule_row(rule: Any, alerts: dict[int, int] | None = None) -> dict[str, Any]:
    row = {"id": rule.id, "active": "yes" if rule.active else "paused", "name": rule.name, "watches": rule.describe(),
           "created": rule.created_at}
    if alerts is not None:
        row["alerts"] = alerts.get(rule.id or -1, 0)
    return row


def _print_rules(rules: list[Any], fmt: str, alerts: dict[int, int] | None = None) -> None:
    if fmt == "json":
        for r in rules:
            d = r.to_dict()
            if alerts is not None:
                d["alerts"] = alerts.get(r.id or -1, 0)
            click.echo(json.dumps(d, ensure_ascii=False))
        return
    columns = ("id", "active", "alerts", "watches", "name") if alerts is not None else ("id", "watches", "name")
    _emit([_rule_row(r, alerts) for r in rules], "table", columns)


@watch.command("add")
@db_option
@click.option("--actor", "actors", multiple=True, metavar="NAME|KB-ID",
              help="An actor (repeat for several: all must be there, see --any-actor).")
@click.option("--any-actor", is_flag=True, help="Any one of the actors is enough.")
@click.option("--code", "codes", multiple=True, metavar="CAMEO",
              help="An event code or root (04 = consult, 042 = make a visit); repeat for either of several.")
@click.option("--place", "places", multiple=True, metavar="NAME|KB-ID", help="A place (repeat for either of several).")
@click.option("--keywords", metavar="QUERY", help="Words in the syntax of 'marsad search' (\"a phrase\", OR, -word).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events (or articles) on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events (or articles) on or before this day.")
@click.option("--name", default="", help="A name for the rule (default: what it watches).")
@click.option("--new-only", is_flag=True, help="Only articles stored from now on, not those already stored.")
@_TABLE_JSON
def watch_add(db: str | None, actors: tuple[str, ...], any_actor: bool, codes: tuple[str, ...],
              places: tuple[str, ...], keywords: str | None, date_from: str | None, date_to: str | None,
              name: str, new_only: bool, fmt: str) -> None:
    """Add a watch rule by hand.

    \b
    marsad watch add --actor حفتر --code 04 --place القاهرة
    marsad watch add --keywords '"وقف إطلاق النار" OR هدنة' --place ليبيا
    """
    from marsad.store.base import now
    from marsad.watch import Rule, Target, add_rule

    rule = Rule(name=name, actors=[Target(a) for a in actors], all_actors=not any_actor, codes=list(codes),
                places=[Target(p) for p in places], keywords=keywords, date_from=date_from, date_to=date_to,
                since=now() if new_only else None)
    store = _open(db, write=True)
    try:
        rule, created = add_rule(store, rule)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps({**rule.to_dict(), "created": created}, ensure_ascii=False))
        return
    click.echo(f"{'added' if created else 'already there:'} rule {rule.id}: {rule.describe()}")
    for t in [*rule.actors, *rule.places]:
        if t.kb_ids:
            click.echo(f"  {t.spec} → {', '.join(t.kb_ids)}")
        else:
            click.echo(f"  {t.spec}: not in the knowledge base; matches entities of that name in the articles")
    click.echo("run it over the stored articles with 'marsad watch run'", err=True)


def _read_analyses(path: str) -> list[dict[str, Any]]:
    if path == "-":
        data = sys.stdin.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise PathNotFoundError(f"{path} does not exist: give the JSON of 'marsad analyze --format json'")
        data = p.read_text(encoding="utf-8")
        name = path
    data = data.strip()
    if not data:
        raise InputError(f"{name} is empty: give the JSON of 'marsad analyze --format json'")
    try:
        parsed = json.loads(data)
        return parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError:
        out = []
        for n, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise InputError(f"{name}, line {n}: not JSON ({e.msg}); give 'marsad analyze' JSON or JSON lines") from None
        return out


@watch.command("from-analysis")
@click.argument("file", required=False, metavar="ANALYSIS.json|.jsonl|-")
@db_option
@click.option("--article", metavar="ID", help="Use the stored analysis of this article instead of a file.")
@click.option("--new-only", is_flag=True, help="Only articles stored from now on.")
@click.option("--dry-run", is_flag=True, help="Show the rules without adding them.")
@_TABLE_JSON
def watch_from_analysis(file: str | None, db: str | None, article: str | None, new_only: bool, dry_run: bool,
                        fmt: str) -> None:
    """Add a rule for each indicator an analysis states (its actors, event and place).

    FILE is the JSON (or JSON lines) of 'marsad analyze'; with --article, the stored analysis.
    """
    from marsad.watch import add_rule, rules_from_analysis

    if (file is None) == (article is None):
        raise click.UsageError("give an analysis FILE or --article ID (one of them)")
    store = None
    try:
        if article is not None:
            store = _open(db, write=not dry_run)
            stored = store.analysis(article)
            if stored is None:
                raise ConfigError(f"no analysis of article {article!r} in {store.display_url}: "
                                  "'marsad search' gives article ids")
            analyses = [stored]
        else:
            assert file is not None
            analyses = _read_analyses(file)
        proposals = [p for a in analyses for p in rules_from_analysis(a, new_only=new_only)]
        if not dry_run and any(p.rule for p in proposals):
            if store is None:
                store = _open(db, write=True)
            for p in proposals:
                if p.rule is not None:
                    p.rule, p.created = add_rule(store, p.rule)
    finally:
        if store is not None:
            store.close()
    if not proposals:
        click.echo("the analysis states no indicator to watch", err=True)
        return
    for p in proposals:
        created = p.created
        if fmt == "json":
            click.echo(json.dumps({"indicator": p.indicator.get("text"), "rule": p.rule.to_dict() if p.rule else None,
                                   "created": created, "reason": p.reason}, ensure_ascii=False))
            continue
        text = " ".join(str(p.indicator.get("text") or "").split())
        click.echo(f"«{text[:100]}»")
        if p.rule is None:
            click.echo(f"  no rule: {p.reason}")
        else:
            state = "would add" if dry_run else ("added" if created else "already there:")
            click.echo(f"  {state} rule{'' if p.rule.id is None else ' ' + str(p.rule.id)}: {p.rule.describe()}")


@watch.command("list")
@db_option
@_TABLE_JSON
def watch_list(db: str | None, fmt: str) -> None:
    """The watch rules, with how many alerts each raised."""
    from marsad.watch import count_alerts, list_rules

    store = _open(db)
    try:
        rules = list_rules(store)
        counts = count_alerts(store)
    finally:
        store.close()
    if not rules and fmt == "table":
        click.echo("(no rules: add one with 'marsad watch add' or 'marsad watch from-analysis')", err=True)
        return
    _print_rules(rules, fmt, counts)


def _rule_command(name: str, help_: str, action: Callable[[Any, int], str]) -> None:
    @watch.command(name, help=help_)
    @click.argument("rule_ref", metavar="RULE")
    @db_option
    def command(rule_ref: str, db: str | None) -> None:
        from marsad.watch.engine import resolve_rule

        store = _open(db, write=True)
        try:
            click.echo(action(store, resolve_rule(store, rule_ref)))
        finally:
            store.close()


def _remove(store: Any, rule_id: int) -> str:
    from marsad.watch import remove_rule

    n = remove_rule(store, rule_id)
    return f"rule {rule_id} removed, with its {n} alert{'s' if n != 1 else ''}"


def _pause(store: Any, rule_id: int) -> str:
    from marsad.watch import set_active

    set_active(store, rule_id, False)
    return f"rule {rule_id} paused (its alerts stay; 'marsad watch resume {rule_id}')"


def _resume(store: Any, rule_id: int) -> str:
    from marsad.watch import set_active

    set_active(store, rule_id, True)
    return f"rule {rule_id} active"


_rule_command("remove", "Delete a rule and its alerts. RULE is its number or its name (see 'marsad watch list').", _remove)
_rule_command("pause", "Stop a rule raising alerts (it and its alerts stay). RULE is its number or its name.", _pause)
_rule_command("resume", "Make a paused rule raise alerts again. RULE is its number or its name.", _resume)


def _evidence_line(ev: dict[str, Any]) -> str:
    for v in ev.get("events") or []:
        return (f"{v['code']} {v.get('label') or ''}: {v.get('source') or '?'} → {v.get('target') or '?'}"
                + (f" in {v['location']}" if v.get("location") else "") + f" «{v.get('text') or ''}»")
    for q in ev.get("quotes") or []:
        return f"{q.get('speaker') or '?'}: «{q.get('text') or ''}»"
    words = [k["text"] for k in ev.get("keywords") or []]
    if words:
        return "words: " + "، ".join(dict.fromkeys(words))
    names = [m["entity"] for m in ev.get("mentions") or []]
    return "mentions: " + "، ".join(dict.fromkeys(str(n) for n in names))


def _report_run(summary: Any, fmt: str, err: bool = False) -> None:
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False), err=err)
        return
    # «checked» counts the articles a rule's index look-up left to read in full, not the whole store
    click.echo(f"watch: {summary.rules} rule{'s' if summary.rules != 1 else ''} checked, "
               f"{summary.checked:,} candidate article{'s' if summary.checked != 1 else ''} read: "
               f"{summary.new_alerts} new "
               f"alert{'s' if summary.new_alerts != 1 else ''}" + (" (marsad alerts)" if summary.new_alerts else ""),
               err=err)


@watch.command("run")
@db_option
@click.option("--rule", "rule_refs", multiple=True, metavar="RULE",
              help="Only this rule, by number or name (repeatable).")
@click.option("--all", "full", is_flag=True, help="Check every stored article again, not only the new ones.")
@_TABLE_JSON
def watch_run(db: str | None, rule_refs: tuple[str, ...], full: bool, fmt: str) -> None:
    """Check the articles stored since the last run against the rules; raise the new alerts.

    Running again raises no alert twice. 'marsad ingest' runs this by itself when there are rules.
    """
    from marsad.watch import run_watch
    from marsad.watch.engine import resolve_rule

    store = _open(db, write=True)
    try:
        rule_ids = [resolve_rule(store, r) for r in rule_refs]
        summary = run_watch(store, rule_ids=list(rule_ids) or None, full=full)
    finally:
        store.close()
    _report_run(summary, fmt)
    if fmt == "table":
        for a in summary.alerts:
            click.echo(f"  [{a['rule']}] {a['article_id']} {a.get('day') or ''} {a.get('article_title') or ''}")


@main.command()
@db_option
@click.option("--since", metavar="WHEN", help="Raised since: a day, a UTC time, or a span back (24h, 7d).")
@click.option("--rule", "rule_ref", metavar="RULE", help="Only the alerts of this rule (its number or name).")
@click.option("--article", metavar="ID", help="Only the alerts on this article.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=100, show_default=True)
@_TABLE_JSON
def alerts(db: str | None, since: str | None, rule_ref: str | None, article: str | None, limit: int, fmt: str) -> None:
    """Alerts the watch rules raised, newest first, with their evidence."""
    from marsad.watch import list_alerts
    from marsad.watch.engine import resolve_rule

    store = _open(db)
    try:
        rule_id = resolve_rule(store, rule_ref) if rule_ref is not None else None
        rows = list_alerts(store, since=since, rule_id=rule_id, article=article, limit=limit)
    finally:
        store.close()
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    _emit([{**r, "rule": f"{r['rule']} {r.get('rule_name') or ''}".strip()[:30],
             "evidence": _evidence_line(r["evidence"])} for r in rows], "table",
          ("id", "raised_at", "rule", "day", "article_id", "article_title", "evidence"))


@main.command()
@db_option
@click.option("--actor", metavar="NAME|KB-ID", help="Only this actor's links (its ego network).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events and articles on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events and articles on or before this day.")
@click.option("--kind", type=click.Choice(("all", "events", "mentions")), default="all", show_default=True,
              help="Links from coded events, from names in the same article, or both.")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=200, show_default=True,
              help="At most this many links (the strongest).")
@click.option("--format", "fmt", type=click.Choice(("json", "csv", "gexf")), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here (default: stdout).")
def network(db: str | None, actor: str | None, date_from: str | None, date_to: str | None, kind: str,
            min_weight: int, top: int, fmt: str, output: str | None) -> None:
    """The actor network: who acts on whom (coded events) and who appears with whom (the same
    article), with weights and the articles behind every link.

    json is {nodes, edges}; csv one link a line; gexf opens in Gephi.
    """
    from marsad.explain.network import build_network, to_csv, to_gexf

    if output:
        check_output(output)
    store = _open(db)
    try:
        net = build_network(store, actor=actor, date_from=date_from, date_to=date_to, kind=kind,
                            min_weight=min_weight, top=top)
    finally:
        store.close()
    text = (json.dumps(net, ensure_ascii=False, indent=1) + "\n" if fmt == "json"
            else to_csv(net) if fmt == "csv" else to_gexf(net))
    if output:
        with open_output(output) as out:
            out.write(text)
        click.echo(f"{len(net['nodes'])} actors, {len(net['edges'])} links written to {output}", err=True)
    else:
        sys.stdout.write(text)


@main.command()
@db_option
@click.option("--actor", metavar="NAME|KB-ID", help="A brief on this actor.")
@click.option("--query", metavar="QUERY", help="A brief on the articles this search finds.")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Articles and events on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Articles and events on or before this day.")
@click.option("--articles", "max_articles", type=click.IntRange(min=1, max=5000), default=200, show_default=True,
              help="Read at most this many articles (the most recent).")
@click.option("--lang", type=click.Choice(("en", "ar")), default="en", show_default=True,
              help="Language of the headings (the content stays as the articles wrote it).")
@click.option("--format", "fmt", type=click.Choice(("md", "json")), default="md", show_default=True)
def brief(db: str | None, actor: str | None, query: str | None, date_from: str | None, date_to: str | None,
          max_articles: int, lang: str, fmt: str) -> None:
    """A brief from the stored articles: the main actors, the timeline of events, the key
    quotes, the open indicators and alerts; every line with the articles it comes from.
    """
    from marsad.explain.brief import build_brief, to_markdown

    if (actor is None) == (query is None):
        raise click.UsageError("give --actor NAME or --query QUERY (one of them)")
    store = _open(db)
    try:
        b = build_brief(store, actor=actor, query=query, date_from=date_from, date_to=date_to,
                        max_articles=max_articles)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(b, ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(to_markdown(b, lang=lang))


# -- the watch after ingest and reanalyze ------------------------------------------------------

def _watch_after(name: str) -> None:
    """Give a store command a --watch/--no-watch option and run the watch after it when the
    database has active rules (what the command stored stays stored whatever the watch does)."""
    command = main.commands.get(name)
    if command is None or command.callback is None or any(p.name == "watch" for p in command.params):
        return
    original = command.callback
    command.params.append(click.Option(
        ["--watch/--no-watch"], default=True, show_default=True,
        help="Check the new articles against the watch rules afterwards (when there are rules).",
    ))

    def callback(*args: Any, watch: bool = True, **kwargs: Any) -> Any:
        try:
            result = original(*args, **kwargs)
        except _STORED_ANYWAY:  # some inputs failed, the rest is stored
            if watch:
                _run_after(kwargs.get("db"))
            raise
        if watch:
            _run_after(kwargs.get("db"))
        return result

    command.callback = callback


def _run_after(db: str | None) -> None:
    from marsad.watch import list_rules, run_watch

    store = _open(db, write=True)
    try:
        if not any(r.active for r in list_rules(store)):
            return
        summary = run_watch(store)
    finally:
        store.close()
    _report_run(summary, "table", err=True)


try:
    from marsad.cli.store import _Failures

    _STORED_ANYWAY: tuple[type[BaseException], ...] = (_Failures,)
except ImportError:  # pragma: no cover
    _STORED_ANYWAY = ()

_watch_after("ingest")
_watch_after("reanalyze")
