"""Admin → Plans: the plans of each platform the admin administers, edited in a form with
every feature the modules declare (`get_registry().features`: a new module's feature shows
here with no change in billing) and the optional modules a plan includes. Before a change is
saved, the preview lists the merchants it would leave over a limit.

The platform is re-checked on every call (`administered_platform`: another's is "not
found"); a plan id from the browser only picks among that platform's plans."""

import re

import reflex as rx

from modules.billing import public as billing
from modules.billing.state.labels import feature_label, plan_name
from modules.tenancy.public import administered_platform, platforms_administered
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import LANGUAGES, translate
from orion_app.registry import Tier, get_registry
from orion_app.ui.format import money, number
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

PLANS = "billing.plans.manage"
_PRICE = re.compile(r"^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$")


def parse_cents(text: str) -> int | None:
    """'49', '49.5', '1990,00' → cents; None when it is not an amount."""
    found = _PRICE.match(str(text or ""))
    if not found:
        return None
    return int(found.group(1)) * 100 + int((found.group(2) or "0").ljust(2, "0"))


def _cents_text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def feature_rows(lang: str) -> list[dict[str, str]]:
    """Every declared feature: code, label, kind (limit | flag)."""
    return [
        {"code": f.code, "label": feature_label(f.code, lang), "kind": f.kind}
        for f in sorted(get_registry().features.values(), key=lambda f: f.code)
    ]


def optional_modules(lang: str) -> list[dict[str, str]]:
    return [
        {"code": d.code, "label": translate(f"{d.code}.module.name", lang)}
        for d in get_registry()
        if d.tier == Tier.OPTIONAL
    ]


def form_values(form: dict) -> tuple[dict, dict[str, str]]:
    """The form as `save_plan` values, and the fields the form itself cannot read."""
    errors: dict[str, str] = {}
    values: dict = {
        "code": str(form.get("code") or "").strip(),
        "name": {lang: str(form.get(f"name_{lang}") or "").strip() for lang in LANGUAGES},
        "on_request": form.get("on_request") in (True, "on"),
        "active": form.get("active") in (True, "on"),
        "modules": tuple(d.code for d in get_registry() if form.get(f"module_{d.code}") in (True, "on")),
        "limits": {},
    }
    for name in ("monthly", "yearly"):
        cents = parse_cents(form.get(name))
        if cents is None:
            errors[name] = "billing.error.price"
        values[f"{name}_cents"] = cents or 0
    order = str(form.get("order") or "0").strip()
    if not order.isdigit():
        errors["order"] = "billing.error.order"
    values["order"] = int(order) if order.isdigit() else 0
    for feature in get_registry().features.values():
        raw = form.get(f"limit_{feature.code}")
        if feature.kind == "flag":
            values["limits"][feature.code] = 1 if raw in (True, "on") else 0
            continue
        text = str(raw or "").strip()
        if text == "":
            values["limits"][feature.code] = None  # unlimited
        elif text.isdigit():
            values["limits"][feature.code] = int(text)
        else:
            errors[f"limit_{feature.code}"] = "billing.error.limit"
    return values, errors


def form_errors(errors: dict[str, str]) -> dict[str, str]:
    """`save_plan`'s field names as the form's ("monthly_cents" → "monthly", "limits.x" → "limit_x")."""
    renamed = {"monthly_cents": "monthly", "yearly_cents": "yearly", "modules": "name"}
    return {
        renamed.get(name, name.replace("limits.", "limit_", 1)): message for name, message in errors.items()
    }


