"""Store dashboard → Billing: plan and status, usage, plans, invoices and the card."""

import reflex as rx

from modules.billing.state.subscription import CARD_SECTION_ID, STATUSES, BillingState
from modules.payments.public import card_element
from orion_app.ui.components import confirm_dialog, form_error, page, section, when
from orion_app.ui.i18n import label, t
from orion_app.ui.tables import data_table, row

B = BillingState
INVOICE_STATUSES = ("draft", "open", "paid", "void", "uncollectible")

# The welcome checklist after sign-up: (text key, page of the store dashboard it leads to).
CHECKLIST = (
    ("billing.welcome.products", "products"),
    ("billing.welcome.payments", "settings/payments"),
    ("billing.welcome.team", "team"),
    ("billing.welcome.card", "billing?card=1"),
)


def _notice(icon: str, color: str, *children: rx.Component, **props) -> rx.Component:
    """A callout holding blocks of its own (`rx.callout` wraps its text in a <p>, where no
    block may go)."""
    return rx.callout.root(
        rx.callout.icon(rx.icon(icon)),
        rx.box(*children, color=f"var(--{color}-11)", font_size="var(--font-size-2)"),
        color_scheme=color,
        **props,
    )


def _status_line() -> rx.Component:
    return rx.match(
        B.status,
        ("trialing", rx.text(t("billing.status.trial_left", days=B.trial_days_left), weight="bold")),
        (
            "past_due",
            _notice(
                "triangle_alert",
                "orange",
                rx.hstack(
                    rx.text(t("billing.status.past_due_until")), when(B.grace_ends), wrap="wrap", spacing="1"
                ),
            ),
        ),
        (
            "read_only",
            rx.callout(t("billing.status.read_only_text"), icon="lock", color_scheme="red"),
        ),
        rx.fragment(),
    )


def _current() -> rx.Component:
    return section(
        "billing.current.title",
        rx.cond(
            B.status == "",
            rx.text(t("billing.current.none"), color_scheme="gray"),
            rx.vstack(
                rx.hstack(
                    rx.heading(B.plan, size="5", as_="h2"),
                    rx.badge(label(B.status, "billing.status", STATUSES)),
                    rx.badge(label(B.interval, "billing.interval", ("month", "year")), color_scheme="gray"),
                    align="center",
                    wrap="wrap",
                ),
                _status_line(),
                rx.cond(
                    B.period_end != "",
                    rx.hstack(rx.text(t("billing.current.period_end")), when(B.period_end), spacing="1"),
                ),
                rx.cond(
                    B.pending_plan != "",
                    rx.text(t("billing.current.pending", plan=B.pending_plan), color_scheme="orange"),
                ),
                rx.cond(
                    B.cancel_at_period_end,
                    rx.hstack(
                        rx.text(t("billing.current.cancelling"), color_scheme="orange"),
                        rx.button(t("billing.resume"), size="1", on_click=B.resume_subscription),
                        align="center",
                        wrap="wrap",
                    ),
                    rx.cond(
                        B.status != "canceled",
                        rx.button(
                            t("billing.cancel"),
                            size="1",
                            variant="soft",
                            color_scheme="red",
                            on_click=B.cancel_subscription,
                        ),
                    ),
                ),
                spacing="2",
                align="start",
            ),
        ),
    )


def _usage_bar(item: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(item["label"], size="2"),
            rx.text(item["count"], size="2", weight="bold", data_testid="usage-count"),
            justify="between",
            width="100%",
        ),
        rx.cond(
            item["unlimited"].to(bool),
            rx.fragment(),
            rx.progress(
                value=item["percent"].to(int),
                color_scheme=rx.cond(item["full"].to(bool), "amber", "blue"),
                width="100%",
            ),
        ),
        spacing="1",
        width="100%",
    )


def _usage() -> rx.Component:
    return section("billing.usage.title", rx.vstack(rx.foreach(B.usage, _usage_bar), width="100%"))


