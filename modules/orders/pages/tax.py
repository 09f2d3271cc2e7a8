"""Store dashboard: Settings → Tax — one form: OSS threshold, VIES switch, VAT classes."""

import reflex as rx

from modules.orders.state.tax import TaxState
from orion_app.ui.components import checkbox, page, select_field, stacked_form
from orion_app.ui.i18n import t

S = TaxState


def _class_field(rate: str) -> rx.Component:
    options = [
        rx.el.option(t(f"orders.vat.class.{name}"), value=name)
        for name in ("standard", "reduced", "super_reduced", "zero")
    ]
    return select_field(
        f"orders.vat.class_for_{rate}",
        f"class_{rate}",
        S.errors,
        options,
        default_value=S.classes[rate].to(str),
    )


def tax_page() -> rx.Component:
    return page(
        "orders.vat.title",
        stacked_form(
            checkbox(
                "orders.vat.oss_over_threshold",
                "orders.vat.oss_hint",
                name="oss_over_threshold",
                default_checked=S.oss_over_threshold,
            ),
            checkbox(
                "orders.vat.vies_check",
                "orders.vat.vies_hint",
                name="vies_check",
                default_checked=S.vies_check,
            ),
            rx.heading(t("orders.vat.classes"), size="3", as_="h2"),
            rx.text(t("orders.vat.classes_hint"), size="2", color_scheme="gray"),
            rx.grid(
                *[_class_field(rate) for rate in ("17", "14", "8", "3", "0")],
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
                width="100%",
            ),
            rx.hstack(rx.button(t("orion.save"), type="submit"), justify="end", width="100%"),
            on_submit=S.save,
            key=S.form_key,
        ),
        intro_key="orders.vat.intro",
        max_width="40em",
    )
