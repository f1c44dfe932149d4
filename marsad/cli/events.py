"""``marsad export events``: the events of analyses as PLOVER-style JSON lines or an ACLED-like CSV.

(``marsad events`` is the store's query over the database; exports read the JSON or JSON lines
that ``marsad analyze`` writes, so they work without a database.)
"""

from __future__ import annotations

import io
import sys

import click

from marsad.cli import check_output, main, open_output


@main.group("export")
def export() -> None:
    """Export analysis results to other formats."""


@export.command("events")
@click.argument("paths", nargs=-1, required=True, metavar="ANALYSIS.json|.jsonl|-...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["plover", "acled"]),
    default="plover",
    show_default=True,
    help="plover: one JSON object per event (PLOVER-style); acled: a CSV with ACLED-like columns.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here (default: stdout).")
@click.option(
    "--all-modes",
    is_flag=True,
    help="Also export negated, planned, hypothetical and denied events (default: only those that happened).",
)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
def export_events(paths: tuple[str, ...], fmt: str, output: str | None, all_modes: bool, min_confidence: float) -> None:
    """Export the events of one or many analyses (files from 'marsad analyze --format json|jsonl')."""
    from marsad.extract.events.export import read_analyses, write_export

    if output:
        check_output(output)
    analyses = read_analyses(paths)
    modes = None if all_modes else ("asserted",)
    if output:
        # build the export first: an unreadable input must not leave the old file emptied
        buffer = io.StringIO(newline="")
        n = write_export(analyses, buffer, fmt, modes=modes, min_confidence=min_confidence)
        with open_output(output) as out:
            out.write(buffer.getvalue())
    else:
        n = write_export(analyses, sys.stdout, fmt, modes=modes, min_confidence=min_confidence)
    click.echo(f"{n} event(s) exported", err=True)
