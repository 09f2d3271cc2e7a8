"""Admin, Outbox (development only): the messages the local mail sink kept, newest first.

It exists where mail goes to the sink: the developer tools are on for the admin's platform, or
the server's SMTP settings point at the sink (the development default). The sink keeps every
platform's mail, so only super admins read it.
"""

import reflex as rx

from modules.messaging.config import messaging_config
from modules.messaging.services.outbox import outbox_messages
from orion_app.access import Access
from orion_app.ui.format import iso
from orion_app.ui.guard import current_access, guarded, ui_only
from orion_app.ui.state import OrionState

PLATFORM = "messaging.platform.manage"
SHOWN = 50


def sink_configured() -> bool:
    """The server's default SMTP server is the development sink."""
    cfg = messaging_config()
    return (cfg.smtp_host, cfg.smtp_port) == (cfg.sink_host, cfg.sink_port)


def outbox_available(access: Access) -> bool:
    principal = access.principal
    return bool(principal and principal.is_super_admin) and (
        "dev_tools" in access.enabled or sink_configured()
    )


class OutboxState(OrionState):
    available: bool = True
    rows: list[dict[str, str]] = []
    headers: dict[str, list[str]] = {}  # message key -> "Name: value" lines
    open_key: str = ""

    @rx.event
    @guarded(PLATFORM, quiet=True)
    def load(self):
        self.open_key = ""
        self.available = outbox_available(current_access())
        if not self.available:
            self.rows, self.headers = [], {}
            return
        messages = outbox_messages(SHOWN)
        self.rows = [
            {
                "key": m.key,
                "time": iso(m.received_at),
                "from": m.sender,
                "to": m.to,
                "subject": m.subject,
                "language": m.language.upper(),
                "message_id": m.message_id,
                "text": m.text,
                "html": m.html,
            }
            for m in messages
        ]
        self.headers = {m.key: [f"{name}: {value}" for name, value in m.headers] for m in messages}

    @rx.event
    @ui_only
    def toggle(self, key: str):
        self.open_key = "" if self.open_key == key else str(key)
