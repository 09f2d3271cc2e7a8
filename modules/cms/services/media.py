"""The media library: a store's or a platform's images, their alt texts and who uses them.

Uploads go through the shared image pipeline (`orion_app.images`: checked with Pillow,
EXIF orientation applied and stripped, byte and pixel limits, WebP sizes). The files are
`cms/<owner folder>/<random>_{sm,md,lg}.webp` under the media folder, served by the
backend at `/_upload/...`; the random name makes each upload its own URL.

Every read and write is re-scoped by the `Owner`: an id of another owner's image is
absent from lists and NotFound for a single item, never someone else's image.
"""

import secrets
from dataclasses import dataclass, field

from sqlalchemy import delete as sql_delete
from sqlalchemy import func
from sqlmodel import Session, select

from modules.cms.models import CmsMedia, CmsMediaAlt, CmsMediaUsage
from modules.cms.services.scope import Owner
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.images import ImageRefused, encode_image, remove_files, variant_path, write_files

SIZES = {"sm": 320, "md": 800, "lg": 1600}
MAX_ALT = 300
MAX_FILENAME = 200
UPLOAD_URL = "/_upload/"


class MediaInUse(ServiceError):
    """Deleting an image that pages (or the theme) still use: "used on 3 pages"."""

    def __init__(self, count: int):
        super().__init__("cms.media.error.in_use", count=count)
        self.count = count


@dataclass(frozen=True)
class MediaRecord:
    """One image of a library: its sizes' URLs (site-relative, `/_upload/...`), alt texts."""

    id: int
    owner: Owner
    filename: str
    width: int
    height: int
    urls: dict[str, str]
    alt: dict[str, str] = field(default_factory=dict)
    used_by: int = 0


def url(key: str, size: str) -> str:
    """The site-relative URL of one size of the image stored under `key`."""
    return UPLOAD_URL + variant_path(key, size)


def _owned(owner: Owner):
    return select(CmsMedia).where(owner.where(CmsMedia))


def _get(session: Session, owner: Owner, media_id: int) -> CmsMedia:
    row = session.exec(_owned(owner).where(CmsMedia.id == media_id)).first()
    if row is None:
        raise NotFound()
    return row


def _records(session: Session, owner: Owner, rows: list[CmsMedia]) -> list[MediaRecord]:
    ids = [row.id for row in rows]
    alts: dict[int, dict[str, str]] = {}
    counts: dict[int, int] = {}
    if ids:
        for alt in session.exec(select(CmsMediaAlt).where(CmsMediaAlt.media_id.in_(ids))):
            alts.setdefault(alt.media_id, {})[alt.lang] = alt.text
        counts = dict(
            session.exec(
                select(CmsMediaUsage.media_id, func.count(CmsMediaUsage.id))
                .where(CmsMediaUsage.media_id.in_(ids))
                .group_by(CmsMediaUsage.media_id)
            ).all()
        )
    return [
        MediaRecord(
            id=row.id,
            owner=owner,
            filename=row.filename,
            width=row.width,
            height=row.height,
            urls={size: url(row.key, size) for size in SIZES},
            alt=alts.get(row.id, {}),
            used_by=counts.get(row.id, 0),
        )
        for row in rows
    ]


