"""Messaging settings (env prefix `MESSAGING_`, e.g. `MESSAGING_SMTP_HOST`).

The SMTP values apply to a platform that has no `MessagingSettings` row; the development
default is the local sink (`python -m orion_app mail-sink`, started by `make run`)."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class MessagingConfig(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MESSAGING_", env_file=".env", extra="ignore")

    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=1025, ge=1, le=65535)
    smtp_tls: str = Field(default="none", pattern="^(none|starttls|ssl)$")
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_timeout_seconds: float = Field(default=20.0, gt=0)
    from_address: str = "no-reply@orion.localhost"
    from_name: str = "Orion"
    # Pauses before each new try after a temporary failure (SMTP 4xx, server unreachable):
    # 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, then every 2 h up to ~24 h in all.
    retry_intervals: list[int] = [
        10,
        30,
        120,
        600,
        1800,
        3600,
        7200,
        7200,
        7200,
        7200,
        7200,
        7200,
        7200,
        7200,
        7200,
        7200,
    ]
    # Where the development sink keeps every message (a Maildir), relative to the project.
    outbox_dir: str = ".run/outbox"
    sink_host: str = "127.0.0.1"
    sink_port: int = 1025
    # Template limits, checked when an override is saved and when a message is rendered.
    max_body_bytes: int = Field(default=100 * 1024, ge=1024)
    max_subject_chars: int = Field(default=200, ge=10, le=200)


@lru_cache
def messaging_config() -> MessagingConfig:
    """The process-wide messaging settings (tests clear the cache after changing env)."""
    return MessagingConfig()
