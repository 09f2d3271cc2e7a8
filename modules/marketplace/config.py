"""Marketplace settings (env prefix `MARKETPLACE_`, e.g. `MARKETPLACE_BATCH_SIZE`)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class MarketplaceConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARKETPLACE_", extra="ignore")

    batch_size: int = Field(default=500, ge=1, le=10_000)
    feed_max_bytes: int = Field(default=200 * 1024 * 1024, ge=1024)
    feed_timeout_seconds: float = Field(default=60.0, gt=0)
