"""Sessions end for good: disabling an account, changing or resetting its password, or signing
out everywhere revokes every session it has; and sign-in does not reveal which e-mails exist."""

import statistics
import time

import pytest
from sqlmodel import select

from modules.tenancy.models import User, UserSession
from modules.tenancy.services.auth import (
    change_password,
    open_session,
    sign_in,
    sign_out_everywhere,
    user_for_token,
)
from modules.tenancy.services.users import admin_reset_password, set_user_active
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.settings import get_settings
from tests.integration.helpers import principal

PASSWORD = "orion-demo-2026"
MARIE = "marie@cafe-lux.lu"


def two_sessions(email: str = MARIE) -> list[str]:
    with session_scope() as session:
        return [sign_in(session, email, PASSWORD, ip=ip)[0] for ip in ("10.0.0.1", "10.0.0.2")]


def live(tokens: list[str]) -> list[bool]:
    with session_scope() as session:
        return [user_for_token(session, token) is not None for token in tokens]


def test_disabling_a_user_ends_all_sessions_and_enabling_them_again_brings_none_back(demo):
    tokens, admin, marie = two_sessions(), principal("admin@orion.lu"), principal(MARIE).user_id
    with session_scope() as session:
        set_user_active(session, admin, marie, False)
    assert live(tokens) == [False, False]
    with session_scope() as session:
        revoked = session.exec(select(UserSession.revoked_at).where(UserSession.user_id == marie)).all()
        assert len(revoked) == 2 and None not in revoked
        with pytest.raises(ServiceError):
            sign_in(session, MARIE, PASSWORD)
        set_user_active(session, admin, marie, True)
    assert live(tokens) == [False, False]
    with session_scope() as session:
        fresh, _ = sign_in(session, MARIE, PASSWORD)
    assert live([fresh]) == [True]


def test_changing_ones_password_ends_every_session_including_the_current_one(demo):
    tokens = two_sessions()
    with session_scope() as session:
        change_password(session, principal(MARIE), PASSWORD, "a-new-long-password")
    assert live(tokens) == [False, False]
    with session_scope() as session:
        with pytest.raises(ServiceError):
            sign_in(session, MARIE, PASSWORD)
        # What the caller does next: give the person a new session (and cookie) at once.
        user = session.exec(select(User).where(User.email == MARIE)).one()
        token = open_session(session, user, ip="10.0.0.1")
        session.commit()
    assert live([token]) == [True]
    with session_scope() as session:
        assert sign_in(session, MARIE, "a-new-long-password")[0]


def test_a_wrong_current_password_is_refused_next_to_the_field_and_changes_nothing(demo):
    tokens = two_sessions()
    with session_scope() as session:
        before = session.exec(select(User.password_hash).where(User.email == MARIE)).one()
        with pytest.raises(FieldErrors) as caught:
            change_password(session, principal(MARIE), "not-my-password", "a-new-long-password")
    assert caught.value.errors == {"current_password": "tenancy.password.current_wrong"}
    with session_scope() as session:
        assert session.exec(select(User.password_hash).where(User.email == MARIE)).one() == before
    assert live(tokens) == [True, True]


def test_a_new_password_that_is_too_short_is_refused(demo):
    tokens = two_sessions()
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        change_password(session, principal(MARIE), PASSWORD, "short")
    assert caught.value.errors == {"new_password": "tenancy.user.password_short"}
    assert live(tokens) == [True, True]


def test_signing_out_everywhere_ends_only_that_users_sessions(demo):
    tokens = two_sessions()
    with session_scope() as session:
        jean, _ = sign_in(session, "jean@velo.lu", PASSWORD)
        assert sign_out_everywhere(session, principal(MARIE).user_id) == 2
        assert sign_out_everywhere(session, principal(MARIE).user_id) == 0
    assert live([*tokens, jean]) == [False, False, True]


def test_an_admin_password_reset_ends_the_users_sessions(demo):
    tokens = two_sessions("luc@cafe-lux.lu")
    with session_scope() as session:
        admin_reset_password(
            session, principal("ops@omsflow.lu"), principal("luc@cafe-lux.lu").user_id, "reset-by-ops-1"
        )
        assert sign_in(session, "luc@cafe-lux.lu", "reset-by-ops-1")[0]
    assert live(tokens) == [False, False]


def test_unknown_disabled_and_wrong_password_sign_ins_take_the_same_time(demo, monkeypatch):
    """Each refusal runs one argon2 verification, so timing does not tell which e-mails exist.
    The attempts are interleaved so that load on the machine weighs on every kind alike."""
    monkeypatch.setenv("LOGIN_MAX_ATTEMPTS_PER_ACCOUNT", "1000")
    get_settings.cache_clear()
    with session_scope() as session:
        set_user_active(session, principal("admin@orion.lu"), principal("jean@velo.lu").user_id, False)
    attempts = {
        "unknown": lambda i: (f"nobody{i}@cafe-lux.lu", PASSWORD),
        "disabled": lambda i: ("jean@velo.lu", PASSWORD),
        "wrong password": lambda i: (MARIE, f"wrong-password-{i}"),
    }
    timings: dict[str, list[float]] = {kind: [] for kind in attempts}
    with session_scope() as session:
        for i in range(10):
            for kind, credentials in attempts.items():
                started = time.perf_counter()
                with pytest.raises(ServiceError) as caught:
                    sign_in(session, *credentials(i))
                timings[kind].append(time.perf_counter() - started)
                assert caught.value.message_key == "tenancy.signin.invalid"
    get_settings.cache_clear()
    medians = {kind: statistics.median(values) for kind, values in timings.items()}
    reference = medians["wrong password"]
    for kind in ("unknown", "disabled"):
        assert 1 / 1.5 <= medians[kind] / reference <= 1.5, medians


def test_the_stand_in_hash_has_the_cost_of_a_freshly_made_one():
    from orion_app.passwords import DUMMY_HASH, needs_rehash

    assert not needs_rehash(DUMMY_HASH)
