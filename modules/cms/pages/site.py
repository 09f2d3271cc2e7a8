"""Public CMS views: a content page, the platform's contact page, and the header links."""

import reflex as rx

from modules.cms.state.site import ContactState, ContentPageState, NavigationState
from orion_app.ui.components import field_error
from orion_app.ui.i18n import t
from orion_app.ui.verdicts import not_found_view

# The rendered body: sanitised HTML (services/render.py) with a readable measure and spacing.
BODY_STYLE = {
    "max_width": "46em",
    "line_height": "1.6",
    "& h2": {"font_size": "1.35em", "margin": "1.4em 0 0.5em", "font_weight": "600"},
    "& h3": {"font_size": "1.15em", "margin": "1.2em 0 0.4em", "font_weight": "600"},
    "& p, & ul, & ol, & table, & blockquote": {"margin": "0 0 0.9em"},
    "& ul, & ol": {"padding_left": "1.4em"},
    "& ul": {"list_style": "disc"},
    "& ol": {"list_style": "decimal"},
    "& img": {"max_width": "100%", "height": "auto", "border_radius": "8px"},
    "& a": {"color": "var(--accent-11)", "text_decoration": "underline"},
    "& table": {"border_collapse": "collapse", "display": "block", "overflow_x": "auto"},
    "& td, & th": {"border": "1px solid var(--gray-6)", "padding": "0.3em 0.6em"},
    "& .cms-cta a": {
        "display": "inline-block",
        "padding": "0.6em 1.2em",
        "border_radius": "8px",
        "background": "var(--accent-9)",
        "color": "var(--accent-contrast)",
        "text_decoration": "none",
        "font_weight": "500",
    },
    "& .cms-products ul": {
        "list_style": "none",
        "padding": "0",
        "display": "grid",
        "grid_template_columns": "repeat(auto-fill, minmax(9em, 1fr))",
        "gap": "1em",
    },
    "& .cms-products a": {"display": "block", "text_decoration": "none", "color": "inherit"},
    "& .cms-image-text": {
        "display": "grid",
        "gap": "1em",
        "grid_template_columns": "repeat(auto-fit, minmax(14em, 1fr))",
    },
}


def page_body(html: rx.Var) -> rx.Component:
    return rx.box(rx.html(html), style=BODY_STYLE, width="100%")


def content_page() -> rx.Component:
    """A store's or the platform's page: its title and its rendered body (server-side)."""
    return rx.cond(
        ContentPageState.found,
        rx.el.article(
            rx.heading(ContentPageState.title, size="8", as_="h1", margin_bottom="0.6em"),
            page_body(ContentPageState.body),
            width="100%",
        ),
        not_found_view(),
    )


def header_links() -> rx.Component:
    """The public site's header menu from the pages placed in the header."""
    return rx.el.nav(
        rx.flex(
            rx.foreach(
                NavigationState.header_links,
                lambda item: rx.link(item["label"], href=item["href"], size="2", color_scheme="gray"),
            ),
            gap="3",
            wrap="wrap",
        ),
        aria_label=t("cms.nav.pages"),
        display=rx.cond(NavigationState.header_links.length() > 0, "block", "none"),
    )


def _field(label: str, name: str, value: rx.Var, *, kind: str = "input", **props) -> rx.Component:
    control = (
        rx.el.textarea(name=name, default_value=value, rows=6, **props)
        if kind == "textarea"
        else rx.el.input(name=name, default_value=value, **props)
    )
    return rx.el.label(
        rx.text(t(label), size="2", weight="medium"),
        rx.box(
            control,
            width="100%",
            style={
                "& input, & textarea": {
                    "width": "100%",
                    "padding": "0.5em",
                    "border": "1px solid var(--gray-7)",
                    "border_radius": "6px",
                    "font": "inherit",
                }
            },
        ),
        field_error(ContactState.errors, name),
        display="flex",
        flex_direction="column",
        gap="0.25em",
        width="100%",
    )


def contact_page() -> rx.Component:
    """The platform's contact page: its CMS text, then the form (the honeypot hidden from people)."""
    return rx.vstack(
        rx.heading(t("cms.contact.title"), size="8", as_="h1"),
        rx.cond(ContactState.intro != "", page_body(ContactState.intro)),
        rx.cond(
            ContactState.sent,
            rx.callout(t("cms.contact.sent"), icon="check", color_scheme="green", role="status"),
            rx.el.form(
                rx.vstack(
                    _field(
                        "cms.contact.name", "name", ContactState.name, auto_complete="name", max_length=120
                    ),
                    _field(
                        "cms.contact.email",
                        "email",
                        ContactState.email,
                        input_mode="email",
                        auto_complete="email",
                    ),
                    _field("cms.contact.message", "message", ContactState.message, kind="textarea"),
                    # Out of sight and out of the tab order; a person leaves it empty.
                    rx.el.div(
                        rx.el.label("Website", html_for="cms-website"),
                        rx.el.input(id="cms-website", name="website", tab_index=-1, auto_complete="off"),
                        aria_hidden="true",
                        style={
                            "position": "absolute",
                            "left": "-10000px",
                            "width": "1px",
                            "height": "1px",
                            "overflow": "hidden",
                        },
                    ),
                    field_error(ContactState.errors, "form"),
                    rx.button(t("cms.contact.send"), type="submit", size="3"),
                    spacing="3",
                    width="100%",
                    max_width="34em",
                ),
                on_submit=ContactState.send,
                width="100%",
            ),
        ),
        spacing="4",
        width="100%",
    )