def upload(session: Session, owner: Owner, filename: str, data: bytes) -> MediaRecord:
    """Check and store an image in the owner's library. FieldErrors `file` when it is too
    large or no image (nothing stored then). Commits."""
    try:
        encoded = encode_image(data, SIZES, keep_alpha=True)
    except ImageRefused as refused:
        raise FieldErrors({"file": f"cms.media.error.{refused.reason}"}) from None
    key = f"cms/{owner.folder}/{secrets.token_hex(8)}"
    write_files(key, encoded.files)
    row = CmsMedia(
        store_id=owner.store_id,
        platform_id=owner.platform_id,
        key=key,
        filename=(filename or "image").rsplit("/", 1)[-1][:MAX_FILENAME],
        width=encoded.width,
        height=encoded.height,
        size_bytes=len(data),
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return _records(session, owner, [row])[0]


def media_of(session: Session, owner: Owner, ids: list[int] | None = None) -> list[MediaRecord]:
    """The owner's images, newest first; with `ids`, only those of them (others are absent)."""
    query = _owned(owner)
    if ids is not None:
        if not ids:
            return []
        query = query.where(CmsMedia.id.in_([int(i) for i in ids]))
    rows = list(session.exec(query.order_by(CmsMedia.id.desc())).all())
    return _records(session, owner, rows)


def set_alt(session: Session, owner: Owner, media_id: int, lang: str, text: str) -> None:
    """Set (or, with blank text, clear) the image's alt text in `lang`. Commits."""
    row = _get(session, owner, media_id)
    text = " ".join((text or "").split())
    if len(text) > MAX_ALT:
        raise FieldErrors({f"alt_{lang}": "cms.media.error.alt_too_long"}, {f"alt_{lang}": {"max": MAX_ALT}})
    existing = session.exec(
        select(CmsMediaAlt).where(CmsMediaAlt.media_id == row.id, CmsMediaAlt.lang == lang)
    ).first()
    if not text:
        if existing is not None:
            session.delete(existing)
    elif existing is None:
        session.add(CmsMediaAlt(media_id=row.id, lang=lang, text=text))
    else:
        existing.text = text
        session.add(existing)
    session.commit()


def missing_alt(session: Session, owner: Owner, ids, languages) -> dict[int, list[str]]:
    """For each of the owner's images among `ids`, the `languages` it has no alt text in
    (images without a gap are left out; ids of other owners are not the owner's images and
    are reported as lacking every language, so nothing unknown gets published)."""
    wanted = [int(i) for i in ids]
    if not wanted:
        return {}
    have: dict[int, set[str]] = {}
    found = {row.id for row in session.exec(_owned(owner).where(CmsMedia.id.in_(wanted)))}
    for alt in session.exec(select(CmsMediaAlt).where(CmsMediaAlt.media_id.in_(found or [0]))):
        have.setdefault(alt.media_id, set()).add(alt.lang)
    gaps = {}
    for media_id in dict.fromkeys(wanted):
        lacking = [
            lang for lang in languages if media_id not in found or lang not in have.get(media_id, set())
        ]
        if lacking:
            gaps[media_id] = lacking
    return gaps


def record_usage(session: Session, owner: Owner, media_ids: set[int], used_by: str) -> None:
    """`used_by` (e.g. "page:12") now uses exactly `media_ids` of the owner's images (ids of
    other owners are ignored). Replaces what it used before. Commits."""
    owned = {row.id for row in session.exec(_owned(owner))} if media_ids else set()
    keep = {int(i) for i in media_ids} & owned
    mine = select(CmsMedia.id).where(owner.where(CmsMedia))
    session.execute(
        sql_delete(CmsMediaUsage).where(CmsMediaUsage.used_by == used_by, CmsMediaUsage.media_id.in_(mine))
    )
    for media_id in sorted(keep):
        session.add(CmsMediaUsage(media_id=media_id, used_by=used_by))
    session.commit()


def usage(session: Session, owner: Owner, media_id: int) -> list[str]:
    """Who uses the image (e.g. ["page:3", "theme:logo"]); NotFound for another owner's."""
    row = _get(session, owner, media_id)
    return list(
        session.exec(
            select(CmsMediaUsage.used_by)
            .where(CmsMediaUsage.media_id == row.id)
            .order_by(CmsMediaUsage.used_by)
        ).all()
    )


def delete(session: Session, owner: Owner, media_id: int) -> None:
    """Delete the image and its files; MediaInUse while anything uses it. Commits."""
    row = _get(session, owner, media_id)
    count = session.exec(select(func.count(CmsMediaUsage.id)).where(CmsMediaUsage.media_id == row.id)).one()
    if count:
        raise MediaInUse(count)
    session.execute(sql_delete(CmsMediaAlt).where(CmsMediaAlt.media_id == row.id))
    session.delete(row)
    session.commit()
    remove_files([row.key], SIZES)
