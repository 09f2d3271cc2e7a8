"""Marketplace's notifications for staff: a feed import finished, or failed.

Dry runs raise none (whoever started one is looking at its page); an import that crashes
and will be retried raises none until its last try has failed.
"""

from sqlmodel import Session

from modules.contracts.protocols import NotificationKind
from modules.marketplace.models import FeedImport, JobStatus
from modules.messaging.public import notify

FINISHED, FAILED = "marketplace.import_finished", "marketplace.import_failed"

KINDS = (
    NotificationKind(
        code=FINISHED,
        title_key="marketplace.notify.finished.title",
        body_key="marketplace.notify.finished.body",
        icon="upload",
        permission="marketplace.import",
    ),
    NotificationKind(
        code=FAILED,
        title_key="marketplace.notify.failed.title",
        body_key="marketplace.notify.failed.body",
        icon="triangle_alert",
        permission="marketplace.import",
    ),
)


def report_import_outcome(session: Session, record: FeedImport) -> None:
    """Tell the store's importers how an import that just ended went. Flushes only: the job
    commits it with the import's final status."""
    kind = {JobStatus.SUCCEEDED: FINISHED, JobStatus.FAILED: FAILED}.get(record.status)
    if kind is None or record.dry_run:
        return
    notify(
        session,
        kind=kind,
        store_id=record.store_id,
        params={
            "id": record.id,
            "file": record.file_name or record.url,
            "created": record.created,
            "updated": record.updated,
            "rejected": record.rejected,
        },
        link=f"marketplace/imports/{record.id}",
    )
