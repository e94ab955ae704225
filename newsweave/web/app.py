"""The web app: one static page plus a JSON API, served by FastAPI.

    POST /api/brief            articles + options -> a brief (docs/brief-schema.md) + "saved"
    GET  /api/briefs           recent saved briefs
    GET  /api/briefs/{id}      one saved brief, same shape as POST's answer
    GET  /api/example          the built-in example's articles (for the page's "try it")
    POST /api/stories, GET /api/stories[/{id}]   a pile of articles grouped (stories.py)
    GET  /                     the page; /b/{id} the page showing a saved brief; /stories the
                               Stories page, /s/{id} a saved set of stories
    GET  /docs, /redoc         OpenAPI docs (served locally, no CDN); /openapi.json

Safety (docs/web.md): request bodies and article counts are capped (413), bad input is
422 with a one-line message, article text only ever reaches the page as data (the page
renders it with ``textContent`` under a strict Content-Security-Policy), nothing in a
request names a file, and ``newsweave serve`` binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import re
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import DEFAULT_WORDS, Config
from ..errors import InputError
from ..ingest import KNOWN_SUFFIXES, documents_from_articles
from .common import (CONCURRENT_BRIEFS, MAX_ARTICLES_PER_REQUEST, MAX_BODY_BYTES,  # noqa: F401
                     MAX_DOCUMENT_CHARS, MAX_ID_CHARS, MAX_QUERY_CHARS, MAX_SENTENCES,
                     MAX_WAIT_SECONDS, MAX_WAITING_BRIEFS, MAX_WORDS, Admission, ApiError,
                     no_surrogates)
from .guard import PAGE_CSP, GuardMiddleware
from .store import Store, default_db_path
from .stories import add_story_routes

STATIC = Path(__file__).parent / "static"
EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example"

# Swagger UI and ReDoc bootstrap with an inline script; they never show article text.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; worker-src blob:; font-src 'self'; "
            "base-uri 'none'; frame-ancestors 'none'")


class Article(BaseModel):
    """One article: its text (plain text, Markdown or a whole HTML page) and a name."""

    model_config = ConfigDict(extra="forbid", strict=True)
    id: Annotated[str | None, Field(max_length=MAX_ID_CHARS, description=(
        "a name for the article, used as its citation (e.g. its file name; a suffix .html/.txt/.md "
        "decides the format, otherwise it is sniffed); default doc1, doc2, ..."))] = None
    text: Annotated[str, Field(description="the article: plain text, Markdown or HTML")]

    _clean = field_validator("id", "text")(no_surrogates)


class BriefRequest(BaseModel):
    """Articles about one story, and how long and focused the brief should be."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [{
        "documents": [{"id": "a.txt", "text": "First article ..."},
                      {"id": "b.html", "text": "<html>...second article...</html>"}],
        "words": 150}]})
    documents: list[Article] = Field(default_factory=list, description=(
        f"the articles (at least 2 readable ones in all; at most {MAX_ARTICLES_PER_REQUEST})"))
    words: Annotated[int | None, Field(ge=1, le=MAX_WORDS, description=(
        f"word budget (default {DEFAULT_WORDS}; no word cap when only sentences is given)"))] = None
    sentences: Annotated[int | None, Field(ge=1, le=MAX_SENTENCES, description="sentence budget")] = None
    query: Annotated[str | None, Field(max_length=MAX_QUERY_CHARS,
                                       description="focus the summary on this question or topic")] = None
    keep_all: bool = Field(False, description="also summarize articles judged off-topic")
    summarizer: str = Field(Config.summarizer, description="which summarizer")
    extends: Annotated[str | None, Field(max_length=64, description=(
        "id of a saved brief: re-run its story with these articles added (options not given "
        "are taken from it); the new brief is saved with it as parent"))] = None
    save: bool = Field(True, description="keep the brief in the database and give it a link")

    _clean = field_validator("query", "summarizer", "extends")(no_surrogates)


def _error(status: int, message: str, headers: dict | None = None, **extra) -> JSONResponse:
    return JSONResponse({"detail": message, **extra}, status_code=status, headers=headers)


def _saved_meta(row: dict) -> dict:
    group = row.get("story_set")
    return {"id": row["id"], "url": f"/b/{row['id']}", "api": f"/api/briefs/{row['id']}",
            "created": row["created"], "parent": row["parent"], "children": row["children"],
            "title": row["title"], "articles": len(row["inputs"]),
            "article_ids": [a.get("id") for a in row["inputs"]],
            # a story's brief made on the Stories page: its set, to go back to
            "story_set": {"id": group["id"], "story": group["story"], "url": f"/s/{group['id']}"}
            if group else None}


def _with_saved(row: dict) -> dict:
    return {**row["brief"], "saved": _saved_meta(row)}


