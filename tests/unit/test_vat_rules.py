"""The VAT rules of a Luxembourg store: who pays which rate, with which mention, rounded how."""

from decimal import Decimal

import pytest

from modules.orders.services.vat import split_gross
from modules.orders.services.vat_rules import (
    DEFAULT_CLASS_BY_LU_RATE,
    INVALID_NUMBER,
    MENTIONS,
    charged_unit_price,
    eu_rates,
    split_line,
    vat_class_for,
    vat_number_valid,
    vat_treatment,
)

VALID_FR = "FR40303265045"  # passes the French checksum
WRONG_FR = "FR40303265046"  # the same with its last digit changed


def test_a_consumer_in_luxembourg_pays_the_products_luxembourg_rate():
    for rate in (17, 14, 8, 3, 0):
        treatment = vat_treatment(buyer_country="LU", product_vat_rate_lu=rate)
        assert (treatment.rate, treatment.kind, treatment.mention_key) == (rate, "domestic", "")


def test_a_french_company_with_a_valid_vat_number_is_reverse_charged_at_zero_with_the_mention():
    treatment = vat_treatment(
        buyer_country="FR", buyer_vat_number="fr 40 303 265 045", product_vat_rate_lu=17
    )
    assert (treatment.rate, treatment.kind) == (0, "reverse_charge")
    assert treatment.mention_key == MENTIONS["reverse_charge"] == "orders.invoice.mention.reverse_charge"
    assert treatment.message_key == ""


def test_a_french_vat_number_with_a_wrong_checksum_is_a_consumer_at_the_lu_rate_with_a_message():
    treatment = vat_treatment(buyer_country="FR", buyer_vat_number=WRONG_FR, product_vat_rate_lu=17)
    assert (treatment.rate, treatment.kind, treatment.mention_key) == (17, "intra_eu_b2c_origin", "")
    assert (treatment.message_key, treatment.message_params) == (INVALID_NUMBER, {"country": "FR"})


def test_a_valid_number_of_another_country_than_the_billing_address_is_not_accepted():
    assert vat_number_valid(VALID_FR, "FR")
    assert not vat_number_valid(VALID_FR, "DE")
    treatment = vat_treatment(buyer_country="DE", buyer_vat_number=VALID_FR, product_vat_rate_lu=17)
    assert (treatment.kind, treatment.message_key) == ("intra_eu_b2c_origin", INVALID_NUMBER)


def test_a_luxembourg_company_pays_luxembourg_vat():
    treatment = vat_treatment(buyer_country="LU", buyer_vat_number="LU15027442", product_vat_rate_lu=17)
    assert (treatment.rate, treatment.kind, treatment.message_key) == (17, "domestic", "")


def test_a_german_consumer_under_the_oss_threshold_pays_luxembourgs_17():
    treatment = vat_treatment(buyer_country="DE", product_vat_rate_lu=17, store_oss_over_threshold=False)
    assert (treatment.rate, treatment.kind, treatment.country) == (17, "intra_eu_b2c_origin", "LU")


def test_a_german_consumer_over_the_oss_threshold_pays_germanys_19_with_the_oss_mention():
    treatment = vat_treatment(buyer_country="DE", product_vat_rate_lu=17, store_oss_over_threshold=True)
    assert (treatment.rate, treatment.kind, treatment.country) == (19, "oss", "DE")
    assert treatment.mention_key == "orders.invoice.mention.oss"


def test_a_swiss_buyer_is_an_export_at_zero_with_the_export_mention():
    for vat_number in ("", "CHE-123.456.788"):
        treatment = vat_treatment(buyer_country="CH", buyer_vat_number=vat_number, product_vat_rate_lu=17)
        assert (treatment.rate, treatment.kind) == (0, "export")
        assert treatment.mention_key == "orders.invoice.mention.export"


