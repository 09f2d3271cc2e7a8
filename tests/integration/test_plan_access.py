"""The plan layer of access: plan × module × role gives one verdict for a page, a handler and a
menu; read-only refuses what changes data and nothing else; the decision is cached and a plan
change counts on the next event.

These tests answer the `plan_access` port with `PlanTable` below, registered the registry's
normal way (a module's `provides`), so they hold whatever billing's own provider does; one
test goes through billing's provider with real plans and a subscription.
"""

from dataclasses import dataclass, replace

import pytest

from orion_app import access_cache
from orion_app.access import Verdict, build_menu, check_access, within
from orion_app.db import session_scope
from orion_app.i18n import translate
from orion_app.ports import PORT_PLAN_ACCESS, PlanGate
from orion_app.registry import Frontend, StoreRole, get_registry
from orion_app.ui.guard import guarded, page_decision, public
from tests.integration.helpers import add_store_member, platform_id, store_id
from tests.integration.test_access_cache import settle_own_changes, sign_in_as, statements_during
from tests.integration.test_guards_and_menus import FakeState

ESSENTIAL = frozenset({"catalog", "inventory", "cart", "checkout", "orders"})
PLANS = {
    "essential": ESSENTIAL,
    "professional": ESSENTIAL | {"marketplace"},
    "business": ESSENTIAL | {"marketplace", "analytics"},
}
# The plan that first includes each module, as a provider may tell the upgrade page.
UPGRADE_PLANS = {
    "marketplace": {"en": "Professional", "fr": "Professionnel"},
    "analytics": {"en": "Business"},
}


class PlanTable:
    """A `plan_access` provider for tests: the plan of each store as the test sets it; counts
    how often the framework asks."""

    def __init__(self):
        self.gates: dict[int, PlanGate] = {}
        self.calls = 0

    def plan_for_store(self, store_id: int, platform_id: int) -> PlanGate | None:
        self.calls += 1
        return self.gates.get(store_id)

    def put(self, store: str, plan: str | None, *, read_only: bool = False, modules=None) -> None:
        """Give `store` a plan (None: no subscription), and tell every process, as a provider's
        module does when a subscription changes."""
        if plan is None:
            self.gates.pop(store_id(store), None)
        else:
            chosen = PLANS[plan] if modules is None else frozenset(modules)
            self.gates[store_id(store)] = PlanGate(plan, chosen, read_only, upgrade_plans=UPGRADE_PLANS)
        access_cache.invalidate()
        settle_own_changes()


@pytest.fixture
def plans(demo, monkeypatch) -> PlanTable:
    registry = get_registry()
    billing = registry.get("billing")
    provides = {**billing.provides, PORT_PLAN_ACCESS: "tests.integration.test_plan_access:PlanTable"}
    monkeypatch.setitem(registry._by_code, "billing", replace(billing, provides=provides))
    registry._providers.pop(PORT_PLAN_ACCESS, None)
    access_cache.invalidate()
    yield registry.provider(PORT_PLAN_ACCESS)
    registry._providers.pop(PORT_PLAN_ACCESS, None)
    access_cache.invalidate()


def handler_of(module: str, permission: str | None, **options):
    """A guarded handler written in `module`, answering "ran" when it runs."""

    def act(self):
        return "ran"

    act.__module__ = f"modules.{module}.state"
    return guarded(permission, **options)(act)


@dataclass(frozen=True)
class Gated:
    module: str
    page: str  # the store dashboard page
    permission: str
    menu_key: str


GATED = (
    Gated("analytics", "reports", "analytics.reports.view", "analytics.menu.reports"),
    Gated("marketplace", "marketplace/export", "marketplace.export", "marketplace.menu.export"),
)
ROLES = {
    StoreRole.OWNER: "marie@cafe-lux.lu",
    StoreRole.MANAGER: "manon@cafe-lux.lu",
    StoreRole.STAFF: "luc@cafe-lux.lu",
    StoreRole.VIEWER: "vic@cafe-lux.lu",
}


@pytest.fixture
def team(plans) -> dict[StoreRole, str]:
    add_store_member("cafe-lux", ROLES[StoreRole.MANAGER], "Manon", StoreRole.MANAGER)
    add_store_member("cafe-lux", ROLES[StoreRole.VIEWER], "Vic", StoreRole.VIEWER)
    return {role: sign_in_as(email) for role, email in ROLES.items()}


def holds(role: StoreRole, permission: str) -> bool:
    return role == StoreRole.OWNER or role in get_registry().permissions[permission].roles


def page_verdict(gated: Gated, token: str) -> Verdict:
    return check_access(
        path=f"/store/cafe-lux/{gated.page}",
        host="localhost",
        token=token,
        module=gated.module,
        frontends=(Frontend.STORE,),
        permission=gated.permission,
    ).verdict


