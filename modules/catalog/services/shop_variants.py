"""The product page's variants on the storefront: which one is shown, its pickers, its JSON-LD.

Pure functions over what `storefront.product_page` read (no queries here), so the page's
load and the tests share one set of rules (docs/storefront.md, "Variants on the storefront"):

- `?variant=<SKU>` names the variant shown; only an active variant of this product counts.
  Anything else (unknown, inactive, another product's SKU) shows the default: the first
  active variant a shopper can buy (in stock, pre-order, back-order), else the first active.
- A picker value leads to the variant with that value and the chosen variant's other values.
  No active variant there: shown but disabled (no link). Out of stock: a link, marked sold
  out, so the shopper can see that variant's page ("En rupture de stock").
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from modules.catalog.services.variants import OptionRecord, VariantRecord

BUYABLE = ("in_stock", "preorder", "backorder")
SCHEMA = "https://schema.org/"
AVAILABILITY = {
    "in_stock": "InStock",
    "out_of_stock": "OutOfStock",
    "preorder": "PreOrder",
    "backorder": "BackOrder",
}
CONDITION = {"new": "NewCondition", "used": "UsedCondition", "refurbished": "RefurbishedCondition"}
# Option attributes (feed names) that schema.org has a Product property for (`variesBy`).
SCHEMA_PROPERTY = {
    "color": "color",
    "size": "size",
    "material": "material",
    "pattern": "pattern",
    "gender": "suggestedGender",
    "age_group": "suggestedAge",
}


@dataclass
class PickerValue:
    label: str
    href: str  # "" for a combination that has no active variant: shown, disabled
    chosen: bool
    sold_out: bool


@dataclass
class PickerGroup:
    name: str
    values: list[PickerValue]


def text_in(texts: Mapping[str, str], langs: tuple[str, ...]) -> str:
    """The text in the first of `langs` it has, else in any language, else ""."""
    for lang in langs:
        if texts.get(lang):
            return texts[lang]
    return next((t for t in texts.values() if t), "")


def variant_href(product_href: str, sku: str) -> str:
    return f"{product_href}?variant={quote(sku, safe='')}"


def combination(variant: VariantRecord) -> tuple[int, ...]:
    return tuple(o.value_id for o in variant.options)


def chosen_variant(
    variants: list[VariantRecord], availability: Mapping[int, str], asked: str
) -> tuple[VariantRecord | None, bool]:
    """(the variant to show, whether `asked` named it). None when no variant is active."""
    active = [v for v in variants if v.is_active]
    for variant in active:
        if asked and variant.sku == asked:
            return variant, True
    buyable = [v for v in active if availability.get(v.id) in BUYABLE]
    return next(iter(buyable or active), None), False


def pickers(
    options: list[OptionRecord],
    variants: list[VariantRecord],
    availability: Mapping[int, str],
    chosen: VariantRecord,
    langs: tuple[str, ...],
    href: Callable[[str], str],
) -> list[PickerGroup]:
    """One group per option, each value with the link to its variant (see the module's rules)."""
    by_combination = {combination(v): v for v in variants if v.is_active}
    current = list(combination(chosen))
    groups = []
    for i, option in enumerate(options):
        values = []
        for value in option.values:
            wanted = tuple(value.id if n == i else v for n, v in enumerate(current))
            target = by_combination.get(wanted)
            values.append(
                PickerValue(
                    label=text_in(value.labels, langs),
                    href=href(target.sku) if target else "",
                    chosen=i < len(current) and current[i] == value.id,
                    sold_out=target is not None and availability.get(target.id) not in BUYABLE,
                )
            )
        groups.append(PickerGroup(text_in(option.names, langs), values))
    return groups


def paid(variant: VariantRecord) -> tuple[int, int | None]:
    """(what the shopper pays, the price struck through or None)."""
    sale = variant.sale_price_cents
    if sale is not None and sale < variant.price_cents:
        return sale, variant.price_cents
    return variant.price_cents, None


def offer(amount_cents: int, currency: str, availability: str, condition: str, url: str = "") -> dict:
    data = {
        "@type": "Offer",
        "price": f"{amount_cents / 100:.2f}",
        "priceCurrency": currency,
        "availability": SCHEMA + AVAILABILITY[availability],
        "itemCondition": SCHEMA + CONDITION[condition],
    }
    if url:
        data["url"] = url
    return data


@dataclass(frozen=True)
class GroupFacts:
    """What a `ProductGroup` says besides its variants."""

    name: str
    description: str
    group_id: str  # the product's SKU
    brand: str
    url: str  # absolute product URL
    currency: str
    condition: str
    images: list[str]  # absolute URLs of the product's photos


def product_group(
    facts: GroupFacts,
    variants: list[VariantRecord],
    availability: Mapping[int, str],
    langs: tuple[str, ...],
    image_url: Callable[[str], str],
) -> dict:
    """schema.org ProductGroup with `hasVariant`: each active variant a Product with its own
    SKU, GTIN, options (size/color/... where the option's attribute maps, else
    additionalProperty) and offer."""
    active = [v for v in variants if v.is_active]
    mapped = [o.attribute for o in (active[0].options if active else ()) if o.attribute in SCHEMA_PROPERTY]
    varies = [SCHEMA + SCHEMA_PROPERTY[a] for a in mapped]
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ProductGroup",
        "name": facts.name,
        "description": facts.description,
        "url": facts.url,
        "productGroupID": facts.group_id,
        "variesBy": varies,
        "hasVariant": [],
    }
    if facts.brand:
        data["brand"] = {"@type": "Brand", "name": facts.brand}
    if facts.images:
        data["image"] = facts.images
    for variant in active:
        url = variant_href(facts.url, variant.sku)
        labels = [text_in(o.labels, langs) for o in variant.options]
        item: dict = {
            "@type": "Product",
            "name": f"{facts.name} – {', '.join(labels)}" if labels else facts.name,
            "sku": variant.sku,
            "url": url,
            "inProductGroupWithID": facts.group_id,
            "offers": offer(
                paid(variant)[0],
                facts.currency,
                availability.get(variant.id, "out_of_stock"),
                facts.condition,
                url,
            ),
        }
        if variant.gtin:
            item["gtin"] = variant.gtin
        if variant.photos:
            item["image"] = [image_url(variant.photos[0])]
        extra = []
        for option, label in zip(variant.options, labels, strict=True):
            if option.attribute in SCHEMA_PROPERTY:
                item[SCHEMA_PROPERTY[option.attribute]] = label
            else:
                extra.append({"@type": "PropertyValue", "name": text_in(option.names, langs), "value": label})
        if extra:
            item["additionalProperty"] = extra
        data["hasVariant"].append(item)
    return data
