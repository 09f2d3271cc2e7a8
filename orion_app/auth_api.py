"""Sign-in and sign-out as HTTP endpoints: the only places that set or clear the session cookie.

The sign-in page posts a plain HTML form here. The request's Origin must be one of the
deployment's own (`orion_app.cors`), which stops cross-site login and logout. Success
answers 303 to the page asked for, with an HttpOnly, SameSite=Lax cookie (Secure and
`__Host-` over HTTPS); a refusal answers 303 back to the sign-in page with an error code the
page translates. Either way the browser loads a new page, so the websocket that follows
carries the new cookie in its handshake.
"""

from urllib.parse import urlencode, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from orion_app import session_cookie
from orion_app.access import STAFF_FRONTENDS, check_access, directory, may_enter, principal_for
from orion_app.cors import allowed_origin
from orion_app.errors import ServiceError
from orion_app.observability import SIGN_INS
from orion_app.ports import PORT_AUTHENTICATOR, Authenticator
from orion_app.redirects import safe_next
from orion_app.registry import Frontend, get_registry
from orion_app.settings import get_settings
from orion_app.tenant import Tenant, resolve_tenant

SIGN_IN_PATH = "/api/auth/sign-in"
SIGN_OUT_PATH = "/api/auth/sign-out"
# Error codes the sign-in page understands (anything else is not shown).
ERRORS = ("invalid", "too_many", "no_access")


def request_origin(request: Request) -> str | None:
    """The page's origin: the Origin header, or the Referer's for browsers that omit it."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        referer = urlsplit(request.headers.get("referer", ""))
        origin = f"{referer.scheme}://{referer.netloc}" if referer.scheme and referer.netloc else None
    return origin if allowed_origin(origin) else None


def storefront_for_form(base: str, host: str, module: str) -> Tenant | None:
    """The storefront a shopper's form says it comes from (`base`, on the Origin's `host`),
    when `module` is enabled there; None otherwise. For modules' form endpoints."""
    access = check_access(
        path=base.rstrip("/") + "/",
        host=host,
        token="",
        module=module,
        frontends=(Frontend.STOREFRONT,),
        public=True,
    )
    return access.tenant if access.ok and access.tenant and access.tenant.store else None


def _tenant(origin: str, base: str) -> Tenant | None:
    """The staff frontend the form belongs to (admin, or a store's dashboard)."""
    tenant = resolve_tenant(directory(), base, urlsplit(origin).netloc, get_settings().main_platform_code)
    if tenant is None or tenant.frontend not in STAFF_FRONTENDS or tenant.subpath not in ("", "login"):
        return None
    return tenant


def _authenticator() -> Authenticator:
    return get_registry().provider(PORT_AUTHENTICATOR)


def _back_to_sign_in(origin: str, tenant: Tenant, error: str, next_path: str) -> RedirectResponse:
    query = urlencode({"error": error, **({"next": next_path} if next_path else {})})
    return RedirectResponse(f"{origin}{tenant.base}login?{query}", status_code=303)


def _refused(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status, headers={"Cache-Control": "no-store"})


async def sign_in(request: Request) -> Response:
    origin = request_origin(request)
    if origin is None:
        return _refused(403, "This form must be sent from one of this site's own pages.")
    form = await request.form()
    tenant = await run_in_threadpool(_tenant, origin, str(form.get("base") or ""))
    if tenant is None:
        return _refused(400, "Unknown sign-in page.")
    next_path = str(form.get("next") or "")
    previous = session_cookie.token_from_cookies(request.cookies)
    authenticator = _authenticator()
    try:
        token = await run_in_threadpool(
            authenticator.sign_in,
            str(form.get("email") or ""),
            str(form.get("password") or ""),
            request.client.host if request.client else "",
            previous,
        )
    except ServiceError as error:
        outcome = error.message_key.rsplit(".", 1)[-1]
        SIGN_INS.labels(outcome=outcome).inc()
        return _back_to_sign_in(origin, tenant, outcome if outcome in ERRORS else "invalid", next_path)
    if not may_enter(await run_in_threadpool(principal_for, token), tenant):
        await run_in_threadpool(authenticator.sign_out, token)
        SIGN_INS.labels(outcome="no_access").inc()
        return _back_to_sign_in(origin, tenant, "no_access", next_path)
    SIGN_INS.labels(outcome="ok").inc()
    response = RedirectResponse(f"{origin}{safe_next(next_path, tenant.base)}", status_code=303)
    secure = session_cookie.is_secure(request.url.scheme)
    response.set_cookie(value=token, **session_cookie.cookie_attributes(secure))
    if secure:  # a plain cookie left from before HTTPS would only confuse
        response.delete_cookie(session_cookie.COOKIE, path="/")
    return response


async def sign_out(request: Request) -> Response:
    origin = request_origin(request)
    if origin is None:
        return _refused(403, "This form must be sent from one of this site's own pages.")
    form = await request.form()
    token = session_cookie.token_from_cookies(request.cookies)
    if token:
        await run_in_threadpool(_authenticator().sign_out, token)
    tenant = await run_in_threadpool(_tenant, origin, str(form.get("base") or ""))
    target = f"{tenant.base}login" if tenant else "/"
    response = RedirectResponse(f"{origin}{target}", status_code=303)
    for name in session_cookie.NAMES:
        response.delete_cookie(name, path="/", secure=name == session_cookie.SECURE_COOKIE, httponly=True)
    return response


def auth_routes() -> list[Route]:
    return [Route(SIGN_IN_PATH, sign_in, methods=["POST"]), Route(SIGN_OUT_PATH, sign_out, methods=["POST"])]
