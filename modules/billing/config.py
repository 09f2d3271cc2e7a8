"""Billing settings (env prefix `BILLING_`)."""

from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlmodel import Session

from orion_app.enablement import module_config


class BillingConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    trial_days: int = 30
    # past_due: days of grace (banners, mails) before the merchant becomes read-only.
    grace_days: int = 14
    currency: str = "EUR"
    # Days before the trial's end when a reminder mail goes out.
    trial_reminder_days: tuple[int, ...] = (7, 3, 1)
    # cleanup_stale_subscriptions: a canceled or read-only subscription untouched this long
    # loses its Stripe customer link and pending changes (the row and its invoices stay).
    stale_after_days: int = 180


def billing_config(platform_id: int | None = None, session: Session | None = None) -> BillingConfig:
    """The settings on a platform (env, overridden by the platform admin's saved values)."""
    return module_config("billing", platform_id, session)
