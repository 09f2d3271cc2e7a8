"""Numbers, amounts and times as the dashboards and the storefront show them per language."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from orion_app.ui.format import iso, money, number


@pytest.mark.parametrize(
    ("lang", "written"), [("en", "12,345"), ("fr", "12\u202f345"), ("de", "12.345"), ("lb", "12.345")]
)
def test_whole_numbers_are_grouped_the_way_each_language_writes_them(lang, written):
    assert number(12345, lang) == written


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("en", "€1,234.50"),
        ("fr", "1\u202f234,50\u00a0€"),
        ("de", "1.234,50\u00a0€"),
        ("lb", "1.234,50\u00a0€"),
    ],
)
def test_prices_in_euro_read_naturally_in_each_language(lang, written):
    assert money(123450, "EUR", lang) == written


def test_other_currencies_show_their_code_and_negative_amounts_their_sign():
    assert money(-1999, "USD", "en") == "-USD\u00a019.99"
    assert money(5, "CHF", "fr") == "0,05\u00a0CHF"


def test_times_go_to_the_browser_as_utc_even_when_the_database_forgets_the_zone():
    assert iso(None) == ""
    assert iso(datetime(2026, 3, 1, 9, 5)) == "2026-03-01T09:05:00Z"
    luxembourg = timezone(timedelta(hours=1))
    assert iso(datetime(2026, 3, 1, 10, 5, tzinfo=luxembourg)) == "2026-03-01T09:05:00Z"
    assert iso(datetime(2026, 3, 1, 9, 5, tzinfo=UTC)) == "2026-03-01T09:05:00Z"
