"""Inventory settings (env prefix `INVENTORY_`)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class InventoryConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVENTORY_", extra="ignore")

    low_stock_threshold: int = Field(default=5, ge=0)
