"""The product page of a variant is in the first HTML response (production server, no
JavaScript): `?variant=` picks what the server renders, picker values are real links, the
canonical URL keeps the variant, and the JSON-LD is a ProductGroup with every variant's offer."""

import json
import re
from html import unescape

import httpx
import pytest

pytestmark = pytest.mark.e2e
PRODUCT = "/platforms/oms/storefront/cafe-lux/products/cafe-moka"


@pytest.fixture
def base(production_site) -> str:
    """The shared production server (tests/e2e/conftest.py), which has Café Moka."""
    return production_site[0]


def page(url: str) -> str:
    answer = httpx.get(url, headers={"accept-language": "fr"}, timeout=30, follow_redirects=False)
    assert answer.status_code == 200
    return unescape(answer.text)


def group(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(b for b in map(json.loads, blocks) if b["@type"] == "ProductGroup")


def test_a_variant_url_is_rendered_by_the_server_with_that_variant(base: str):
    html = page(f"{base}{PRODUCT}?variant=MOKA-1-KG-BEANS")
    assert "En rupture de stock" in html and "34,50\u00a0€" in html and "1 kg · Grains" in html
    assert f'<link rel="canonical" href="{base}{PRODUCT}?variant=MOKA-1-KG-BEANS">' in html
    assert re.search(r'<a [^>]*href="[^"]*\?variant=MOKA-500-G-BEANS"', html)  # a picker is a link
    data = group(html)
    assert data["productGroupID"] == "MOKA" and len(data["hasVariant"]) == 6
    offers = {v["sku"]: v["offers"]["availability"].rsplit("/", 1)[1] for v in data["hasVariant"]}
    assert offers["MOKA-500-G-GROUND"] == "InStock" and offers["MOKA-1-KG-BEANS"] == "OutOfStock"


def test_the_product_url_renders_the_first_variant_in_stock(base: str):
    html = page(base + PRODUCT)
    assert "500 g · Moulu" in html and "En stock" in html and "MOKA-500-G-GROUND" in html
    assert f'<link rel="canonical" href="{base}{PRODUCT}">' in html
    unknown = page(f"{base}{PRODUCT}?variant=NOPE")
    assert "500 g · Moulu" in unknown
    assert f'<link rel="canonical" href="{base}{PRODUCT}">' in unknown
