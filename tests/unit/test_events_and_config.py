"""Event bus isolation and per-module settings with their own env prefix."""

import pytest

from orion_app.events import Event, EventBus, ModuleEvent


def test_a_failing_listener_does_not_stop_the_others():
    bus, heard = EventBus(), []

    def broken(_event):
        raise RuntimeError("boom")

    bus.subscribe(broken, ModuleEvent.ENABLED)
    bus.subscribe(heard.append, ModuleEvent.ENABLED)
    bus.subscribe(heard.append)  # all kinds
    failures = bus.publish(Event(ModuleEvent.ENABLED, "catalog", 1))
    assert failures == 1
    assert len(heard) == 2


def test_listeners_only_hear_the_kind_they_subscribed_to():
    bus, heard = EventBus(), []
    bus.subscribe(heard.append, ModuleEvent.DISABLED)
    bus.publish(Event(ModuleEvent.ENABLED, "catalog"))
    assert heard == []


def test_module_settings_read_their_own_env_prefix(monkeypatch):
    from modules.marketplace.config import MarketplaceConfig

    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "250")
    assert MarketplaceConfig().batch_size == 250


def test_module_settings_reject_invalid_env_values(monkeypatch):
    from pydantic import ValidationError

    from modules.marketplace.config import MarketplaceConfig

    monkeypatch.setenv("MARKETPLACE_BATCH_SIZE", "0")
    with pytest.raises(ValidationError):
        MarketplaceConfig()
