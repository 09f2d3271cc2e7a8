"""Many products at once, keyed on (store, SKU): what feed imports call.

One call handles one batch in a fixed number of statements, whatever its size: read the
batch's existing products, their texts and stock, then write only what differs. A batch
whose values are all already there writes nothing at all. Nothing is committed here:
the caller commits the batch together with its own bookkeeping (an import's checkpoint).
"""

from dataclasses import dataclass, field

from sqlalchemy import insert, update
from sqlmodel import Session, select

from modules.catalog.models import Product, ProductTranslation, ProductVariant, utcnow
from modules.catalog.services.products import count_products, search_text, translations, variant_terms
from modules.catalog.services.rules import product_rules
from modules.catalog.services.values import slugify
from modules.catalog.services.variants import default_variants
from modules.contracts.public import feature_limit
from modules.inventory.public import bin_levels, set_quantities
from orion_app.db import one_of

# The product fields a source may set; a field the source does not carry is left alone.
FIELDS = ("price_cents", "sale_price_cents", "brand", "gtin", "gtin_type", "mpn", "condition", "availability")
TEXTS = ("title", "description")


@dataclass
class Item:
    sku: str
    fields: dict = field(default_factory=dict)  # some of FIELDS
    texts: dict = field(default_factory=dict)  # some of TEXTS, in the call's language
    quantity: int | None = None  # units of its default variant in the call's warehouse, when the source says


@dataclass(frozen=True)
class Outcome:
    result: str  # created | updated | unchanged | rejected
    about: str = ""  # the field a rejection is about
    key: str = ""  # its message key
    params: dict = field(default_factory=dict)


CREATED, UPDATED, UNCHANGED = Outcome("created"), Outcome("updated"), Outcome("unchanged")
SALE_ABOVE_PRICE = Outcome("rejected", "sale_price_cents", "catalog.error.sale_above_price")
SKU_TAKEN = Outcome("rejected", "sku", "catalog.error.sku_taken")
HAS_VARIANTS = Outcome("rejected", "quantity", "catalog.error.stock_per_variant")


def upsert_products(
    session: Session,
    store_id: int,
    merchant_id: int,
    platform_id: int,
    lang: str,
    items: list[Item],
    *,
    source: str,
    warehouse: str,
    dry_run: bool = False,
    pending_created: int = 0,
    user_id: int | None = None,
) -> list[Outcome]:
    """Create or update each item's product and its default variant; one Outcome per item, in order.

    A new product gets its default variant (the product's SKU and GTIN, inherited prices);
    an updated GTIN follows onto it. `Item.quantity` is the default variant's stock: a
    product with options has none, and such an item is rejected. A new SKU that is a
    variant SKU of another product is rejected too.

    SKUs must be unique within `items`. New products count against the plan's
    `products_limit` (`pending_created`: products a dry run has already counted as new).
    """
    skus = [item.sku for item in items]
    if len(set(skus)) != len(skus):
        raise ValueError("upsert_products needs unique SKUs within a batch")
    existing = {
        p.sku: p
        for p in session.exec(
            select(Product).where(Product.store_id == store_id, one_of(session, Product.sku, skus))
        )
    }
    ids = [p.id for p in existing.values()]
    texts = translations(session, ids)
    defaults = default_variants(session, store_id, ids)
    terms = variant_terms(session, ids)
    taken = (
        {
            sku
            for sku in session.exec(
                select(ProductVariant.sku).where(
                    ProductVariant.store_id == store_id,
                    one_of(session, ProductVariant.sku, [s for s in skus if s not in existing]),
                )
            )
        }
        if len(existing) < len(skus)
        else set()
    )
    stock = (
        bin_levels(session, store_id, list(defaults.values()), warehouse)
        if any(i.quantity is not None for i in items)
        else {}
    )
    limit = feature_limit(merchant_id, platform_id, "products_limit")
    room = None if limit is None else limit - count_products(session, store_id) - pending_created
    now = utcnow()
    outcomes: list[Outcome] = []
    new_rows: list[tuple[Item, dict]] = []
    product_updates: list[dict] = []
    text_updates: list[dict] = []
    text_inserts: list[dict] = []
    quantities: dict[int, int] = {}  # variant id -> units
    products: dict[int, int] = {}  # variant id -> product id
    variant_updates: list[dict] = []

    for item in items:
        product = existing.get(item.sku)
        if product is None and item.sku in taken:
            outcomes.append(SKU_TAKEN)
            continue
        if product is None:
            outcome, row = _new(item, lang, room, limit)
            outcomes.append(outcome)
            if row is not None:
                if room is not None:
                    room -= 1
                row.update(store_id=store_id, source=source, created_at=now, updated_at=now)
                new_rows.append((item, row))
            continue
        merged = {name: item.fields.get(name, getattr(product, name)) for name in FIELDS}
        if product_rules().sale_above_price(merged["price_cents"], merged["sale_price_cents"]):
            outcomes.append(SALE_ABOVE_PRICE)
            continue
        current_text = texts[product.id].get(lang)
        if current_text is None and not item.texts.get("title") and item.texts:
            outcomes.append(Outcome("rejected", "title", "catalog.error.title_required"))
            continue
        variant_id = defaults.get(product.id)
        if item.quantity is not None and variant_id is None:
            outcomes.append(HAS_VARIANTS)
            continue
        level = stock.get(variant_id)
        if item.quantity is not None and level is not None and item.quantity < level.reserved:
            outcomes.append(
                Outcome(
                    "rejected", "quantity", "inventory.error.below_reserved", {"reserved": level.reserved}
                )
            )
            continue
        changes = {name: value for name, value in merged.items() if getattr(product, name) != value}
        text_changes = {
            name: value
            for name, value in item.texts.items()
            if current_text is None or getattr(current_text, name) != value
        }
        stock_changes = item.quantity is not None and (level.quantity if level else 0) != item.quantity
        if level is None and item.quantity is not None:
            stock_changes = True  # a bin the feed names is created even at zero
        if not (changes or text_changes or stock_changes):
            outcomes.append(UNCHANGED)
            continue
        outcomes.append(UPDATED)
        if stock_changes:
            quantities[variant_id] = item.quantity
            products[variant_id] = product.id
        if "gtin" in changes and variant_id is not None:
            variant_updates.append({"id": variant_id, "gtin": changes["gtin"]})
        if changes or text_changes:
            titles = {code: {"title": t.title} for code, t in texts[product.id].items()}
            if "title" in item.texts:
                titles[lang] = {"title": item.texts["title"]}
            product_updates.append(
                {
                    "id": product.id,
                    **changes,
                    "source": source,
                    "updated_at": now,
                    "search_text": search_text({**merged, "sku": product.sku}, titles, terms[product.id]),
                }
            )
        if text_changes and current_text is not None:
            text_updates.append({"id": current_text.id, **text_changes})
        elif text_changes:
            text_inserts.append({"product_id": product.id, "lang": lang, **_text_row(item)})

    if dry_run:
        return outcomes
    if new_rows:
        _assign_slugs(
            session, store_id, [row for _i, row in new_rows], [i.texts["title"] for i, _r in new_rows]
        )
        created_ids = (
            session.execute(
                insert(Product)
                .returning(Product.id, sort_by_parameter_order=True)
                .execution_options(render_nulls=True),  # one column set: batched, not row by row
                [row for _i, row in new_rows],
            )
            .scalars()
            .all()
        )
        variant_ids = (
            session.execute(
                insert(ProductVariant)
                .returning(ProductVariant.id, sort_by_parameter_order=True)
                .execution_options(render_nulls=True),
                [
                    _default_variant(row, product_id)
                    for (_i, row), product_id in zip(new_rows, created_ids, strict=True)
                ],
            )
            .scalars()
            .all()
        )
        for (item, _row), product_id, variant_id in zip(new_rows, created_ids, variant_ids, strict=True):
            text_inserts.append({"product_id": product_id, "lang": lang, **_text_row(item)})
            if item.quantity is not None:
                quantities[variant_id] = item.quantity
                products[variant_id] = product_id
    if product_updates:
        session.execute(update(Product), product_updates)
    if variant_updates:
        session.execute(update(ProductVariant), variant_updates)
    if text_updates:
        session.execute(update(ProductTranslation), text_updates)
    if text_inserts:
        session.execute(insert(ProductTranslation).execution_options(render_nulls=True), text_inserts)
    if quantities:
        set_quantities(
            session,
            store_id,
            quantities,
            warehouse,
            products=products,
            current=stock,
            reason=source,
            user_id=user_id,
            kind="import",
        )
    return outcomes


