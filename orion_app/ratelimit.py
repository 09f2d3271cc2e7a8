"""Fixed-window counters in Redis, shared by every backend worker."""

from dataclasses import dataclass

from orion_app.redis_client import get_redis, key


@dataclass(frozen=True)
class Limit:
    name: str
    max_hits: int
    window_seconds: int


def hits(limit: Limit, subject: str) -> int:
    value = get_redis().get(key("ratelimit", limit.name, subject))
    return int(value or 0)


def is_blocked(limit: Limit, subject: str) -> bool:
    return hits(limit, subject) >= limit.max_hits


def record_hit(limit: Limit, subject: str) -> int:
    """Count one hit; the window starts with the first hit and expires on its own."""
    redis_key = key("ratelimit", limit.name, subject)
    pipe = get_redis().pipeline()
    pipe.incr(redis_key)
    pipe.expire(redis_key, limit.window_seconds, nx=True)
    count, _ = pipe.execute()
    return int(count)


def reset(limit: Limit, subject: str) -> None:
    get_redis().delete(key("ratelimit", limit.name, subject))
