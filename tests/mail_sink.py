"""A real SMTP server for tests (aiosmtpd on a free local port), and the `mail_sink` fixture.

One server per test process (session), started on first use; `MESSAGING_SMTP_HOST/PORT`
point Orion's delivery at it. `mail_sink.messages()` gives what it received as
`email.message.EmailMessage`s, `wait_for(to=..., subject_contains=...)` waits for one.
`answer("451 ...")` / `answer("550 ...")` makes it refuse recipients (temporary /
permanent failure) until `answer(None)`; `stop()` / `start()` take it down and back up on
the same port. Each test gets it running, accepting and empty.
"""

import logging
import os
import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, sink: "MailSink"):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if self.sink.refusal:
            return self.sink.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self.sink.lock:
            self.sink.received.append(message)
            self.sink.peers.append(session.peer)  # the client's address and port: one per connection
        return "250 Message accepted for delivery"


class MailSink:
    def __init__(self, host: str = "127.0.0.1", port: int | None = None):
        self.host, self.port = host, port or free_port()
        self.received: list[EmailMessage] = []
        self.peers: list = []  # per received message, the connection it came over
        self.lock = threading.Lock()
        self.refusal: str | None = None
        self._controller: Controller | None = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        if self._controller is None:
            controller = Controller(_Handler(self), hostname=self.host, port=self.port)
            controller.start()
            self._controller = controller

    def stop(self) -> None:
        """Take the server down: connections are refused until `start()`."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def answer(self, reply: str | None) -> None:
        """Refuse every recipient with `reply` (e.g. "451 4.3.0 try later"); None accepts again."""
        self.refusal = reply

    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return list(self.received)

    def clear(self) -> None:
        with self.lock:
            self.received.clear()
            self.peers.clear()

    def wait_for(
        self, *, to: str | None = None, subject_contains: str = "", timeout: float = 10.0
    ) -> EmailMessage:
        """The first message to `to` whose subject contains `subject_contains`, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            for message in self.messages():
                recipients = str(message["To"] or "").lower()
                if (to is None or to.lower() in recipients) and subject_contains in str(
                    message["Subject"] or ""
                ):
                    return message
            if time.monotonic() > deadline:
                seen = [(str(m["To"]), str(m["Subject"])) for m in self.messages()]
                raise AssertionError(
                    f"No mail to {to!r} with {subject_contains!r} in {timeout} s; got {seen}"
                )
            time.sleep(0.1)


def point_messaging_at(sink: MailSink) -> None:
    """Make Orion's delivery (this process and the workers it starts) use `sink`."""
    os.environ.update(
        MESSAGING_SMTP_HOST=sink.host, MESSAGING_SMTP_PORT=str(sink.port), MESSAGING_SMTP_TLS="none"
    )
    from modules.messaging.config import messaging_config

    messaging_config.cache_clear()


def _forget_queued_mail_jobs() -> None:
    """Drop the jobs earlier tests left queued or scheduled (a retry due in a few seconds): they
    name log rows by id, and the next test's database (SQLite, then PostgreSQL) has rows with
    the same ids, which a stray retry would try again.

    Also drops the queue's scheduler lock: a worker an earlier test killed with -9 (the import
    reliability tests do) keeps it for a minute, and until then no burst worker moves a due
    retry onto the queue."""
    from rq.registry import ScheduledJobRegistry
    from rq.scheduler import RQScheduler

    from orion_app.jobs import get_queue

    queue = get_queue("default")
    queue.empty()
    scheduled = ScheduledJobRegistry(queue=queue)
    for job_id in scheduled.get_job_ids():
        scheduled.remove(job_id, delete_job=True)
    queue.connection.delete(RQScheduler.get_locking_key(queue.name))


@pytest.fixture(scope="session")
def mail_sink_server():
    """The test process's SMTP server, running for the whole session."""
    sink = MailSink()
    sink.start()
    point_messaging_at(sink)
    yield sink
    sink.stop()


@pytest.fixture
def mail_sink(mail_sink_server) -> MailSink:
    """The session's SMTP server, running, accepting and empty: a test sees only its own mail
    (the same test on SQLite and then PostgreSQL mails the same address twice)."""
    mail_sink_server.start()
    mail_sink_server.answer(None)
    mail_sink_server.clear()
    _forget_queued_mail_jobs()
    point_messaging_at(mail_sink_server)
    return mail_sink_server
