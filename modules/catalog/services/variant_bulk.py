"""Options and variants of many products at once: what feed imports of grouped rows call.

`upsert_variant_groups` applies the rules of `set_options`, `generate_variants` and
`update_variants` (their own checks) to a batch of products in a fixed number of statements
(a few reads, then bulk inserts and updates). Nothing is committed: the caller commits.

Per product (`VariantGroup`): its options by feed attribute (existing ones matched by
attribute, new ones added with the given names; values only ever added, matched without
case against any language's label), every combination created (the first missing one takes
over the default variant; the others get `<product SKU>-<value slugs>` like
`generate_variants`), each listed variant's SKU, GTIN, prices set and made active, and
every other active variant whose SKU is not in `keep` deactivated.
"""

import itertools
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, update
from sqlmodel import Session, select

from modules.catalog.models import (
    Product,
    ProductOption,
    ProductOptionTranslation,
    ProductOptionValue,
    ProductOptionValueTranslation,
    ProductVariant,
    ProductVariantValue,
    utcnow,
)
from modules.catalog.services.products import search_text, translations, variant_terms
from modules.catalog.services.rules import product_rules
from modules.catalog.services.values import slugify
from modules.catalog.services.variant_edits import (
    MAX_VARIANTS,
    _check_options,
    _delete_values,
    _texts,
    _variant_values,
)
from modules.catalog.services.variants import OptionInput, effective_prices, option_records
from orion_app.db import one_of


@dataclass
class GroupVariant:
    values: tuple[str, ...]  # one label per attribute of the group, in its order
    sku: str
    gtin: str | None = None  # None: left as it is
    price_cents: int | None = None  # None: the product's
    sale_price_cents: int | None = None


@dataclass
class VariantGroup:
    product_id: int
    attributes: list[str]  # the options, in order (the product's options it keeps come first)
    variants: list[GroupVariant]
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # a new option's names by language
    keep: set[str] = field(default_factory=set)  # SKUs not to deactivate though not listed


@dataclass
class GroupOutcome:
    error: str = ""  # a message key: the whole product was refused, nothing of it written
    variant_ids: list[int | None] = field(default_factory=list)  # per listed variant; None: refused
    problems: dict[int, tuple[str, str]] = field(default_factory=dict)  # index -> (field, key)
    changed: set[int] = field(default_factory=set)  # ids of variants created or changed
    deactivated: int = 0  # variants that existed and were active, now inactive


@dataclass
class _Value:
    labels: dict[str, str]
    id: int | None = None
    option: "_Option | None" = None
    position: int = 0


@dataclass
class _Option:
    attribute: str
    values: list[_Value]
    id: int | None = None
    position: int = 0
    names: dict[str, str] = field(default_factory=dict)  # set for a new option only
    new: bool = False

    def find(self, label: str) -> _Value | None:
        folded = label.casefold()
        return next((v for v in self.values if folded in {x.casefold() for x in v.labels.values()}), None)


def upsert_variant_groups(
    session: Session, store_id: int, lang: str, groups: list[VariantGroup]
) -> list[GroupOutcome]:
    """Write each group's options and variants (see the module's docstring); one outcome per group."""
    if len({g.product_id for g in groups}) != len(groups):
        raise ValueError("upsert_variant_groups needs each product once per call")
    products, variants, used = _load(session, store_id, [g.product_id for g in groups])
    current = option_records(session, list(products))
    owners = _sku_owners(session, store_id, [v.sku for g in groups for v in g.variants])
    outcomes = [GroupOutcome() for _g in groups]
    plans: list[tuple[VariantGroup, GroupOutcome, list[_Option]]] = []
    for group, outcome in zip(groups, outcomes, strict=True):
        if group.product_id not in products:
            outcome.error = "catalog.error.variant_unknown"
            continue
        options = _plan_options(group, current.get(group.product_id, []), used, lang, outcome)
        if not outcome.error:
            _check_variants(group, products[group.product_id], variants[group.product_id], owners, outcome)
        if outcome.error:
            outcome.variant_ids = [None] * len(group.variants)
        else:
            plans.append((group, outcome, options))
    _write_options(session, store_id, current, [(g.product_id, o) for g, _out, o in plans])
    _write_variants(session, store_id, products, variants, owners, plans)
    _refresh_search(session, [products[g.product_id] for g, _o, _p in plans])
    return outcomes


