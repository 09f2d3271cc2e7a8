"""Billing's public face: plans, a merchant's subscription and usage, and the changes a
merchant or a platform admin makes to them. Records are frozen dataclasses; every function
takes the caller's session first; nothing commits unless it says so. See docs/billing.md."""

from modules.billing.records import (
    AffectedMerchant,
    CardRequired,
    CardSetup,
    DowngradeRefused,
    InvoiceRecord,
    JobRunRecord,
    PlanRecord,
    ReadOnly,
    SignUpForm,
    SignUpResult,
    SubscriptionRecord,
    Usage,
)
from modules.billing.services.changes import (
    billing_setup,
    cancel,
    change_plan,
    invoices_of,
    resume,
    save_card,
)
from modules.billing.services.plans import plans_of, save_plan
from modules.billing.services.preview import job_runs, preview_plan_change
from modules.billing.services.signup import sign_up
from modules.billing.services.subscriptions import start_trial, subscription_of
from modules.billing.services.usage import usage_of

__all__ = [
    "AffectedMerchant",
    "CardRequired",
    "CardSetup",
    "DowngradeRefused",
    "InvoiceRecord",
    "JobRunRecord",
    "PlanRecord",
    "ReadOnly",
    "SignUpForm",
    "SignUpResult",
    "SubscriptionRecord",
    "Usage",
    "billing_setup",
    "cancel",
    "change_plan",
    "invoices_of",
    "job_runs",
    "plans_of",
    "preview_plan_change",
    "resume",
    "save_card",
    "save_plan",
    "sign_up",
    "start_trial",
    "subscription_of",
    "usage_of",
]
