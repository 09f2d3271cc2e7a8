"""Catalog settings (env prefix `CATALOG_`)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CatalogConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CATALOG_", extra="ignore")

    storefront_page_size: int = Field(default=24, ge=4, le=96)
    dashboard_page_size: int = Field(default=25, ge=5, le=200)
