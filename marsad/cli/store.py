"""The corpus commands: ingest, search, entities, events, timeline, quotes, reanalyze, migrate.

Every command takes ``--db PATH|postgresql://…`` (else $MARSAD_DB, else ./marsad.db). Query
commands print ``--format table`` (aligned, for reading), ``json`` (JSON lines, one record a
line) or ``csv`` (a header, then one row a record).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from marsad.cli import check_output, main, open_output
from marsad.errors import InputError, PathNotFoundError

FORMATS = ("table", "json", "csv")

db_option = click.option(
    "--db", metavar="PATH|URL", envvar="MARSAD_DB", default=None,
    help="The database: a SQLite file or postgresql://user@host:5432/dbname (default $MARSAD_DB, else ./marsad.db).",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="table (for reading), json (JSON lines) or csv.",
)


def _emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    out = sys.stdout
    if fmt == "json":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else _cell(r.get(c)) for c in columns])
        return
    if not rows:
        click.echo("(nothing found)", err=True)
        return
    cells = [[_clip(_cell(r.get(c))) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).split())


def _clip(s: str, limit: int = 60) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _open(db: str | None, write: bool = False) -> Any:
    from marsad.store import open_store

    return open_store(db, write=write)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Analyze with this many processes on this machine.")
@click.option("--dask", "dask_address", metavar="tcp://HOST:8786",
              help="Run text extraction and analysis on this Dask scheduler's workers instead.")
@click.option("--source", metavar="NAME", help="Outlet name for articles whose input does not give one.")
@click.option("--max-size", type=float, metavar="MB", help="Largest article (default 10 MB; feed files 10x).")
@click.option("--semantic", is_flag=True, help="Also embed each article for 'marsad search --semantic'.")
@click.option("--report", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write the failed inputs and the reasons to FILE (JSON lines).")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="The summary as text or as one JSON object.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N",
              help="Read only the first N articles (try a slice of a large corpus; run again without it to go on).")
def ingest(
    paths: tuple[str, ...], db: str | None, jobs: int, dask_address: str | None, source: str | None,
    max_size: float | None, semantic: bool, report: str | None, fmt: str, progress: bool | None,
    limit: int | None,
) -> None:
    """Store articles, analyzed, from files and folders: text, HTML, JSON lines (.jsonl,
    .jsonl.gz), RSS/Atom feeds, TREC <DOC> files.

    Exact duplicates are stored once and near-duplicates linked to their original; running the
    same input again adds nothing, and a run that was killed resumes where it stopped. A file
    that cannot be read is reported with the reason (and the exit code is 3); the rest is stored.
    """
    from marsad.ingest import Progress
    from marsad.ingest import ingest as run
    from marsad.io import max_input_bytes

    if semantic:
        from marsad.search.semantic import _load

        _load()  # fail now, before a long run, when the model is not installed
    max_bytes = max_input_bytes(max_size)
    if report:
        check_output(report, "--report")  # now, not after a long run
    missing = [p for p in paths if not (Path(p).exists() or Path(p).is_symlink())]
    if len(missing) == len(paths):  # nothing to read: say so before creating or opening a database
        raise PathNotFoundError(
            f"no such file or folder: {', '.join(missing)} (give files or folders of articles, "
            "e.g. 'marsad ingest news/ --db marsad.db')"
        )
    store = _open(db, write=True)
    try:
        summary = run(
            list(paths), store, jobs=jobs, dask=dask_address, max_bytes=max_bytes, source=source, embed=semantic,
            progress=Progress(enabled=progress), limit=limit,
        )
    finally:
        store.close()
    if report:
        with open_output(report, "--report") as f:
            for failure in summary.failures:
                f.write(json.dumps(failure.to_dict(), ensure_ascii=False) + "\n")
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        for line in summary.lines():
            click.echo(line)
    if summary.failures:
        shown = summary.failures[:20]
        click.echo(f"failed ({len(summary.failures)}):", err=True)
        for failure in shown:
            click.echo(f"  {failure}", err=True)
        if len(summary.failures) > len(shown):
            click.echo(f"  … and {len(summary.failures) - len(shown)} more" + (f" (all in {report})" if report else
                       " (write them all with --report FILE)"), err=True)
        n = len(summary.failures)
        raise _Failures(f"{n} input{'' if n == 1 else 's'} could not be stored (listed above); the rest was stored")


class _Failures(InputError):
    pass


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True, metavar="QUERY...")
@db_option
@click.option("--entity", metavar="NAME", help="Only articles that mention this entity.")
@click.option("--code", metavar="CAMEO", help="Only articles with an event of this CAMEO code (a prefix: 04).")
@click.option("--source", metavar="NAME", help="Only articles from this outlet.")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Published on or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Published on or before this day.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=10, show_default=True, help="Number of results.")
@click.option("--semantic", is_flag=True, help="Rank by meaning (multilingual embeddings; the semantic extra).")
@format_option
def search(
    words: tuple[str, ...], db: str | None, entity: str | None, code: str | None, source: str | None, date_from: str | None,
    date_to: str | None, limit: int, semantic: bool, fmt: str,
) -> None:
    """Search the stored articles, Arabic-aware.

    Diacritics, alef and taa-marbuta forms and clitics do not matter; words are stemmed for
    recall. All words must match; "quoted words" match as a phrase; OR between words makes
    either enough; -word excludes; word* matches the words that start with it. The query may be
    one quoted argument or several words.
    """
    from marsad.search import search as run

    query = _query_of(words)

    tty = fmt == "table" and sys.stdout.isatty()
    marks = ("\x1b[1m", "\x1b[0m") if tty else ("[", "]")
    store = _open(db)
    try:
        hits = run(store, query, entity=entity, code=code, source=source, date_from=date_from, date_to=date_to,
                   limit=limit, semantic=semantic, marks=marks, verbose=True)
        if not hits:
            from marsad.search import make_filters, unknown_filter

            unknown_filter(store, make_filters(entity, code, source, date_from, date_to))
    finally:
        store.close()
    rows = [h.to_dict() for h in hits]
    if fmt != "table":
        _emit(rows, fmt, ("id", "score", "published", "source", "title", "url", "snippet", "near_duplicate_of"))
        return
    if not hits:
        click.echo("(nothing found)", err=True)
        return
    for rank, h in enumerate(hits, 1):
        meta = " · ".join(x for x in (h.published, h.source, h.id, f"score {h.score:.3g}") if x)
        click.echo(f"{rank}. {h.title or '(untitled)'}")
        click.echo(f"   {meta}")
        click.echo(f"   {h.snippet}\n")


def _query_of(words: tuple[str, ...]) -> str:
    """The words of 'marsad search' as one query; a word such as --fro is a mistyped option."""
    for w in words:
        if w.startswith("--") and len(w) > 2:
            raise click.UsageError(f"no such option: {w} (see 'marsad search --help'; to search for the word, "
                                   f"quote it inside the query: '\"{w}\"')")
    return " ".join(words)


@main.command()
@db_option
@click.option("--type", "type_", type=click.Choice(("PERSON", "ORG", "GPE", "LOC", "FAC"), case_sensitive=False),
              help="Only entities of this type.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many.")
@format_option
def entities(db: str | None, type_: str | None, top: int, fmt: str) -> None:
    """The entities mentioned in the most articles."""
    store = _open(db)
    try:
        rows = store.entities(type_, top)
    finally:
        store.close()
    _emit(rows, fmt, ("name", "type", "subtype", "name_en", "kb_id", "articles", "mentions"))


def _known_actor(store: Any, name: str | None) -> None:
    """When a query on an actor finds nothing, say whether the store knows the actor at all."""
    if name:
        from marsad.explain.network import actor_entity_ids

        actor_entity_ids(store, name)  # ConfigError: no actor NAME in the stored articles


def _day(value: str | None, option: str) -> str | None:
    from marsad.search import _day as parse

    return parse(value, option)


@main.command()
@db_option
@click.option("--actor", metavar="NAME", help="Events where this entity is the source or the target.")
@click.option("--code", metavar="CAMEO", help="CAMEO code or prefix (04 = consult, 042 = make a visit).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="On or after this day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="On or before this day.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=100, show_default=True)
@format_option
def events(db: str | None, actor: str | None, code: str | None, date_from: str | None, date_to: str | None,
           limit: int, fmt: str) -> None:
    """Coded events, in date order (an event without a date takes its article's)."""
    from marsad.search import make_filters

    f = make_filters(code=code, date_from=date_from, date_to=date_to)
    store = _open(db)
    try:
        rows = store.events(actor, f.code, f.date_from, f.date_to, limit)
        if not rows:
            _known_actor(store, actor)
    finally:
        store.close()
    _emit(rows, fmt, ("date", "code", "label", "source", "target", "location", "mode", "article", "evidence"))


@main.command()
@click.argument("actor")
@db_option
@click.option("-n", "--limit", type=click.IntRange(min=1), default=1000, show_default=True)
@format_option
def timeline(actor: str, db: str | None, limit: int, fmt: str) -> None:
    """ACTOR's events in date order, each with the articles that report it."""
    store = _open(db)
    try:
        rows = store.timeline(actor, limit)
        if not rows:
            _known_actor(store, actor)
    finally:
        store.close()
    if fmt != "json":
        rows = [{**r, "articles": " ".join(a["id"] for a in r["articles"])} for r in rows]
    _emit(rows, fmt, ("date", "code", "label", "source", "target", "location", "articles"))


@main.command()
@db_option
@click.option("--speaker", metavar="NAME", help="Only quotes of this speaker.")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=100, show_default=True)
@format_option
def quotes(db: str | None, speaker: str | None, limit: int, fmt: str) -> None:
    """Quotes, with speaker and channel, in date order."""
    store = _open(db)
    try:
        rows = store.quotes(speaker, limit)
        if not rows:
            _known_actor(store, speaker)
    finally:
        store.close()
    _emit(rows, fmt, ("date", "speaker", "channel", "kind", "text", "article"))


