"""Contracts settings (env prefix `CONTRACTS_`), overridable per platform by its admin."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class ContractsConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONTRACTS_", extra="ignore")

    # Feature code -> limit (null: unlimited) for every merchant of the platform, used until
    # a module provides the `feature_limits` port (billing's plans). A feature not named
    # here keeps the default its module declares. Env: CONTRACTS_LIMITS='{"products_limit": null}'
    limits: dict[str, int | None] = {}
