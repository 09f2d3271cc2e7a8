"""The mails customers sends; their texts are in `emails/<name>/` (en, fr, de, lb)."""

from modules.messaging.public import MessageKind

KINDS = (
    MessageKind(code="customers.verify_email", variables=("link",)),
    MessageKind(code="customers.reset_password", variables=("link",)),
)
