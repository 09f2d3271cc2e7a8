"""Media library pages: upload by drop or file picker, a grid of images with their alt text
per language, usage, and delete (refused while used)."""

import reflex as rx

from modules.cms.state.media import UPLOAD_ID, MediaLibraryState, PlatformMediaState, StoreMediaState
from orion_app.images import MAX_BYTES
from orion_app.ui.components import LABEL_STYLE, field_error, page, select
from orion_app.ui.i18n import t


def upload_zone(state: type[MediaLibraryState]) -> rx.Component:
    """Drop images here or pick them; then "Upload"."""
    return rx.vstack(
        rx.upload(
            rx.vstack(
                rx.icon("image-plus", size=28, color="var(--gray-9)"),
                rx.text(t("cms.media.drop"), size="2", text_align="center"),
                rx.foreach(rx.selected_files(UPLOAD_ID), lambda f: rx.text(f, size="1")),
                align="center",
            ),
            id=UPLOAD_ID,
            multiple=True,
            accept={"image/*": [".jpg", ".jpeg", ".png", ".webp", ".gif"]},
            max_size=MAX_BYTES,
            border="1px dashed var(--gray-7)",
            border_radius="8px",
            padding="1.5em",
            width="100%",
        ),
        rx.button(
            t("cms.media.upload"),
            on_click=state.upload(rx.upload_files(upload_id=UPLOAD_ID)),
            data_testid="media-upload",
        ),
        field_error(state.errors, "upload"),
        width="100%",
    )


def _alt_input(state: type[MediaLibraryState], row: rx.Var, lang: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.text(t("cms.media.alt_in", lang=lang.upper()), size="1"),
        rx.input(name="alt_" + lang, default_value=row["alt_" + lang].to(str), size="1", margin_top="0.15em"),
        **LABEL_STYLE,
        width="100%",
    )


def _card(state: type[MediaLibraryState], row: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.image(
                src=row["src"],
                alt=row["alt_en"].to(str),
                width="100%",
                height="auto",
                aspect_ratio="1",
                object_fit="contain",
                background="var(--gray-3)",
                border_radius="6px",
                loading="lazy",
                custom_attrs={"width": "320", "height": "320"},
            ),
            rx.text(row["filename"], size="1", weight="medium", style={"overflow_wrap": "anywhere"}),
            rx.text(row["size"], " · ", row["usage"], size="1", color_scheme="gray", title=row["used_by"]),
            rx.form(
                rx.vstack(
                    rx.el.input(type="hidden", name="media_id", value=row["id"]),
                    rx.foreach(state.languages, lambda lang: _alt_input(state, row, lang)),
                    rx.button(t("cms.media.save_alt"), size="1", variant="soft", type="submit"),
                    spacing="2",
                    width="100%",
                ),
                on_submit=state.save_alt,
                key=state.form_key.to(str) + row["id"],
                width="100%",
            ),
            rx.button(
                t("cms.media.delete"),
                size="1",
                variant="ghost",
                color_scheme="red",
                on_click=state.delete(row["id"]),
            ),
            field_error(state.errors, row["id"].to(str)),
            spacing="2",
            width="100%",
        ),
        data_testid="media-card",
    )


def media_grid(state: type[MediaLibraryState]) -> rx.Component:
    """The images, two to a row on a phone, more on wider screens."""
    return rx.cond(
        state.rows.length() > 0,
        rx.grid(
            rx.foreach(state.rows, lambda row: _card(state, row)),
            columns=rx.breakpoints(initial="2", sm="3", md="4"),
            spacing="3",
            width="100%",
        ),
        rx.text(t("cms.media.empty"), color_scheme="gray"),
    )


def store_media_page() -> rx.Component:
    return page(
        "cms.media.title",
        upload_zone(StoreMediaState),
        media_grid(StoreMediaState),
        intro_key="cms.media.intro",
    )


def platform_media_page() -> rx.Component:
    S = PlatformMediaState
    return page(
        "cms.media.platform_title",
        rx.el.label(
            t("cms.media.platform"),
            select(
                rx.foreach(S.platforms, lambda p: rx.el.option(p["label"], value=p["value"])),
                value=S.platform_code,
                on_change=S.choose_platform,
                style={"margin_top": "0.25em"},
            ),
            **LABEL_STYLE,
        ),
        upload_zone(S),
        media_grid(S),
        intro_key="cms.media.platform_intro",
    )
