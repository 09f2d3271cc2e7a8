"""Admin → Plans: a platform's plans, their form (prices, names in four languages, a limit
for every declared feature, included modules) and the preview of affected merchants."""

import reflex as rx

from modules.billing.state.plans import PlansAdminState
from orion_app.i18n import LANGUAGES
from orion_app.ui.components import (
    LABEL_STYLE,
    checkbox,
    field,
    field_error,
    flag_badge,
    options_of,
    page,
    section,
    select,
    stacked_form,
)
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row

P = PlansAdminState


def _plan_row(plan: rx.Var) -> rx.Component:
    return row(
        rx.code(plan["code"]),
        plan["name"],
        rx.cond(plan["on_request"].to(bool), t("billing.plans.on_request_short"), plan["monthly"]),
        plan["yearly"],
        flag_badge(plan["active"].to(bool), "billing.plans.active", "billing.plans.inactive"),
        rx.button(t("billing.plans.edit"), size="1", variant="soft", on_click=P.edit(plan["id"])),
    )


def _limit_input(feature: rx.Var) -> rx.Component:
    name = "limit_" + feature["code"].to(str)
    return rx.box(
        rx.cond(
            feature["kind"] == "flag",
            rx.el.label(
                rx.el.input(
                    type="checkbox",
                    name=name,
                    default_checked=P.limits.get(feature["code"], "0").to(str) == "1",
                ),
                " ",
                feature["label"],
                font_size="0.9em",
            ),
            rx.el.label(
                feature["label"],
                rx.input(
                    name=name,
                    default_value=P.limits.get(feature["code"], "").to(str),
                    placeholder=t("billing.plans.unlimited"),
                    inputmode="numeric",
                    margin_top="0.25em",
                ),
                **LABEL_STYLE,
            ),
        ),
        rx.cond(
            P.errors.contains(name),
            rx.text(P.errors[name].to(str), size="1", color_scheme="red", role="alert"),
        ),
        width="100%",
    )


def _module_box(module: rx.Var) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            name="module_" + module["code"].to(str),
            default_checked=P.included.contains(module["code"]),
        ),
        " ",
        module["label"],
        font_size="0.9em",
    )


def _affected(item: rx.Var) -> rx.Component:
    return row(item["name"], item["stores"], item["over"])


def _preview() -> rx.Component:
    return rx.cond(
        P.previewed,
        rx.vstack(
            rx.heading(t("billing.preview.title"), size="3", as_="h3"),
            data_table(
                ("billing.preview.merchant", "billing.preview.stores", "billing.preview.limits"),
                P.affected,
                _affected,
                empty="billing.preview.none",
            ),
            width="100%",
            data_testid="plan-preview",
        ),
    )


def _form() -> rx.Component:
    values = P.values
    return section(
        "billing.plans.form",
        stacked_form(
            rx.grid(
                field("billing.plans.code", "code", P.errors, default_value=values["code"]),
                field("billing.plans.order", "order", P.errors, default_value=values["order"]),
                field("billing.plans.monthly", "monthly", P.errors, default_value=values["monthly"]),
                field("billing.plans.yearly_price", "yearly", P.errors, default_value=values["yearly"]),
                *(
                    field(
                        f"billing.plans.name_{lang}",
                        f"name_{lang}",
                        P.errors,
                        default_value=values[f"name_{lang}"],
                    )
                    for lang in LANGUAGES
                ),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
                width="100%",
            ),
            field_error(P.errors, "name"),
            checkbox(
                "billing.plans.on_request_box", name="on_request", default_checked=values["on_request"] == "1"
            ),
            checkbox("billing.plans.active_box", name="active", default_checked=values["active"] == "1"),
            rx.heading(t("billing.plans.limits"), size="3", as_="h3"),
            rx.text(t("billing.plans.limits_hint"), size="1", color_scheme="gray"),
            rx.grid(
                rx.foreach(P.features, _limit_input),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
                width="100%",
            ),
            rx.heading(t("billing.plans.modules"), size="3", as_="h3"),
            rx.flex(rx.foreach(P.modules, _module_box), wrap="wrap", gap="1em"),
            _preview(),
            rx.hstack(
                rx.button(
                    t("orion.cancel"), type="button", variant="soft", color_scheme="gray", on_click=P.close
                ),
                rx.button(rx.cond(P.previewed, t("orion.save"), t("billing.plans.preview")), type="submit"),
                justify="end",
                width="100%",
            ),
            on_submit=P.submit,
            key=P.form_key,
        ),
    )


def plans_page() -> rx.Component:
    return page(
        "billing.plans.admin_title",
        rx.hstack(
            rx.el.label(
                t("billing.plans.platform"),
                select(options_of(P.platforms), value=P.platform_code, on_change=P.choose_platform),
                **LABEL_STYLE,
            ),
            rx.spacer(),
            rx.button(t("billing.plans.new"), on_click=P.edit("new")),
            width="100%",
            align="end",
            wrap="wrap",
        ),
        data_table(
            (
                "billing.plans.code",
                "billing.plans.name",
                "billing.plans.monthly",
                "billing.plans.yearly_price",
                "billing.plans.status",
                "",
            ),
            P.plans,
            _plan_row,
            empty="billing.plans.empty",
        ),
        rx.cond(P.editing != "", _form()),
        spacing="4",
    )
