"""``marsad serve``: the REST API and the web page over a store."""

from __future__ import annotations

import errno
from pathlib import Path

import click

from marsad.cli import main
from marsad.cli.store import db_option
from marsad.errors import ConfigError


def _check_port(host: str, port: int) -> None:
    """Refuse now, in one line, an address that cannot be listened on (uvicorn would log a traceback)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ConfigError(f"--host {host}: not an address of this machine ({e.strerror}); "
                          "give 127.0.0.1 or 0.0.0.0") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise ConfigError(f"port {port} on {host} is in use (another marsad serve?): "
                                  f"give another with --port, e.g. --port {port + 1}") from None
            raise ConfigError(f"cannot listen on {host}:{port} ({e.strerror or e}): give another --host or --port") \
                from None


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
    _check_port(host, port)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"marsad: warning: listening on {host}: anyone who reaches it can read the store and add "
                   "watch rules (there are no accounts)", err=True)
    url = resolve_url(db)
    click.echo(f"marsad: serving {url} at http://{host}:{port}/ (API at /api, spec at /openapi.json)", err=True)
    if "://" not in url and not Path(url).exists():
        click.echo(f"marsad: no database at {url} yet: the page analyzes pasted articles; search, timelines and "
                   f"alerts come after 'marsad ingest PATH… --db {url}'", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
