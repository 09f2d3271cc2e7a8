"""The development mail sink: an SMTP server (aiosmtpd) that keeps every message it gets in
a Maildir (MESSAGING_OUTBOX_DIR, default `.run/outbox/`) and sends nothing on.

`make run` starts it (`python -m modules.messaging.sink`) on MESSAGING_SINK_HOST:PORT
(127.0.0.1:1025, where the default MESSAGING_SMTP_* point); the admin Outbox page reads it.
"""

import asyncio
import logging
import mailbox
import signal
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller

from modules.messaging.config import messaging_config
from orion_app.settings import PROJECT_ROOT

log = logging.getLogger(__name__)


def outbox_path() -> Path:
    folder = Path(messaging_config().outbox_dir)
    return folder if folder.is_absolute() else PROJECT_ROOT / folder


class MaildirHandler:
    """aiosmtpd handler: every accepted message goes into the Maildir, as received."""

    def __init__(self, folder: Path):
        for sub in ("tmp", "new", "cur"):  # Maildir(create=True) skips them when the folder exists
            (folder / sub).mkdir(parents=True, exist_ok=True)
        self.maildir = mailbox.Maildir(folder, create=False)

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.SMTP)
        message["X-Sink-Rcpt-To"] = ", ".join(envelope.rcpt_tos)
        self.maildir.add(message.as_bytes())
        return "250 Message accepted for delivery"


def serve(host: str | None = None, port: int | None = None) -> None:
    cfg = messaging_config()
    folder = outbox_path()
    controller = Controller(
        MaildirHandler(folder), hostname=host or cfg.sink_host, port=port or cfg.sink_port
    )
    controller.start()
    log.warning("Mail sink on %s:%s keeps every message in %s", controller.hostname, controller.port, folder)
    print(f"Mail sink on {controller.hostname}:{controller.port}, messages in {folder}", flush=True)
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        loop.run_until_complete(stop.wait())
    finally:
        controller.stop()
        loop.close()


if __name__ == "__main__":
    serve()
