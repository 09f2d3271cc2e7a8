"""The API's error answers: a malformed request gets a 400, an unexpected error a 500 with an
error id; neither ever carries a traceback."""

import logging
import uuid
from collections.abc import MutableMapping, Sequence
from typing import Any

import reflex as rx
from reflex import constants
from reflex.config import get_config
from reflex_base.event import resolve_upload_chunk_handler_param, resolve_upload_handler_param
from reflex_base.registry import RegistrationContext
from reflex_base.utils.exceptions import UploadTypeError, UploadValueError
from reflex_base.utils.types import ASGIApp, Receive, Scope, Send
from starlette.datastructures import Headers
from starlette.formparsers import MultiPartException
from starlette.responses import JSONResponse

from orion_app.ui.errors import backend_exception_handler, init_sentry, report_unexpected

log = logging.getLogger(__name__)

# The headers Reflex's upload endpoint reads (reflex_components_core.core._upload).
TOKEN_HEADER = "reflex-client-token"
HANDLER_HEADER = "reflex-event-handler"

# Raised by Reflex's upload endpoint while it reads a malformed form: the request's fault.
MALFORMED_UPLOAD_ERRORS = (UploadTypeError, UploadValueError, MultiPartException)


def upload_refusal(headers: Headers) -> str | None:
    """Why `/_upload` must refuse a request with these headers; None when its handler takes files."""
    handler_name = headers.get(HANDLER_HEADER)
    if not headers.get(TOKEN_HEADER) or not handler_name:
        return f"An upload needs the {TOKEN_HEADER} and {HANDLER_HEADER} headers."
    registered = RegistrationContext.get().event_handlers.get(handler_name)
    if registered is None:
        return "No event handler has this name."
    handler = registered.handler
    # Reflex's own choice: a background handler may stream chunks, any other takes
    # list[rx.UploadFile]; each resolve_* raises when the handler does not fit.
    if handler.is_background:
        try:
            resolve_upload_chunk_handler_param(handler)
        except UploadValueError:
            pass
        else:
            return None
    try:
        resolve_upload_handler_param(handler)
    except (UploadTypeError, UploadValueError):
        return "This event handler does not take uploaded files."
    return None


class ErrorResponses:
    """ASGI wrapper around the API: refuses bad uploads before Reflex reads them, and turns
    an exception into a JSON 500 with an error id (400 for a malformed upload form)."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.upload_path = get_config().prepend_backend_path(str(constants.Endpoint.UPLOAD))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_upload = scope["method"] == "POST" and scope["path"] == self.upload_path
        if is_upload and (reason := upload_refusal(Headers(scope=scope))):
            await _bad_request(reason, scope, receive, send)
            return

        # A Starlette app answers an exception with a plain-text 500 before raising it again;
        # that answer is held back so the one with an error id can take its place.
        held: list[MutableMapping[str, Any]] = []
        started = False

        async def send_holding_500(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            if held or (message["type"] == "http.response.start" and message["status"] == 500):
                held.append(message)
                return
            started = True
            await send(message)

        try:
            await self.app(scope, receive, send_holding_500)
        except Exception as exception:
            if is_upload and isinstance(exception, MALFORMED_UPLOAD_ERRORS) and not started:
                await _bad_request("The upload form is malformed.", scope, receive, send)
                return
            error_id = report_unexpected(exception)
            if not started:
                body = {"error": "Something went wrong on our side.", "error_id": error_id}
                await JSONResponse(body, status_code=500)(scope, receive, send)
            return
        for message in held:
            await send(message)


async def _bad_request(reason: str, scope: Scope, receive: Receive, send: Send) -> None:
    error_id = uuid.uuid4().hex[:8]
    log.warning("Bad request %s to %s: %s", error_id, scope["path"], reason)
    await JSONResponse({"error": reason, "error_id": error_id}, status_code=400)(scope, receive, send)


def install_error_handling(app: rx.App) -> None:
    """Errors in event handlers become a toast with an error id; the API answers as above."""
    init_sentry()
    app.backend_exception_handler = backend_exception_handler
    current = app.api_transformer
    if current is None:
        transformers = []
    elif isinstance(current, Sequence):
        transformers = list(current)
    else:
        transformers = [current]
    app.api_transformer = [*transformers, ErrorResponses]
