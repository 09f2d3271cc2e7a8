"""One product page, three ways (see bench/ssr/README.md): the stock SPA fallback (`spa`),
candidate A (`a`: the fallback with server HTML and head tags put in by a backend route) and
candidate B (`b`: a prerendered template whose sentinel values a backend route replaces per
request, with the same values injected as the client's initial state)."""

import os

import reflex as rx

from proto.ssr import LIST_SENTINEL, SENTINELS, api

PRODUCTS = {
    "espresso-cup": {
        "en": {
            "title": "Espresso cup",
            "description": "A thick porcelain cup for espresso.",
            "availability": "In stock",
        },
        "fr": {
            "title": "Tasse à espresso",
            "description": "Une tasse épaisse en porcelaine.",
            "availability": "En stock",
        },
        "price": "12,90 €",
        "image": "/cup.svg",
        "thumbs": {"en": ["Front", "Side", "Top"], "fr": ["Face", "Côté", "Dessus"]},
        "in_stock": True,
    }
}
# The same cup sold out: the page's `rx.cond` takes the other branch than the template's.
PRODUCTS["sold-out-cup"] = {**PRODUCTS["espresso-cup"], "in_stock": False}


def product_values(slug: str, lang: str) -> dict[str, str] | None:
    product = PRODUCTS.get(slug)
    if product is None:
        return None
    text = product[lang]
    vat = {"en": "incl. 17 % VAT", "fr": "TVA 17 % incluse"}[lang]
    return {
        **text,
        "price": product["price"],
        "vat_note": vat,
        "thumbs": product["thumbs"][lang],
        "image": product["image"],
        "lang": lang,
        "in_stock": product["in_stock"],
        "stock": "in" if product["in_stock"] else "out",
    }


class ProductState(rx.State):
    # Defaults are the template's sentinels: the prerendered HTML carries them where the value goes.
    title: str = SENTINELS["title"]
    price: str = SENTINELS["price"]
    vat_note: str = SENTINELS["vat_note"]
    availability: str = SENTINELS["availability"]
    description: str = SENTINELS["description"]
    image: str = SENTINELS["image"]
    lang: str = SENTINELS["lang"]
    in_stock: bool = True
    stock: str = SENTINELS["stock"]
    thumbs: list[str] = [LIST_SENTINEL]  # one templated item: the server repeats it per item

    @rx.event
    def load(self):
        self._fill(self.router.url.query_parameters.get("lang") or "en")

    @rx.event
    def switch(self, lang: str):
        if lang in ("en", "fr"):
            self._fill(lang)

    def _fill(self, lang: str):
        values = product_values(self.router.page.params.get("slug", ""), lang)
        if values:
            for key, value in values.items():
                setattr(self, key, value)


def product() -> rx.Component:
    return rx.el.main(
        rx.el.h1(ProductState.title, id="title"),
        rx.el.img(
            src=ProductState.image,
            alt=ProductState.title,
            id="photo",
            custom_attrs={"width": "400", "height": "300"},
        ),
        rx.el.ul(rx.foreach(ProductState.thumbs, lambda t: rx.el.li(t, class_name="thumb")), id="thumbs"),
        rx.el.p(ProductState.price, " ", rx.el.small(ProductState.vat_note), id="price"),
        rx.el.p(ProductState.availability, id="availability"),
        rx.el.p(ProductState.description, id="description"),
        # BRANCH=cond: the template's branch differs from a sold-out product's (hydration error
        # #418). Otherwise both forms are rendered and a string var (a sentinel) picks one by CSS.
        rx.cond(
            ProductState.in_stock, rx.el.button("Add to cart", id="buy"), rx.el.p("Sold out", id="sold-out")
        )
        if os.environ.get("BRANCH") == "cond"
        else rx.el.div(
            rx.el.button("Add to cart", id="buy"),
            rx.el.p("Sold out", id="sold-out"),
            custom_attrs={"data-stock": ProductState.stock},
            id="stock",
        ),
        rx.el.button("FR", on_click=ProductState.switch("fr"), id="to-fr"),
        rx.el.button("EN", on_click=ProductState.switch("en"), id="to-en"),
    )


STOCK_CSS = "[data-stock=in] #sold-out, [data-stock=out] #buy { display: none }"
app = rx.App(toaster=None, api_transformer=api, head_components=[rx.el.style(STOCK_CSS)])
app.add_page(product, route="/products/[slug]", on_load=ProductState.load)
app.add_page(lambda: rx.link("Espresso cup", href="/products/espresso-cup/", id="to-product"), route="/")
