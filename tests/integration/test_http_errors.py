"""The API answers a malformed request with a 400 and an unexpected error with a 500 and an error
id; no answer ever carries a traceback."""

import logging

import pytest
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.routing import Route
from starlette.testclient import TestClient

from orion_app.http_errors import ErrorResponses, upload_refusal

UPLOAD_FORM = {"files": ("photo.jpg", b"not really a photo", "image/jpeg")}


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    """The whole backend as Reflex serves it, its pages evaluated but no frontend compiled."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("__REFLEX_SKIP_COMPILE", "1")
        env.setenv("REFLEX_WEB_WORKDIR", str(tmp_path_factory.mktemp("web")))
        from orion_app.orion_app import app

        asgi = app()
    return TestClient(asgi, raise_server_exceptions=False)


def _root_state_handler(name: str) -> str:
    from reflex.state import State

    return f"{State.get_full_name()}.{name}"


def _upload_handler() -> str:
    from reflex_base.registry import RegistrationContext

    return next(
        name
        for name in RegistrationContext.get().event_handlers
        if name.endswith("product_editor_state.upload_photos")
    )


def _upload(client: TestClient, handler: str | None) -> tuple[int, dict, str]:
    headers = {"reflex-client-token": "a-client-token"}
    if handler is not None:
        headers["reflex-event-handler"] = handler
    response = client.post("/_upload", headers=headers, files=UPLOAD_FORM)
    return response.status_code, response.json(), response.text


@pytest.mark.parametrize(
    "handler",
    [
        None,
        "",
        _root_state_handler("set_is_hydrated"),
        _root_state_handler("no_such_handler"),
        "reflex___state____state.no___such____state.upload",
        "not a handler name at all",
    ],
    ids=["no header", "empty header", "ordinary handler", "unknown handler", "unknown state", "garbage"],
)
def test_an_upload_to_a_handler_that_takes_no_files_is_a_bad_request(client, handler):
    status, body, text = _upload(client, handler)
    assert status == 400
    assert body["error"] and len(body["error_id"]) == 8
    assert "Traceback" not in text


def test_an_upload_without_the_client_token_is_a_bad_request(client):
    response = client.post("/_upload", headers={"reflex-event-handler": _upload_handler()}, files=UPLOAD_FORM)
    assert response.status_code == 400 and "reflex-client-token" in response.json()["error"]


def test_the_real_upload_handlers_pass_the_check(client):
    from reflex_base.registry import RegistrationContext

    uploads = [name for name in RegistrationContext.get().event_handlers if name.endswith(".upload_photos")]
    assert uploads
    for name in uploads:
        assert upload_refusal(Headers({"reflex-client-token": "t", "reflex-event-handler": name})) is None


def test_a_text_field_where_files_belong_is_a_bad_request(client):
    response = client.post(
        "/_upload",
        headers={"reflex-client-token": "a-client-token", "reflex-event-handler": _upload_handler()},
        data={"files": "not a file"},
        files={"other": ("x.txt", b"x")},
    )
    assert response.status_code == 400
    assert "Traceback" not in response.text


def _failing_api() -> ErrorResponses:
    def explode(_request):
        raise RuntimeError("database password is hunter2")

    return ErrorResponses(Starlette(routes=[Route("/explode", explode)]))


def test_an_unexpected_error_answers_500_with_an_id_and_logs_the_traceback(caplog):
    with caplog.at_level(logging.ERROR, logger="orion_app.ui.errors"):
        response = TestClient(_failing_api(), raise_server_exceptions=False).get("/explode")
    assert response.status_code == 500
    body = response.json()
    assert "hunter2" not in response.text and "Traceback" not in response.text
    record = next(r for r in caplog.records if body["error_id"] in r.getMessage())
    assert record.exc_info and "hunter2" in caplog.text and "Traceback" in caplog.text


def test_a_deliberate_500_answer_is_passed_on_unchanged():
    from starlette.responses import PlainTextResponse

    api = ErrorResponses(
        Starlette(routes=[Route("/teapot", lambda _r: PlainTextResponse("on purpose", status_code=500))])
    )
    response = TestClient(api).get("/teapot")
    assert response.status_code == 500 and response.text == "on purpose"


def test_the_health_endpoints_still_answer_through_the_wrapper(client):
    assert client.get("/health/live").json() == {"status": "ok"}
