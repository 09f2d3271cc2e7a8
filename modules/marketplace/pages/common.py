"""Pieces the marketplace pages share: backend links, times, status badges, live refresh."""

import reflex as rx

from orion_app.ui.i18n import t

STATUS_COLOURS = {
    "queued": "gray",
    "running": "blue",
    "succeeded": "green",
    "failed": "red",
    "cancelled": "gray",
    "abandoned": "orange",
}
SELECT_STYLE = {
    "padding": "0.4em",
    "border_radius": "6px",
    "border": "1px solid var(--gray-7)",
    "background": "var(--color-panel-solid)",
    "margin_top": "0.25em",
}


def when(moment: rx.Var) -> rx.Component:
    """A UTC time from the state, shown in the viewer's time zone ('—' for none)."""
    return rx.cond(
        moment != "",
        rx.moment(moment, format="YYYY-MM-DD HH:mm", local=True),
        rx.text("—", as_="span", color_scheme="gray"),
    )


def status_badge(status: rx.Var, size: str = "1") -> rx.Component:
    return rx.match(
        status,
        *[
            (name, rx.badge(t(f"marketplace.status.{name}"), color_scheme=colour, size=size))
            for name, colour in STATUS_COLOURS.items()
        ],
        rx.badge(status, size=size),
    )


def live_refresh(active: rx.Var, on_tick) -> rx.Component:
    """While `active`, call `on_tick` every second; nothing runs once the work has ended."""
    return rx.cond(
        active,
        rx.moment(interval=1000, format="HH:mm:ss", on_change=on_tick, display="none"),
    )


def section(title_key: str, *children: rx.Component, hint_key: str | None = None, **props) -> rx.Component:
    """A titled card; its title names the region for people using assistive technology."""
    return rx.card(
        rx.vstack(
            rx.heading(t(title_key), size="4", as_="h2"),
            *([rx.text(t(hint_key), size="2", color_scheme="gray")] if hint_key else []),
            *children,
            spacing="3",
            width="100%",
        ),
        role="region",
        aria_label=t(title_key),
        width="100%",
        **props,
    )


def pager(page: rx.Var, pages: rx.Var, go_to) -> rx.Component:
    return rx.cond(
        pages > 1,
        rx.hstack(
            rx.button(
                t("catalog.shop.previous"),
                size="1",
                variant="soft",
                disabled=page <= 1,
                on_click=go_to(page - 1),
            ),
            rx.text(t("catalog.shop.page_of", page=page, pages=pages), size="2"),
            rx.button(
                t("catalog.shop.next"),
                size="1",
                variant="soft",
                disabled=page >= pages,
                on_click=go_to(page + 1),
            ),
            justify="center",
            width="100%",
            align="center",
        ),
    )


def checkbox(label_key: str, hint_key: str, **props) -> rx.Component:
    return rx.vstack(
        rx.el.label(
            rx.el.input(type="checkbox", **props),
            " ",
            t(label_key),
            font_size="0.9em",
            font_weight="500",
        ),
        rx.text(t(hint_key), size="1", color_scheme="gray"),
        spacing="0",
    )


def field_error(errors: rx.Var, name: str) -> rx.Component:
    return rx.cond(
        errors.contains(name),
        rx.text(errors[name].to(str), size="1", color_scheme="red", role="alert"),
    )


def origin_label(origin: rx.Var) -> rx.Component:
    return rx.match(
        origin,
        *[(name, t(f"marketplace.origin.{name}")) for name in ("upload", "url", "schedule")],
        origin,
    )
