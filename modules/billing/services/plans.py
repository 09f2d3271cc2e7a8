"""Plans as data: each platform's tiers, their prices, the limits of whatever features the
modules declare (none named here) and the optional modules they include."""

import re

from sqlmodel import Session, select

from modules.billing.models import Plan
from modules.billing.records import PlanRecord
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound
from orion_app.registry import Tier, get_registry

CODE = re.compile(r"^[a-z][a-z0-9_-]{1,39}$")
LANGS = ("en", "fr", "de", "lb")
MAX_CENTS = 10_000_000


def declared_limit(limits: dict, feature: str) -> int | None:
    """A plan's limit for a feature: its own value when it sets one, else the default the
    feature's module declares (so a new module's feature counts without touching plans)."""
    if feature in limits:
        value = limits[feature]
        return None if value is None else int(value)
    declared = get_registry().features.get(feature)
    if declared is None:
        raise KeyError(f"No module declares the feature '{feature}'.")
    return declared.default_limit


def plan_record(row: Plan) -> PlanRecord:
    features = get_registry().features
    return PlanRecord(
        id=row.id,
        code=row.code,
        name=dict(row.name),
        monthly_cents=row.monthly_cents,
        yearly_cents=row.yearly_cents,
        on_request=row.on_request,
        limits={code: declared_limit(row.limits, code) for code in features},
        modules=tuple(row.modules),
        order=row.order,
        active=row.active,
    )


def plans_of(session: Session, platform_id: int, active_only: bool = True) -> list[PlanRecord]:
    query = select(Plan).where(Plan.platform_id == platform_id)
    if active_only:
        query = query.where(Plan.active)
    return [plan_record(row) for row in session.exec(query.order_by(Plan.order, Plan.id))]


def plan_row(session: Session, platform_id: int, plan_id: int) -> Plan:
    row = session.get(Plan, plan_id)
    if row is None or row.platform_id != platform_id:
        raise NotFound()
    return row


def plan_by_code(session: Session, platform_id: int, code: str) -> Plan:
    row = session.exec(select(Plan).where(Plan.platform_id == platform_id, Plan.code == code)).first()
    if row is None:
        raise NotFound("billing.error.no_plan")
    return row


def optional_modules() -> list[str]:
    return [d.code for d in get_registry() if d.tier == Tier.OPTIONAL and not d.planned]


def _cents(value, field: str, errors: dict) -> int:
    try:
        cents = int(value)
    except (TypeError, ValueError):
        errors[field] = "billing.error.price"
        return 0
    if cents < 0 or cents > MAX_CENTS or str(value).strip() != str(cents):
        errors[field] = "billing.error.price"
    return cents


def clean_values(values: dict) -> tuple[dict, dict[str, str]]:
    """The plan's fields from `values` (a form), with field -> message key for what is wrong.
    Limits: {feature: int >= 0 | None}; a feature no module declares is refused."""
    errors: dict[str, str] = {}
    clean: dict = {}
    code = str(values.get("code", "")).strip().lower()
    if not CODE.match(code):
        errors["code"] = "billing.error.plan_code"
    clean["code"] = code
    names = {lang: str((values.get("name") or {}).get(lang, "")).strip()[:120] for lang in LANGS}
    if not names["en"]:
        errors["name"] = "billing.error.plan_name"
    clean["name"] = {lang: text for lang, text in names.items() if text}
    clean["monthly_cents"] = _cents(values.get("monthly_cents", 0), "monthly_cents", errors)
    clean["yearly_cents"] = _cents(values.get("yearly_cents", 0), "yearly_cents", errors)
    clean["on_request"] = bool(values.get("on_request", False))
    clean["active"] = bool(values.get("active", True))
    try:
        clean["order"] = int(values.get("order", 0))
    except (TypeError, ValueError):
        errors["order"] = "billing.error.order"
    features = get_registry().features
    limits: dict[str, int | None] = {}
    for feature, raw in (values.get("limits") or {}).items():
        if feature not in features:
            errors[f"limits.{feature}"] = "billing.error.unknown_feature"
            continue
        if raw is None or raw == "":
            limits[feature] = None
            continue
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = -1
        if number < 0 or str(raw).strip() != str(number):
            errors[f"limits.{feature}"] = "billing.error.limit"
        limits[feature] = number
    clean["limits"] = limits
    allowed = set(optional_modules())
    modules = [str(m) for m in values.get("modules") or ()]
    if any(m not in allowed for m in modules):
        errors["modules"] = "billing.error.unknown_module"
    clean["modules"] = sorted(dict.fromkeys(modules))
    return clean, errors


def save_plan(session: Session, platform_id: int, plan_id: int | None, values: dict) -> PlanRecord:
    """Create (plan_id None) or change a plan; refused field by field, nothing saved then.
    A change leaving merchants over a limit is allowed: `preview_plan_change` lists them."""
    clean, errors = clean_values(values)
    row = plan_row(session, platform_id, plan_id) if plan_id is not None else Plan(platform_id=platform_id)
    taken = session.exec(
        select(Plan.id).where(Plan.platform_id == platform_id, Plan.code == clean["code"])
    ).first()
    if taken is not None and taken != row.id:
        errors.setdefault("code", "billing.error.plan_code_taken")
    if errors:
        raise FieldErrors(errors)
    # Stripe's plans have fixed amounts: a new price gets a new Stripe plan when next used.
    if row.monthly_cents != clean["monthly_cents"]:
        row.stripe_plan_monthly = ""
    if row.yearly_cents != clean["yearly_cents"]:
        row.stripe_plan_yearly = ""
    for name, value in clean.items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    return plan_record(row)