def menu_badges(token: str) -> dict[str, str]:
    access = check_access(
        path="/store/cafe-lux/",
        host="localhost",
        token=token,
        module="core",
        frontends=(Frontend.STORE,),
        permission="core.dashboard.view",
    )
    assert access.ok
    return {item["key"]: item["badge"] for item in build_menu(access, "en")}


def test_plan_module_role_matrix_for_page_handler_and_menu(team, plans):
    checked = 0
    for plan, included_modules in PLANS.items():
        plans.put("cafe-lux", plan)
        for role, token in team.items():
            menu = menu_badges(token)
            for gated in GATED:
                included, allowed = gated.module in included_modules, holds(role, gated.permission)
                expected = Verdict.UPGRADE if not included else Verdict.OK if allowed else Verdict.FORBIDDEN
                where = f"{plan} × {gated.module} × {role}"
                assert page_verdict(gated, token) == expected, where

                answer = handler_of(gated.module, gated.permission)(
                    FakeState(f"/store/cafe-lux/{gated.page}", token)
                )
                if expected == Verdict.OK:
                    assert answer == "ran", where
                elif expected == Verdict.UPGRADE:
                    name = translate(f"{gated.module}.module.name", "en")
                    assert f"Your plan does not include {name}. Upgrade to use it." in str(answer), where
                else:
                    assert "You are not allowed to do this." in str(answer), where

                if not allowed:
                    assert gated.menu_key not in menu, where
                else:
                    assert menu[gated.menu_key] == ("" if included else "upgrade"), where
                checked += 1
    assert checked == len(PLANS) * len(GATED) * len(ROLES)
    # Core and in-plan entries never carry the badge.
    plans.put("cafe-lux", "essential")
    badges = menu_badges(team[StoreRole.OWNER])
    assert badges["core.menu.overview"] == "" and badges["orders.ui.menu"] == ""


def test_without_a_plan_everything_enabled_is_allowed(team, plans):
    plans.put("cafe-lux", None)
    for gated in GATED:
        assert page_verdict(gated, team[StoreRole.OWNER]) == Verdict.OK
    assert set(menu_badges(team[StoreRole.OWNER]).values()) == {""}


def test_a_stranger_learns_nothing_of_another_merchants_plan(team, plans):
    plans.put("cafe-lux", "essential")
    stranger = sign_in_as("jean@velo.lu")
    assert page_verdict(GATED[0], stranger) == Verdict.FORBIDDEN
    assert page_verdict(GATED[0], "") == Verdict.SIGN_IN


def test_core_modules_are_never_locked(team, plans):
    plans.put("cafe-lux", "essential", modules=())
    access = check_access(
        path="/store/cafe-lux/team",
        host="localhost",
        token=team[StoreRole.OWNER],
        module="tenancy",
        frontends=(Frontend.STORE,),
        permission="tenancy.team.view",
    )
    assert access.ok and "tenancy" not in access.locked and "catalog" in access.locked


def test_a_storefront_shows_a_module_outside_the_plan_as_not_found_never_an_upgrade_page(plans):
    products = dict(
        path="/platforms/oms/storefront/cafe-lux/products",
        host="localhost",
        token="",
        module="catalog",
        frontends=(Frontend.STOREFRONT,),
        public=True,
    )
    assert check_access(**products).ok
    plans.put("cafe-lux", "essential", modules=("inventory", "cart", "checkout", "orders"))
    assert check_access(**products).verdict == Verdict.NOT_FOUND
    home = check_access(**{**products, "path": "/platforms/oms/storefront/cafe-lux/", "module": "cms"})
    assert home.ok and "catalog" not in home.enabled
    assert not [item for item in build_menu(home, "en") if item["href"].endswith("/products")]

    # a public handler of that module is refused as "not found" (quietly) on the storefront
    def browse(self):
        return "ran"

    browse.__module__ = "modules.catalog.state.storefront"
    assert public()(browse)(FakeState("/platforms/oms/storefront/cafe-lux/products")) is None
    # a store without a plan of its own is untouched
    assert check_access(**{**products, "path": "/platforms/oms/storefront/velo-weber/products"}).ok


def test_loaders_under_the_page_decision_get_the_upgrade_verdict_in_memory(team, plans):
    plans.put("cafe-lux", "professional")
    overview = check_access(
        path="/store/cafe-lux/",
        host="localhost",
        token=team[StoreRole.OWNER],
        module="core",
        frontends=(Frontend.STORE,),
        permission="core.dashboard.view",
    )
    calls = plans.calls
    derived = within(
        overview, module="analytics", frontends=(Frontend.STORE,), permission="analytics.reports.view"
    )
    assert derived.verdict == Verdict.UPGRADE and derived.module == "analytics"
    assert within(
        overview, module="marketplace", frontends=(Frontend.STORE,), permission="marketplace.export"
    ).ok
    assert plans.calls == calls


