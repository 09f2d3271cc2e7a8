"""The billing banner in every store dashboard's header: the trial's last days, a payment
that is due (days of grace left) and read-only. Read with every page by the page guard
(`ShellItem.on_load`), for the store's merchant on the dashboard's platform."""

from datetime import UTC, datetime

import reflex as rx

from modules.billing.public import subscription_of
from orion_app.db import session_scope, utcnow
from orion_app.registry import Frontend
from orion_app.ui.guard import current_access, guarded
from orion_app.ui.state import OrionState

# The trial shows in the banner in its last days only.
TRIAL_NOTICE_DAYS = 7
BILLING_PATH = "billing"


def banner_kind(status: str, trial_days_left: int, read_only: bool) -> str:
    """What the banner says: "" (nothing), "trial", "past_due" or "read_only"."""
    if read_only or status == "read_only":
        return "read_only"
    if status == "past_due":
        return "past_due"
    if status == "trialing" and trial_days_left <= TRIAL_NOTICE_DAYS:
        return "trial"
    return ""


class BillingBannerState(OrionState):
    kind: str = ""
    days: int = 0
    href: str = ""

    @rx.event
    @guarded(frontends=(Frontend.STORE,), quiet=True)
    def load(self):
        """With every store dashboard page: the store's merchant's subscription (one read)."""
        tenant = current_access().tenant
        self.href = tenant.base + BILLING_PATH
        with session_scope() as session:
            record = subscription_of(session, tenant.store.merchant_id, tenant.platform.id)
        if record is None:
            self.kind, self.days = "", 0
            return
        self.kind = banner_kind(record.status, int(record.trial_days_left or 0), bool(record.read_only))
        if self.kind == "trial":
            self.days = int(record.trial_days_left or 0)
        elif self.kind == "past_due":
            self.days = days_until(record.grace_ends_at)
        else:
            self.days = 0


def days_until(moment: datetime | None) -> int:
    """Whole days from now until `moment` (0 when past or unknown)."""
    if moment is None:
        return 0
    if moment.tzinfo is None:  # SQLite hands back naive UTC times
        moment = moment.replace(tzinfo=UTC)
    return max(0, (moment - utcnow()).days)
