"""A list page with a "new" dialog: what the admin lists and the store team share."""

from collections.abc import Callable
from typing import Any

import reflex as rx

from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import ui_only


class DialogFormMixin(rx.State, mixin=True):
    """`rows` of the list, and the "new" dialog's `errors` and whether it is open."""

    rows: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    dialog_open: bool = False

    @rx.event
    @ui_only
    def set_dialog_open(self, value: bool):
        self.dialog_open = value
        self.errors = {}

    def _create(self, create: Callable[..., Any], *args: Any) -> Any:
        """`create(session, *args)` in its own transaction; after the commit, the dialog closes.

        Refused input (FieldErrors) leaves the dialog open with its field errors and gives None.
        """
        try:
            with session_scope() as session:
                row = create(session, *args)
        except FieldErrors as error:
            self.errors = translated_errors(error, self.lang)
            return None
        self.errors, self.dialog_open = {}, False
        return row
