"""What the development sink kept (the admin Outbox page, dev mode only)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from modules.messaging.sink import outbox_path


@dataclass(frozen=True)
class OutboxMessage:
    key: str
    received_at: datetime
    sender: str
    to: str
    subject: str
    language: str
    message_id: str
    headers: tuple[tuple[str, str], ...]
    text: str
    html: str


def _read(key: str, raw: bytes, received: float) -> OutboxMessage:
    msg: EmailMessage = message_from_bytes(raw, policy=policy.default)
    text_part = msg.get_body(preferencelist=("plain",))
    html_part = msg.get_body(preferencelist=("html",))
    try:
        sent = parsedate_to_datetime(msg["Date"]) if msg["Date"] else None
    except (TypeError, ValueError):
        sent = None
    return OutboxMessage(
        key=key,
        received_at=sent or datetime.fromtimestamp(received, UTC),
        sender=str(msg["From"] or ""),
        to=str(msg["To"] or ""),
        subject=str(msg["Subject"] or ""),
        language=str(msg["Content-Language"] or ""),
        message_id=str(msg["Message-ID"] or ""),
        headers=tuple((name, str(value)) for name, value in msg.items()),
        text=text_part.get_content() if text_part else "",
        html=html_part.get_content() if html_part else "",
    )


def outbox_messages(limit: int = 50) -> list[OutboxMessage]:
    """The newest `limit` messages the sink kept, newest first ([] when it kept none)."""
    folder = outbox_path()
    if not folder.is_dir():
        return []
    # A Maildir keeps one file per message in new/ (or cur/ once read); the file's time is
    # when the sink got it.
    files = [path for sub in ("new", "cur") if (folder / sub).is_dir() for path in (folder / sub).iterdir()]
    found = sorted(((path.stat().st_mtime, path) for path in files if path.is_file()), reverse=True)
    return [_read(path.name.split(":")[0], path.read_bytes(), mtime) for mtime, path in found[:limit]]
