"""Writing a batch's groups of feed rows into the catalog: products, options, variants, stock.

Called by the runner with every group of a batch, before the batch's other rows, in the
batch's one transaction: `upsert_products` for the groups' products, then catalog's
`upsert_variant_groups` for their options and variants, then one `set_quantities`; nothing
is committed here, so a batch redone after a kill writes and counts exactly once.

A row's variant is the product's variant with the row's combination of option values; the
row's SKU, GTIN, prices and stock are set on it, and it is active. A variant of the product
that no row of the group names any more is deactivated (never deleted) and counted.
"""

from dataclasses import dataclass, field

from sqlmodel import Session

from modules.catalog.public import (
    GroupVariant,
    Item,
    VariantGroup,
    VariantRecord,
    options_by_product,
    product_ids,
    upsert_products,
    upsert_variant_groups,
    variant_ids,
    variants_of,
)
from modules.inventory.public import bin_levels, set_quantities
from modules.marketplace.models import FeedImport
from modules.marketplace.services.feed import FeedRow
from modules.marketplace.services.photos import photo_urls
from modules.marketplace.services.row_extras import after_batch
from modules.marketplace.services.variant_groups import GROUP_COLUMN, GroupPlan, plan_group, refuse
from orion_app.i18n import LANGUAGES, translate

SOURCE = "letzshop"
# update_variants' field -> the feed's column, for a variant's error.
_VARIANT_COLUMNS = {"sku": "id", "gtin": "gtin", "price": "price", "sale_price": "sale_price"}


@dataclass
class GroupResult:
    counts: dict = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})
    deactivated: int = 0
    single: FeedRow | None = None  # the group is one plain product: the runner writes it


def option_names(attribute: str) -> dict[str, str]:
    return {lang: translate(f"marketplace.option.{attribute}", lang) for lang in LANGUAGES}


def write_groups(
    session: Session,
    record: FeedImport,
    groups: list[tuple[str, list[FeedRow]]],
    *,
    warehouse: str,
    sku_column: str,
    group_column: str,
) -> list[GroupResult]:
    """Write (or, for a dry run, only weigh) a batch's groups; refused rows get their errors.
    A few statements per batch, nothing committed (the runner commits with its checkpoint)."""
    store = record.store_id
    results = [GroupResult() for _g in groups]
    existing = product_ids(session, store, [group for group, _rows in groups])
    options = options_by_product(session, store, list(existing.values()))
    plans: list[tuple[GroupPlan, GroupResult]] = []
    for (group, rows), result in zip(groups, results, strict=True):
        plan = plan_group(group, rows, options.get(existing.get(group), []), group_column)
        if plan.single is not None or not plan.variants:
            result.single = plan.single
        else:
            plans.append((plan, result))
    before = variants_of(session, store, [existing[p.group] for p, _r in plans if p.group in existing])
    _refuse_taken(session, store, plans, existing, before, sku_column)
    plans = [(plan, result) for plan, result in plans if plan.variants]
    if not plans:
        return results
    outcomes = upsert_products(
        session,
        store,
        record.merchant_id,
        record.platform_id,
        record.lang,
        [Item(sku=plan.group, fields=plan.fields, texts=_texts(plan)) for plan, _r in plans],
        source=SOURCE,
        warehouse=warehouse,
        dry_run=record.dry_run,
        pending_created=record.created if record.dry_run else 0,
        user_id=record.created_by,
    )
    written = []
    for (plan, result), outcome in zip(plans, outcomes, strict=True):
        if outcome.result == "rejected":
            refuse([v.row for v in plan.variants], outcome.key, group_column, **outcome.params)
        else:
            written.append((plan, result, outcome))
    if record.dry_run:
        for plan, result, _outcome in written:
            known = {v.sku: v for v in before.get(existing.get(plan.group), [])}
            for variant in plan.variants:
                old = known.get(variant.sku)
                changed = old is None or _changes(variant, old) or variant.quantity is not None
                result.counts["created" if old is None else "updated" if changed else "unchanged"] += 1
            result.deactivated = sum(1 for v in known.values() if v.is_active and v.sku not in plan.skus)
    else:
        _write_variants(session, record, written, before, existing, group_column, warehouse)
    after_batch(session, record, [_product_row(p) for p, _r, _o in written], [o for _p, _r, o in written])
    return results


