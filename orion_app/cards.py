"""Plain records modules hand to shared page parts (no Reflex): product-like cards in sections."""

from dataclasses import dataclass, field


@dataclass
class Card:
    title: str
    href: str = ""
    image: str = ""  # path under the media folder, e.g. catalog/1/2/abc_md.webp
    subtitle: str = ""
    price: str = ""
    old_price: str = ""  # struck through when set
    badge: str = ""
    # Catalog's product cards: the product a card action (e.g. "add to cart") acts on, and
    # whether its variants must be chosen on its page first.
    product_id: int = 0
    has_options: bool = False


@dataclass
class CardSection:
    title: str
    cards: list[Card] = field(default_factory=list)
    more_href: str = ""
