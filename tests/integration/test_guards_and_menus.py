"""The handler guard, menus filtered by permission, and context providers that fail alone."""

from dataclasses import dataclass, replace

import pytest

from modules.tenancy.services.auth import sign_in
from orion_app import enablement
from orion_app.access import Verdict, build_menu, check_access
from orion_app.db import session_scope
from orion_app.providers import ContextRequest, page_context
from orion_app.registry import Frontend, get_registry
from orion_app.ui.guard import current_access, guarded
from tests.integration.helpers import platform_id


def token_for(email: str) -> str:
    with session_scope() as session:
        return sign_in(session, email, "orion-demo-2026")[0]


@dataclass
class FakeState:
    """Stands in for a Reflex state: what the guard reads from it (URL, cookie, language)."""

    path: str
    session_token: str = ""
    lang: str = "en"

    def _location(self):
        return self.path, "localhost:3000"

    def _session_token(self):
        return self.session_token


def reports_handler():
    def load(self):
        return current_access().tenant.store.code

    load.__module__ = "modules.analytics.state"
    return guarded("analytics.reports.view")(load)


def test_a_guarded_handler_runs_with_the_resolved_tenant(demo):
    state = FakeState("/store/cafe-lux/reports", token_for("marie@cafe-lux.lu"))
    assert reports_handler()(state) == "cafe-lux"


def test_a_guarded_handler_refuses_when_its_module_is_disabled_on_the_platform(demo):
    enablement.apply_change(platform_id("oms"), "analytics", False, None)
    state = FakeState("/store/cafe-lux/reports", token_for("marie@cafe-lux.lu"))
    refusal = reports_handler()(state)
    assert refusal is not None and "toast" in str(refusal).lower()
    assert reports_handler()(replace(state, path="/store/bakery-lux/reports")) == "bakery-lux"


def test_a_guarded_handler_refuses_a_user_of_another_merchant(demo):
    state = FakeState("/store/cafe-lux/reports", token_for("jean@velo.lu"))
    assert reports_handler()(state) != "cafe-lux"


def test_a_guarded_handler_sends_anonymous_users_to_sign_in(demo):
    refusal = reports_handler()(FakeState("/store/cafe-lux/reports"))
    assert "/store/cafe-lux/login" in str(refusal)


def test_staff_menus_show_only_what_the_role_may_open(demo):
    def menu(email: str) -> set[str]:
        access = check_access(
            path="/store/cafe-lux/",
            host="localhost",
            token=token_for(email),
            module="core",
            frontends=(Frontend.STORE,),
            permission="core.dashboard.view",
        )
        assert access.verdict == Verdict.OK
        return {item["key"] for item in build_menu(access, "en")}

    shared = {
        "core.menu.overview",
        "tenancy.menu.team",
        "catalog.menu.products",
        "inventory.menu.stock",
        "tenancy.menu.account",
        "customers.admin.menu",
        "messaging.ui.menu.emails",
        "orders.ui.menu",
        "orders.documents.menu",
        "orders.vat.menu",
    }
    owner_only = {
        "analytics.menu.reports",
        "marketplace.menu.import",
        "payments.ui.menu.store",
        "checkout.shipping.menu",
        "cms.menu.pages",
        "cms.menu.media",
        "cms.menu.theme",
        "billing.menu.billing",
    }
    assert menu("marie@cafe-lux.lu") == shared | owner_only | {"marketplace.menu.export"}
    # staff may see products, stock, the team and the Letzshop export, but not the reports, the
    # import, payment or shipping settings (manager-only permissions)
    assert menu("luc@cafe-lux.lu") == shared | {"marketplace.menu.export"}


def test_menus_are_translated_and_point_at_the_tenant(demo):
    access = check_access(
        path="/store/cafe-lux/team",
        host="localhost",
        token=token_for("marie@cafe-lux.lu"),
        module="tenancy",
        frontends=(Frontend.STORE,),
        permission="tenancy.team.view",
    )
    items = {i["key"]: i for i in build_menu(access, "fr", "/store/cafe-lux/team")}
    assert items["tenancy.menu.team"]["href"] == "/store/cafe-lux/team"
    assert items["tenancy.menu.team"]["active"] == "1"
    assert items["core.menu.overview"]["label"] != "Overview"


def test_one_failing_context_provider_does_not_break_the_page(demo, monkeypatch, caplog):
    registry = get_registry()
    cms = registry.get("cms")
    broken = replace(
        cms, context_providers={Frontend.PLATFORM: "tests.integration.test_guards_and_menus:explode"}
    )
    monkeypatch.setitem(registry._by_code, "cms", broken)
    access = check_access(
        path="/platforms/oms/",
        host="localhost",
        token="",
        module="cms",
        frontends=(Frontend.PLATFORM,),
        public=True,
    )
    context = page_context(
        ContextRequest(Frontend.PLATFORM, access.tenant.platform, None, "en"), access.enabled
    )
    # atelier-lux: billing's demo merchant who signed up on oms
    assert {s["name"] for s in context["stores"]} == {"Café Lëtzebuerg", "Vëlo Weber", "Atelier Lux"}
    assert "Context provider of cms failed" in caplog.text


def test_only_enabled_modules_are_asked_for_context(demo):
    access = check_access(
        path="/platforms/oms/",
        host="localhost",
        token="",
        module="cms",
        frontends=(Frontend.PLATFORM,),
        public=True,
    )
    request = ContextRequest(Frontend.PLATFORM, access.tenant.platform, None, "en")
    assert page_context(request, access.enabled - {"tenancy", "billing"}) == {}
    assert set(page_context(request, frozenset({"billing"}))) == {"plans"}  # the pricing page's


def explode(_request):
    raise RuntimeError("provider down")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_an_unknown_store_or_platform_is_not_found_for_pages(demo):
    for path in ("/store/ghost/", "/platforms/ghost/", "/platforms/oms/storefront/ghost/"):
        assert (
            check_access(
                path=path, host="localhost", token="", module="core", frontends=tuple(Frontend), public=True
            ).verdict
            == Verdict.NOT_FOUND
        )