def options_by_product(session: Session, store_id: int, product_ids: list[int]) -> dict[int, list]:
    """product id -> its options (OptionRecord) in order, for many products in two queries."""
    own = (
        session.exec(
            select(Product.id).where(Product.store_id == store_id, one_of(session, Product.id, product_ids))
        ).all()
        if product_ids
        else []
    )
    return option_records(session, list(own)) if own else {}


def _load(session: Session, store_id: int, ids: list[int]):
    """The store's products among `ids`, their variants (position order), the value ids in use."""
    fresh = {"populate_existing": True}  # upsert_products may just have updated them in bulk
    query = select(Product).where(Product.store_id == store_id, one_of(session, Product.id, ids))
    products = {p.id: p for p in session.exec(query.execution_options(**fresh))}
    variants: dict[int, list[ProductVariant]] = {pid: [] for pid in products}
    rows = session.exec(
        select(ProductVariant)
        .where(one_of(session, ProductVariant.product_id, list(products)))
        .order_by(ProductVariant.product_id, ProductVariant.position, ProductVariant.id)
        .execution_options(**fresh)
    ).all()
    for row in rows:
        variants[row.product_id].append(row)
    links = select(ProductVariantValue.value_id).where(
        one_of(session, ProductVariantValue.variant_id, [r.id for r in rows])
    )
    return products, variants, set(session.exec(links).all()) if rows else set()


def _sku_owners(session: Session, store_id: int, skus: list[str]) -> dict[str, int]:
    """SKU -> the product it belongs to (as a product SKU or a variant's), in two queries."""
    if not skus:
        return {}
    owners = dict(
        session.exec(
            select(Product.sku, Product.id).where(
                Product.store_id == store_id, one_of(session, Product.sku, skus)
            )
        ).all()
    )
    owners.update(
        session.exec(
            select(ProductVariant.sku, ProductVariant.product_id).where(
                ProductVariant.store_id == store_id, one_of(session, ProductVariant.sku, skus)
            )
        ).all()
    )
    return owners


def _plan_options(
    group: VariantGroup, current, used: set[int], lang: str, outcome: GroupOutcome
) -> list[_Option]:
    """The product's options as the group needs them, checked like `set_options`."""
    by_attribute = {o.attribute: o for o in current}
    options: list[_Option] = []
    for index, attribute in enumerate(group.attributes):
        old = by_attribute.get(attribute)
        names = {} if old else group.names.get(attribute, {})
        option = _Option(attribute, [], old.id if old else None, index, names, old is None)
        for value in old.values if old else ():
            option.values.append(_Value(dict(value.labels), value.id, option, value.position))
        for variant in group.variants:
            if option.find(variant.values[index]) is None:
                option.values.append(_Value({lang: variant.values[index]}, None, option, len(option.values)))
        options.append(option)
    wanted = [
        OptionInput(
            names=dict(by_attribute[o.attribute].names) if o.id else o.names,
            values=[v.labels for v in o.values],
            value_ids=[v.id for v in o.values],
            attribute=o.attribute,
            id=o.id,
        )
        for o in options
    ]
    errors = _check_options(wanted, current)
    kept = {o.id for o in options}
    for old in current:
        if old.id not in kept and any(v.id in used for v in old.values):
            errors.setdefault("options", "catalog.error.option_in_use")
    if not errors:
        combos = 1
        for option in options:
            combos *= len(option.values)
        if combos > MAX_VARIANTS:
            errors["options"] = "catalog.error.too_many_variants"
    if errors:
        outcome.error = next(iter(errors.values()))
    return options


def _check_variants(group: VariantGroup, product: Product, rows, owners: dict[str, int], outcome) -> None:
    """Each listed variant's values checked like `update_variants` (errors per variant)."""
    final = Counter(v.sku for v in group.variants)
    listed = {v.sku for v in group.variants}
    final.update(r.sku for r in rows if r.sku not in listed)
    for index, variant in enumerate(group.variants):
        data = {"sku": variant.sku, "price": variant.price_cents, "sale_price": variant.sale_price_cents}
        if variant.gtin is not None:
            data["gtin"] = variant.gtin
        _values, problems = _variant_values(data, set())
        shown = effective_prices(
            product.price_cents, product.sale_price_cents, variant.price_cents, variant.sale_price_cents
        )
        if product_rules().sale_above_price(*shown):
            problems.setdefault("sale_price", "catalog.error.sale_above_price")
        owner = owners.get(variant.sku)
        if "sku" not in problems and owner is not None and owner != product.id:
            problems["sku"] = "catalog.error.sku_taken"
        elif "sku" not in problems and final[variant.sku] > 1:
            problems["sku"] = "catalog.error.variant_sku_twice"
        if problems:
            outcome.problems[index] = next(iter(problems.items()))


