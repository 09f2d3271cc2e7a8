"""Fetching a feed from its URL: streamed to a local file, with size and time limits.

Failures are FeedProblems (one sentence, no retry): a URL that does not answer in time,
answers with an error status, is too large or cannot be reached. Addresses outside the
public internet (the deployment's own network, cloud metadata) are refused unless
MARKETPLACE_ALLOW_PRIVATE_URLS is set, so a merchant cannot make the server fetch from
services that are not meant to be public; orion_app.outbound does the checking.
"""

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from modules.marketplace.services.feed import FeedProblem
from orion_app.outbound import BlockedAddress, guarded_client


def check_url(url: str) -> str | None:
    """The message key of what is wrong with a feed URL as written, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "marketplace.error.url"
    if len(url) > 2000:
        return "orion.error.too_long"
    return None


def _private_allowed() -> bool:
    return os.environ.get("MARKETPLACE_ALLOW_PRIVATE_URLS", "").lower() in ("1", "true", "yes")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def fetch(url: str, destination: Path, *, max_bytes: int, timeout: float) -> int:
    """Download `url` into `destination`; the number of bytes written."""
    host = urlsplit(url).hostname or ""
    deadline = time.monotonic() + timeout
    destination.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    try:
        # Every hop is checked, redirects included: a public URL may redirect to a private one.
        client = guarded_client(timeout=timeout, max_redirects=5, allow_private=_private_allowed())
        with client, client.stream("GET", url, headers={"User-Agent": "Orion feed import"}) as response:
            if response.status_code >= 400:
                raise FeedProblem("marketplace.feed.http_status", status=response.status_code)
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise FeedProblem("marketplace.feed.too_large", limit_mb=_megabytes(max_bytes))
            with destination.open("wb") as out:
                for chunk in response.iter_bytes():  # as they arrive, so the deadline is checked
                    written += len(chunk)
                    if written > max_bytes:
                        raise FeedProblem("marketplace.feed.too_large", limit_mb=_megabytes(max_bytes))
                    if time.monotonic() > deadline:
                        raise FeedProblem("marketplace.feed.timeout", seconds=int(timeout))
                    out.write(chunk)
    except BlockedAddress as blocked:
        destination.unlink(missing_ok=True)
        raise FeedProblem("marketplace.feed.private_address", host=blocked.host) from None
    except httpx.TimeoutException:
        destination.unlink(missing_ok=True)
        raise FeedProblem("marketplace.feed.timeout", seconds=int(timeout)) from None
    except httpx.HTTPError:
        destination.unlink(missing_ok=True)
        raise FeedProblem("marketplace.feed.unreachable", host=host) from None
    except FeedProblem:
        destination.unlink(missing_ok=True)
        raise
    return written
