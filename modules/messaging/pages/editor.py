"""The template editor both levels use: language tabs, the three texts with their errors, the
variables a template may use, and the live preview (HTML in a sandboxed frame)."""

import reflex as rx

from orion_app.ui.components import LABEL_STYLE, empty_state, field_error, page
from orion_app.ui.i18n import label, t

SOURCES = ("store", "platform", "default")
CODE_FONT = {"font_family": "var(--code-font-family)", "font_size": "0.85em"}


def _language_tabs(S) -> rx.Component:
    return rx.hstack(
        rx.foreach(
            S.languages,
            lambda code: rx.button(
                code.upper(),
                size="1",
                variant=rx.cond(S.language == code, "solid", "soft"),
                on_click=S.pick_language(code),
                aria_pressed=rx.cond(S.language == code, "true", "false"),
            ),
        ),
        rx.badge(label(S.source, "messaging.ui.source", SOURCES), color_scheme="gray", variant="outline"),
        spacing="2",
        wrap="wrap",
        align="center",
        role="group",
        aria_label=t("messaging.ui.editor.language"),
    )


def _variables(S) -> rx.Component:
    chip = lambda name: rx.code("{{ " + name + " }}", size="1", variant="soft")  # noqa: E731
    return rx.vstack(
        rx.text(t("messaging.ui.editor.variables"), size="2", weight="medium"),
        rx.flex(
            rx.foreach(S.variables, chip),
            rx.foreach(
                S.common_variables, lambda n: rx.code("{{ " + n + " }}", size="1", color_scheme="gray")
            ),
            gap="0.4em",
            wrap="wrap",
        ),
        rx.text(t("messaging.ui.editor.variables_hint"), size="1", color_scheme="gray"),
        spacing="1",
        width="100%",
        data_testid="template-variables",
    )


def _text(S, part: str, label_key: str, *, rows: str | None = None) -> rx.Component:
    """One text of the template, sent for a preview a moment after typing stops."""
    has_error = S.errors.contains(part)
    common = {
        "name": part,
        "value": S.texts[part],
        "on_change": lambda value: S.edit(part, value),
        "debounce_timeout": 400,
        "color_scheme": rx.cond(has_error, "red", "gray"),
        "variant": rx.cond(has_error, "soft", "surface"),
        "margin_top": "0.25em",
        "aria_invalid": rx.cond(has_error, "true", "false"),
    }
    control = (
        rx.text_area(rows=rows, style=CODE_FONT, resize="vertical", **common) if rows else rx.input(**common)
    )
    return rx.box(
        rx.el.label(t(label_key), control, **LABEL_STYLE),
        field_error(S.errors, part),
        width="100%",
        min_width="0",
    )


def _form(S) -> rx.Component:
    return rx.form(
        rx.vstack(
            _text(S, "subject", "messaging.ui.editor.subject"),
            _text(S, "body_html", "messaging.ui.editor.body_html", rows="14"),
            _text(S, "body_text", "messaging.ui.editor.body_text", rows="8"),
            rx.hstack(
                rx.cond(
                    S.has_override,
                    rx.button(
                        t("messaging.ui.editor.reset"),
                        type="button",
                        variant="soft",
                        color_scheme="gray",
                        on_click=S.reset_to_default,
                    ),
                ),
                rx.spacer(),
                rx.button(t("orion.save"), type="submit"),
                width="100%",
                wrap="wrap",
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=S.save,
        reset_on_submit=False,
        key=S.form_key,
        width="100%",
    )


def sandboxed_html(html: rx.Var, title_key: str) -> rx.Component:
    """An e-mail's HTML in a frame with every sandbox restriction (no scripts, no forms, no
    same origin): a merchant's or a mail's HTML never joins the page's own DOM."""
    return rx.el.iframe(
        src_doc=html,
        sandbox="",
        title=t(title_key),
        width="100%",
        height="420px",
        style={"border": "1px solid var(--gray-6)", "border_radius": "6px", "background": "white"},
    )


def _preview(S) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(t("messaging.ui.editor.preview"), size="2", weight="medium"),
            rx.text(t("messaging.ui.editor.preview_hint"), size="1", color_scheme="gray"),
            rx.text(S.preview_subject, weight="bold", data_testid="preview-subject", word_break="break-word"),
            sandboxed_html(S.preview_html, "messaging.ui.editor.preview_html"),
            rx.text(t("messaging.ui.editor.preview_text"), size="1", color_scheme="gray"),
            rx.el.pre(
                S.preview_text,
                data_testid="preview-text",
                style={**CODE_FONT, "white_space": "pre-wrap", "word_break": "break-word", "margin": "0"},
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        min_width="0",
    )


def template_editor(S, title_key: str) -> rx.Component:
    """The editor page of state `S` (a TemplateEditorMixin state with `back_href`)."""
    back = rx.link(t("messaging.ui.editor.back"), href=S.back_href)
    return rx.cond(
        S.found,
        page(
            title_key,
            rx.vstack(
                rx.heading(S.kind_name, size="4", as_="h2"),
                rx.cond(S.kind_name != S.kind, rx.code(S.kind, size="1", color_scheme="gray")),
                spacing="1",
            ),
            _language_tabs(S),
            _variables(S),
            rx.grid(
                _form(S),
                _preview(S),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="4",
                width="100%",
            ),
            actions=(back,),
            spacing="4",
        ),
        page(title_key, empty_state("messaging.ui.editor.unknown_kind"), actions=(back,)),
    )
