"""Store dashboard, Theme: the store's look on its storefront."""

import reflex as rx

from modules.cms.pages.media import upload_zone
from modules.cms.services.themes import FONTS, HEADER_LAYOUTS
from modules.cms.state.themes import ThemeState as S
from orion_app.ui.components import field, page, section, select_field, stacked_form
from orion_app.ui.i18n import t


def _colour_field(label_key: str, name: str, hint_key: str) -> rx.Component:
    """A colour as #rrggbb text, with a swatch of the saved one beside it."""
    return rx.hstack(
        rx.box(
            field(
                label_key,
                name,
                S.errors,
                default_value=S.values[name].to(str),
                placeholder="#0d6b5e",
                hint_key=hint_key,
            ),
            flex="1",
            min_width="0",
        ),
        rx.box(
            width="2.25em",
            height="2.25em",
            border_radius="6px",
            border="1px solid var(--gray-7)",
            background=rx.cond(S.values[name].to(str) != "", S.values[name].to(str), "transparent"),
            flex_shrink="0",
            margin_top="1.4em",
            aria_hidden="true",
        ),
        width="100%",
        align="start",
    )


def theme_page() -> rx.Component:
    fonts = [rx.el.option(t("cms.theme.font_system"), value="")] + [
        rx.el.option(family.removesuffix(" Variable"), value=code) for code, (family, _) in FONTS.items()
    ]
    layouts = [rx.el.option(t(f"cms.theme.layout_{code}"), value=code) for code in HEADER_LAYOUTS]
    return page(
        "cms.theme.title",
        section(
            "cms.theme.look",
            stacked_form(
                _colour_field("cms.theme.primary", "primary", "cms.theme.primary_hint"),
                _colour_field("cms.theme.accent", "accent", "cms.theme.accent_hint"),
                select_field(
                    "cms.theme.font", "font", S.errors, fonts, default_value=S.values["font"].to(str)
                ),
                select_field(
                    "cms.theme.header_layout",
                    "header_layout",
                    S.errors,
                    layouts,
                    default_value=S.values["header_layout"].to(str),
                ),
                select_field(
                    "cms.theme.logo", "logo_id", S.errors, S.images, default_value=S.values["logo_id"].to(str)
                ),
                select_field(
                    "cms.theme.favicon",
                    "favicon_id",
                    S.errors,
                    S.images,
                    default_value=S.values["favicon_id"].to(str),
                ),
                rx.button(t("orion.save"), type="submit", data_testid="theme-save"),
                on_submit=S.save,
                key=S.form_key,
            ),
        ),
        section("cms.theme.upload", upload_zone(S), hint_key="cms.theme.upload_hint"),
        intro_key="cms.theme.intro",
    )
