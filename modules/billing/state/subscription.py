"""Store dashboard → Billing: the merchant's plan and status, usage bars for every limited
feature, the plans to change to (with confirmation), cancel/resume, invoices and the card.

The merchant and platform are always the access decision's (the store's merchant, the
platform the dashboard runs on); a plan code from the browser only picks among that
platform's plans, and billing's public face refuses what the plan rules refuse."""

import reflex as rx

from modules.billing import public as billing
from modules.billing.public import CardRequired, DowngradeRefused
from modules.billing.state.labels import CURRENCY, feature_label, plan_name, plan_row
from modules.payments.public import GatewayUnavailable, card_token, mount_card
from orion_app.db import session_scope
from orion_app.errors import ServiceError
from orion_app.i18n import translate
from orion_app.ui.format import iso, money, number
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

MANAGE = "billing.subscription.manage"
INTERVALS = ("month", "year")
STATUSES = ("trialing", "active", "past_due", "read_only", "canceled")
CARD_SECTION_ID = "billing-card"


def _scope() -> tuple[int, int]:
    """(merchant id, platform id) of the store dashboard the request is on."""
    tenant = current_access().tenant
    return tenant.store.merchant_id, tenant.platform.id


def _usage_row(usage, lang: str) -> dict:
    unlimited = usage.limit is None
    percent = 0 if unlimited or not usage.limit else min(100, round(100 * usage.used / usage.limit))
    label = translate(usage.label_key, lang) if usage.label_key else feature_label(usage.feature, lang)
    count = (
        translate("billing.usage.unlimited", lang, used=number(usage.used, lang))
        if unlimited
        else f"{number(usage.used, lang)} / {number(usage.limit, lang)}"
    )
    return {
        "feature": usage.feature,
        "label": label,
        "count": count,
        "percent": percent,
        "unlimited": unlimited,
        "full": not unlimited and usage.used >= (usage.limit or 0),
    }


def _invoice_row(invoice, lang: str) -> dict:
    return {
        "number": invoice.number,
        "created": iso(invoice.created_at),
        "amount": money(invoice.amount_cents, CURRENCY, lang),
        "status": invoice.status,
        "pdf": invoice.pdf_url or "",
    }


