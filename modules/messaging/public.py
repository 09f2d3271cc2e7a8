"""Messaging's public face: the only file other modules import from messaging.

A module that sends mail declares its kinds in `modules/<code>/messages.py`
(`KINDS = (MessageKind(...), ...)`), contributes them with
`contributes={"message_kinds": "modules.<code>.messages:KINDS"}`, keeps its default texts in
`modules/<code>/emails/<name>/{subject.<lang>.txt,body.<lang>.html,body.<lang>.txt}` and
calls `send_message(...)` inside its own transaction. See docs/messaging.md.
"""

from modules.messaging.kinds import COMMON_VARIABLES, MessageKind
from modules.messaging.services.sending import send_message

__all__ = ["COMMON_VARIABLES", "MessageKind", "send_message"]
