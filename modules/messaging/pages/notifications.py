"""The notifications bell (in the admin and store header) and the notifications page."""

import reflex as rx

from modules.messaging.services.notifications import kinds
from modules.messaging.state.notifications import BellState, NotificationsState
from orion_app.ui.components import ONE_LINE, empty_state, page, when
from orion_app.ui.i18n import t
from orion_app.ui.pager import pager

B, N = BellState, NotificationsState


def _icon(name: rx.Var) -> rx.Component:
    """The kind's icon (icons are compiled in: one branch per icon a kind declares)."""
    icons = sorted({kind.icon for kind in kinds().values()} - {"bell"})
    return rx.match(name, *((icon, rx.icon(icon, size=16)) for icon in icons), rx.icon("bell", size=16))


def _texts(item: rx.Var, *, one_line: bool) -> rx.Component:
    title_style = ONE_LINE if one_line else {}
    return rx.vstack(
        rx.text(
            item["title"],
            size="2",
            weight=rx.cond(item["unread"] != "", "bold", "regular"),
            style=title_style,
            max_width="100%",
        ),
        rx.cond(item["body"] != "", rx.text(item["body"], size="1", color_scheme="gray")),
        rx.text(item["ago"], size="1", color_scheme="gray", title=item["time"]),
        spacing="0",
        align="start",
        min_width="0",
        flex="1",
    )


def _unread_dot(item: rx.Var) -> rx.Component:
    return rx.box(
        width="0.5em",
        height="0.5em",
        border_radius="50%",
        flex_shrink="0",
        margin_top="0.4em",
        background=rx.cond(item["unread"] != "", "var(--accent-9)", "transparent"),
    )


def _bell_item(item: rx.Var) -> rx.Component:
    return rx.el.button(
        rx.hstack(
            _unread_dot(item), _icon(item["icon"]), _texts(item, one_line=True), spacing="2", align="start"
        ),
        on_click=B.follow(item["id"]),
        type="button",
        width="100%",
        text_align="left",
        padding="0.5em",
        border_radius="6px",
        background="transparent",
        cursor="pointer",
        _hover={"background": "var(--gray-3)"},
        data_testid="notification",
    )


def _badge() -> rx.Component:
    return rx.cond(
        B.unread > 0,
        rx.badge(
            rx.cond(B.unread > 99, "99+", B.unread.to_string()),
            color_scheme="red",
            variant="solid",
            radius="full",
            size="1",
            position="absolute",
            top="-0.35em",
            right="-0.45em",
            data_testid="notification-count",
        ),
    )


def bell() -> rx.Component:
    """The bell with the unread count; opened, the newest notifications (a click reads one
    and follows its link), "mark all read" and the way to the whole list."""
    return rx.popover.root(
        rx.popover.trigger(
            rx.icon_button(
                rx.icon("bell", size=18),
                _badge(),
                variant="ghost",
                color_scheme="gray",
                position="relative",
                aria_label=t("messaging.notifications.bell", count=B.unread),
            )
        ),
        rx.popover.content(
            rx.vstack(
                rx.hstack(
                    rx.text(t("messaging.notifications.title"), weight="bold", size="2"),
                    rx.button(
                        t("messaging.notifications.mark_all"),
                        size="1",
                        variant="ghost",
                        disabled=B.unread == 0,
                        on_click=B.mark_all,
                    ),
                    justify="between",
                    align="center",
                    width="100%",
                ),
                rx.cond(
                    B.items.length() > 0,
                    rx.vstack(rx.foreach(B.items, _bell_item), spacing="1", width="100%"),
                    empty_state("messaging.notifications.none"),
                ),
                rx.link(t("messaging.notifications.see_all"), href=B.page_href, size="2"),
                spacing="2",
                width="100%",
            ),
            width="min(24em, calc(100vw - 1.5em))",
            max_height="min(32em, 80vh)",
            overflow_y="auto",
            align="end",
            side="bottom",
            collision_padding=8,
        ),
        on_open_change=B.set_open,
    )


def _page_row(item: rx.Var) -> rx.Component:
    return rx.hstack(
        _unread_dot(item),
        _icon(item["icon"]),
        rx.el.button(
            _texts(item, one_line=False),
            on_click=N.follow(item["id"]),
            type="button",
            text_align="left",
            background="transparent",
            cursor="pointer",
            padding="0",
            min_width="0",
            flex="1",
        ),
        rx.vstack(
            rx.box(when(item["time"]), display=rx.breakpoints(initial="none", sm="block")),
            rx.cond(
                item["unread"] != "",
                rx.button(
                    t("messaging.notifications.mark_read"),
                    size="1",
                    variant="soft",
                    on_click=N.mark_read(item["id"]),
                ),
            ),
            align="end",
            spacing="1",
        ),
        align="start",
        spacing="2",
        width="100%",
        padding="0.75em 0",
        border_bottom="1px solid var(--gray-4)",
        data_testid="notification",
    )


def notifications_page() -> rx.Component:
    return page(
        "messaging.notifications.title",
        rx.cond(
            N.rows.length() > 0,
            rx.vstack(rx.foreach(N.rows, _page_row), spacing="0", width="100%"),
            empty_state("messaging.notifications.none"),
        ),
        pager(N.page_number, N.page_count, N.go_to_page),
        actions=(rx.button(t("messaging.notifications.mark_all"), variant="soft", on_click=N.mark_all),),
    )
