"""Content pages, their texts per language and revisions (tables).

A page belongs to a platform (its own site's pages, and the defaults it gives every store)
or to a store (its pages and its overrides of defaults), never both. `key` ties a store's
override to the default it replaces ("terms", "privacy", ...). A slug is unique within its
`space` and language: one store's pages, one platform's site, or one platform's defaults.
"""

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Column, Index, UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row

__all__ = ["CmsPage", "CmsPageRevision", "CmsPageText"]


class CmsPage(Row, table=True):
    """A page on one of three levels: platform_page, store_default, store_page."""

    __tablename__ = "cms_page"
    __table_args__ = (
        CheckConstraint("(store_id IS NULL) <> (platform_id IS NULL)", name="ck_cms_page_one_owner"),
        Index("ix_cms_page_store", "store_id", "key"),
        Index("ix_cms_page_platform", "platform_id", "level", "key"),
    )

    store_id: int | None = Field(default=None, foreign_key="store.id")
    platform_id: int | None = Field(default=None, foreign_key="platform.id")
    level: str = Field(max_length=20)  # platform_page | store_default | store_page
    key: str = Field(default="", max_length=40)  # "" or what a store page overrides ("terms")
    placement: str = Field(default="none", max_length=10)  # header | footer | none
    position: int = 0  # order within its menu
    status: str = Field(default="draft", max_length=10)  # draft | published | scheduled
    publish_at: datetime | None = None  # when a scheduled page appears (UTC)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CmsPageText(Row, table=True):
    """A page in one language: slug, title, meta description and its body as blocks."""

    __tablename__ = "cms_page_text"
    __table_args__ = (
        UniqueConstraint("page_id", "lang", name="uq_cms_page_text_lang"),
        UniqueConstraint("space", "lang", "slug", name="uq_cms_page_text_slug"),
    )

    page_id: int = Field(foreign_key="cms_page.id", index=True)
    # "store:<id>", "platform:<id>" or "defaults:<id>": where the slug must be unique.
    space: str = Field(max_length=40)
    lang: str = Field(max_length=2)
    slug: str = Field(max_length=80)
    title: str = Field(max_length=160)
    description: str = Field(default="", max_length=300)
    blocks: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class CmsPageRevision(Row, table=True):
    """A saved state of a page (settings and every language), restorable as it was."""

    __tablename__ = "cms_page_revision"
    __table_args__ = (Index("ix_cms_page_revision_page", "page_id", "id"),)

    page_id: int = Field(foreign_key="cms_page.id")
    snapshot: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    author_user_id: int | None = Field(default=None, foreign_key="user.id")
    author_name: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utcnow)
