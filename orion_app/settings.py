"""Deployment-wide settings, read from the environment (and `.env` when present)."""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class OrionSettings(BaseSettings):
    """Settings every part of Orion may read; modules keep their own config classes."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = "sqlite:///orion.db"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # Prefix for every Redis key and RQ queue name, so two deployments or test runs never collide.
    redis_prefix: str = "orion:"
    main_platform_code: str = "main"
    session_ttl_hours: int = 12
    # Secure + `__Host-` session cookie even over plain HTTP (behind a TLS proxy that does
    # not forward the scheme). HTTPS requests get it anyway.
    session_cookie_secure: bool = False
    # Origins beside the platform and store domains that may call the backend with the
    # session cookie (Reflex's deploy_url always may), e.g. the admin host. Comma-separated.
    trusted_origins: str = ""
    login_max_attempts_per_account: int = 5
    login_max_attempts_per_ip: int = 20
    login_window_seconds: int = 900
    # Product photos: written by the app, the workers and the demo seed, served by the backend
    # at /_upload (rxconfig.py points Reflex's upload folder here). Relative to the project.
    media_dir: str = "media"
    modules_package: str = "modules"
    default_admin_language: str = "en"
    default_shopper_language: str = "fr"

    @property
    def media_path(self) -> Path:
        """The media folder as an absolute path, so every process finds the same one."""
        return PROJECT_ROOT / self.media_dir


@lru_cache
def get_settings() -> OrionSettings:
    """The process-wide settings (cached; tests clear the cache after changing env)."""
    return OrionSettings()
