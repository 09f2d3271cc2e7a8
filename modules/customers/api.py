"""Shoppers' sign-in, sign-up, sign-out and "download my data" as HTTP endpoints: the only
places that set or clear a store's shopper cookie (`public.cookie_attributes`).

Forms are plain HTML posts from the store's own pages; the request's Origin must be one of
the deployment's (`orion_app.cors`), like staff sign-in (`orion_app/auth_api.py`). The form
says which storefront it belongs to (`base`); the Origin's host and that path resolve the
store, and the customers module must be enabled on its platform. Answers are 303 redirects
to storefront pages; refusals carry only codes the pages translate.
"""

import json
from urllib.parse import urlencode, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from modules.customers.downloads import routes as merchant_routes
from modules.customers.public import cookie_attributes, cookie_names
from modules.customers.services import auth
from modules.customers.services.accounts import sign_up as create_account
from modules.customers.services.privacy import export_data
from modules.customers.services.shop import storefront_of
from orion_app.auth_api import request_origin, storefront_for_form
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.redirects import safe_next
from orion_app.tenant import Tenant

SIGN_IN_PATH = "/api/shop/sign-in"
SIGN_UP_PATH = "/api/shop/sign-up"
SIGN_OUT_PATH = "/api/shop/sign-out"
MY_DATA_PATH = "/api/shop/my-data"
SIGN_IN_ERRORS = ("invalid", "too_many")
SIGN_UP_FIELDS = ("name", "email", "password", "language")
NO_STORE = {"Cache-Control": "no-store"}


def storefront_tenant(base: str, host: str) -> Tenant | None:
    """The storefront at `base` on `host`, when customers is enabled there."""
    return storefront_for_form(base, host, "customers")


def _refused(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status, headers=NO_STORE)


async def _form_and_tenant(request: Request):
    origin = request_origin(request)
    if origin is None:
        return None, None, None, _refused(403, "This form must be sent from one of this site's own pages.")
    form = await request.form()
    tenant = await run_in_threadpool(storefront_tenant, str(form.get("base") or ""), urlsplit(origin).netloc)
    if tenant is None:
        return None, None, None, _refused(404, "Unknown storefront.")
    return origin, form, tenant, None


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else ""


def _signed_in(response: Response, request: Request, store_id: int, token: str) -> Response:
    attributes = cookie_attributes(store_id, request.url.scheme)
    response.set_cookie(value=token, **attributes)
    if attributes["secure"]:  # a plain cookie left from before HTTPS would only confuse
        response.delete_cookie(cookie_names(store_id)[1], path="/")
    return response


async def sign_in(request: Request) -> Response:
    origin, form, tenant, refused = await _form_and_tenant(request)
    if refused:
        return refused
    store_id = tenant.store.id
    next_path = safe_next(str(form.get("next") or ""), f"{tenant.base}account")
    previous = next((request.cookies[n] for n in cookie_names(store_id) if request.cookies.get(n)), "")

    def work() -> str:
        with session_scope() as session:
            return auth.sign_in(
                session,
                store_id,
                str(form.get("email") or ""),
                str(form.get("password") or ""),
                _client_ip(request),
                previous,
            )

    try:
        token = await run_in_threadpool(work)
    except ServiceError as error:
        code = error.message_key.rsplit(".", 1)[-1]
        query = urlencode({"error": code if code in SIGN_IN_ERRORS else "invalid", "next": next_path})
        return RedirectResponse(f"{origin}{tenant.base}account/login?{query}", status_code=303)
    return _signed_in(RedirectResponse(f"{origin}{next_path}", status_code=303), request, store_id, token)


async def sign_up(request: Request) -> Response:
    origin, form, tenant, refused = await _form_and_tenant(request)
    if refused:
        return refused
    shop = storefront_of(tenant, origin)
    fields = {name: str(form.get(name) or "") for name in SIGN_UP_FIELDS}

    def work() -> str:
        with session_scope() as session:
            customer = create_account(
                session, shop, marketing_consent=form.get("marketing") == "on", **fields
            )
            token = auth.open_session(session, customer, _client_ip(request))
            session.commit()
            return token

    try:
        token = await run_in_threadpool(work)
    except FieldErrors as error:
        codes = {f"e_{name}": key.rsplit(".", 1)[-1] for name, key in error.errors.items()}
        keep = {"name": fields["name"], "email": fields["email"], "language": fields["language"]}
        query = urlencode(codes | keep)
        return RedirectResponse(f"{origin}{tenant.base}account/signup?{query}", status_code=303)
    target = f"{origin}{tenant.base}account?welcome=1"
    return _signed_in(RedirectResponse(target, status_code=303), request, shop.store_id, token)


async def sign_out(request: Request) -> Response:
    origin, _form, tenant, refused = await _form_and_tenant(request)
    if refused:
        return refused
    store_id = tenant.store.id
    token = next((request.cookies[n] for n in cookie_names(store_id) if request.cookies.get(n)), "")
    if token:

        def work() -> None:
            with session_scope() as session:
                auth.sign_out(session, store_id, token)

        await run_in_threadpool(work)
    response = RedirectResponse(f"{origin}{tenant.base}", status_code=303)
    for name in cookie_names(store_id):
        response.delete_cookie(name, path="/", secure=name.startswith("__Host-"), httponly=True)
    return response


async def my_data(request: Request) -> Response:
    """The signed-in shopper's data as a JSON download (401 without a session of this store)."""
    base = request.query_params.get("base", "")
    tenant = await run_in_threadpool(storefront_tenant, base, request.headers.get("host", ""))
    if tenant is None:
        return _refused(404, "Unknown storefront.")
    store_id = tenant.store.id
    token = next((request.cookies[n] for n in cookie_names(store_id) if request.cookies.get(n)), "")

    def work() -> dict | None:
        with session_scope() as session:
            customer = auth.customer_for_token(session, store_id, token)
            return export_data(session, store_id, customer.id) if customer else None

    data = await run_in_threadpool(work)
    if data is None:
        return _refused(401, "Sign in to download your data.")
    body = json.dumps(data, ensure_ascii=False, indent=2)
    headers = NO_STORE | {"Content-Disposition": 'attachment; filename="my-data.json"'}
    return Response(body, media_type="application/json", headers=headers)


def routes() -> list[Route]:
    """The shopper's endpoints and the merchant's downloads (`downloads.py`)."""
    return [
        *merchant_routes(),
        Route(SIGN_IN_PATH, sign_in, methods=["POST"]),
        Route(SIGN_UP_PATH, sign_up, methods=["POST"]),
        Route(SIGN_OUT_PATH, sign_out, methods=["POST"]),
        Route(MY_DATA_PATH, my_data, methods=["GET"]),
    ]