@pytest.mark.parametrize(
    "country, lu_rate, rate",
    [
        ("DE", 3, 7),  # super-reduced in LU; Germany has none: its reduced rate
        ("DE", 8, 7),
        ("DE", 14, 19),  # LU's intermediate rate maps to standard by default
        ("FR", 3, Decimal("2.1")),
        ("FR", 8, Decimal("5.5")),
        ("FI", 17, Decimal("25.5")),
        ("DK", 3, 25),  # no reduced rate at all: standard
        ("IE", 3, Decimal("4.8")),
        ("DE", 0, 0),
    ],
)
def test_over_the_threshold_reduced_classes_take_the_destinations_rate_for_the_class(country, lu_rate, rate):
    treatment = vat_treatment(
        buyer_country=country, product_vat_rate_lu=lu_rate, store_oss_over_threshold=True
    )
    assert treatment.rate == rate


def test_a_store_may_map_luxembourgs_14_to_the_reduced_class_and_a_product_class_wins():
    assert vat_class_for(14) == DEFAULT_CLASS_BY_LU_RATE[14] == "standard"
    mapping = {**DEFAULT_CLASS_BY_LU_RATE, 14: "reduced"}
    oss = {"buyer_country": "DE", "store_oss_over_threshold": True}
    assert vat_treatment(product_vat_rate_lu=14, class_by_lu_rate=mapping, **oss).rate == 7
    assert vat_treatment(product_vat_rate_lu=17, product_vat_class="reduced", **oss).rate == 7


def test_the_table_holds_the_27_member_states_with_every_class():
    rates = eu_rates()
    assert len(rates) == 27 and "GB" not in rates and "CH" not in rates
    assert all(
        set(entry["classes"]) == {"standard", "reduced", "super_reduced", "zero"} for entry in rates.values()
    )
    assert (rates["LU"]["standard"], rates["LU"]["reduced"], rates["LU"]["super_reduced"]) == (
        17,
        (14, 8),
        (3,),
    )


def test_a_rate_that_is_not_luxembourgs_or_a_foreign_seller_is_refused():
    with pytest.raises(ValueError):
        vat_treatment(buyer_country="LU", product_vat_rate_lu=16)
    with pytest.raises(ValueError):
        vat_treatment(buyer_country="LU", product_vat_rate_lu=17, seller_country="DE")


def test_rounding_is_the_documented_rule_per_line_half_up_under_every_treatment():
    gross = 1250  # 12.50 € at 17 %: net 1068.376… -> 1068
    lu = vat_treatment(buyer_country="LU", product_vat_rate_lu=17)
    assert charged_unit_price(gross, 17, lu) == gross
    assert split_line(gross * 3, lu) == split_gross(gross * 3, 17)
    assert (split_line(gross, lu).net_cents, split_line(gross, lu).vat_cents) == (1068, 182)
    oss_de = vat_treatment(buyer_country="DE", product_vat_rate_lu=17, store_oss_over_threshold=True)
    assert charged_unit_price(gross, 17, oss_de) == gross  # the shelf price is kept
    assert split_line(gross, oss_de).net_cents == 1050  # 1250 / 1.19 = 1050.42 -> 1050
    oss_fi = vat_treatment(buyer_country="FI", product_vat_rate_lu=17, store_oss_over_threshold=True)
    assert split_line(1000, oss_fi).net_cents == 797  # 1000 / 1.255 = 796.81 -> 797
    reverse = vat_treatment(buyer_country="FR", buyer_vat_number=VALID_FR, product_vat_rate_lu=17)
    unit = charged_unit_price(gross, 17, reverse)
    assert unit == 1068  # the LU net of the unit, half-up
    split = split_line(unit * 3, reverse)
    assert (split.gross_cents, split.net_cents, split.vat_cents) == (3204, 3204, 0)
    export = vat_treatment(buyer_country="CH", product_vat_rate_lu=8)
    assert charged_unit_price(1000, 8, export) == 926  # 925.925… -> 926
