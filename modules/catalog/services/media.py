"""Product photos: checked with Pillow, stored once per size as WebP under the media folder.

Files live in the media folder (the `MEDIA_DIR` setting, which rxconfig.py makes Reflex serve),
under `catalog/<store>/<product>/<random>_{sm,md,lg}.webp`, and are served by the backend
at `/_upload/...`. The names are random, so a changed photo is a new URL.
"""

import io
import secrets
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import func
from sqlmodel import Session, select

from modules.catalog.models import ProductMedia
from modules.catalog.services.products import get_product
from orion_app.errors import FieldErrors
from orion_app.scoped import get_in_store, in_store, list_in_store
from orion_app.settings import get_settings

SIZES = {"sm": 320, "md": 800, "lg": 1600}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PHOTOS = 12


def media_root() -> Path:
    """The media folder (`MEDIA_DIR`), created when missing."""
    root = get_settings().media_path
    root.mkdir(parents=True, exist_ok=True)
    return root


def variant_path(key: str, size: str) -> str:
    """The path of one size of a photo, relative to the media folder (used in URLs)."""
    return f"{key}_{size}.webp"


def _open(data: bytes) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise FieldErrors({"photos": "catalog.error.image_too_large"})
    try:
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        image = Image.open(io.BytesIO(data))
        image.verify()  # detects truncated and non-image files
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise FieldErrors({"photos": "catalog.error.not_an_image"}) from None
    return ImageOps.exif_transpose(image).convert("RGB")


def add_photo(session: Session, store_id: int, product_id: int, data: bytes, alt: str = "") -> ProductMedia:
    """Store a photo in three sizes; refuses non-images, huge files and too many photos."""
    product = get_product(session, store_id, product_id)
    count = session.exec(
        select(func.count(ProductMedia.id)).where(ProductMedia.product_id == product.id)
    ).one()
    if count >= MAX_PHOTOS:
        raise FieldErrors({"photos": "catalog.error.too_many_photos"})
    image = _open(data)
    key = f"catalog/{store_id}/{product.id}/{secrets.token_hex(8)}"
    folder = media_root() / Path(key).parent
    folder.mkdir(parents=True, exist_ok=True)
    for size, edge in SIZES.items():
        copy = image.copy()
        copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
        copy.save(media_root() / variant_path(key, size), "WEBP", quality=82, method=4)
    row = ProductMedia(
        store_id=store_id,
        product_id=product.id,
        key=key,
        position=count,
        width=image.width,
        height=image.height,
        alt=alt[:200],
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def first_photos(session: Session, store_id: int, product_ids: list[int]) -> dict[int, ProductMedia]:
    """Each product's first photo, in one query."""
    if not product_ids:
        return {}
    rows = session.exec(
        in_store(ProductMedia, store_id)
        .where(ProductMedia.product_id.in_(product_ids))
        .order_by(ProductMedia.product_id, ProductMedia.position, ProductMedia.id)
    ).all()
    first: dict[int, ProductMedia] = {}
    for row in rows:
        first.setdefault(row.product_id, row)
    return first


def photos(session: Session, store_id: int, product_id: int) -> list[ProductMedia]:
    return list_in_store(
        session, ProductMedia, store_id, ProductMedia.position, ProductMedia.id, product_id=product_id
    )


def remove_files(keys: list[str]) -> None:
    for key in keys:
        for size in SIZES:
            (media_root() / variant_path(key, size)).unlink(missing_ok=True)


def delete_photo(session: Session, store_id: int, media_id: int) -> None:
    row = get_in_store(session, ProductMedia, store_id, id=media_id)
    session.delete(row)
    session.commit()
    remove_files([row.key])