class BillingState(OrionState):
    """`card_status`: "" | mounting | ready | saving | unavailable."""

    status: str = ""
    plan_code: str = ""
    plan: str = ""
    interval: str = "month"
    trial_days_left: int = 0
    period_end: str = ""
    grace_ends: str = ""
    cancel_at_period_end: bool = False
    pending_plan: str = ""
    read_only: bool = False
    card: str = ""
    usage: list[dict] = []
    plans: list[dict] = []
    invoices: list[dict] = []
    show_yearly: bool = False
    welcome: bool = False
    store_base: str = ""
    # The plan change waiting for the merchant's "yes" (code and interval), and what it says.
    confirm_code: str = ""
    confirm_text: str = ""
    error: str = ""
    card_status: str = ""
    card_error: str = ""

    def _reload(self) -> None:
        merchant_id, platform_id = _scope()
        with session_scope() as session:
            record = billing.subscription_of(session, merchant_id, platform_id)
            plans = billing.plans_of(session, platform_id)
            usage = billing.usage_of(session, merchant_id, platform_id)
            invoices = billing.invoices_of(session, merchant_id, platform_id) if record else []
        self._show(record)
        self.plans = [plan_row(plan, self.lang, self.plan_code) for plan in plans]
        self.usage = [_usage_row(item, self.lang) for item in usage]
        self.invoices = [_invoice_row(item, self.lang) for item in invoices]

    def _show(self, record) -> None:
        if record is None:
            self.status, self.plan_code, self.plan = "", "", ""
            return
        self.status = record.status
        self.plan_code = record.plan.code
        self.plan = plan_name(record.plan.name, self.lang)
        self.interval = record.interval
        self.show_yearly = record.interval == "year"
        self.trial_days_left = int(record.trial_days_left or 0)
        self.period_end = iso(record.current_period_end)
        self.grace_ends = iso(record.grace_ends_at)
        self.cancel_at_period_end = bool(record.cancel_at_period_end)
        self.pending_plan = plan_name(record.pending_plan.name, self.lang) if record.pending_plan else ""
        self.read_only = bool(record.read_only)
        self.card = f"{record.card_brand} •••• {record.card_last4}" if record.card_last4 else ""

    @rx.event
    @guarded(MANAGE, quiet=True)
    def load(self):
        self.store_base = current_access().tenant.base
        self.welcome = self.router.url.query_parameters.get("welcome", "") == "1"
        self.confirm_code, self.confirm_text, self.error = "", "", ""
        self.card_status, self.card_error = "", ""
        self._reload()
        if self.router.url.query_parameters.get("card", "") == "1":
            return BillingState.open_card

    @rx.event
    @ui_only
    def set_yearly(self, yearly: bool):
        self.show_yearly = bool(yearly)

    @rx.event
    @ui_only
    def ask_change(self, code: str):
        """Open the confirmation for moving to plan `code` at the interval shown."""
        chosen = next((plan for plan in self.plans if plan["code"] == code and not plan["on_request"]), None)
        if chosen is None:
            return
        interval = "year" if self.show_yearly else "month"
        price = chosen["yearly"] if interval == "year" else chosen["monthly"]
        self.confirm_code, self.error = code, ""
        self.confirm_text = translate(
            f"billing.change.confirm_{interval}", self.lang, plan=chosen["name"], price=price
        )

    @rx.event
    @ui_only
    def close_change(self):
        self.confirm_code, self.confirm_text = "", ""

    @rx.event
    @guarded(MANAGE)
    def change(self):
        """Move to the confirmed plan: an upgrade at once (prorated), a downgrade at period end."""
        code, interval = self.confirm_code, "year" if self.show_yearly else "month"
        self.confirm_code, self.confirm_text = "", ""
        if not code:
            return None
        merchant_id, platform_id = _scope()
        with session_scope() as session:
            try:
                billing.change_plan(session, merchant_id, platform_id, code, interval)
                session.commit()
            except CardRequired:
                session.rollback()
                self.error = translate("billing.error.card_required", self.lang)
                return BillingState.open_card
            except GatewayUnavailable:
                session.rollback()
                self.error = translate("billing.error.gateway", self.lang)
                return None
            except DowngradeRefused as refused:
                session.rollback()
                self.error = self._refusal(refused)
                return None
            except ServiceError as refused:
                session.rollback()
                self.error = translate(refused.message_key, self.lang, **refused.params)
                return None
        self._reload()
        return rx.toast.success(translate("billing.change.done", self.lang))

    def _refusal(self, refused: DowngradeRefused) -> str:
        """ "Your store has 250 products; Essential allows 200: remove 50 first"."""
        params = {**refused.params, "feature": feature_label(refused.feature, self.lang)}
        params = {k: number(v, self.lang) if isinstance(v, int) else v for k, v in params.items()}
        return translate(refused.message_key, self.lang, **params)

    @rx.event
    @guarded(MANAGE)
    def cancel_subscription(self):
        return self._act(billing.cancel, "billing.cancel.done")

    @rx.event
    @guarded(MANAGE)
    def resume_subscription(self):
        return self._act(billing.resume, "billing.resume.done")

    def _act(self, action, done_key: str):
        merchant_id, platform_id = _scope()
        self.error = ""
        with session_scope() as session:
            try:
                action(session, merchant_id, platform_id)
                session.commit()
            except GatewayUnavailable:
                session.rollback()
                self.error = translate("billing.error.gateway", self.lang)
                return None
            except ServiceError as refused:
                session.rollback()
                self.error = translate(refused.message_key, self.lang, **refused.params)
                return None
        self._reload()
        return rx.toast.success(translate(done_key, self.lang))

    @rx.event
    @guarded(MANAGE)
    def open_card(self):
        """Show the card form: Stripe.js (localstripe's stand-in in tests) mounts its element."""
        merchant_id, platform_id = _scope()
        self.card_error = ""
        with session_scope() as session:
            try:
                setup = billing.billing_setup(session, merchant_id, platform_id)
            except (GatewayUnavailable, ServiceError):
                self.card_status = "unavailable"
                self.card_error = translate("billing.error.gateway", self.lang)
                return None
        self.card_status = "mounting"
        return [
            rx.call_script(
                mount_card(setup.stripe_js_url, setup.publishable_key), callback=BillingState.card_mounted
            ),
            rx.scroll_to(CARD_SECTION_ID),
        ]

    @rx.event
    @ui_only
    def card_mounted(self, result: str):
        ready = result == "ready"
        self.card_status = "ready" if ready else "unavailable"
        self.card_error = "" if ready else translate("billing.error.gateway", self.lang)

    @rx.event
    @ui_only
    def close_card(self):
        self.card_status, self.card_error = "", ""

    @rx.event
    @ui_only
    def submit_card(self):
        if self.card_status != "ready":
            return None
        self.card_status, self.card_error = "saving", ""
        return rx.call_script(card_token(), callback=BillingState.card_tokenised)

    @rx.event
    @guarded(MANAGE)
    def card_tokenised(self, result: dict):
        """Keep the tokenised card as the merchant's payment method (Stripe customer + card)."""
        token = str((result if isinstance(result, dict) else {}).get("token") or "")
        if not token:
            self.card_status = "ready"
            self.card_error = translate("billing.card.declined", self.lang)
            return None
        merchant_id, platform_id = _scope()
        with session_scope() as session:
            try:
                record = billing.save_card(session, merchant_id, platform_id, token)
                session.commit()
            except GatewayUnavailable:
                session.rollback()
                self.card_status = "ready"
                self.card_error = translate("billing.error.gateway", self.lang)
                return None
            except ServiceError as refused:
                session.rollback()
                self.card_status = "ready"
                self.card_error = translate(refused.message_key, self.lang, **refused.params)
                return None
        self._show(record)
        self.card_status, self.error = "", ""
        return rx.toast.success(translate("billing.card.saved", self.lang))
