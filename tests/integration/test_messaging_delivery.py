"""Delivery through a real SMTP server and a real RQ worker: content, headers, retries."""

import time

import pytest

from modules.messaging.config import messaging_config
from modules.messaging.models import EmailLog
from modules.messaging.public import send_message
from modules.messaging.services.settings import save_platform_settings, save_store_reply_to, smtp_config
from tests.integration.messaging_helpers import deliver_queued, newsletter_kind, shop

__all__ = ["newsletter_kind"]  # fixture
LINK = {"link": "https://cafe.example/verify?token=abc"}


@pytest.fixture(autouse=True)
def _empty_sink(mail_sink):
    mail_sink.clear()  # the same addresses are used on SQLite and PostgreSQL


def _queue(session, cafe, commit: bool = True, **kwargs) -> int:
    args = {
        "kind": "customers.verify_email",
        "to_email": "anne@example.lu",
        "to_name": "Anne",
        "context": LINK,
    }
    log_id = send_message(session, platform_id=cafe.platform_id, store_id=cafe.store_id, **{**args, **kwargs})
    if commit:
        session.commit()
    return log_id


def _deliver_the_retry(session, log_id: int, timeout: float = 30) -> None:
    """Run the worker until the retry scheduled for the row (4 s later) has been tried."""
    deadline = time.monotonic() + timeout
    while _row(session, log_id).attempts < 2 and time.monotonic() < deadline:
        time.sleep(0.3)
        deliver_queued()
    assert _row(session, log_id).attempts >= 2, f"the retry of e-mail {log_id} never ran in {timeout} s"


def _row(session, log_id) -> EmailLog:
    session.expire_all()
    return session.get(EmailLog, log_id)


def test_a_mail_arrives_multipart_with_its_headers_and_the_log_says_sent(demo, session, mail_sink):
    cafe = shop(session)
    save_store_reply_to(session, cafe.store_id, "hello@cafe-lux.lu")
    log_id = _queue(session, cafe, language="fr", to_email="anne.sent@example.lu")
    deliver_queued()
    mail = mail_sink.wait_for(to="anne.sent@example.lu")
    assert mail["Subject"] == "Confirmez votre adresse e-mail pour Café Lëtzebuerg"
    assert mail["Content-Language"] == "fr" and mail["Reply-To"] == "hello@cafe-lux.lu"
    assert mail["Date"] and mail["Message-ID"].endswith("@orion.localhost>")
    assert mail["List-Unsubscribe"] is None
    assert mail.get_content_type() == "multipart/alternative"
    assert LINK["link"] in mail.get_body(("plain",)).get_content()
    assert LINK["link"] in mail.get_body(("html",)).get_content()
    row = _row(session, log_id)
    assert (row.status, row.attempts, row.message_id) == ("sent", 1, mail["Message-ID"])
    assert row.body_html == row.body_text == ""  # the one-time link does not stay in the log


def test_the_mails_of_one_transaction_go_out_over_one_connection_and_retries_alone(demo, session, mail_sink):
    cafe = shop(session)
    mail_sink.clear()
    ids = [_queue(session, cafe, to_email=f"batch{n}@example.lu", commit=False) for n in range(3)]
    session.commit()
    deliver_queued()
    for n in range(3):
        mail_sink.wait_for(to=f"batch{n}@example.lu")
    assert len(set(mail_sink.peers)) == 1  # one connect (and TLS and login, where configured)
    assert {_row(session, log_id).status for log_id in ids} == {"sent"}


def test_a_rolled_back_transaction_sends_nothing(demo, session, mail_sink):
    cafe = shop(session)
    send_message(
        session, kind="customers.verify_email", to_email="rolled.back@example.lu", context=LINK,
        platform_id=cafe.platform_id, store_id=cafe.store_id,
    )  # fmt: skip
    session.rollback()
    deliver_queued()
    assert not [m for m in mail_sink.messages() if "rolled.back" in str(m["To"])]


def test_marketing_mail_carries_list_unsubscribe(demo, session, mail_sink, newsletter_kind):
    cafe = shop(session)
    _queue(
        session,
        cafe,
        kind=newsletter_kind.code,
        to_email="news@example.lu",
        context={"headline": "Nei Kaffi"},
    )
    deliver_queued()
    mail = mail_sink.wait_for(to="news@example.lu")
    assert mail["Subject"] == "News from Café Lëtzebuerg: Nei Kaffi" and mail["Content-Language"] == "en"
    assert mail["List-Unsubscribe"].startswith("<mailto:") and mail["List-Unsubscribe-Post"]


@pytest.fixture
def quick_retries(monkeypatch):
    # Long enough that a burst worker on a loaded machine ends before the retry is due (it
    # would try it in the same run), short enough to wait for.
    monkeypatch.setenv("MESSAGING_RETRY_INTERVALS", "[4, 4, 4]")
    messaging_config.cache_clear()
    yield
    messaging_config.cache_clear()


def test_a_temporary_refusal_is_retried_and_a_permanent_one_recorded(demo, session, mail_sink, quick_retries):
    cafe = shop(session)
    mail_sink.answer("451 4.3.0 Greylisted, try again")
    log_id = _queue(session, cafe, to_email="later@example.lu")
    deliver_queued()
    row = _row(session, log_id)
    assert (row.status, row.attempts) == ("queued", 1) and row.last_error.startswith("451")
    mail_sink.answer(None)
    _deliver_the_retry(session, log_id)
    mail_sink.wait_for(to="later@example.lu")
    assert (_row(session, log_id).status, _row(session, log_id).attempts) == ("sent", 2)

    mail_sink.answer("550 5.1.1 No such user")
    log_id = _queue(session, cafe, to_email="nobody@example.lu")
    deliver_queued()
    row = _row(session, log_id)
    assert (row.status, row.attempts, row.last_error) == ("failed", 1, "550 5.1.1 No such user")


def test_mail_stays_queued_while_the_server_is_down_and_goes_out_when_it_is_back(
    demo, session, mail_sink, quick_retries
):
    cafe = shop(session)
    mail_sink.stop()
    log_id = _queue(session, cafe, to_email="patient@example.lu")
    deliver_queued()
    row = _row(session, log_id)
    assert (row.status, row.attempts) == ("queued", 1) and "Connection" in row.last_error
    mail_sink.start()
    _deliver_the_retry(session, log_id)
    mail_sink.wait_for(to="patient@example.lu")
    assert _row(session, log_id).status == "sent"


def test_the_smtp_password_is_stored_encrypted_and_read_back(demo, session):
    cafe = shop(session)
    row = save_platform_settings(
        session, cafe.platform_id, from_address="shop@omsflow.lu", from_name="OMS", reply_to="",
        smtp_host="smtp.omsflow.lu", smtp_port=587, smtp_tls="starttls", smtp_username="oms",
        smtp_password="s3cret-pass",
    )  # fmt: skip
    assert row.smtp_password_encrypted and "s3cret" not in row.smtp_password_encrypted
    cfg = smtp_config(session, cafe.platform_id, cafe.store_id)
    assert (cfg.password, cfg.host, cfg.from_address) == ("s3cret-pass", "smtp.omsflow.lu", "shop@omsflow.lu")
