"""The mails billing sends to a merchant's contact; texts in `emails/<name>/` (en, fr, de, lb).
Platform-level texts: a store cannot override them."""

from modules.messaging.public import MessageKind

KINDS = (
    MessageKind(
        code="billing.trial_ending",
        variables=("days_left", "plan_name", "trial_ends", "billing_link"),
        store_overridable=False,
    ),
    MessageKind(code="billing.trial_ended", variables=("plan_name", "billing_link"), store_overridable=False),
    MessageKind(code="billing.past_due", variables=("grace_ends", "billing_link"), store_overridable=False),
    MessageKind(code="billing.read_only", variables=("billing_link",), store_overridable=False),
)
