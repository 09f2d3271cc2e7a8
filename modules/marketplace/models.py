"""Marketplace tables: feed imports with their row errors, scheduled feed sources, exports."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from orion_app.db import utcnow


class JobStatus(StrEnum):
    """Where an import or export job stands (stored as its lower-case name)."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    ABANDONED = "abandoned"


ACTIVE = (JobStatus.QUEUED, JobStatus.RUNNING)
FINISHED = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED, JobStatus.ABANDONED)


class FeedImport(SQLModel, table=True):
    """One import of one feed file into one store, and everything a person needs to follow it.

    The counters and `rows_done` are committed in the same transaction as the products of
    each batch, so they are a checkpoint: a retried import resumes after the last batch.
    """

    __tablename__ = "marketplace_import"
    __table_args__ = (Index("ix_marketplace_import_store_created", "store_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id")
    platform_id: int = Field(foreign_key="platform.id")
    merchant_id: int = Field(foreign_key="merchant.id")
    created_by: int | None = Field(default=None, foreign_key="user.id")
    origin: str = Field(max_length=10)  # upload | url | schedule
    source_id: int | None = Field(default=None, foreign_key="marketplace_feed_source.id")
    file_name: str = Field(default="", max_length=255)
    url: str = Field(default="", max_length=2000)
    file_path: str = Field(default="", max_length=500)  # the local copy the job reads
    lang: str = Field(max_length=2)
    dry_run: bool = False
    as_draft: bool = False  # products it creates start inactive
    status: str = Field(default=JobStatus.QUEUED, max_length=12, index=True)
    message_key: str = Field(default="", max_length=80)  # why it failed, in one sentence
    message_params: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    notices: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    rows_total: int = 0
    rows_done: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0  # variants a re-import no longer lists (variant_writes.py)
    rejected: int = 0
    attempts: int = 0
    cancel_requested: bool = False
    rq_job_id: str = Field(default="", max_length=80)
    worker: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None  # of the current attempt
    rows_at_start: int = 0  # rows_done when the current attempt started (for the rate)
    heartbeat_at: datetime | None = None
    finished_at: datetime | None = None


class FeedImportError(SQLModel, table=True):
    """One problem of one feed row: where it is, what is wrong, and the row as it was."""

    __tablename__ = "marketplace_import_error"

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="marketplace_import.id", index=True)
    line: int
    column: str = Field(default="", max_length=80)
    message_key: str = Field(max_length=80)
    message_params: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    raw: str = Field(default="", sa_column=Column(Text, nullable=False))


class FeedSource(SQLModel, table=True):
    """A store's feed URL for one language, fetched on a cron schedule."""

    __tablename__ = "marketplace_feed_source"
    __table_args__ = (UniqueConstraint("store_id", "lang"),)

    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id", index=True)
    platform_id: int = Field(foreign_key="platform.id")
    lang: str = Field(max_length=2)
    url: str = Field(max_length=2000)
    schedule: str = Field(max_length=60)  # a crontab expression, UTC
    enabled: bool = True
    next_run_at: datetime | None = Field(default=None, index=True)
    last_import_id: int | None = None
    updated_by: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = Field(default_factory=utcnow)


class FeedExport(SQLModel, table=True):
    """A Letzshop feed file written to the store's export folder by a job."""

    __tablename__ = "marketplace_export"
    __table_args__ = (Index("ix_marketplace_export_store_created", "store_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id")
    lang: str = Field(max_length=2)
    status: str = Field(default=JobStatus.QUEUED, max_length=12)
    file_path: str = Field(default="", max_length=500)
    rows: int = 0
    message_key: str = Field(default="", max_length=80)
    created_by: int | None = Field(default=None, foreign_key="user.id")
    rq_job_id: str = Field(default="", max_length=80)
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None


class PhotoTask(SQLModel, table=True):
    """One photo URL of one product, to be fetched after the rows of an import are in.

    `status`: pending → done | failed. A done task is the memory that this product already
    has this URL's photo: a later import of the same feed plans nothing for it.
    """

    __tablename__ = "marketplace_photo_task"
    __table_args__ = (
        Index("ix_marketplace_photo_task_import_status", "import_id", "status"),
        Index("ix_marketplace_photo_task_product_url", "store_id", "product_id", "url_hash"),
    )

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="marketplace_import.id")
    store_id: int = Field(foreign_key="store.id")
    product_id: int
    sku: str = Field(max_length=64)
    line: int = 0
    url: str = Field(max_length=2000)
    url_hash: str = Field(max_length=64)  # sha256 of the URL, for short indexes
    status: str = Field(default="pending", max_length=12)
    attempts: int = 0
    message_key: str = Field(default="", max_length=80)
    message_params: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class FetchedPhoto(SQLModel, table=True):
    """A photo URL a store's feed had, the hash of what it answered and where it is stored.

    A URL seen before is never requested again, and the same bytes at another URL reuse
    the stored files instead of being stored twice.
    """

    __tablename__ = "marketplace_fetched_photo"
    __table_args__ = (
        UniqueConstraint("store_id", "url_hash"),
        Index("ix_marketplace_fetched_photo_store_content", "store_id", "content_hash"),
    )

    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id")
    url_hash: str = Field(max_length=64)
    url: str = Field(max_length=2000)
    content_hash: str = Field(max_length=64)
    media_key: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow)


class CategoryMapping(SQLModel, table=True):
    """A feed's `google_product_category` value and the store category it means.

    Values are recorded as feeds bring them (`category_id` empty), so the merchant fills
    the table once and every later import files the products by it.
    """

    __tablename__ = "marketplace_category_mapping"
    __table_args__ = (UniqueConstraint("store_id", "feed_category"),)

    id: int | None = Field(default=None, primary_key=True)
    store_id: int = Field(foreign_key="store.id")
    feed_category: str = Field(max_length=300)
    category_id: int | None = None
    updated_at: datetime = Field(default_factory=utcnow)
