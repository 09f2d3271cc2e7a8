"""Loyalty settings (env prefix `LOYALTY_`)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class LoyaltyConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOYALTY_", extra="ignore")

    stamp_cooldown_minutes: int = Field(default=15, ge=0)
    daily_stamp_limit: int = Field(default=5, ge=1)
    pin_max_attempts: int = Field(default=5, ge=1)
