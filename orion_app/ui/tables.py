"""Tables of a state's rows: headings from translation keys, one row per record, an empty state."""

from collections.abc import Callable, Sequence

import reflex as rx
from reflex.components.radix.themes.components.table import TableCell

from orion_app.ui.components import empty_state
from orion_app.ui.i18n import t


def heading_cell(key: str, **props) -> rx.Component:
    """A column heading showing translation key `key`; '' gives a blank one."""
    return rx.table.column_header_cell(t(key) if key else "", **{"white_space": "nowrap", **props})


def row(*cells: rx.Component | rx.Var | str, **props) -> rx.Component:
    """A table row; values that are not cells yet (`rx.table.cell(..., text_align=…)`) get one."""
    return rx.table.row(*[c if isinstance(c, TableCell) else rx.table.cell(c) for c in cells], **props)


def data_table(
    columns: Sequence[str | rx.Component],
    rows: rx.Var,
    render_row: Callable[[rx.Var], rx.Component],
    *,
    empty: str | rx.Component | None = None,
    scroll: bool = True,
    **props,
) -> rx.Component:
    """A full-width table of `rows`, one `render_row` per record, under `columns` (translation keys
    or heading cells). With `empty` (a translation key or a component), that stands in for a
    table without rows. A table wider than the screen scrolls sideways inside its own box
    (`scroll=False`: the caller's box does that), so the page itself never does."""
    table = rx.table.root(
        rx.table.header(
            rx.table.row(*[c if isinstance(c, rx.Component) else heading_cell(c) for c in columns])
        ),
        rx.table.body(rx.foreach(rows, render_row)),
        width="100%",
        # Codes (SKUs, bins) stay whole on a narrow screen; the table scrolls instead.
        style={"& code": {"white_space": "nowrap"}, **props.pop("style", {})},
        **props,
    )
    if scroll:
        table = rx.box(table, overflow_x="auto", width="100%", max_width="100%", min_width="0")
    if empty is None:
        return table
    return rx.cond(rows.length() > 0, table, empty_state(empty) if isinstance(empty, str) else empty)