class PlansAdminState(OrionState):
    platforms: list[dict[str, str]] = []
    platform_code: str = ""
    plans: list[dict] = []
    features: list[dict[str, str]] = []
    modules: list[dict[str, str]] = []
    # The plan in the form ("new" for a new one, "" when closed) and its values as texts.
    editing: str = ""
    values: dict[str, str] = {}
    limits: dict[str, str] = {}
    included: list[str] = []
    errors: dict[str, str] = {}
    affected: list[dict[str, str]] = []
    previewed: bool = False
    form_key: int = 0

    def _platform(self, session):
        return administered_platform(session, current_access().principal, self.platform_code)

    def _reload(self) -> None:
        with session_scope() as session:
            platform = self._platform(session)
            records = billing.plans_of(session, platform.id, active_only=False)
        self.plans = [
            {
                "id": str(plan.id),
                "code": plan.code,
                "name": plan_name(plan.name, self.lang),
                "monthly": money(plan.monthly_cents, "EUR", self.lang),
                "yearly": money(plan.yearly_cents, "EUR", self.lang),
                "on_request": plan.on_request,
                "active": plan.active,
                "order": plan.order,
            }
            for plan in records
        ]

    @rx.event
    @guarded(PLANS, quiet=True)
    def load(self):
        self.features = feature_rows(self.lang)
        self.modules = optional_modules(self.lang)
        self.editing, self.errors, self.affected, self.previewed = "", {}, [], False
        with session_scope() as session:
            platforms = platforms_administered(session, current_access().principal)
        self.platforms = [{"value": p.code, "label": p.name} for p in platforms]
        codes = [p.code for p in platforms]
        if self.platform_code not in codes:
            self.platform_code = codes[0] if codes else ""
        if self.platform_code:
            self._reload()
        else:
            self.plans = []

    @rx.event
    @guarded(PLANS)
    def choose_platform(self, code: str):
        self.platform_code = str(code)
        self.editing = ""
        try:
            self._reload()
        except NotFound:
            self.platform_code, self.plans = "", []

    @rx.event
    @guarded(PLANS)
    def edit(self, plan_id: str):
        """Open the form on one of this platform's plans ("new" for an empty one)."""
        with session_scope() as session:
            records = {
                str(p.id): p for p in billing.plans_of(session, self._platform(session).id, active_only=False)
            }
        plan = records.get(str(plan_id))
        if plan is None and plan_id != "new":
            raise NotFound()
        self.editing = str(plan_id)
        self.errors, self.affected, self.previewed = {}, [], False
        self.form_key += 1
        if plan is None:
            self.values = {"code": "", "monthly": "", "yearly": "", "order": str(len(records) + 1)}
            self.values |= {f"name_{lang}": "" for lang in LANGUAGES} | {"on_request": "", "active": "1"}
            self.limits, self.included = {}, []
            return
        self.values = {
            "code": plan.code,
            "monthly": _cents_text(plan.monthly_cents),
            "yearly": _cents_text(plan.yearly_cents),
            "order": str(plan.order),
            "on_request": "1" if plan.on_request else "",
            "active": "1" if plan.active else "",
        } | {f"name_{lang}": plan.name.get(lang, "") for lang in LANGUAGES}
        self.limits = {code: ("" if limit is None else str(limit)) for code, limit in plan.limits.items()}
        self.included = list(plan.modules)

    @rx.event
    @ui_only
    def close(self):
        self.editing, self.errors, self.affected, self.previewed = "", {}, [], False

    @rx.event
    @guarded(PLANS)
    def submit(self, form: dict):
        """First press: the preview of merchants over a new limit. Second press: save."""
        values, errors = form_values(form)
        self._keep(form)
        if errors:
            self.errors = {name: translate(key, self.lang) for name, key in errors.items()}
            self.previewed = False
            return None
        plan_id = None if self.editing == "new" else int(self.editing)
        with session_scope() as session:
            platform = self._platform(session)
            if not self.previewed:
                over = billing.preview_plan_change(session, platform.id, plan_id, values) if plan_id else []
                self.affected = [self._affected_row(item) for item in over]
                self.previewed, self.errors = True, {}
                return None
            try:
                billing.save_plan(session, platform.id, plan_id, values)
                session.commit()
            except FieldErrors as error:
                session.rollback()
                self.errors, self.previewed = form_errors(translated_errors(error, self.lang)), False
                return None
        self.editing, self.affected, self.previewed, self.errors = "", [], False, {}
        self._reload()
        return rx.toast.success(translate("billing.plans.saved", self.lang))

    def _keep(self, form: dict) -> None:
        """What was typed stays in the form when it is shown again (preview, errors)."""
        self.values = {name: str(value) for name, value in form.items() if not name.startswith("limit_")}
        for name in ("on_request", "active"):
            self.values[name] = "1" if form.get(name) in (True, "on") else ""
        self.limits = {
            name.removeprefix("limit_"): str(value)
            for name, value in form.items()
            if name.startswith("limit_")
        }
        self.included = [
            code.removeprefix("module_")
            for code, on in form.items()
            if code.startswith("module_") and on in (True, "on")
        ]

    def _affected_row(self, item) -> dict[str, str]:
        over = ", ".join(
            translate(
                "billing.preview.over",
                self.lang,
                feature=feature_label(code, self.lang),
                used=number(used, self.lang),
                limit=number(limit, self.lang),
            )
            for code, (used, limit) in item.over.items()
        )
        return {"name": item.name, "stores": ", ".join(item.store_codes), "over": over}
