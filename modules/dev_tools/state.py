"""Admin: the architecture validator's findings."""

import reflex as rx

from orion_app.registry import get_registry
from orion_app.ui.guard import guarded
from orion_app.ui.state import OrionState
from orion_app.validator import validate


class ValidatorState(OrionState):
    findings: list[dict[str, str]] = []
    module_count: int = 0

    @rx.event
    @guarded("dev_tools.use", quiet=True)
    def load(self):
        registry = get_registry()
        self.module_count = len(registry)
        self.findings = [
            {"rule": f.rule, "module": f.module, "message": f.message, "severity": f.severity}
            for f in validate(registry)
        ]
