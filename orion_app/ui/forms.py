"""Turning service errors into what a form shows next to each field."""

from orion_app.errors import FieldErrors
from orion_app.i18n import translate


def translated_errors(error: FieldErrors, lang: str) -> dict[str, str]:
    return {name: translate(key, lang) for name, key in error.errors.items()}


def safe_next(target: str | None, fallback: str) -> str:
    """Only same-site absolute paths may be redirect targets after sign-in."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return fallback
