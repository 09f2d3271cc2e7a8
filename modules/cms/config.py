"""CMS settings (env prefix `CMS_`), overridable per platform (platform_module.config)."""

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CmsConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CMS_", extra="ignore")

    # Where the platform site's contact form sends messages ("" : the form says so and sends nothing).
    contact_email: str = Field(default="", max_length=254)
    contact_max_per_hour: int = Field(default=5, ge=1, le=1000)  # per client address
