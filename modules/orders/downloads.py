"""The store dashboard's order export: the filtered list as a CSV download.

A plain Starlette endpoint guarded like the orders page itself (not signed in 401, no
`orders.view` 403, unknown store or disabled module 404). The store is the route's,
checked against the session's rights; the query string only narrows the list inside it.
"""

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from modules.orders.document_downloads import document_routes
from modules.orders.picklist_download import download_picklist
from modules.orders.services.export import EXPORT_DOWNLOAD, csv_lines
from modules.orders.services.listing import OrderFilters
from modules.orders.services.picklist import PICKLIST_DOWNLOAD
from orion_app.access import Access
from orion_app.api_guard import guarded_route, request_language
from orion_app.downloads import csv_download
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_url


@guarded_route(
    page=frontend_url(Frontend.STORE, "orders", store="{store}"),
    module="orders",
    permission="orders.view",
    sign_in_key="orders.ui.download_sign_in",
)
def download_orders(request: Request, access: Access) -> Response:
    """The store's orders matching the list's filters, as CSV in the reader's language."""
    params = request.query_params
    store, lang = access.tenant.store, request_language(request, access)
    try:
        filters = OrderFilters.of(
            params.get("q", ""),
            params.get("status", ""),
            params.get("method", ""),
            params.get("since", ""),
            params.get("until", ""),
        )
    except FieldErrors as error:
        first = next(iter(error.errors.values()))
        return PlainTextResponse(
            translate(first, lang), status_code=400, headers={"Cache-Control": "no-store"}
        )

    return csv_download(
        lambda session: csv_lines(session, store.id, filters, lang), f"orders-{store.code}.csv"
    )


def routes() -> list[Route]:
    return [
        Route(EXPORT_DOWNLOAD, download_orders, methods=["GET"]),
        Route(PICKLIST_DOWNLOAD, download_picklist, methods=["GET"]),
        *document_routes(),
    ]
