"""Demo catalogs for the three demo stores; running it twice changes nothing.

Each store (`cafe-lux`, `bakery-lux`, `velo-weber`, created by the tenancy demo) gets a
small category tree, `CATALOG_DEMO_PRODUCTS` products (180 by default) with texts in
fr/en/de (and lb where natural), valid EAN-13s, locally drawn photos and stock in the two
warehouses. A store that already has products is skipped entirely. The categories, texts
and product lines are data: `<store code>.json` and `vocabulary.json` in this folder, read
by `catalogs.py`.

Everything goes through the catalog and inventory services, so the data obeys the same
rules as data typed into the dashboard. The titles are combinations (product × origin,
model, flavour or colour × size) drawn with `random.Random(store_code)`, so every run
produces the same catalog. Photos are drawn and encoded once per (category, product line,
style), in a small thread pool since that is what costs the time, and their files written
for each product that shows them.
"""

import io
import math
import os
import random
import time
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import func
from sqlmodel import Session, select

from modules.catalog.demo.catalogs import IMAGE_EDGE, LANGS, REASON, Leaf, Line, Top, load_catalogs
from modules.catalog.models import Category, Product
from modules.catalog.services.categories import create_category
from modules.catalog.services.media import EncodedPhoto, encode_photo, store_photo
from modules.catalog.services.products import create_product
from modules.catalog.services.variants import default_variants
from modules.contracts.public import feature_limit
from modules.inventory.public import adjust_stock
from modules.tenancy.public import StoreRef, home_platform_of_store

# --------------------------------------------------------------------------- helpers


def ean13(prefix: str, item: int) -> str:
    """An EAN-13 from a 7-digit company prefix and an item number, with its GS1 check digit."""
    body = f"{prefix}{item:05d}"[:12]
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def _compose(lang: str, noun: str, qual: str) -> str:
    if not qual:
        return noun
    if "{}" in qual:
        return qual.replace("{}", noun)
    return f"{qual} {noun}" if lang == "en" else f"{noun} {qual}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def title_of(lang: str, line: Line, qual: dict[str, str], variant: dict[str, str]) -> str | None:
    """The product's title in `lang`, or None when a part has no wording in that language."""
    parts = (line.noun.get(lang), qual.get(lang), variant.get(lang))
    if any(p is None for p in parts):
        return None
    noun, q, v = parts
    title = _capital(_compose(lang, noun, q))
    return f"{title} – {v}" if v else title


def demo_price(rng: random.Random, value: float) -> float:
    """A shop-like price: 4.50 / 12.90 / 1 249.00."""
    if value < 20:
        return max(0.5, math.floor(value) + rng.choice((0.5, 0.9, 0.95)))
    if value < 200:
        return math.floor(value) + 0.9
    return round(value / 10) * 10 - 1.0


def _text(parts: list[dict[str, str]], lang: str) -> str | None:
    if any(lang not in p for p in parts):
        return None
    return " ".join(p[lang] for p in parts)


@dataclass
class Planned:
    """One product to create, with what its photos and stock need."""

    data: dict
    top: Top
    leaf: Leaf
    line_no: int
    label: str
    stock: tuple[int, int]
    digital: bool = False
    gift: int = 0
    quantities: list[tuple[str, str, int]] = field(default_factory=list)


