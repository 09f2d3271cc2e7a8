"""Store dashboard: the product form (texts per language, prices, identifiers), photos, stock."""

import reflex as rx

from modules.catalog.pages.variants import variants_section
from modules.catalog.state.editor import ENUMS, UPLOAD_ID, VAT_OPTIONS, ProductEditorState
from orion_app.i18n import LANGUAGE_NAMES, LANGUAGES
from orion_app.ui.cards import media_url
from orion_app.ui.components import (
    checkbox,
    field,
    field_error,
    page_heading,
    remove_button,
    section,
    select_field,
    stacked_form,
    text_area_field,
)
from orion_app.ui.i18n import label, t
from orion_app.ui.tables import data_table, row
from orion_app.ui.verdicts import not_found_view

S = ProductEditorState
STOCK_FIELDS = ("warehouse", "bin", "quantity", "reserved", "available")
STOCK_COLUMNS = [f"inventory.stock.{c}" for c in STOCK_FIELDS]
# Each language's texts: the field's name is the text's with the language after it.
TEXTS = (
    ("title", field),
    ("description", text_area_field),
    ("meta_title", field),
    ("meta_description", field),
)


def _enum_field(name: str) -> rx.Component:
    """A select of one of the editor's enumerations, each value in the visitor's language."""
    values = ENUMS[name]
    return select_field(
        f"catalog.product.{name}",
        name,
        S.errors,
        [rx.el.option(label(v, f"catalog.{name}", values), value=v) for v in values],
        default_value=S.values[name],
    )


def _warning(name: str) -> rx.Component:
    """What the saved product may keep but should know about field `name` (a shared GTIN)."""
    return rx.cond(
        S.warnings.contains(name),
        rx.callout(
            S.warnings[name].to(str), icon="triangle_alert", color_scheme="amber", size="1", role="status"
        ),
    )


def _texts() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(*[rx.tabs.trigger(LANGUAGE_NAMES[lang], value=lang) for lang in LANGUAGES]),
        *[
            rx.tabs.content(
                rx.vstack(
                    *[
                        make(
                            f"catalog.product.{text}",
                            f"{text}_{lang}",
                            S.errors,
                            default_value=S.values[f"{text}_{lang}"],
                        )
                        for text, make in TEXTS
                    ],
                    spacing="3",
                    padding_top="1em",
                ),
                value=lang,
                # Keep every language's inputs in the form, so saving sends all of them.
                force_mount=True,
                class_name="orion-tab-panel",
            )
            for lang in LANGUAGES
        ],
        default_value="fr",
        width="100%",
    )


def _checkbox(name: str, label_key: str) -> rx.Component:
    return checkbox(label_key, name=name, value="1", default_checked=S.values[name] == "1")


def _details() -> rx.Component:
    return rx.grid(
        field("catalog.product.sku", "sku", S.errors, default_value=S.values["sku"], required=True),
        rx.vstack(
            field(
                "catalog.product.gtin",
                "gtin",
                S.errors,
                default_value=S.values["gtin"],
                hint_key="catalog.product.gtin_hint",
            ),
            _warning("gtin"),
            spacing="2",
            width="100%",
        ),
        field(
            "catalog.product.price",
            "price",
            S.errors,
            default_value=S.values["price"],
            required=True,
            hint_key="catalog.product.price_hint",
        ),
        field("catalog.product.sale_price", "sale_price", S.errors, default_value=S.values["sale_price"]),
        select_field(
            "catalog.product.vat_rate",
            "vat_rate",
            S.errors,
            VAT_OPTIONS,
            default_value=S.values["vat_rate"],
        ),
        select_field(
            "catalog.product.category",
            "category_id",
            S.errors,
            S.category_options,
            default_value=S.values["category_id"],
        ),
        field("catalog.product.brand", "brand", S.errors, default_value=S.values["brand"]),
        field("catalog.product.mpn", "mpn", S.errors, default_value=S.values["mpn"]),
        _enum_field("condition"),
        _enum_field("availability"),
        rx.hstack(
            _checkbox("is_active", "catalog.product.active"),
            _checkbox("is_featured", "catalog.product.featured"),
            _checkbox("is_digital", "catalog.product.digital"),
            spacing="4",
        ),
        columns=rx.breakpoints(initial="1", md="2"),
        spacing="4",
        width="100%",
    )


