"""An event handler that raises: the person sees a translated sentence and an error id; the log
(not the person) gets the exception and its traceback."""

import logging
import re
from types import SimpleNamespace

import reflex as rx

from orion_app.ui.errors import backend_exception_handler


def _raised(message: str) -> Exception:
    try:
        raise ValueError(message)
    except ValueError as exception:
        return exception


def _shown_text(spec) -> str:
    return " ".join(str(value) for _, value in spec.args)


def test_the_toast_carries_the_translated_sentence_and_the_id_but_not_the_exception(caplog):
    with caplog.at_level(logging.ERROR, logger="orion_app.ui.errors"):
        spec = backend_exception_handler(_raised("card number 4242 leaked"))
    shown = _shown_text(spec)
    error_id = re.search(r"Something went wrong\. Error id: ([0-9a-f]{8})", shown).group(1)
    assert "4242" not in shown and "ValueError" not in shown
    (record,) = [r for r in caplog.records if error_id in r.getMessage()]
    assert record.levelno == logging.ERROR and record.exc_info[1].args == ("card number 4242 leaked",)
    assert "Traceback" in caplog.text and "4242" in caplog.text


def test_each_error_gets_its_own_id(caplog):
    first = _shown_text(backend_exception_handler(_raised("a")))
    second = _shown_text(backend_exception_handler(_raised("a")))
    assert first != second


def test_reflex_accepts_the_handler_as_a_backend_exception_handler():
    stub = SimpleNamespace(
        frontend_exception_handler=rx.App.frontend_exception_handler,
        backend_exception_handler=backend_exception_handler,
    )
    rx.App._validate_exception_handlers(stub)


def test_with_a_sentry_dsn_each_error_goes_to_sentry_and_the_client_starts_once(monkeypatch):
    import sentry_sdk

    from orion_app.ui.errors import init_sentry

    started, captured = [], []
    monkeypatch.setenv("SENTRY_DSN", "https://key@sentry.invalid/1")
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: started.append(options["dsn"]))
    monkeypatch.setattr(sentry_sdk, "capture_exception", captured.append)
    init_sentry.cache_clear()
    try:
        errors = [_raised("one"), _raised("two")]
        for error in errors:
            backend_exception_handler(error)
    finally:
        init_sentry.cache_clear()
    assert started == ["https://key@sentry.invalid/1"] and captured == errors