def plan_store(code: str, store_lang: str, count: int) -> tuple[list[tuple[Top, Leaf]], list[Planned]]:
    """The store's leaves and `count` products, decided up front and deterministically."""
    catalog = load_catalogs()[code]
    rng = random.Random(code)
    leaves = [(top, leaf) for top in catalog.tops for leaf in top.leaves]
    pools = []
    for _top, leaf in leaves:
        combos = [
            (line_no, qual, variant)
            for line_no, line in enumerate(leaf.lines)
            for qual in line.quals
            for variant in line.variants
        ]
        rng.shuffle(combos)
        pools.append(combos)
    gifts = catalog.gift_cards[: max(0, min(len(catalog.gift_cards), count - 1))]
    wanted = count - len(gifts)
    picked: list[tuple[int, tuple]] = []
    while len(picked) < wanted and any(pools):
        for index, pool in enumerate(pools):
            if pool and len(picked) < wanted:
                picked.append((index, pool.pop()))
    planned: list[Planned] = []
    for number, (leaf_index, (line_no, qual, (variant, factor))) in enumerate(picked, start=1):
        top, leaf = leaves[leaf_index]
        line = leaf.lines[line_no]
        brand = rng.choice(line.brands or leaf.brands)
        price = demo_price(rng, rng.uniform(*line.price) * factor)
        data: dict = {
            "sku": f"{catalog.sku_prefix}-{leaf.slug[:3].upper()}-{number:04d}",
            "price": f"{price:.2f}",
            "gtin": ean13(catalog.gs1_prefix, number),
            "brand": brand,
            "mpn": f"{''.join(w[0] for w in brand.split())[:3].upper()}-{rng.randint(1000, 9999)}",
            "condition": "new",
            "availability": "in_stock",
            "vat_rate": str(line.vat or leaf.vat),
            "is_active": "false" if number % 30 == 17 else "true",
            "is_featured": "false",
            "is_digital": "false",
        }
        if rng.random() < 0.12:
            sale = demo_price(rng, price * rng.uniform(0.75, 0.9))
            if sale < price:
                data["sale_price"] = f"{sale:.2f}"
        description = [rng.choice(leaf.intros), rng.choice(leaf.details)]
        if rng.random() < 0.4:
            description.append(rng.choice(catalog.closing))
        with_lb = rng.random() < catalog.lb_share
        for lang in LANGS:
            title = title_of(lang, line, qual, variant)
            if title is None or (lang == "lb" and not with_lb):
                continue
            data[f"title_{lang}"] = title
            text = _text(description, lang) or _text(description[:1], lang) or ""
            data[f"description_{lang}"] = text
        label = line.noun.get(store_lang) or line.noun["fr"]
        planned.append(Planned(data, top, leaf, line_no, _capital(label), line.stock))
    for gift_no, card in enumerate(gifts, start=1):
        number = len(planned) + 1
        data = {
            "sku": f"{catalog.sku_prefix}-GIFT-{gift_no:02d}",
            "price": card.price,
            "gtin": ean13(catalog.gs1_prefix, 90000 + gift_no),
            "brand": card.brand,
            "condition": "new",
            "availability": "in_stock",
            "vat_rate": str(card.vat),
            "is_active": "true",
            "is_featured": "false",
            "is_digital": "true",
        }
        for lang, title in card.title.items():
            data[f"title_{lang}"] = title
            data[f"description_{lang}"] = card.description.get(lang, "")
        top, leaf = leaves[-1]
        label = card.title.get(store_lang) or card.title["fr"]
        planned.append(Planned(data, top, leaf, -gift_no, label, (0, 0), digital=True, gift=gift_no))
    _plan_flags_and_stock(rng, planned, leaves)
    return leaves, planned


