"""In-app notifications: one row per reader, written when a module raises a kind."""

from datetime import datetime

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row


class Notification(Row, table=True):
    """What one staff user is told. Title and body are not stored: the kind's translation
    keys and `params` are rendered in the reader's language when read."""

    __tablename__ = "notification"
    __table_args__ = (
        # "A user's unread ones" in one store (the store bell) or in all (the admin bell).
        Index("ix_notification_user_store_unread", "user_id", "store_id", "read_at"),
        Index("ix_notification_user_unread", "user_id", "read_at"),
    )

    user_id: int = Field(foreign_key="user.id")
    store_id: int | None = Field(default=None, foreign_key="store.id")  # None: not about one store
    platform_id: int | None = Field(default=None, foreign_key="platform.id")
    kind: str = Field(max_length=80)
    params: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    link: str = Field(default="", max_length=500)  # a path on this site, or ""
    created_at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = None
