"""``marsad kb``: look into, extend and check the knowledge base."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from marsad.cli import main
from marsad.errors import KnowledgeBaseError


@main.group()
def kb() -> None:
    """The knowledge base of actors, places and outlets that mentions are linked to.

    The embedded base is extended by files in $MARSAD_KB_PATH (folders or files, separated by
    ':') and in the user folder that 'marsad kb add' fills.
    """


@kb.command("show")
@click.argument("words", nargs=-1, required=True, metavar="NAME")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def show(words: tuple[str, ...], fmt: str) -> None:
    """Show the entries with this id or carrying this name (any spelling)."""
    from marsad.kb import load_kb

    name = " ".join(words)
    entries = load_kb().lookup(name)
    if not entries:
        raise KnowledgeBaseError(f"no entry is named {name!r}; try another spelling, or 'marsad kb stats'")
    for e in entries:
        if fmt == "json":
            click.echo(json.dumps(e.to_dict(), ensure_ascii=False))
            continue
        click.echo(f"{e.name}  [{e.type}{'/' + e.subtype if e.subtype else ''}]  id={e.id}")
        for label, value in (
            ("English", e.name_en), ("Wikidata", e.wikidata), ("country", e.country),
            ("parent", e.parent), ("CAMEO", e.cameo), ("capital", e.capital),
        ):
            if value:
                click.echo(f"  {label}: {value}")
        if e.aliases:
            click.echo(f"  aliases: {'، '.join(e.aliases)}")
        if e.adjectives:
            click.echo(f"  adjectives: {'، '.join(e.adjectives)}")
        for r in e.roles:
            span = f"{r.start or '?'} – {r.end or 'now'}"
            click.echo(f"  role: {r.title}" + (f" ({r.title_en})" if r.title_en else "") + f", {span}")
        click.echo(f"  from: {e.source_file}")


@kb.command("stats")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def stats(fmt: str) -> None:
    """Count entries by type and subtype, names, and the files they come from."""
    from marsad.kb import load_kb

    s = load_kb().stats()
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"entities: {s['entities']:,}   names: {s['names']:,} ({s['arabic_names']:,} in Arabic script)"
        f"   distinct keys: {s['distinct_keys']:,}   nationality adjectives: {s['adjectives']:,}"
    )
    click.echo(f"with Wikidata ids: {s['with_wikidata']:,}   with roles: {s['with_roles']:,}")
    click.echo("by type:    " + ", ".join(f"{k} {v:,}" for k, v in s["by_type"].items()))
    click.echo("by subtype: " + ", ".join(f"{k} {v:,}" for k, v in s["by_subtype"].items()))
    click.echo(f"files: {len(s['files'])}")
    for w in s["warnings"]:
        click.echo(f"warning: {w}", err=True)


@kb.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check knowledge-base files against the format and the rest of the base."""
    from marsad.kb import build_kb

    for f in files:
        if not f.exists():
            raise KnowledgeBaseError(f"{f}: no such file")
    base = build_kb(list(files))
    click.echo(f"ok: {len(files)} file(s) valid; the knowledge base would hold {len(base):,} entries")


@kb.command("add")
@click.argument("file", type=click.Path(path_type=Path))
def add(file: Path) -> None:
    """Validate FILE (.yaml or .tsv) and install it in the user knowledge-base folder."""
    from marsad.kb import build_kb, user_kb_dir

    if not file.is_file():
        raise KnowledgeBaseError(f"{file}: no such file")
    before = build_kb()
    after = build_kb([file])
    target_dir = user_kb_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / file.name
    shutil.copyfile(file, target)
    new = len(after) - len(before)
    click.echo(f"added {file.name} to {target_dir}: {new:,} new entries ({len(after):,} in all)")


@kb.command("path")
def path() -> None:
    """Print where the knowledge base is read from."""
    from marsad.kb import configured_paths, embedded_dir, user_kb_dir

    click.echo(f"embedded: {embedded_dir()}")
    click.echo(f"user folder: {user_kb_dir()}")
    for p in configured_paths():
        click.echo(f"configured: {p}")
