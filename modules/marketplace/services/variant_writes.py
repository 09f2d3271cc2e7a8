"""Writing one group of feed rows into the catalog: its product, options, variants and stock.

Called by the runner for each group of a batch, before the batch's other rows. The catalog's
option and variant writers commit (each is all-or-nothing), so a group is written in a few
short transactions, each started under the store's lock again (`relock`). Every step is
idempotent: a group written twice (a worker killed mid-batch, the batch redone) ends as if
written once. What a resumed batch can get wrong is only the counts of the groups it redoes
(a variant created by the lost attempt counts as unchanged); the rows' errors and the
checkpoint stay exact, since they are committed with the batch's last transaction.

A row's variant is the product's variant with the row's combination of option values; the
row's SKU, GTIN, prices and stock are set on it, and it is active. A variant of the product
that no row of the group names any more is deactivated (never deleted) and counted.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session

from modules.catalog.public import (
    Item,
    OptionInput,
    OptionRecord,
    VariantRecord,
    generate_variants,
    options_of,
    product_ids,
    set_options,
    update_variants,
    upsert_products,
    variant_ids,
    variants_of,
)
from modules.inventory.public import bin_levels, set_quantities
from modules.marketplace.models import FeedImport
from modules.marketplace.services.feed import FeedRow
from modules.marketplace.services.photos import photo_urls
from modules.marketplace.services.row_extras import after_batch
from modules.marketplace.services.variant_groups import GROUP_COLUMN, GroupPlan, plan_group, refuse
from orion_app.errors import FieldErrors
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


def write_group(
    session: Session,
    record: FeedImport,
    group: str,
    rows: list[FeedRow],
    *,
    warehouse: str,
    sku_column: str,
    group_column: str,
    relock: Callable[[], None],
) -> GroupResult:
    """Write (or, for a dry run, only weigh) one group; refused rows get their errors."""
    store = record.store_id
    result = GroupResult()
    product_id = product_ids(session, store, [group]).get(group)
    current = options_of(session, store, product_id) if product_id else []
    plan = plan_group(group, rows, current, group_column)
    if plan.single is not None or not plan.variants:
        result.single = plan.single
        return result
    before = variants_of(session, store, [product_id]).get(product_id, []) if product_id else []
    _refuse_taken(session, store, plan, product_id, before, sku_column)
    if not plan.variants:
        return result
    relock()
    (outcome,) = upsert_products(
        session,
        store,
        record.merchant_id,
        record.platform_id,
        record.lang,
        [Item(sku=group, fields=plan.fields, texts=_texts(plan))],
        source=SOURCE,
        warehouse=warehouse,
        dry_run=record.dry_run,
        pending_created=record.created if record.dry_run else 0,
        user_id=record.created_by,
    )
    if outcome.result == "rejected":
        refuse([v.row for v in plan.variants], outcome.key, group_column, **outcome.params)
        return result
    known = {v.sku: v for v in before}
    gone = [v for v in before if v.is_active and v.sku not in plan.skus]
    if record.dry_run:
        for variant in plan.variants:
            old = known.get(variant.sku)
            changed = old is None or _changes(variant, old) or variant.quantity is not None
            result.counts["created" if old is None else "updated" if changed else "unchanged"] += 1
        result.deactivated = len(gone)
        after_batch(session, record, [_product_row(plan)], [outcome])  # the feed's categories
        return result
    product_id = product_id or product_ids(session, store, [group])[group]
    try:
        options = _write_options(session, record, product_id, plan, current, relock)
        variants = _variants_by_combination(session, store, product_id, plan, options, relock, before)
        changes = {}
        for planned in plan.variants:
            target = variants[_combination(planned.values, options)]
            if diff := _changes(planned, target):
                changes[target.id] = diff
        existing = {v.id for v in before}
        named = {variants[_combination(p.values, options)].id for p in plan.variants}
        for target in variants.values():
            if target.id not in named and target.is_active and target.sku not in plan.skus:
                changes[target.id] = {"is_active": False}
                result.deactivated += target.id in existing
        _update(session, store, product_id, plan, variants, options, changes, relock)
    except FieldErrors as problem:  # the catalog refused the group as a whole
        key = next(iter(problem.errors.values()), "marketplace.row.group_refused")
        refuse([v.row for v in plan.variants if not v.row.errors], key, group_column, group=group)
        return result
    relock()
    updated = _stock(session, store, plan, variants, options, warehouse, record)
    for planned in plan.variants:
        if planned.row.errors:
            continue
        target = variants[_combination(planned.values, options)]
        old = known.get(planned.sku)
        if old is None or outcome.result == "created":
            result.counts["created"] += 1
        elif (
            target.id in changes
            or target.id in updated
            or (
                outcome.result == "updated" and planned is plan.variants[0]  # the product's own fields
            )
        ):
            result.counts["updated"] += 1
        else:
            result.counts["unchanged"] += 1
    after_batch(session, record, [_product_row(plan)], [outcome])
    return result


def _texts(plan: GroupPlan) -> dict[str, str]:
    texts = {"title": plan.title} if plan.title else {}
    if plan.description is not None:
        texts["description"] = plan.description
    return texts


def _refuse_taken(
    session: Session,
    store: int,
    plan: GroupPlan,
    product_id: int | None,
    before: list[VariantRecord],
    sku_column: str,
) -> None:
    """A row whose SKU is another product's (its SKU or one of its variants') is refused."""
    skus = [v.sku for v in plan.variants]
    own = {v.id for v in before}
    variants = variant_ids(session, store, skus)
    products = product_ids(session, store, skus)
    kept = []
    for planned in plan.variants:
        owner = products.get(planned.sku)
        if (planned.sku in variants and variants[planned.sku] not in own) or (
            owner is not None and owner != product_id
        ):
            planned.row.errors.append(
                (sku_column, "marketplace.row.variant_sku_taken", {"sku": planned.sku, "group": plan.group})
            )
        else:
            kept.append(planned)
    plan.variants = kept


def _labels(record: OptionRecord) -> dict[str, int]:
    return {label.casefold(): value.id for value in record.values for label in value.labels.values()}


def _write_options(
    session: Session, record: FeedImport, product_id: int, plan: GroupPlan, current, relock
) -> list[OptionRecord]:
    """The product's options as the group needs them (values added, never removed)."""
    by_attribute = {o.attribute: o for o in current}
    wanted: list[OptionInput] = []
    changed = [o.attribute for o in current] != plan.options
    for index, attribute in enumerate(plan.options):
        old = by_attribute.get(attribute)
        known = _labels(old) if old else {}
        new: list[str] = []
        for planned in plan.variants:
            label = planned.values[index]
            if label.casefold() not in known and label.casefold() not in {n.casefold() for n in new}:
                new.append(label)
        changed = changed or bool(new)
        kept = old.values if old else ()
        wanted.append(
            OptionInput(
                names=dict(old.names) if old else option_names(attribute),
                values=[dict(v.labels) for v in kept] + [{record.lang: n} for n in new],
                value_ids=[v.id for v in kept] + [None] * len(new),
                attribute=attribute,
                id=old.id if old else None,
            )
        )
    if not changed:
        return current
    relock()
    return set_options(session, record.store_id, product_id, wanted)


