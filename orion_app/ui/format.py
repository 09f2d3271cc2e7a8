"""Numbers, amounts and times written the way readers of each language expect.

Plain Python (no Reflex): states and card providers call it when they fill their rows.
"""

from datetime import UTC, date, datetime

# Thousands and decimal separators per language; English is the fallback.
_SEPARATORS = {"en": (",", "."), "fr": ("\u202f", ","), "de": (".", ","), "lb": (".", ",")}


def iso(moment: datetime | None) -> str:
    """An ISO time in UTC for the browser to show in the viewer's zone ('' for none)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back naive UTC times
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def number(value: int, lang: str) -> str:
    """A whole number grouped the way readers of `lang` expect (12,345 / 12 345 / 12.345)."""
    thousands, _decimal = _SEPARATORS.get(lang, _SEPARATORS["en"])
    return f"{value:,}".replace(",", thousands)


def money(cents: int, currency: str, lang: str) -> str:
    """An amount of integer cents: 123450 EUR is €1,234.50 in English, 1 234,50 € in French."""
    _thousands, decimal = _SEPARATORS.get(lang, _SEPARATORS["en"])
    units, rest = divmod(abs(cents), 100)
    amount = f"{number(units, lang)}{decimal}{rest:02d}"
    sign = "-" if cents < 0 else ""
    symbol = "€" if currency == "EUR" else currency
    if lang in ("fr", "de", "lb"):
        return f"{sign}{amount}\u00a0{symbol}"
    return f"{sign}{symbol}{amount}" if symbol == "€" else f"{sign}{symbol}\u00a0{amount}"


# How a day is written under a chart bar; English is the fallback.
_DAY_FORMATS = {"en": "%m/%d", "fr": "%d/%m", "de": "%d.%m.", "lb": "%d.%m."}


def short_day(day: date, lang: str) -> str:
    """A day without its year, the way readers of `lang` write it (03/31, 31/03, 31.03.)."""
    return day.strftime(_DAY_FORMATS.get(lang, _DAY_FORMATS["en"]))
