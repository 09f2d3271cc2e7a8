"""Products of one store: validation, create/update/delete, the dashboard list.

Every function takes the store id and filters by it; a product id of another store
answers NotFound, exactly like an id that does not exist.
"""

from dataclasses import dataclass

from sqlalchemy import delete, func, update
from sqlmodel import Session, select

from modules.catalog.models import (
    Category,
    Product,
    ProductMedia,
    ProductOption,
    ProductOptionTranslation,
    ProductOptionValue,
    ProductOptionValueTranslation,
    ProductTranslation,
    ProductVariant,
    ProductVariantMedia,
    ProductVariantValue,
    utcnow,
)
from modules.catalog.services.categories import subtree_ids
from modules.catalog.services.rules import product_rules
from modules.catalog.services.values import (
    AVAILABILITY,
    CONDITIONS,
    VAT_RATES,
    ValueProblem,
    fold,
    gtin_type,
    parse_price,
    slugify,
)
from modules.contracts.public import require_room
from orion_app.db import one_of
from orion_app.errors import FieldErrors
from orion_app.i18n import LANGUAGES
from orion_app.scoped import get_in_store

TEXT_FIELDS = ("title", "description", "meta_title", "meta_description")
SORTS = {
    "newest": Product.created_at.desc(),
    "oldest": Product.created_at.asc(),
    "sku": Product.sku.asc(),
    "price_asc": Product.price_cents.asc(),
    "price_desc": Product.price_cents.desc(),
}
SKUS_NAMED = 5  # a warning names this many other products, then "…"


@dataclass(frozen=True)
class ProductValues:
    fields: dict
    texts: dict[str, dict[str, str]]  # lang -> field -> text


def _bool(value) -> bool:
    return str(value).lower() in ("1", "true", "on", "yes")


def validate(session: Session, store_id: int, data: dict, current: Product | None = None) -> ProductValues:
    """Every field checked at once; FieldErrors maps each bad field to its message key."""
    rules = product_rules()
    errors: dict[str, str] = {}
    sku = str(data.get("sku", "")).strip()
    if not sku:
        errors["sku"] = "orion.error.required"
    elif rules.too_long("sku", sku):
        errors["sku"] = "orion.error.too_long"
    elif sku_taken(session, store_id, sku, current.id if current else None):
        errors["sku"] = "catalog.error.sku_taken"
    price = sale = None
    currency = str(data.get("currency") or "EUR").upper()
    try:
        price, price_currency = parse_price(data.get("price"))
        currency = price_currency or currency
    except ValueProblem as problem:
        errors["price"] = problem.key
    if str(data.get("sale_price") or "").strip():
        try:
            sale, _ = parse_price(data.get("sale_price"))
            if rules.sale_above_price(price, sale):
                errors["sale_price"] = "catalog.error.sale_above_price"
        except ValueProblem as problem:
            errors["sale_price"] = problem.key
    gtin = str(data.get("gtin") or "").strip().replace(" ", "")
    kind = ""
    if gtin:
        try:
            kind = gtin_type(gtin)
        except ValueProblem as problem:
            errors["gtin"] = problem.key
    try:
        vat = int(data.get("vat_rate", 17))
        if vat not in VAT_RATES:
            raise ValueError
    except (TypeError, ValueError):
        errors["vat_rate"] = "catalog.error.vat_rate"
        vat = 17
    condition = str(data.get("condition") or "new")
    if condition not in CONDITIONS:
        errors["condition"] = "catalog.error.condition"
    availability = str(data.get("availability") or "in_stock")
    if availability not in AVAILABILITY:
        errors["availability"] = "catalog.error.availability"
    category_id = data.get("category_id") or None
    if category_id is not None:
        try:
            category_id = int(category_id)
        except (TypeError, ValueError):
            category_id = -1
        if not session.exec(
            select(Category.id).where(Category.id == category_id, Category.store_id == store_id)
        ).first():
            errors["category_id"] = "catalog.error.category"
    texts: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        values = {f: str(data.get(f"{f}_{lang}") or "").strip() for f in TEXT_FIELDS}
        for field_name, value in values.items():
            if rules.too_long(field_name, value):
                errors[f"{field_name}_{lang}"] = "orion.error.too_long"
        if any(values.values()):
            if not values["title"]:
                errors[f"title_{lang}"] = "catalog.error.title_required"
            texts[lang] = values
    if not texts and not any(k.startswith("title_") for k in errors):
        errors["title_en"] = "catalog.error.title_needed"
    for name in ("brand", "mpn"):
        if rules.too_long(name, str(data.get(name) or "")):
            errors[name] = "orion.error.too_long"
    if errors:
        raise FieldErrors(errors)
    return ProductValues(
        fields={
            "sku": sku,
            "gtin": gtin,
            "gtin_type": kind,
            "brand": str(data.get("brand") or "").strip(),
            "mpn": str(data.get("mpn") or "").strip(),
            "condition": condition,
            "availability": availability,
            "price_cents": price,
            "sale_price_cents": sale,
            "currency": currency,
            "vat_rate": vat,
            "category_id": category_id,
            "is_active": _bool(data.get("is_active", True)),
            "is_digital": _bool(data.get("is_digital", False)),
            "is_featured": _bool(data.get("is_featured", False)),
        },
        texts=texts,
    )