def test_the_upgrade_page_names_module_and_plan_and_links_to_billing_for_who_may_pay(team, plans):
    from orion_app.ui.shell import _upgrade_page

    plans.put("cafe-lux", "essential")
    verdicts = {}
    for role in (StoreRole.OWNER, StoreRole.STAFF):
        access = check_access(
            path="/store/cafe-lux/marketplace/export",
            host="localhost",
            token=team[role],
            module="marketplace",
            frontends=(Frontend.STORE,),
            permission="marketplace.export",
        )
        verdicts[role] = _upgrade_page(access, "fr")
    title, lines, href = verdicts[StoreRole.OWNER]
    module = translate("marketplace.module.name", "fr")
    assert title == translate("orion.upgrade.title", "fr", module=module)
    assert lines == [
        translate("orion.upgrade.text", "fr", module=module),
        translate("orion.upgrade.plan", "fr", module=module, plan="Professionnel"),
    ]
    assert href == "/store/cafe-lux/billing"
    title, lines, href = verdicts[StoreRole.STAFF]  # may not open the billing page
    assert href == "" and lines[-1] == translate("orion.upgrade.ask_owner", "fr")


# -- read-only -------------------------------------------------------------------------


def test_read_only_refuses_handlers_that_change_data_and_keeps_the_rest_open(team, plans):
    plans.put("cafe-lux", "professional", read_only=True)
    owner = team[StoreRole.OWNER]
    at = FakeState("/store/cafe-lux/products", owner)
    refused = handler_of("catalog", "catalog.products.edit")(at)
    assert "read-only" in str(refused)
    assert handler_of("catalog", "catalog.products.view")(at) == "ran"  # reading
    assert handler_of("marketplace", "marketplace.export")(at) == "ran"  # exporting
    assert handler_of("catalog", "catalog.products.edit", open_when_read_only=True)(at) == "ran"
    assert handler_of("billing", "billing.subscription.manage")(at) == "ran"  # paying
    assert handler_of("tenancy", None, frontends=(Frontend.ADMIN, Frontend.STORE))(at) == "ran"  # own profile
    assert "read-only" in str(handler_of("orders", "orders.manage")(at))
    # the page opens and its loaders run, whatever their permission
    page = check_access(
        path="/store/cafe-lux/products",
        host="localhost",
        token=owner,
        module="catalog",
        frontends=(Frontend.STORE,),
        permission="catalog.products.edit",
    )
    assert page.ok
    with page_decision(page):
        assert handler_of("catalog", "catalog.products.edit")(at) == "ran"

    # the storefront keeps selling
    def add_to_cart(self):
        return "ran"

    add_to_cart.__module__ = "modules.cart.state"
    assert public()(add_to_cart)(FakeState("/platforms/oms/storefront/cafe-lux/products")) == "ran"
    # paid again: writes are back
    plans.put("cafe-lux", "professional")
    assert handler_of("catalog", "catalog.products.edit")(at) == "ran"


def test_read_only_is_a_store_dashboard_rule_only(team, plans):
    plans.put("cafe-lux", "professional", read_only=True)
    admin = sign_in_as("admin@orion.lu")
    state = FakeState("/admin/platforms/oms/modules", admin)
    assert handler_of("tenancy", "tenancy.platforms.manage")(state) == "ran"


def test_read_only_message_is_translated(team, plans):
    plans.put("cafe-lux", "professional", read_only=True)
    state = FakeState("/store/cafe-lux/products", team[StoreRole.OWNER], lang="fr")
    assert "lecture seule" in str(handler_of("catalog", "catalog.products.edit")(state))


# -- the cache ---------------------------------------------------------------------------


def test_the_plan_is_cached_with_the_decision_and_a_plan_change_counts_at_once(team, plans):
    plans.put("cafe-lux", "business")
    token = team[StoreRole.OWNER]
    assert page_verdict(GATED[0], token) == Verdict.OK
    calls = plans.calls
    assert statements_during(lambda: page_verdict(GATED[0], token)) == 0
    assert plans.calls == calls  # warm: neither SQL nor the provider
    plans.put("cafe-lux", "professional")  # a downgrade, published like any access change
    assert page_verdict(GATED[0], token) == Verdict.UPGRADE
    assert plans.calls == calls + 1
    plans.put("cafe-lux", "professional", read_only=True)
    assert "read-only" in str(
        handler_of("catalog", "catalog.products.edit")(FakeState("/store/cafe-lux/", token))
    )


