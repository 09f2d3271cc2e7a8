"""Orders' VAT rules at placement: reverse charge, OSS destination rates, and the preview
checkout shows agreeing with what is placed."""

from dataclasses import replace
from decimal import Decimal

import pytest

from modules.orders.public import order_view, place_order, vat_preview
from modules.orders.services.vat_settings import save_vat_settings, vat_settings
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from tests.integration.catalog_helpers import scope
from tests.integration.orders_helpers import HOME, line_rows, order_rows, placement, stocked
from tests.integration.payments_helpers import offer_bank_transfer

ACME_FR = replace(HOME, name="Jean Martin", company="Acme SARL", vat_number="FR 40 303 265 045", country="FR")
CLASSES = {"17": "standard", "14": "standard", "8": "reduced", "3": "super_reduced", "0": "zero"}


@pytest.fixture
def shop(demo):
    offer_bank_transfer(scope()[0])
    return {"moka": stocked("MOKA", "12,50", 10), "tea": stocked("THE-VERT", "4,99", 5, vat_rate="3")}


def place(p):
    with session_scope() as session:
        return place_order(session, p)


def over_oss_threshold(over: bool = True) -> None:
    with session_scope() as session:
        save_vat_settings(session, scope()[0], over, False, CLASSES)
        session.commit()


def test_a_french_company_with_a_valid_vat_number_is_reverse_charged_end_to_end(shop):
    moka, tea = shop["moka"][1], shop["tea"][1]
    order = place(placement([(moka, 2), (tea, 1)], billing=ACME_FR, shipping=ACME_FR))
    (row,) = order_rows()
    assert (row.vat_treatment, row.vat_mention, row.vat_country) == (
        "reverse_charge",
        "orders.invoice.mention.reverse_charge",
        "",
    )
    lines = line_rows(row.id)
    # 12.50 € at 17 % is 10.68 € net; 4.99 € at 3 % is 4.84 €; shipping 4.90 € at 17 % is 4.19 €
    assert [(x.unit_price_cents, x.vat_rate, x.vat_cents, x.total_cents) for x in lines] == [
        (1068, 0, 0, 2136),
        (484, 0, 0, 484),
    ]
    assert (row.shipping_cents, row.shipping_vat_rate, row.vat_cents) == (419, 0, 0)
    assert order.total_cents == row.total_cents == 2136 + 484 + 419
    assert order.payment.amount_cents == order.total_cents
    with session_scope() as session:
        view = order_view(session, scope()[0], row.id)
    assert [(v.rate, v.vat_cents, v.gross_cents) for v in view.vat_lines] == [(0, 0, 3039)]


def test_the_same_company_with_a_wrong_checksum_pays_luxembourg_vat(shop):
    wrong = replace(ACME_FR, vat_number="FR40303265046")
    place(placement([(shop["moka"][1], 1)], billing=wrong, shipping=wrong))
    (row,) = order_rows()
    assert (row.vat_treatment, row.vat_mention, row.vat_country) == ("intra_eu_b2c_origin", "", "LU")
    assert [(x.vat_rate, x.vat_cents, x.total_cents) for x in line_rows(row.id)] == [(17, 182, 1250)]


def test_over_the_oss_threshold_a_german_consumer_pays_german_rates_on_goods_and_shipping(shop):
    over_oss_threshold()
    berlin = replace(HOME, country="DE", postal_code="10115", city="Berlin")
    place(placement([(shop["moka"][1], 1), (shop["tea"][1], 1)], billing=berlin, shipping=berlin))
    (row,) = order_rows()
    assert (row.vat_treatment, row.vat_mention, row.vat_country) == (
        "oss",
        "orders.invoice.mention.oss",
        "DE",
    )
    # the shelf prices are kept: 12.50 € at 19 % is 10.50 € net; 4.99 € at 7 % is 4.66 €
    assert [(x.vat_rate, x.net_cents, x.total_cents) for x in line_rows(row.id)] == [
        (19, 1050, 1250),
        (7, 466, 499),
    ]
    assert (row.shipping_vat_rate, row.shipping_cents) == (19, 490)


def test_a_destination_rate_with_decimals_is_kept_exactly(shop):
    over_oss_threshold()
    paris = replace(HOME, country="FR", postal_code="75001", city="Paris")
    place(placement([(shop["tea"][1], 1)], billing=paris, shipping=paris, shipping_cents=0))
    (row,) = order_rows()
    (line,) = line_rows(row.id)
    assert line.vat_rate == Decimal("2.1") and f"{line.vat_rate} %" == "2.1 %"
    assert (line.net_cents, line.vat_cents) == (489, 10)  # 499 / 1.021 = 488.74 -> 489


def test_the_preview_checkout_shows_is_what_placement_charges_and_names_a_refused_number(shop):
    moka = shop["moka"][1]
    request = placement([(moka, 3)], billing=replace(ACME_FR, vat_number="FR40303265046"))
    with session_scope() as session:
        preview = vat_preview(session, scope()[0], request.lines, request.billing, 490, 17, "fr")
    assert (preview.kind, preview.message_key, preview.message_params) == (
        "intra_eu_b2c_origin",
        "orders.vat.invalid_number",
        {"country": "FR"},
    )
    order = place(request)
    assert (preview.total_cents, preview.vat_cents) == (order.total_cents, order.vat_cents)
    with session_scope() as session:
        valid = vat_preview(session, scope()[0], request.lines, ACME_FR, 490, 17, "fr")
    assert (valid.kind, valid.vat_cents, valid.message_key) == ("reverse_charge", 0, "")
    assert [(x.vat_rate, x.total_cents) for x in valid.lines] == [(0, 3 * 1068)]


def test_tax_settings_default_to_under_the_threshold_and_refuse_an_unknown_class(shop):
    store_id = scope()[0]
    with session_scope() as session:
        defaults = vat_settings(session, store_id)
        assert (defaults.oss_over_threshold, defaults.vies_check, defaults.class_by_lu_rate[14]) == (
            False,
            False,
            "standard",
        )
        with pytest.raises(FieldErrors) as refused:
            save_vat_settings(session, store_id, True, False, CLASSES | {"14": "luxury"})
        assert refused.value.errors == {"class_14": "orders.vat.error.class"}
        saved = save_vat_settings(session, store_id, True, False, CLASSES | {"14": "reduced"})
        session.commit()
    assert (saved.oss_over_threshold, saved.class_by_lu_rate[14]) == (True, "reduced")
