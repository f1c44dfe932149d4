"""The ``marsad`` command: a thin layer over the library.

Library code raises :class:`marsad.errors.MarsadError` subclasses; only here do they become one
line on stderr (``marsad: error: …``) and an exit code (see ``marsad.errors.EXIT_CODES``).
Commands that emit records write JSON lines so they pipe into each other and into ``jq``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from marsad import __version__
from marsad.errors import EXIT_CODES, MarsadError

_EXIT_HELP = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES.items())


class MarsadGroup(click.Group):
    """A click group that turns marsad's errors into one clear line and a documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MarsadError as e:
            click.echo(f"marsad: error: {e}", err=True)
            sys.exit(e.exit_code)
        except BrokenPipeError:
            # the reader went away (| head): not an error
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("marsad: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as e:  # a bug: say so, briefly, unless debugging
            if os.environ.get("MARSAD_DEBUG"):
                raise
            click.echo(
                f"marsad: internal error: {type(e).__name__}: {e} "
                "(this is a bug; rerun with MARSAD_DEBUG=1 for the traceback and report it)",
                err=True,
            )
            sys.exit(1)


@click.group(
    cls=MarsadGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Exit codes:\n\n\b\n" + _EXIT_HELP,
)
@click.version_option(__version__, "-V", "--version", prog_name="marsad")
def main() -> None:
    """marsad (مرصد): Arabic-first news intelligence.

    Analyze Arabic news articles: entities linked to a knowledge base, dates resolved,
    events coded in CAMEO, quotes with their speakers and channels.
    """


def check_output(path: str, option: str = "-o") -> None:
    """Refuse, before any work, a file that cannot be written (ConfigError naming it and the fix)."""
    from pathlib import Path

    from marsad.errors import ConfigError

    p = Path(path)
    if p.is_dir():
        raise ConfigError(f"{option} {path}: is a folder; give a file name such as {p / 'out.txt'}")
    folder = p.parent
    if not folder.is_dir():
        raise ConfigError(f"{option} {path}: the folder {folder} does not exist; create it or give another file")
    if not os.access(folder, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise ConfigError(f"{option} {path}: cannot write there (permission denied); give another file")


def open_output(path: str, option: str = "-o") -> Any:
    """``open(path, "w")`` for a command's output file, with a clear error instead of a traceback."""
    from marsad.errors import ConfigError

    check_output(path, option)
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise ConfigError(f"{option} {path}: cannot write there ({e.strerror or e}); give another file") from e


#: modules whose commands register themselves on ``main`` when imported
COMMAND_MODULES = (
    "marsad.cli.analyze",
    "marsad.cli.kb",
    "marsad.cli.store",
    "marsad.cli.events",
    "marsad.cli.watch",
    "marsad.cli.serve",
)


#: shown at the end of each command's --help (each line is checked to parse, in tests/test_cli_help.py)
EXAMPLES: dict[str, tuple[str, ...]] = {
    "analyze": ("marsad analyze article.txt --format md",
                "cat article.txt | marsad analyze - --published 2024-03-12 --format json"),
    "stages": ("marsad stages",),
    "ingest": ("marsad ingest corpus.jsonl.gz --limit 200 --db news.db   # try a slice first",
               "marsad ingest news/ --db news.db",
               "marsad ingest feed.xml archive.jsonl.gz --db news.db -j 2 --report failed.jsonl"),
    "search": ("marsad search الهيئة العليا للانتخابات --db news.db",
               "marsad search '\"وزير الخارجية\" تونس' --from 2024-01-01 --source 'Jawhara FM'",
               "marsad search 'هدنة OR \"وقف إطلاق النار\" -سوريا' --format json | jq .title"),
    "entities": ("marsad entities --type person --top 10 --db news.db",),
    "events": ("marsad events --actor قطر --code 16 --from 2017-06-01 --db news.db",
               "marsad events --code 04 --format csv > consultations.csv"),
    "timeline": ("marsad timeline 'دونالد ترامب' --db news.db", "marsad timeline donald-trump --format json"),
    "quotes": ("marsad quotes --speaker 'أنطونيو غوتيريش' -n 20 --db news.db",),
    "reanalyze": ("marsad reanalyze --db news.db", "marsad reanalyze --all -j 2 --db news.db"),
    "migrate": ("marsad migrate --db news.db",),
    "export events": ("marsad analyze folder/ --format jsonl > analyses.jsonl",
                      "marsad export events analyses.jsonl --format acled -o events.csv"),
    "watch add": ("marsad watch add --actor حفتر --code 04 --place القاهرة --db news.db",
                  "marsad watch add --keywords '\"وقف إطلاق النار\" OR هدنة' --name هدنة --db news.db"),
    "watch from-analysis": ("marsad watch from-analysis analysis.json --db news.db",),
    "watch list": ("marsad watch list --db news.db",),
    "watch remove": ("marsad watch remove 2 --db news.db", "marsad watch remove هدنة --db news.db"),
    "watch pause": ("marsad watch pause هدنة --db news.db",),
    "watch resume": ("marsad watch resume 2 --db news.db",),
    "watch run": ("marsad watch run --db news.db", "marsad watch run --rule هدنة --all --db news.db"),
    "alerts": ("marsad alerts --since 24h --db news.db", "marsad alerts --rule هدنة --format json"),
    "network": ("marsad network --actor qatar --kind events --db news.db",
                "marsad network --from 2017-06-01 --format gexf -o network.gexf --db news.db"),
    "brief": ("marsad brief --actor قطر --from 2017-06-01 --lang ar --db news.db",
              "marsad brief --query 'غزة' --format json --db news.db"),
    "serve": ("marsad serve --db news.db   # then open http://127.0.0.1:8000/",),
    "kb show": ("marsad kb show حفتر", "marsad kb show khalifa-haftar --format json"),
    "kb stats": ("marsad kb stats",),
    "kb validate": ("marsad kb validate my-actors.yaml",),
    "kb add": ("marsad kb add my-actors.yaml",),
    "kb path": ("marsad kb path",),
}


def _commands(group: click.Group, prefix: str = "") -> Any:
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from _commands(command, path + " ")
        else:
            yield path, command


def _load_commands() -> None:
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module)
    for path, command in _commands(main):
        lines = EXAMPLES.get(path)
        if lines and not command.epilog:
            command.epilog = "Examples:\n\n\b\n" + "\n".join("  " + line for line in lines)


_load_commands()
