"""Team invitations by e-mail: the owner invites, the mail carries a single-use link, and
the person joins with it; scope and roles are checked on every step."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from modules.tenancy.models import StoreUser, User, UserToken, utcnow
from modules.tenancy.services import invitations
from modules.tenancy.services.auth import sign_in
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, Forbidden, NotFound, ServiceError
from tests.integration.helpers import principal, store_id
from tests.integration.messaging_helpers import deliver_queued

ORIGIN = "http://127.0.0.1:3000"
LINK = re.compile(r"http://127\.0\.0\.1:3000/store/cafe-lux/invitation\?token=([\w-]+)")


def invite(email: str, role: str = "staff", who: str = "marie@cafe-lux.lu", store: str = "cafe-lux") -> None:
    with session_scope() as session:
        invitations.invite_member(
            session,
            principal(who),
            store_id(store),
            {"email": email, "name": "Luc Zwee", "role": role},
            ORIGIN,
        )


def mailed_token(mail_sink, email: str) -> str:
    deliver_queued()
    message = mail_sink.wait_for(to=email, subject_contains="invit")
    text = message.get_body(("plain",)).get_content()
    return LINK.search(text).group(1)


def accept(token: str, data: dict, store: str = "cafe-lux") -> str:
    with session_scope() as session:
        return invitations.accept_invitation(session, store_id(store), token, data)


def test_the_invitation_mail_carries_a_link_that_makes_a_new_member_once(demo, mail_sink):
    invite("luc2@cafe-lux.lu", role="manager")
    deliver_queued()
    message = mail_sink.wait_for(to="luc2@cafe-lux.lu", subject_contains="invite")
    # In the store's default language, French: the person has no account, so no language yet.
    assert str(message["Subject"]) == "Marie Schmit vous invite dans l'équipe de Café Lëtzebuerg"
    assert "en tant que Gérant" in message.get_body(("plain",)).get_content()
    token = mailed_token(mail_sink, "luc2@cafe-lux.lu")

    assert accept(token, {"name": "Luc Zwee", "password": "luc2-password-1"}) == "luc2@cafe-lux.lu"
    with session_scope() as session:
        user = session.exec(select(User).where(User.email == "luc2@cafe-lux.lu")).one()
        role = session.exec(select(StoreUser.role).where(StoreUser.user_id == user.id)).one()
        assert role == "manager"
        assert sign_in(session, "luc2@cafe-lux.lu", "luc2-password-1")[1].id == user.id
    with pytest.raises(ServiceError, match=r"invitation\.invalid"):
        accept(token, {"name": "Someone", "password": "another-password-2"})


def test_a_weak_password_keeps_the_link_usable(demo, mail_sink):
    invite("weak@cafe-lux.lu")
    token = mailed_token(mail_sink, "weak@cafe-lux.lu")
    with pytest.raises(FieldErrors) as refused:
        accept(token, {"name": "", "password": "short"})
    assert set(refused.value.errors) == {"name", "password"}
    assert accept(token, {"name": "Weak", "password": "long-enough-password"}) == "weak@cafe-lux.lu"


def test_an_existing_account_joins_only_with_its_own_password(demo, mail_sink):
    invite("jean@velo.lu", role="viewer")
    token = mailed_token(mail_sink, "jean@velo.lu")
    with pytest.raises(FieldErrors) as refused:
        accept(token, {"password": "not-jeans-password"})
    assert refused.value.errors == {"password": "tenancy.invitation.password_wrong"}
    accept(token, {"password": "orion-demo-2026"})
    assert principal("jean@velo.lu").store_roles[store_id("cafe-lux")] == "viewer"


def test_an_expired_or_revoked_invitation_does_not_work(demo, mail_sink):
    invite("late@cafe-lux.lu")
    token = mailed_token(mail_sink, "late@cafe-lux.lu")
    with session_scope() as session:
        row = session.exec(select(UserToken).where(UserToken.email == "late@cafe-lux.lu")).one()
        row.expires_at = utcnow() - timedelta(seconds=1)
        session.add(row)
        session.commit()
    with pytest.raises(ServiceError):
        accept(token, {"name": "Late", "password": "long-enough-password"})

    invite("gone@cafe-lux.lu")
    token = mailed_token(mail_sink, "gone@cafe-lux.lu")
    with session_scope() as session:
        pending = invitations.list_invitations(session, principal("marie@cafe-lux.lu"), store_id("cafe-lux"))
        gone = next(item for item in pending if item.email == "gone@cafe-lux.lu")
        invitations.revoke_invitation(session, principal("marie@cafe-lux.lu"), store_id("cafe-lux"), gone.id)
    with pytest.raises(ServiceError):
        accept(token, {"name": "Gone", "password": "long-enough-password"})


def test_re_sending_replaces_the_old_link(demo, mail_sink):
    invite("again@cafe-lux.lu")
    first = mailed_token(mail_sink, "again@cafe-lux.lu")
    mail_sink.clear()
    with session_scope() as session:
        pending = invitations.list_invitations(session, principal("marie@cafe-lux.lu"), store_id("cafe-lux"))
        (item,) = [i for i in pending if i.email == "again@cafe-lux.lu"]
        invitations.resend_invitation(
            session, principal("marie@cafe-lux.lu"), store_id("cafe-lux"), item.id, ORIGIN
        )
    second = mailed_token(mail_sink, "again@cafe-lux.lu")
    assert first != second
    with pytest.raises(ServiceError):
        accept(first, {"name": "Again", "password": "long-enough-password"})
    accept(second, {"name": "Again", "password": "long-enough-password"})


def test_a_link_of_one_store_does_not_work_on_another(demo, mail_sink):
    invite("cross@cafe-lux.lu")
    token = mailed_token(mail_sink, "cross@cafe-lux.lu")
    with pytest.raises(ServiceError):
        accept(token, {"name": "Cross", "password": "long-enough-password"}, store="velo-weber")


def test_another_stores_owner_can_neither_invite_nor_revoke_here(demo, mail_sink):
    invite("mine@cafe-lux.lu")
    jean, cafe = principal("jean@velo.lu"), store_id("cafe-lux")
    with session_scope() as session:
        (item,) = [
            i
            for i in invitations.list_invitations(session, principal("marie@cafe-lux.lu"), cafe)
            if i.email == "mine@cafe-lux.lu"
        ]
        with pytest.raises(NotFound):
            invitations.invite_member(
                session, jean, cafe, {"email": "x@x.lu", "name": "X", "role": "staff"}, ORIGIN
            )
        with pytest.raises(NotFound):
            invitations.list_invitations(session, jean, cafe)
        # Jean's own store, with cafe-lux's invitation id: not found there either.
        with pytest.raises(NotFound):
            invitations.revoke_invitation(session, jean, store_id("velo-weber"), item.id)
        with pytest.raises(NotFound):
            invitations.resend_invitation(session, jean, store_id("velo-weber"), item.id, ORIGIN)
    with session_scope() as session:
        assert session.get(UserToken, item.id).used_at is None


def test_a_manager_invites_up_to_manager_but_never_an_owner(demo, mail_sink):
    invite("manon@cafe-lux.lu", role="manager")
    accept(mailed_token(mail_sink, "manon@cafe-lux.lu"), {"name": "Manon", "password": "manon-password-1"})
    manon, cafe = principal("manon@cafe-lux.lu"), store_id("cafe-lux")
    with session_scope() as session:
        with pytest.raises(FieldErrors) as refused:
            invitations.invite_member(
                session, manon, cafe, {"email": "o@x.lu", "name": "O", "role": "owner"}, ORIGIN
            )
        assert refused.value.errors == {"role": "tenancy.invitation.role_above_yours"}
        invitations.invite_member(
            session, manon, cafe, {"email": "s@x.lu", "name": "S", "role": "staff"}, ORIGIN
        )


def test_staff_cannot_invite(demo):
    with session_scope() as session, pytest.raises(Forbidden):
        invitations.invite_member(
            session,
            principal("luc@cafe-lux.lu"),
            store_id("cafe-lux"),
            {"email": "x@x.lu", "name": "X", "role": "viewer"},
            ORIGIN,
        )


def test_a_member_is_not_invited_twice(demo):
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        invitations.invite_member(
            session,
            principal("marie@cafe-lux.lu"),
            store_id("cafe-lux"),
            {"email": "luc@cafe-lux.lu", "name": "Luc", "role": "staff"},
            ORIGIN,
        )
    assert refused.value.errors == {"email": "tenancy.team.already_member"}
