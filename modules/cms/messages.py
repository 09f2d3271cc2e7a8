"""The mails cms sends; their texts are in `emails/<name>/` (en, fr, de, lb)."""

from modules.messaging.public import MessageKind

KINDS = (
    MessageKind(
        code="cms.contact",
        variables=("sender_name", "sender_email", "message"),
        store_overridable=False,
    ),
)
