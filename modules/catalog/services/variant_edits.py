"""Writing options and variants: `set_options`, `generate_variants`, `update_variants`.

Each validates everything first and raises `FieldErrors` (field -> message key) with
nothing written; else it writes, refreshes the product's search text (variant SKUs and
GTINs are searchable) and commits. Rules:

- at most 3 options, each with a name in at least one language and at least one value;
  value labels unique within an option per language; names and labels at most 60 chars;
- an option or value that a variant uses cannot be removed (deactivate or re-point the
  variants first); a new option on a product that has variants gives them its first value;
- `generate_variants` creates the missing combinations (at most 100 variants); the first
  combination takes over the default variant (its id, SKU and stock stay);
- a variant SKU is unique in the store across all variants and product SKUs.
"""

import itertools
from collections import Counter

from sqlalchemy import Connection, delete, insert, literal, true
from sqlmodel import Session, select

from modules.catalog.models import (
    Product,
    ProductMedia,
    ProductOption,
    ProductOptionTranslation,
    ProductOptionValue,
    ProductOptionValueTranslation,
    ProductVariant,
    ProductVariantMedia,
    ProductVariantValue,
)
from modules.catalog.services.products import get_product, refresh_search_text
from modules.catalog.services.rules import product_rules
from modules.catalog.services.values import ValueProblem, gtin_type, parse_price, slugify
from modules.catalog.services.variants import (
    OptionInput,
    OptionRecord,
    VariantRecord,
    effective_prices,
    options_of,
    sku_owner,
    variants_of,
)
from orion_app.errors import FieldErrors
from orion_app.i18n import LANGUAGES

MAX_OPTIONS = 3
MAX_VARIANTS = 100
LABEL_MAX = 60
ATTRIBUTES = ("", "color", "size", "material", "pattern", "gender", "age_group")  # feed attribute names


def _texts(raw: dict[str, str]) -> dict[str, str]:
    return {
        lang: " ".join(str(raw.get(lang) or "").split())
        for lang in LANGUAGES
        if str(raw.get(lang) or "").strip()
    }


