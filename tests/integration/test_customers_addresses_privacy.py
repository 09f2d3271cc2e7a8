"""The address book (EU countries, Luxembourg postal codes, VAT formats, one default each,
only one's own addresses), the search text, the data export and deleting an account."""

import pytest
from sqlmodel import select

from modules.customers.models import Customer, CustomerAddress, CustomerNote
from modules.customers.services.addresses import AddressInput, delete_address, make_default, save_address
from modules.customers.services.auth import customer_for_token, sign_in
from modules.customers.services.privacy import delete_account, export_data
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound, ServiceError
from tests.integration.customers_shop_helpers import PASSWORD, signed_up, storefront

ZOE = "zoe@example.lu"
HOME = AddressInput(name="Zoë Müller", line1="12, rue de l'Église", postal_code="1458", city="Luxembourg")


def save(store_id: int, customer_id: int, data: AddressInput, address_id: int | None = None):
    with session_scope() as session:
        address = save_address(session, store_id, customer_id, data, address_id)
        session.commit()
        return address.id


def errors_of(store_id: int, customer_id: int, **changes) -> dict[str, str]:
    fields = {**HOME.__dict__, **changes}
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        save_address(session, store_id, customer_id, AddressInput(**fields))
    return caught.value.errors


@pytest.mark.parametrize("written", ["1458", "L-1458", "l1458", " L-1458 "])
def test_luxembourg_postal_codes_are_four_digits_with_an_optional_l(demo, written):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE)
    address_id = save(cafe.store_id, customer_id, AddressInput(**{**HOME.__dict__, "postal_code": written}))
    with session_scope() as session:
        assert session.get(CustomerAddress, address_id).postal_code == "L-1458"


def test_bad_addresses_are_refused_next_to_each_field(demo):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE)
    assert errors_of(cafe.store_id, customer_id, postal_code="L-12345") == {
        "postal_code": "customers.account.postal_lu"
    }
    assert errors_of(cafe.store_id, customer_id, country="CH") == {"country": "customers.account.country_eu"}
    assert errors_of(cafe.store_id, customer_id, name="", city="") == {
        "name": "customers.account.required",
        "city": "customers.account.required",
    }
    assert errors_of(cafe.store_id, customer_id, vat_number="US123") == {
        "vat_number": "customers.account.vat_prefix"
    }
    assert errors_of(cafe.store_id, customer_id, vat_number="LU1234567") == {
        "vat_number": "customers.account.vat_format"
    }
    # Another country's postal code is not held to Luxembourg's format.
    assert save(
        cafe.store_id, customer_id, AddressInput(**{**HOME.__dict__, "country": "FR", "postal_code": "57000"})
    )


def test_vat_numbers_are_checked_by_their_countrys_format_and_feed_the_search_text(demo):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE, name="Zoë Müller")
    b2b = {**HOME.__dict__, "company": "Brasserie Éclair", "vat_number": "lu 1234 5678"}
    save(cafe.store_id, customer_id, AddressInput(**b2b))
    save(
        cafe.store_id, customer_id, AddressInput(**{**b2b, "vat_number": "FR 40 303265045", "country": "FR"})
    )
    save(cafe.store_id, customer_id, AddressInput(**{**b2b, "vat_number": "EL123456789", "country": "GR"}))
    with session_scope() as session:
        text = session.get(Customer, customer_id).search_text
    assert "zoe muller" in text and "brasserie eclair" in text
    assert "lu12345678" in text and "fr40303265045" in text and ZOE in text


def test_the_first_address_is_both_defaults_and_each_default_stays_unique(demo):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE)
    home = save(cafe.store_id, customer_id, HOME)
    office = save(cafe.store_id, customer_id, AddressInput(**{**HOME.__dict__, "label": "Office"}))
    with session_scope() as session:
        make_default(session, cafe.store_id, customer_id, office, "billing")
        session.commit()
        rows = {a.id: a for a in session.exec(select(CustomerAddress)).all() if a.customer_id == customer_id}
        assert (rows[home].is_default_billing, rows[home].is_default_shipping) == (False, True)
        assert (rows[office].is_default_billing, rows[office].is_default_shipping) == (True, False)
        delete_address(session, cafe.store_id, customer_id, home)
        session.commit()
        assert session.get(CustomerAddress, office).is_default_shipping


def test_nobody_changes_another_customers_or_another_stores_address(demo):
    cafe, velo = storefront("cafe-lux"), storefront("velo-weber")
    zoe, _ = signed_up(cafe, ZOE)
    other, _ = signed_up(cafe, "other@example.lu")
    velo_zoe, _ = signed_up(velo, ZOE)
    address = save(cafe.store_id, zoe, HOME)
    for store_id, customer_id in ((cafe.store_id, other), (velo.store_id, velo_zoe), (velo.store_id, zoe)):
        with session_scope() as session:
            with pytest.raises(NotFound):
                save_address(session, store_id, customer_id, HOME, address)
            with pytest.raises(NotFound):
                delete_address(session, store_id, customer_id, address)
    with session_scope() as session:
        assert session.get(CustomerAddress, address).customer_id == zoe


def test_the_export_holds_the_account_and_its_addresses(demo):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE)
    save(cafe.store_id, customer_id, HOME)
    with session_scope() as session:
        data = export_data(session, cafe.store_id, customer_id)
        with pytest.raises(NotFound):
            export_data(session, storefront("velo-weber").store_id, customer_id)
    assert data["account"]["email"] == ZOE and data["account"]["language"] == "fr"
    assert [a["postal_code"] for a in data["addresses"]] == ["L-1458"]
    assert data["orders"] == []


def test_deleting_an_account_keeps_the_row_without_personal_data_and_ends_every_session(demo):
    cafe = storefront()
    customer_id, first = signed_up(cafe, ZOE)
    save(
        cafe.store_id,
        customer_id,
        AddressInput(**{**HOME.__dict__, "company": "Éclair", "vat_number": "LU12345678"}),
    )
    with session_scope() as session:
        second = sign_in(session, cafe.store_id, ZOE, PASSWORD)
        session.add(CustomerNote(customer_id=customer_id, store_id=cafe.store_id, body="Prefers decaf"))
        session.commit()
        with pytest.raises(FieldErrors):
            delete_account(session, cafe.store_id, customer_id, "not-the-password")
    with session_scope() as session:
        delete_account(session, cafe.store_id, customer_id, PASSWORD)
    with session_scope() as session:
        row = session.get(Customer, customer_id)
        assert row is not None and row.anonymised_at is not None and not row.is_active
        assert (row.name, row.password_hash, row.language, row.marketing_consent) == ("", None, None, False)
        assert row.email == f"deleted-{customer_id}@invalid" and "zoe" not in row.search_text
        assert "eclair" not in row.search_text and "lu12345678" not in row.search_text
        assert (
            session.exec(select(CustomerAddress).where(CustomerAddress.customer_id == customer_id)).all()
            == []
        )
        assert session.exec(select(CustomerNote).where(CustomerNote.customer_id == customer_id)).all() == []
        assert customer_for_token(session, cafe.store_id, first) is None
        assert customer_for_token(session, cafe.store_id, second) is None
        with pytest.raises(ServiceError):
            sign_in(session, cafe.store_id, ZOE, PASSWORD)
    # The e-mail is free again: the person may open a new, unrelated account.
    assert signed_up(cafe, ZOE)[0] != customer_id
