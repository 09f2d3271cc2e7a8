"""The backend route that puts the product into the first HTML response (candidates A and B)."""

import html
import json
import os
import re
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

SENTINELS = {
    k: f"@@{k}@@"
    for k in ("title", "price", "vat_note", "availability", "description", "image", "lang", "stock")
}
LIST_SENTINEL = "@@thumb@@"
STATE_KEY = "reflex___state____state.proto___proto____product_state"
CLIENT = Path(os.environ.get("REFLEX_WEB_WORKDIR", ".web")) / "build" / "client"
LANGS = ("en", "fr")


def _json_script(data: dict) -> str:
    return (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def head_tags(v: dict, origin: str, path: str) -> str:
    e = html.escape
    canonical = f"{origin}{path}?lang={v['lang']}"
    ld = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": v["title"],
        "description": v["description"],
        "image": [origin + v["image"]],
        "offers": {
            "@type": "Offer",
            "price": "12.90",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
        },
    }
    alternates = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{e(origin + path)}?lang={code}">' for code in LANGS
    )
    return (
        f"<title>{e(v['title'])}</title>"
        f'<meta name="description" content="{e(v["description"])}">'
        f'<link rel="canonical" href="{e(canonical)}">{alternates}'
        f'<meta property="og:title" content="{e(v["title"])}">'
        f'<meta property="og:type" content="product">'
        f'<meta property="og:image" content="{e(origin + v["image"])}">'
        f'<script type="application/ld+json">{_json_script(ld)}</script>'
    )


def body_markup(v: dict) -> str:
    e = html.escape
    return (
        f'<main><h1 id="title">{e(v["title"])}</h1>'
        f'<img src="{e(v["image"])}" width="400" height="300" alt="{e(v["title"])}" id="photo">'
        f'<p id="price">{e(v["price"])} <small>{e(v["vat_note"])}</small></p>'
        '<ul id="thumbs">' + "".join(f'<li class="thumb">{e(t)}</li>' for t in v["thumbs"]) + "</ul>"
        f'<p id="availability">{e(v["availability"])}</p><p id="description">{e(v["description"])}</p></main>'
    )


def _with_head(page: str, head: str, lang: str) -> str:
    """The build's own `<title>` replaced by the page's head tags; `<html lang>` set."""
    page = re.sub(r"<title>[^<]*</title>", "", page, count=1).replace("</head>", head + "</head>", 1)
    return page.replace('<html lang="en"', f'<html lang="{lang}"', 1)


async def product(request: Request):
    from proto.proto import product_values

    lang = request.query_params.get("lang", "en")
    values = product_values(request.path_params["slug"], lang if lang in LANGS else "en")
    if values is None:
        return PlainTextResponse("not found", status_code=404)
    mode = request.query_params.get("mode", "b")
    origin = f"{request.url.scheme}://{request.url.netloc}"
    head = head_tags(values, origin, request.url.path)
    if mode == "spa":
        return HTMLResponse((CLIENT / "__spa-fallback.html").read_text())
    if mode == "a":
        # The SPA fallback with the server's markup at the top of <body> and the head tags.
        page = (CLIENT / "__spa-fallback.html").read_text()
        page = page.replace("<body>", "<body>" + body_markup(values), 1)
        return HTMLResponse(_with_head(page, head, values["lang"]))
    # B: the prerendered template, sentinels replaced (escaped) and the same values given to the
    # client as its initial state, so React's first render matches the server HTML.
    page = (CLIENT / "products" / "__tpl__" / "index.html").read_text()
    for key, sentinel in SENTINELS.items():
        page = page.replace(sentinel, html.escape(values[key]))
    # A list: the template holds one item around LIST_SENTINEL; repeat that item per value.
    item = re.search(r"<li[^>]*>" + LIST_SENTINEL + "</li>", page).group(0)
    page = page.replace(item, "".join(item.replace(LIST_SENTINEL, html.escape(t)) for t in values["thumbs"]))
    state = {STATE_KEY: {f"{k}_rx_state_": values[k] for k in (*SENTINELS, "thumbs", "in_stock")}}
    boot = f"<script>window.__SSR_STATE__={_json_script(state)}</script>"
    return HTMLResponse(_with_head(page, head + boot, values["lang"]))


def api(reflex_app):
    # `reflex run --backend-only` does not mount the built frontend: serve its files here.
    app = Starlette(
        routes=[
            Route("/products/{slug}/", product),
            Route("/products/{slug}", product),
            Mount("/assets", StaticFiles(directory=CLIENT / "assets", check_dir=False)),
            Route("/cup.svg", lambda _r: FileResponse(CLIENT / "cup.svg")),
            Route("/", lambda _r: FileResponse(CLIENT / "index.html")),
        ]
    )
    app.mount("", reflex_app)
    return app
