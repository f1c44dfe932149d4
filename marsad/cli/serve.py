"""``marsad serve``: the REST API and the web page over a store."""

from __future__ import annotations

import click

from marsad.cli import main
from marsad.cli.store import db_option
from marsad.errors import ConfigError


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (0.0.0.0: every interface; the server has no accounts).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--max-size", type=float, default=None, metavar="MB",
              help="Largest article POST /api/analyze takes (default 1 MB of text).")
def serve(db: str | None, host: str, port: int, max_size: float | None) -> None:
    """Serve the REST API (/api, spec at /openapi.json) and the web page (/) over the store.

    The page analyzes pasted articles and, when the database exists, searches the store and
    shows articles, timelines and alerts. It needs no internet.
    """
    from marsad.api import create_app
    from marsad.store import resolve_url

    try:
        import uvicorn
    except ImportError:
        raise ConfigError("marsad serve needs uvicorn: install marsad with the api extra, pip install 'marsad[api]'") from None
    if max_size is not None and max_size <= 0:
        raise ConfigError(f"--max-size must be positive, got {max_size} MB")
    chars = int((max_size or 1.0) * 1024 * 1024 / 2)  # Arabic letters take two bytes in UTF-8
    app = create_app(db, max_text_chars=chars)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"marsad: warning: listening on {host}: anyone who reaches it can read the store and add "
                   "watch rules (there are no accounts)", err=True)
    click.echo(f"marsad: serving {resolve_url(db)} at http://{host}:{port}/ (API at /api, spec at /openapi.json)",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
