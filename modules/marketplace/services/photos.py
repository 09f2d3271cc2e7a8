"""Feed photos: `image_link` and `additional_image_link`, fetched by a job after the rows.

Each batch of an import plans one task per (product, URL) in the batch's own transaction;
when the import ends, one RQ job fetches them one by one, committing each, so the job
page counts them as they go. A URL the store has fetched before is never requested again
(its stored photo is reused), and the same bytes at a new URL are not stored twice. A URL
that fails (private address, 404, time-out after retries, not an image, too many pixels)
is recorded with its reason, leaves the product as it is and stops nothing else.
"""

import hashlib
import io
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from PIL import Image, UnidentifiedImageError
from sqlalchemy import func, insert, update
from sqlmodel import Session, select

from modules.catalog.public import (
    PHOTO_MAX_BYTES,
    PHOTO_MAX_PIXELS,
    attach_photo,
    attach_stored_photo,
    product_ids,
)
from modules.marketplace.models import FeedImport, FetchedPhoto, PhotoTask
from modules.marketplace.services.feed import _sniff_kind
from modules.marketplace.services.fetch import _megabytes, _private_allowed
from modules.marketplace.services.imports import config, queue_job
from orion_app.db import get_engine, one_of
from orion_app.errors import FieldErrors, NotFound
from orion_app.outbound import BlockedAddress, guarded_client

PENDING, FETCHING, DONE, FAILED = "pending", "fetching", "done", "failed"
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")  # what a browser shows and Pillow decodes safely
MAX_PER_PRODUCT = 11  # image_link and Google's 10 additional_image_link
JOB_TIMEOUT = 6 * 60 * 60
log = logging.getLogger(__name__)


class PhotoProblem(Exception):
    """Why one URL gave no photo; `transient` ones (time-out, 5xx) are worth another try."""

    def __init__(self, key: str, transient: bool = False, **params) -> None:
        super().__init__(key)
        self.key, self.transient, self.params = key, transient, params


@dataclass(frozen=True)
class RowPhotos:
    sku: str
    line: int
    urls: list[str]


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()


def photo_urls(image_link: str, additional: str) -> list[str]:
    """The row's photo URLs in order, each once (Google's additional links are comma-separated)."""
    urls = [image_link.strip(), *(part.strip() for part in additional.split(","))]
    return list(dict.fromkeys(url for url in urls if url))[:MAX_PER_PRODUCT]


# ---------------------------------------------------------------- planning (inside a batch)


def plan_photos(session: Session, record: FeedImport, rows: list[RowPhotos]) -> None:
    """Tasks for the batch's photo URLs its products do not have yet. Flushes only."""
    rows = [row for row in rows if row.urls]
    ids = product_ids(session, record.store_id, [row.sku for row in rows])
    if not ids:
        return
    had = set(
        session.exec(
            select(PhotoTask.product_id, PhotoTask.url_hash).where(
                PhotoTask.store_id == record.store_id,
                PhotoTask.status == DONE,
                one_of(session, PhotoTask.product_id, list(ids.values())),
            )
        ).all()
    )
    tasks = []
    for row in rows:
        product_id = ids.get(row.sku)
        for url in row.urls if product_id else ():
            if (product_id, url_hash(url)) in had:
                continue
            parts = urlsplit(url)
            bad = parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000
            tasks.append(
                {
                    "import_id": record.id,
                    "store_id": record.store_id,
                    "product_id": product_id,
                    "sku": row.sku,
                    "line": row.line,
                    "url": url[:2000],
                    "url_hash": url_hash(url),
                    "status": FAILED if bad else PENDING,
                    "attempts": 0,
                    "message_key": "marketplace.photo.bad_url" if bad else "",
                    "message_params": {},
                }
            )
    if tasks:
        session.execute(insert(PhotoTask), tasks)


def queue_photos(session: Session, record: FeedImport) -> bool:
    """Queue the photo job when the import planned photos; whether it did."""
    pending = session.exec(
        select(PhotoTask.id).where(PhotoTask.import_id == record.id, PhotoTask.status == PENDING).limit(1)
    ).first()
    if pending is None:
        return False
    where = {"record_id": record.id, "platform_id": record.platform_id}
    queue_job("fetch_photos", record.id, kind="photos", timeout=JOB_TIMEOUT, **where)
    return True


