"""Letzshop feed export: one tab-separated file per language, downloaded or written by a job.

The file is what `feed.py` reads back: Google Shopping columns, one active product per row
(one active variant per row, with `item_group_id` and its attributes, for a product with options),
read from the database in chunks of products (keyset on id), so memory stays flat however
large the catalog.

Cells are written by `csv` with tab as delimiter: a cell holding a tab, a line break or a
quote is quoted, inner quotes doubled (Google's "quoted fields"; `feed.py` reads them
back exactly), and lines end with CRLF so a lone CR inside a cell is quoted too. A cell a
spreadsheet would run as a formula (starting with = + - @ tab or CR) gets a leading `'`,
which the importer removes again. (A text that itself starts with `'` and one of those
characters therefore comes back from an import without its `'`.)
"""

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from rq import get_current_job
from sqlalchemy import update
from sqlmodel import Session

from modules.catalog.public import (
    ListedProduct,
    ProductText,
    VariantRecord,
    active_products,
    language_order,
    variants_of,
)
from modules.inventory.public import available_by_variant
from modules.marketplace.models import FeedExport, JobStatus
from modules.marketplace.services.imports import ImportScope, end_stale_runs, files_dir, queue_record_job
from modules.marketplace.services.variant_groups import ATTRIBUTES
from modules.tenancy.public import store_by_id, storefront_url
from orion_app.db import get_engine, utcnow
from orion_app.errors import FieldErrors
from orion_app.scoped import list_in_store
from orion_app.spreadsheet import format_rows

EXPORT_LANGUAGES = ("en", "fr", "de")
COLUMNS = (
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "additional_image_link",
    "availability",
    "price",
    "sale_price",
    "brand",
    "gtin",
    "mpn",
    "condition",
    "google_product_category",
    "item_group_id",
    *ATTRIBUTES,
)
# Orion's availability -> the words Google Shopping (and so Letzshop) expects.
AVAILABILITY_WORDS = {
    "in_stock": "in stock",
    "out_of_stock": "out of stock",
    "preorder": "preorder",
    "backorder": "backorder",
}
MAX_ADDITIONAL_IMAGES = 10  # Google reads at most ten additional photos
CHUNK = 1000  # products read per query
JOB_TIMEOUT = 60 * 60  # seconds
EXPORT_DOWNLOAD = "/api/marketplace/stores/{store}/export/{lang}"
ERRORS_DOWNLOAD = "/api/marketplace/stores/{store}/imports/{import_id}/errors"


def download_path(store_code: str, lang: str) -> str:
    """Where the dashboard downloads the store's feed in `lang` (served by `api.py`)."""
    return EXPORT_DOWNLOAD.format(store=store_code, lang=lang)


def errors_download_path(store_code: str, import_id: int) -> str:
    """Where the dashboard downloads an import's row errors as a CSV file."""
    return ERRORS_DOWNLOAD.format(store=store_code, import_id=import_id)


# ---------------------------------------------------------------- cells


def _price(cents: int | None, currency: str) -> str:
    return "" if cents is None else f"{cents // 100}.{cents % 100:02d} {currency}"


def _cells(product: ListedProduct, text: ProductText, link: str, images: list[str]) -> tuple:
    """One product's row, in the order of COLUMNS."""
    return (
        product.sku,
        text.title,
        text.description,
        link,
        images[0] if images else "",
        ",".join(images[1 : 1 + MAX_ADDITIONAL_IMAGES]),
        AVAILABILITY_WORDS[product.availability],
        _price(product.price_cents, product.currency),
        _price(product.sale_price_cents, product.currency),
        product.brand,
        product.gtin,
        product.mpn,
        product.condition,
        "",  # google_product_category: Orion's categories are the store's own
        "",  # item_group_id: a product without options is no group
        *("" for _attribute in ATTRIBUTES),
    )


def _variant_cells(
    product: ListedProduct,
    variant: VariantRecord,
    text: ProductText,
    link: str,
    images: list[str],
    availability: str,
    langs: tuple[str, ...],
) -> tuple:
    """One variant's row: its SKU, GTIN, prices, availability, link and photo, the product's
    other columns, `item_group_id` the product's SKU and its option values by attribute."""
    values = {
        option.attribute: next((option.labels[lang] for lang in langs if lang in option.labels), "")
        or next(iter(option.labels.values()), "")
        for option in variant.options
        if option.attribute
    }
    return (
        variant.sku,
        text.title,
        text.description,
        f"{link}?{urlencode({'variant': variant.sku})}",
        images[0] if images else "",
        ",".join(images[1 : 1 + MAX_ADDITIONAL_IMAGES]),
        AVAILABILITY_WORDS[availability],
        _price(variant.price_cents, product.currency),
        _price(variant.sale_price_cents, product.currency),
        product.brand,
        variant.gtin,
        product.mpn,
        product.condition,
        "",
        product.sku,
        *(values.get(attribute, "") for attribute in ATTRIBUTES),
    )


def _variant_images(product: ListedProduct, variant: VariantRecord, media: str) -> list[str]:
    """The variant's own photos first (the first is its image_link), then the product's others."""
    own = [path for key in variant.photos for path in product.photos if path.startswith(f"{key}_")]
    return [f"{media}{path}" for path in own + [p for p in product.photos if p not in own]]


