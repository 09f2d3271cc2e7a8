"""Cart settings (env prefix `CART_`)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CartConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CART_", extra="ignore")

    guest_ttl_days: int = Field(default=30, ge=1, le=365)
    max_quantity: int = Field(default=99, ge=1, le=9999)  # per line, whatever the stock
    max_lines: int = Field(default=50, ge=1, le=500)
