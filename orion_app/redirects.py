"""Which redirect targets a request may name: same-site relative paths, nothing that leaves the site."""

import unicodedata
from urllib.parse import unquote, urlsplit

# Browsers and proxies may decode a target more than once; a target still changing after
# this many rounds is hiding something and is refused rather than decoded further.
MAX_DECODE_ROUNDS = 4


def safe_next(target: str | None, fallback: str) -> str:
    """`target` when it is a path on this site (like `/admin/`), otherwise `fallback`."""
    if not target:
        return fallback
    decoded = _fully_decoded(target)
    if decoded is None or not _is_local_path(decoded) or not _is_local_path(target):
        return fallback
    return target


def _fully_decoded(target: str) -> str | None:
    for _ in range(MAX_DECODE_ROUNDS):
        once = unquote(target)
        if once == target:
            return target
        target = once
    return None


def _is_local_path(path: str) -> bool:
    # Browsers read a backslash as a slash, and drop tabs and newlines, so `/\evil.example`
    # and `/<TAB>/evil.example` both lead to another host.
    if not path.startswith("/") or path.startswith(("//", "/\\")) or "\\" in path:
        return False
    if any(unicodedata.category(char) == "Cc" for char in path):
        return False
    parts = urlsplit(path)
    return not parts.scheme and not parts.netloc
