"""The REST API and the web page (FastAPI): ``marsad serve``, or ``create_app()`` in your own server.

Every answer is JSON; an error is ``{"error": {"type", "message", "exit_code"}}`` with the
message the ``marsad`` command would print and an HTTP status that says whose fault it is:
400 a bad parameter or input, 404 an unknown article, rule or entry, 413 too large, 422 a
parameter of the wrong form, 503 the database cannot be opened, 500 a bug. The page at ``/`` is
plain HTML, CSS and JavaScript from the package: it needs no internet.

The server has no accounts: it listens on 127.0.0.1 unless told otherwise. Reads open the
store read-only per request; ``POST /api/watch`` and ``POST /api/watch/run`` write.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad import __version__
from marsad.errors import (
    ConfigError,
    InputError,
    InputTooLargeError,
    KnowledgeBaseError,
    MarsadError,
    PipelineError,
    StoreError,
)

#: the largest article POST /api/analyze takes, in characters (about 1 MB of Arabic UTF-8)
DEFAULT_MAX_TEXT_CHARS = 500_000
MAX_LIMIT = 500


class NotFound(MarsadError):
    """An article, rule or entry that is not there (HTTP 404)."""

    exit_code = 4


def status_of(error: MarsadError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, InputTooLargeError):
        return 413
    if isinstance(error, (InputError, ConfigError)) and not isinstance(error, KnowledgeBaseError):
        return 400
    if isinstance(error, StoreError):
        return 503
    if isinstance(error, (KnowledgeBaseError, PipelineError)):
        return 500
    return 500


def _error(status: int, type_: str, message: str, exit_code: int) -> JSONResponse:
    return JSONResponse({"error": {"type": type_, "message": message, "exit_code": exit_code}}, status_code=status)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413), whether or not they say their length."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = _error(413, "InputTooLargeError",
                           f"the request body is over the {self.limit / 1048576:g} MB limit of this server; "
                           "send a shorter article, or start the server with a larger --max-size MB", 3)
        for name, value in scope.get("headers") or []:
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await too_large(scope, receive, send)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await too_large(scope, receive, send)


class _TooLarge(Exception):
    pass


#: marks the search puts around matches; the answer has "[…]" in the snippet (as the CLI prints it)
#: and the code-point offsets of the marked words in ``highlights``
_MARKS = ("\x01", "\x02")


def unmark(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet with matches in brackets, and the [start, end) of each match in it."""
    out: list[str] = []
    spans: list[list[int]] = []
    pos = 0
    start = None
    for ch in snippet:
        if ch == _MARKS[0]:
            out.append("[")
            pos += 1
            start = pos
        elif ch == _MARKS[1]:
            if start is not None:
                spans.append([start, pos])
            out.append("]")
            pos += 1
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), spans


# -- request bodies ----------------------------------------------------------------------------

class AnalyzeRequest(BaseModel):
    text: str = Field(description="The article text (UTF-8); offsets in the answer index it as code points.")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="Publication date: ISO, DD/MM/YYYY or RFC 822.")
    source: str | None = Field(None, max_length=300)
    url: str | None = Field(None, max_length=2000)


class TargetModel(BaseModel):
    spec: str = Field(max_length=300)
    kb_ids: list[str] = Field(default_factory=list, max_length=50)
    name: str | None = Field(None, max_length=300)


class WatchRequest(BaseModel):
    """A rule by hand (actors, codes, places, keywords, date window), or rules from the indicators
    of an analysis (``analysis``: the contract JSON) or of a stored article (``article``)."""

    name: str = Field("", max_length=200)
    actors: list[str | TargetModel] = Field(default_factory=list, max_length=20)
    all_actors: bool = True
    codes: list[str] = Field(default_factory=list, max_length=20)
    places: list[str | TargetModel] = Field(default_factory=list, max_length=20)
    keywords: str | None = Field(None, max_length=500)
    date_from: str | None = Field(None, max_length=20)
    date_to: str | None = Field(None, max_length=20)
    new_only: bool = False
    analysis: dict[str, Any] | None = None
    article: str | None = Field(None, max_length=200)


