"""Messaging's public face: the only file other modules import from messaging.

A module that sends mail declares its kinds in `modules/<code>/messages.py`
(`KINDS = (MessageKind(...), ...)`), contributes them with
`contributes={"message_kinds": "modules.<code>.messages:KINDS"}`, keeps its default texts in
`modules/<code>/emails/<name>/{subject.<lang>.txt,body.<lang>.html,body.<lang>.txt}` and
calls `send_message(...)` inside its own transaction. See docs/messaging.md.

In-app notifications work the same way: a module declares `NotificationKind`s
(modules/contracts/protocols.py) in `modules/<code>/notifications.py`, contributes them with
`contributes={"notification_kinds": "modules.<code>.notifications:KINDS"}` and calls
`notify(...)` inside the transaction of the change it reports.
"""

from modules.messaging.kinds import COMMON_VARIABLES, MessageKind
from modules.messaging.services.notifications import notify
from modules.messaging.services.sending import send_message

__all__ = ["COMMON_VARIABLES", "MessageKind", "notify", "send_message"]
