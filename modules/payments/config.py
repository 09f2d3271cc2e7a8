"""Payments settings (env prefix `PAYMENTS_`, e.g. `PAYMENTS_STRIPE_SECRET_KEY`).

They apply to a platform that has no `PaymentGatewaySettings` row. The development default
is the local Stripe stand-in started by `make run` (localstripe on port 8420)."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class PaymentsConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAYMENTS_", env_file=".env", extra="ignore")

    stripe_publishable_key: str = "pk_test_orion"
    stripe_secret_key: str = "sk_test_orion"
    stripe_webhook_secret: str = "whsec_orion_development"
    # "" means Stripe itself; development and tests point at localstripe.
    stripe_api_base: str = "http://127.0.0.1:8420"
    # Webhooks older (or further in the future) than this are refused.
    webhook_tolerance_seconds: int = Field(default=300, ge=1)
    # Seconds to wait for Stripe before the gateway counts as unavailable.
    stripe_timeout_seconds: float = Field(default=10.0, gt=0)
    currency: str = "EUR"


@lru_cache
def get_payments_config() -> PaymentsConfig:
    return PaymentsConfig()