def subscribe(store: str, plan_code: str, status: str = "trialing", platform_code: str = "oms"):
    """Through billing's own tables: the plans of `PLANS` on the store's platform when the demo
    has none of that code, and the store's merchant subscribed to `plan_code` (replacing its
    subscription) with `status`. Returns the plan's record."""
    from sqlmodel import select

    from modules.billing.models import Subscription
    from modules.billing.public import plans_of, save_plan, start_trial
    from modules.tenancy.models import Store

    with session_scope() as session:
        merchant = session.exec(select(Store.merchant_id).where(Store.code == store)).one()
        platform = platform_id(platform_code)
        codes = {p.code for p in plans_of(session, platform, active_only=False)}
        for order, (code, modules) in enumerate(PLANS.items()):
            if code not in codes:
                values = {
                    "code": code,
                    "name": {"en": code.title()},
                    "modules": sorted(modules),
                    "order": order,
                }
                save_plan(session, platform, None, values)
        where = (Subscription.merchant_id == merchant, Subscription.platform_id == platform)
        row = session.exec(select(Subscription).where(*where)).first()
        if row is None:
            start_trial(session, merchant, platform, plan_code)
            row = session.exec(select(Subscription).where(*where)).one()
        # Changed in place: its invoices and usage snapshots (an earlier test's) point at it.
        row.plan_id = next(
            p.id for p in plans_of(session, platform, active_only=False) if p.code == plan_code
        )
        row.pending_plan_id = None
        row.status = status
        session.add(row)
        return next(p for p in plans_of(session, platform, active_only=False) if p.code == plan_code)


def test_through_billings_provider_a_subscription_change_counts_on_the_next_check(demo):
    """Billing's own provider: plans and a subscription in its tables; a change of plan or
    status is seen by the cached guard at once (billing watches its tables)."""
    from sqlmodel import select

    from modules.billing.models import Subscription
    from modules.billing.public import plans_of
    from modules.tenancy.models import Store

    essential = subscribe("cafe-lux", "essential")
    assert "analytics" not in essential.modules
    # the upgrade page names the first plan (in the platform's order) including the module
    gate = get_registry().provider(PORT_PLAN_ACCESS).plan_for_store(store_id("cafe-lux"), platform_id("oms"))
    assert (gate.upgrade_plans["analytics"]["en"], gate.upgrade_plans["marketplace"]["fr"]) == (
        "Business",
        "Professionnel",
    )
    token = sign_in_as("marie@cafe-lux.lu")
    assert page_verdict(GATED[0], token) == Verdict.UPGRADE
    assert statements_during(lambda: page_verdict(GATED[0], token)) == 0
    with session_scope() as session:
        merchant = session.exec(select(Store.merchant_id).where(Store.code == "cafe-lux")).one()
        where = (Subscription.merchant_id == merchant, Subscription.platform_id == platform_id("oms"))
        mine = session.exec(select(Subscription).where(*where)).one()
        business = next(p for p in plans_of(session, platform_id("oms")) if "analytics" in p.modules)
        mine.plan_id = business.id
        session.add(mine)
    assert page_verdict(GATED[0], token) == Verdict.OK
    subscribe("cafe-lux", business.code, status="read_only")
    refused = handler_of("catalog", "catalog.products.edit")(FakeState("/store/cafe-lux/products", token))
    assert "read-only" in str(refused)


def test_validate_warns_of_a_view_permission_that_read_only_would_refuse(monkeypatch):
    from orion_app.registry import Permission
    from orion_app.validator import _check_declarations

    registry = get_registry()
    catalog = registry.get("catalog")
    forgotten = tuple(
        Permission(p.code, p.label_key, p.frontend, p.roles) if p.code.endswith(".view") else p
        for p in catalog.permissions
    )
    findings = []
    _check_declarations(registry, findings)
    assert not [f for f in findings if f.rule == "ORV014"]
    monkeypatch.setitem(registry._by_code, "catalog", replace(catalog, permissions=forgotten))
    _check_declarations(registry, findings)
    assert [(f.rule, f.module, f.severity) for f in findings if f.rule == "ORV014"] == [
        ("ORV014", "catalog", "warning")
    ]


def test_a_download_of_a_module_outside_the_plan_answers_403_with_the_upgrade_message(team, plans):
    from modules.marketplace.services.export import download_path
    from tests.integration.helpers import Browser

    browser = Browser()
    plans.put("cafe-lux", "essential")
    answer = browser.get(download_path("cafe-lux", "en"), "marie@cafe-lux.lu")
    module = translate("marketplace.module.name", "en")
    assert answer.status_code == 403
    assert answer.text == translate("orion.error.upgrade", "en", module=module)
    plans.put("cafe-lux", "professional", read_only=True)  # downloads are reads: open
    assert browser.get(download_path("cafe-lux", "en"), "marie@cafe-lux.lu").status_code == 200