def _plan_flags_and_stock(rng: random.Random, planned: list[Planned], leaves) -> None:
    physical = [p for p in planned if not p.digital]
    active = [p for p in physical if p.data["is_active"] == "true"]
    featured = rng.sample(active, min(len(active), 8, max(1, len(planned) // 4)))
    for p in featured:
        p.data["is_featured"] = "true"
    candidates = [p for p in active if p not in featured] or active
    low = rng.sample(candidates, min(len(candidates), max(1, round(len(physical) * 0.05))))
    aisle = {leaf.slug: number for number, (_, leaf) in enumerate(leaves, start=10)}
    for p in physical:
        shelf = rng.randint(1, 12)
        strassen_bin = f"SA-{aisle[p.leaf.slug]:02d}-{shelf:02d}"
        bettembourg_bin = f"BE-{aisle[p.leaf.slug] - 9:02d}-{rng.randint(1, 8):02d}"
        if p in low:
            units = rng.randint(0, 3)
            p.quantities = [("STRASSEN", strassen_bin, units)]
            if units == 0:
                p.data["availability"] = "out_of_stock"
        else:
            lo, hi = p.stock
            p.quantities = [
                ("STRASSEN", strassen_bin, rng.randint(max(lo, 3), max(hi, 3))),
                ("BETTEMBOURG", bettembourg_bin, rng.randint(max(lo, 3), max(hi, 3) * 2)),
            ]


# --------------------------------------------------------------------------- images


def _mix(colour: tuple[int, int, int], other: tuple[int, int, int], amount: float) -> tuple[int, int, int]:
    return tuple(round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=64)
def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A font with accents when the system has one; else Pillow's own (whose font has none)."""
    for name in ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _fit_text(draw: ImageDraw.ImageDraw, text: str, width: int, size: int):
    font, accents = _font(size)
    if not accents:
        text = _fold(text)
    while size > 18 and draw.textlength(text, font=font) > width:
        size -= 4
        font, _ = _font(size)
    return font, text


def _shape(draw: ImageDraw.ImageDraw, kind: int, box: tuple[int, int, int, int], fill, outline) -> None:
    x0, y0, x1, y1 = box
    cx, cy, r = (x0 + x1) // 2, (y0 + y1) // 2, (x1 - x0) // 2
    line = max(2, r // 22)
    kind %= 6
    if kind == 0:
        draw.ellipse(box, fill=fill, outline=outline, width=line)
    elif kind == 1:
        draw.rounded_rectangle(box, radius=r // 3, fill=fill, outline=outline, width=line)
    elif kind == 2:
        draw.regular_polygon((cx, cy, r), 6, fill=fill, outline=outline, width=line)
    elif kind == 3:
        draw.regular_polygon((cx, cy + r // 8, r), 3, fill=fill, outline=outline, width=line)
    elif kind == 4:
        draw.regular_polygon((cx, cy, r), 4, rotation=45, fill=fill, outline=outline, width=line)
    else:
        draw.ellipse(box, fill=fill)
        inner = r // 2
        draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=outline)


def _canvas(edge: int):
    """Drawing helpers for a layout designed on a 900-unit square, scaled to `edge` pixels."""
    k = edge / 900

    def px(*values: float) -> tuple[int, ...]:
        return tuple(round(v * k) for v in values)

    return px, lambda v: max(1, round(v * k))


def _signed_jpeg(image: Image.Image, draw: ImageDraw.ImageDraw, store_name: str, ink) -> bytes:
    """The store's name in the top left corner, then the picture as JPEG bytes."""
    px, n = _canvas(image.width)
    small, name = _fit_text(draw, store_name, n(780), n(30))
    draw.text(px(60, 40), name, font=small, fill=ink)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def draw_photo(
    colour: tuple[int, int, int], shape: int, label: str, store_name: str, style: int, edge: int = IMAGE_EDGE
) -> bytes:
    """A square JPEG: a soft gradient in the category colour, a shape and the product's name.

    Style 0 is the main photo; style 1 (a second photo of featured products) has a radial
    gradient, a smaller shape off-centre and a few decorations.
    """
    px, n = _canvas(edge)
    light, deep = _mix(colour, (255, 255, 255), 0.82), _mix(colour, (255, 255, 255), 0.35)
    mask = (Image.radial_gradient("L") if style else Image.linear_gradient("L")).resize((edge, edge))
    image = Image.composite(Image.new("RGB", (edge, edge), deep), Image.new("RGB", (edge, edge), light), mask)
    draw = ImageDraw.Draw(image)
    dark = _mix(colour, (0, 0, 0), 0.25)
    size, cx, cy = (440, 450, 380) if style == 0 else (360, 570, 340)
    half = size // 2
    draw.ellipse(px(cx - half, cy + half - 10, cx + half, cy + half + 40), fill=_mix(deep, (0, 0, 0), 0.15))
    _shape(draw, shape, px(cx - half, cy - half, cx + half, cy + half), colour, dark)
    if style:
        draw.ellipse(px(110, 120, 330, 340), outline=_mix(colour, (255, 255, 255), 0.5), width=n(14))
        draw.rectangle(px(90, 560, 380, 590), fill=_mix(colour, (255, 255, 255), 0.55))
    draw.rounded_rectangle(px(60, 690, 840, 840), radius=n(36), fill=(255, 255, 255))
    font, text = _fit_text(draw, label, n(720), n(64))
    draw.text(px(450, 765), text, font=font, fill=dark, anchor="mm")
    return _signed_jpeg(image, draw, store_name, dark)


def draw_gift_card(
    colour: tuple[int, int, int], label: str, price: str, store_name: str, edge: int = IMAGE_EDGE
) -> bytes:
    px, n = _canvas(edge)
    ink = _mix(colour, (0, 0, 0), 0.4)
    image = Image.new("RGB", (edge, edge), _mix(colour, (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(px(90, 220, 810, 680), radius=n(40), fill=colour)
    draw.rectangle(px(90, 560, 810, 600), fill=_mix(colour, (0, 0, 0), 0.3))
    font, text = _fit_text(draw, f"{price.split('.')[0]} €", n(500), n(150))
    draw.text(px(450, 400), text, font=font, fill=(255, 255, 255), anchor="mm")
    font, text = _fit_text(draw, label, n(760), n(52))
    draw.text(px(450, 770), text, font=font, fill=ink, anchor="mm")
    return _signed_jpeg(image, draw, store_name, ink)


# --------------------------------------------------------------------------- seeding


def _drawn_and_encoded(draw, *args) -> EncodedPhoto:
    return encode_photo(draw(*args))


def _category_ids(session: Session, store_id: int, leaves: list[tuple[Top, Leaf]]) -> dict[str, int]:
    """The store's demo categories (existing ones are reused, e.g. after an interrupted run)."""
    ids: dict[str, int] = {}
    for top, leaf in leaves:
        for slug, names, parent in ((top.slug, top.names, None), (leaf.slug, leaf.names, top.slug)):
            if slug in ids:
                continue
            found = session.exec(
                select(Category.id).where(Category.store_id == store_id, Category.slug == slug)
            ).first()
            if found is None:
                parent_id = ids[parent] if parent else None
                found = create_category(session, store_id, names, parent_id=parent_id, slug=slug).id
            ids[slug] = found
    return ids


def seed_store(
    session: Session, store: StoreRef, platform_id: int, count: int, pool: ThreadPoolExecutor
) -> str:
    existing = session.exec(select(func.count(Product.id)).where(Product.store_id == store.id)).one()
    if existing:
        return f"Catalog: {store.code} already has {existing} products; left as it is."
    limit = feature_limit(store.merchant_id, platform_id, "products_limit")
    note = ""
    if limit is not None and count > limit:
        count, note = limit, f" (capped at the plan's products_limit of {limit})"
    leaves, planned = plan_store(store.code, store.default_language, count)
    category_ids = _category_ids(session, store.id, leaves)
    images: dict[tuple, Future[EncodedPhoto]] = {}
    wanted: list[tuple[int, Future[EncodedPhoto], str]] = []  # product id, photo, alt
    bins = 0
    for item in planned:
        item.data["category_id"] = str(category_ids[item.leaf.slug])
        product = create_product(
            session,
            store.id,
            store.merchant_id,
            platform_id,
            item.data,
            preferred_lang=store.default_language,
        )
        variant_id = default_variants(session, store.id, [product.id])[product.id]
        for warehouse, bin_name, units in item.quantities:
            adjust_stock(
                session,
                store.id,
                product.id,
                warehouse,
                bin_name,
                variant_id=variant_id,
                delta=units,
                reason=REASON,
            )
            bins += 1
        alt = item.data.get(f"title_{store.default_language}") or item.data.get("title_fr", "")
        styles = (0, 1) if item.data["is_featured"] == "true" else (0,)
        for style in styles:
            key = (item.leaf.slug, item.line_no, style)
            if key not in images:
                if item.digital:
                    draw = (draw_gift_card, item.top.colour, item.label, item.data["price"], store.name)
                else:
                    shape = sum(map(ord, item.leaf.slug)) + item.line_no
                    draw = (draw_photo, item.top.colour, shape, item.label, store.name, style)
                images[key] = pool.submit(_drawn_and_encoded, *draw)
            wanted.append((product.id, images[key], alt))
    # Each drawn photo is encoded once (in the pool, while products are created) and its
    # files are written for every product that shows it.
    for product_id, photo, alt in wanted:
        store_photo(session, store.id, product_id, photo.result(), alt)
    low = sum(1 for p in planned if p.quantities and sum(q for _, _, q in p.quantities) <= 3)
    categories = len({t.slug for t, _ in leaves}) + len(leaves)
    return (
        f"Catalog: {len(planned)} products in {store.code}{note} — {categories} categories, "
        f"{len(wanted)} photos ({len(images)} drawn), {bins} stock bins, {low} low on stock."
    )


def seed(session: Session) -> list[str]:
    """Give each demo store a catalog; stores that already have products are left alone."""
    started = time.perf_counter()
    count = int(os.environ.get("CATALOG_DEMO_PRODUCTS", "180"))
    if count <= 0:
        return ["Catalog: no demo products (CATALOG_DEMO_PRODUCTS=0)."]
    lines: list[str] = []
    # Drawing and encoding need no database: Pillow releases the GIL while it encodes.
    pool = ThreadPoolExecutor(min(4, os.cpu_count() or 1), thread_name_prefix="catalog-demo")
    try:
        for code in load_catalogs():
            found = home_platform_of_store(session, code)
            if found is None:
                lines.append(
                    f"Catalog: there is no store '{code}' yet (run the tenancy demo first); skipped."
                )
                continue
            platform, store = found
            lines.append(seed_store(session, store, platform.id, count, pool))
    finally:
        pool.shutdown(wait=True)
    lines.append(f"Catalog demo done in {time.perf_counter() - started:.1f} s.")
    return lines
