"""The development sink keeps what it gets for the Outbox page; secrets are encrypted at rest."""

import os
import smtplib
import stat
import subprocess
import sys
import time
from email.message import EmailMessage

import pytest
from cryptography.fernet import Fernet

from modules.messaging.config import messaging_config
from orion_app import crypto
from tests.conftest import ROOT
from tests.mail_sink import free_port


@pytest.fixture
def dev_sink(tmp_path, monkeypatch):
    """`python -m modules.messaging.sink` on a free port, keeping mail in a temporary Maildir."""
    port = free_port()
    monkeypatch.setenv("MESSAGING_OUTBOX_DIR", str(tmp_path / "outbox"))
    messaging_config.cache_clear()
    env = {**os.environ, "MESSAGING_SINK_PORT": str(port)}
    process = subprocess.Popen([sys.executable, "-m", "modules.messaging.sink"], cwd=ROOT, env=env)
    deadline = time.monotonic() + 20
    while True:
        try:
            smtplib.SMTP("127.0.0.1", port, timeout=1).quit()
            break
        except OSError:
            assert time.monotonic() < deadline, "the sink did not start"
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)
    messaging_config.cache_clear()


def _mail(subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "shop@example.lu", "anne@example.lu", subject
    msg.set_content("Moien Anne")
    msg.add_alternative("<p>Moien <b>Anne</b></p>", subtype="html")
    msg["Content-Language"] = "lb"
    return msg


def test_the_dev_sink_keeps_every_message_and_the_outbox_shows_the_newest_first(dev_sink):
    from modules.messaging.services.outbox import outbox_messages

    with smtplib.SMTP("127.0.0.1", dev_sink) as client:
        client.send_message(_mail("Éischt Mail"))
        time.sleep(0.05)
        client.send_message(_mail("Zweet Mail"))
    kept = outbox_messages(limit=10)
    assert [m.subject for m in kept] == ["Zweet Mail", "Éischt Mail"]
    assert (kept[0].language, kept[0].text.strip(), kept[0].html.strip()) == (
        "lb",
        "Moien Anne",
        "<p>Moien <b>Anne</b></p>",
    )
    assert outbox_messages(limit=1)[0].subject == "Zweet Mail"


@pytest.fixture
def keys(monkeypatch, tmp_path):
    monkeypatch.setattr(crypto, "KEY_FILE", tmp_path / ".run" / "encryption.key")
    crypto.reset_keys()
    yield monkeypatch
    crypto.reset_keys()


def test_secrets_round_trip_and_survive_a_key_rotation(keys):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    keys.setenv("ORION_ENCRYPTION_KEYS", old)
    token = crypto.encrypt("smtp-pass")
    assert "smtp-pass" not in token and crypto.decrypt(token) == "smtp-pass"
    keys.setenv("ORION_ENCRYPTION_KEYS", f"{new},{old}")
    crypto.reset_keys()
    assert crypto.decrypt(token) == "smtp-pass"
    keys.setenv("ORION_ENCRYPTION_KEYS", new)
    crypto.reset_keys()
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt(token)


def test_without_keys_development_makes_one_private_key_file(keys):
    keys.delenv("ORION_ENCRYPTION_KEYS", raising=False)
    token = crypto.encrypt("smtp-pass")
    assert stat.S_IMODE(crypto.KEY_FILE.stat().st_mode) == 0o600
    crypto.reset_keys()
    assert crypto.decrypt(token) == "smtp-pass"
