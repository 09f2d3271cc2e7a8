"""Sending settings: a platform's sender and SMTP server, a store's reply-to address.

A platform without a `MessagingSettings` row sends with the MESSAGING_* settings
(config.py). The SMTP password is stored encrypted (orion_app.crypto) and only decrypted
by the delivery job; forms never get it back.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from modules.messaging.config import messaging_config
from modules.messaging.models import MessagingSettings, StoreMessagingSettings
from modules.messaging.models.email import TLS_MODES
from orion_app.crypto import decrypt, encrypt
from orion_app.db import utcnow
from orion_app.errors import FieldErrors
from orion_app.validation import is_domain, is_email


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    tls: str  # none | starttls | ssl
    username: str
    password: str
    from_address: str
    from_name: str
    reply_to: str


def platform_settings(session: Session, platform_id: int) -> MessagingSettings | None:
    return session.exec(select(MessagingSettings).where(MessagingSettings.platform_id == platform_id)).first()


def store_reply_to(session: Session, store_id: int) -> str:
    row = session.exec(
        select(StoreMessagingSettings).where(StoreMessagingSettings.store_id == store_id)
    ).first()
    return row.reply_to if row else ""


def smtp_config(session: Session, platform_id: int, store_id: int | None = None) -> SmtpConfig:
    """How to send a platform's (and store's) mail: its settings row, else the MESSAGING_* ones.
    Reply-To: the store's address, else the platform's."""
    row = platform_settings(session, platform_id)
    cfg = messaging_config()
    store_reply = store_reply_to(session, store_id) if store_id is not None else ""
    if row is None:
        return SmtpConfig(
            cfg.smtp_host,
            cfg.smtp_port,
            cfg.smtp_tls,
            cfg.smtp_username,
            cfg.smtp_password,
            cfg.from_address,
            cfg.from_name,
            store_reply,
        )
    return SmtpConfig(
        row.smtp_host,
        row.smtp_port,
        row.smtp_tls,
        row.smtp_username,
        decrypt(row.smtp_password_encrypted),
        row.from_address,
        row.from_name,
        store_reply or row.reply_to,
    )


def _no_newline(*values: str) -> bool:
    return not any("\r" in v or "\n" in v for v in values)


def save_platform_settings(
    session: Session,
    platform_id: int,
    *,
    from_address: str,
    from_name: str,
    reply_to: str,
    smtp_host: str,
    smtp_port: int,
    smtp_tls: str,
    smtp_username: str,
    smtp_password: str | None,
) -> MessagingSettings:
    """Save a platform's sending settings; commits. `smtp_password` None keeps the stored one,
    "" clears it. FieldErrors name each bad field; nothing is saved then."""
    errors: dict[str, str] = {}
    if not is_email(from_address.strip()):
        errors["from_address"] = "messaging.error.email"
    if reply_to.strip() and not is_email(reply_to.strip()):
        errors["reply_to"] = "messaging.error.email"
    if not _no_newline(from_name) or len(from_name) > 120:
        errors["from_name"] = "messaging.error.name"
    host = smtp_host.strip().lower()
    if not (is_domain(host) or host in ("localhost",) or host.replace(".", "").isdigit()):
        errors["smtp_host"] = "messaging.error.smtp_host"
    if not 1 <= int(smtp_port) <= 65535:
        errors["smtp_port"] = "messaging.error.smtp_port"
    if smtp_tls not in TLS_MODES:
        errors["smtp_tls"] = "messaging.error.smtp_tls"
    if not _no_newline(smtp_username, smtp_password or "") or len(smtp_username) > 254:
        errors["smtp_username"] = "messaging.error.smtp_username"
    if errors:
        raise FieldErrors(errors)
    row = platform_settings(session, platform_id) or MessagingSettings(
        platform_id=platform_id, from_address="", smtp_host=""
    )
    row.from_address, row.from_name, row.reply_to = from_address.strip(), from_name.strip(), reply_to.strip()
    row.smtp_host, row.smtp_port, row.smtp_tls = host, int(smtp_port), smtp_tls
    row.smtp_username = smtp_username.strip()
    if smtp_password is not None:
        row.smtp_password_encrypted = encrypt(smtp_password)
    row.updated_at = utcnow()
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def save_store_reply_to(session: Session, store_id: int, reply_to: str) -> StoreMessagingSettings:
    """Set (or with "" clear) the address a store's mails ask replies to go to; commits."""
    address = reply_to.strip()
    if address and (not is_email(address) or not _no_newline(address)):
        raise FieldErrors({"reply_to": "messaging.error.email"})
    row = session.exec(
        select(StoreMessagingSettings).where(StoreMessagingSettings.store_id == store_id)
    ).first() or StoreMessagingSettings(store_id=store_id)
    row.reply_to, row.updated_at = address, utcnow()
    session.add(row)
    session.commit()
    session.refresh(row)
    return row
