"""`send_message`: check, render and log a message in the sender's transaction; the delivery
job is queued on RQ `default` only once that transaction commits."""

import logging

from sqlalchemy import event, insert
from sqlmodel import Session

from modules.messaging.kinds import COMMON_VARIABLES, get_kind
from modules.messaging.models import EmailLog
from modules.messaging.services.rendering import render
from modules.messaging.services.templates import effective_texts
from modules.tenancy.public import platform_by_id, store_by_id
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.jobs import get_queue
from orion_app.validation import is_email

log = logging.getLogger(__name__)
_PENDING = "messaging.pending_deliveries"
DELIVER = "modules.messaging.jobs.deliver"
DELIVER_BATCH = "modules.messaging.jobs.deliver_batch"
BATCH_SIZE = 200  # first tries per job: one job and one SMTP connection for a bulk send
_LOG = insert(EmailLog).returning(EmailLog.id)


def send_message(
    session: Session,
    *,
    kind: str,
    to_email: str,
    to_name: str = "",
    language: str | None = None,
    platform_id: int,
    store_id: int | None = None,
    context: dict,
) -> int:
    """Validate (e-mail syntax, CR/LF in name, unknown kind or undeclared context keys raise
    ServiceError/FieldErrors), write an EmailLog row (status "queued") in the caller's session and
    enqueue the delivery on RQ `default` once the caller's transaction COMMITS (a rolled-back
    sign-up sends nothing). Language: `language` if given and supported, else the store's default
    language, else "en". Returns the log row id."""
    message_kind = get_kind(kind)
    email = (to_email or "").strip()
    if not is_email(email) or any(c in email for c in "\r\n<>,;\"'"):
        raise FieldErrors({"email": "messaging.error.email"})
    if "\r" in to_name or "\n" in to_name or len(to_name) > 120:
        raise FieldErrors({"name": "messaging.error.name"})
    undeclared = sorted(set(context) - set(message_kind.variables) - set(COMMON_VARIABLES))
    if undeclared:
        raise ServiceError("messaging.error.undeclared_context", kind=kind, name=", ".join(undeclared))
    platform = platform_by_id(session, platform_id)
    store = store_by_id(session, store_id, active_only=False) if store_id is not None else None
    if platform is None or (store_id is not None and store is None):
        raise NotFound()
    chosen = effective_texts(
        session, kind=kind, platform_id=platform_id, store_id=store_id, language=language, store=store
    )
    values = {
        "recipient_name": to_name,
        "store_name": store.name if store else platform.name,
        "platform_name": platform.name,
        **context,
    }
    rendered = render(message_kind, chosen.texts, values, trusted=chosen.source == "default")
    now = utcnow()
    # Written past the ORM (nothing reads the row back in this transaction): one INSERT
    # with its id returned, no object built and flushed.
    log_id = session.execute(
        _LOG,
        {
            "store_id": store_id,
            "platform_id": platform_id,
            "kind": kind,
            "recipient": email,
            "recipient_name": to_name,
            "language": chosen.language,
            "subject": rendered.subject,
            "body_html": rendered.body_html,
            "body_text": rendered.body_text,
            "marketing": message_kind.marketing,
            "status": "queued",
            "attempts": 0,
            "last_error": "",
            "message_id": "",
            "created_at": now,
            "next_attempt_at": now,
            "sent_at": None,
        },
    ).scalar_one()
    _deliver_after_commit(session, log_id)
    return log_id


def _deliver_after_commit(session: Session, log_id: int) -> None:
    pending = session.info.setdefault(_PENDING, [])
    pending.append(log_id)
    if not event.contains(session, "after_commit", _enqueue_pending):
        event.listen(session, "after_commit", _enqueue_pending)
        event.listen(session, "after_soft_rollback", _forget_pending)


def _enqueue_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, [])
    for start in range(0, len(pending), BATCH_SIZE):
        batch = pending[start : start + BATCH_SIZE]
        if len(batch) == 1:
            enqueue_delivery(batch[0])
            continue
        try:
            _enqueue(get_queue("default"), DELIVER_BATCH, batch, f"{len(batch)} e-mails")
        except Exception:  # Redis down: the rows stay queued; `requeue_stuck` (cron) sends them later
            log.exception("Could not queue %s e-mails; they stay queued", len(batch))


def _forget_pending(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:  # the whole transaction, not a savepoint
        session.info.pop(_PENDING, None)


def enqueue_delivery(log_id: int, delay_seconds: int = 0) -> None:
    """Queue (or, with a delay, schedule) the delivery of one logged message."""
    from datetime import timedelta

    queue = get_queue("default")
    try:
        if delay_seconds:
            queue.enqueue_in(
                timedelta(seconds=delay_seconds), DELIVER, log_id, description=f"E-mail {log_id}"
            )
        else:
            _enqueue(queue, DELIVER, log_id, f"E-mail {log_id}")
    except Exception:  # Redis down: the row stays queued; `requeue_stuck` (cron) sends it later
        log.exception("Could not queue e-mail %s; it stays queued", log_id)


def _enqueue(queue, function: str, argument, description: str) -> None:
    """Enqueue on one Redis pipeline: one round trip (RQ alone makes two for a job)."""
    with queue.connection.pipeline() as pipe:
        queue.enqueue(function, argument, description=description, pipeline=pipe)
        pipe.execute()
