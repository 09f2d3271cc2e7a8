"""The in-process event bus: modules hear about enablement, start-up and config changes."""

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

log = logging.getLogger(__name__)


class ModuleEvent(StrEnum):
    ENABLED = "enabled"
    DISABLED = "disabled"
    STARTUP = "startup"
    SHUTDOWN = "shutdown"
    CONFIG_CHANGED = "config_changed"


@dataclass(frozen=True)
class Event:
    kind: ModuleEvent
    module: str
    platform_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[Event], None]


class EventBus:
    """Synchronous publish/subscribe; one failing listener never stops the others."""

    def __init__(self) -> None:
        self._listeners: dict[ModuleEvent | None, list[Listener]] = defaultdict(list)

    def subscribe(self, listener: Listener, kind: ModuleEvent | None = None) -> None:
        """Listen to one kind of event, or to all of them when `kind` is None."""
        self._listeners[kind].append(listener)

    def unsubscribe(self, listener: Listener, kind: ModuleEvent | None = None) -> None:
        self._listeners[kind].remove(listener)

    def publish(self, event: Event) -> int:
        """Deliver to every listener; returns how many failed (they are logged)."""
        failures = 0
        for listener in [*self._listeners[event.kind], *self._listeners[None]]:
            try:
                listener(event)
            except Exception:
                failures += 1
                log.exception("Listener %r failed on %s of %s", listener, event.kind, event.module)
        return failures


bus = EventBus()
