""" "Add to cart" as an HTTP endpoint: the one place that sets a store's guest-cart cookie.

The cookie is HttpOnly, so only an HTTP answer can set it; a guest's first "add to cart"
therefore has to be a request, not a websocket event. Rather than a second round trip to
claim a token made by an event handler (which would hand the token to page scripts), the
product page's and the listing cards' buttons are plain HTML forms posted here, like the
shopper's sign-in (`modules/customers/api.py`): the request's Origin must be one of the
deployment's, the form's `base` and the Origin's host resolve the store (cart enabled
there), the variant is looked up in THAT store, and the answer is a 303 back to the page
with `?cart=added` or `?cart=<error code>` for the header to announce. Changing and
removing lines happen on the cart page through websocket events (the cookie is in the
handshake by then, `public.cart_token`).

Rate-limited per client address and per cart.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from modules.cart.public import cart_cookie_names, config_for
from modules.cart.services import carts
from modules.customers.public import cookie_names as shopper_cookie_names
from modules.customers.public import signed_in_customer
from orion_app import ratelimit
from orion_app.auth_api import request_origin, storefront_for_form
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.redirects import safe_next
from orion_app.session_cookie import is_secure
from orion_app.session_tokens import token_hash
from orion_app.tenant import Tenant

ADD_PATH = "/api/shop/cart/add"
NO_STORE = {"Cache-Control": "no-store"}
PER_IP = ratelimit.Limit("cart:add:ip", 60, 60)
PER_CART = ratelimit.Limit("cart:add:cart", 30, 60)


def cookie_attributes(store_id: int, scheme: str, max_age: int) -> dict:
    """Starlette `set_cookie` arguments of the guest-cart cookie: host-only, Path=/ (the
    websocket at /_event must carry it), HttpOnly, SameSite=Lax, Secure over HTTPS."""
    secure = is_secure(scheme)
    return {
        "key": cart_cookie_names(store_id)[0 if secure else 1],
        "max_age": max_age,
        "path": "/",
        "secure": secure,
        "httponly": True,
        "samesite": "lax",
    }


def storefront_tenant(base: str, host: str) -> Tenant | None:
    """The storefront at `base` on `host`, when cart is enabled there."""
    return storefront_for_form(base, host, "cart")


def _cookie(request: Request, names: tuple[str, str]) -> str:
    return next((request.cookies[n] for n in names if request.cookies.get(n)), "")


def _back(origin: str, path: str, **query: str) -> RedirectResponse:
    """A 303 to `path` on `origin` with `query` replacing what the path's query had."""
    parts = urlsplit(path)
    kept = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("cart", "count")]
    target = urlunsplit(("", "", parts.path, urlencode(kept + list(query.items())), ""))
    return RedirectResponse(f"{origin}{target}", status_code=303, headers=NO_STORE)


def _refused(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status, headers=NO_STORE)


async def add(request: Request) -> Response:
    origin = request_origin(request)
    if origin is None:
        return _refused(403, "This form must be sent from one of this site's own pages.")
    form = await request.form()
    tenant = await run_in_threadpool(storefront_tenant, str(form.get("base") or ""), urlsplit(origin).netloc)
    if tenant is None:
        return _refused(404, "Unknown storefront.")
    store_id = tenant.store.id
    back = safe_next(str(form.get("next") or ""), tenant.base)
    guest_token = _cookie(request, cart_cookie_names(store_id))
    shopper_token = _cookie(request, shopper_cookie_names(store_id))
    client_ip = request.client.host if request.client else ""

    def work() -> tuple[str, int]:
        """(the new guest token or '', the cookie's max age); ServiceError when refused."""
        subjects = [(PER_IP, client_ip)] + ([(PER_CART, token_hash(guest_token))] if guest_token else [])
        if any(ratelimit.is_blocked(limit, subject) for limit, subject in subjects):
            raise ServiceError("cart.error.too_many")
        for limit, subject in subjects:
            ratelimit.record_hit(limit, subject)
        with session_scope() as session:
            config = config_for(session, store_id)
            customer = signed_in_customer(session, store_id, shopper_token)
            shopper = carts.Shopper(guest_token, customer.id if customer else None)
            variant_id = carts.variant_of_product(
                session, store_id, _int(form.get("product")), str(form.get("sku") or "")[:64]
            )
            cart, new_token = carts.cart_to_add_to(session, store_id, shopper, config)
            carts.add(session, store_id, cart, variant_id, form.get("quantity") or "1", config)
            session.commit()
            return new_token, config.guest_ttl_days * 86400

    try:
        token, max_age = await run_in_threadpool(work)
    except FieldErrors:
        return _back(origin, back, cart="quantity")
    except ServiceError as error:
        code = error.message_key.rsplit(".", 1)[-1]
        count = {"count": str(error.params["count"])} if "count" in error.params else {}
        response = _back(origin, back, cart=code, **count)
        if code == "expired":
            for name in cart_cookie_names(store_id):
                response.delete_cookie(name, path="/", secure=name.startswith("__Host-"), httponly=True)
        return response
    response = _back(origin, back, cart="added")
    if token:
        response.set_cookie(value=token, **cookie_attributes(store_id, request.url.scheme, max_age))
    return response


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


def routes() -> list[Route]:
    return [Route(ADD_PATH, add, methods=["POST"])]