def _check_options(options: list[OptionInput], current: list[OptionRecord]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(options) > MAX_OPTIONS:
        errors["options"] = "catalog.error.too_many_options"
    known = {o.id: o for o in current}
    seen_names: set[str] = set()
    for i, option in enumerate(options):
        names = _texts(option.names)
        if not names:
            errors[f"options.{i}.name"] = "orion.error.required"
        elif any(len(n) > LABEL_MAX for n in names.values()):
            errors[f"options.{i}.name"] = "orion.error.too_long"
        elif any(n.casefold() in seen_names for n in names.values()):
            errors[f"options.{i}.name"] = "catalog.error.duplicate_option"
        seen_names |= {n.casefold() for n in names.values()}
        if option.attribute not in ATTRIBUTES:
            errors[f"options.{i}.attribute"] = "catalog.error.option_attribute"
        if option.id is not None and option.id not in known:
            errors[f"options.{i}.name"] = "catalog.error.option_unknown"
        if not option.values:
            errors[f"options.{i}.values"] = "catalog.error.option_values_required"
        own_values = {v.id for v in known[option.id].values} if option.id in known else set()
        seen: dict[str, set[str]] = {}
        for j, raw in enumerate(option.values):
            labels = _texts(raw)
            value_id = option.value_ids[j] if j < len(option.value_ids) else None
            where = f"options.{i}.values.{j}"
            if not labels:
                errors[where] = "orion.error.required"
            elif any(len(label) > LABEL_MAX for label in labels.values()):
                errors[where] = "orion.error.too_long"
            elif any(label.casefold() in seen.get(lang, set()) for lang, label in labels.items()):
                errors[where] = "catalog.error.duplicate_value"
            elif value_id is not None and value_id not in own_values:
                errors[where] = "catalog.error.option_unknown"
            for lang, label in labels.items():
                seen.setdefault(lang, set()).add(label.casefold())
    return errors


def set_options(
    session: Session, store_id: int, product_id: int, options: list[OptionInput]
) -> list[OptionRecord]:
    """Replace the product's options with `options` (in order); the options as stored now."""
    product = get_product(session, store_id, product_id)
    current = options_of(session, store_id, product_id)
    errors = _check_options(options, current)
    used_values = set(
        session.exec(
            select(ProductVariantValue.value_id)
            .join(ProductVariant, ProductVariant.id == ProductVariantValue.variant_id)
            .where(ProductVariant.product_id == product.id)
        ).all()
    )
    kept_values = {v for o in options for v in o.value_ids if v is not None}
    kept_options = {o.id for o in options if o.id is not None}
    for option in current:
        for value in option.values:
            if value.id in used_values and value.id not in kept_values:
                errors.setdefault("options", "catalog.error.option_in_use")
        if option.id not in kept_options and any(v.id in used_values for v in option.values):
            errors.setdefault("options", "catalog.error.option_in_use")
    if errors:
        raise FieldErrors(errors)

    rows = {o.id: session.get(ProductOption, o.id) for o in current}
    # Free the positions first: (product, position) and (option, position) are unique.
    for row in rows.values():
        row.position = -row.id
        session.add(row)
    value_rows = {v.id: session.get(ProductOptionValue, v.id) for o in current for v in o.values}
    for row in value_rows.values():
        row.position = -row.id
        session.add(row)
    session.flush()
    removed_values = [v for v in value_rows if v not in kept_values]
    _delete_values(session, removed_values)
    removed_options = [o for o in rows if o not in kept_options]
    if removed_options:
        session.execute(
            delete(ProductOptionTranslation).where(ProductOptionTranslation.option_id.in_(removed_options))
        )
        session.execute(delete(ProductOption).where(ProductOption.id.in_(removed_options)))
    new_options: list[tuple[int, int]] = []  # (option id, its first value id) of added options
    for i, option in enumerate(options):
        row = rows.get(option.id) or ProductOption(store_id=store_id, product_id=product.id)
        row.position, row.attribute = i, option.attribute
        session.add(row)
        session.flush()
        _write_translations(
            session, ProductOptionTranslation, "option_id", row.id, "name", _texts(option.names)
        )
        first_value = None
        for j, raw in enumerate(option.values):
            value_id = option.value_ids[j] if j < len(option.value_ids) else None
            value = value_rows.get(value_id) or ProductOptionValue(option_id=row.id)
            value.position = j
            session.add(value)
            session.flush()
            _write_translations(
                session, ProductOptionValueTranslation, "value_id", value.id, "label", _texts(raw)
            )
            first_value = first_value or value.id
        if option.id is None:
            new_options.append((row.id, first_value))
    if new_options:
        _extend_variants(session, product.id, new_options)
    refresh_search_text(session, product)
    session.commit()
    return options_of(session, store_id, product_id)


def _delete_values(session: Session, value_ids: list[int]) -> None:
    if value_ids:
        session.execute(
            delete(ProductOptionValueTranslation).where(ProductOptionValueTranslation.value_id.in_(value_ids))
        )
        session.execute(delete(ProductOptionValue).where(ProductOptionValue.id.in_(value_ids)))


def _write_translations(session, model, key: str, owner_id: int, column: str, texts: dict[str, str]) -> None:
    existing = {t.lang: t for t in session.exec(select(model).where(getattr(model, key) == owner_id))}
    for lang, text in texts.items():
        row = existing.pop(lang, None) or model(**{key: owner_id, "lang": lang, column: text})
        setattr(row, column, text)
        session.add(row)
    for row in existing.values():
        session.delete(row)


def _extend_variants(session: Session, product_id: int, new_options: list[tuple[int, int]]) -> None:
    """Variants that already have values get each new option's first value."""
    variants = session.exec(
        select(ProductVariant).where(
            ProductVariant.product_id == product_id, ProductVariant.combination != ""
        )
    ).all()
    for variant in variants:
        for option_id, value_id in new_options:
            session.add(ProductVariantValue(variant_id=variant.id, option_id=option_id, value_id=value_id))
        session.flush()
        variant.combination = _combination(session, variant.id)
        session.add(variant)


def _combination(session: Session, variant_id: int) -> str:
    rows = session.exec(
        select(ProductVariantValue.value_id)
        .join(ProductOption, ProductOption.id == ProductVariantValue.option_id)
        .where(ProductVariantValue.variant_id == variant_id)
        .order_by(ProductOption.position)
    ).all()
    return ",".join(str(v) for v in rows)


def generate_variants(session: Session, store_id: int, product_id: int) -> list[VariantRecord]:
    """Create every combination of the product's option values that has no variant yet.

    New variants inherit the product's prices and get SKU `<product SKU>-<value slugs>`
    (numbered when taken). The product's default variant becomes the first combination.
    Returns all the product's variants.
    """
    product = get_product(session, store_id, product_id)
    options = options_of(session, store_id, product_id)
    if not options:
        raise FieldErrors({"options": "catalog.error.option_values_required"})
    combos = list(itertools.product(*(o.values for o in options)))
    existing = {
        v.combination: v
        for v in session.exec(select(ProductVariant).where(ProductVariant.product_id == product.id)).all()
    }
    missing = [c for c in combos if ",".join(str(v.id) for v in c) not in existing]
    if len(existing) - (1 if "" in existing else 0) + len(missing) > MAX_VARIANTS:
        raise FieldErrors({"options": "catalog.error.too_many_variants"})
    default = existing.get("")
    for position, combo in enumerate(combos):
        key = ",".join(str(v.id) for v in combo)
        if key in existing:
            continue
        if default is not None:
            variant, default = default, None
        else:
            variant = ProductVariant(
                store_id=store_id, product_id=product.id, sku=_free_sku(session, store_id, product.sku, combo)
            )
        variant.combination, variant.position = key, position
        session.add(variant)
        session.flush()
        for option, value in zip(options, combo, strict=True):
            session.add(ProductVariantValue(variant_id=variant.id, option_id=option.id, value_id=value.id))
        session.flush()
    refresh_search_text(session, product)
    session.commit()
    return variants_of(session, store_id, [product.id])[product.id]


def _free_sku(session: Session, store_id: int, base: str, combo) -> str:
    words = [slugify(next(iter(v.labels.values()), "")).upper() for v in combo]
    stem = f"{base}-{'-'.join(w for w in words if w)}"[:60]
    candidate, n = stem, 1
    while sku_owner(session, store_id, candidate) is not None:
        n += 1
        candidate = f"{stem[:58]}-{n}"
    return candidate


EDITABLE = ("sku", "gtin", "price", "sale_price", "weight_grams", "is_active", "position", "photos")


def update_variants(
    session: Session, store_id: int, product_id: int, changes: dict[int, dict]
) -> list[VariantRecord]:
    """Apply `changes` (variant id -> some of EDITABLE) to the product's variants, all or none.

    `price`/`sale_price`: text as the editor takes it ("12,50"), "" to inherit the product's;
    `photos`: ids of the product's ProductMedia, in order. Errors: `<variant id>.<field>`.
    """
    product = get_product(session, store_id, product_id)
    rows = {
        v.id: v
        for v in session.exec(select(ProductVariant).where(ProductVariant.product_id == product.id)).all()
    }
    media = set(session.exec(select(ProductMedia.id).where(ProductMedia.product_id == product.id)).all())
    errors: dict[str, str] = {}
    planned: dict[int, dict] = {}
    for variant_id, data in changes.items():
        row = rows.get(variant_id)
        if row is None:
            errors[f"{variant_id}.sku"] = "catalog.error.variant_unknown"
            continue
        values, problems = _variant_values(data, media)
        errors |= {f"{variant_id}.{name}": key for name, key in problems.items()}
        price = values.get("price_cents", row.price_cents)
        sale = values.get("sale_price_cents", row.sale_price_cents)
        shown = effective_prices(product.price_cents, product.sale_price_cents, price, sale)
        if product_rules().sale_above_price(*shown):
            errors[f"{variant_id}.sale_price"] = "catalog.error.sale_above_price"
        planned[variant_id] = values
    final = Counter(planned.get(vid, {}).get("sku", row.sku) for vid, row in rows.items())
    for variant_id, values in planned.items():
        sku = values.get("sku")
        if sku is None or sku == rows[variant_id].sku or f"{variant_id}.sku" in errors:
            continue
        owner = sku_owner(session, store_id, sku)
        if owner is not None and owner != product.id:
            errors[f"{variant_id}.sku"] = "catalog.error.sku_taken"
        elif final[sku] > 1:
            errors[f"{variant_id}.sku"] = "catalog.error.variant_sku_twice"
    if errors:
        raise FieldErrors(errors)
    for variant_id, values in planned.items():  # SKUs swapped within the batch: free them first
        if "sku" in values:
            rows[variant_id].sku = f"~{variant_id}"
            session.add(rows[variant_id])
    session.flush()
    for variant_id, values in planned.items():
        row = rows[variant_id]
        photos = values.pop("photos", None)
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        if photos is not None:
            session.execute(delete(ProductVariantMedia).where(ProductVariantMedia.variant_id == variant_id))
            for position, media_id in enumerate(photos):
                session.add(ProductVariantMedia(variant_id=variant_id, media_id=media_id, position=position))
    session.flush()
    refresh_search_text(session, product)
    session.commit()
    return variants_of(session, store_id, [product.id])[product.id]


def _variant_values(data: dict, media: set[int]) -> tuple[dict, dict[str, str]]:
    """The row values of one variant's edit, and the problems (field -> message key)."""
    rules = product_rules()
    values: dict = {}
    problems: dict[str, str] = {}
    for name in set(data) - set(EDITABLE):
        problems[name] = "catalog.error.variant_field"
    if "sku" in data:
        sku = str(data["sku"] or "").strip()
        if not sku:
            problems["sku"] = "orion.error.required"
        elif rules.too_long("sku", sku) or sku.startswith("~"):
            problems["sku"] = (
                "orion.error.too_long" if rules.too_long("sku", sku) else "catalog.error.sku_format"
            )
        values["sku"] = sku
    if "gtin" in data:
        gtin = str(data["gtin"] or "").strip().replace(" ", "")
        try:
            if gtin:
                gtin_type(gtin)
        except ValueProblem as problem:
            problems["gtin"] = problem.key
        values["gtin"] = gtin
    for name, column in (("price", "price_cents"), ("sale_price", "sale_price_cents")):
        if name in data:
            raw = data[name]
            if raw is None or str(raw).strip() == "":
                values[column] = None
                continue
            try:
                values[column] = (
                    raw if isinstance(raw, int) and not isinstance(raw, bool) else parse_price(raw)[0]
                )
            except ValueProblem as problem:
                problems[name] = problem.key
    if "weight_grams" in data:
        raw = data["weight_grams"]
        try:
            values["weight_grams"] = None if raw in (None, "") else int(raw)
            if values["weight_grams"] is not None and values["weight_grams"] < 0:
                raise ValueError
        except (TypeError, ValueError):
            problems["weight_grams"] = "catalog.error.weight"
    if "is_active" in data:
        values["is_active"] = str(data["is_active"]).lower() in ("1", "true", "on", "yes")
    if "position" in data:
        try:
            values["position"] = int(data["position"])
        except (TypeError, ValueError):
            problems["position"] = "catalog.error.position"
    if "photos" in data:
        photos = (
            [int(m) for m in data["photos"] or []]
            if all(str(m).isdigit() for m in data["photos"] or [])
            else None
        )
        if photos is None or any(m not in media for m in photos) or len(set(photos)) != len(photos):
            problems["photos"] = "catalog.error.variant_photos"
        else:
            values["photos"] = photos
    return values, problems


def create_default_variants(session: Session | Connection, store_id: int) -> dict[int, int]:
    """Give every product of the store that has no variant its default one (SKU, GTIN, inherited
    prices), in one statement, for loaders that insert products directly (benches). Flushes only;
    returns product id -> default variant id."""
    has_one = select(ProductVariant.id).where(ProductVariant.product_id == Product.id).exists()
    columns = ["store_id", "product_id", "combination", "sku", "gtin", "is_active", "position"]
    session.execute(
        insert(ProductVariant).from_select(
            columns,
            select(Product.store_id, Product.id, literal(""), Product.sku, Product.gtin, true(), literal(0))
            .where(Product.store_id == store_id, ~has_one)
            .order_by(Product.id),
        )
    )
    return dict(
        session.execute(
            select(ProductVariant.product_id, ProductVariant.id).where(
                ProductVariant.store_id == store_id, ProductVariant.combination == ""
            )
        ).all()
    )
