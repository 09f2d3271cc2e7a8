"""RQ job functions of the messaging module (they only call services)."""

from sqlmodel import Session

from modules.messaging.services import delivery
from orion_app.db import get_engine


def deliver(log_id: int) -> str:
    """One try at sending a logged e-mail (queue `default`); schedules the next on a 4xx."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return delivery.deliver(session, log_id)


def deliver_batch(log_ids: list[int]) -> dict[str, int]:
    """First tries of the e-mails one transaction queued, over shared SMTP connections."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return delivery.deliver_many(session, log_ids)


def requeue_stuck_mail() -> int:
    """Every 5 minutes: queued e-mails whose job was lost are queued again."""
    with Session(get_engine(), expire_on_commit=False) as session:
        return delivery.requeue_stuck(session)
