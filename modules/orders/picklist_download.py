"""The pick list download: `…/picklist?orders=12,13` (the orders chosen on the list, or one
order from its page) or `…/picklist?all=1` (every paid order not fully shipped).

Guarded like the orders page (not signed in 401, no `orders.view` 403, unknown store or
disabled module 404). Ids from the query only narrow the store's own orders: another
store's id is dropped, never read.
"""

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from modules.orders.services.picklist import batch_ids, pick_rows, picklist_pdf
from orion_app.access import Access
from orion_app.api_guard import guarded_route, request_language
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.routes import frontend_url


def _ids(text: str) -> list[int] | None:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts) > 500 or not all(p.isascii() and p.isdigit() and len(p) < 10 for p in parts):
        return None
    return [int(p) for p in parts]


@guarded_route(
    page=frontend_url(Frontend.STORE, "orders", store="{store}"),
    module="orders",
    permission="orders.view",
    sign_in_key="orders.ui.download_sign_in",
)
def download_picklist(request: Request, access: Access) -> Response:
    """The pick list PDF of the chosen orders, in the reader's language."""
    store, lang = access.tenant.store, request_language(request, access)
    wanted = None if request.query_params.get("all") == "1" else _ids(request.query_params.get("orders", ""))
    if wanted is None and request.query_params.get("all") != "1":
        return PlainTextResponse(
            translate("orders.picklist.error.orders", lang),
            status_code=400,
            headers={"Cache-Control": "no-store"},
        )
    with session_scope() as session:
        rows = pick_rows(session, store.id, batch_ids(session, store.id, wanted))
    name = f"picklist-{store.code}.pdf"
    return Response(
        picklist_pdf(rows, store.name, lang),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )
