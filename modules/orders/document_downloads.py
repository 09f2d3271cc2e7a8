"""Invoice and credit-note downloads: the merchant's (one PDF, or the period's ZIP for the
accountant) and the shopper's (their own order's, or through the order's status link).

The merchant's routes are guarded like the orders page (not signed in 401, no
`orders.view` 403, unknown store or disabled module 404); the document is looked up in
the route's store only. The shopper's route finds the storefront from `base` and the
host, then the order from its number and either the store's shopper cookie (the order
must be theirs) or the status link's `token`. Whatever is missing or foreign is a 404.
"""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from modules.customers.public import cookie_names, signed_in_customer
from modules.orders.services.document_files import read_pdf
from modules.orders.services.documents import (
    DOCUMENTS_DOWNLOAD,
    DOCUMENTS_ZIP,
    SHOP_DOCUMENT,
    accountant_zip,
    shopper_document,
    store_document,
)
from modules.orders.services.listing import OrderFilters
from orion_app.access import Access
from orion_app.api_guard import guarded_route, not_found, request_language
from orion_app.auth_api import storefront_for_form
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_url

NO_STORE = {"Cache-Control": "no-store"}


def pdf_response(pdf: bytes, number: str) -> Response:
    headers = NO_STORE | {"Content-Disposition": f'attachment; filename="{number}.pdf"'}
    return Response(pdf, media_type="application/pdf", headers=headers)


@guarded_route(
    page=frontend_url(Frontend.STORE, "orders", store="{store}"),
    module="orders",
    permission="orders.view",
    sign_in_key="orders.ui.download_sign_in",
)
def download_document(request: Request, access: Access) -> Response:
    """One of the store's invoices or credit notes, as its stored PDF."""
    number = request.path_params["number"]
    with session_scope() as session:
        doc = store_document(session, access.tenant.store.id, number)
        pdf = read_pdf(doc) if doc is not None else None
    return pdf_response(pdf, number) if pdf is not None else not_found(request, access)


@guarded_route(
    page=frontend_url(Frontend.STORE, "documents", store="{store}"),
    module="orders",
    permission="orders.view",
    sign_in_key="orders.ui.download_sign_in",
)
def download_zip(request: Request, access: Access) -> Response:
    """The period's documents and their journal, for the accountant."""
    store, lang = access.tenant.store, request_language(request, access)
    params = request.query_params
    try:
        period = OrderFilters.of(since=params.get("since", ""), until=params.get("until", ""))
    except FieldErrors as error:
        first = next(iter(error.errors.values()))
        return PlainTextResponse(translate(first, lang), status_code=400, headers=NO_STORE)
    name = f"documents-{store.code}"
    with session_scope() as session:
        data = accountant_zip(session, store.id, period.since, period.until, lang, name)
    headers = NO_STORE | {"Content-Disposition": f'attachment; filename="{name}.zip"'}
    return Response(data, media_type="application/zip", headers=headers)


async def shopper_download(request: Request) -> Response:
    """The shopper's invoice or credit note: theirs by cookie, or by the status link's token."""
    params = request.query_params
    tenant = await run_in_threadpool(
        storefront_for_form, params.get("base", ""), request.headers.get("host", ""), "orders"
    )
    if tenant is None:
        return not_found(request)
    store_id = tenant.store.id
    cookie = next((request.cookies[n] for n in cookie_names(store_id) if request.cookies.get(n)), "")
    order, number = request.path_params["order"], request.path_params["number"]

    def work() -> bytes | None:
        with session_scope() as session:
            customer = signed_in_customer(session, store_id, cookie) if cookie else None
            doc = shopper_document(
                session,
                store_id,
                order,
                number,
                customer_id=customer.id if customer else None,
                status_token=params.get("token", ""),
            )
            return read_pdf(doc) if doc is not None else None

    pdf = await run_in_threadpool(work)
    return pdf_response(pdf, number) if pdf is not None else not_found(request)


def document_routes() -> list[Route]:
    return [
        Route(DOCUMENTS_DOWNLOAD, download_document, methods=["GET"]),
        Route(DOCUMENTS_ZIP, download_zip, methods=["GET"]),
        Route(SHOP_DOCUMENT, shopper_download, methods=["GET"]),
    ]
