"""The demo's legal notices are complete: every demo store shows its seller's address, RCS
number and a valid Luxembourg VAT number, in each of its languages, with no "—" left."""

import re

import pytest
from stdnum.lu import tva

from modules.cms.services.resolve import Visitor, find_page, language_order
from orion_app.enablement import enabled_modules
from tests.integration.helpers import platform_id

STORES = [("cafe-lux", "oms"), ("bakery-lux", "loyalty"), ("velo-weber", "oms"), ("atelier-lux", "oms")]


@pytest.mark.parametrize(("code", "platform"), STORES)
def test_the_legal_notice_of_each_demo_store_has_every_seller_detail(demo, session, code, platform):
    from modules.tenancy.public import merchant_by_id, store_by_code

    store = store_by_code(session, code, active_only=False)
    merchant = merchant_by_id(session, store.merchant_id)
    assert tva.is_valid(merchant.vat_number) and merchant.vat_number.startswith("LU")
    enabled = frozenset(enabled_modules(platform_id(platform)))
    for lang in store.languages:
        visitor = Visitor(
            platform_id=platform_id(platform),
            store_id=store.id,
            languages=language_order(lang, store.default_language, tuple(store.languages)),
            enabled=enabled,
        )
        page = find_page(session, visitor, key="legal_notice")
        assert page is not None and page.lang == lang
        assert "—" not in page.html, (code, lang)
        assert merchant.vat_number in page.html and "L-" in page.html  # a Luxembourg postcode
        assert re.search(r"\bB\d{6}\b", page.html)  # RCS Luxembourg
