"""The store's content pages: list, and the editor with a tab per language, blocks, a live
preview (rendered by the server), status and schedule, and revisions."""

import reflex as rx

from modules.cms.pages.site import page_body
from modules.cms.state.pages import PagesState
from modules.cms.state.platform_pages import PlatformPagesState
from orion_app.ui.components import LABEL_STYLE, field_error, options_of, page, section, select
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row

INPUT_STYLE = {"width": "100%", "margin_top": "0.25em"}


def _labelled(S, label_key: str, control: rx.Component, error_name: str) -> rx.Component:
    return rx.box(
        rx.el.label(t(label_key), control, **LABEL_STYLE),
        field_error(S.errors, error_name),
        width="100%",
        min_width="0",
    )


def _text_input(S, label_key: str, name: str, value: rx.Var, **props) -> rx.Component:
    return _labelled(
        S,
        label_key,
        rx.input(
            default_value=value, on_blur=lambda v: S.set_text(name, v), name=name, style=INPUT_STYLE, **props
        ),
        name,
    )


def _list(S, admin: bool = False) -> rx.Component:
    own = data_table(
        [
            "cms.pages.col.title",
            "cms.pages.col.path",
            "cms.pages.col.status",
            "cms.pages.col.menu",
            "cms.pages.col.languages",
        ],
        S.rows,
        lambda r: row(
            rx.button(r["title"], variant="ghost", size="2", on_click=S.open_page(r["id"])),
            r["slug"],
            r["status"],
            r["placement"],
            r["languages"],
        ),
        empty="cms.pages.none",
    )
    defaults = section(
        "cms.pages.defaults",
        rx.cond(
            S.defaults.length() > 0,
            rx.vstack(
                rx.foreach(
                    S.defaults,
                    lambda d: rx.hstack(
                        rx.text(d["title"], weight="medium"),
                        rx.badge(t("cms.pages.platform_default"), variant="soft"),
                        rx.spacer(),
                        rx.button(
                            t("cms.pages.adapt"), size="1", variant="soft", on_click=S.adapt_default(d["id"])
                        ),
                        width="100%",
                        align="center",
                        flex_wrap="wrap",
                    ),
                ),
                width="100%",
            ),
            rx.text(t("cms.pages.no_defaults"), size="2", color_scheme="gray"),
        ),
        hint_key="cms.pages.defaults_hint",
    )
    return rx.vstack(own, *([] if admin else [defaults]), spacing="4", width="100%")


def _choice(
    S, name: str, label_key: str, value: rx.Var, choices: tuple[str, ...], prefix: str
) -> rx.Component:
    """A setting picked from `choices`, each shown as its `<prefix>.<choice>` text."""
    return _labelled(
        S,
        label_key,
        select(
            *[rx.el.option(t(f"{prefix}.{choice}"), value=choice) for choice in choices],
            value=value,
            on_change=lambda v: S.set_setting(name, v),
            style=INPUT_STYLE,
        ),
        name,
    )


def _settings(S, admin: bool = False) -> rx.Component:
    key = _labelled(
        S,
        "cms.editor.key",
        rx.input(default_value=S.key, on_blur=lambda v: S.set_setting("key", v), style=INPUT_STYLE),
        "key",
    )
    return rx.grid(
        *([key] if admin else []),
        _choice(
            S, "status", "cms.editor.status", S.status, ("draft", "published", "scheduled"), "cms.status"
        ),
        rx.cond(
            S.status == "scheduled",
            _labelled(
                S,
                "cms.editor.publish_at",
                rx.input(
                    type="datetime-local",
                    default_value=S.publish_at,
                    on_change=lambda v: S.set_setting("publish_at", v),
                    style=INPUT_STYLE,
                ),
                "publish_at",
            ),
        ),
        _choice(
            S, "placement", "cms.editor.placement", S.placement, ("none", "header", "footer"), "cms.placement"
        ),
        _labelled(
            S,
            "cms.editor.position",
            rx.input(
                type="number",
                default_value=S.position,
                on_blur=lambda v: S.set_setting("position", v),
                style=INPUT_STYLE,
            ),
            "position",
        ),
        columns=rx.breakpoints(initial="1", sm="2", md="4"),
        spacing="3",
        width="100%",
    )


