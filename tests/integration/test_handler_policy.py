"""Every handler declares a policy; start-up and `validate` refuse one that does not."""

import pytest
import reflex as rx

from orion_app.ui.guard import (
    HandlerPolicyError,
    public,
    require_handler_policies,
    ui_only,
    undeclared_handlers,
)
from orion_app.ui.state import OrionState


class FakeRouterSession:
    client_ip = "203.0.113.9"
    client_token = "tab-1"


class FakeRouter:
    session = FakeRouterSession()


class FakeState:
    lang = "en"
    router = FakeRouter()

    def _location(self):
        return "/platforms/oms/storefront/cafe-lux/products", "localhost"

    def _session_token(self):
        return ""


def test_the_app_declares_a_policy_for_every_handler():
    import orion_app.orion_app  # noqa: F401  (start-up ran the check)

    assert undeclared_handlers() == []


def test_a_handler_without_a_policy_stops_start_up_naming_it():
    class ForgetfulState(OrionState):
        value: int = 0

        @rx.event
        def bump(self):
            self.value += 1

    try:
        with pytest.raises(HandlerPolicyError, match=r"ForgetfulState\.bump declares no handler policy"):
            require_handler_policies()
    finally:
        ForgetfulState.bump.fn.__orion_policy__ = "ui_only"  # later tests build on a clean app


def test_a_ui_only_handler_cannot_open_a_database_session():
    from orion_app.db import session_scope

    @ui_only
    def sneaky(self):
        with session_scope():
            pass

    with pytest.raises(RuntimeError, match=r"@ui_only handler .*sneaky may not open a database session"):
        sneaky(FakeState())


def test_a_public_handler_that_writes_is_rate_limited_per_client(demo):
    calls = []

    def subscribe(self):
        calls.append(1)

    subscribe.__module__ = "modules.catalog.state.fake"
    handler = public(rate=(3, 60))(subscribe)
    results = [handler(FakeState()) for _ in range(5)]
    assert len(calls) == 3
    assert results[:3] == [None, None, None]
    assert "toast" in str(results[3]).lower() and "toast" in str(results[4]).lower()


def test_validate_reports_handlers_without_a_policy():
    from orion_app.registry import get_registry
    from orion_app.validator import validate

    findings = validate(get_registry())
    assert not [f for f in findings if f.rule == "ORV012"]
