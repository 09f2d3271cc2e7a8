"""Messaging tables. One file per concern; this package re-exports each file's tables so
`modules.messaging.models` (what Alembic and the other files import) holds them all."""

from modules.messaging.models.email import (
    EmailLog,
    EmailTemplateOverride,
    MessagingSettings,
    StoreMessagingSettings,
)
from modules.messaging.models.notifications import Notification

__all__ = [
    "EmailLog",
    "EmailTemplateOverride",
    "MessagingSettings",
    "Notification",
    "StoreMessagingSettings",
]
