"""What a batch does besides writing products: drafts, feed categories, photos to fetch.

Called by the runner inside each batch's transaction, after the catalog has its products,
so all of it is part of the batch's checkpoint. Flushes only.
"""

from sqlmodel import Session

from modules.catalog.public import Outcome, set_categories, set_inactive
from modules.marketplace.models import FeedImport
from modules.marketplace.services.categories import map_categories
from modules.marketplace.services.feed import FeedRow
from modules.marketplace.services.photos import RowPhotos, photo_urls, plan_photos


def after_batch(session: Session, record: FeedImport, rows: list[FeedRow], outcomes: list[Outcome]) -> None:
    """`rows` are the batch's good rows and `outcomes` the catalog's answer to each."""
    accepted = [row for row, outcome in zip(rows, outcomes, strict=True) if outcome.result != "rejected"]
    categories = map_categories(
        session,
        record.store_id,
        {
            row.sku: row.extras["google_product_category"]
            for row in accepted
            if row.extras.get("google_product_category")
        },
    )
    if record.dry_run:
        return  # the feed's categories are listed for the merchant; nothing else is written
    if record.as_draft:
        created = [
            row.sku for row, outcome in zip(rows, outcomes, strict=True) if outcome.result == "created"
        ]
        set_inactive(session, record.store_id, created)
    set_categories(session, record.store_id, categories)
    plan_photos(
        session,
        record,
        [
            RowPhotos(
                row.sku,
                row.line,
                photo_urls(row.extras.get("image_link", ""), row.extras.get("additional_image_link", "")),
            )
            for row in accepted
        ],
    )
