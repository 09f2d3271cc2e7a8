"""The guard of modules' HTTP routes (downloads): the same decision as pages and handlers.

A route names the page it belongs to; the request's Host, that path and the session cookie
go through `check_access`, so a file is refused exactly when its page would be: not signed
in 401, no right 403, unknown store or disabled module 404, a module outside the merchant's
plan 403 with the upgrade message. Refusals are one translated sentence in plain text, never
cached. Routes are downloads (reads): the read-only rule leaves them open.
"""

import functools
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from orion_app.access import Access, Verdict, check_access
from orion_app.i18n import staff_language, translate
from orion_app.observability import GUARD_REFUSALS
from orion_app.registry import Frontend
from orion_app.session_cookie import token_from_cookies
from orion_app.ui.state import LANGUAGE_COOKIE

_STATUS = {Verdict.SIGN_IN: 401, Verdict.FORBIDDEN: 403, Verdict.UPGRADE: 403, Verdict.NOT_FOUND: 404}
_MESSAGE = {403: "orion.error.forbidden", 404: "orion.error.not_found"}


def request_language(request: Request, access: Access | None = None) -> str:
    """The dashboard language of the request: the language cookie, then the user's preference."""
    preference = access.principal.language if access and access.principal else None
    return staff_language(request.cookies.get(LANGUAGE_COOKIE), preference)


def refusal(
    request: Request,
    status: int,
    access: Access | None = None,
    *,
    message_key: str | None = None,
    **params: str,
) -> Response:
    """A plain-text refusal in the reader's language (`message_key`, else the status's own)."""
    return PlainTextResponse(
        translate(message_key or _MESSAGE[status], request_language(request, access), **params),
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )


def not_found(request: Request, access: Access | None = None) -> Response:
    return refusal(request, 404, access)


def _upgrade_refusal(request: Request, access: Access) -> Response:
    module = translate(f"{access.module}.module.name", request_language(request, access))
    return refusal(request, 403, access, message_key="orion.error.upgrade", module=module)


def guarded_route(
    *,
    page: str,
    module: str,
    permission: str | None,
    sign_in_key: str,
    frontends: tuple[Frontend, ...] = (Frontend.STORE,),
) -> Callable[[Callable[[Request, Access], Response]], Callable[[Request], Response]]:
    """Turn `endpoint(request, access)` into a Starlette endpoint that runs only when the
    page `page` (a path with the route's parameters, e.g. "/store/{store}/marketplace/export")
    would open; `sign_in_key` is what a visitor who is not signed in reads."""

    def decorate(endpoint: Callable[[Request, Access], Response]) -> Callable[[Request], Response]:
        @functools.wraps(endpoint)
        def guarded_endpoint(request: Request) -> Response:
            access = check_access(
                path=page.format(**request.path_params),
                host=request.headers.get("host", ""),
                token=token_from_cookies(request.cookies),
                module=module,
                frontends=frontends,
                permission=permission,
            )
            if not access.ok:
                GUARD_REFUSALS.labels(kind="api", verdict=access.verdict.value).inc()
                status = _STATUS[access.verdict]
                if access.verdict == Verdict.UPGRADE:
                    return _upgrade_refusal(request, access)
                return refusal(request, status, access, message_key=sign_in_key if status == 401 else None)
            return endpoint(request, access)

        return guarded_endpoint

    return decorate
