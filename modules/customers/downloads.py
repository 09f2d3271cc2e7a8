"""The store dashboard's customers export: the filtered list as a CSV download.

A plain Starlette endpoint guarded like the customers page itself (not signed in 401, no
`customers.view` 403, unknown store or disabled module 404). The store is the route's,
checked against the session's rights; the query string only narrows the list inside it.
"""

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from modules.customers.services.directory import CustomerFilters
from modules.customers.services.export import EXPORT_DOWNLOAD, csv_lines
from orion_app.access import Access
from orion_app.api_guard import guarded_route, request_language
from orion_app.downloads import csv_download
from orion_app.registry import Frontend
from orion_app.routes import frontend_url


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
    return csv_download(
        lambda session: csv_lines(session, store.id, filters, lang), f"customers-{store.code}.csv"
    )


def routes() -> list[Route]:
    return [Route(EXPORT_DOWNLOAD, download_customers, methods=["GET"])]
