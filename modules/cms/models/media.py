"""Media library and store themes (tables).

A media item belongs to a store or to a platform (exactly one: `store_id` or
`platform_id`); its files are `<key>_{sm,md,lg}.webp` under the media folder.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field

from orion_app.db import utcnow
from orion_app.tables import Row

__all__ = ["CmsMedia", "CmsMediaAlt", "CmsMediaUsage", "StoreTheme"]


class CmsMedia(Row, table=True):
    """One image of a store's or a platform's library."""

    __tablename__ = "cms_media"
    __table_args__ = (
        CheckConstraint("(store_id IS NULL) <> (platform_id IS NULL)", name="ck_cms_media_one_owner"),
        Index("ix_cms_media_store", "store_id", "id"),
        Index("ix_cms_media_platform", "platform_id", "id"),
    )

    store_id: int | None = Field(default=None, foreign_key="store.id")
    platform_id: int | None = Field(default=None, foreign_key="platform.id")
    key: str = Field(max_length=200)
    filename: str = Field(max_length=200)
    width: int = 0
    height: int = 0
    size_bytes: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class CmsMediaAlt(Row, table=True):
    """A media item's alternative text in one language."""

    __tablename__ = "cms_media_alt"
    __table_args__ = (UniqueConstraint("media_id", "lang"),)

    media_id: int = Field(foreign_key="cms_media.id", index=True)
    lang: str = Field(max_length=2)
    text: str = Field(max_length=300)


class CmsMediaUsage(Row, table=True):
    """One user of a media item, e.g. `page:12` or `theme:logo`."""

    __tablename__ = "cms_media_usage"
    __table_args__ = (UniqueConstraint("media_id", "used_by"),)

    media_id: int = Field(foreign_key="cms_media.id", index=True)
    used_by: str = Field(max_length=80, index=True)


class StoreTheme(Row, table=True):
    """A store's look on its storefront: logo, favicon, colours, font and header layout."""

    __tablename__ = "store_theme"

    store_id: int = Field(foreign_key="store.id", unique=True)
    logo_media_id: int | None = Field(default=None, foreign_key="cms_media.id")
    favicon_media_id: int | None = Field(default=None, foreign_key="cms_media.id")
    primary: str = Field(default="", max_length=7)  # "#rrggbb"; "" = the platform's default
    accent: str = Field(default="", max_length=7)
    font: str = Field(default="", max_length=40)  # a key of modules.cms.theme.FONTS; "" = system font
    header_layout: str = Field(default="left", max_length=16)  # left | centered
    updated_at: datetime = Field(default_factory=utcnow)
