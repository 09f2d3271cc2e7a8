"""The "Documents" card of an order's page: its invoice and credit notes, each a PDF link."""

import reflex as rx

from orion_app.ui.backend import backend_url
from orion_app.ui.i18n import t


def _link(d: rx.Var) -> rx.Component:
    kind = rx.cond(
        d["kind"] == "invoice", t("orders.documents.kind.invoice"), t("orders.documents.kind.credit_note")
    )
    return rx.hstack(
        rx.icon("file-text", size=16),
        rx.cond(
            d["ready"] == "1",
            rx.link(kind, " ", d["number"], href=backend_url(d["href"]), is_external=True),
            rx.text(kind, " ", d["number"], " — ", t("orders.documents.status.render_failed"), size="2"),
        ),
        rx.text(d["issued"], size="1", color_scheme="gray"),
        align="center",
        flex_wrap="wrap",
        spacing="2",
    )


def documents_card(documents: rx.Var, *, explain_none: bool = False) -> rx.Component:
    """The card; without documents it says why (`explain_none`, the merchant's) or is left out."""
    listed = rx.card(
        rx.vstack(
            rx.heading(t("orders.documents.section"), size="4", as_="h2"),
            rx.foreach(documents, _link),
            spacing="2",
        ),
        width="100%",
    )
    if not explain_none:
        return rx.cond(documents.length() > 0, listed)
    none_yet = rx.card(
        rx.vstack(
            rx.heading(t("orders.documents.section"), size="4", as_="h2"),
            rx.text(t("orders.documents.none_yet"), size="2", color_scheme="gray"),
            spacing="2",
        ),
        width="100%",
    )
    return rx.cond(documents.length() > 0, listed, none_yet)
