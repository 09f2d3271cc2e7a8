"""The optional online check of a buyer's EU VAT number with the Commission's VIES service.

Off by default (store setting Settings → Tax). When a store turns it on, a number that
passes its checksum is also asked of VIES before it earns the reverse charge:

- `valid`: VIES knows the number: reverse charge, as with the checksum alone;
- `invalid`: VIES says the number is not (or no longer) registered: the buyer is charged
  VAT like a consumer, and told why;
- `unavailable`: VIES (or the member state behind it) did not answer in time, or answered
  that it is busy: VAT is charged too, and the buyer is told the check could not be made
  (a seller who zero-rates must have verified the number; charging is the safe side).

Answers are kept in Redis for a day (`valid`/`invalid`) so a checkout that prices the cart
at each step asks once; `unavailable` is kept for a minute. The address is the VIES REST
API (`ORDERS_VIES_URL`); tests point it at a local server speaking the same JSON.
"""

import contextlib
import logging

import httpx

from orion_app.enablement import module_config
from orion_app.redis_client import get_redis, key

log = logging.getLogger(__name__)

VALID, INVALID, UNAVAILABLE = "valid", "invalid", "unavailable"
# VIES `userError` values that mean "ask again later", not "this number is wrong".
BUSY = {
    "MS_UNAVAILABLE",
    "TIMEOUT",
    "SERVICE_UNAVAILABLE",
    "MS_MAX_CONCURRENT_REQ",
    "GLOBAL_MAX_CONCURRENT_REQ",
    "SERVER_BUSY",
}
KEEP_SECONDS = {VALID: 86_400, INVALID: 86_400, UNAVAILABLE: 60}


def verdict(number: str) -> str:
    """`valid`, `invalid` or `unavailable` for a compact EU VAT number (`FR40303265045`;
    Greece's start with `EL`), from the cache or VIES."""
    cache_key = key("orders", "vies", number)
    redis = get_redis()
    try:
        cached = redis.get(cache_key)
    except Exception:  # Redis down: ask VIES every time rather than fail the checkout
        cached = None
    if cached:
        return cached.decode() if isinstance(cached, bytes) else str(cached)
    answer = _ask(number)
    with contextlib.suppress(Exception):
        redis.set(cache_key, answer, ex=KEEP_SECONDS[answer])
    return answer


def _ask(number: str) -> str:
    config = module_config("orders")
    url = f"{config.vies_url.rstrip('/')}/ms/{number[:2]}/vat/{number[2:]}"
    try:
        response = httpx.get(url, timeout=config.vies_timeout_seconds, headers={"Accept": "application/json"})
        body = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("VIES did not answer for %s: %s", number[:2], exc)
        return UNAVAILABLE
    if body.get("isValid") is True:
        return VALID
    if body.get("isValid") is False and str(body.get("userError", "INVALID")).upper() not in BUSY:
        return INVALID
    reason = body.get("userError", response.status_code)
    log.warning("VIES could not check a %s number: %s", number[:2], reason)
    return UNAVAILABLE
