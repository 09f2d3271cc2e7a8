"""Sign-up on a platform's site as an HTTP endpoint: the one place billing sets the staff
session cookie (like `orion_app/auth_api.py` for sign-in).

The sign-up page posts a plain HTML form here; its Origin must be one of the deployment's
(`orion_app.cors`), and the form's `base` with the Origin's host must resolve to a platform
page where billing is enabled. Success creates merchant, owner, store and trial
(`public.sign_up`), sets the cookie and answers 303 to the new store's billing page with
the welcome checklist; field errors answer 303 back to the sign-up page with the message
keys next to their fields and what was typed (never the password)."""

from urllib.parse import urlencode, urlsplit

from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from modules.billing import public as billing
from modules.billing.public import SignUpForm
from orion_app import ratelimit, session_cookie
from orion_app.access import check_access
from orion_app.auth_api import request_origin
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import LANGUAGES
from orion_app.registry import Frontend
from orion_app.routes import frontend_base
from orion_app.tenant import Tenant

SIGN_UP_PATH = "/api/billing/sign-up"
# What the page gets back after a refusal so nobody types it twice (never the password).
KEPT = ("plan", "interval", "merchant_name", "owner_name", "email", "store_code", "store_name", "card")
NO_STORE = {"Cache-Control": "no-store"}
# Each attempt hashes a password and may create a merchant: a few an hour from one address.
SIGN_UPS_PER_ADDRESS = ratelimit.Limit("billing-sign-up-ip", 10, 3600)


def _refused(status: int, text: str) -> Response:
    return PlainTextResponse(text, status_code=status, headers=NO_STORE)


def platform_tenant(base: str, host: str) -> Tenant | None:
    """The platform site at `base` on `host`, when billing is enabled there."""
    access = check_access(
        path=base.rstrip("/") + "/",
        host=host,
        token="",
        module="billing",
        frontends=(Frontend.PLATFORM,),
        public=True,
    )
    return access.tenant if access.ok and access.tenant and access.tenant.platform else None


def form_of(form) -> SignUpForm:
    languages = tuple(lang for lang in LANGUAGES if form.get(f"lang_{lang}") == "on")
    default = str(form.get("default_language") or "")
    return SignUpForm(
        plan_code=str(form.get("plan") or ""),
        interval="year" if form.get("interval") == "year" else "month",
        merchant_name=str(form.get("merchant_name") or ""),
        owner_name=str(form.get("owner_name") or ""),
        email=str(form.get("email") or ""),
        password=str(form.get("password") or ""),
        store_code=str(form.get("store_code") or ""),
        store_name=str(form.get("store_name") or ""),
        languages=languages,
        default_language=default if default in languages else (languages[0] if languages else ""),
        ui_language=str(form.get("ui_language") or "en") if form.get("ui_language") in LANGUAGES else "en",
    )


async def sign_up_endpoint(request: Request) -> Response:
    origin = request_origin(request)
    if origin is None:
        return _refused(403, "This form must be sent from one of this site's own pages.")
    form = await request.form()
    tenant = await run_in_threadpool(platform_tenant, str(form.get("base") or ""), urlsplit(origin).netloc)
    if tenant is None:
        return _refused(404, "Unknown sign-up page.")
    values = form_of(form)
    ip = request.client.host if request.client else ""
    if (
        await run_in_threadpool(ratelimit.record_hit, SIGN_UPS_PER_ADDRESS, ip)
        > SIGN_UPS_PER_ADDRESS.max_hits
    ):
        return _back(origin, tenant, form, {"e_form": "orion.error.too_many"})

    def work():
        for attempt in (1, 2):
            try:
                with session_scope() as session:
                    result = billing.sign_up(session, tenant.platform.code, values, ip)
                    session.commit()
                    return result
            except IntegrityError:
                # Another sign-up took the store code or the e-mail between our checks and our
                # insert; asked again, the checks see it and answer next to the field.
                if attempt == 2:
                    raise
        return None

    try:
        result = await run_in_threadpool(work)
    except FieldErrors as error:
        return _back(origin, tenant, form, {f"e_{name}": key for name, key in error.errors.items()})
    except ServiceError as error:
        return _back(origin, tenant, form, {"e_form": error.message_key})
    query = "?welcome=1" + ("&card=1" if form.get("card") == "now" else "")
    target = f"{origin}{frontend_base(Frontend.STORE, store=result.store_code)}billing{query}"
    response = RedirectResponse(target, status_code=303)
    secure = session_cookie.is_secure(request.url.scheme)
    response.set_cookie(value=result.session_token, **session_cookie.cookie_attributes(secure))
    if secure:  # a plain cookie left from before HTTPS would only confuse
        response.delete_cookie(session_cookie.COOKIE, path="/")
    return response


def _back(origin: str, tenant: Tenant, form, errors: dict[str, str]) -> RedirectResponse:
    kept = {name: str(form.get(name) or "") for name in KEPT if form.get(name)}
    languages = {f"lang_{lang}": "on" for lang in LANGUAGES if form.get(f"lang_{lang}") == "on"}
    query = urlencode(errors | kept | languages | {"step": "account"})
    return RedirectResponse(f"{origin}{tenant.base}signup?{query}", status_code=303)


def routes() -> list[Route]:
    return [Route(SIGN_UP_PATH, sign_up_endpoint, methods=["POST"])]
