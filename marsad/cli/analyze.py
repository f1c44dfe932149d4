"""``marsad analyze``: analyze article files, a folder of them, or standard input."""

from __future__ import annotations

import json
import sys
import time
from datetime import date

import click

from marsad.cli import main
from marsad.errors import InputError, MarsadError

FORMATS = ("json", "jsonl", "md", "text")


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH|-...")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date (also DD/MM/YYYY or RFC 822).")
@click.option("--title", metavar="T", help="Title (default: the first line, when it reads as a headline).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="json (one article; the contract marsad.analysis/1), jsonl (one line per file), "
    "md or text (readable reports). Default: json for one file, jsonl for several.",
)
@click.option("--max-size", type=float, metavar="MB", help="Refuse articles larger than this (default 10 MB).")
@click.option("--stages", metavar="A,B,…", help="Run only these stages, in this order (see 'marsad stages').")
@click.option("--check", is_flag=True, help="Check each analysis against the contract; fail if it departs.")
def analyze(
    paths: tuple[str, ...],
    published: str | None,
    title: str | None,
    fmt: str | None,
    max_size: float | None,
    stages: str | None,
    check: bool,
) -> None:
    """Analyze Arabic articles: entities, dates, events, quotes, indicators.

    PATH is a UTF-8 text file, an HTML page (its main text, title and date are read), a folder
    (every .txt/.text/.md/.html/.htm file in it, recursively) or '-' for standard input. With several files each one is analyzed on its own; a file that fails
    is reported on stderr and the others go on (the exit code is then 3).
    """
    import marsad
    from marsad.dates import parse_published
    from marsad.io import TEXT_SUFFIXES, expand_paths, read_article
    from marsad.pipeline import Pipeline, default_pipeline

    pub = parse_published(published)
    pipeline = Pipeline(stages.split(",")) if stages else default_pipeline()
    files = list(expand_paths(paths, TEXT_SUFFIXES + _HTML_SUFFIXES))
    several = len(files) > 1
    fmt = fmt or ("jsonl" if several else "json")
    out = sys.stdout
    failures = 0
    results = []
    progress = _FileProgress(len(files)) if several and sys.stderr.isatty() else None
    for path in files:
        if progress:
            progress.tick()
        try:
            text = read_article(path, max_size)
            source = "stdin" if str(path) == "-" else path.name
            page_title, page_pub = None, None
            if _is_html(str(path), text):
                text, page_title, page_pub = _from_html(text, str(path))
            analysis = marsad.analyze(text, pub or page_pub, title or page_title, source=source, pipeline=pipeline)
            if check:
                from marsad.contract import problems

                found = problems(analysis.to_dict(), text)
                if found:
                    raise ContractError(
                        f"{path}: the analysis departs from marsad.analysis/1 ({len(found)} problems): "
                        + "; ".join(found[:5])
                    )
        except InputError as e:
            if not several:
                raise
            failures += 1
            click.echo(f"marsad: skipped: {e}", err=True)
            continue
        if fmt == "jsonl":
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            if several:
                results.append(analysis.to_dict())
            else:
                out.write(analysis.to_json() + "\n")
        elif fmt == "md":
            out.write(analysis.to_markdown() + ("\n---\n\n" if several else ""))
        else:
            out.write(analysis.to_text() + ("\n" if several else ""))
    if progress:
        progress.finish()
    if fmt == "json" and several:
        out.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if failures:
        raise _Failures(f"{failures} of {len(files)} files could not be analyzed (see the lines above)")


_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _is_html(name: str, text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return name.lower().endswith(_HTML_SUFFIXES) or head.startswith(("<!doctype html", "<html"))


def _from_html(html: str, name: str) -> tuple[str, str | None, date | None]:
    """An HTML page's main text, title and date, read as 'marsad ingest' reads pages."""
    from marsad.dates import parse_published
    from marsad.ingest.work import main_text

    page_text, meta = main_text(html)
    if not page_text or not page_text.strip():
        raise InputError(f"{name}: no main text found in the HTML page (only scripts, navigation or boilerplate?)")
    return page_text, meta.get("title"), parse_published(meta.get("date"), strict=False)


class _FileProgress:
    """«[#####.....] 12/340 files · 9.1/s» on stderr when it is a terminal, redrawn at most 10×/s."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.start = time.perf_counter()
        self.last = 0.0

    def tick(self) -> None:
        self.done += 1
        now = time.perf_counter()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        filled = 20 * self.done // self.total
        # tick() comes before each file: the files finished are the ones before this one
        rate = f" · {(self.done - 1) / (now - self.start):.1f}/s" if self.done > 1 else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total} files{rate}")
        sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


class _Failures(InputError):
    pass


class ContractError(MarsadError):
    """Our own output broke the contract: a bug (exit 1)."""


@main.command("stages")
def list_stages() -> None:
    """List the analysis stages and the document parts each reads and writes (JSON lines)."""
    from marsad.pipeline import DEFAULT_STAGES, registered_stages

    for name, spec in registered_stages().items():
        click.echo(
            json.dumps(
                {
                    "name": name,
                    "default": name in DEFAULT_STAGES,
                    "requires": list(spec.requires),
                    "provides": list(spec.provides),
                    "description": spec.description,
                },
                ensure_ascii=False,
            )
        )


