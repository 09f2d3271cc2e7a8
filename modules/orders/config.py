"""Orders settings (env prefix `ORDERS_`): how long an unpaid order keeps its stock, and where
the optional VIES check of VAT numbers asks."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OrdersConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ORDERS_", extra="ignore")

    card_payment_minutes: int = Field(default=30, ge=1)  # a card payment not finished by then
    bank_transfer_days: int = Field(default=7, ge=1)  # a transfer not received by then
    # The VIES REST API, asked when a store turns on the online VAT-number check.
    vies_url: str = "https://ec.europa.eu/taxation_customs/vies/rest-api"
    vies_timeout_seconds: float = Field(default=5.0, gt=0, le=30)
