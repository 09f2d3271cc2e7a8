"""Demo catalog vocabulary and product lines of the three demo stores (data only)."""

from dataclasses import dataclass

LANGS = ("fr", "en", "de", "lb")
WAREHOUSES = ("STRASSEN", "BETTEMBOURG")
IMAGE_EDGE = 800
REASON = "Demo stock"


# --------------------------------------------------------------------------- data model


def T(fr: str, en: str, de: str, lb: str | None = None) -> dict[str, str]:
    """One text in each language; `lb` is left out where there is no natural wording."""
    texts = {"fr": fr, "en": en, "de": de}
    if lb is not None:
        texts["lb"] = lb
    return texts


NONE = T("", "", "", "")  # "no qualifier" / "no variant"


@dataclass(frozen=True)
class Line:
    """A kind of product; its titles are noun × qualifier × variant.

    A qualifier text may hold `{}` where the noun goes ("Bio-{}", "{} in Schwarz");
    without it, French, German and Luxembourgish put it after the noun, English before.
    Variants carry a price factor.
    """

    noun: dict[str, str]
    quals: tuple[dict[str, str], ...]
    variants: tuple[tuple[dict[str, str], float], ...]
    price: tuple[float, float]
    brands: tuple[str, ...] = ()
    vat: int | None = None
    stock: tuple[int, int] = (6, 40)


@dataclass(frozen=True)
class Leaf:
    slug: str
    names: dict[str, str]
    vat: int
    brands: tuple[str, ...]
    intros: tuple[dict[str, str], ...]
    details: tuple[dict[str, str], ...]
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Top:
    slug: str
    names: dict[str, str]
    colour: tuple[int, int, int]
    leaves: tuple[Leaf, ...]


@dataclass(frozen=True)
class GiftCard:
    title: dict[str, str]
    description: dict[str, str]
    price: str
    vat: int


@dataclass(frozen=True)
class StoreCatalog:
    sku_prefix: str
    gs1_prefix: str  # 7-digit GS1 company prefix (540–549: Belgium & Luxembourg)
    lb_share: float  # share of products (that have Luxembourgish words) also titled in lb
    tops: tuple[Top, ...]
    closing: tuple[dict[str, str], ...]
    gift_cards: tuple[GiftCard, ...]


# Colours: (French m, f, m pl, f pl), English, German, Luxembourgish.
_COLOURS = {
    "black": (("noir", "noire", "noirs", "noires"), "black", "Schwarz", "Schwaarz"),
    "white": (("blanc", "blanche", "blancs", "blanches"), "white", "Weiß", "Wäiss"),
    "grey": (("gris", "grise", "gris", "grises"), "grey", "Grau", "Gro"),
    "blue": (("bleu", "bleue", "bleus", "bleues"), "blue", "Blau", "Blo"),
    "red": (("rouge", "rouge", "rouges", "rouges"), "red", "Rot", "Rout"),
    "green": (("vert", "verte", "verts", "vertes"), "green", "Grün", "Gréng"),
    "night": (("bleu nuit",) * 4, "midnight blue", "Nachtblau", None),
    "sage": (("vert sauge",) * 4, "sage green", "Salbeigrün", None),
    "yellow": (("jaune fluo", "jaune fluo", "jaunes fluo", "jaunes fluo"), "neon yellow", "Neongelb", None),
    "copper": (("cuivre",) * 4, "copper", "Kupfer", "Koffer"),
}
_GENDER = {"m": 0, "f": 1, "mp": 2, "fp": 3}


def colours(gender: str, *names: str) -> tuple[dict[str, str], ...]:
    """Colour qualifiers that agree with a French noun of `gender` (m, f, mp, fp)."""
    result = []
    for name in names:
        fr, en, de, lb = _COLOURS[name]
        result.append(
            T("{} " + fr[_GENDER[gender]], en + " {}", "{} in " + de, None if lb is None else "{} a " + lb)
        )
    return tuple(result)


def sizes(*labels: str, factor: float = 1.0) -> tuple[tuple[dict[str, str], float], ...]:
    return tuple((T(f"taille {s}", f"size {s}", f"Größe {s}", f"Gréisst {s}"), factor) for s in labels)


def grams(*pairs: tuple[str, float]) -> tuple[tuple[dict[str, str], float], ...]:
    return tuple((T(label, label, label, label), factor) for label, factor in pairs)


def pieces(*pairs: tuple[int, float], fr="pièces", en="pieces", de="Stück", lb="Stéck"):
    return tuple(
        (
            T("à l'unité", "single", "einzeln", "eenzel")
            if n == 1
            else T(f"{n} {fr}", f"{n} {en}", f"{n} {de}", None if lb is None else f"{n} {lb}"),
            factor,
        )
        for n, factor in pairs
    )


def servings(*pairs: tuple[int, float]):
    return tuple(
        (T(f"{n} personnes", f"serves {n}", f"für {n} Personen", f"fir {n} Persounen"), factor)
        for n, factor in pairs
    )


ORGANIC = T("{} bio", "organic {}", "Bio-{}", "Bio-{}")
OLD_STYLE = T("{} à l'ancienne", "old-fashioned {}", "{} nach Großmutters Art", "{} wéi bei der Bomi")
SINGLE = (NONE, 1.0)

# --------------------------------------------------------------------------- cafe-lux

_ORIGINS = (
    T("Éthiopie Yirgacheffe", "Ethiopia Yirgacheffe", "Äthiopien Yirgacheffe", "Äthiopien Yirgacheffe"),
    T("Colombie Huila", "Colombia Huila", "Kolumbien Huila", "Kolumbien Huila"),
    T("Brésil Cerrado", "Brazil Cerrado", "Brasilien Cerrado", "Brasilien Cerrado"),
    T("Guatemala Antigua", "Guatemala Antigua", "Guatemala Antigua", "Guatemala Antigua"),
    T("Kenya AA", "Kenya AA", "Kenia AA", "Kenia AA"),
    T("Pérou bio", "organic Peru", "Bio-Peru", "Bio-Peru"),
    T("Costa Rica Tarrazú", "Costa Rica Tarrazú", "Costa Rica Tarrazú", "Costa Rica Tarrazú"),
    T("Sumatra Mandheling", "Sumatra Mandheling", "Sumatra Mandheling", "Sumatra Mandheling"),
)
_BLENDS = (
    T("Mélange Maison", "House Blend", "Hausmischung", "Hausmëschung"),
    T("Crème", "Crema", "Crema", "Crème"),
    T("Intenso", "Intenso", "Intenso", "Intenso"),
    T("Dolce", "Dolce", "Dolce", "Dolce"),
    T("Moka Sidamo", "Mocha Sidamo", "Mokka Sidamo", "Mokka Sidamo"),
)
_BEAN_WEIGHTS = grams(("250 g", 1.0), ("500 g", 1.85), ("1 kg", 3.4))

