"""Delivering logged messages over SMTP (the RQ jobs in `modules.messaging.jobs`).

The messages one transaction queued go out in one job over one connection per server
(`deliver_many`); a retry is a job of its own (`deliver`).

Temporary failures (SMTP 4xx, a server that is down or times out) are tried again after
MESSAGING_RETRY_INTERVALS (10 s, 30 s, 2 min, 10 min ... about a day in all) and the row
stays "queued"; a permanent failure (5xx) marks it "failed" at once. Each try counts in
`attempts` and leaves its error in `last_error`.
"""

import logging
import smtplib
import ssl
from datetime import timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlmodel import Session, select

from modules.messaging.config import messaging_config
from modules.messaging.models import EmailLog
from modules.messaging.services.sending import enqueue_delivery
from modules.messaging.services.settings import SmtpConfig, smtp_config
from orion_app.db import utcnow

log = logging.getLogger(__name__)


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


def build_message(row: EmailLog, cfg: SmtpConfig, unsubscribe_url: str = "") -> EmailMessage:
    """The multipart (text + HTML) message for a log row, with its headers."""
    msg = EmailMessage()
    msg["Subject"] = row.subject
    msg["From"] = Address(display_name=cfg.from_name, addr_spec=cfg.from_address)
    msg["To"] = Address(display_name=row.recipient_name, addr_spec=row.recipient)
    if cfg.reply_to:
        msg["Reply-To"] = cfg.reply_to
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = row.message_id
    if row.marketing:
        target = unsubscribe_url or f"mailto:{cfg.reply_to or cfg.from_address}?subject=unsubscribe"
        msg["List-Unsubscribe"] = f"<{target}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(row.body_text)
    msg.add_alternative(row.body_html, subtype="html")
    msg["Content-Language"] = row.language  # after the parts: making them moves Content-* headers
    return msg


class Connections:
    """Open SMTP connections, one per server, reused for every message of a batch: a mail
    sent over an open connection costs one exchange instead of a connect, TLS and login."""

    def __init__(self):
        self._open: dict[tuple, smtplib.SMTP] = {}

    def client(self, cfg: SmtpConfig) -> smtplib.SMTP:
        key = (cfg.host, cfg.port, cfg.tls, cfg.username)
        if key not in self._open:
            self._open[key] = _connect(cfg)
        return self._open[key]

    def drop(self, cfg: SmtpConfig) -> None:
        """Forget (and close) the server's connection after an error: the next message reconnects."""
        client = self._open.pop((cfg.host, cfg.port, cfg.tls, cfg.username), None)
        if client is not None:
            _close(client)

    def close(self) -> None:
        for client in self._open.values():
            _close(client)
        self._open.clear()


def _connect(cfg: SmtpConfig) -> smtplib.SMTP:
    timeout = messaging_config().smtp_timeout_seconds
    if cfg.tls == "ssl":
        client = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
    try:
        if cfg.tls == "starttls":
            client.starttls(context=ssl.create_default_context())
        if cfg.username:
            client.login(cfg.username, cfg.password)
    except BaseException:
        _close(client)
        raise
    return client


def _close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


def transmit(msg: EmailMessage, cfg: SmtpConfig, connections: Connections | None = None) -> None:
    """Hand one message to the SMTP server (over `connections` when given, else a connection
    of its own); TemporaryFailure or PermanentFailure when refused."""
    own = connections is None
    connections = connections or Connections()
    try:
        connections.client(cfg).send_message(msg)
    except smtplib.SMTPRecipientsRefused as exc:  # the connection itself is still good
        code, text = next(iter(exc.recipients.values()))
        _raise_for(code, text)
    except smtplib.SMTPResponseException as exc:  # sender refused, data refused, auth failed...
        connections.drop(cfg)
        _raise_for(exc.smtp_code, exc.smtp_error)
    except (OSError, smtplib.SMTPException) as exc:  # refused connection, time-out, disconnect
        connections.drop(cfg)
        raise TemporaryFailure(f"{type(exc).__name__}: {exc}") from None
    finally:
        if own:
            connections.close()


def _raise_for(code: int, text: bytes | str) -> None:
    detail = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    if 400 <= code < 500:
        raise TemporaryFailure(f"{code} {detail}")
    raise PermanentFailure(f"{code} {detail}")


def _finish(row: EmailLog, status: str) -> None:
    row.status = status
    row.next_attempt_at = None
    row.body_html = row.body_text = ""  # one-time links do not stay readable in the log


def deliver_many(session: Session, log_ids: list[int]) -> dict[str, int]:
    """Try each logged message once over shared connections, committing after each (what
    went out stays recorded if the batch stops half-way). Returns how many ended in which status."""
    outcome: dict[str, int] = {}
    connections = Connections()
    try:
        for log_id in log_ids:
            status = deliver(session, log_id, connections)
            outcome[status] = outcome.get(status, 0) + 1
    finally:
        connections.close()
    return outcome


def deliver(session: Session, log_id: int, connections: Connections | None = None) -> str:
    """Try one logged message once; commits its new state. Returns its status."""
    row = session.exec(select(EmailLog).where(EmailLog.id == log_id).with_for_update()).first()
    if row is None or row.status != "queued":
        return row.status if row else "missing"
    cfg = smtp_config(session, row.platform_id, row.store_id)
    if not row.message_id:  # the same id on every try, so a server that got it twice can tell
        row.message_id = make_msgid(domain=cfg.from_address.rpartition("@")[2] or None)
    row.attempts += 1
    delay = 0
    try:
        transmit(build_message(row, cfg), cfg, connections)
    except TemporaryFailure as exc:
        row.last_error = str(exc)[:500]
        intervals = messaging_config().retry_intervals
        if row.attempts > len(intervals):
            _finish(row, "failed")
        else:
            delay = intervals[row.attempts - 1]
            row.next_attempt_at = utcnow() + timedelta(seconds=delay)
    except PermanentFailure as exc:
        row.last_error = str(exc)[:500]
        _finish(row, "failed")
    else:
        row.last_error = ""
        row.sent_at = utcnow()
        _finish(row, "sent")
    session.add(row)
    session.commit()
    if delay:
        enqueue_delivery(log_id, delay)
        log.info(
            "E-mail %s: try %s failed (%s); next try in %s s", log_id, row.attempts, row.last_error, delay
        )
    return row.status


def requeue_stuck(session: Session, grace_seconds: int = 300) -> int:
    """Queue again the queued messages whose try is long overdue (their job was lost, e.g.
    Redis was down when the sender committed). Returns how many."""
    due = utcnow() - timedelta(seconds=grace_seconds)
    ids = session.exec(
        select(EmailLog.id).where(EmailLog.status == "queued", EmailLog.next_attempt_at < due).limit(1000)
    ).all()
    for log_id in ids:
        row = session.get(EmailLog, log_id)
        row.next_attempt_at = utcnow()
        session.add(row)
    session.commit()
    for log_id in ids:
        enqueue_delivery(log_id)
    return len(ids)
