"""Shopper accounts belong to one store: sign-up, verification by mail, sign-in with the
staff limits, sessions that never cross stores, and single-use, expiring, hashed links."""

from datetime import timedelta

import pytest
from sqlmodel import select

from modules.customers.models import Customer, CustomerToken
from modules.customers.public import signed_in_customer
from modules.customers.services.accounts import resend_verification, sign_up, verify_email
from modules.customers.services.auth import customer_for_token, sign_in, sign_out
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, ServiceError
from orion_app.session_tokens import token_hash
from orion_app.settings import get_settings
from tests.integration.customers_shop_helpers import (  # noqa: F401 (empty_sink: a fixture)
    PASSWORD,
    delivered,
    empty_sink,
    signed_up,
    storefront,
    token_in,
)

pytestmark = pytest.mark.usefixtures("empty_sink")

ZOE = "zoe@example.lu"


def test_the_same_email_in_two_stores_is_two_independent_accounts(demo):
    cafe, velo = storefront("cafe-lux"), storefront("velo-weber")
    cafe_id, cafe_token = signed_up(cafe, ZOE)
    with session_scope() as session:
        velo_customer = sign_up(
            session, velo, name="Zoé", email=ZOE, password="another-password", language="en",
            marketing_consent=True,
        )  # fmt: skip
        session.commit()
        assert velo_customer.id != cafe_id
        assert sign_in(session, cafe.store_id, ZOE, PASSWORD)
        assert sign_in(session, velo.store_id, ZOE, "another-password")
        with pytest.raises(ServiceError):
            sign_in(session, velo.store_id, ZOE, PASSWORD)
        # A session of one store is no session at all in the other.
        assert customer_for_token(session, cafe.store_id, cafe_token).id == cafe_id
        assert customer_for_token(session, velo.store_id, cafe_token) is None
        assert signed_in_customer(session, velo.store_id, cafe_token) is None
        assert signed_in_customer(session, cafe.store_id, cafe_token).email == ZOE


def test_sign_up_refuses_bad_input_next_to_each_field_and_a_taken_email(demo):
    cafe = storefront()
    signed_up(cafe, ZOE)
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        sign_up(session, cafe, name="", email="ZOE@example.lu ", password="short", language="xx",
                marketing_consent=False)  # fmt: skip
    assert caught.value.errors == {
        "name": "customers.account.name_invalid",
        "language": "customers.account.language_invalid",
        "email": "customers.account.email_taken",
        "password": "customers.account.password_short",
    }
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        sign_up(session, cafe, name="A", email="not-an-email", password=PASSWORD, language="fr",
                marketing_consent=False)  # fmt: skip
    assert caught.value.errors == {"email": "customers.account.email_invalid"}


def test_the_french_verification_mail_arrives_and_its_link_works_once(demo, mail_sink):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE, language="fr")
    message = delivered(mail_sink, ZOE, "Confirmez votre adresse e-mail")
    token = token_in(message)
    with session_scope() as session:
        stored = session.exec(select(CustomerToken).where(CustomerToken.customer_id == customer_id)).one()
        assert stored.token_hash == token_hash(token) and token not in stored.token_hash
        assert timedelta(hours=23) < stored.expires_at - stored.created_at <= timedelta(hours=24)
        assert verify_email(session, cafe.store_id, token)
    with session_scope() as session:
        assert session.get(Customer, customer_id).email_verified_at is not None
        assert not verify_email(session, cafe.store_id, token)


def test_another_stores_verification_link_does_nothing_and_stays_usable_where_it_belongs(demo, mail_sink):
    cafe, velo = storefront("cafe-lux"), storefront("velo-weber")
    signed_up(cafe, ZOE)
    token = token_in(delivered(mail_sink, ZOE, "Confirmez"))
    with session_scope() as session:
        assert not verify_email(session, velo.store_id, token)
        assert verify_email(session, cafe.store_id, token)


def test_an_expired_verification_link_is_refused(demo, mail_sink):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE)
    token = token_in(delivered(mail_sink, ZOE, "Confirmez"))
    with session_scope() as session:
        stored = session.exec(select(CustomerToken).where(CustomerToken.customer_id == customer_id)).one()
        stored.expires_at = utcnow() - timedelta(seconds=1)
        session.add(stored)
    with session_scope() as session:
        assert not verify_email(session, cafe.store_id, token)
        assert session.get(Customer, customer_id).email_verified_at is None


def test_sending_the_verification_again_replaces_the_old_link_and_is_rate_limited(demo, mail_sink):
    cafe = storefront()
    customer_id, _ = signed_up(cafe, ZOE)
    first = token_in(delivered(mail_sink, ZOE, "Confirmez"))
    mail_sink.clear()
    with session_scope() as session:
        resend_verification(session, cafe, customer_id)
    second = token_in(delivered(mail_sink, ZOE, "Confirmez"))
    assert second != first
    with session_scope() as session:
        assert not verify_email(session, cafe.store_id, first)
        for _ in range(2):
            resend_verification(session, cafe, customer_id)
        with pytest.raises(ServiceError) as caught:
            resend_verification(session, cafe, customer_id)
        assert caught.value.message_key == "customers.account.resend_too_many"


def test_sign_in_has_the_staff_limits_per_account_and_per_address(demo, monkeypatch):
    monkeypatch.setenv("LOGIN_MAX_ATTEMPTS_PER_ACCOUNT", "3")
    monkeypatch.setenv("LOGIN_MAX_ATTEMPTS_PER_IP", "5")
    get_settings.cache_clear()
    cafe, velo = storefront("cafe-lux"), storefront("velo-weber")
    signed_up(cafe, ZOE)
    signed_up(velo, ZOE)
    try:
        with session_scope() as session:
            for _ in range(3):
                with pytest.raises(ServiceError):
                    sign_in(session, cafe.store_id, ZOE, "wrong-password", ip="10.0.0.9")
            with pytest.raises(ServiceError) as caught:
                sign_in(session, cafe.store_id, ZOE, PASSWORD, ip="10.0.0.1")
            assert caught.value.message_key == "customers.shop.too_many"
            # The account is counted per store: the other store's account still signs in.
            assert sign_in(session, velo.store_id, ZOE, PASSWORD, ip="10.0.0.1")
            for i in range(2):
                with pytest.raises(ServiceError):
                    sign_in(session, velo.store_id, f"nobody{i}@example.lu", "x", ip="10.0.0.9")
            with pytest.raises(ServiceError) as caught:
                sign_in(session, velo.store_id, ZOE, PASSWORD, ip="10.0.0.9")
            assert caught.value.message_key == "customers.shop.too_many"
    finally:
        get_settings.cache_clear()


def test_signing_out_ends_that_session_only(demo):
    cafe = storefront()
    _, first = signed_up(cafe, ZOE)
    with session_scope() as session:
        second = sign_in(session, cafe.store_id, ZOE, PASSWORD)
        sign_out(session, cafe.store_id, first)
        assert customer_for_token(session, cafe.store_id, first) is None
        assert customer_for_token(session, cafe.store_id, second) is not None