def _form() -> rx.Component:
    return stacked_form(
        rx.card(_texts(), width="100%"),
        rx.card(_details(), width="100%"),
        rx.cond(
            S.can_edit,
            rx.hstack(rx.spacer(), rx.button(t("orion.save"), type="submit", size="3"), width="100%"),
        ),
        on_submit=S.save,
        spacing="4",
        key=S.form_key,
    )


def _photo(p: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.image(
            src=media_url(p["src"]),
            width="96px",
            height="96px",
            object_fit="cover",
            border_radius="6px",
            alt="",
        ),
        rx.cond(S.can_edit, remove_button("catalog.product.remove_photo", S.remove_photo(p["id"]))),
        align="center",
    )


def _photo_upload() -> rx.Component:
    return rx.vstack(
        rx.upload(
            rx.vstack(
                rx.text(t("catalog.product.drop_photos"), size="2"),
                rx.foreach(rx.selected_files(UPLOAD_ID), lambda f: rx.text(f, size="1")),
                align="center",
            ),
            id=UPLOAD_ID,
            multiple=True,
            accept={"image/*": [".jpg", ".jpeg", ".png", ".webp", ".gif"]},
            max_size=10 * 1024 * 1024,
            border="1px dashed var(--gray-7)",
            padding="1.5em",
            width="100%",
        ),
        rx.button(
            t("catalog.product.upload_photos"),
            on_click=S.upload_photos(rx.upload_files(upload_id=UPLOAD_ID)),
            variant="soft",
        ),
        field_error(S.errors, "photos"),
        width="100%",
    )


def _photos() -> rx.Component:
    return section(
        "catalog.product.photos",
        rx.hstack(rx.foreach(S.photo_rows, _photo), wrap="wrap", spacing="3"),
        rx.cond(S.can_edit, _photo_upload()),
    )


def _stock() -> rx.Component:
    return section(
        "inventory.stock.title",
        rx.cond(
            S.has_variants,
            data_table(
                ["catalog.variants.variant", *STOCK_COLUMNS],
                S.stock_rows,
                lambda r: row(r["variant"], *[r[c] for c in STOCK_FIELDS]),
            ),
            data_table(STOCK_COLUMNS, S.stock_rows, lambda r: row(*[r[c] for c in STOCK_FIELDS])),
        ),
        rx.form(
            rx.grid(
                field(
                    "inventory.stock.warehouse",
                    "warehouse",
                    S.stock_errors,
                    placeholder="STRASSEN",
                    required=True,
                ),
                field("inventory.stock.bin", "bin", S.stock_errors, placeholder="SA-10-02"),
                field("inventory.stock.change", "delta", S.stock_errors, placeholder="+12", required=True),
                field("inventory.stock.reason", "reason", S.stock_errors),
                rx.button(t("inventory.stock.adjust"), type="submit"),
                # One row on a wide screen; two fields a row on a phone, labels unbroken.
                columns=rx.breakpoints(initial="2", md="5"),
                spacing="3",
                align_items="end",
                width="100%",
            ),
            field_error(S.stock_errors, "quantity"),
            on_submit=S.adjust,
            reset_on_submit=True,
            width="100%",
        ),
    )


def _editor(title_key: str) -> rx.Component:
    return rx.cond(
        S.found,
        rx.vstack(
            page_heading(title_key, rx.link(t("catalog.product.back"), href="../products")),
            _form(),
            rx.cond(
                S.product_id > 0,
                rx.vstack(_photos(), variants_section(), _stock(), width="100%", spacing="4"),
                rx.text(t("catalog.product.save_first"), color_scheme="gray", size="2"),
            ),
            width="100%",
            spacing="4",
        ),
        not_found_view(),
    )


def new_product_page() -> rx.Component:
    return _editor("catalog.product.new_title")


def edit_product_page() -> rx.Component:
    return _editor("catalog.product.edit_title")