def _write_options(session: Session, store_id: int, current, plans: list[tuple[int, list[_Option]]]) -> None:
    """Options and values as planned: unused ones dropped, new ones inserted (ids filled in)."""
    kept = {o.id for _p, options in plans for o in options}
    dropped = [old for pid, _o in plans for old in current.get(pid, []) if old.id not in kept]
    if dropped:  # options no variant uses (set_options would drop them too)
        _delete_values(session, [v.id for old in dropped for v in old.values])
        removed = [old.id for old in dropped]
        session.execute(
            delete(ProductOptionTranslation).where(ProductOptionTranslation.option_id.in_(removed))
        )
        session.execute(delete(ProductOption).where(ProductOption.id.in_(removed)))
    positions = {o.id: o.position for _p, opts in current.items() for o in opts}
    moved = [o for _p, options in plans for o in options if o.id and positions[o.id] != o.position]
    if moved:  # (product, position) is unique: free the positions first
        session.execute(update(ProductOption), [{"id": o.id, "position": -o.id} for o in moved])
        session.execute(update(ProductOption), [{"id": o.id, "position": o.position} for o in moved])
    new = [(pid, o) for pid, options in plans for o in options if o.new]
    if new:
        ids = _insert(
            session,
            ProductOption,
            [
                {"store_id": store_id, "product_id": p, "position": o.position, "attribute": o.attribute}
                for p, o in new
            ],
            ("product_id", "position"),
        )
        for (_p, option), option_id in zip(new, ids, strict=True):
            option.id = option_id
        session.execute(
            insert(ProductOptionTranslation),
            [
                {"option_id": o.id, "lang": lang, "name": n}
                for _p, o in new
                for lang, n in _texts(o.names).items()
            ],
        )
    values = [v for _p, options in plans for o in options for v in o.values if v.id is None]
    if values:
        ids = _insert(
            session,
            ProductOptionValue,
            [{"option_id": v.option.id, "position": v.position} for v in values],
            ("option_id", "position"),
        )
        for value, value_id in zip(values, ids, strict=True):
            value.id = value_id
        session.execute(
            insert(ProductOptionValueTranslation),
            [
                {"value_id": v.id, "lang": lang, "label": t}
                for v in values
                for lang, t in _texts(v.labels).items()
            ],
        )


def _insert(session: Session, model, rows: list[dict], key: tuple[str, ...]) -> list[int]:
    """Insert `rows` in one batched statement; their ids in order, matched on `key` (unique)
    rather than by parameter order, which SQLite would do one row at a time."""
    table = model.__table__
    returned = session.execute(insert(table).returning(table.c.id, *(table.c[k] for k in key)), rows).all()
    ids = {tuple(r[1:]): r[0] for r in returned}
    return [ids[tuple(row[k] for k in key)] for row in rows]


_COLUMNS = ("sku", "gtin", "price_cents", "sale_price_cents", "is_active", "combination", "position")


