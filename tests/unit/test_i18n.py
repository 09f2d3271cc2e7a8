"""Translations are complete, no enumeration is shown raw, and languages are chosen in the
documented order."""

from functools import cache

import pytest

from modules.catalog.services.values import AVAILABILITY, CONDITIONS
from modules.marketplace.models import JobStatus
from modules.tenancy.services.users import ROLES
from orion_app.i18n import (
    LANGUAGES,
    catalogs,
    missing_keys,
    parse_accept_language,
    shopper_language,
    staff_language,
    translate,
)
from orion_app.orion_app import _component
from orion_app.registry import StoreRole, get_registry
from orion_app.routes import build_routes
from orion_app.ui.i18n import LABELLED


def test_no_translation_key_is_missing_in_any_language():
    report = missing_keys(get_registry())
    lines = [
        f"{owner}/{lang}: {', '.join(keys)}"
        for owner, langs in report.items()
        for lang, keys in langs.items()
    ]
    assert not lines, "Missing translations:\n" + "\n".join(lines)


@cache
def labelled() -> dict[str, dict[str, str]]:
    """Every page built once in its shell, as the app builds it: each `label()` registers."""
    for route in build_routes(get_registry()):
        _component(route)
    return dict(LABELLED)


def test_every_labelled_enumeration_value_has_a_text_in_every_language():
    table = catalogs()
    missing = [
        f"{lang}: {key}"
        for keys in labelled().values()
        for key in keys.values()
        for lang in LANGUAGES
        if key not in table[lang]
    ]
    assert labelled(), "no page showed an enumeration through label()"
    assert not missing, "Enumeration values without a text:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("enumeration", "values"),
    [
        ("product condition", CONDITIONS),
        ("product availability", AVAILABILITY),
        ("store role", tuple(StoreRole)),
        ("user role", ROLES),
        ("job status", tuple(JobStatus)),
        ("module code", tuple(get_registry().codes)),
    ],
)
def test_pages_show_known_enumerations_through_label_never_raw(enumeration, values):
    shown = [prefix for prefix, known in labelled().items() if set(map(str, values)) <= set(known)]
    assert shown, f"no page labels every {enumeration} ({', '.join(map(str, values))}): one shows raw"


def test_translate_fills_placeholders_and_falls_back_to_english_then_the_key():
    assert translate("tenancy.modules.disabled_toast", "en", count=3) == "3 module(s) disabled."
    assert translate("no.such.key", "fr") == "no.such.key"


def test_browser_languages_are_read_by_weight():
    assert parse_accept_language("de-LU,de;q=0.9,fr;q=0.95,en;q=0.5,it") == ["de", "fr", "de", "en"]


def test_shoppers_get_customer_preference_then_cookie_then_store_default_then_browser_then_french():
    allowed = ("fr", "en", "de")
    assert shopper_language(allowed, "en", "de", "fr", "fr") == "en"
    assert shopper_language(allowed, None, "de", "en", "fr") == "de"
    assert shopper_language(allowed, None, None, "en", "de") == "en"
    assert shopper_language(allowed, None, None, None, "de-DE,de;q=0.9") == "de"
    assert shopper_language(allowed, None, None, None, "") == "fr"


def test_shoppers_only_get_languages_the_store_offers():
    assert shopper_language(("de", "lb"), cookie="en", accept_language="en") == "de"


def test_staff_get_cookie_then_their_preference_then_english():
    assert staff_language("fr", "de") == "fr"
    assert staff_language("", "de") == "de"
    assert staff_language(None, None) == "en"