# -- the application ---------------------------------------------------------------------------

def static_dir() -> Path:
    return Path(str(resources.files("marsad.api").joinpath("static")))


def create_app(
    db: str | None = None, *, max_text_chars: int = DEFAULT_MAX_TEXT_CHARS, max_body_bytes: int | None = None
) -> FastAPI:
    """The API over the store at ``db`` (else $MARSAD_DB, else ./marsad.db).

    ``max_text_chars`` bounds the article POST /api/analyze takes; request bodies are refused
    over ``max_body_bytes`` (default: room for that many characters, JSON-escaped)."""
    from marsad.store import open_store, resolve_url

    url = resolve_url(db)
    analyze_lock = threading.Lock()
    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Arabic-first news intelligence: analysis, search, watch alerts and briefs over a marsad store. "
        "Errors are {\"error\": {\"type\", \"message\", \"exit_code\"}}.",
        docs_url=None,  # Swagger's page loads from a CDN; the spec is at /openapi.json
        redoc_url=None,
    )
    app.state.db = url
    app.state.max_text_chars = max_text_chars

    @app.exception_handler(MarsadError)
    async def marsad_error(_: Request, e: MarsadError) -> JSONResponse:
        return _error(status_of(e), type(e).__name__, str(e), e.exit_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, e: RequestValidationError) -> JSONResponse:
        parts = []
        for err in e.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
            parts.append(f"{where or 'request'}: {err.get('msg')}")
        return _error(422, "ValidationError", "; ".join(parts), 2)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, e: StarletteHTTPException) -> JSONResponse:
        message = str(e.detail) if e.status_code != 404 else "no such endpoint: GET /api lists them"
        return _error(e.status_code, "HTTPError", message, 2)

    @app.middleware("http")
    async def internal_error(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        try:
            return await call_next(request)
        except _TooLarge:
            raise
        except Exception as e:  # a bug: say so in JSON, not as a bare 500 page
            return _error(500, "InternalError",
                          f"internal error: {type(e).__name__}: {e} (this is a bug; please report it)", 1)

    @contextmanager
    def store(write: bool = False) -> Iterator[Any]:
        s = open_store(url, write=write)
        try:
            yield s
        finally:
            s.close()

    def limit_q(default: int) -> Any:
        return Query(default, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")

    # -- the page ------------------------------------------------------------------------------
    # no-cache: the browser asks again (a 304 when unchanged), so a new marsad's page is never
    # mixed with the old version's scripts
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(static_dir() / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    class _Static(StaticFiles):
        def file_response(self, *args: Any, **kwargs: Any) -> Response:
            response = super().file_response(*args, **kwargs)
            response.headers["Cache-Control"] = "no-cache"
            return response

    app.mount("/static", _Static(directory=static_dir()), name="static")

    # -- about ---------------------------------------------------------------------------------
    @app.get("/api", summary="What this server offers")
    def about() -> dict[str, Any]:
        endpoints = sorted({f"{m} {r.path}" for r in app.routes if r.path.startswith("/api")  # type: ignore[attr-defined]
                            for m in getattr(r, "methods", ()) or () if m != "HEAD"})
        return {"name": "marsad", "version": __version__, "openapi": "/openapi.json", "endpoints": endpoints}

    @app.get("/api/health", summary="Whether the store can be read")
    def health() -> dict[str, Any]:
        try:
            with store() as s:
                return {"status": "ok", "version": __version__, "store": {"url": s.display_url, **s.stats()}}
        except StoreError as e:
            return {"status": "ok", "version": __version__, "store": None, "store_error": str(e)}

    # -- analysis ------------------------------------------------------------------------------
    @app.post("/api/analyze", summary="Analyze one article: the contract marsad.analysis/1")
    def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        import marsad

        if len(req.text) > app.state.max_text_chars:
            raise InputTooLargeError(
                f"the text is {len(req.text):,} characters, over the {app.state.max_text_chars:,} limit of this "
                "server for one article; send one article, or start the server with a larger --max-size MB"
            )
        with analyze_lock:  # one analysis at a time: the stages share their state
            return marsad.analyze(req.text, req.published, req.title, source=req.source, url=req.url).to_dict()

    # -- articles ------------------------------------------------------------------------------
    @app.get("/api/articles", summary="Stored articles, newest first")
    def articles(
        entity: Annotated[str | None, Query(max_length=300)] = None,
        code: Annotated[str | None, Query(max_length=10)] = None,
        source: Annotated[str | None, Query(max_length=300)] = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
        limit: int = limit_q(50),
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> dict[str, Any]:
        from marsad.search import make_filters

        f = make_filters(entity, code, source, date_from, date_to)
        with store() as s:
            cond, params = s.filter_sql(f, "id")
            where = f" WHERE {cond}" if cond else ""
            rows = s.execute(
                "SELECT uid, title, source, url, published, language, length, near_duplicate_of FROM articles"
                f"{where} ORDER BY published DESC, id DESC LIMIT ? OFFSET ?", [*params, limit, offset],
            ).fetchall()
            total = int(s.execute(f"SELECT COUNT(*) FROM articles{where}", params).fetchone()[0])
        cols = ("id", "title", "source", "url", "published", "language", "length", "near_duplicate")
        items = [dict(zip(cols, r, strict=True)) for r in rows]
        for item in items:
            item["near_duplicate"] = item["near_duplicate"] is not None
        return {"total": total, "offset": offset, "items": items}

    def _article(s: Any, uid: str) -> dict[str, Any]:
        row = s.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise NotFound(f"no article {uid!r} in {s.display_url}: GET /api/articles or /api/search gives ids")
        a = s.articles_by_id([int(row[0])])[int(row[0])]
        original = None
        if a.get("near_duplicate_of"):
            original = s.articles_by_id([a["near_duplicate_of"]]).get(a["near_duplicate_of"], {}).get("uid")
        return {"id": a["uid"], "title": a["title"], "source": a["source"], "url": a["url"],
                "published": a["published"], "language": a["language"], "near_duplicate_of": original,
                "text": a["text"], "length": len(a["text"])}

    @app.get("/api/articles/{article_id}", summary="One stored article with its text")
    def article(article_id: str) -> dict[str, Any]:
        from marsad.watch import list_alerts

        with store() as s:
            out = _article(s, article_id)
            out["alerts"] = list_alerts(s, article=article_id, limit=MAX_LIMIT)
            return out

    @app.get("/api/articles/{article_id}/analysis", summary="The stored analysis of an article (the contract)")
    def article_analysis(article_id: str) -> dict[str, Any]:
        with store() as s:
            data = s.analysis(article_id)
            if data is None:
                _article(s, article_id)  # 404 when there is no such article
                raise NotFound(f"article {article_id!r} has no stored analysis: run 'marsad reanalyze'")
            return data

    # -- the store's queries -------------------------------------------------------------------
    @app.get("/api/search", summary="Arabic-aware search (the syntax of 'marsad search')")
    def search(
        q: Annotated[str, Query(min_length=1, max_length=1000)],
        entity: Annotated[str | None, Query(max_length=300)] = None,
        code: Annotated[str | None, Query(max_length=10)] = None,
        source: Annotated[str | None, Query(max_length=300)] = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
        limit: int = limit_q(20),
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    ) -> dict[str, Any]:
        from marsad.search import search as run

        with store() as s:
            hits = run(s, q, entity=entity, code=code, source=source, date_from=date_from, date_to=date_to,
                       limit=limit, offset=offset, marks=_MARKS)
            if not hits and offset == 0:  # an outlet or entity the store lacks: 400 naming it
                from marsad.search import make_filters, unknown_filter

                unknown_filter(s, make_filters(entity, code, source, date_from, date_to))
        items = []
        for h in hits:
            d = h.to_dict()
            d["snippet"], d["highlights"] = unmark(h.snippet)
            items.append(d)
        return {"query": q, "offset": offset, "items": items}

    @app.get("/api/entities", summary="The entities named in the most articles")
    def entities(
        type: Annotated[str | None, Query(pattern="^(?i:PERSON|ORG|GPE|LOC|FAC)$")] = None,
        top: int = limit_q(50),
    ) -> dict[str, Any]:
        with store() as s:
            return {"items": s.entities(type, top)}

    @app.get("/api/events", summary="Coded events in date order")
    def events(
        actor: Annotated[str | None, Query(max_length=300)] = None,
        code: Annotated[str | None, Query(max_length=10)] = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
        limit: int = limit_q(100),
    ) -> dict[str, Any]:
        from marsad.search import make_filters

        f = make_filters(code=code, date_from=date_from, date_to=date_to)
        with store() as s:
            return {"items": s.events(actor, f.code, f.date_from, f.date_to, limit)}

    @app.get("/api/timeline", summary="An actor's events in date order, with the articles reporting each")
    def timeline(actor: Annotated[str, Query(min_length=1, max_length=300)], limit: int = limit_q(200)) -> dict[str, Any]:
        from marsad.explain.network import actor_entity_ids

        with store() as s:
            items = s.timeline(actor, limit)
            if not items:
                actor_entity_ids(s, actor)  # an actor the store does not know: 400 saying so
            return {"actor": actor, "items": items}

    @app.get("/api/quotes", summary="Quotes with speaker and channel, in date order")
    def quotes(speaker: Annotated[str | None, Query(max_length=300)] = None, limit: int = limit_q(100)) -> dict[str, Any]:
        with store() as s:
            return {"items": s.quotes(speaker, limit)}

    @app.get("/api/network", summary="The actor network (json, or csv / gexf as files)")
    def network(
        actor: Annotated[str | None, Query(max_length=300)] = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
        kind: Annotated[str, Query(pattern="^(all|events|mentions)$")] = "all",
        min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        top: int = limit_q(200),
        format: Annotated[str, Query(pattern="^(json|csv|gexf)$")] = "json",
    ) -> Any:
        from marsad.explain.network import build_network, to_csv, to_gexf

        with store() as s:
            net = build_network(s, actor=actor, date_from=date_from, date_to=date_to, kind=kind,
                                min_weight=min_weight, top=top)
        if format == "csv":
            return PlainTextResponse(to_csv(net), media_type="text/csv; charset=utf-8")
        if format == "gexf":
            return Response(to_gexf(net), media_type="application/xml; charset=utf-8")
        return net

    @app.get("/api/brief", summary="A brief on an actor or a search, every line with its sources")
    def brief(
        actor: Annotated[str | None, Query(max_length=300)] = None,
        q: Annotated[str | None, Query(max_length=1000)] = None,
        date_from: Annotated[str | None, Query(alias="from", max_length=20)] = None,
        date_to: Annotated[str | None, Query(alias="to", max_length=20)] = None,
        articles: Annotated[int, Query(ge=1, le=2000)] = 200,
        lang: Annotated[str, Query(pattern="^(en|ar)$")] = "en",
        format: Annotated[str, Query(pattern="^(json|md)$")] = "json",
    ) -> Any:
        from marsad.explain.brief import build_brief, to_markdown

        if (actor is None) == (q is None):
            raise ConfigError("a brief is on an actor or on a query: give actor=… or q=… (one of them)")
        with store() as s:
            b = build_brief(s, actor=actor, query=q, date_from=date_from, date_to=date_to, max_articles=articles)
        if format == "md":
            return PlainTextResponse(to_markdown(b, lang=lang), media_type="text/markdown; charset=utf-8")
        return b

    # -- watch ---------------------------------------------------------------------------------
    @app.get("/api/alerts", summary="Alerts the watch rules raised, newest first, with evidence")
    def alerts(
        since: Annotated[str | None, Query(max_length=40)] = None,
        rule: Annotated[int | None, Query(ge=1)] = None,
        article: Annotated[str | None, Query(max_length=200)] = None,
        limit: int = limit_q(100),
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> dict[str, Any]:
        from marsad.watch import get_rule, list_alerts

        with store() as s:
            if rule is not None:
                try:
                    get_rule(s, rule)
                except ConfigError as e:
                    raise NotFound(str(e)) from None
            return {"items": list_alerts(s, since=since, rule_id=rule, article=article, limit=limit, offset=offset)}

    @app.get("/api/watch", summary="The watch rules, with their alert counts")
    def watch_rules() -> dict[str, Any]:
        from marsad.watch import count_alerts, list_rules

        with store() as s:
            counts = count_alerts(s)
            return {"items": [{**r.to_dict(), "alerts": counts.get(r.id or -1, 0)} for r in list_rules(s)]}

    @app.post("/api/watch", status_code=201, summary="Add a watch rule, or the rules of an analysis's indicators")
    def watch_add(req: Annotated[WatchRequest, Body()]) -> dict[str, Any]:
        from marsad.store.base import now
        from marsad.watch import Rule, Target, add_rule, rules_from_analysis

        by_hand = bool(req.actors or req.codes or req.places or req.keywords)
        sources = sum((by_hand, req.analysis is not None, req.article is not None))
        if sources != 1:
            raise ConfigError("give a rule (actors, codes, places, keywords), an 'analysis' or an 'article': one of them")
        with store(write=True) as s:
            if not by_hand:
                analysis = req.analysis
                if analysis is None:
                    analysis = s.analysis(str(req.article))
                    if analysis is None:
                        _article(s, str(req.article))
                        raise NotFound(f"article {req.article!r} has no stored analysis")
                out = []
                for p in rules_from_analysis(analysis, new_only=req.new_only):
                    if p.rule is not None:
                        p.rule, p.created = add_rule(s, p.rule)
                    out.append({"indicator": p.indicator.get("text"), "rule": p.rule.to_dict() if p.rule else None,
                                "created": p.created, "reason": p.reason})
                return {"items": out}

            def target(t: str | TargetModel) -> Target:
                return Target(t) if isinstance(t, str) else Target(t.spec, list(t.kb_ids), t.name)

            rule = Rule(name=req.name, actors=[target(t) for t in req.actors], all_actors=req.all_actors,
                        codes=list(req.codes), places=[target(t) for t in req.places], keywords=req.keywords,
                        date_from=req.date_from, date_to=req.date_to, since=now() if req.new_only else None)
            rule, created = add_rule(s, rule)
            return {"items": [{"rule": rule.to_dict(), "created": created}]}

    @app.delete("/api/watch/{rule_id}", summary="Delete a rule and its alerts")
    def watch_remove(rule_id: int) -> dict[str, Any]:
        from marsad.watch import remove_rule

        with store(write=True) as s:
            try:
                n = remove_rule(s, rule_id)
            except ConfigError as e:
                raise NotFound(str(e)) from None
        return {"removed": rule_id, "alerts_removed": n}

    @app.post("/api/watch/run", summary="Check the articles stored since the last run; raise new alerts")
    def watch_run(full: bool = False) -> dict[str, Any]:
        from marsad.watch import run_watch

        with store(write=True) as s:
            return run_watch(s, full=full).to_dict()

    # -- knowledge base ------------------------------------------------------------------------
    @app.get("/api/kb/{entry_id}", summary="A knowledge-base entry by id")
    def kb_entry(entry_id: str) -> dict[str, Any]:
        from marsad.kb import load_kb

        entry = load_kb().get(entry_id)
        if entry is None:
            raise NotFound(f"no knowledge-base entry {entry_id!r}: GET /api/kb?name=… looks names up")
        return entry.to_dict()

    @app.get("/api/kb", summary="Knowledge-base entries with this name (any spelling)")
    def kb_lookup(name: Annotated[str, Query(min_length=1, max_length=300)]) -> dict[str, Any]:
        from marsad.kb import load_kb

        return {"items": [e.to_dict() for e in load_kb().lookup(name)]}

    app.add_middleware(BodyLimit, limit=max_body_bytes or 6 * max_text_chars + 65536)
    return app


def create_app_from_env() -> FastAPI:
    """For ``uvicorn --factory marsad.api.app:create_app_from_env`` ($MARSAD_DB)."""
    return create_app()