# ---------------------------------------------------------------- the job


def fetch_photos(import_id: int) -> dict[str, int]:
    """The job: every pending photo of the import, one commit each; the final counts."""
    with Session(get_engine(), expire_on_commit=False) as session:
        record = session.get(FeedImport, import_id)
        if record is None:
            return {}
        cfg = config(record.platform_id)
        _release_interrupted(session, import_id)
        client = guarded_client(
            timeout=cfg.photo_timeout_seconds, max_redirects=5, allow_private=_private_allowed()
        )
        with client:
            while task := _claim_next(session, import_id):
                outcome = (DONE, "", {})
                try:
                    _attach(session, client, record, task, cfg)
                except PhotoProblem as problem:
                    outcome = (FAILED, problem.key, problem.params)
                except Exception:  # one URL's surprise stops nothing else; the log has it
                    log.exception("feed photo %s of import %s", task.url, import_id)
                    outcome = (FAILED, "marketplace.photo.crashed", {})
                attempts = task.attempts
                if outcome[0] == FAILED:
                    session.rollback()
                task.status, task.message_key, task.message_params = outcome
                task.attempts = attempts
                session.add(task)
                session.commit()
        return photo_counts(session, import_id)


def _release_interrupted(session: Session, import_id: int) -> None:
    """Tasks a killed or crashed run of this job was fetching go back in line."""
    session.execute(
        update(PhotoTask)
        .where(PhotoTask.import_id == import_id, PhotoTask.status == FETCHING)
        .values(status=PENDING)
        .execution_options(synchronize_session=False)
    )
    session.commit()


def _claim_next(session: Session, import_id: int) -> PhotoTask | None:
    """The next pending task, taken with a conditional UPDATE so no two workers fetch it."""
    while True:
        task_id = session.exec(
            select(PhotoTask.id)
            .where(PhotoTask.import_id == import_id, PhotoTask.status == PENDING)
            .order_by(PhotoTask.id)
            .limit(1)
        ).first()
        if task_id is None:
            return None
        taken = session.execute(
            update(PhotoTask)
            .where(PhotoTask.id == task_id, PhotoTask.status == PENDING)
            .values(status=FETCHING)
            .execution_options(synchronize_session=False)
        )
        session.commit()
        if taken.rowcount == 1:
            return session.get(PhotoTask, task_id)


def _attach(session: Session, client: httpx.Client, record: FeedImport, task: PhotoTask, cfg) -> None:
    store_id = record.store_id
    if _product_has(session, task, [task.url_hash]):
        return  # another import's task (a feed imported twice in a row) brought it meanwhile
    known = session.exec(
        select(FetchedPhoto).where(FetchedPhoto.store_id == store_id, FetchedPhoto.url_hash == task.url_hash)
    ).first()
    if known is not None and _reuse(session, task, known.media_key):
        return  # fetched before: not even requested
    if known is not None:  # its photo was deleted since: fetch it again
        session.delete(known)
        session.flush()
    data = _download(client, task, cfg)
    digest = hashlib.sha256(data).hexdigest()
    same = session.exec(
        select(FetchedPhoto).where(FetchedPhoto.store_id == store_id, FetchedPhoto.content_hash == digest)
    ).all()
    if _product_has(session, task, [row.url_hash for row in same]):
        key = same[0].media_key  # the product has these very bytes from another URL already
    else:
        key = next((row.media_key for row in same if _reuse(session, task, row.media_key)), "")
    if not key:
        check_image(data)
        try:
            key = attach_photo(session, store_id, task.product_id, data)
        except FieldErrors as refused:
            raise PhotoProblem(next(iter(refused.errors.values()))) from None
        except NotFound:
            raise PhotoProblem("marketplace.photo.product_gone") from None
    session.add(
        FetchedPhoto(
            store_id=store_id, url_hash=task.url_hash, url=task.url, content_hash=digest, media_key=key
        )
    )


def _reuse(session: Session, task: PhotoTask, key: str) -> bool:
    """Give the product the stored photo `key`; False when its files are gone."""
    try:
        attach_stored_photo(session, task.store_id, task.product_id, key)
    except NotFound:  # raised before anything is written
        return False
    except FieldErrors as refused:
        raise PhotoProblem(next(iter(refused.errors.values()))) from None
    return True


