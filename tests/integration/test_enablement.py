"""Per-platform enablement: requirements, dependents, audit, data kept, and the guard."""

import pytest
from sqlmodel import select

from modules.tenancy.models import PlatformModule, PlatformModuleAudit
from orion_app import enablement
from orion_app.access import Verdict, check_access
from orion_app.db import session_scope
from orion_app.events import ModuleEvent, bus
from orion_app.registry import Frontend, ModuleRuleError
from tests.integration.helpers import platform_id, principal


def test_disabling_a_module_disables_its_dependents_on_that_platform_only(demo):
    admin = principal("admin@orion.lu")
    oms, loyalty = platform_id("oms"), platform_id("loyalty")
    plan = enablement.apply_change(oms, "inventory", False, admin.user_id)
    selling = {"inventory", "catalog", "marketplace", "cart", "orders", "checkout"}
    assert set(plan.to_disable) == selling
    assert not selling & enablement.enabled_modules(oms)
    assert selling <= enablement.enabled_modules(loyalty)


def test_every_change_is_recorded_with_who_and_when(demo):
    admin = principal("admin@orion.lu")
    oms = platform_id("oms")
    enablement.apply_change(oms, "analytics", False, admin.user_id)
    enablement.apply_change(oms, "analytics", True, admin.user_id)
    with session_scope() as session:
        row = session.exec(
            select(PlatformModule).where(
                PlatformModule.platform_id == oms, PlatformModule.module_code == "analytics"
            )
        ).one()
        audit = session.exec(
            select(PlatformModuleAudit)
            .where(PlatformModuleAudit.module_code == "analytics")
            .order_by(PlatformModuleAudit.id)
        ).all()
    assert row.enabled is True and row.updated_by_user_id == admin.user_id and row.updated_at is not None
    assert [(a.action, a.actor_user_id) for a in audit] == [
        ("disabled", admin.user_id),
        ("enabled", admin.user_id),
    ]


def test_enabling_pulls_in_requirements_and_announces_each_module(demo):
    oms = platform_id("oms")
    enablement.apply_change(oms, "inventory", False, None)
    heard = []
    bus.subscribe(heard.append, ModuleEvent.ENABLED)
    try:
        plan = enablement.apply_change(oms, "marketplace", True, None)
    finally:
        bus.unsubscribe(heard.append, ModuleEvent.ENABLED)
    assert set(plan.to_enable) == {"inventory", "catalog", "marketplace"}
    assert sorted(e.module for e in heard) == sorted(plan.to_enable)
    assert all(e.platform_id == oms for e in heard)


def test_a_preview_changes_nothing(demo):
    oms = platform_id("oms")
    before = enablement.enabled_modules(oms)
    plan = enablement.preview_change(oms, "catalog", False)
    assert set(plan.also_changed) == {"marketplace", "cart", "orders", "checkout"}
    assert enablement.enabled_modules(oms) == before


def test_a_planned_module_is_never_on_and_cannot_be_switched_on(demo):
    oms = platform_id("oms")
    enabled = enablement.enabled_modules(oms)
    assert "loyalty" not in enabled and "billing" in enabled  # billing is built (core)
    with session_scope() as session:
        rows_before = len(session.exec(select(PlatformModuleAudit)).all())
    with pytest.raises(ModuleRuleError, match="'loyalty' is planned and not built yet"):
        enablement.apply_change(oms, "loyalty", True, None)
    with session_scope() as session:
        assert len(session.exec(select(PlatformModuleAudit)).all()) == rows_before


def test_core_modules_cannot_be_disabled(demo):
    with pytest.raises(ModuleRuleError):
        enablement.apply_change(platform_id("oms"), "tenancy", False, None)


def test_a_disabled_module_page_is_not_found_for_its_platform_but_not_for_others(demo):
    from modules.tenancy.services.auth import sign_in

    with session_scope() as session:
        token, _ = sign_in(session, "admin@orion.lu", "orion-demo-2026")
    enablement.apply_change(platform_id("oms"), "analytics", False, None)

    def verdict(store: str) -> Verdict:
        return check_access(
            path=f"/store/{store}/reports",
            host="localhost",
            token=token,
            module="analytics",
            frontends=(Frontend.STORE,),
            permission="analytics.reports.view",
        ).verdict

    assert verdict("cafe-lux") == Verdict.NOT_FOUND
    assert verdict("bakery-lux") == Verdict.OK


def test_per_platform_module_settings_override_the_environment_and_are_validated(demo, monkeypatch):
    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "300")
    oms = platform_id("oms")
    assert enablement.module_config("marketplace", oms).batch_size == 300
    enablement.save_module_config(oms, "marketplace", {"batch_size": 50}, None)
    assert enablement.module_config("marketplace", oms).batch_size == 50
    assert enablement.module_config("marketplace", platform_id("loyalty")).batch_size == 300
    with pytest.raises(enablement.ModuleConfigError, match="batch_size"):
        enablement.save_module_config(oms, "marketplace", {"batch_size": -1}, None)
