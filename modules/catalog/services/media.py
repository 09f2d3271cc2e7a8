"""Product photos: checked with Pillow, stored once per size as WebP under the media folder.

Files live in the media folder (the `MEDIA_DIR` setting, which rxconfig.py makes Reflex serve),
under `catalog/<store>/<product>/<random>_{sm,md,lg}.webp`, and are served by the backend
at `/_upload/...`. The names are random, so a changed photo is a new URL.
"""

import os
import secrets
from pathlib import Path

from sqlalchemy import delete, func
from sqlmodel import Session, select

from modules.catalog.models import ProductMedia, ProductVariantMedia
from modules.catalog.services.products import get_product
from orion_app.errors import FieldErrors, NotFound
from orion_app.images import (
    MAX_BYTES,
    MAX_PIXELS,
    SIZES,
    ImageRefused,
    encode_image,
    media_root,
    remove_files,
    variant_path,
    write_files,
)
from orion_app.images import EncodedImage as EncodedPhoto
from orion_app.scoped import get_in_store, in_store, list_in_store

__all__ = ["MAX_BYTES", "MAX_PIXELS", "SIZES", "EncodedPhoto", "media_root", "remove_files", "variant_path"]

MAX_PHOTOS = 12


def encode_photo(data: bytes) -> EncodedPhoto:
    """Check `data` (size, pixels, really an image) and encode the three sizes
    (orion_app.images). CPU only, so one encoding can be stored for several products and run
    in a thread pool. Raises FieldErrors like an upload."""
    try:
        return encode_image(data)
    except ImageRefused as refused:
        raise FieldErrors({"photos": f"catalog.error.{refused.reason}"}) from None


def _next_photo(session: Session, store_id: int, product_id: int) -> tuple[str, int]:
    """A new key for the product's next photo and its position; NotFound for a product of
    another store, FieldErrors when it has MAX_PHOTOS already. Creates the folder."""
    product = get_product(session, store_id, product_id)
    count = session.exec(
        select(func.count(ProductMedia.id)).where(ProductMedia.product_id == product.id)
    ).one()
    if count >= MAX_PHOTOS:
        raise FieldErrors({"photos": "catalog.error.too_many_photos"})
    key = f"catalog/{store_id}/{product.id}/{secrets.token_hex(8)}"
    (media_root() / Path(key).parent).mkdir(parents=True, exist_ok=True)
    return key, count


def _add_row(
    session: Session, store_id: int, product_id: int, key: str, position: int, **fields
) -> ProductMedia:
    row = ProductMedia(store_id=store_id, product_id=product_id, key=key, position=position, **fields)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def store_photo(
    session: Session, store_id: int, product_id: int, photo: EncodedPhoto, alt: str = ""
) -> ProductMedia:
    """Store an encoded photo as the product's next photo. Commits."""
    key, position = _next_photo(session, store_id, product_id)
    write_files(key, photo.files)
    return _add_row(
        session, store_id, product_id, key, position, width=photo.width, height=photo.height, alt=alt[:200]
    )


def add_photo(session: Session, store_id: int, product_id: int, data: bytes, alt: str = "") -> ProductMedia:
    """Store a photo in three sizes; refuses non-images, huge files and too many photos."""
    _next_photo(session, store_id, product_id)  # refuse before the encoding work
    return store_photo(session, store_id, product_id, encode_photo(data), alt)


def copy_photo(session: Session, store_id: int, product_id: int, key: str, alt: str = "") -> ProductMedia:
    """The store's photo stored under `key`, added to another product without encoding it again.

    The three files are hard-linked (copied where the file system cannot link), so deleting
    either photo later leaves the other whole. NotFound when the files are gone. Commits.
    """
    source = session.exec(in_store(ProductMedia, store_id).where(ProductMedia.key == key)).first()
    files = {size: media_root() / variant_path(key, size) for size in SIZES}
    if source is None or not all(path.exists() for path in files.values()):
        raise NotFound()
    new_key, position = _next_photo(session, store_id, product_id)
    for size, path in files.items():
        target = media_root() / variant_path(new_key, size)
        try:
            os.link(path, target)
        except OSError:
            target.write_bytes(path.read_bytes())
    return _add_row(
        session,
        store_id,
        product_id,
        new_key,
        position,
        width=source.width,
        height=source.height,
        alt=alt[:200],
    )


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


def delete_photo(session: Session, store_id: int, media_id: int) -> None:
    row = get_in_store(session, ProductMedia, store_id, id=media_id)
    session.execute(delete(ProductVariantMedia).where(ProductVariantMedia.media_id == row.id))
    session.delete(row)
    session.commit()
    remove_files([row.key])