def _write_variants(session, record, written, before, existing, group_column, warehouse) -> None:
    store = record.store_id
    ids = product_ids(session, store, [p.group for p, _r, _o in written if p.group not in existing])
    ids |= existing
    groups = [
        VariantGroup(
            product_id=ids[plan.group],
            attributes=plan.options,
            variants=[
                GroupVariant(v.values, v.sku, v.gtin, v.price_cents, v.sale_price_cents)
                for v in plan.variants
            ],
            names={attribute: option_names(attribute) for attribute in plan.options},
            keep=plan.skus,
        )
        for plan, _r, _o in written
    ]
    catalog = upsert_variant_groups(session, store, record.lang, groups)
    stock: dict[int, tuple[int, FeedRow, int]] = {}  # variant id -> (units, row, product id)
    for (plan, result, _outcome), group, outcome in zip(written, groups, catalog, strict=True):
        if outcome.error:
            refuse(
                [v.row for v in plan.variants if not v.row.errors],
                outcome.error,
                group_column,
                group=plan.group,
            )
            continue
        result.deactivated = outcome.deactivated
        for index, (field_name, key) in outcome.problems.items():
            plan.variants[index].row.errors.append((_VARIANT_COLUMNS.get(field_name, GROUP_COLUMN), key, {}))
        for planned, variant_id in zip(plan.variants, outcome.variant_ids, strict=True):
            if variant_id is not None and planned.quantity is not None:
                stock[variant_id] = (planned.quantity, planned.row, group.product_id)
    updated = _stock(session, record, stock, warehouse)
    for (plan, result, outcome), done in zip(written, catalog, strict=True):
        if done.error:
            continue
        known = {v.sku for v in before.get(existing.get(plan.group), [])}
        for planned, variant_id in zip(plan.variants, done.variant_ids, strict=True):
            if planned.row.errors or variant_id is None:
                continue
            if planned.sku not in known or outcome.result == "created":
                result.counts["created"] += 1
            elif (
                variant_id in done.changed
                or variant_id in updated
                or (outcome.result == "updated" and planned is plan.variants[0])  # the product's own fields
            ):
                result.counts["updated"] += 1
            else:
                result.counts["unchanged"] += 1


def _texts(plan: GroupPlan) -> dict[str, str]:
    texts = {"title": plan.title} if plan.title else {}
    if plan.description is not None:
        texts["description"] = plan.description
    return texts


def _refuse_taken(session, store: int, plans, existing, before, sku_column: str) -> None:
    """A row whose SKU is another product's (its SKU or one of its variants') is refused."""
    skus = [v.sku for plan, _r in plans for v in plan.variants]
    variants = variant_ids(session, store, skus)
    products = product_ids(session, store, skus)
    batch = {plan.group for plan, _r in plans}
    for plan, _result in plans:
        product_id = existing.get(plan.group)
        own = {v.id for v in before.get(product_id, [])}
        kept = []
        for planned in plan.variants:
            owner = products.get(planned.sku)
            if (
                (planned.sku in variants and variants[planned.sku] not in own)
                or (owner is not None and owner != product_id)
                or (planned.sku in batch and planned.sku != plan.group)  # a product of this batch
            ):
                planned.row.errors.append(
                    (
                        sku_column,
                        "marketplace.row.variant_sku_taken",
                        {"sku": planned.sku, "group": plan.group},
                    )
                )
            else:
                kept.append(planned)
        plan.variants = kept


def _changes(planned, target: VariantRecord) -> dict:
    wanted = {
        "sku": planned.sku,
        "price": planned.price_cents,
        "sale_price": planned.sale_price_cents,
        "is_active": True,
    }
    if planned.gtin is not None:
        wanted["gtin"] = planned.gtin
    have = {
        "sku": target.sku,
        "gtin": target.gtin,
        "price": target.own_price_cents,
        "sale_price": target.own_sale_price_cents,
        "is_active": target.is_active,
    }
    return {name: value for name, value in wanted.items() if have[name] != value}


def _stock(session, record: FeedImport, targets: dict, warehouse: str) -> set[int]:
    """Each row's quantity on its variant, for the whole batch; the variant ids changed."""
    if not targets:
        return set()
    current = bin_levels(session, record.store_id, list(targets), warehouse)
    wanted = {}
    for variant_id, (units, row, _product) in targets.items():
        level = current.get(variant_id)
        if row.errors:
            continue
        if level is not None and units < level.reserved:
            row.errors.append(("quantity", "inventory.error.below_reserved", {"reserved": level.reserved}))
        elif level is None or level.quantity != units:
            wanted[variant_id] = units
    if wanted:
        set_quantities(
            session,
            record.store_id,
            wanted,
            warehouse,
            products={v: targets[v][2] for v in wanted},
            current=current,
            reason=SOURCE,
            user_id=record.created_by,
            kind="import",
        )
    return set(wanted)


def _product_row(plan: GroupPlan) -> FeedRow:
    """The group as one row for the batch's extras: categories, draft, photos of every row."""
    first = plan.variants[0].row
    urls: list[str] = []
    for row in plan.rows:
        for url in photo_urls(row.extras.get("image_link", ""), row.extras.get("additional_image_link", "")):
            if url not in urls:
                urls.append(url)
    extras = {
        "google_product_category": first.extras.get("google_product_category", ""),
        "image_link": urls[0] if urls else "",
        "additional_image_link": ",".join(urls[1:]),
    }
    return FeedRow(line=first.line, raw="", values={"sku": plan.group}, extras=extras)