def _block_controls(S, block: rx.Var, index: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.badge(
            rx.match(
                block["kind"],
                *[(k, t(f"cms.block.{k}")) for k in ("text", "image", "image_text", "products", "cta")],
                block["kind"],
            )
        ),
        rx.spacer(),
        rx.icon_button(
            rx.icon("arrow-up"),
            size="1",
            variant="ghost",
            on_click=S.move_block(index, -1),
            aria_label=t("cms.editor.up"),
        ),
        rx.icon_button(
            rx.icon("arrow-down"),
            size="1",
            variant="ghost",
            on_click=S.move_block(index, 1),
            aria_label=t("cms.editor.down"),
        ),
        rx.icon_button(
            rx.icon("trash-2"),
            size="1",
            variant="ghost",
            color_scheme="red",
            on_click=S.remove_block(index),
            aria_label=t("cms.editor.remove"),
        ),
        width="100%",
        align="center",
    )


def _block_input(S, block: rx.Var, index: rx.Var, name: str, label_key: str, **props) -> rx.Component:
    return rx.el.label(
        t(label_key),
        rx.input(
            default_value=block[name],
            on_blur=lambda v: S.set_block(index, name, v),
            style=INPUT_STYLE,
            **props,
        ),
        **LABEL_STYLE,
    )


def _category_select(S, block: rx.Var, index: rx.Var) -> rx.Component:
    """A product grid's category (the store's, named in the editor's language); a category
    deleted since the grid was saved is said to be gone (the grid shows nothing)."""
    gone = (block["category"] != "") & ~S.category_slugs.contains(block["category"])
    return rx.vstack(
        rx.el.label(
            t("cms.block.category"),
            select(
                rx.el.option(t("cms.block.category_none"), value=""),
                options_of(S.categories),
                value=rx.cond(gone, "", block["category"]),
                on_change=lambda v: S.set_block(index, "category", v),
                style=INPUT_STYLE,
            ),
            **LABEL_STYLE,
        ),
        rx.cond(
            gone,
            rx.callout(
                t("cms.block.category_gone"),
                icon="triangle_alert",
                color_scheme="orange",
                size="1",
                width="100%",
                data_testid="cms-category-gone",
            ),
        ),
        width="100%",
        spacing="1",
    )


def _block(S, block: rx.Var, index: rx.Var) -> rx.Component:
    image_select = rx.el.label(
        t("cms.block.image_pick"),
        select(
            rx.el.option(t("cms.block.image_none"), value="0"),
            rx.foreach(S.images, lambda m: rx.el.option(m["label"], value=m["id"])),
            value=block["media_id"],
            on_change=lambda v: S.set_block(index, "media_id", v),
            style=INPUT_STYLE,
        ),
        **LABEL_STYLE,
    )
    markdown = rx.el.label(
        t("cms.block.markdown"),
        rx.text_area(
            default_value=block["text"],
            on_blur=lambda v: S.set_block(index, "text", v),
            rows="8",
            width="100%",
            style={**INPUT_STYLE, "font_family": "monospace"},
        ),
        **LABEL_STYLE,
    )
    return rx.card(
        rx.vstack(
            _block_controls(S, block, index),
            rx.match(
                block["kind"],
                ("text", markdown),
                ("image", image_select),
                ("image_text", rx.vstack(image_select, markdown, width="100%")),
                (
                    "products",
                    rx.vstack(
                        _category_select(S, block, index),
                        _block_input(S, block, index, "skus", "cms.block.skus"),
                        _block_input(S, block, index, "limit", "cms.block.limit", type="number"),
                        width="100%",
                    ),
                ),
                (
                    "cta",
                    rx.vstack(
                        _block_input(S, block, index, "label", "cms.block.label"),
                        _block_input(S, block, index, "href", "cms.block.href"),
                        width="100%",
                    ),
                ),
            ),
            field_error(S.errors, "block." + index.to_string()),
            width="100%",
        ),
        width="100%",
        data_testid="cms-block",
    )


def _tabs(S) -> rx.Component:
    return rx.hstack(
        rx.foreach(
            S.languages,
            lambda lang: rx.button(
                lang.upper(),
                size="2",
                variant=rx.cond(S.tab == lang, "solid", "soft"),
                on_click=S.set_tab(lang),
                aria_pressed=rx.cond(S.tab == lang, "true", "false"),
            ),
        ),
        role="group",
        aria_label=t("cms.editor.languages"),
        spacing="2",
        flex_wrap="wrap",
    )


