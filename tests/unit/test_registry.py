"""The module registry: discovery, dependency rules and enable/disable plans."""

import pytest

from orion_app.registry import (
    Frontend,
    Menu,
    MenuItem,
    ModuleDefinition,
    ModuleRegistry,
    ModuleRegistryError,
    ModuleRuleError,
    Page,
    PageFactory,
    StoreRole,
    Tier,
    discover_definitions,
    get_registry,
)
from orion_app.routes import build_routes

SPEC_MODULES = {
    "contracts": ("core", ()),
    "core": ("core", ("contracts",)),
    "tenancy": ("core", ()),
    "cms": ("core", ()),
    "customers": ("core", ("tenancy",)),
    "payments": ("core", ()),
    "billing": ("core", ("payments",)),
    "messaging": ("core", ()),
    "catalog": ("optional", ("inventory",)),
    "inventory": ("optional", ()),
    "cart": ("optional", ("catalog", "customers")),
    "checkout": ("optional", ("cart", "orders", "customers")),
    "orders": ("optional", ("payments", "catalog", "inventory")),
    "marketplace": ("optional", ("catalog", "inventory")),
    "analytics": ("optional", ()),
    "loyalty": ("optional", ("customers",)),
    "dev_tools": ("internal", ()),
    "monitoring": ("internal", ()),
}


def module(code: str, tier: Tier = Tier.OPTIONAL, requires: tuple[str, ...] = ()) -> ModuleDefinition:
    return ModuleDefinition(code=code, name=code, description="", version="1", tier=tier, requires=requires)


def test_all_eighteen_modules_are_discovered_with_the_specified_tiers_and_requirements():
    registry = ModuleRegistry(discover_definitions("modules"))
    found = {d.code: (d.tier.value, set(d.requires)) for d in registry}
    assert {code: tier for code, (tier, _) in found.items()} == {c: t for c, (t, _) in SPEC_MODULES.items()}
    for code, (_, required) in SPEC_MODULES.items():
        # SPEC's requirements, plus at most core modules (always on) a module needs first:
        # billing seeds after tenancy and mails through messaging.
        extra = found[code][1] - set(required)
        assert set(required) <= found[code][1] and all(registry.get(c).is_core for c in extra), code


def test_requirements_come_before_the_modules_that_need_them():
    order = get_registry().order
    for definition in get_registry():
        for required in definition.requires:
            assert order.index(required) < order.index(definition.code)


def test_an_unknown_requirement_stops_start_up_naming_both_modules():
    with pytest.raises(ModuleRegistryError, match="Module 'shop' requires 'ghost', which is not installed"):
        ModuleRegistry([module("shop", requires=("ghost",))])


def test_a_dependency_cycle_stops_start_up_and_shows_the_cycle():
    with pytest.raises(ModuleRegistryError, match="cycle: a -> b -> c -> a"):
        ModuleRegistry(
            [module("a", requires=("b",)), module("b", requires=("c",)), module("c", requires=("a",))]
        )


def test_two_modules_with_the_same_code_stop_start_up():
    with pytest.raises(ModuleRegistryError, match="Two modules declare the code 'twin'"):
        ModuleRegistry([module("twin"), module("twin")])


def test_a_core_module_cannot_require_an_optional_one():
    with pytest.raises(ModuleRegistryError, match="Core module 'base' requires non-core 'extra'"):
        ModuleRegistry([module("extra"), module("base", Tier.CORE, ("extra",))])


def all_built():
    """The installed modules as if every planned one were built (the graph rules alone)."""
    import dataclasses

    return ModuleRegistry([dataclasses.replace(d, planned=False) for d in get_registry()])


def test_enabling_a_module_also_enables_everything_it_needs():
    registry = all_built()
    plan = registry.plan_change(set(registry.core_codes), "checkout", True)
    assert set(plan.to_enable) == {"checkout", "cart", "orders", "catalog", "inventory"}
    assert plan.to_enable.index("inventory") < plan.to_enable.index("catalog") < plan.to_enable.index("cart")
    assert set(plan.also_changed) == {"cart", "orders", "catalog", "inventory"}


def test_disabling_a_module_also_disables_what_depends_on_it_but_only_if_enabled():
    registry = all_built()
    enabled = registry.default_enabled() - {"checkout"}
    plan = registry.plan_change(enabled, "inventory", False)
    assert set(plan.to_disable) == {"inventory", "catalog", "cart", "orders", "marketplace"}
    assert plan.to_disable[-1] == "inventory"  # dependents go first


def test_a_core_module_cannot_be_disabled():
    with pytest.raises(ModuleRuleError, match="'payments' is a core module and cannot be disabled"):
        all_built().plan_change(all_built().default_enabled(), "payments", False)


