"""The store dashboard's customers export: the filtered list as a CSV download.

A plain Starlette endpoint guarded like the customers page itself (not signed in 401, no
`customers.view` 403, unknown store or disabled module 404). The store is the route's,
checked against the session's rights; the query string only narrows the list inside it.
"""

from collections.abc import Iterator

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from modules.customers.services.directory import CustomerFilters
from modules.customers.services.export import EXPORT_DOWNLOAD, csv_lines
from orion_app.access import Access
from orion_app.api_guard import guarded_route, request_language
from orion_app.db import get_engine
from orion_app.registry import Frontend
from orion_app.routes import frontend_url

LINES_PER_CHUNK = 500


@guarded_route(
    page=frontend_url(Frontend.STORE, "customers", store="{store}"),
    module="customers",
    permission="customers.view",
    sign_in_key="customers.admin.download_sign_in",
)
def download_customers(request: Request, access: Access) -> Response:
    """The store's customers matching the list's filters, as CSV in the reader's language."""
    params = request.query_params
    filters = CustomerFilters.of(
        params.get("q", ""), params.get("verified", ""), params.get("orders", ""), params.get("consent", "")
    )
    store, lang = access.tenant.store, request_language(request, access)

    def chunks() -> Iterator[str]:
        with Session(get_engine(), expire_on_commit=False) as session:
            batch: list[str] = []
            for line in csv_lines(session, store.id, filters, lang):
                batch.append(line)
                if len(batch) >= LINES_PER_CHUNK:
                    yield "".join(batch)
                    batch = []
            yield "".join(batch)

    return StreamingResponse(
        chunks(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="customers-{store.code}.csv"',
            "Cache-Control": "no-store",
        },
    )


def routes() -> list[Route]:
    return [Route(EXPORT_DOWNLOAD, download_customers, methods=["GET"])]
