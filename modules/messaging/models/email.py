"""E-mail tables: the log of every message, template overrides, and sending settings."""

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row

STATUSES = ("queued", "sent", "failed")
TLS_MODES = ("none", "starttls", "ssl")


class EmailLog(Row, table=True):
    """One message: written "queued" in the sender's transaction, then "sent" or "failed"."""

    __tablename__ = "email_log"
    __table_args__ = (Index("ix_email_log_store_created", "store_id", "created_at"),)

    store_id: int | None = Field(default=None, foreign_key="store.id")  # None: platform-level mail
    platform_id: int = Field(foreign_key="platform.id", index=True)
    kind: str = Field(max_length=80)
    recipient: str = Field(max_length=254)
    recipient_name: str = Field(default="", max_length=120)
    language: str = Field(max_length=2)
    subject: str = Field(default="", max_length=200)
    # Rendered when queued (a template error refuses the send in the sender's transaction);
    # emptied once sent or failed, so one-time links do not stay readable in the log.
    body_html: str = ""
    body_text: str = ""
    marketing: bool = False
    status: str = Field(default="queued", max_length=10, index=True)
    attempts: int = 0
    last_error: str = Field(default="", max_length=500)
    message_id: str = Field(default="", max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    # When the next try is due (queued rows); a queued row long past it lost its job and is re-queued.
    next_attempt_at: datetime | None = Field(default_factory=utcnow)
    sent_at: datetime | None = None


class EmailTemplateOverride(Row, table=True):
    """A platform's (store_id None) or a store's own text for one kind in one language."""

    __tablename__ = "email_template_override"
    __table_args__ = (UniqueConstraint("platform_id", "store_id", "kind", "language"),)

    platform_id: int = Field(foreign_key="platform.id", index=True)
    store_id: int | None = Field(default=None, foreign_key="store.id", index=True)
    kind: str = Field(max_length=80)
    language: str = Field(max_length=2)
    subject: str = Field(max_length=200)
    body_html: str
    body_text: str
    updated_by: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = Field(default_factory=utcnow)


class MessagingSettings(Row, table=True):
    """A platform's sender and SMTP server; without a row the MESSAGING_* settings apply."""

    __tablename__ = "messaging_settings"

    platform_id: int = Field(foreign_key="platform.id", unique=True)
    from_address: str = Field(max_length=254)
    from_name: str = Field(default="", max_length=120)
    reply_to: str = Field(default="", max_length=254)
    smtp_host: str = Field(max_length=253)
    smtp_port: int = 587
    smtp_tls: str = Field(default="starttls", max_length=8)  # none | starttls | ssl
    smtp_username: str = Field(default="", max_length=254)
    smtp_password_encrypted: str = Field(default="", max_length=1000)  # orion_app.crypto token
    updated_at: datetime = Field(default_factory=utcnow)


class StoreMessagingSettings(Row, table=True):
    """What a store may set for its mails: the address replies go to."""

    __tablename__ = "store_messaging_settings"

    store_id: int = Field(foreign_key="store.id", unique=True)
    reply_to: str = Field(default="", max_length=254)
    updated_at: datetime = Field(default_factory=utcnow)