def _write_variants(session: Session, store_id: int, products, variants, owners, plans) -> None:
    """Every combination of each product, the listed variants' values, the others deactivated."""
    work = []  # (group, outcome, options, rows by key, wanted values by row key, new keys)
    stems: dict[tuple[int, str], str] = {}  # (product, key) -> SKU stem of a generated variant
    links: list[dict] = []
    for group, outcome, options in plans:
        product = products[group.product_id]
        added = [o for o in options if o.new]
        rows: dict[str, ProductVariant] = {}
        wanted: dict[str, dict] = {}
        for row in variants[group.product_id]:
            key = row.combination
            if key and added:  # a new option gives the variants that have values its first value
                key = ",".join([key, *(str(o.values[0].id) for o in added)])
                links += [
                    {"variant_id": row.id, "option_id": o.id, "value_id": o.values[0].id} for o in added
                ]
            rows[key] = row
            wanted[key] = {c: getattr(row, c) for c in _COLUMNS} | {"combination": key}
        default = rows.pop("", None)
        wanted.pop("", None)
        combos = list(itertools.product(*(o.values for o in options)))
        new_keys: list[str] = []
        for position, combo in enumerate(combos):
            key = ",".join(str(v.id) for v in combo)
            if key in rows:
                continue
            if default is not None:
                rows[key], default = default, None
                wanted[key] = {c: getattr(rows[key], c) for c in _COLUMNS}
                links += [
                    {"variant_id": rows[key].id, "option_id": o.id, "value_id": v.id}
                    for o, v in zip(options, combo, strict=True)
                ]
            else:
                new_keys.append(key)
                words = (slugify(next(iter(v.labels.values()), "")).upper() for v in combo)
                stems[(product.id, key)] = f"{product.sku}-{'-'.join(w for w in words if w)}"[:60]
                wanted[key] = {
                    "sku": None,
                    "gtin": "",
                    "price_cents": None,
                    "sale_price_cents": None,
                    "is_active": True,
                }
            wanted[key] |= {"combination": key, "position": position}
        named: set[str] = set()
        for index, variant in enumerate(group.variants):
            key = ",".join(str(o.find(label).id) for o, label in zip(options, variant.values, strict=True))
            named.add(key)
            if index in outcome.problems:
                continue
            wanted[key] |= {
                "sku": variant.sku,
                "price_cents": variant.price_cents,
                "sale_price_cents": variant.sale_price_cents,
                "is_active": True,
            }
            if variant.gtin is not None:
                wanted[key]["gtin"] = variant.gtin
        keep = group.keep | {v.sku for v in group.variants}
        for key, values in wanted.items():
            if key not in named and values["is_active"] and (values["sku"] or "") not in keep:
                values["is_active"] = False
                outcome.deactivated += key in rows and rows[key].is_active
        work.append((group, outcome, options, rows, wanted, new_keys))
    _free_skus(session, store_id, stems, owners, wanted_skus={v["sku"] for w in work for v in w[4].values()})
    temporary, updates, inserts, inserted = [], [], [], []
    for group, outcome, options, rows, wanted, new_keys in work:
        for key, row in rows.items():
            values = wanted[key]
            if any(getattr(row, c) != values[c] for c in _COLUMNS):
                updates.append({"id": row.id, **values})
                outcome.changed.add(row.id)
                if values["sku"] != row.sku:
                    temporary.append({"id": row.id, "sku": f"~{row.id}"})
        for key in new_keys:
            values = wanted[key]
            values["sku"] = values["sku"] or stems[(group.product_id, key)]
            inserts.append(
                {"store_id": store_id, "product_id": group.product_id, "weight_grams": None, **values}
            )
            inserted.append((outcome, options, key))
    if temporary:  # SKUs moved between a product's variants: free them first
        session.execute(update(ProductVariant), temporary)
    if updates:
        session.execute(update(ProductVariant), updates)
    ids = _insert(session, ProductVariant, inserts, ("product_id", "combination")) if inserts else []
    for (outcome, options, key), variant_id in zip(inserted, ids, strict=True):
        outcome.changed.add(variant_id)
        value_ids = [int(v) for v in key.split(",")]
        links += [
            {"variant_id": variant_id, "option_id": o.id, "value_id": v}
            for o, v in zip(options, value_ids, strict=True)
        ]
        work_rows = next(w[3] for w in work if w[1] is outcome)
        work_rows[key] = ProductVariant(id=variant_id, sku="", product_id=0, store_id=store_id)
    if links:
        session.execute(insert(ProductVariantValue), links)
    for group, outcome, options, rows, _wanted, _new in work:
        outcome.variant_ids = [
            None
            if index in outcome.problems
            else rows[",".join(str(o.find(label).id) for o, label in zip(options, v.values, strict=True))].id
            for index, v in enumerate(group.variants)
        ]


def _free_skus(session: Session, store_id: int, stems: dict, owners: dict, wanted_skus: set) -> None:
    """Generated SKUs, numbered when taken (in the store, or by this batch), like generate_variants."""
    if not stems:
        return
    taken = set(owners) | set(_sku_owners(session, store_id, list(set(stems.values())))) | wanted_skus
    for where, stem in stems.items():
        candidate, n = stem, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem[:58]}-{n}"
            if candidate not in taken:
                taken |= set(_sku_owners(session, store_id, [candidate]))
        taken.add(candidate)
        stems[where] = candidate


def _refresh_search(session: Session, products: list[Product]) -> None:
    """The products' search text (variant SKUs and GTINs), where it changed."""
    ids = [p.id for p in products]
    if not ids:
        return
    texts = translations(session, ids)
    terms = variant_terms(session, ids)
    now = utcnow()
    changes = []
    for product in products:
        titles = {lang: {"title": t.title} for lang, t in texts[product.id].items()}
        text = search_text(product.model_dump(), titles, terms[product.id])
        if text != product.search_text:
            changes.append({"id": product.id, "search_text": text, "updated_at": now})
    if changes:
        session.execute(update(Product), changes)
