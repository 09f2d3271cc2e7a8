"""Small components every module's pages use: the page frame, form fields with errors, selects,
forms and dialogs, sections, badges and buttons."""

import reflex as rx

from orion_app.ui.backend import backend_url
from orion_app.ui.i18n import t


def page_heading(title_key: str, *actions: rx.Component) -> rx.Component:
    return rx.hstack(
        rx.heading(t(title_key), size="6", as_="h1"),
        rx.spacer(),
        *actions,
        width="100%",
        align="center",
        margin_bottom="1em",
        # On a phone the actions go under the title rather than past the screen's edge.
        flex_wrap="wrap",
    )


# Text kept to one line, cut with an ellipsis (give it a max_width).
ONE_LINE = {"overflow": "hidden", "text_overflow": "ellipsis", "white_space": "nowrap"}


def page(
    title_key: str, *children: rx.Component, intro_key: str | None = None, actions: tuple = (), **props
) -> rx.Component:
    """A dashboard page: its heading, with `actions` on the right, an introduction under it, and
    then `children`."""
    intro = [rx.text(t(intro_key), color_scheme="gray", size="2")] if intro_key else []
    return rx.vstack(page_heading(title_key, *actions), *intro, *children, width="100%", **props)


# A label above its control, in the weight and size of every form.
LABEL_STYLE = {"display": "flex", "flex_direction": "column", "font_size": "0.9em", "font_weight": "500"}


def _labelled(label_key: str, control: rx.Component, errors: rx.Var, name: str, *below) -> rx.Component:
    """`control` under its label, then `below` (a hint) and the service's message for `name`."""
    return rx.box(
        rx.el.label(t(label_key), control, **LABEL_STYLE),
        *below,
        field_error(errors, name),
        width="100%",
        min_width="0",  # a field in a row of fields may shrink with the screen
    )


def search_input(default_value: rx.Var, placeholder_key: str, label_key: str, **props) -> rx.Component:
    """The search box of a list (it posts `q`); other props (`width`) go to the input."""
    return rx.input(
        name="q",
        type="search",
        default_value=default_value,
        placeholder=t(placeholder_key),
        aria_label=t(label_key),
        **props,
    )


def field(
    label_key: str,
    name: str,
    errors: rx.Var,
    *,
    type: str = "text",
    default_value: rx.Var | str = "",
    placeholder: str = "",
    required: bool = False,
    hint_key: str | None = None,
) -> rx.Component:
    """A labelled input; the service's message for this field shows right under it."""
    has_error = errors.contains(name)
    return _labelled(
        label_key,
        rx.input(
            color_scheme=rx.cond(has_error, "red", "gray"),
            variant=rx.cond(has_error, "soft", "surface"),
            name=name,
            type=type,
            default_value=default_value,
            placeholder=placeholder,
            required=required,
            margin_top="0.25em",
        ),
        errors,
        name,
        rx.cond(hint_key is not None, rx.text(t(hint_key or ""), size="1", color_scheme="gray")),
    )


def text_area_field(
    label_key: str, name: str, errors: rx.Var, *, default_value: rx.Var | str = ""
) -> rx.Component:
    """A labelled text area of five rows, with its error below."""
    return _labelled(label_key, rx.text_area(name=name, default_value=default_value, rows="5"), errors, name)


# Native selects (they post with a plain form, unlike Radix's) dressed like the inputs around them.
SELECT_STYLE = {
    "padding": "0.4em",
    "border_radius": "6px",
    "border": "1px solid var(--gray-7)",
    "background": "var(--color-panel-solid)",
}


def select(*options: rx.Component, **props) -> rx.Component:
    """A native select of `rx.el.option` children in the house style."""
    return rx.el.select(*options, style={**SELECT_STYLE, **props.pop("style", {})}, **props)


def options_of(records: rx.Var | list[dict]) -> rx.Component:
    """`{"value", "label"}` records as the options of a native select."""
    return rx.foreach(records, lambda o: rx.el.option(o["label"], value=o["value"]))


def select_field(
    label_key: str,
    name: str,
    errors: rx.Var,
    options: rx.Var | list,
    *,
    default_value: rx.Var | str = "",
    **props,
) -> rx.Component:
    """A labelled native select, with its error below; `options` are `{"value", "label"}`
    records or `rx.el.option` components. Other props (`on_change`) go to the select."""
    if isinstance(options, list) and options and isinstance(options[0], rx.Component):
        children = options
    else:
        children = [options_of(options)]
    return _labelled(
        label_key,
        select(*children, name=name, default_value=default_value, style={"margin_top": "0.25em"}, **props),
        errors,
        name,
    )


