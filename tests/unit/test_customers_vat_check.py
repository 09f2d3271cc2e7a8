"""The address book saves a VAT number of the right format, and says when its checksum fails
(or it is another country's): that buyer is charged VAT."""

from modules.customers.services.addresses import AddressInput, clean_address, vat_charged


def test_a_number_that_passes_its_countrys_checksum_is_not_charged():
    assert not vat_charged("FR40303265045", "FR")
    assert not vat_charged("EL094259216", "GR")
    assert not vat_charged("", "FR")


def test_a_wrong_checksum_or_another_countrys_number_is_charged_but_still_saved():
    assert vat_charged("FR40303265046", "FR")
    assert vat_charged("FR40303265045", "DE")
    values, errors = clean_address(
        AddressInput(
            name="Jean",
            line1="1 rue",
            postal_code="75001",
            city="Paris",
            country="FR",
            vat_number="FR 403 032 650 46",
        )
    )
    assert "vat_number" not in errors and values["vat_number"] == "FR40303265046"
