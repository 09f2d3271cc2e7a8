"""Turning service errors into what a form shows next to each field."""

from orion_app.errors import FieldErrors
from orion_app.i18n import translate
from orion_app.redirects import safe_next as safe_next  # sign-in imports it from here


def translated_errors(error: FieldErrors, lang: str) -> dict[str, str]:
    return {
        name: translate(key, lang, **error.field_params.get(name, {})) for name, key in error.errors.items()
    }