def _combination(values: tuple[str, ...], options: list[OptionRecord]) -> tuple[int, ...]:
    return tuple(_labels(option)[value.casefold()] for option, value in zip(options, values, strict=True))


def _variants_by_combination(
    session: Session, store: int, product_id: int, plan: GroupPlan, options, relock, before
) -> dict[tuple[int, ...], VariantRecord]:
    """The product's variants by combination; the missing combinations are generated first.
    `before`: its variants before this group (none: a new product, every combination is new)."""

    def by_combination(variants: list[VariantRecord]) -> dict[tuple[int, ...], VariantRecord]:
        return {tuple(o.value_id for o in v.options): v for v in variants if v.options}

    variants = by_combination(variants_of(session, store, [product_id])[product_id]) if before else {}
    if any(_combination(p.values, options) not in variants for p in plan.variants):
        relock()
        variants = by_combination(generate_variants(session, store, product_id))
    return variants


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


def _update(session, store, product_id, plan, variants, options, changes, relock) -> None:
    """update_variants is all or nothing: a variant it refuses is taken out (its row gets the
    error) and the others are written."""
    rows = {variants[_combination(p.values, options)].id: p.row for p in plan.variants}
    for _attempt in range(3):
        if not changes:
            return
        try:
            relock()
            update_variants(session, store, product_id, changes)
            return
        except FieldErrors as problem:
            refused = {}
            for where, key in problem.errors.items():
                variant_id, _dot, name = where.partition(".")
                if not variant_id.isdigit() or int(variant_id) not in rows:
                    raise
                refused.setdefault(int(variant_id), (name, key))
            for variant_id, (name, key) in refused.items():
                rows[variant_id].errors.append((_VARIANT_COLUMNS.get(name, GROUP_COLUMN), key, {}))
                changes.pop(variant_id, None)
    raise FieldErrors({"variants": "marketplace.row.group_refused"})


def _stock(session, store, plan, variants, options, warehouse, record) -> set[int]:
    """Each row's quantity on its variant (flushed with the batch); the variant ids changed."""
    targets = {
        variants[_combination(p.values, options)].id: (p.quantity, p.row)
        for p in plan.variants
        if p.quantity is not None and not p.row.errors
    }
    if not targets:
        return set()
    current = bin_levels(session, store, list(targets), warehouse)
    wanted = {}
    for variant_id, (units, row) in targets.items():
        level = current.get(variant_id)
        if level is not None and units < level.reserved:
            row.errors.append(("quantity", "inventory.error.below_reserved", {"reserved": level.reserved}))
        elif level is None or level.quantity != units:
            wanted[variant_id] = units
    if wanted:
        product = variants[next(iter(variants))].product_id
        set_quantities(
            session,
            store,
            wanted,
            warehouse,
            products=dict.fromkeys(wanted, product),
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
