"""What every billing page shows of a plan: its name in the reader's language, its prices and
its limits, as plain rows for the pages (no Reflex here, so the pricing provider shares it)."""

from orion_app.i18n import translate
from orion_app.registry import get_registry
from orion_app.ui.format import money, number

CURRENCY = "EUR"


def plan_name(name: dict[str, str], lang: str) -> str:
    """The plan's name in `lang`, else English, else any."""
    return name.get(lang) or name.get("en") or next(iter(name.values()), "")


def feature_label(code: str, lang: str) -> str:
    """A declared feature's label ('products_limit' → 'Products'), its code when undeclared."""
    feature = get_registry().features.get(code)
    return translate(feature.label_key, lang) if feature else code


def limit_text(code: str, limit: int | None, lang: str) -> str:
    """'Products: 200', 'Unlimited Products', 'Analytics' (a flag that is on), '' (not included)."""
    feature = get_registry().features.get(code)
    label = feature_label(code, lang)
    if feature is not None and feature.kind == "flag":
        return label if limit != 0 else ""
    if limit is None:
        return translate("billing.limit.unlimited", lang, feature=label)
    if limit == 0:
        return ""
    return translate("billing.limit.count", lang, feature=label, count=number(limit, lang))


def _offered(code: str) -> bool:
    """A feature of a module that is built (a planned module's feature is not sold yet)."""
    registry = get_registry()
    return any(code in {f.code for f in d.features} and not d.planned for d in registry)


def _kind(code: str) -> str:
    feature = get_registry().features.get(code)
    return feature.kind if feature else "limit"


def plan_row(plan, lang: str, current_code: str = "") -> dict:
    """A plan card: name, both prices, its limits (counted features first, then the flags it
    includes) and its optional modules, as lines of text."""
    codes = sorted((c for c in plan.limits if _offered(c)), key=lambda c: _kind(c) == "flag")
    lines = [text for code in codes if (text := limit_text(code, plan.limits[code], lang))]
    modules = [translate(f"{code}.module.name", lang) for code in plan.modules]
    return {
        "code": plan.code,
        "name": plan_name(plan.name, lang),
        "monthly": money(plan.monthly_cents, CURRENCY, lang),
        "yearly": money(plan.yearly_cents, CURRENCY, lang),
        "on_request": plan.on_request,
        "lines": lines + modules,
        "current": plan.code == current_code,
        "order": plan.order,
    }
