"""The REST API and the web page: ``marsad serve`` (needs the ``api`` extra: pip install 'marsad[api]').

    >>> from marsad.api import create_app        # doctest: +SKIP
    >>> app = create_app("marsad.db")            # an ASGI app: uvicorn, or Starlette's TestClient

See :mod:`marsad.api.app` for the endpoints and docs/api.md for their parameters and answers.
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """The FastAPI application (see :func:`marsad.api.app.create_app`)."""
    from marsad.errors import ConfigError

    try:
        from marsad.api.app import create_app as make
    except ImportError as e:
        raise ConfigError(
            f"the API needs FastAPI and uvicorn ({e.name} is missing): install marsad with the api extra, "
            "pip install 'marsad[api]'"
        ) from None
    return make(*args, **kwargs)


__all__ = ["create_app"]
