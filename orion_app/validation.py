"""Small input checks shared by every module's services."""

import re

CODE_RE = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$")
LABEL_RE = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RESERVED_SUBDOMAINS = frozenset({"www", "admin", "api", "store", "mail", "static"})


def is_code(value: str) -> bool:
    """Lower-case letters, digits and dashes, 3-40 long, starting with a letter."""
    return bool(CODE_RE.match(value))


def is_subdomain(value: str) -> bool:
    return bool(LABEL_RE.match(value)) and value not in RESERVED_SUBDOMAINS


def is_domain(value: str) -> bool:
    """A fully qualified host name such as `shop.example.lu` (no scheme, port or path)."""
    labels = value.split(".")
    return (
        len(value) <= 253
        and len(labels) >= 2
        and all(LABEL_RE.match(label) for label in labels)
        and not labels[-1].isdigit()
    )


def is_email(value: str) -> bool:
    return bool(EMAIL_RE.match(value)) and len(value) <= 254


def clean(value: str | None) -> str:
    return (value or "").strip()