def _plan_card(plan: rx.Var) -> rx.Component:
    action = rx.cond(
        plan["current"].to(bool),
        rx.badge(t("billing.plans.current"), color_scheme="green"),
        rx.cond(
            plan["on_request"].to(bool),
            rx.link(t("billing.plans.contact"), href="mailto:sales@orion.lu"),
            rx.button(t("billing.plans.choose"), size="2", on_click=B.ask_change(plan["code"])),
        ),
    )
    price = rx.cond(
        plan["on_request"].to(bool),
        t("billing.plans.on_request", price=plan["monthly"]),
        rx.cond(
            B.show_yearly,
            t("billing.price.yearly", price=plan["yearly"]),
            t("billing.price.monthly", price=plan["monthly"]),
        ),
    )
    return rx.card(
        rx.vstack(
            rx.heading(plan["name"], size="4", as_="h3"),
            rx.text(price, weight="bold"),
            rx.vstack(
                rx.foreach(plan["lines"].to(list[str]), lambda line: rx.text(line, size="2")),
                spacing="0",
            ),
            action,
            spacing="2",
            align="start",
        ),
        data_testid="plan-card",
    )


def _plans() -> rx.Component:
    return section(
        "billing.plans.title",
        rx.hstack(
            rx.text(t("billing.interval.month"), size="2"),
            rx.switch(checked=B.show_yearly, on_change=B.set_yearly, aria_label=t("billing.plans.yearly")),
            rx.text(t("billing.interval.year"), size="2"),
            align="center",
        ),
        form_error(B.error),
        rx.grid(
            rx.foreach(B.plans, _plan_card),
            columns=rx.breakpoints(initial="1", sm="2", lg="4"),
            spacing="3",
            width="100%",
        ),
    )


def _card() -> rx.Component:
    return section(
        "billing.card.title",
        rx.text(rx.cond(B.card != "", B.card, t("billing.card.none")), data_testid="card-on-file"),
        rx.cond(
            B.card_status == "",
            rx.button(t("billing.card.update"), size="2", variant="soft", on_click=B.open_card),
            rx.vstack(
                card_element(),
                rx.cond(
                    B.card_error != "", rx.text(B.card_error, color_scheme="red", size="2", role="alert")
                ),
                rx.hstack(
                    rx.button(
                        t("billing.card.save"),
                        on_click=B.submit_card,
                        loading=B.card_status == "saving",
                        disabled=B.card_status != "ready",
                    ),
                    rx.button(t("orion.cancel"), variant="soft", color_scheme="gray", on_click=B.close_card),
                ),
                width="100%",
            ),
        ),
        id=CARD_SECTION_ID,
    )


def _invoice(invoice: rx.Var) -> rx.Component:
    return row(
        rx.code(invoice["number"]),
        when(invoice["created"]),
        invoice["amount"],
        label(invoice["status"], "billing.invoice_status", INVOICE_STATUSES),
        rx.cond(invoice["pdf"] != "", rx.link("PDF", href=invoice["pdf"], is_external=True)),
    )


def _invoices() -> rx.Component:
    return section(
        "billing.invoices.title",
        data_table(
            (
                "billing.invoices.number",
                "billing.invoices.date",
                "billing.invoices.amount",
                "billing.invoices.status",
                "",
            ),
            B.invoices,
            _invoice,
            empty="billing.invoices.none",
        ),
    )


def _welcome() -> rx.Component:
    return rx.cond(
        B.welcome,
        _notice(
            "party_popper",
            "green",
            rx.vstack(
                rx.text(t("billing.welcome.title"), weight="bold"),
                *(rx.link(t(key), href=B.store_base + path) for key, path in CHECKLIST),
                spacing="1",
            ),
            width="100%",
            data_testid="welcome-checklist",
        ),
    )


def billing_page() -> rx.Component:
    return page(
        "billing.title",
        _welcome(),
        _current(),
        _usage(),
        _plans(),
        _card(),
        _invoices(),
        confirm_dialog(
            t("billing.change.title"),
            B.confirm_text,
            open=B.confirm_code != "",
            on_cancel=B.close_change,
            confirm=t("billing.change.yes"),
            on_confirm=B.change,
        ),
        spacing="4",
    )
