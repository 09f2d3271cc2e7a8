"""The platform site's pricing page and sign-up: public, the platform from the path or Host."""

import reflex as rx

from orion_app.i18n import LANGUAGES, translate
from orion_app.providers import ContextRequest, page_context
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, public, ui_only
from orion_app.ui.state import OrionState

PLATFORM = (Frontend.PLATFORM,)
STEPS = ("plan", "account", "payment")
# The sign-up form's fields; an error for any other (or for the form) shows above it.
ACCOUNT_FIELDS = (
    "merchant_name",
    "owner_name",
    "email",
    "password",
    "store_code",
    "store_name",
    "languages",
    "default_language",
)


def platform_plans(lang: str) -> list[dict]:
    access = current_access()
    tenant = access.tenant
    request = ContextRequest(Frontend.PLATFORM, tenant.platform, None, lang, tenant.base)
    return page_context(request, access.enabled).get("plans", [])


class PricingState(OrionState):
    plans: list[dict] = []
    show_yearly: bool = False

    @rx.event
    @public(frontends=PLATFORM)
    def load(self):
        self.plans = platform_plans(self.lang)

    @rx.event
    @ui_only
    def set_yearly(self, yearly: bool):
        self.show_yearly = bool(yearly)


class SignUpState(OrionState):
    """The steps are views of one plain HTML form (posted to the sign-up endpoint), so every
    field the visitor typed is sent, whichever step shows."""

    plans: list[dict] = []
    step: str = "plan"
    plan: str = ""
    show_yearly: bool = False
    values: dict[str, str] = {}
    languages: list[str] = ["fr", "en", "de"]
    errors: dict[str, str] = {}
    form_error: str = ""
    base: str = ""

    @rx.event
    @public(frontends=PLATFORM)
    def load(self):
        self.base = current_access().tenant.base
        self.plans = [plan for plan in platform_plans(self.lang) if not plan["on_request"]]
        query = self.router.url.query_parameters
        codes = [plan["code"] for plan in self.plans]
        asked = query.get("plan", "")
        self.plan = asked if asked in codes else (codes[0] if codes else "")
        self.show_yearly = query.get("interval", "") == "year"
        self.values = {name: query.get(name, "") for name in ACCOUNT_FIELDS if name != "password"}
        chosen = [lang for lang in LANGUAGES if query.get(f"lang_{lang}") == "on"]
        self.languages = chosen or ["fr", "en", "de"]
        self.errors, self.form_error = {}, ""
        for name, key in query.items():
            if not name.startswith("e_") or not key.startswith(("billing.", "tenancy.", "orion.")):
                continue
            field = name.removeprefix("e_")
            if field in ACCOUNT_FIELDS:
                self.errors[field] = translate(key, self.lang)
            else:
                self.form_error = translate(key, self.lang)
        self.step = "account" if (self.errors or asked in codes) else "plan"

    @rx.event
    @ui_only
    def choose(self, code: str):
        if any(plan["code"] == code for plan in self.plans):
            self.plan = code
            self.step = "account"

    @rx.event
    @ui_only
    def set_yearly(self, yearly: bool):
        self.show_yearly = bool(yearly)

    @rx.event
    @ui_only
    def go(self, step: str):
        if step in STEPS:
            self.step = step
