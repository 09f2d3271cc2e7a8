"""Downloads of the store dashboard: the Letzshop feed per language and an import's row errors.

Both are plain Starlette endpoints (a file download is not a Reflex event). Each resolves
the store and the signed-in user from the URL, the Host and the session cookie with the
same guard as the pages: not signed in 401, no right 403, unknown store, disabled module,
unknown language or another store's import 404. The files are streamed as they are read.
"""

from collections.abc import Callable, Iterator

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from modules.marketplace.services.export import (
    ERRORS_DOWNLOAD,
    EXPORT_DOWNLOAD,
    EXPORT_LANGUAGES,
    format_rows,
    iter_feed,
)
from modules.marketplace.services.imports import get_import, iter_errors
from modules.tenancy.public import storefront_url
from orion_app.access import Access
from orion_app.api_guard import guarded_route, not_found, request_language
from orion_app.db import get_engine
from orion_app.errors import NotFound
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_url

LINES_PER_CHUNK = 500  # lines sent per piece of the response
ERROR_COLUMNS = ("line", "column", "message", "raw")
SIGN_IN = "marketplace.download.sign_in"


def _streamed(produce: Callable[[Session], Iterator[str]]) -> Iterator[str]:
    """The lines `produce` reads with its own session, sent a few hundred at a time."""
    with Session(get_engine(), expire_on_commit=False) as session:
        batch: list[str] = []
        for line in produce(session):
            batch.append(line)
            if len(batch) >= LINES_PER_CHUNK:
                yield "".join(batch)
                batch = []
        if batch:
            yield "".join(batch)


def _download(lines: Iterator[str], media_type: str, file_name: str) -> StreamingResponse:
    return StreamingResponse(
        lines,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{file_name}"',
            "Cache-Control": "no-store",
        },
    )


def _store_download(page: str, permission: str):
    """Guarded like the store dashboard page `page` (whose {store} is the route's own)."""
    return guarded_route(
        page=frontend_url(Frontend.STORE, page, store="{store}"),
        module="marketplace",
        permission=permission,
        sign_in_key=SIGN_IN,
    )


@_store_download("marketplace/export", "marketplace.export")
def download_export(request: Request, access: Access) -> Response:
    """The store's Letzshop feed in one language (marketplace.export)."""
    lang = request.path_params["lang"]
    if lang not in EXPORT_LANGUAGES:
        return not_found(request, access)
    store, platform_id = access.tenant.store, access.tenant.platform.id
    origin = str(request.base_url)
    with Session(get_engine()) as session:
        base = storefront_url(session, store.id, platform_id, origin)
    lines = _streamed(lambda session: iter_feed(session, store.id, lang, base))
    return _download(lines, "text/tab-separated-values; charset=utf-8", f"letzshop-{store.code}-{lang}.tsv")


@_store_download("marketplace/import", "marketplace.import")
def download_errors(request: Request, access: Access) -> Response:
    """An import's row errors as CSV for a spreadsheet, messages in the user's language."""
    store = access.tenant.store
    raw_id = request.path_params["import_id"]
    if not (raw_id.isascii() and raw_id.isdigit() and len(raw_id) < 10):
        return not_found(request, access)
    import_id = int(raw_id)
    try:
        with Session(get_engine()) as session:
            get_import(session, store.id, import_id)  # another store's import is not found
    except NotFound:
        return not_found(request, access)
    lang = request_language(request, access)

    def rows(session: Session) -> Iterator[list[object]]:
        yield [translate(f"marketplace.errors_file.{name}", lang) for name in ERROR_COLUMNS]
        for error in iter_errors(session, store.id, import_id):
            message = translate(error.message_key, lang, **error.message_params)
            yield [error.line, error.column, message, error.raw]

    def lines(session: Session) -> Iterator[str]:
        yield "\ufeff"  # a BOM, so that Excel reads the file as UTF-8
        yield from format_rows(rows(session), delimiter=",")

    return _download(
        _streamed(lines), "text/csv; charset=utf-8", f"letzshop-{store.code}-import-{import_id}-errors.csv"
    )


def routes() -> list[Route]:
    return [
        Route(EXPORT_DOWNLOAD, download_export, methods=["GET"]),
        Route(ERRORS_DOWNLOAD, download_errors, methods=["GET"]),
    ]
