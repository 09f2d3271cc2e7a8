"""Translated text in components: every language is compiled in, the state's `lang` picks."""

from collections.abc import Iterable

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


# Every (prefix, values) pair a page shows through `label`, so the i18n test can check
# that each value has a text in every language.
LABELLED: dict[str, tuple[str, ...]] = {}


def label(value: rx.Var | str, prefix: str, values: Iterable[str]) -> rx.Var:
    """A value of an enumeration (condition, role, status…) shown as the text of
    `{prefix}.{value}` in the visitor's language, never raw.

    `values` are all the values the Var can hold (a StrEnum class works); the pairs are
    recorded in LABELLED for the completeness test. A value outside them shows as it is.
    """
    known = tuple(str(v) for v in values)
    LABELLED[prefix] = tuple(sorted({*LABELLED.get(prefix, ()), *known}))
    if not isinstance(value, rx.Var):
        return t(f"{prefix}.{value}")
    return rx.match(value, *((v, t(f"{prefix}.{v}")) for v in known), value)