CAFE = StoreCatalog(
    sku_prefix="CL",
    gs1_prefix="5401234",
    lb_share=0.5,
    closing=(
        T(
            "Disponible en retrait au comptoir de Strassen.",
            "Available for pick-up at our Strassen counter.",
            "Abholung an unserer Theke in Strassen möglich.",
            "Kann op eiser Theek zu Strassen ofgeholl ginn.",
        ),
        T(
            "Livraison au Luxembourg en 24 à 48 heures.",
            "Delivered within Luxembourg in 24 to 48 hours.",
            "Lieferung innerhalb Luxemburgs in 24 bis 48 Stunden.",
            "Liwwerung zu Lëtzebuerg an 24 bis 48 Stonnen.",
        ),
    ),
    gift_cards=(
        GiftCard(
            T(
                "Carte cadeau Café Lëtzebuerg 25 €",
                "Café Lëtzebuerg gift card €25",
                "Café Lëtzebuerg Geschenkkarte 25 €",
                "Café Lëtzebuerg Kaddoskaart 25 €",
            ),
            T(
                "Une carte cadeau envoyée par e-mail, valable un an sur le café, le thé et les pâtisseries.",
                "A gift card sent by e-mail, valid for one year on all coffee, tea and pastries.",
                "Eine Geschenkkarte per E-Mail, ein Jahr gültig für Kaffee, Tee und Gebäck.",
                "Eng Kaddoskaart per E-Mail, ee Joer gëlteg fir Kaffi, Téi a Pâtisserie.",
            ),
            "25.00",
            0,
        ),
        GiftCard(
            T(
                "Carte cadeau Café Lëtzebuerg 50 €",
                "Café Lëtzebuerg gift card €50",
                "Café Lëtzebuerg Geschenkkarte 50 €",
                "Café Lëtzebuerg Kaddoskaart 50 €",
            ),
            T(
                "Une carte cadeau envoyée par e-mail, valable un an en boutique et en ligne.",
                "A gift card sent by e-mail, valid for one year in the shop and online.",
                "Eine Geschenkkarte per E-Mail, ein Jahr gültig im Laden und online.",
                "Eng Kaddoskaart per E-Mail, ee Joer gëlteg am Buttek an online.",
            ),
            "50.00",
            0,
        ),
    ),
    tops=(
        Top(
            "cafe",
            T("Café", "Coffee", "Kaffee", "Kaffi"),
            (120, 80, 52),
            (
                Leaf(
                    "cafe-en-grains",
                    T("Café en grains", "Coffee beans", "Kaffeebohnen", "Kaffisbounen"),
                    3,
                    ("Café Lëtzebuerg", "Torréfaction Moselle"),
                    (
                        T(
                            "Torréfié chaque semaine dans notre atelier de Strassen, par petites fournées.",
                            "Roasted every week in our Strassen workshop, in small batches.",
                            "Jede Woche in kleinen Chargen in unserer Rösterei in Strassen geröstet.",
                            "All Woch a klenge Quantitéiten an eisem Atelier zu Strassen geréischt.",
                        ),
                        T(
                            "Un café de spécialité acheté directement auprès des producteurs.",
                            "A specialty coffee bought directly from the growers.",
                            "Ein Spezialitätenkaffee, direkt bei den Produzenten eingekauft.",
                            "E Spezialitéitekaffi, direkt bei de Produzenten akaaft.",
                        ),
                        T(
                            "Torréfaction moyenne, équilibrée et douce.",
                            "Medium roast, balanced and smooth.",
                            "Mittlere Röstung, ausgewogen und mild.",
                            None,
                        ),
                    ),
                    (
                        T(
                            "Notes de chocolat noir, de noisette et de caramel.",
                            "Notes of dark chocolate, hazelnut and caramel.",
                            "Noten von dunkler Schokolade, Haselnuss und Karamell.",
                            None,
                        ),
                        T(
                            "Notes fruitées d'agrumes et de fruits rouges.",
                            "Fruity notes of citrus and red berries.",
                            "Fruchtige Noten von Zitrus und roten Beeren.",
                            None,
                        ),
                        T(
                            "Idéal en espresso comme en filtre.",
                            "Great as espresso and as filter coffee.",
                            "Ideal für Espresso und Filterkaffee.",
                            "Ideal fir Espresso a Filterkaffi.",
                        ),
                        T(
                            "Emballé dans un sachet à valve qui préserve les arômes.",
                            "Packed in a valve bag that keeps the aromas fresh.",
                            "In einem Aromaventilbeutel verpackt.",
                            None,
                        ),
                    ),
                    (
                        Line(
                            T("Café en grains", "coffee beans", "Kaffeebohnen", "Kaffisbounen"),
                            _ORIGINS,
                            _BEAN_WEIGHTS,
                            (8.9, 13.9),
                        ),
                        Line(
                            T("Espresso en grains", "espresso beans", "Espressobohnen", "Espressobounen"),
                            _BLENDS,
                            _BEAN_WEIGHTS,
                            (7.9, 11.9),
                        ),
                        Line(
                            T(
                                "Café vert à torréfier",
                                "green coffee for home roasting",
                                "Rohkaffee zum Selbströsten",
                                None,
                            ),
                            _ORIGINS[:5],
                            grams(("500 g", 1.0), ("1 kg", 1.8)),
                            (9.9, 14.9),
                        ),
                    ),
                ),
                Leaf(
                    "cafe-moulu-capsules",
                    T(
                        "Café moulu & capsules",
                        "Ground coffee & capsules",
                        "Gemahlener Kaffee & Kapseln",
                        "Gemuelene Kaffi & Kapselen",
                    ),
                    3,
                    ("Café Lëtzebuerg", "Torréfaction Moselle"),
                    (
                        T(
                            "Moulu frais pour la cafetière filtre, la cafetière à piston ou l'italienne.",
                            "Freshly ground for filter machines, French presses and moka pots.",
                            "Frisch gemahlen für Filtermaschine, Stempelkanne oder Espressokocher.",
                            None,
                        ),
                        T(
                            "Nos mélanges maison, prêts à infuser.",
                            "Our house blends, ready to brew.",
                            "Unsere Hausmischungen, fertig zum Aufbrühen.",
                            "Eis Hausmëschungen, prett fir opzebréien.",
                        ),
                    ),
                    (
                        T(
                            "Capsules compostables, sans aluminium.",
                            "Compostable capsules, free of aluminium.",
                            "Kompostierbare Kapseln ohne Aluminium.",
                            None,
                        ),
                        T(
                            "Une tasse ronde avec une belle crème.",
                            "A rounded cup with a fine crema.",
                            "Eine runde Tasse mit feiner Crema.",
                            None,
                        ),
                        T(
                            "Torréfié au Luxembourg.",
                            "Roasted in Luxembourg.",
                            "In Luxemburg geröstet.",
                            "Zu Lëtzebuerg geréischt.",
                        ),
                    ),
                    (
                        Line(
                            T("Café moulu", "ground coffee", "Gemahlener Kaffee", "Gemuelene Kaffi"),
                            (
                                _BLENDS[0],
                                _BLENDS[1],
                                _BLENDS[4],
                                T("Décaféiné", "decaf", "entkoffeiniert", "ouni Koffein"),
                                T("Spécial filtre", "filter roast", "Filterröstung", "Filterröstung"),
                            ),
                            grams(("250 g", 1.0), ("500 g", 1.85)),
                            (6.5, 9.9),
                        ),
                        Line(
                            T(
                                "Capsules compatibles Nespresso®",
                                "Nespresso®-compatible capsules",
                                "Nespresso®-kompatible Kapseln",
                                None,
                            ),
                            (
                                T("Intenso", "Intenso", "Intenso"),
                                T("Lungo", "Lungo", "Lungo"),
                                T("Ristretto", "Ristretto", "Ristretto"),
                                T("Crème", "Crema", "Crema"),
                                T("Vanille", "vanilla", "Vanille"),
                                T("Caramel", "caramel", "Karamell"),
                            ),
                            pieces((10, 1.0), (50, 4.6), fr="capsules", en="capsules", de="Kapseln", lb=None),
                            (3.9, 4.9),
                        ),
                        Line(
                            T("Dosettes souples", "soft coffee pods", "Kaffeepads", "Kaffispads"),
                            (_BLENDS[0], _BLENDS[1], _BLENDS[2]),
                            pieces((18, 1.0), (36, 1.9), fr="dosettes", en="pods", de="Pads", lb="Pads"),
                            (3.5, 4.5),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "the-infusions",
            T("Thé & infusions", "Tea & infusions", "Tee & Kräutertee", "Téi & Infusiounen"),
            (92, 138, 88),
            (
                Leaf(
                    "thes",
                    T("Thés", "Teas", "Tees", "Téien"),
                    3,
                    ("Thé Lëtzebuerg", "Jardins d'Éislek"),
                    (
                        T(
                            "Un thé en feuilles entières, sélectionné par notre maître de thé.",
                            "A whole-leaf tea chosen by our tea master.",
                            "Ein Blatttee, ausgewählt von unserem Teemeister.",
                            None,
                        ),
                        T(
                            "Récolté à la main et conditionné en petites quantités.",
                            "Hand-picked and packed in small quantities.",
                            "Von Hand gepflückt und in kleinen Mengen abgepackt.",
                            None,
                        ),
                    ),
                    (
                        T(
                            "Infuser 3 minutes dans une eau à 90 °C.",
                            "Steep for 3 minutes in water at 90 °C.",
                            "3 Minuten in 90 °C heißem Wasser ziehen lassen.",
                            "3 Minutten an 90 °C waarmem Waasser zéie loossen.",
                        ),
                        T(
                            "Délicieux nature ou avec un nuage de lait.",
                            "Lovely on its own or with a dash of milk.",
                            "Köstlich pur oder mit einem Schuss Milch.",
                            None,
                        ),
                        T(
                            "Se conserve à l'abri de la lumière et de l'humidité.",
                            "Keep away from light and moisture.",
                            "Vor Licht und Feuchtigkeit geschützt aufbewahren.",
                            None,
                        ),
                    ),
                    (
                        Line(
                            T("Thé noir", "black tea", "Schwarztee", "Schwaarzen Téi"),
                            (
                                T(
                                    "Darjeeling First Flush",
                                    "Darjeeling First Flush",
                                    "Darjeeling First Flush",
                                    "Darjeeling First Flush",
                                ),
                                T("Assam", "Assam", "Assam", "Assam"),
                                T("Earl Grey", "Earl Grey", "Earl Grey", "Earl Grey"),
                                T(
                                    "English Breakfast",
                                    "English Breakfast",
                                    "English Breakfast",
                                    "English Breakfast",
                                ),
                                T("Ceylan Uva", "Ceylon Uva", "Ceylon Uva", "Ceylon Uva"),
                                T("Chaï épicé", "spiced chai", "Chai mit Gewürzen", None),
                            ),
                            (
                                (T("boîte de 100 g", "100 g tin", "100-g-Dose", "100-g-Dous"), 1.0),
                                (T("sachet de 250 g", "250 g bag", "250-g-Beutel", None), 2.2),
                                (T("20 sachets", "20 tea bags", "20 Teebeutel", None), 0.7),
                            ),
                            (6.9, 11.9),
                        ),
                        Line(
                            T("Thé vert", "green tea", "Grüntee", "Gréngen Téi"),
                            (
                                T("Sencha", "Sencha", "Sencha", "Sencha"),
                                T("Gyokuro", "Gyokuro", "Gyokuro", "Gyokuro"),
                                T("Menthe du Maroc", "Moroccan mint", "Marokkanische Minze", None),
                                T("au jasmin", "jasmine", "mit Jasmin", "mat Jasmin"),
                                T("Gunpowder", "Gunpowder", "Gunpowder", "Gunpowder"),
                            ),
                            (
                                (T("boîte de 100 g", "100 g tin", "100-g-Dose", "100-g-Dous"), 1.0),
                                (T("20 sachets", "20 tea bags", "20 Teebeutel", None), 0.7),
                            ),
                            (7.5, 14.9),
                        ),
                        Line(
                            T("Thé blanc", "white tea", "Weißer Tee", "Wäissen Téi"),
                            (
                                T("Pai Mu Tan", "Pai Mu Tan", "Pai Mu Tan", "Pai Mu Tan"),
                                T("à la pêche de vigne", "vineyard peach", "mit Weinbergpfirsich", None),
                                T("Silver Needle", "Silver Needle", "Silver Needle", "Silver Needle"),
                            ),
                            ((T("boîte de 50 g", "50 g tin", "50-g-Dose", "50-g-Dous"), 1.0),),
                            (9.9, 18.9),
                        ),
                    ),
                ),
                Leaf(
                    "infusions",
                    T("Infusions & tisanes", "Herbal infusions", "Kräutertees", "Kraidertéi"),
                    3,
                    ("Jardins d'Éislek", "Thé Lëtzebuerg"),
                    (
                        T(
                            "Des plantes cultivées dans l'Éislek et séchées doucement.",
                            "Herbs grown in the Éislek and gently dried.",
                            "Im Éislek angebaute, schonend getrocknete Kräuter.",
                            "Planzen aus dem Éislek, douce gedréchent.",
                        ),
                        T(
                            "Une infusion sans théine, à savourer à toute heure.",
                            "A caffeine-free infusion for any time of day.",
                            "Ein koffeinfreier Aufguss für jede Tageszeit.",
                            None,
                        ),
                    ),
                    (
                        T(
                            "Infuser 5 à 7 minutes dans une eau frémissante.",
                            "Steep for 5 to 7 minutes in simmering water.",
                            "5 bis 7 Minuten in siedendem Wasser ziehen lassen.",
                            None,
                        ),
                        T(
                            "Aussi délicieuse glacée en été.",
                            "Also delicious iced in summer.",
                            "Im Sommer auch eisgekühlt köstlich.",
                            None,
                        ),
                    ),
                    (
                        Line(
                            T("Infusion", "herbal infusion", "Kräutertee", "Kraidertéi"),
                            (
                                T("verveine", "lemon verbena", "Zitronenverbene", "Verveine"),
                                T("camomille", "chamomile", "Kamille", "Kamill"),
                                T("menthe poivrée", "peppermint", "Pfefferminze", "Peffermënz"),
                                T("tilleul", "linden blossom", "Lindenblüten", None),
                                T("rooibos vanille", "vanilla rooibos", "Rooibos Vanille", "Rooibos Vanill"),
                                T("fruits rouges", "red berry", "Rote Früchte", None),
                            ),
                            (
                                (T("boîte de 80 g", "80 g tin", "80-g-Dose", "80-g-Dous"), 1.0),
                                (T("20 sachets", "20 bags", "20 Beutel", None), 0.75),
                            ),
                            (5.9, 8.9),
                        ),
                        Line(
                            T("Chocolat chaud", "hot chocolate", "Trinkschokolade", "Waarm Schockela"),
                            (
                                T("noir 70 %", "70% dark", "Zartbitter 70 %", None),
                                T("à la cannelle", "cinnamon", "mit Zimt", "mat Kanéil"),
                                T("épicé", "spiced", "mit Gewürzen", None),
                            ),
                            grams(("250 g", 1.0), ("500 g", 1.8)),
                            (6.9, 9.9),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "patisserie",
            T("Pâtisserie", "Pastries", "Gebäck", "Pâtisserie"),
            (214, 132, 146),
            (
                Leaf(
                    "gateaux-tartelettes",
                    T(
                        "Gâteaux & tartelettes",
                        "Cakes & tartlets",
                        "Kuchen & Törtchen",
                        "Kuchen & Tartelettes",
                    ),
                    3,
                    ("Café Lëtzebuerg",),
                    (
                        T(
                            "Préparé chaque matin par notre chef pâtissier.",
                            "Made every morning by our pastry chef.",
                            "Jeden Morgen von unserem Konditor zubereitet.",
                            "All Moie vun eisem Patissier gemaach.",
                        ),
                        T(
                            "Une pâtisserie maison au beurre et aux œufs frais.",
                            "A homemade pastry with butter and fresh eggs.",
                            "Hausgemacht mit Butter und frischen Eiern.",
                            "Hausgemaach mat Botter a frësch Eeër.",
                        ),
                    ),
                    (
                        T(
                            "À déguster le jour même avec un café crème.",
                            "Best enjoyed the same day with a café crème.",
                            "Am besten am selben Tag zu einem Café Crème.",
                            None,
                        ),
                        T(
                            "À conserver au réfrigérateur.",
                            "Keep refrigerated.",
                            "Gekühlt aufbewahren.",
                            "Am Frigo ophalen.",
                        ),
                    ),
                    (
                        Line(
                            T(
                                "Tartelette au citron meringuée",
                                "lemon meringue tartlet",
                                "Zitronen-Baiser-Törtchen",
                                None,
                            ),
                            (NONE,),
                            pieces((1, 1.0), (4, 3.8), lb=None),
                            (4.2, 5.2),
                        ),
                        Line(
                            T("Cheesecake", "cheesecake", "Käsekuchen", "Kéiskuch"),
                            (
                                NONE,
                                T("aux fruits rouges", "red berry", "mit roten Beeren", None),
                                T("au spéculoos", "speculoos", "mit Spekulatius", None),
                            ),
                            (
                                (T("la part", "per slice", "pro Stück", "d'Stéck"), 1.0),
                                (T("entier, 8 parts", "whole, 8 slices", "ganz, 8 Stück", None), 7.5),
                            ),
                            (4.5, 5.5),
                        ),
                        Line(
                            T("Crème brûlée", "crème brûlée", "Crème brûlée", "Crème brûlée"),
                            (
                                NONE,
                                T(
                                    "à la vanille de Madagascar",
                                    "Madagascar vanilla",
                                    "mit Madagaskar-Vanille",
                                    None,
                                ),
                                T("au café", "coffee", "mit Kaffee", "mat Kaffi"),
                            ),
                            pieces((1, 1.0), (2, 1.9), lb=None),
                            (4.5, 5.9),
                        ),
                        Line(
                            T("Tarte Tatin", "tarte Tatin", "Tarte Tatin", "Tarte Tatin"),
                            (NONE,),
                            (
                                (T("la part", "per slice", "pro Stück", "d'Stéck"), 1.0),
                                (T("entière, 6 parts", "whole, 6 slices", "ganz, 6 Stück", None), 5.6),
                            ),
                            (4.5, 5.5),
                        ),
                    ),
                ),
                Leaf(
                    "biscuits-macarons",
                    T(
                        "Biscuits & macarons",
                        "Biscuits & macarons",
                        "Kekse & Macarons",
                        "Kichelcher & Macaronen",
                    ),
                    3,
                    ("Café Lëtzebuerg", "Pâtisserie Moselle"),
                    (
                        T(
                            "Confectionné à la main dans notre laboratoire.",
                            "Handmade in our pastry kitchen.",
                            "Von Hand in unserer Backstube gefertigt.",
                            "Mat der Hand an eiser Bakstuff gemaach.",
                        ),
                        T(
                            "Une petite douceur à offrir ou à garder pour soi.",
                            "A little treat to give away or keep for yourself.",
                            "Eine kleine Leckerei zum Verschenken oder Selbstgenießen.",
                            None,
                        ),
                    ),
                    (
                        T(
                            "Présenté dans une boîte cadeau.",
                            "Presented in a gift box.",
                            "In einer Geschenkbox.",
                            "An enger Kaddosbox.",
                        ),
                        T(
                            "Se conserve une semaine dans un endroit frais.",
                            "Keeps for a week in a cool place.",
                            "Kühl gelagert eine Woche haltbar.",
                            None,
                        ),
                    ),
                    (
                        Line(
                            T("Macarons", "macarons", "Macarons", "Macaronen"),
                            (
                                T("{} framboise", "raspberry {}", "{} Himbeere", "{} Hambier"),
                                T("{} pistache", "pistachio {}", "{} Pistazie", "{} Pistasch"),
                                T("{} chocolat", "chocolate {}", "{} Schokolade", "{} Schockela"),
                                T("{} café", "coffee {}", "{} Kaffee", "{} Kaffi"),
                                T("{} caramel au beurre salé", "salted caramel {}", "{} Salzkaramell", None),
                                T("{} assortis", "assorted {}", "{} gemischt", "{} gemëscht"),
                            ),
                            (
                                (T("boîte de 6", "box of 6", "6er-Box", "6er-Box"), 1.0),
                                (T("boîte de 12", "box of 12", "12er-Box", "12er-Box"), 1.9),
                                (T("boîte de 24", "box of 24", "24er-Box", "24er-Box"), 3.6),
                            ),
                            (9.9, 12.9),
                        ),
                        Line(
                            T("Financiers", "financiers", "Financiers", "Financiers"),
                            (
                                T("{} aux amandes", "almond {}", "{} mit Mandeln", "{} mat Mandelen"),
                                T("{} à la pistache", "pistachio {}", "{} mit Pistazien", None),
                                T("{} à la noisette", "hazelnut {}", "{} mit Haselnüssen", None),
                            ),
                            (
                                (T("sachet de 6", "bag of 6", "6er-Beutel", None), 1.0),
                                (T("boîte de 12", "box of 12", "12er-Box", "12er-Box"), 1.9),
                            ),
                            (6.5, 8.5),
                        ),
                        Line(
                            T("Cookies", "cookies", "Cookies", "Cookien"),
                            (
                                T(
                                    "{} au chocolat noir",
                                    "dark chocolate {}",
                                    "{} mit Zartbitterschokolade",
                                    None,
                                ),
                                T("{} noix de pécan", "pecan {}", "{} Pekannuss", None),
                                T("{} avoine et raisins", "oat and raisin {}", "{} Hafer-Rosine", None),
                            ),
                            (
                                (T("sachet de 4", "bag of 4", "4er-Beutel", None), 1.0),
                                (T("sachet de 8", "bag of 8", "8er-Beutel", None), 1.85),
                            ),
                            (4.9, 6.9),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "equipement",
            T("Équipement", "Equipment", "Zubehör", "Equipement"),
            (72, 92, 114),
            (
                Leaf(
                    "machines-moulins",
                    T(
                        "Machines & moulins",
                        "Machines & grinders",
                        "Maschinen & Mühlen",
                        "Maschinnen & Millen",
                    ),
                    17,
                    ("Bialetti", "Bodum", "Comandante", "Baratza", "Hario"),
                    (
                        T(
                            "Le matériel que nous utilisons nous-mêmes au comptoir.",
                            "The same equipment we use behind our own counter.",
                            "Das Zubehör, das wir selbst an unserer Theke verwenden.",
                            "Dat selwecht Material wéi bei eis op der Theek.",
                        ),
                        T(
                            "Robuste, facile à nettoyer et fait pour durer.",
                            "Sturdy, easy to clean and built to last.",
                            "Robust, leicht zu reinigen und langlebig.",
                            None,
                        ),
                    ),
                    (
                        T(
                            "Garantie de deux ans.",
                            "Two-year warranty.",
                            "Zwei Jahre Garantie.",
                            "Zwee Joer Garantie.",
                        ),
                        T(
                            "Conseils de préparation offerts en boutique.",
                            "Free brewing advice in our shop.",
                            "Kostenlose Zubereitungstipps im Laden.",
                            None,
                        ),
                    ),
                    (
                        Line(
                            T(
                                "Moulin à café électrique",
                                "electric coffee grinder",
                                "Elektrische Kaffeemühle",
                                None,
                            ),
                            colours("m", "black", "white", "copper"),
                            ((T("Pro 40", "Pro 40", "Pro 40"), 1.0), (T("Pro 60", "Pro 60", "Pro 60"), 1.5)),
                            (129.0, 189.0),
                            ("Baratza",),
                            stock=(2, 8),
                        ),
                        Line(
                            T(
                                "Moulin à café manuel",
                                "hand coffee grinder",
                                "Handkaffeemühle",
                                "Kaffismillchen",
                            ),
                            colours("m", "black", "grey", "copper"),
                            (SINGLE,),
                            (39.9, 89.9),
                            ("Comandante", "Hario"),
                            stock=(3, 12),
                        ),
                        Line(
                            T("Cafetière à piston", "French press", "Stempelkanne", None),
                            colours("f", "black", "red", "copper", "white"),
                            ((T("0,35 l", "0.35 l", "0,35 l"), 1.0), (T("1 l", "1 l", "1 l"), 1.6)),
                            (24.9, 34.9),
                            ("Bodum",),
                        ),
                        Line(
                            T("Cafetière italienne", "moka pot", "Espressokocher", None),
                            colours("f", "grey", "black", "red"),
                            pieces((3, 1.0), (6, 1.35), fr="tasses", en="cups", de="Tassen", lb=None),
                            (29.9, 39.9),
                            ("Bialetti",),
                        ),
                    ),
                ),
                Leaf(
                    "tasses-accessoires",
                    T(
                        "Tasses & accessoires",
                        "Cups & accessories",
                        "Tassen & Zubehör",
                        "Taassen & Accessoiren",
                    ),
                    17,
                    ("Café Lëtzebuerg", "Hario", "Villeroy & Boch"),
                    (
                        T(
                            "Pensé pour une préparation précise, à la maison comme au bureau.",
                            "Designed for precise brewing at home and at the office.",
                            "Für präzises Zubereiten zu Hause und im Büro.",
                            None,
                        ),
                        T(
                            "Un bel objet pour les amateurs de café.",
                            "A beautiful piece for coffee lovers.",
                            "Ein schönes Stück für Kaffeeliebhaber.",
                            "E schéint Stéck fir Kaffisfrënn.",
                        ),
                    ),
                    (
                        T("Passe au lave-vaisselle.", "Dishwasher safe.", "Spülmaschinenfest.", None),
                        T("Emballage recyclé.", "Recycled packaging.", "Recycelte Verpackung.", None),
                    ),
                    (
                        Line(
                            T("Tasse à espresso", "espresso cup", "Espressotasse", "Espressotaass"),
                            colours("f", "white", "black", "night", "sage"),
                            (
                                (T("à l'unité", "single", "einzeln", "eenzel"), 1.0),
                                (T("lot de 4", "set of 4", "4er-Set", "4er-Set"), 3.6),
                            ),
                            (9.9, 14.9),
                            stock=(10, 60),
                        ),
                        Line(
                            T("Mug en céramique", "ceramic mug", "Keramikbecher", None),
                            colours("m", "white", "blue", "sage", "black"),
                            ((T("30 cl", "30 cl", "30 cl"), 1.0), (T("45 cl", "45 cl", "45 cl"), 1.2)),
                            (14.9, 19.9),
                            stock=(10, 60),
                        ),
                        Line(
                            T("Balance de précision", "precision scale", "Präzisionswaage", None),
                            colours("f", "black", "white"),
                            (SINGLE,),
                            (29.9, 59.9),
                            ("Hario",),
                        ),
                        Line(
                            T(
                                "Bouilloire col de cygne",
                                "gooseneck kettle",
                                "Schwanenhals-Wasserkocher",
                                None,
                            ),
                            colours("f", "black", "copper", "white"),
                            (
                                (T("0,8 l", "0.8 l", "0,8 l"), 1.0),
                                (T("électrique 1 l", "electric 1 l", "elektrisch 1 l"), 1.9),
                            ),
                            (44.9, 59.9),
                            ("Hario",),
                            stock=(3, 12),
                        ),
                        Line(
                            T("Filtres papier", "paper filters", "Papierfilter", "Pabeierfilteren"),
                            (NONE, T("{} non blanchis", "unbleached {}", "{} ungebleicht", None)),
                            (
                                (T("taille 2, 100 pièces", "size 2, 100 pieces", "Größe 2, 100 Stück"), 1.0),
                                (T("taille 4, 100 pièces", "size 4, 100 pieces", "Größe 4, 100 Stück"), 1.1),
                            ),
                            (4.5, 6.5),
                            stock=(20, 90),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

# --------------------------------------------------------------------------- bakery-lux

_BREAD_QUALS = (NONE, ORGANIC, T("{} au levain", "sourdough {}", "{} mit Sauerteig", "{} mam Sauerdeeg"))
_LOAVES = grams(("400 g", 1.0), ("800 g", 1.8))
_TART_SERVINGS = servings((4, 1.0), (6, 1.45), (8, 1.9))
_CAKE_SERVINGS = servings((6, 1.0), (8, 1.3), (10, 1.6))
_UNIT_BOX = (
    (T("à l'unité", "single", "einzeln", "eenzel"), 1.0),
    (T("lot de 4", "pack of 4", "4er-Pack", "4er-Pak"), 3.7),
    (T("lot de 10", "pack of 10", "10er-Pack", "10er-Pak"), 8.9),
)

BAKERY = StoreCatalog(
    sku_prefix="BL",
    gs1_prefix="5402468",
    lb_share=1.0,
    closing=(
        T(
            "À commander la veille avant 18 h.",
            "Order the day before, by 6 pm.",
            "Bis 18 Uhr am Vortag bestellen.",
            "Den Dag virdrun bis 18 Auer bestellen.",
        ),
        T(
            "Retrait à la boulangerie dès 6 h 30.",
            "Pick up at the bakery from 6:30 am.",
            "Abholung in der Bäckerei ab 6:30 Uhr.",
            "Ofhuelen an der Bäckerei ab 6:30 Auer.",
        ),
    ),
    gift_cards=(
        GiftCard(
            T(
                "Carte cadeau Bäckerei Lëtzebuerg 20 €",
                "Bäckerei Lëtzebuerg gift card €20",
                "Bäckerei Lëtzebuerg Geschenkkarte 20 €",
                "Bäckerei Lëtzebuerg Kaddoskaart 20 €",
            ),
            T(
                "Une carte cadeau envoyée par e-mail, valable un an sur tout l'assortiment.",
                "A gift card sent by e-mail, valid for one year on everything we bake.",
                "Eine Geschenkkarte per E-Mail, ein Jahr gültig für das ganze Sortiment.",
                "Eng Kaddoskaart per E-Mail, ee Joer gëlteg fir alles, wat mir baken.",
            ),
            "20.00",
            0,
        ),
        GiftCard(
            T(
                "Carte cadeau Bäckerei Lëtzebuerg 40 €",
                "Bäckerei Lëtzebuerg gift card €40",
                "Bäckerei Lëtzebuerg Geschenkkarte 40 €",
                "Bäckerei Lëtzebuerg Kaddoskaart 40 €",
            ),
            T(
                "Une carte cadeau envoyée par e-mail, idéale pour les gourmands.",
                "A gift card sent by e-mail, perfect for anyone with a sweet tooth.",
                "Eine Geschenkkarte per E-Mail, ideal für Naschkatzen.",
                "Eng Kaddoskaart per E-Mail, ideal fir Schnuddelsäck.",
            ),
            "40.00",
            0,
        ),
    ),
    tops=(
        Top(
            "pains",
            T("Pains", "Breads", "Brot", "Brout"),
            (190, 142, 88),
            (
                Leaf(
                    "pains-traditionnels",
                    T("Pains traditionnels", "Traditional breads", "Traditionelle Brote", "Traditiounsbrout"),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Pétri à la main et cuit au four à sole chaque matin.",
                            "Kneaded by hand and baked on the stone hearth every morning.",
                            "Von Hand geknetet und jeden Morgen im Steinofen gebacken.",
                            "Mat der Hand gekniet an all Moien am Steenuewen gebak.",
                        ),
                        T(
                            "Farines de moulins luxembourgeois, sans additifs.",
                            "Flour from Luxembourg mills, no additives.",
                            "Mehl aus Luxemburger Mühlen, ohne Zusatzstoffe.",
                            "Miel vu Lëtzebuerger Millen, ouni Zousazstoffer.",
                        ),
                    ),
                    (
                        T(
                            "Une croûte croustillante et une mie moelleuse.",
                            "A crisp crust and a soft crumb.",
                            "Knusprige Kruste, saftige Krume.",
                            "Eng knaschteg Kuuscht an eng mëll Kromm.",
                        ),
                        T(
                            "Se conserve trois jours dans un sac en tissu.",
                            "Keeps for three days in a cloth bag.",
                            "Im Stoffbeutel drei Tage haltbar.",
                            "Hält sech dräi Deeg an engem Stoffsak.",
                        ),
                    ),
                    (
                        Line(
                            T("Pain de campagne", "country loaf", "Bauernbrot", "Bauerebrout"),
                            _BREAD_QUALS,
                            _LOAVES,
                            (3.2, 3.9),
                            stock=(8, 30),
                        ),
                        Line(
                            T("Pain complet", "wholemeal bread", "Vollkornbrot", "Vollkombrout"),
                            _BREAD_QUALS,
                            _LOAVES,
                            (3.4, 4.2),
                            stock=(8, 30),
                        ),
                        Line(
                            T("Pain de seigle", "rye bread", "Roggenbrot", "Kornbrout"),
                            _BREAD_QUALS,
                            _LOAVES,
                            (3.5, 4.3),
                            stock=(8, 30),
                        ),
                        Line(
                            T("Pain aux noix", "walnut bread", "Walnussbrot", "Nëssbrout"),
                            (NONE, ORGANIC),
                            _LOAVES,
                            (4.2, 4.9),
                            stock=(6, 20),
                        ),
                        Line(
                            T("Ciabatta", "ciabatta", "Ciabatta", "Ciabatta"),
                            (NONE, ORGANIC, T("{} aux olives", "olive {}", "{} mit Oliven", "{} mat Oliven")),
                            grams(("300 g", 1.0), ("600 g", 1.8)),
                            (2.4, 2.9),
                            stock=(8, 30),
                        ),
                        Line(
                            T("Pain de mie", "sandwich loaf", "Toastbrot", "Toastbrout"),
                            (NONE, ORGANIC, T("{} complet", "wholemeal {}", "Vollkorn-{}", "Vollkorn-{}")),
                            grams(("500 g", 1.0), ("750 g", 1.4)),
                            (2.6, 3.2),
                            stock=(8, 30),
                        ),
                        Line(
                            T("Baguette", "baguette", "Baguette", "Baguette"),
                            _BREAD_QUALS,
                            ((T("250 g", "250 g", "250 g", "250 g"), 1.0),),
                            (1.3, 1.6),
                            stock=(20, 80),
                        ),
                    ),
                ),
                Leaf(
                    "petits-pains",
                    T("Petits pains", "Rolls", "Brötchen", "Bréidercher"),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Cuits plusieurs fois par jour pour être toujours frais.",
                            "Baked several times a day, so they are always fresh.",
                            "Mehrmals täglich frisch gebacken.",
                            "E puer Mol am Dag frësch gebak.",
                        ),
                        T(
                            "Le petit-déjeuner luxembourgeois par excellence.",
                            "The classic Luxembourg breakfast.",
                            "Das klassische Luxemburger Frühstück.",
                            "De klassesche Lëtzebuerger Kaffi.",
                        ),
                    ),
                    (
                        T(
                            "Parfait avec du beurre et de la confiture.",
                            "Perfect with butter and jam.",
                            "Perfekt mit Butter und Marmelade.",
                            "Perfekt mat Botter a Gebees.",
                        ),
                        T(
                            "Se congèle très bien.",
                            "Freezes very well.",
                            "Lässt sich gut einfrieren.",
                            "Léisst sech gutt afréieren.",
                        ),
                    ),
                    (
                        Line(
                            T(
                                "Petit pain aux céréales",
                                "multigrain roll",
                                "Mehrkornbrötchen",
                                "Kärebréidchen",
                            ),
                            (NONE, ORGANIC),
                            _UNIT_BOX,
                            (0.7, 0.9),
                            stock=(20, 80),
                        ),
                        Line(
                            T("Petit pain au pavot", "poppy seed roll", "Mohnbrötchen", None),
                            (NONE,),
                            _UNIT_BOX,
                            (0.7, 0.9),
                            stock=(20, 80),
                        ),
                        Line(
                            T("Petit pain de seigle", "rye roll", "Roggenbrötchen", "Kornbréidchen"),
                            (NONE, ORGANIC),
                            _UNIT_BOX,
                            (0.7, 0.9),
                            stock=(20, 80),
                        ),
                        Line(
                            T("Bretzel salé", "salted pretzel", "Laugenbrezel", None),
                            (NONE, T("{} au fromage", "cheese {}", "{} mit Käse", None)),
                            _UNIT_BOX,
                            (1.1, 1.5),
                            stock=(20, 80),
                        ),
                        Line(
                            T("Petit pain au lait", "milk roll", "Milchbrötchen", "Mëllechbréidchen"),
                            (
                                NONE,
                                T(
                                    "{} aux pépites de chocolat",
                                    "chocolate chip {}",
                                    "{} mit Schokostückchen",
                                    None,
                                ),
                            ),
                            _UNIT_BOX,
                            (0.8, 1.1),
                            stock=(20, 80),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "gateaux-tartes",
            T("Gâteaux & tartes", "Cakes & tarts", "Kuchen & Torten", "Kuchen & Taarten"),
            (210, 112, 124),
            (
                Leaf(
                    "tartes",
                    T("Tartes", "Tarts", "Obstkuchen", "Taarten"),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Une pâte brisée pur beurre et des fruits de saison.",
                            "An all-butter shortcrust with fruit in season.",
                            "Mürbeteig mit reiner Butter und Obst der Saison.",
                            "Mierbdeeg mat purem Botter an Uebst vun der Saison.",
                        ),
                        T(
                            "La recette de notre grand-mère, inchangée depuis 1952.",
                            "Our grandmother's recipe, unchanged since 1952.",
                            "Das Rezept unserer Großmutter, unverändert seit 1952.",
                            "D'Rezept vun eiser Bomi, onverännert zënter 1952.",
                        ),
                    ),
                    (
                        T(
                            "Délicieuse tiède avec une boule de glace vanille.",
                            "Lovely warm with a scoop of vanilla ice cream.",
                            "Lauwarm mit einer Kugel Vanilleeis köstlich.",
                            "Lauwaarm mat enger Kugel Vanilleglace.",
                        ),
                        T(
                            "Fruits de vergers du Luxembourg.",
                            "Fruit from Luxembourg orchards.",
                            "Obst aus Luxemburger Obstgärten.",
                            "Uebst aus Lëtzebuerger Bongerten.",
                        ),
                    ),
                    (
                        Line(
                            T("Tarte aux quetsches", "plum tart", "Zwetschgenkuchen", "Quetschentaart"),
                            (NONE, ORGANIC, OLD_STYLE),
                            _TART_SERVINGS,
                            (12.5, 14.5),
                        ),
                        Line(
                            T("Tarte aux pommes", "apple tart", "Apfelkuchen", "Äppeltaart"),
                            (NONE, ORGANIC, OLD_STYLE),
                            _TART_SERVINGS,
                            (11.5, 13.5),
                        ),
                        Line(
                            T("Tarte aux cerises", "cherry tart", "Kirschkuchen", "Kiischtentaart"),
                            (NONE, OLD_STYLE),
                            _TART_SERVINGS,
                            (13.5, 15.5),
                        ),
                        Line(
                            T("Tarte au riz", "rice tart", "Reiskuchen", "Räistaart"),
                            (NONE, OLD_STYLE),
                            _TART_SERVINGS,
                            (11.5, 13.5),
                        ),
                        Line(
                            T("Tarte aux fraises", "strawberry tart", "Erdbeerkuchen", "Äerdbierentaart"),
                            (NONE, OLD_STYLE),
                            _TART_SERVINGS,
                            (14.5, 16.9),
                        ),
                        Line(
                            T("Tarte à la rhubarbe", "rhubarb tart", "Rhabarberkuchen", "Rabarbertaart"),
                            (NONE, OLD_STYLE),
                            _TART_SERVINGS,
                            (12.5, 14.5),
                        ),
                    ),
                ),
                Leaf(
                    "gateaux",
                    T("Gâteaux", "Cakes", "Torten", "Tuerten"),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Un gâteau de fête préparé sur commande.",
                            "A celebration cake made to order.",
                            "Eine Festtagstorte, auf Bestellung gebacken.",
                            "Eng Feierdagstaart, op Bestellung gebak.",
                        ),
                        T(
                            "Crème fraîche de la laiterie de Luxembourg.",
                            "Made with fresh cream from a Luxembourg dairy.",
                            "Mit frischer Sahne aus einer Luxemburger Molkerei.",
                            "Mat frëscher Ram vun enger Lëtzebuerger Molkerei.",
                        ),
                    ),
                    (
                        T(
                            "Inscription personnalisée sur demande.",
                            "Personalised inscription on request.",
                            "Beschriftung auf Wunsch.",
                            "Beschrëftung op Wonsch.",
                        ),
                        T(
                            "À conserver au réfrigérateur.",
                            "Keep refrigerated.",
                            "Gekühlt aufbewahren.",
                            "Am Frigo ophalen.",
                        ),
                    ),
                    (
                        Line(
                            T("Forêt-Noire", "Black Forest gâteau", "Schwarzwälder Kirschtorte", None),
                            (NONE,),
                            _CAKE_SERVINGS,
                            (24.0, 28.0),
                            stock=(2, 8),
                        ),
                        Line(
                            T("Fraisier", "strawberry cream cake", "Erdbeer-Sahnetorte", None),
                            (NONE,),
                            _CAKE_SERVINGS,
                            (26.0, 30.0),
                            stock=(2, 8),
                        ),
                        Line(
                            T("Gâteau au fromage blanc", "cheesecake", "Käsekuchen", "Kéiskuch"),
                            (NONE, T("{} aux myrtilles", "blueberry {}", "{} mit Heidelbeeren", None)),
                            _CAKE_SERVINGS,
                            (18.0, 22.0),
                            stock=(2, 8),
                        ),
                        Line(
                            T("Gâteau au chocolat", "chocolate cake", "Schokoladenkuchen", "Schockelakuch"),
                            (NONE, T("{} sans gluten", "gluten-free {}", "Glutenfreier {}", None)),
                            _CAKE_SERVINGS,
                            (19.0, 24.0),
                            stock=(2, 8),
                        ),
                        Line(
                            T("Sachertorte", "Sachertorte", "Sachertorte", "Sachertaart"),
                            (NONE,),
                            _CAKE_SERVINGS,
                            (24.0, 28.0),
                            stock=(2, 8),
                        ),
                        Line(
                            T("Moka", "mocha cake", "Mokkatorte", None),
                            (NONE,),
                            _CAKE_SERVINGS,
                            (22.0, 26.0),
                            stock=(2, 8),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "viennoiseries",
            T("Viennoiseries", "Viennoiseries", "Feingebäck", "Viennoiserien"),
            (226, 170, 74),
            (
                Leaf(
                    "croissants-brioches",
                    T(
                        "Croissants & brioches",
                        "Croissants & brioches",
                        "Croissants & Brioches",
                        "Croissanten & Briochen",
                    ),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Pâte feuilletée au beurre AOP, tourée à la main.",
                            "Laminated by hand with PDO butter.",
                            "Von Hand tourierter Teig mit AOP-Butter.",
                            "Mat der Hand touréierten Deeg mat AOP-Botter.",
                        ),
                        T(
                            "Sorti du four à l'aube.",
                            "Out of the oven at dawn.",
                            "Frisch aus dem Ofen im Morgengrauen.",
                            "Moies fréi aus dem Uewen.",
                        ),
                    ),
                    (
                        T(
                            "Réchauffer 3 minutes au four pour retrouver le croustillant.",
                            "Warm for 3 minutes in the oven to bring back the crunch.",
                            "3 Minuten im Ofen aufbacken, dann ist er wieder knusprig.",
                            "3 Minutten am Uewen opwiermen.",
                        ),
                        T(
                            "Parfait avec un café crème.",
                            "Perfect with a café crème.",
                            "Perfekt zum Café Crème.",
                            "Perfekt mat engem Café Crème.",
                        ),
                    ),
                    (
                        Line(
                            T(
                                "Croissant au beurre",
                                "butter croissant",
                                "Buttercroissant",
                                "Bottercroissant",
                            ),
                            (NONE, ORGANIC),
                            _UNIT_BOX,
                            (1.2, 1.5),
                            stock=(20, 80),
                        ),
                        Line(
                            T(
                                "Pain au chocolat",
                                "pain au chocolat",
                                "Schokoladencroissant",
                                "Pain au chocolat",
                            ),
                            (NONE, ORGANIC),
                            _UNIT_BOX,
                            (1.4, 1.7),
                            stock=(20, 80),
                        ),
                        Line(
                            T(
                                "Croissant aux amandes",
                                "almond croissant",
                                "Mandelcroissant",
                                "Mandelcroissant",
                            ),
                            (NONE,),
                            _UNIT_BOX,
                            (2.2, 2.6),
                            stock=(10, 40),
                        ),
                        Line(
                            T("Brioche tressée", "braided brioche", "Hefezopf", None),
                            (NONE, T("{} aux raisins", "raisin {}", "{} mit Rosinen", None)),
                            grams(("500 g", 1.0), ("1 kg", 1.85)),
                            (5.5, 6.5),
                            stock=(6, 20),
                        ),
                        Line(
                            T("Pain aux raisins", "pain aux raisins", "Rosinenschnecke", None),
                            (NONE,),
                            _UNIT_BOX,
                            (1.6, 1.9),
                            stock=(10, 40),
                        ),
                    ),
                ),
                Leaf(
                    "feuilletes",
                    T("Feuilletés & choux", "Puff & choux pastries", "Blätterteig & Brandteig", None),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Une pâtisserie fine, préparée le matin même.",
                            "A fine pastry made the same morning.",
                            "Feines Gebäck, am selben Morgen zubereitet.",
                            "Fein Pâtisserie, dee selwechte Moien gemaach.",
                        ),
                        T(
                            "Crème pâtissière maison à la vraie vanille.",
                            "Homemade pastry cream with real vanilla.",
                            "Hausgemachte Konditorcreme mit echter Vanille.",
                            None,
                        ),
                    ),
                    (
                        T(
                            "À déguster dans la journée.",
                            "Best eaten the same day.",
                            "Am selben Tag genießen.",
                            "Am selwechten Dag iessen.",
                        ),
                        T(
                            "Servi dans une boîte en carton recyclé.",
                            "Packed in a recycled cardboard box.",
                            "In einer Schachtel aus Recyclingkarton.",
                            None,
                        ),
                    ),
                    (
                        Line(
                            T("Chausson aux pommes", "apple turnover", "Apfeltasche", "Äppeltäsch"),
                            (NONE,),
                            _UNIT_BOX,
                            (2.2, 2.6),
                            stock=(10, 40),
                        ),
                        Line(
                            T("Mille-feuille", "mille-feuille", "Cremeschnitte", "Mille-feuille"),
                            (NONE, T("{} à la framboise", "raspberry {}", "{} mit Himbeeren", None)),
                            _UNIT_BOX[:2],
                            (3.6, 4.2),
                            stock=(6, 20),
                        ),
                        Line(
                            T("Éclair", "éclair", "Eclair", "Éclair"),
                            (
                                T("{} au café", "coffee {}", "Kaffee-{}", "Kaffis-{}"),
                                T("{} au chocolat", "chocolate {}", "Schoko-{}", "Schockelas-{}"),
                                T("{} à la vanille", "vanilla {}", "Vanille-{}", "Vanilles-{}"),
                            ),
                            _UNIT_BOX[:2],
                            (2.9, 3.4),
                            stock=(6, 20),
                        ),
                        Line(
                            T("Palmier", "palmier", "Schweineohr", None),
                            (NONE,),
                            _UNIT_BOX,
                            (1.5, 1.9),
                            stock=(10, 40),
                        ),
                        Line(
                            T("Chou à la crème", "cream puff", "Windbeutel", None),
                            (NONE,),
                            _UNIT_BOX[:2],
                            (2.4, 2.9),
                            stock=(6, 20),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "specialites",
            T(
                "Spécialités luxembourgeoises",
                "Luxembourg specialities",
                "Luxemburger Spezialitäten",
                "Lëtzebuerger Spezialitéiten",
            ),
            (58, 108, 160),
            (
                Leaf(
                    "specialites-salees",
                    T(
                        "Spécialités salées",
                        "Savoury specialities",
                        "Herzhafte Spezialitäten",
                        "Salzeg Spezialitéiten",
                    ),
                    3,
                    ("Bäckerei Lëtzebuerg",),
                    (
                        T(
                            "Une recette traditionnelle du Grand-Duché.",
                            "A traditional recipe from the Grand Duchy.",
                            "Ein traditionelles Rezept aus dem Großherzogtum.",
                            "En traditionellt Rezept aus dem Grand-Duché.",
                        ),
                        T(
                            "Préparé dans notre cuisine avec des produits locaux.",
                            "Made in our kitchen with local produce.",
                            "In unserer Küche mit regionalen Zutaten zubereitet.",
                            "An eiser Kichen mat lokale Produkter gemaach.",
                        ),
                    ),
                    (
                        T(
                            "À réchauffer 15 minutes au four.",
                            "Warm for 15 minutes in the oven.",
                            "15 Minuten im Ofen erwärmen.",
                            "15 Minutten am Uewen opwiermen.",
                        ),
                        T(
                            "Accompagné idéalement d'un verre de Riesling de la Moselle.",
                            "Best with a glass of Moselle Riesling.",
                            "Dazu passt ein Glas Riesling von der Mosel.",
                            "Dozou passt e Glas Riesling vun der Musel.",
                        ),
                    ),
                    (
                        Line(
                            T("Pâté au Riesling", "Riesling pie", "Rieslingpastete", "Rieslingspaschtéit"),
                            (NONE,),
                            (
                                (T("individuel", "individual", "für eine Person", "fir eng Persoun"), 1.0),
                                *servings((4, 3.6), (8, 6.8)),
                            ),
                            (4.5, 5.5),
                            stock=(6, 24),
                        ),
                        Line(
                            T("Bouchée à la reine", "vol-au-vent", "Königinpastete", "Bouchée à la reine"),
                            (NONE,),
                            (
                                (T("individuelle", "individual", "für eine Person", "fir eng Persoun"), 1.0),
                                *servings((4, 3.7), (6, 5.4)),
                            ),
                            (6.5, 7.5),
                            stock=(6, 24),
                        ),
                        Line(
                            T("Kachkéis", "Kachkéis cooked cheese", "Kochkäse (Kachkéis)", "Kachkéis"),
                            (
                                NONE,
                                T("{} à la moutarde", "{} with mustard", "{} mit Senf", "{} mat Moschter"),
                            ),
                            grams(("150 g", 1.0), ("300 g", 1.85)),
                            (3.9, 4.6),
                            stock=(6, 24),
                        ),
                        Line(
                            T(
                                "Gromperekichelcher",
                                "Gromperekichelcher potato fritters",
                                "Kartoffelpuffer",
                                "Gromperekichelcher",
                            ),
                            (NONE,),
                            pieces((3, 1.0), (6, 1.9)),
                            (4.2, 4.9),
                            stock=(6, 24),
                        ),
                        Line(
                            T("Quiche lorraine", "quiche lorraine", "Quiche Lorraine", "Quiche Lorraine"),
                            (NONE, T("{} aux poireaux", "leek {}", "{} mit Lauch", "{} mat Porree")),
                            ((T("la part", "per slice", "pro Stück", "d'Stéck"), 1.0), *servings((6, 5.2))),
                            (3.9, 4.6),
                            stock=(6, 24),
                        ),
                    ),
                ),
                Leaf(
                    "douceurs-terroir",
                    T("Douceurs & terroir", "Sweets & local produce", "Süßes & Regionales", None),
                    3,
                    ("Bäckerei Lëtzebuerg", "Domaine Mosellan"),
                    (
                        T(
                            "Une spécialité luxembourgeoise comme autrefois.",
                            "A Luxembourg speciality, just like in the old days.",
                            "Eine Luxemburger Spezialität wie früher.",
                            "Eng Lëtzebuerger Spezialitéit wéi fréier.",
                        ),
                        T(
                            "Produit au Luxembourg par des artisans de la région.",
                            "Made in Luxembourg by local craftspeople.",
                            "In Luxemburg von Handwerkern aus der Region hergestellt.",
                            "Zu Lëtzebuerg vun Handwierker aus der Regioun gemaach.",
                        ),
                    ),
                    (
                        T(
                            "Un cadeau gourmand pour toutes les occasions.",
                            "A tasty gift for any occasion.",
                            "Ein köstliches Geschenk für jeden Anlass.",
                            "E leckere Kaddo fir all Geleeënheet.",
                        ),
                        T(
                            "Disponible toute l'année.",
                            "Available all year round.",
                            "Das ganze Jahr erhältlich.",
                            "D'ganzt Joer ze kréien.",
                        ),
                    ),
                    (
                        Line(
                            T(
                                "Boxemännchen",
                                "Boxemännchen brioche man",
                                "Stutenkerl (Boxemännchen)",
                                "Boxemännchen",
                            ),
                            (
                                NONE,
                                T(
                                    "{} aux pépites de chocolat",
                                    "chocolate chip {}",
                                    "{} mit Schokostückchen",
                                    "{} mat Schockelasstécker",
                                ),
                            ),
                            (
                                (T("petit", "small", "klein", "kleng"), 1.0),
                                (T("grand", "large", "groß", "grouss"), 1.8),
                            ),
                            (2.5, 3.2),
                            stock=(6, 30),
                        ),
                        Line(
                            T(
                                "Verwurelter",
                                "Verwurelter carnival fritters",
                                "Verwurelter (Fastnachtsgebäck)",
                                "Verwurelter",
                            ),
                            (NONE,),
                            (
                                (T("sachet de 6", "bag of 6", "6er-Beutel", "Tut mat 6"), 1.0),
                                (T("sachet de 12", "bag of 12", "12er-Beutel", "Tut mat 12"), 1.9),
                            ),
                            (3.9, 4.5),
                            stock=(6, 30),
                        ),
                        Line(
                            T("Bretzel feuilleté", "puff pastry Bretzel", "Blätterteig-Bretzel", "Bretzel"),
                            (NONE, T("{} aux amandes", "almond {}", "{} mit Mandeln", "{} mat Mandelen")),
                            (
                                (T("petit", "small", "klein", "kleng"), 1.0),
                                (T("grand", "large", "groß", "grouss"), 1.7),
                            ),
                            (8.5, 11.5),
                            stock=(4, 16),
                        ),
                        Line(
                            T(
                                "Miel luxembourgeois",
                                "Luxembourg honey",
                                "Luxemburger Honig",
                                "Lëtzebuerger Hunneg",
                            ),
                            (
                                T("{} de printemps", "spring {}", "{} Frühtracht", None),
                                T("{} de forêt", "forest {}", "Wald-{}", "Bësch-{}"),
                                T("{} crémeux", "creamed {}", "{} cremig", None),
                            ),
                            grams(("250 g", 1.0), ("500 g", 1.8)),
                            (6.5, 8.5),
                            stock=(6, 30),
                        ),
                        Line(
                            T(
                                "Crémant de Luxembourg",
                                "Crémant de Luxembourg",
                                "Crémant de Luxembourg",
                                "Crémant de Luxembourg",
                            ),
                            (
                                T("{} brut", "{} brut", "{} brut", "{} brut"),
                                T("{} rosé", "{} rosé", "{} rosé", "{} rosé"),
                                T("{} extra brut", "{} extra brut", "{} extra brut", "{} extra brut"),
                            ),
                            (
                                (T("75 cl", "75 cl", "75 cl", "75 cl"), 1.0),
                                (T("magnum 150 cl", "magnum 150 cl", "Magnum 150 cl", "Magnum 150 cl"), 2.2),
                            ),
                            (13.9, 17.9),
                            ("Domaine Mosellan",),
                            vat=14,
                            stock=(6, 36),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

# --------------------------------------------------------------------------- velo-weber

_RIVERS = (
    T("Moselle", "Moselle", "Mosel"),
    T("Pétrusse", "Pétrusse", "Pétrusse"),
    T("Alzette", "Alzette", "Alzette"),
    T("Sûre", "Sûre", "Sauer"),
    T("Attert", "Attert", "Attert"),
)
_TRAILS = (
    T("Éislek Trail", "Éislek Trail", "Éislek Trail"),
    T("Mëllerdall Pro", "Mëllerdall Pro", "Mëllerdall Pro"),
    T("Kiischpelt Sport", "Kiischpelt Sport", "Kiischpelt Sport"),
    T("Gutland Race", "Gutland Race", "Gutland Race"),
)
_FRAMES = sizes("S", "M", "L", "XL")
_CLOTHES = sizes("S", "M", "L", "XL")

VELO = StoreCatalog(
    sku_prefix="VW",
    gs1_prefix="5409876",
    lb_share=0.0,
    closing=(
        T(
            "Montage et réglage offerts dans notre atelier de Bettembourg.",
            "Free assembly and fitting in our Bettembourg workshop.",
            "Kostenlose Montage und Einstellung in unserer Werkstatt in Bettembourg.",
        ),
        T(
            "Retour gratuit sous 30 jours.",
            "Free returns within 30 days.",
            "Kostenlose Rücksendung innerhalb von 30 Tagen.",
        ),
    ),
    gift_cards=(
        GiftCard(
            T(
                "Carte cadeau Vëlo Weber 50 €",
                "Vëlo Weber gift card €50",
                "Vëlo Weber Geschenkkarte 50 €",
            ),
            T(
                "Une carte cadeau envoyée par e-mail, valable deux ans en magasin et en ligne.",
                "A gift card sent by e-mail, valid for two years in store and online.",
                "Eine Geschenkkarte per E-Mail, zwei Jahre gültig im Laden und online.",
            ),
            "50.00",
            0,
        ),
        GiftCard(
            T(
                "Bon atelier : révision complète",
                "Workshop voucher: full service",
                "Werkstattgutschein: Komplettinspektion",
            ),
            T(
                "Une révision complète de votre vélo : freins, transmission, roues et réglages.",
                "A full service of your bike: brakes, drivetrain, wheels and adjustments.",
                "Eine komplette Inspektion Ihres Fahrrads: Bremsen, Antrieb, Laufräder und Einstellungen.",
            ),
            "89.00",
            8,
        ),
    ),
    tops=(
        Top(
            "velos",
            T("Vélos", "Bikes", "Fahrräder", "Vëloen"),
            (40, 110, 150),
            (
                Leaf(
                    "velos-ville-electriques",
                    T("Vélos de ville & électriques", "City & e-bikes", "City- & E-Bikes"),
                    17,
                    ("Vëlo Weber", "Kalkhoff", "Riese & Müller"),
                    (
                        T(
                            "Un vélo confortable pour aller au travail et se balader au bord de la Moselle.",
                            "A comfortable bike for the daily commute and rides along the Moselle.",
                            "Ein komfortables Rad für den Arbeitsweg und Touren an der Mosel.",
                        ),
                        T(
                            "Cadre en aluminium, éclairage intégré et porte-bagages.",
                            "Aluminium frame, built-in lights and a rear rack.",
                            "Aluminiumrahmen, integrierte Beleuchtung und Gepäckträger.",
                        ),
                    ),
                    (
                        T(
                            "Essai possible en magasin à Strassen.",
                            "Test rides available at our Strassen store.",
                            "Probefahrt in unserem Laden in Strassen möglich.",
                        ),
                        T(
                            "Première révision offerte après 300 km.",
                            "First service free after 300 km.",
                            "Erste Inspektion nach 300 km kostenlos.",
                        ),
                    ),
                    (
                        Line(
                            T("Vélo de ville", "city bike", "Citybike"),
                            _RIVERS,
                            _FRAMES[:3],
                            (549.0, 899.0),
                            stock=(1, 6),
                        ),
                        Line(
                            T("Vélo électrique", "e-bike", "E-Bike"),
                            _RIVERS,
                            _FRAMES[:3],
                            (1999.0, 3299.0),
                            stock=(1, 5),
                        ),
                        Line(
                            T("Vélo cargo électrique", "electric cargo bike", "E-Lastenrad"),
                            _RIVERS[:3],
                            ((T("taille unique", "one size", "Einheitsgröße"), 1.0),),
                            (3499.0, 4999.0),
                            ("Riese & Müller",),
                            stock=(1, 3),
                        ),
                        Line(
                            T("Vélo pliant", "folding bike", "Faltrad"),
                            _RIVERS[:3],
                            ((T("taille unique", "one size", "Einheitsgröße"), 1.0),),
                            (699.0, 1299.0),
                            stock=(1, 5),
                        ),
                    ),
                ),
                Leaf(
                    "vtt-route",
                    T("VTT & route", "Mountain & road bikes", "Mountainbikes & Rennräder"),
                    17,
                    ("Vëlo Weber", "Cube", "Canyon"),
                    (
                        T(
                            "Pensé pour les sentiers du Mullerthal comme pour les cols des Ardennes.",
                            "Built for the Mullerthal trails and the climbs of the Ardennes.",
                            "Gebaut für die Trails im Müllerthal und die Anstiege der Ardennen.",
                        ),
                        T(
                            "Géométrie moderne, composants fiables.",
                            "Modern geometry, dependable components.",
                            "Moderne Geometrie, zuverlässige Komponenten.",
                        ),
                    ),
                    (
                        T(
                            "Réglage de position offert à l'achat.",
                            "Bike fitting included with purchase.",
                            "Sitzpositionsanalyse beim Kauf inklusive.",
                        ),
                        T(
                            "Transmission Shimano, freins à disque hydrauliques.",
                            "Shimano drivetrain, hydraulic disc brakes.",
                            "Shimano-Schaltung, hydraulische Scheibenbremsen.",
                        ),
                    ),
                    (
                        Line(
                            T("VTT semi-rigide", "hardtail mountain bike", "Hardtail-Mountainbike"),
                            _TRAILS,
                            _FRAMES,
                            (799.0, 1499.0),
                            stock=(1, 5),
                        ),
                        Line(
                            T("VTT tout-suspendu", "full-suspension mountain bike", "Fully-Mountainbike"),
                            _TRAILS,
                            _FRAMES,
                            (1899.0, 3499.0),
                            stock=(1, 4),
                        ),
                        Line(
                            T("Vélo de route", "road bike", "Rennrad"),
                            _TRAILS,
                            _FRAMES,
                            (1199.0, 2799.0),
                            stock=(1, 4),
                        ),
                        Line(
                            T("Vélo gravel", "gravel bike", "Gravelbike"),
                            _TRAILS,
                            _FRAMES,
                            (1099.0, 2299.0),
                            stock=(1, 4),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "pieces",
            T("Pièces détachées", "Parts", "Ersatzteile"),
            (96, 104, 112),
            (
                Leaf(
                    "transmission-freins",
                    T("Transmission & freins", "Drivetrain & brakes", "Antrieb & Bremsen"),
                    17,
                    ("Shimano", "SRAM", "KMC"),
                    (
                        T(
                            "Une pièce d'origine, montée en 20 minutes dans notre atelier.",
                            "An original part, fitted in 20 minutes in our workshop.",
                            "Ein Originalteil, in 20 Minuten in unserer Werkstatt montiert.",
                        ),
                        T(
                            "Compatible avec la plupart des vélos de route et VTT.",
                            "Compatible with most road and mountain bikes.",
                            "Passend für die meisten Renn- und Mountainbikes.",
                        ),
                    ),
                    (
                        T(
                            "Vérifiez la compatibilité avec votre groupe avant la commande.",
                            "Check compatibility with your groupset before ordering.",
                            "Bitte vor der Bestellung die Kompatibilität mit Ihrer Gruppe prüfen.",
                        ),
                        T(
                            "Livré avec la notice de montage.",
                            "Supplied with fitting instructions.",
                            "Mit Montageanleitung.",
                        ),
                    ),
                    (
                        Line(
                            T("Chaîne", "chain", "Kette"),
                            (
                                T("{} 9 vitesses", "9-speed {}", "{} 9-fach"),
                                T("{} 10 vitesses", "10-speed {}", "{} 10-fach"),
                                T("{} 11 vitesses", "11-speed {}", "{} 11-fach"),
                                T("{} 12 vitesses", "12-speed {}", "{} 12-fach"),
                            ),
                            (
                                (T("114 maillons", "114 links", "114 Glieder"), 1.0),
                                (T("126 maillons", "126 links", "126 Glieder"), 1.1),
                            ),
                            (19.9, 44.9),
                            stock=(8, 40),
                        ),
                        Line(
                            T("Cassette", "cassette", "Kassette"),
                            (
                                T("{} 10 vitesses", "10-speed {}", "{} 10-fach"),
                                T("{} 11 vitesses", "11-speed {}", "{} 11-fach"),
                                T("{} 12 vitesses", "12-speed {}", "{} 12-fach"),
                            ),
                            (
                                (T("11-32", "11-32", "11-32"), 1.0),
                                (T("11-34", "11-34", "11-34"), 1.05),
                                (T("10-51", "10-51", "10-51"), 1.9),
                            ),
                            (39.9, 89.9),
                            ("Shimano", "SRAM"),
                            stock=(4, 20),
                        ),
                        Line(
                            T("Plaquettes de frein à disque", "disc brake pads", "Scheibenbremsbeläge"),
                            (
                                T("{} résine", "resin {}", "{} organisch"),
                                T("{} métalliques", "metal {}", "{} metallisch"),
                            ),
                            (
                                (T("la paire", "pair", "Paar"), 1.0),
                                (T("lot de 2 paires", "2 pairs", "2 Paar"), 1.85),
                            ),
                            (14.9, 24.9),
                            ("Shimano", "SRAM"),
                            stock=(8, 40),
                        ),
                        Line(
                            T("Disque de frein", "brake rotor", "Bremsscheibe"),
                            (
                                T("{} Center Lock", "Center Lock {}", "{} Center Lock"),
                                T("{} 6 trous", "6-bolt {}", "{} 6-Loch"),
                            ),
                            (
                                (T("160 mm", "160 mm", "160 mm"), 1.0),
                                (T("180 mm", "180 mm", "180 mm"), 1.1),
                                (T("203 mm", "203 mm", "203 mm"), 1.2),
                            ),
                            (24.9, 44.9),
                            ("Shimano", "SRAM"),
                            stock=(4, 20),
                        ),
                    ),
                ),
                Leaf(
                    "pneus-roues",
                    T("Pneus & roues", "Tyres & wheels", "Reifen & Laufräder"),
                    17,
                    ("Continental", "Schwalbe", "Mavic", "DT Swiss"),
                    (
                        T(
                            "Un bon rendement et une excellente tenue de route sur le mouillé.",
                            "Low rolling resistance and excellent grip in the wet.",
                            "Geringer Rollwiderstand und sehr guter Grip bei Nässe.",
                        ),
                        T(
                            "Le choix de nos mécaniciens pour les routes luxembourgeoises.",
                            "Our mechanics' pick for Luxembourg roads.",
                            "Die Wahl unserer Mechaniker für Luxemburgs Straßen.",
                        ),
                    ),
                    (
                        T(
                            "Montage offert pour tout achat en magasin.",
                            "Free fitting when bought in store.",
                            "Kostenlose Montage beim Kauf im Laden.",
                        ),
                        T("Compatible tubeless.", "Tubeless ready.", "Tubeless-ready."),
                    ),
                    (
                        Line(
                            T("Pneu route", "road tyre", "Rennradreifen"),
                            (
                                T("{} anti-crevaison", "puncture-resistant {}", "{} pannensicher"),
                                T("{} 4 saisons", "all-season {}", "{} Ganzjahres"),
                                T("{} compétition", "race {}", "{} Race"),
                            ),
                            (
                                (T("700×25C", "700×25C", "700×25C"), 1.0),
                                (T("700×28C", "700×28C", "700×28C"), 1.0),
                                (T("700×32C", "700×32C", "700×32C"), 1.05),
                            ),
                            (34.9, 59.9),
                            ("Continental", "Schwalbe"),
                            stock=(6, 30),
                        ),
                        Line(
                            T("Pneu VTT", "MTB tyre", "MTB-Reifen"),
                            (
                                T("{} tout-terrain", "all-mountain {}", "{} All-Mountain"),
                                T("{} enduro", "enduro {}", "{} Enduro"),
                                T("{} cross-country", "cross-country {}", "{} Cross-Country"),
                            ),
                            (
                                (T('29×2,25"', '29×2.25"', '29×2,25"'), 1.0),
                                (T('29×2,4"', '29×2.4"', '29×2,4"'), 1.05),
                                (T('27,5×2,35"', '27.5×2.35"', '27,5×2,35"'), 1.0),
                            ),
                            (39.9, 69.9),
                            ("Schwalbe", "Continental"),
                            stock=(6, 30),
                        ),
                        Line(
                            T("Chambre à air", "inner tube", "Schlauch"),
                            (
                                T("{} valve Presta", "Presta valve {}", "{} Presta-Ventil"),
                                T("{} valve Schrader", "Schrader valve {}", "{} Autoventil"),
                            ),
                            (
                                (T("700×25-32C", "700×25-32C", "700×25-32C"), 1.0),
                                (T('29×2,1-2,5"', '29×2.1-2.5"', '29×2,1-2,5"'), 1.1),
                            ),
                            (6.9, 9.9),
                            ("Schwalbe", "Continental"),
                            stock=(20, 90),
                        ),
                        Line(
                            T("Roue avant", "front wheel", "Vorderrad"),
                            (
                                T("{} aluminium", "aluminium {}", "{} Aluminium"),
                                T("{} carbone", "carbon {}", "{} Carbon"),
                            ),
                            ((T("700C", "700C", "700C"), 1.0), (T('29"', '29"', '29"'), 1.05)),
                            (119.0, 399.0),
                            ("Mavic", "DT Swiss"),
                            stock=(1, 6),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "accessoires",
            T("Accessoires", "Accessories", "Zubehör"),
            (212, 140, 40),
            (
                Leaf(
                    "eclairage-antivols",
                    T("Éclairage & antivols", "Lights & locks", "Beleuchtung & Schlösser"),
                    17,
                    ("Abus", "Busch & Müller", "Lezyne"),
                    (
                        T(
                            "Voir et être vu, de jour comme de nuit.",
                            "See and be seen, day and night.",
                            "Sehen und gesehen werden, bei Tag und Nacht.",
                        ),
                        T(
                            "Un équipement recommandé par la Sécurité routière.",
                            "Equipment recommended by the road safety association.",
                            "Von der Verkehrssicherheit empfohlen.",
                        ),
                    ),
                    (
                        T("Rechargeable par USB-C.", "Recharges over USB-C.", "Über USB-C aufladbar."),
                        T("Fixation sans outil.", "Tool-free mounting.", "Werkzeuglose Montage."),
                        T("Livré avec deux clés.", "Comes with two keys.", "Mit zwei Schlüsseln."),
                    ),
                    (
                        Line(
                            T("Éclairage avant LED", "LED front light", "LED-Frontlicht"),
                            (NONE, T("{} StVZO", "StVZO {}", "{} StVZO")),
                            (
                                (T("400 lumens", "400 lumens", "400 Lumen"), 1.0),
                                (T("800 lumens", "800 lumens", "800 Lumen"), 1.5),
                                (T("1200 lumens", "1200 lumens", "1200 Lumen"), 2.1),
                            ),
                            (29.9, 44.9),
                            ("Busch & Müller", "Lezyne"),
                        ),
                        Line(
                            T("Feu arrière LED", "LED rear light", "LED-Rücklicht"),
                            (NONE,),
                            (
                                (T("à piles", "battery powered", "batteriebetrieben"), 1.0),
                                (T("rechargeable", "rechargeable", "aufladbar"), 1.4),
                            ),
                            (14.9, 24.9),
                            ("Busch & Müller", "Lezyne"),
                        ),
                        Line(
                            T("Antivol en U", "U-lock", "Bügelschloss"),
                            (
                                T("{} niveau 12", "level 12 {}", "{} Level 12"),
                                T("{} niveau 15", "level 15 {}", "{} Level 15"),
                            ),
                            ((T("230 mm", "230 mm", "230 mm"), 1.0), (T("300 mm", "300 mm", "300 mm"), 1.15)),
                            (49.9, 89.9),
                            ("Abus",),
                        ),
                        Line(
                            T("Antivol pliable", "folding lock", "Faltschloss"),
                            (NONE,),
                            ((T("85 cm", "85 cm", "85 cm"), 1.0), (T("110 cm", "110 cm", "110 cm"), 1.2)),
                            (69.9, 99.9),
                            ("Abus",),
                        ),
                    ),
                ),
                Leaf(
                    "sacoches-transport",
                    T("Sacoches & transport", "Bags & carriers", "Taschen & Transport"),
                    17,
                    ("Ortlieb", "Thule", "Lezyne"),
                    (
                        T(
                            "Étanche, robuste et facile à clipser.",
                            "Waterproof, tough and easy to clip on.",
                            "Wasserdicht, robust und leicht einzuhängen.",
                        ),
                        T(
                            "Pour les trajets quotidiens comme pour le voyage.",
                            "For the daily commute and for touring.",
                            "Für den Alltag und für Reisen.",
                        ),
                    ),
                    (
                        T("Garantie de cinq ans.", "Five-year warranty.", "Fünf Jahre Garantie."),
                        T(
                            "Bandes réfléchissantes pour la sécurité.",
                            "Reflective strips for safety.",
                            "Reflexstreifen für mehr Sicherheit.",
                        ),
                    ),
                    (
                        Line(
                            T("Sacoche de porte-bagages", "pannier", "Gepäckträgertasche"),
                            colours("f", "black", "red", "yellow", "grey"),
                            (
                                (T("20 l", "20 l", "20 l"), 1.0),
                                (T("paire 40 l", "pair, 40 l", "Paar, 40 l"), 1.8),
                            ),
                            (79.9, 99.9),
                            ("Ortlieb",),
                        ),
                        Line(
                            T("Sacoche de guidon", "handlebar bag", "Lenkertasche"),
                            colours("f", "black", "grey"),
                            ((T("7 l", "7 l", "7 l"), 1.0), (T("15 l", "15 l", "15 l"), 1.3)),
                            (59.9, 89.9),
                            ("Ortlieb",),
                        ),
                        Line(
                            T("Siège enfant arrière", "rear child seat", "Kindersitz hinten"),
                            colours("m", "black", "grey", "blue"),
                            (SINGLE,),
                            (119.0, 169.0),
                            ("Thule",),
                            stock=(2, 8),
                        ),
                        Line(
                            T("Pompe à pied", "floor pump", "Standpumpe"),
                            (NONE, T("{} avec manomètre", "{} with gauge", "{} mit Manometer")),
                            (
                                (T("11 bar", "11 bar", "11 bar"), 1.0),
                                (T("tubeless", "tubeless", "Tubeless"), 1.9),
                            ),
                            (34.9, 59.9),
                            ("Lezyne",),
                        ),
                    ),
                ),
            ),
        ),
        Top(
            "vetements",
            T("Vêtements", "Clothing", "Bekleidung"),
            (150, 70, 120),
            (
                Leaf(
                    "casques-gants",
                    T("Casques & gants", "Helmets & gloves", "Helme & Handschuhe"),
                    17,
                    ("Giro", "Abus", "Gore Wear"),
                    (
                        T(
                            "Léger, bien ventilé et conforme à la norme EN 1078.",
                            "Light, well ventilated and certified to EN 1078.",
                            "Leicht, gut belüftet und nach EN 1078 geprüft.",
                        ),
                        T(
                            "Confortable sur les longues sorties.",
                            "Comfortable on long rides.",
                            "Bequem auch auf langen Touren.",
                        ),
                    ),
                    (
                        T(
                            "Essayez-le en magasin pour trouver la bonne taille.",
                            "Try it on in store to find the right size.",
                            "Im Laden anprobieren und die richtige Größe finden.",
                        ),
                        T("Éléments réfléchissants.", "Reflective details.", "Reflektierende Details."),
                    ),
                    (
                        Line(
                            T("Casque urbain", "urban helmet", "City-Helm"),
                            colours("m", "black", "white", "night", "sage"),
                            sizes("S", "M", "L"),
                            (59.9, 99.9),
                            ("Abus", "Giro"),
                        ),
                        Line(
                            T("Casque VTT", "MTB helmet", "MTB-Helm"),
                            colours("m", "black", "grey", "red"),
                            sizes("S", "M", "L"),
                            (79.9, 149.0),
                            ("Giro",),
                        ),
                        Line(
                            T("Gants longs", "full-finger gloves", "Langfingerhandschuhe"),
                            colours("mp", "black", "grey"),
                            _CLOTHES,
                            (24.9, 39.9),
                            ("Gore Wear", "Giro"),
                        ),
                        Line(
                            T("Gants d'hiver", "winter gloves", "Winterhandschuhe"),
                            colours("mp", "black"),
                            _CLOTHES,
                            (39.9, 59.9),
                            ("Gore Wear",),
                        ),
                    ),
                ),
                Leaf(
                    "maillots-vestes",
                    T("Maillots & vestes", "Jerseys & jackets", "Trikots & Jacken"),
                    17,
                    ("Vëlo Weber", "Gore Wear", "Endura"),
                    (
                        T(
                            "Un tissu respirant qui sèche vite.",
                            "A breathable fabric that dries quickly.",
                            "Atmungsaktives, schnell trocknendes Material.",
                        ),
                        T(
                            "Coupe ajustée pour rouler sans gêne.",
                            "A close fit for unrestricted riding.",
                            "Enge Passform für freie Bewegung auf dem Rad.",
                        ),
                    ),
                    (
                        T(
                            "Lavable en machine à 30 °C.",
                            "Machine washable at 30 °C.",
                            "Maschinenwaschbar bei 30 °C.",
                        ),
                        T("Poche arrière zippée.", "Zipped back pocket.", "Rückentasche mit Reißverschluss."),
                    ),
                    (
                        Line(
                            T("Maillot manches courtes", "short-sleeve jersey", "Kurzarmtrikot"),
                            colours("m", "black", "blue", "red", "yellow"),
                            _CLOTHES,
                            (49.9, 79.9),
                        ),
                        Line(
                            T("Veste imperméable", "waterproof jacket", "Regenjacke"),
                            colours("f", "black", "yellow", "night"),
                            _CLOTHES,
                            (99.9, 199.0),
                        ),
                        Line(
                            T("Cuissard à bretelles", "bib shorts", "Trägerhose"),
                            colours("m", "black"),
                            _CLOTHES,
                            (69.9, 129.0),
                        ),
                        Line(
                            T("Coupe-vent", "windbreaker", "Windjacke"),
                            colours("m", "black", "yellow", "green"),
                            _CLOTHES,
                            (59.9, 89.9),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

CATALOGS: dict[str, StoreCatalog] = {"cafe-lux": CAFE, "bakery-lux": BAKERY, "velo-weber": VELO}

CATALOGS: dict[str, StoreCatalog] = {"cafe-lux": CAFE, "bakery-lux": BAKERY, "velo-weber": VELO}
