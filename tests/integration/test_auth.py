"""Sign-in: argon2id hashes, server-side sessions, expiry, revocation and rate limits."""

from datetime import timedelta

import pytest
from sqlmodel import select

from modules.tenancy.models import User, UserSession, utcnow
from modules.tenancy.services.auth import sign_in, sign_out, user_for_token
from orion_app.db import session_scope
from orion_app.errors import ServiceError

PASSWORD = "orion-demo-2026"


def test_passwords_are_stored_as_argon2id_hashes(demo):
    with session_scope() as session:
        user = session.exec(select(User).where(User.email == "admin@orion.lu")).one()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_each_sign_in_gets_a_new_token_and_the_old_one_is_revoked(demo):
    with session_scope() as session:
        first, _ = sign_in(session, "Admin@Orion.lu ", PASSWORD, ip="10.0.0.1")
        second, _ = sign_in(session, "admin@orion.lu", PASSWORD, ip="10.0.0.1", previous_token=first)
        assert first != second
        assert user_for_token(session, first) is None
        assert user_for_token(session, second).email == "admin@orion.lu"
        stored = session.exec(select(UserSession.token_hash)).all()
    assert second not in stored  # only hashes are stored


def test_signing_out_revokes_the_session(demo):
    with session_scope() as session:
        token, _ = sign_in(session, "marie@cafe-lux.lu", PASSWORD)
        sign_out(session, token)
        assert user_for_token(session, token) is None


def test_an_expired_session_is_not_accepted(demo):
    with session_scope() as session:
        token, user = sign_in(session, "marie@cafe-lux.lu", PASSWORD)
        row = session.exec(select(UserSession).where(UserSession.user_id == user.id)).one()
        row.expires_at = utcnow() - timedelta(seconds=1)
        session.add(row)
        session.commit()
        assert user_for_token(session, token) is None


def test_a_wrong_password_is_refused_with_one_message_for_unknown_accounts_too(demo):
    with session_scope() as session:
        for email in ("marie@cafe-lux.lu", "nobody@cafe-lux.lu"):
            with pytest.raises(ServiceError) as caught:
                sign_in(session, email, "wrong-password")
            assert caught.value.message_key == "tenancy.signin.invalid"


def test_repeated_failures_lock_the_account_even_for_the_right_password(demo):
    with session_scope() as session:
        for _ in range(5):
            with pytest.raises(ServiceError):
                sign_in(session, "jean@velo.lu", "wrong-password", ip="10.0.0.2")
        with pytest.raises(ServiceError) as caught:
            sign_in(session, "jean@velo.lu", PASSWORD, ip="10.0.0.3")
    assert caught.value.message_key == "tenancy.signin.too_many"


def test_many_failures_from_one_address_block_that_address_for_every_account(demo, monkeypatch):
    monkeypatch.setenv("LOGIN_MAX_ATTEMPTS_PER_IP", "3")
    from orion_app.settings import get_settings

    get_settings.cache_clear()
    with session_scope() as session:
        for i in range(3):
            with pytest.raises(ServiceError):
                sign_in(session, f"guess{i}@velo.lu", "nope", ip="10.9.9.9")
        with pytest.raises(ServiceError) as caught:
            sign_in(session, "admin@orion.lu", PASSWORD, ip="10.9.9.9")
        assert caught.value.message_key == "tenancy.signin.too_many"
        token, _ = sign_in(session, "admin@orion.lu", PASSWORD, ip="10.9.9.10")
        assert token
    get_settings.cache_clear()