def field_error(errors: rx.Var, name: str) -> rx.Component:
    """The service's message for field `name`, when `errors` has one."""
    return rx.cond(
        errors.contains(name),
        rx.text(errors[name].to(str), size="1", color_scheme="red", role="alert", margin_top="0.25em"),
    )


def checkbox(label_key: str, hint_key: str | None = None, **props) -> rx.Component:
    """A native checkbox (it posts with the form) with its label and an optional hint."""
    return rx.vstack(
        rx.el.label(
            rx.el.input(type="checkbox", **props),
            " ",
            t(label_key),
            font_size="0.9em",
            font_weight="500",
        ),
        *([rx.text(t(hint_key), size="1", color_scheme="gray")] if hint_key else []),
        spacing="0",
    )


def when(moment: rx.Var) -> rx.Component:
    """A UTC time from the state (`format.iso`), shown in the viewer's time zone ('—' for none)."""
    return rx.cond(
        moment != "",
        rx.moment(moment, format="YYYY-MM-DD HH:mm", local=True, white_space="nowrap"),
        rx.text("—", as_="span", color_scheme="gray"),
    )


def form_error(message: rx.Var) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
    )


def stat_card(label: rx.Var | str, value: rx.Var | str | int) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(label, size="2", color_scheme="gray"),
            rx.text(
                value, size="7", weight="bold", as_="p", data_testid="stat-value"
            ),  # a figure, not a heading
            spacing="1",
        ),
        min_width="10em",
    )


def data_item(label: rx.Var | str, value: rx.Var | rx.Component) -> rx.Component:
    """One label and value of an `rx.data_list.root`."""
    return rx.data_list.item(rx.data_list.label(label), rx.data_list.value(value))


def empty_state(text_key: str) -> rx.Component:
    return rx.center(rx.text(t(text_key), color_scheme="gray"), padding="2em", width="100%")


def stacked_form(
    *children: rx.Component, on_submit, reset_on_submit: bool = False, spacing: str = "3", **props
) -> rx.Component:
    """A full-width form of `children` one under the other; other props (`key`) go to the form."""
    return rx.form(
        rx.vstack(*children, spacing=spacing, width="100%"),
        on_submit=on_submit,
        reset_on_submit=reset_on_submit,
        width="100%",
        **props,
    )


def form_dialog(
    title_key: str,
    fields: list[rx.Component],
    *,
    on_submit,
    open: rx.Var,
    on_open_change,
    hint_key: str | None = None,
) -> rx.Component:
    """A "new …" button opening a form in a dialog; the state keeps it open while fields have errors."""
    return rx.dialog.root(
        rx.dialog.trigger(rx.button(t(title_key))),
        rx.dialog.content(
            rx.dialog.title(t(title_key)),
            rx.cond(hint_key is not None, rx.dialog.description(t(hint_key or ""), size="2")),
            stacked_form(
                *fields,
                rx.hstack(
                    rx.dialog.close(
                        rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", type="button")
                    ),
                    rx.button(t("orion.save"), type="submit"),
                    justify="end",
                    width="100%",
                ),
                on_submit=on_submit,
            ),
        ),
        open=open,
        on_open_change=on_open_change,
    )


def confirm_dialog(
    title: rx.Var | str,
    description: rx.Var | str | rx.Component,
    *,
    open: rx.Var,
    on_cancel,
    confirm: rx.Var | str,
    on_confirm,
    **confirm_props,
) -> rx.Component:
    """An "are you sure?" dialog the state opens; other props (`color_scheme`) go to the confirm button."""
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            # A div, not Radix's <p>: a description of several paragraphs is valid HTML then.
            rx.alert_dialog.description(description, custom_attrs={"as": "div"}),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", on_click=on_cancel)
                ),
                rx.alert_dialog.action(rx.button(confirm, on_click=on_confirm, **confirm_props)),
                justify="end",
                spacing="3",
                margin_top="1em",
            ),
        ),
        open=open,
    )


def flag_badge(on: rx.Var, on_key: str, off_key: str) -> rx.Component:
    """A badge naming a yes/no state: `on_key` in green, else `off_key` in gray."""
    return rx.cond(on, rx.badge(t(on_key), color_scheme="green"), rx.badge(t(off_key), color_scheme="gray"))


def remove_button(label_key: str, on_click) -> rx.Component:
    """A small red button that deletes or removes the thing on its row."""
    return rx.button(t(label_key), size="1", variant="ghost", color_scheme="red", on_click=on_click)


def download_button(icon: str, label_key: str, path: rx.Var, **props) -> rx.Component:
    """A button-looking link to a file the backend serves at `path`."""
    return rx.button(
        rx.el.a(rx.icon(icon, size=16), t(label_key), href=backend_url(path)), as_child=True, **props
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