def _default_variant(row: dict, product_id: int) -> dict:
    return {
        "store_id": row["store_id"],
        "product_id": product_id,
        "combination": "",
        "sku": row["sku"],
        "gtin": row.get("gtin") or "",
        "price_cents": None,
        "sale_price_cents": None,
        "weight_grams": None,
        "is_active": True,
        "position": 0,
    }


def _text_row(item: Item) -> dict:
    return {
        "title": item.texts.get("title", ""),
        "description": item.texts.get("description", ""),
        "meta_title": "",
        "meta_description": "",
    }


def _new(item: Item, lang: str, room: int | None, limit: int | None) -> tuple[Outcome, dict | None]:
    """The row for a new product, or why it cannot be created."""
    if "price_cents" not in item.fields:
        return Outcome("rejected", "price_cents", "catalog.error.price_required"), None
    if not item.texts.get("title"):
        return Outcome("rejected", "title", "catalog.error.title_needed"), None
    if product_rules().sale_above_price(item.fields["price_cents"], item.fields.get("sale_price_cents")):
        return SALE_ABOVE_PRICE, None
    if room is not None and room <= 0:
        return Outcome("rejected", "sku", "contracts.limit_reached", {"limit": limit}), None
    values = Product(sku=item.sku, slug="", price_cents=item.fields["price_cents"]).model_dump(exclude={"id"})
    values.update(item.fields)
    values["search_text"] = search_text(values, {lang: {"title": item.texts["title"]}})
    return CREATED, values


def _assign_slugs(session: Session, store_id: int, rows: list[dict], titles: list[str]) -> None:
    """Unique slugs for new products: from the title, then title + SKU, then a counter."""

    def taken(candidates: set[str]) -> set[str]:
        if not candidates:
            return set()
        return set(
            session.exec(
                select(Product.slug).where(
                    Product.store_id == store_id, one_of(session, Product.slug, candidates)
                )
            )
        )

    wanted = [slugify(title) for title in titles]
    used = taken(set(wanted))
    chosen: set[str] = set()
    retry: list[int] = []
    for index, slug in enumerate(wanted):
        if slug in used or slug in chosen:
            retry.append(index)
        else:
            rows[index]["slug"] = slug
            chosen.add(slug)
    if not retry:
        return
    second = {i: f"{wanted[i][:100]}-{slugify(rows[i]['sku'])}"[:140] for i in retry}
    used = taken(set(second.values()))
    for index, slug in second.items():
        candidate, n = slug, 1
        while candidate in used or candidate in chosen:
            n += 1
            candidate = f"{slug[:130]}-{n}"
            used |= taken({candidate})
        rows[index]["slug"] = candidate
        chosen.add(candidate)