@main.command()
@db_option
@click.option("--all", "everything", is_flag=True, help="Analyze every article again, not only outdated ones.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--dask", "dask_address", metavar="tcp://HOST:8786", help="Run the analysis on a Dask cluster.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
def reanalyze(db: str | None, everything: bool, jobs: int, dask_address: str | None, fmt: str) -> None:
    """Analyze again the articles an older analyzer (or another set of stages) analyzed.

    Each new analysis replaces the old one in one transaction: until it is stored, the old one
    stays, so an interrupted run loses nothing and can be started again.
    """
    from marsad.ingest import Progress
    from marsad.ingest import reanalyze as run

    store = _open(db, write=True)
    try:
        summary = run(store, everything=everything, jobs=jobs, dask=dask_address, progress=Progress())
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    elif not summary.articles:
        click.echo("nothing to analyze again: every stored article was analyzed by this version of marsad "
                   "with these stages ('--all' analyzes them all again)")
    else:
        click.echo(f"{summary.reanalyzed:,} of {summary.articles:,} articles analyzed again in "
                   f"{summary.seconds:.1f} s, {summary.failed:,} failed")
    for failure in summary.failures[:20]:
        click.echo(f"  {failure}", err=True)


@main.command()
@db_option
def migrate(db: str | None) -> None:
    """Create the database, or bring its tables up to this version of marsad."""
    store = _open(db, write=True)  # a missing folder is a store error (exit 6), as for ingest
    try:
        click.echo(f"{store.display_url}: schema version {store.schema_version()}")
    finally:
        store.close()
