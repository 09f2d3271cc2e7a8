"""Billing settings (env prefix `BILLING_`)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class BillingConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    trial_days: int = 30
    currency: str = "EUR"