def sku_taken(session: Session, store_id: int, sku: str, product_id: int | None) -> bool:
    """Whether another product of the store has `sku` as its SKU or one of its variants' SKUs."""
    other = product_id if product_id is not None else -1
    return bool(
        session.exec(
            select(Product.id).where(Product.store_id == store_id, Product.sku == sku, Product.id != other)
        ).first()
        or session.exec(
            select(ProductVariant.id).where(
                ProductVariant.store_id == store_id,
                ProductVariant.sku == sku,
                ProductVariant.product_id != other,
            )
        ).first()
    )


def search_text(fields: dict, texts: dict[str, dict[str, str]], variant_terms: tuple[str, ...] = ()) -> str:
    """Folded titles, brand, SKU, GTIN, MPN and the variants' other SKUs and GTINs: what search reads."""
    parts = [t["title"] for t in texts.values()] + [
        fields.get(k, "") for k in ("brand", "sku", "gtin", "mpn")
    ]
    parts += [term for term in dict.fromkeys(variant_terms) if term and term not in parts]
    return fold(" ".join(p for p in parts if p))[:4000]


def variant_terms(session: Session, product_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """product id -> its variants' SKUs and GTINs, in one query."""
    result: dict[int, tuple[str, ...]] = {pid: () for pid in product_ids}
    if product_ids:
        for pid, sku, gtin in session.exec(
            select(ProductVariant.product_id, ProductVariant.sku, ProductVariant.gtin)
            .where(one_of(session, ProductVariant.product_id, product_ids))
            .order_by(ProductVariant.position, ProductVariant.id)
        ):
            result[pid] += (sku, gtin)
    return result


def refresh_search_text(session: Session, product: Product) -> None:
    """Recompute the product's search text from its fields, texts and variants (flushes)."""
    session.flush()
    texts = {lang: {"title": t.title} for lang, t in translations(session, [product.id])[product.id].items()}
    product.search_text = search_text(
        product.model_dump(), texts, variant_terms(session, [product.id])[product.id]
    )
    product.updated_at = utcnow()
    session.add(product)


def _follow_product(session: Session, product: Product) -> None:
    """Create the default variant of a product without options, or keep its SKU and GTIN in step."""
    variant = session.exec(
        select(ProductVariant).where(
            ProductVariant.product_id == product.id, ProductVariant.combination == ""
        )
    ).first() or ProductVariant(store_id=product.store_id, product_id=product.id, combination="", sku="")
    if (
        variant.id is None
        and session.exec(select(ProductVariant.id).where(ProductVariant.product_id == product.id)).first()
    ):
        return  # a product with options has no default variant
    variant.sku, variant.gtin = product.sku, product.gtin
    session.add(variant)


def _unique_slug(session: Session, store_id: int, title: str, current_id: int | None) -> str:
    base = slugify(title)
    slug, n = base, 1
    while session.exec(
        select(Product.id).where(
            Product.store_id == store_id, Product.slug == slug, Product.id != (current_id or -1)
        )
    ).first():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _write_texts(session: Session, product: Product, texts: dict[str, dict[str, str]]) -> None:
    existing = {
        t.lang: t
        for t in session.exec(select(ProductTranslation).where(ProductTranslation.product_id == product.id))
    }
    for lang, values in texts.items():
        row = existing.pop(lang, None) or ProductTranslation(product_id=product.id, lang=lang, title="")
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
    for row in existing.values():  # a language whose fields were all emptied
        session.delete(row)


@dataclass(frozen=True)
class FieldWarning:
    """Allowed, but worth saying next to `field`: the text of `key` filled with `params`."""

    field: str
    key: str
    params: dict[str, str]


def product_warnings(session: Session, store_id: int, product: Product) -> list[FieldWarning]:
    """What the editor points out about a saved product: other products of the store with
    its GTIN (allowed, since a bundle and its item may share one, but often a typing slip)."""
    if not product.gtin:
        return []
    skus = session.exec(
        select(Product.sku)
        .where(Product.store_id == store_id, Product.gtin == product.gtin, Product.id != product.id)
        .order_by(Product.sku)
        .limit(SKUS_NAMED + 1)
    ).all()
    if not skus:
        return []
    named = ", ".join(skus[:SKUS_NAMED]) + (" …" if len(skus) > SKUS_NAMED else "")
    return [FieldWarning("gtin", "catalog.warning.same_gtin", {"skus": named})]


def count_products(session: Session, store_id: int) -> int:
    return session.exec(select(func.count(Product.id)).where(Product.store_id == store_id)).one()


def create_product(
    session: Session,
    store_id: int,
    merchant_id: int,
    platform_id: int,
    data: dict,
    preferred_lang: str = "en",
) -> Product:
    """A new product, if the plan has room (`products_limit`) and every field is valid."""
    require_room(merchant_id, platform_id, "products_limit", count_products(session, store_id))
    values = validate(session, store_id, data)
    title_lang = preferred_lang if preferred_lang in values.texts else next(iter(values.texts))
    product = Product(
        store_id=store_id,
        slug=_unique_slug(session, store_id, values.texts[title_lang]["title"], None),
        search_text=search_text(values.fields, values.texts),
        **values.fields,
    )
    session.add(product)
    session.flush()
    _write_texts(session, product, values.texts)
    _follow_product(session, product)
    session.commit()
    session.refresh(product)
    return product


def get_product(session: Session, store_id: int, product_id: int) -> Product:
    return get_in_store(session, Product, store_id, id=product_id)


def translations(session: Session, product_ids: list[int]) -> dict[int, dict[str, ProductTranslation]]:
    """product id -> language -> texts, in one query."""
    result: dict[int, dict[str, ProductTranslation]] = {pid: {} for pid in product_ids}
    if product_ids:
        for row in session.exec(
            select(ProductTranslation).where(one_of(session, ProductTranslation.product_id, product_ids))
        ):
            result[row.product_id][row.lang] = row
    return result


def update_product(session: Session, store_id: int, product_id: int, data: dict) -> Product:
    product = get_product(session, store_id, product_id)
    values = validate(session, store_id, data, product)
    for name, value in values.fields.items():
        setattr(product, name, value)
    session.add(product)
    _write_texts(session, product, values.texts)
    _follow_product(session, product)
    refresh_search_text(session, product)
    session.commit()
    session.refresh(product)
    return product


def set_active(session: Session, store_id: int, product_ids: list[int], active: bool) -> int:
    """Bulk (de)activate; ids of other stores are silently outside the filter."""
    result = session.execute(
        update(Product)
        .where(Product.store_id == store_id, Product.id.in_(product_ids))
        .values(is_active=active, updated_at=utcnow())
    )
    session.commit()
    return result.rowcount


def delete_product(session: Session, store_id: int, product_id: int) -> list[str]:
    """Delete a product with its texts and photos; returns the media keys to remove from disk."""
    product = get_product(session, store_id, product_id)
    keys = list(session.exec(select(ProductMedia.key).where(ProductMedia.product_id == product.id)).all())
    _delete_variants(session, product.id)
    session.execute(delete(ProductMedia).where(ProductMedia.product_id == product.id))
    session.execute(delete(ProductTranslation).where(ProductTranslation.product_id == product.id))
    session.delete(product)
    session.commit()
    return keys


def _delete_variants(session: Session, product_id: int) -> None:
    """The product's variants (with their values and photo links) and options (with their texts)."""
    variants = select(ProductVariant.id).where(ProductVariant.product_id == product_id)
    options = select(ProductOption.id).where(ProductOption.product_id == product_id)
    values = select(ProductOptionValue.id).where(ProductOptionValue.option_id.in_(options))
    session.execute(delete(ProductVariantMedia).where(ProductVariantMedia.variant_id.in_(variants)))
    session.execute(delete(ProductVariantValue).where(ProductVariantValue.variant_id.in_(variants)))
    session.execute(delete(ProductVariant).where(ProductVariant.product_id == product_id))
    session.execute(
        delete(ProductOptionValueTranslation).where(ProductOptionValueTranslation.value_id.in_(values))
    )
    session.execute(delete(ProductOptionValue).where(ProductOptionValue.option_id.in_(options)))
    session.execute(delete(ProductOptionTranslation).where(ProductOptionTranslation.option_id.in_(options)))
    session.execute(delete(ProductOption).where(ProductOption.product_id == product_id))


def list_products(
    session: Session,
    store_id: int,
    *,
    query: str = "",
    status: str = "all",
    category_id: int | None = None,
    sort: str = "newest",
    page: int = 1,
    per_page: int = 25,
) -> tuple[list[Product], int]:
    """The dashboard list: search (accent- and case-blind), filters, sort and one page.

    A category filter includes its sub-categories, as the storefront does.
    """
    statement = select(Product).where(Product.store_id == store_id)
    for word in fold(query).split():
        statement = statement.where(Product.search_text.contains(word))
    if status in ("active", "inactive"):
        statement = statement.where(Product.is_active.is_(status == "active"))
    if category_id:
        statement = statement.where(Product.category_id.in_(subtree_ids(session, store_id, category_id)))
    total = session.exec(select(func.count()).select_from(statement.subquery())).one()
    rows = session.exec(
        statement.order_by(SORTS.get(sort, SORTS["newest"]), Product.id.desc())
        .offset(max(0, page - 1) * per_page)
        .limit(per_page)
    ).all()
    return list(rows), int(total)