def create_app(db_path: str | Path | None = None, *, allowed_hosts: list[str] | None = None,
               max_body_bytes: int = MAX_BODY_BYTES, concurrent_briefs: int = CONCURRENT_BRIEFS,
               max_waiting_briefs: int = MAX_WAITING_BRIEFS) -> FastAPI:
    """The ASGI app. ``db_path``: the SQLite file (default: ``default_db_path()``);
    ``allowed_hosts``: Host header names accepted (None: any), which guards a
    localhost server against DNS rebinding; ``concurrent_briefs`` and
    ``max_waiting_briefs``: briefs made at once and waiting (beyond: 503)."""
    store = Store(db_path if db_path is not None else default_db_path())
    gate = Admission(concurrent_briefs, max_waiting_briefs)

    @asynccontextmanager
    async def lifespan(app):
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsweave", version=__version__, docs_url=None, redoc_url=None,
        description=("Summarize a cluster of news articles about one story into a brief whose every "
                     "sentence cites its source. The brief's JSON is the CLI's "
                     "(`newsweave brief --format json`, see docs/brief-schema.md) plus a `saved` "
                     "object with the brief's id and link."),
    )
    app.state.store, app.state.admission = store, gate

    # ---- errors: always {"detail": "one line"} ---------------------------------------------
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors(), exclude={"input", "ctx", "url"})
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = first.get("msg", "invalid request")
        if first.get("type") == "json_invalid":
            message = "the request body is not valid JSON"
        elif where:
            message = f"{where}: {message}"
        return _error(422, message, errors=errors)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error(exc.status, exc.message, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
            # FastAPI's answer when json.loads fails other than by a syntax error: the body is
            # not UTF-8 (UnicodeDecodeError) or nested too deeply (RecursionError).
            return _error(422, "the request body is not valid JSON: send UTF-8 JSON text "
                               "(nested at most a few hundred levels deep)")
        if exc.status_code == 404 and not request.url.path.startswith(("/api/", "/static/")):
            return FileResponse(STATIC / "index.html", status_code=404, headers=_page_headers())
        return _error(exc.status_code, str(exc.detail))

    # ---- body size limit and security headers (pure ASGI, before any parsing) --------------
    app.add_middleware(GuardMiddleware, max_body_bytes=max_body_bytes, allowed_hosts=allowed_hosts)

    # ---- the API ---------------------------------------------------------------------------
    responses = {200: {"description": "the brief, not saved (`save: false`)"},
                 413: {"description": "request too large (body, article count or article size)"},
                 415: {"description": "the body is not JSON"},
                 422: {"description": "input that cannot be briefed: `detail` says why"},
                 503: {"description": "too many briefs being made and waiting: try again after "
                                      "`Retry-After` seconds"}}

    @app.post("/api/brief", status_code=201, tags=["briefs"], responses=responses,
              summary="Brief a cluster of articles (and save it)")
    def create_brief(body: BriefRequest, response: Response) -> dict:
        """Returns the brief's JSON (docs/brief-schema.md) plus `saved`: `{id, url, api, created,
        parent, children, ...}`: 201 with `Location`, or 200 with `saved: null` when `save` is
        false. 422 when the articles cannot be briefed (e.g. fewer than 2 readable ones),
        with the reason in `detail`; 503 with `Retry-After` when the server is full."""
        given = body.model_fields_set
        articles = [a.model_dump() for a in body.documents]
        settings = {"words": body.words, "sentences": body.sentences, "query": body.query or None,
                    "keep_all": body.keep_all, "summarizer": body.summarizer}
        parent = None
        if body.extends is not None:
            parent = store.get(body.extends)
            if parent is None:
                raise ApiError(404, f"no saved brief {body.extends!r} to add articles to: "
                                    "check the link, or start a new brief")
            for key, value in parent["settings"].items():  # options not given: the old ones
                if key not in given and key in settings:
                    settings[key] = value
            articles = parent["inputs"] + articles
        elif not articles:
            raise ApiError(422, "no documents given: a brief needs at least 2 articles about the same story")
        if len(articles) > MAX_ARTICLES_PER_REQUEST:
            raise ApiError(413, f"{len(articles)} articles is over the limit of {MAX_ARTICLES_PER_REQUEST} "
                                "for one brief: brief a smaller cluster")
        for n, a in enumerate(articles, 1):
            if len(a["text"]) > MAX_DOCUMENT_CHARS:
                raise ApiError(413, f"{a.get('id') or f'article {n}'} has {len(a['text']):,} characters, "
                                    f"over the {MAX_DOCUMENT_CHARS:,} limit for one article: "
                                    "give the article text, not a whole archive")
        brief = _run(articles, settings, gate)
        if not body.save:
            response.status_code = 200
            return {**brief, "saved": None}
        row = store.save(inputs=[{"id": a.get("id"), "text": a["text"]} for a in articles],
                         settings=settings, brief=brief, parent=parent["id"] if parent else None)
        response.headers["Location"] = f"/api/briefs/{row['id']}"
        return _with_saved(row)

    @app.get("/api/briefs/{brief_id}", tags=["briefs"], summary="A saved brief",
             responses={404: {"description": "no such brief"}})
    def get_brief(brief_id: str) -> dict:
        """The same JSON `POST /api/brief` answered when the brief was made."""
        row = store.get(brief_id)
        if row is None:
            raise ApiError(404, f"no saved brief {brief_id!r}: the link may be mistyped")
        return _with_saved(row)

    @app.get("/api/briefs", tags=["briefs"], summary="Recently saved briefs")
    def list_briefs(limit: Annotated[int, Field(ge=1, le=100)] = 20) -> list[dict]:
        return store.recent(limit)

    add_story_routes(app, store, gate, {**responses, 200: {
        "description": "the stories, not saved (`save: false`)"}})

    @app.get("/api/example", tags=["example"], summary="The built-in example's articles")
    def example() -> list[dict]:
        """Ready to post as `documents`: a fictional dam failure told by five outlets, plus
        one unrelated sports report."""
        return [{"id": f.name, "text": f.read_text(encoding="utf-8")}
                for f in sorted(EXAMPLE_DIR.iterdir())
                if f.is_file() and f.name != "ABOUT.md" and f.suffix.lower() in KNOWN_SUFFIXES]

    @app.get("/api/health", tags=["meta"], summary="Liveness")
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    # ---- the page and the docs -------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", headers=_page_headers())

    @app.get("/b/{brief_id}", include_in_schema=False)
    def saved_page(brief_id: str):
        status = 200 if store.get(brief_id) is not None else 404
        return FileResponse(STATIC / "index.html", status_code=status, headers=_page_headers())

    @app.get("/stories", include_in_schema=False)
    def stories_page():
        return FileResponse(STATIC / "index.html", headers=_page_headers())

    @app.get("/s/{set_id}", include_in_schema=False)
    def saved_stories_page(set_id: str):
        status = 200 if store.get_stories(set_id) is not None else 404
        return FileResponse(STATIC / "index.html", status_code=status, headers=_page_headers())

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    docs_static = _docs_static()
    if docs_static is not None:
        redoc_js = _redoc_js(docs_static)

        @app.get("/docs-static/redoc.standalone.js", include_in_schema=False)
        def redoc_script():  # before the mount, so that this copy is the one served
            return Response(redoc_js, media_type="text/javascript; charset=utf-8")

        app.mount("/docs-static", StaticFiles(directory=docs_static), name="docs-static")

        @app.get("/docs", include_in_schema=False)
        def swagger():
            r = get_swagger_ui_html(openapi_url="/openapi.json", title="newsweave API",
                                    swagger_js_url="/docs-static/swagger-ui-bundle.js",
                                    swagger_css_url="/docs-static/swagger-ui.css",
                                    swagger_favicon_url="/static/favicon.svg",
                                    # no badge from validator.swagger.io
                                    swagger_ui_parameters={"validatorUrl": None})
            r.headers["Content-Security-Policy"] = DOCS_CSP
            return r

        @app.get("/redoc", include_in_schema=False)
        def redoc():
            r = get_redoc_html(openapi_url="/openapi.json", title="newsweave API",
                               redoc_js_url="/docs-static/redoc.standalone.js",
                               redoc_favicon_url="/static/favicon.svg", with_google_fonts=False)
            r.headers["Content-Security-Policy"] = DOCS_CSP
            return r
    return app


def _run(articles: list[dict], settings: dict, gate: Admission) -> dict:
    from ..pipeline import run

    try:
        config = Config(words=settings["words"], sentences=settings["sentences"], query=settings["query"],
                        keep_all=settings["keep_all"], summarizer=settings["summarizer"])
        documents = documents_from_articles(articles)
        with gate.slot():
            return run(documents, config).to_dict()
    except InputError as e:
        raise ApiError(422, str(e)) from None


# ReDoc's bundle shows Redocly's logo from their CDN; the app's own icon replaces it.
_REDOC_CDN_LOGO = re.compile(rb"https://cdn\.redoc\.ly/[^\"']*")


def _redoc_js(docs_static: Path) -> bytes:
    return _REDOC_CDN_LOGO.sub(b"/static/favicon.svg", (docs_static / "redoc.standalone.js").read_bytes())


def _page_headers() -> dict:
    return {"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"}


def _docs_static() -> Path | None:
    """Swagger UI and ReDoc assets from the fastapi-offline package (no CDN)."""
    try:
        path = Path(str(resources.files("fastapi_offline") / "static"))
    except ModuleNotFoundError:
        return None
    return path if path.is_dir() else None