def _rows(session: Session, store_id: int, products: list[ListedProduct], langs, base_url: str, media: str):
    """The chunk's rows: one per active variant of a product with options, else one per product."""
    variants = variants_of(session, store_id, [p.id for p in products])
    with_options = [v.id for vs in variants.values() for v in vs if v.options and v.is_active]
    stock = available_by_variant(session, store_id, with_options)
    rows = []
    for product in products:
        text = product.text(langs)
        if text is None:
            continue
        link = f"{base_url}products/{product.slug}"
        grouped = [v for v in variants.get(product.id, []) if v.options]
        chosen = [v for v in grouped if v.is_active]
        if grouped and not chosen:
            continue  # every variant switched off: nothing to sell
        if not chosen:
            rows.append(_cells(product, text, link, [f"{media}{path}" for path in product.photos]))
            continue
        for variant in chosen:
            availability = product.availability
            if availability not in ("preorder", "backorder") and sum(stock.get(v.id, 0) for v in chosen):
                availability = "in_stock" if stock.get(variant.id, 0) > 0 else "out_of_stock"
            images = _variant_images(product, variant, media)
            rows.append(_variant_cells(product, variant, text, link, images, availability, langs))
    return rows


# ---------------------------------------------------------------- the feed


def _media_root(base_url: str) -> str:
    """Photos are served by the same deployment as the storefront, at `/_upload/`."""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}/_upload/" if parts.netloc else "/_upload/"


def iter_feed(
    session: Session, store_id: int, lang: str, base_url: str, *, chunk: int = CHUNK
) -> Iterator[str]:
    """The header line, then one line per active product (one per active variant of a product
    with options: see `_rows`), read `chunk` products at a time.

    Texts are in `lang`, else the store's default language, its other languages, any
    other; a product without any text is left out (Letzshop refuses a row without title, and
    Orion's forms and imports never create one). Availability is the one the storefront
    shows: stock decides for physical goods. The session is only read; its transaction
    is ended after every chunk, so a slow download holds no database connection.
    """
    langs = language_order(lang, store_by_id(session, store_id, active_only=False))
    media = _media_root(base_url)
    yield from format_rows([COLUMNS])
    last_id = 0
    while True:
        products = active_products(session, store_id, after_id=last_id, limit=chunk, photo_size="lg")
        if not products:
            return
        rows = _rows(session, store_id, products, langs, base_url, media)
        last_id = products[-1].id
        session.rollback()  # read-only: end the transaction before the lines are consumed
        yield from format_rows(rows)


# ---------------------------------------------------------------- the export job


def export_file(platform_id: int, store_id: int, store_code: str, lang: str) -> Path:
    return files_dir(platform_id) / str(store_id) / "exports" / f"letzshop-{store_code}-{lang}.tsv"


def start_export(session: Session, store: ImportScope, lang: str, user_id: int | None) -> FeedExport:
    """Record an export of the store's feed in `lang` and queue it on `long_running`."""
    if lang not in EXPORT_LANGUAGES:
        raise FieldErrors({"lang": "marketplace.error.lang"})
    record = FeedExport(store_id=store.id, lang=lang, created_by=user_id)
    session.add(record)
    session.commit()
    session.refresh(record)
    queue_record_job(
        session,
        record,
        "write_export",
        record.id,
        store.platform_id,
        kind="export",
        platform_id=store.platform_id,
        timeout=JOB_TIMEOUT,
    )
    return record


def write_export(export_id: int, platform_id: int) -> str:
    """The job: write the feed to the store's export folder, replacing the previous file at once."""
    with Session(get_engine(), expire_on_commit=False) as session:
        claimed = session.execute(
            update(FeedExport)
            .where(FeedExport.id == export_id, FeedExport.status == JobStatus.QUEUED)
            .values(status=JobStatus.RUNNING, message_key="")
            .execution_options(synchronize_session=False)
        )
        session.commit()
        if claimed.rowcount != 1:
            return "skipped"
        record = session.get(FeedExport, export_id)
        store = store_by_id(session, record.store_id, active_only=False)
        target = export_file(platform_id, store.id, store.code, record.lang)
        try:
            with Session(get_engine()) as reader:
                base = storefront_url(reader, store.id, platform_id)
                written = _write_atomically(target, iter_feed(reader, store.id, record.lang, base))
        except Exception as crash:
            rq_job = get_current_job()
            retrying = bool(rq_job and rq_job.retries_left)
            record.status = JobStatus.QUEUED if retrying else JobStatus.FAILED
            if retrying:
                record.message_key = "marketplace.export.retrying"
            elif isinstance(crash, OSError):
                record.message_key = "marketplace.export.unwritable"
            else:
                record.message_key = "marketplace.export.failed"
            record.finished_at = None if retrying else utcnow()
            session.add(record)
            session.commit()
            raise
        record.status = JobStatus.SUCCEEDED
        record.rows = written - 1  # the header is not a product
        record.file_path = str(target)
        record.finished_at = utcnow()
        session.add(record)
        session.commit()
        return record.status


def _write_atomically(target: Path, lines: Iterable[str]) -> int:
    """Write to a temporary file beside `target`, then rename it over `target`; rows written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            for line in lines:
                out.write(line)
                count += 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def list_exports(session: Session, store_id: int, limit: int = 10) -> list[FeedExport]:
    """The store's latest exports, newest first."""
    return list_in_store(
        session, FeedExport, store_id, FeedExport.created_at.desc(), FeedExport.id.desc(), limit=limit
    )


def reap_abandoned_exports(session: Session) -> int:
    """Exports still "running" past the job's time limit lost their worker: mark them failed."""
    return end_stale_runs(
        session, FeedExport.created_at, JOB_TIMEOUT, JobStatus.FAILED, "marketplace.export.failed"
    )
