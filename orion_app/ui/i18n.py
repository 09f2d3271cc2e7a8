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


# Every enumeration a page shows through `label`: prefix -> {value: translation key}, so
# the i18n test can check that each value has a text in every language.
LABELLED: dict[str, dict[str, str]] = {}


def label(value: rx.Var | str, prefix: str, values: Iterable[str], key: str = "{prefix}.{value}") -> rx.Var:
    """A value of an enumeration (condition, role, status…) shown as its text in the
    visitor's language (the key `{prefix}.{value}` unless `key` says otherwise), never raw.

    `values` are all the values the Var can hold (a StrEnum class works); they are recorded
    in LABELLED for the completeness test. A value outside them shows as it is.
    """
    keys = {str(v): key.format(prefix=prefix, value=v) for v in values}
    LABELLED[prefix] = {**LABELLED.get(prefix, {}), **keys}
    if not isinstance(value, rx.Var):
        return t(keys.get(str(value), key.format(prefix=prefix, value=value)))
    return rx.match(value, *((v, t(k)) for v, k in keys.items()), value)


def module_name(code: rx.Var | str) -> rx.Var:
    """A module as people know it: the `<code>.module.name` text of its own locales."""
    from orion_app.registry import get_registry

    return label(code, "module", get_registry().codes, key="{value}.module.name")