def test_enabling_an_unknown_module_is_refused_with_its_name():
    with pytest.raises(ModuleRuleError, match="There is no module 'nope'"):
        get_registry().plan_change(set(), "nope", True)


def test_a_new_platform_gets_core_and_optional_modules_but_not_internal_ones():
    enabled = get_registry().default_enabled()
    assert {"tenancy", "catalog", "marketplace"} <= enabled
    assert not {"dev_tools", "monitoring"} & enabled


def test_planned_modules_are_never_on_and_cannot_be_switched_on():
    registry = get_registry()
    planned = {"loyalty"}
    assert registry.planned_codes == planned
    assert not planned & registry.default_enabled()
    with pytest.raises(ModuleRuleError, match="'loyalty' is planned and not built yet, so 'loyalty' cannot"):
        registry.plan_change(registry.default_enabled(), "loyalty", True)


def test_no_two_pages_share_a_route_of_the_same_frontend():
    routes = build_routes(get_registry())
    paths = [r.path for r in routes]
    assert len(paths) == len(set(paths))
    root = next(r for r in routes if r.path == "/")
    assert {e.page.frontend for e in root.entries} == {Frontend.STOREFRONT, Frontend.PLATFORM}


def test_storefront_pages_exist_at_the_dev_path_and_at_the_root():
    paths = {r.path for r in build_routes(get_registry())}
    assert {
        "/platforms/[platform]/storefront/[store]",
        "/",
        "/platforms/[platform]",
        "/admin/platforms/[platform]/modules",
        "/store/[store]/team",
    } <= paths


def test_two_pages_of_one_frontend_claiming_one_route_are_refused():
    page = Page(frontend=Frontend.ADMIN, path="x", component="m:c", title_key="k")
    registry = ModuleRegistry(
        [
            ModuleDefinition("a", "a", "", "1", Tier.OPTIONAL, pages=(page,)),
            ModuleDefinition("b", "b", "", "1", Tier.OPTIONAL, pages=(page,)),
        ]
    )
    with pytest.raises(ValueError, match="Two pages claim the route '/admin/x'"):
        build_routes(registry)


def test_the_installed_modules_pass_the_architecture_validator():
    from orion_app.validator import validate

    errors = [f for f in validate(get_registry()) if f.severity == "error"]
    assert errors == []


def test_a_store_role_and_the_roles_above_it_leave_out_the_owner_who_holds_everything():
    assert StoreRole.MANAGER.and_above() == (StoreRole.MANAGER,)
    assert StoreRole.STAFF.and_above() == (StoreRole.MANAGER, StoreRole.STAFF)
    assert StoreRole.VIEWER.and_above() == (StoreRole.MANAGER, StoreRole.STAFF, StoreRole.VIEWER)
    assert StoreRole.OWNER.and_above() == ()


def test_a_page_factory_names_components_and_load_handlers_inside_its_own_module():
    page = PageFactory("plugins.gift_cards.definition")

    in_a_file = page(
        frontend=Frontend.STORE, path="cards", view="cards:list_page", title_key="t", state="cards:CardsState"
    )
    single_file = page(frontend=Frontend.STOREFRONT, path="", view="home_page", title_key="t", public=True)

    assert in_a_file.component == "plugins.gift_cards.pages.cards:list_page"
    assert in_a_file.on_load == ("plugins.gift_cards.state.cards:CardsState.load",)
    assert single_file.component == "plugins.gift_cards.pages:home_page"
    assert single_file.on_load == ()
    assert single_file.public and single_file.permission is None


def test_a_menu_entry_leads_to_its_own_page_behind_the_same_permission():
    listed = Page(
        frontend=Frontend.STORE,
        path="cards",
        component="m:p",
        title_key="a.title",
        permission="a.view",
        menu=Menu(key="a.menu", icon="gift", order=5),
    )
    unlisted = Page(frontend=Frontend.STORE, path="cards/[card]", component="m:q", title_key="a.title")
    definition = ModuleDefinition("a", "a", "", "1", Tier.OPTIONAL, pages=(listed, unlisted))

    assert definition.menus == (MenuItem(Frontend.STORE, "a.menu", "cards", "gift", "a.view", 5),)


def test_the_validator_reports_a_page_behind_an_undeclared_permission():
    from orion_app.validator import _check_declarations

    page = Page(frontend=Frontend.STORE, path="x", component="m:p", title_key="t", permission="a.nobody")
    registry = ModuleRegistry([ModuleDefinition("a", "a", "", "1", Tier.OPTIONAL, pages=(page,))])
    findings = []
    _check_declarations(registry, findings)
    assert [(f.rule, f.message) for f in findings] == [
        ("ORV002", "permission 'a.nobody' is not declared by any module")
    ]
