"""Translated text in components: every language is compiled in, the state's `lang` picks."""

import reflex as rx

from orion_app.i18n import LANGUAGES, catalogs
from orion_app.ui.state import OrionState


def t(key: str, **params: object) -> rx.Var:
    """A string Var showing `key` in the visitor's language (params may be Vars)."""
    table = catalogs()
    texts = {lang: table[lang].get(key) or table["en"].get(key) or key for lang in LANGUAGES}
    if params:
        texts = {lang: _format(text, params) for lang, text in texts.items()}
    if len(set(map(str, texts.values()))) == 1:
        return rx.Var.create(texts["en"])
    return rx.match(
        OrionState.lang,
        *((lang, texts[lang]) for lang in LANGUAGES[1:]),
        texts["en"],
    )


def _format(text: str, params: dict[str, object]):
    """Substitute `{name}` placeholders; a Var makes the result a reactive f-string."""
    return f"{text}".format(**{k: v for k, v in params.items()})
