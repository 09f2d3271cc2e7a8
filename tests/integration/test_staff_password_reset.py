"""Forgotten staff passwords and "My profile": the reset mail, its single-use link, the
limits that never tell which e-mails exist, and one's own name, language and sessions."""

import re

import pytest
from sqlmodel import select

from modules.tenancy.models import User, UserSession
from modules.tenancy.services import password_reset, profile
from modules.tenancy.services.auth import sign_in, user_for_token
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from tests.integration.helpers import principal
from tests.integration.messaging_helpers import deliver_queued

LINK = "http://127.0.0.1:3000/store/cafe-lux/reset-password"
TOKEN = re.compile(re.escape(LINK) + r"\?token=([\w-]+)")


def ask(email: str, ip: str = "10.0.0.9") -> None:
    password_reset.request_reset(email, ip, LINK, None)


def test_the_reset_link_works_once_and_ends_every_session(demo, mail_sink):
    with session_scope() as session:
        old_token, _ = sign_in(session, "luc@cafe-lux.lu", "orion-demo-2026")
    ask("Luc@Cafe-Lux.lu ")
    deliver_queued()
    deliver_queued()
    message = mail_sink.wait_for(to="luc@cafe-lux.lu", subject_contains="password")
    token = TOKEN.search(message.get_body(("plain",)).get_content()).group(1)
    with session_scope() as session:
        with pytest.raises(FieldErrors):
            password_reset.reset_password(session, token, "short")
        assert password_reset.reset_password(session, token, "a-brand-new-password") == "luc@cafe-lux.lu"
        assert user_for_token(session, old_token) is None
        assert sign_in(session, "luc@cafe-lux.lu", "a-brand-new-password")[1].email == "luc@cafe-lux.lu"
        with pytest.raises(ServiceError):
            password_reset.reset_password(session, token, "yet-another-password")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(demo, mail_sink):
    mail_sink.clear()
    ask("nobody@cafe-lux.lu")  # no error, like for a real account
    deliver_queued()
    deliver_queued()
    assert not [m for m in mail_sink.messages() if "nobody@cafe-lux.lu" in str(m["To"])]


def test_requests_are_limited_per_address_and_per_client(demo):
    for _ in range(3):
        ask("marie@cafe-lux.lu", ip="10.0.0.1")
    with pytest.raises(ServiceError, match=r"too_many"):
        ask("marie@cafe-lux.lu", ip="10.0.0.2")
    # An unknown address is counted exactly the same way.
    for _ in range(3):
        ask("ghost@cafe-lux.lu", ip="10.0.0.3")
    with pytest.raises(ServiceError, match=r"too_many"):
        ask("ghost@cafe-lux.lu", ip="10.0.0.4")
    for n in range(20 - 7):
        ask(f"someone{n}@x.lu", ip="10.0.0.5")
    for n in range(7):
        ask(f"other{n}@x.lu", ip="10.0.0.5")
    with pytest.raises(ServiceError, match=r"too_many"):
        ask("last@x.lu", ip="10.0.0.5")


def test_one_changes_ones_own_name_and_language(demo):
    luc = principal("luc@cafe-lux.lu")
    with session_scope() as session:
        with pytest.raises(FieldErrors) as refused:
            profile.update_profile(session, luc, {"name": "", "language": "xx"})
        assert set(refused.value.errors) == {"name", "language"}
        profile.update_profile(session, luc, {"name": "Luc H.", "language": "lb"})
        user = session.exec(select(User).where(User.email == "luc@cafe-lux.lu")).one()
    assert (user.name, user.language) == ("Luc H.", "lb")


def test_the_sessions_list_shows_only_ones_own_and_marks_this_one(demo):
    with session_scope() as session:
        mine, _ = sign_in(session, "luc@cafe-lux.lu", "orion-demo-2026", ip="10.1.1.1")
        sign_in(session, "luc@cafe-lux.lu", "orion-demo-2026", ip="10.1.1.2")
        sign_in(session, "marie@cafe-lux.lu", "orion-demo-2026", ip="10.9.9.9")
        rows = profile.own_sessions(session, principal("luc@cafe-lux.lu"), mine)
        luc_id = principal("luc@cafe-lux.lu").user_id
        live = session.exec(select(UserSession).where(UserSession.user_id == luc_id)).all()
    assert {row.ip for row in rows} == {"10.1.1.1", "10.1.1.2"}
    assert [row.ip for row in rows if row.current] == ["10.1.1.1"]
    assert len(live) == 2
