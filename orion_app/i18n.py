"""Translations: each module's `locales/{lang}.json` (and the framework's) merged at start-up."""

import json
from functools import lru_cache
from pathlib import Path

from orion_app.registry import ModuleRegistry, get_registry

LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "lb")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "de": "Deutsch", "lb": "Lëtzebuergesch"}
FRAMEWORK_LOCALES = Path(__file__).parent / "locales"


def locale_dirs(registry: ModuleRegistry) -> dict[str, Path]:
    """Owner name -> its locales folder: the framework first, then each module."""
    dirs = {"orion": FRAMEWORK_LOCALES}
    for definition in registry:
        folder = registry.folder(definition.code) / "locales"
        if folder.is_dir():
            dirs[definition.code] = folder
    return dirs


def load_catalogs(registry: ModuleRegistry) -> dict[str, dict[str, str]]:
    """Language -> key -> text, merged over the framework and every installed module."""
    catalogs: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for folder in locale_dirs(registry).values():
        for lang in LANGUAGES:
            path = folder / f"{lang}.json"
            if path.exists():
                catalogs[lang].update(json.loads(path.read_text(encoding="utf-8")))
    return catalogs


@lru_cache(maxsize=1)
def catalogs() -> dict[str, dict[str, str]]:
    return load_catalogs(get_registry())


def translate(key: str, lang: str | None = None, **params: object) -> str:
    """The text for `key` in `lang`, falling back to English, then to the key itself."""
    table = catalogs()
    text = table.get(lang or "en", {}).get(key) or table["en"].get(key) or key
    return text.format(**params) if params else text


def missing_keys(registry: ModuleRegistry) -> dict[str, dict[str, list[str]]]:
    """Per owner, per language: keys its English file has and that language lacks."""
    report: dict[str, dict[str, list[str]]] = {}
    for owner, folder in locale_dirs(registry).items():
        english = _read(folder / "en.json")
        for lang in LANGUAGES[1:]:
            missing = sorted(set(english) - set(_read(folder / f"{lang}.json")))
            if missing:
                report.setdefault(owner, {})[lang] = missing
    return report


def _read(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def parse_accept_language(header: str) -> list[str]:
    """Supported language codes from an Accept-Language header, best first."""
    weighted = []
    for index, part in enumerate(header.split(",")):
        tag, _, quality = part.strip().partition(";q=")
        code = tag.split("-")[0].strip().lower()
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        if code in LANGUAGES:
            weighted.append((-weight, index, code))
    return [code for *_, code in sorted(weighted)]


def shopper_language(
    allowed: tuple[str, ...],
    customer_preference: str | None = None,
    cookie: str | None = None,
    store_default: str | None = None,
    accept_language: str = "",
) -> str:
    """Storefront: customer preference, cookie, store default, browser, then French."""
    allowed = allowed or LANGUAGES
    browser = parse_accept_language(accept_language)
    for candidate in (customer_preference, cookie, store_default, *browser, "fr"):
        if candidate and candidate in allowed:
            return candidate
    return allowed[0]


def staff_language(cookie: str | None = None, user_preference: str | None = None) -> str:
    """Admin and store dashboards: cookie, user preference, then English."""
    for candidate in (cookie, user_preference):
        if candidate in LANGUAGES:
            return candidate
    return "en"