def _editor(S, admin: bool = False) -> rx.Component:
    add = rx.hstack(
        rx.text(t("cms.editor.add_block"), size="2", weight="medium"),
        *[
            rx.button(t(f"cms.block.{kind}"), size="1", variant="outline", on_click=S.add_block(kind))
            for kind in ("text", "image", "image_text", "cta")
        ],
        rx.cond(
            S.grids,
            rx.button(t("cms.block.products"), size="1", variant="outline", on_click=S.add_block("products")),
        ),
        flex_wrap="wrap",
        align="center",
        spacing="2",
    )
    return rx.vstack(
        rx.hstack(
            rx.button(t("cms.editor.back"), variant="ghost", on_click=S.close),
            rx.spacer(),
            rx.cond(
                S.page_id > 0,
                rx.button(t("cms.editor.delete"), variant="soft", color_scheme="red", on_click=S.delete),
            ),
            rx.button(t("cms.editor.save"), on_click=S.save, data_testid="cms-save"),
            width="100%",
            flex_wrap="wrap",
        ),
        section("cms.editor.settings", _settings(S, admin)),
        _tabs(S),
        rx.cond(
            S.other_tab_errors != "",
            rx.callout(S.other_tab_errors, icon="triangle_alert", color_scheme="red", width="100%"),
        ),
        rx.box(
            rx.vstack(
                rx.grid(
                    _text_input(S, "cms.editor.title", "title", S.title, max_length=160),
                    _text_input(S, "cms.editor.slug", "slug", S.slug, max_length=80),
                    columns=rx.breakpoints(initial="1", sm="2"),
                    spacing="3",
                    width="100%",
                ),
                _text_input(S, "cms.editor.description", "description", S.description, max_length=300),
                rx.foreach(S.blocks, lambda block, index: _block(S, block, index)),
                add,
                spacing="3",
                width="100%",
            ),
            key=S.form_key.to_string(),
            width="100%",
        ),
        section(
            "cms.editor.preview",
            rx.button(t("cms.editor.refresh_preview"), size="1", variant="soft", on_click=S.refresh_preview),
            rx.cond(
                S.preview != "",
                page_body(S.preview),
                rx.text(t("cms.editor.preview_hint"), size="2", color_scheme="gray"),
            ),
        ),
        rx.cond(
            S.history.length() > 0,
            section(
                "cms.editor.revisions",
                rx.foreach(
                    S.history,
                    lambda r: rx.hstack(
                        rx.text(r["when"], size="2"),
                        rx.text(r["who"], size="2", color_scheme="gray"),
                        rx.badge(r["status"], variant="soft"),
                        rx.spacer(),
                        rx.button(
                            t("cms.editor.restore"), size="1", variant="soft", on_click=S.restore(r["id"])
                        ),
                        width="100%",
                        align="center",
                        flex_wrap="wrap",
                    ),
                ),
            ),
        ),
        spacing="4",
        width="100%",
    )


def pages_page() -> rx.Component:
    S = PagesState
    return page(
        "cms.pages.title",
        rx.cond(S.editing, _editor(S), _list(S)),
        intro_key="cms.pages.intro",
        actions=(rx.cond(S.editing, rx.fragment(), rx.button(t("cms.pages.new"), on_click=S.new_page)),),
    )


def platform_pages_page() -> rx.Component:
    """The admin's pages of one platform: its site's pages or the defaults its stores show."""
    S = PlatformPagesState
    pickers = rx.hstack(
        rx.el.label(
            t("cms.platform_pages.platform"),
            select(
                rx.foreach(S.platforms, lambda p: rx.el.option(p["label"], value=p["value"])),
                value=S.platform_code,
                on_change=S.choose_platform,
                style=INPUT_STYLE,
            ),
            **LABEL_STYLE,
        ),
        rx.el.label(
            t("cms.platform_pages.level"),
            select(
                rx.foreach(S.level_options, lambda o: rx.el.option(o["label"], value=o["value"])),
                value=S.level,
                on_change=S.choose_level,
                style=INPUT_STYLE,
            ),
            **LABEL_STYLE,
        ),
        spacing="4",
        flex_wrap="wrap",
        width="100%",
    )
    return page(
        "cms.platform_pages.title",
        rx.cond(
            S.editing,
            _editor(S, admin=True),
            rx.vstack(pickers, _list(S, admin=True), spacing="4", width="100%"),
        ),
        intro_key="cms.platform_pages.intro",
        actions=(rx.cond(S.editing, rx.fragment(), rx.button(t("cms.pages.new"), on_click=S.new_page)),),
    )
