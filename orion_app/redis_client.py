"""Redis connection and key naming (every key carries the deployment's prefix)."""

from functools import lru_cache

from redis import Redis

from orion_app.settings import get_settings


@lru_cache(maxsize=4)
def redis_for(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=5, socket_connect_timeout=3)


def get_redis() -> Redis:
    return redis_for(get_settings().redis_url)


def key(*parts: str) -> str:
    """A namespaced Redis key, e.g. key("login", "ip", "1.2.3.4")."""
    return get_settings().redis_prefix + ":".join(parts)
