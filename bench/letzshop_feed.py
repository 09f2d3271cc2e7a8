"""A realistic Letzshop product feed, generated (fixed seed): for the benchmark and for people.

`python -m bench.letzshop_feed FILE [ROWS]` writes one (20,000 rows by default) to try the
import page with: French titles and ~200-character descriptions, prices written `19.99 EUR`
or `19,99`, EAN-13 GTINs with correct check digits, a quantity on every row.
"""

import random
import sys
from pathlib import Path

HEADER = [
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "availability",
    "price",
    "sale_price",
    "brand",
    "gtin",
    "mpn",
    "condition",
    "quantity",
]

ITEMS = [
    "Tasse",
    "Théière",
    "Bol",
    "Assiette plate",
    "Carafe",
    "Verre à vin",
    "Planche à découper",
    "Couteau de chef",
    "Poêle",
    "Casserole",
    "Torchon",
    "Tablier",
    "Plaid",
    "Coussin",
    "Bougie parfumée",
    "Vase",
    "Lampe de bureau",
    "Cadre photo",
    "Sac cabas",
    "Gourde isotherme",
]
MATERIALS = ["en grès", "en porcelaine", "en lin lavé", "en chêne massif", "en inox", "en verre soufflé"]
COLOURS = ["blanc cassé", "bleu nuit", "vert sauge", "terracotta", "gris anthracite", "jaune moutarde"]
BRANDS = ["Villeroy & Boch", "Kaffi Lëtzebuerg", "Maison Schmit", "Atelier Mosel", "Bamberg", "Ösling Design"]
SENTENCES = [
    "Fabriqué à la main dans un atelier familial au Luxembourg.",
    "Résiste au lave-vaisselle et au micro-ondes, couleurs garanties sans plomb.",
    "Chaque pièce est unique : de légères variations de teinte sont normales.",
    "Livré dans un emballage recyclé, idéal pour offrir.",
    "Dimensions soignées pour un usage quotidien, facile à entretenir.",
    "Une finition mate et douce au toucher qui s'accorde à tous les styles.",
]


def _ean13(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def write_feed(path: Path, rows: int, seed: int = 7) -> None:
    """A realistic Letzshop feed of `rows` valid products (same seed, same file)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("\t".join(HEADER) + "\n")
        for n in range(rows):
            item, material, colour = rng.choice(ITEMS), rng.choice(MATERIALS), rng.choice(COLOURS)
            brand = rng.choice(BRANDS)
            title = f"{item} {material} {colour} – modèle {n % 997}"
            description = " ".join(rng.sample(SENTENCES, 3))[:200]
            cents = rng.randrange(290, 49_900, 10)
            price = f"{cents // 100}.{cents % 100:02d} EUR" if n % 3 else f"{cents // 100},{cents % 100:02d}"
            sale = f"{cents * 8 // 1000}.{cents * 8 // 10 % 100:02d} EUR" if n % 7 == 0 else ""
            quantity = rng.choice([0, 1, 2, 5, 10, 25, 50])
            availability = "in stock" if quantity else rng.choice(["out of stock", "preorder"])
            out.write(
                "\t".join(
                    [
                        f"LZ-{n:07d}",
                        title,
                        description,
                        f"https://boutique.example.lu/p/lz-{n:07d}",
                        f"https://boutique.example.lu/img/lz-{n:07d}.jpg",
                        availability,
                        price,
                        sale,
                        brand,
                        _ean13(f"540{n:09d}"),
                        f"MPN-{n:07d}",
                        "new" if n % 50 else "refurbished",
                        str(quantity),
                    ]
                )
                + "\n"
            )


if __name__ == "__main__":
    write_feed(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20_000)
