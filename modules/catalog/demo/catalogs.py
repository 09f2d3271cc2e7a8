"""The demo catalogs, read from the JSON files next to this one: `<store code>.json` and
`vocabulary.json` (wordings the stores share: colours, sizes, servings, pieces).

A product line's `quals` and `variants` are lists whose entries are a text
(`{"fr": …, "en": …, "de": …, "lb": …}`, `lb` optional; variants add a price factor:
`[text, 1.85]`), `""` for "none", a reference to a store list or a shared text (`"@origins"`,
`"@origins[:5]"`, `"@blends[0]"`) or a generated series (`{"colours": ["black"], "gender": "f"}`,
`{"sizes": ["S", "M"]}`, `{"grams": {"250 g": 1.0}}`, `{"pieces": {"10": 1.0}, "words": {…}}`,
`{"servings": {"4": 1.0}}`). A malformed file stops the loader with one sentence naming the
file and line.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from modules.catalog.demo.datafile import DataFile, DataList, DataObject, DemoDataError

FOLDER = Path(__file__).resolve().parent
STORE_CODES = ("cafe-lux", "bakery-lux", "velo-weber")  # the tenancy demo's stores, in seeding order
LANGS = ("fr", "en", "de", "lb")
IMAGE_EDGE = 800
REASON = "Demo stock"

NONE = dict.fromkeys(LANGS, "")  # "no qualifier" / "no variant"
SERIES = {"colours", "sizes", "grams", "pieces", "servings"}


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
    brand: str
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


class _Reader:
    def __init__(self, file: DataFile, vocabulary: DataFile) -> None:
        self.file, self.vocabulary = file, vocabulary
        self.lists: dict = {}
        self._open: set[str] = set()  # references being expanded, to catch a list that holds itself

    def text(self, node, file: DataFile | None = None, at=None) -> dict[str, str]:
        """A text in fr, en, de and maybe lb; `at` is where a text that is no object is reported."""
        file = file or self.file
        if not isinstance(node, DataObject):
            file.fail(
                node if isinstance(node, DataList) else at,
                'a text must be an object like {"fr": "…", "en": "…", "de": "…"}',
            )
        for lang in ("fr", "en", "de"):
            file.field(node, lang, str)
        file.only(node, set(LANGS))
        file.field(node, "lb", str, None)
        return dict(node)

    def texts(self, parent: DataObject, key: str) -> tuple[dict[str, str], ...]:
        items = self.file.field(parent, key, DataList)
        return tuple(self.text(item, at=items) for item in items)

    def numbers(self, parent: DataObject, key: str, count: int, kind=(int, float), default=...) -> tuple:
        value = self.file.field(parent, key, DataList, default)
        if value is default:
            return default
        if len(value) != count or not all(isinstance(v, kind) and not isinstance(v, bool) for v in value):
            self.file.fail(value, f"'{key}' must be a list of {count} numbers")
        return tuple(value)

    def entries(self, parent: DataObject, key: str, kind: str) -> tuple:
        return tuple(self._expand(self.file.field(parent, key, DataList), kind, self.file))

    def _expand(self, items: list, kind: str, file: DataFile) -> list:
        out: list = []
        for item in items:
            if item == "":
                out.append(NONE if kind == "quals" else (NONE, 1.0))
            elif isinstance(item, str):
                out.extend(self._reference(item, items, kind, file))
            elif isinstance(item, DataObject) and item.keys() & SERIES:
                out.extend(self._series(item, kind, file))
            elif kind == "quals":
                out.append(self.text(item, file, at=items))
            elif isinstance(item, DataList) and len(item) == 2 and isinstance(item[1], int | float):
                out.append((NONE if item[0] == "" else self.text(item[0], file, at=item), item[1]))
            else:
                file.fail(
                    item if isinstance(item, DataObject | DataList) else items,
                    "a variant is [text, price factor]",
                )
        return out

    def _reference(self, item: str, items: DataList, kind: str, file: DataFile) -> list:
        match = re.fullmatch(r"@([a-z0-9-]+)(?:\[(\d+)\]|\[:(\d+)\])?", item)
        if match is None:
            file.fail(
                items, f'\'{item}\' is neither a text nor a reference like "@origins" or "@origins[:3]"', item
            )
        name, index, first = match.groups()
        shared = self.vocabulary.field(self.vocabulary.root, "texts", DataObject)
        if name not in self.lists and name not in shared:
            file.fail(
                items, f"'@{name}' is not in this file's \"lists\" nor in the vocabulary's \"texts\"", item
            )
        if name in self._open:
            file.fail(items, f"'@{name}' refers to itself", item)
        self._open.add(name)
        try:
            if name in self.lists:
                found = self._expand(self.lists[name], kind, self.file)
            else:
                found = self._expand(DataList([shared[name]]), kind, self.vocabulary)
        except DemoDataError as error:
            used = f"in '@{name}', used as {kind} on line {file.line_of(items, item)}"
            raise DemoDataError(f"{str(error)[:-1]} ({used}).") from None
        finally:
            self._open.discard(name)
        if index is not None:
            if int(index) >= len(found):
                file.fail(items, f"'{item}' is past the end of '@{name}' ({len(found)} entries)", item)
            return [found[int(index)]]
        return found[: int(first)] if first is not None else found

    def _series(self, item: DataObject, kind: str, file: DataFile) -> list:
        words = self.vocabulary
        if "colours" in item:
            if kind != "quals":
                file.fail(item, "colours are qualifiers, not variants")
            file.only(item, {"colours", "gender"})
            gender = file.field(item, "gender", str)
            if gender not in ("m", "f", "mp", "fp"):
                file.fail(item, "'gender' must be m, f, mp or fp (of the French noun)", "gender")
            table = words.field(words.root, "colours", DataObject)
            pattern = self.text(words.field(words.root, "colour", DataObject), words)
            out = []
            for name in file.strings(item, "colours"):
                if not isinstance(name, str) or name not in table:
                    file.fail(item, f"there is no colour '{name}' in the vocabulary", "colours")
                forms = words.field(table, name, DataObject)
                french = words.field(forms, "fr", (str, DataList))
                if not isinstance(french, str) and len(french) != 4:
                    words.fail(french, "a colour's French is one word or four (m, f, m pl, f pl)")
                fr = french if isinstance(french, str) else french[("m", "f", "mp", "fp").index(gender)]
                wording = {"fr": fr, "en": words.field(forms, "en", str), "de": words.field(forms, "de", str)}
                if "lb" in forms:
                    wording["lb"] = words.field(forms, "lb", str)
                out.append({lang: pattern[lang].replace("<colour>", wording[lang]) for lang in wording})
            return out
        if kind != "variants":
            file.fail(item, "sizes, grams, pieces and servings are variants, not qualifiers")
        if "sizes" in item:
            file.only(item, {"sizes", "factor"})
            factor = file.field(item, "factor", (int, float), 1.0)
            size = self.text(words.field(words.root, "size", DataObject), words)
            return [
                ({lang: text.replace("<size>", label) for lang, text in size.items()}, factor)
                for label in file.strings(item, "sizes")
            ]
        if "grams" in item:
            file.only(item, {"grams"})
            return [
                (dict.fromkeys(LANGS, label), factor) for label, factor in self._factors(item, "grams", file)
            ]
        if "servings" in item:
            file.only(item, {"servings"})
            serves = self.text(words.field(words.root, "servings", DataObject), words)
            return [
                ({lang: text.replace("<n>", n) for lang, text in serves.items()}, factor)
                for n, factor in self._factors(item, "servings", file, whole=True)
            ]
        file.only(item, {"pieces", "words"})
        unit = words.field(words.root, "pieces", DataObject)
        unit = self.text(file.field(item, "words", DataObject)) if "words" in item else self.text(unit, words)
        single = self.text(words.field(words.root, "single", DataObject), words)
        return [
            (single if n == "1" else {lang: f"{n} {word}" for lang, word in unit.items()}, factor)
            for n, factor in self._factors(item, "pieces", file, whole=True)
        ]

    def _factors(
        self, item: DataObject, key: str, file: DataFile, whole: bool = False
    ) -> list[tuple[str, float]]:
        pairs = file.field(item, key, DataObject)
        for label, factor in pairs.items():
            if (whole and not label.isdigit()) or not isinstance(factor, int | float):
                file.fail(pairs, f"'{key}' maps {'a count' if whole else 'a label'} to a price factor")
        return list(pairs.items())

    def line(self, node) -> Line:
        file = self.file
        file.only(node, {"noun", "quals", "variants", "price", "brands", "vat", "stock"})
        return Line(
            noun=self.text(file.field(node, "noun", DataObject)),
            quals=self.entries(node, "quals", "quals"),
            variants=self.entries(node, "variants", "variants"),
            price=self.numbers(node, "price", 2),
            brands=file.strings(node, "brands", ()),
            vat=file.field(node, "vat", int, None),
            stock=self.numbers(node, "stock", 2, int, (6, 40)),
        )

    def leaf(self, node) -> Leaf:
        file = self.file
        file.only(node, {"slug", "names", "vat", "brands", "intros", "details", "lines"})
        return Leaf(
            slug=file.field(node, "slug", str),
            names=self.text(file.field(node, "names", DataObject)),
            vat=file.field(node, "vat", int),
            brands=file.strings(node, "brands"),
            intros=self.texts(node, "intros"),
            details=self.texts(node, "details"),
            lines=tuple(self.line(item) for item in file.objects(node, "lines")),
        )

    def top(self, node) -> Top:
        file = self.file
        file.only(node, {"slug", "names", "colour", "subcategories"})
        return Top(
            slug=file.field(node, "slug", str),
            names=self.text(file.field(node, "names", DataObject)),
            colour=self.numbers(node, "colour", 3, int),
            leaves=tuple(self.leaf(item) for item in file.objects(node, "subcategories")),
        )

    def gift_card(self, node) -> GiftCard:
        file = self.file
        file.only(node, {"title", "description", "brand", "price", "vat"})
        return GiftCard(
            title=self.text(file.field(node, "title", DataObject)),
            description=self.text(file.field(node, "description", DataObject)),
            brand=file.field(node, "brand", str),
            price=file.field(node, "price", str),
            vat=file.field(node, "vat", int),
        )

    def store(self) -> StoreCatalog:
        file, root = self.file, self.file.root
        if not isinstance(root, DataObject):
            file.fail(root, "a store file holds one object")
        file.only(
            root, {"sku_prefix", "gs1_prefix", "lb_share", "lists", "closing", "gift_cards", "categories"}
        )
        self.lists = file.field(root, "lists", DataObject, {})
        for name, items in self.lists.items():
            if not isinstance(items, DataList):
                file.fail(self.lists, f"the list '{name}' must be a list", name)
        return StoreCatalog(
            sku_prefix=file.field(root, "sku_prefix", str),
            gs1_prefix=file.field(root, "gs1_prefix", str),
            lb_share=file.field(root, "lb_share", (int, float)),
            tops=tuple(self.top(item) for item in file.objects(root, "categories")),
            closing=self.texts(root, "closing"),
            gift_cards=tuple(self.gift_card(item) for item in file.objects(root, "gift_cards")),
        )


def read_catalogs(folder: Path = FOLDER) -> dict[str, StoreCatalog]:
    """Each demo store's catalog from `folder`; raises DemoDataError on a malformed file."""
    vocabulary = DataFile(folder / "vocabulary.json")
    if not isinstance(vocabulary.root, DataObject):
        vocabulary.fail(vocabulary.root, "the vocabulary holds one object")
    return {code: _Reader(DataFile(folder / f"{code}.json"), vocabulary).store() for code in STORE_CODES}


@cache
def load_catalogs() -> dict[str, StoreCatalog]:
    """The demo catalogs, read once per process."""
    return read_catalogs()