def _product_has(session: Session, task: PhotoTask, url_hashes: list[str]) -> bool:
    if not url_hashes:
        return False
    return (
        session.exec(
            select(PhotoTask.id).where(
                PhotoTask.store_id == task.store_id,
                PhotoTask.product_id == task.product_id,
                PhotoTask.status == DONE,
                PhotoTask.url_hash.in_(url_hashes),
            )
        ).first()
        is not None
    )


def _download(client: httpx.Client, task: PhotoTask, cfg) -> bytes:
    """The URL's body, tried again after each pause of `photo_retry_intervals` when transient."""
    pauses = list(cfg.photo_retry_intervals)
    while True:
        task.attempts += 1
        try:
            return _get(client, task.url, cfg.photo_timeout_seconds)
        except PhotoProblem as problem:
            if not (problem.transient and pauses):
                raise
        time.sleep(pauses.pop(0))


def _get(client: httpx.Client, url: str, timeout: float) -> bytes:
    deadline = time.monotonic() + timeout
    too_large = PhotoProblem("marketplace.photo.too_large", limit_mb=_megabytes(PHOTO_MAX_BYTES))
    body = bytearray()
    try:
        with client.stream("GET", url, headers={"User-Agent": "Orion feed photos"}) as response:
            if response.status_code >= 400:
                transient = response.status_code >= 500 or response.status_code == 429
                raise PhotoProblem("marketplace.photo.http_status", transient, status=response.status_code)
            if int(response.headers.get("content-length") or 0) > PHOTO_MAX_BYTES:
                raise too_large
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > PHOTO_MAX_BYTES:
                    raise too_large
                if time.monotonic() > deadline:
                    raise PhotoProblem("marketplace.photo.timeout", True, seconds=round(timeout, 1))
    except BlockedAddress as blocked:
        raise PhotoProblem("marketplace.photo.private_address", host=blocked.host) from None
    except httpx.TimeoutException:
        raise PhotoProblem("marketplace.photo.timeout", True, seconds=round(timeout, 1)) from None
    except httpx.HTTPError:
        raise PhotoProblem("marketplace.photo.unreachable", True, host=urlsplit(url).hostname or "") from None
    return bytes(body)


def check_image(data: bytes) -> None:
    """PhotoProblem unless `data` is a JPEG, PNG, WebP or GIF of at most PHOTO_MAX_PIXELS.

    The content decides, never the URL's extension or the Content-Type: only the header is
    read here, so a small file declaring 50,000 × 50,000 pixels is refused before decoding.
    """
    Image.MAX_IMAGE_PIXELS = PHOTO_MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        raise PhotoProblem("marketplace.photo.too_many_pixels", limit=PHOTO_MAX_PIXELS // 1_000_000) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = _sniff_kind(data[:4096]) or "unrecognised file"
        raise PhotoProblem("marketplace.photo.not_an_image", kind=kind) from None
    if kind not in FORMATS:
        raise PhotoProblem("marketplace.photo.not_an_image", kind=kind or "unrecognised file")
    if width * height > PHOTO_MAX_PIXELS:
        raise PhotoProblem("marketplace.photo.too_many_pixels", limit=PHOTO_MAX_PIXELS // 1_000_000)


# ---------------------------------------------------------------- reading back


def photo_counts(session: Session, import_id: int) -> dict[str, int]:
    """How many photos the import planned: total, done, failed, waiting."""
    rows = session.exec(
        select(PhotoTask.status, func.count(PhotoTask.id))
        .where(PhotoTask.import_id == import_id)
        .group_by(PhotoTask.status)
    ).all()
    by_status = dict(rows)
    done, failed = by_status.get(DONE, 0), by_status.get(FAILED, 0)
    total = sum(by_status.values())
    return {"total": total, "done": done, "failed": failed, "waiting": total - done - failed}


def photo_failures(session: Session, store_id: int, import_id: int, limit: int = 100) -> list[PhotoTask]:
    """The import's failed photo URLs, in feed order, with why."""
    return list(
        session.exec(
            select(PhotoTask)
            .where(
                PhotoTask.store_id == store_id, PhotoTask.import_id == import_id, PhotoTask.status == FAILED
            )
            .order_by(PhotoTask.line, PhotoTask.id)
            .limit(limit)
        ).all()
    )
