"""Unexpected errors: logged (and sent to Sentry) under a short id; people see the id, never a trace."""

import functools
import logging
import os
import uuid

import reflex as rx
from reflex.event import EventSpec

from orion_app.i18n import translate
from orion_app.settings import get_settings

log = logging.getLogger(__name__)


@functools.cache
def init_sentry() -> bool:
    """Start the Sentry client once, when `SENTRY_DSN` is set; whether it is running."""
    dsn = os.environ.get("SENTRY_DSN")
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.logging import LoggingIntegration

    # report_unexpected sends each error itself, tagged with its id; the logging integration
    # would send the same error a second time from the log record.
    sentry_sdk.init(dsn=dsn, integrations=[LoggingIntegration(event_level=None)])
    return True


def report_unexpected(exception: BaseException) -> str:
    """Log `exception` with its traceback (and send it to Sentry) under a new id, and return the id."""
    error_id = uuid.uuid4().hex[:8]
    log.error("Unexpected error %s", error_id, exc_info=(type(exception), exception, exception.__traceback__))
    if init_sentry():
        import sentry_sdk

        with sentry_sdk.new_scope() as scope:
            scope.set_tag("error_id", error_id)
            sentry_sdk.capture_exception(exception)
    return error_id


def backend_exception_handler(exception: Exception) -> EventSpec:
    """Reflex's handler for an event handler that raised: a toast with the error id."""
    error_id = report_unexpected(exception)
    # Reflex calls this without the state, so the person's language is unknown here; the
    # deployment's default admin language is used (English unless configured otherwise).
    text = translate("orion.error.unexpected", get_settings().default_admin_language, id=error_id)
    return rx.toast.error(text, fallback_to_alert=True, position="top-center")
