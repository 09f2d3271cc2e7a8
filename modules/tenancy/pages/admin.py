"""Admin pages of tenancy: platforms, a platform's modules, merchants, stores, users."""

import reflex as rx

from modules.tenancy.pages.directory import create_dialog, merchants_page, stores_page, users_page
from modules.tenancy.state.modules import PlatformModulesState
from modules.tenancy.state.platforms import PlatformEditState, PlatformsState
from orion_app.ui.components import field, page_heading
from orion_app.ui.i18n import t

__all__ = [
    "merchants_page",
    "platform_edit_page",
    "platform_modules_page",
    "platforms_page",
    "stores_page",
    "users_page",
]


def _platform_fields(errors: rx.Var, values: rx.Var | None = None) -> list[rx.Component]:
    value = (lambda name: values[name]) if values is not None else (lambda name: "")
    return [
        field(
            "tenancy.platform.code",
            "code",
            errors,
            default_value=value("code"),
            required=True,
            hint_key="tenancy.platform.code_hint",
        ),
        field("tenancy.platform.name", "name", errors, default_value=value("name"), required=True),
        field(
            "tenancy.platform.domain",
            "domain",
            errors,
            default_value=value("domain"),
            placeholder="omsflow.lu",
        ),
        field("tenancy.platform.description", "description", errors, default_value=value("description")),
    ]


def _create_dialog() -> rx.Component:
    return create_dialog("tenancy.platforms.new", PlatformsState, _platform_fields(PlatformsState.errors))


def platforms_page() -> rx.Component:
    return rx.vstack(
        page_heading("tenancy.platforms.title", _create_dialog()),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(t("tenancy.platform.code")),
                    rx.table.column_header_cell(t("tenancy.platform.name")),
                    rx.table.column_header_cell(t("tenancy.platform.domain")),
                    rx.table.column_header_cell(""),
                )
            ),
            rx.table.body(
                rx.foreach(
                    PlatformsState.rows,
                    lambda row: rx.table.row(
                        rx.table.cell(rx.code(row["code"])),
                        rx.table.cell(row["name"]),
                        rx.table.cell(row["domain"]),
                        rx.table.cell(
                            rx.hstack(
                                rx.link(t("orion.edit"), href=row["edit_href"]),
                                rx.link(
                                    t("tenancy.modules.link"),
                                    href=row["modules_href"],
                                ),
                                spacing="4",
                            )
                        ),
                    ),
                )
            ),
            width="100%",
        ),
        width="100%",
    )


def platform_edit_page() -> rx.Component:
    return rx.vstack(
        page_heading("tenancy.platform.edit_title"),
        rx.cond(
            PlatformEditState.saved,
            rx.callout(t("orion.saved"), icon="check", color_scheme="green", width="100%"),
        ),
        rx.cond(
            PlatformEditState.values.contains("id"),
            rx.form(
                rx.vstack(
                    *_platform_fields(PlatformEditState.errors, PlatformEditState.values),
                    rx.hstack(
                        rx.link(
                            t("tenancy.modules.link"),
                            href=PlatformEditState.values["modules_href"],
                        ),
                        rx.spacer(),
                        rx.button(t("orion.save"), type="submit"),
                        width="100%",
                        align="center",
                    ),
                    spacing="3",
                    max_width="32em",
                ),
                on_submit=PlatformEditState.save,
                reset_on_submit=False,
                key=PlatformEditState.values["id"],
            ),
        ),
        width="100%",
    )


def _module_row(row: rx.Var) -> rx.Component:
    enabled = row["enabled"] != ""
    return rx.table.row(
        rx.table.cell(
            rx.vstack(
                rx.text(row["name"], weight="medium"),
                rx.text(row["description"], size="1", color_scheme="gray"),
                spacing="0",
            )
        ),
        rx.table.cell(
            rx.badge(
                row["tier"],
                color_scheme=rx.match(row["tier"], ("core", "gray"), ("internal", "orange"), "teal"),
            )
        ),
        rx.table.cell(rx.text(row["requires"], size="2")),
        rx.table.cell(
            rx.cond(
                row["planned"] != "",
                rx.badge(t("tenancy.modules.planned"), color_scheme="amber"),
                rx.cond(
                    enabled,
                    rx.badge(t("tenancy.modules.on"), color_scheme="green"),
                    rx.badge(t("tenancy.modules.off"), color_scheme="gray"),
                ),
            )
        ),
        rx.table.cell(
            rx.cond(
                row["planned"] != "",
                rx.text(t("tenancy.modules.not_built"), size="1", color_scheme="gray"),
                rx.cond(
                    row["tier"] == "core",
                    rx.text(t("tenancy.modules.always_on"), size="1", color_scheme="gray"),
                    rx.button(
                        rx.cond(enabled, t("tenancy.modules.disable"), t("tenancy.modules.enable")),
                        on_click=PlatformModulesState.preview(row["code"], ~enabled),
                        variant=rx.cond(enabled, "soft", "solid"),
                        color_scheme=rx.cond(enabled, "red", "teal"),
                        size="1",
                        aria_label=rx.cond(enabled, "disable ", "enable ") + row["code"],
                    ),
                ),
            )
        ),
        data_module=row["code"],
    )


def _confirm_dialog() -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(
                rx.cond(
                    PlatformModulesState.pending_enable,
                    t("tenancy.modules.confirm_enable"),
                    t("tenancy.modules.confirm_disable"),
                )
            ),
            rx.alert_dialog.description(
                rx.vstack(
                    rx.text(rx.code(PlatformModulesState.pending_code)),
                    rx.cond(
                        PlatformModulesState.pending_also.length() > 0,
                        rx.vstack(
                            rx.text(
                                rx.cond(
                                    PlatformModulesState.pending_enable,
                                    t("tenancy.modules.also_enabled"),
                                    t("tenancy.modules.also_disabled"),
                                )
                            ),
                            rx.el.ul(
                                rx.foreach(PlatformModulesState.pending_also, lambda name: rx.el.li(name))
                            ),
                            spacing="1",
                        ),
                        rx.text(t("tenancy.modules.nothing_else")),
                    ),
                    rx.cond(
                        ~PlatformModulesState.pending_enable,
                        rx.text(t("tenancy.modules.data_kept"), size="1", color_scheme="gray"),
                    ),
                    spacing="2",
                )
            ),
            rx.hstack(
                rx.alert_dialog.cancel(
                    rx.button(
                        t("orion.cancel"),
                        variant="soft",
                        color_scheme="gray",
                        on_click=PlatformModulesState.cancel,
                    )
                ),
                rx.alert_dialog.action(rx.button(t("orion.confirm"), on_click=PlatformModulesState.confirm)),
                justify="end",
                spacing="3",
                margin_top="1em",
            ),
        ),
        open=PlatformModulesState.dialog_open,
    )


def platform_modules_page() -> rx.Component:
    return rx.vstack(
        page_heading("tenancy.modules.title", rx.badge(PlatformModulesState.platform_name, size="3")),
        rx.text(t("tenancy.modules.intro"), color_scheme="gray", size="2"),
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(t("tenancy.modules.module")),
                    rx.table.column_header_cell(t("tenancy.modules.tier")),
                    rx.table.column_header_cell(t("tenancy.modules.requires")),
                    rx.table.column_header_cell(t("tenancy.modules.status")),
                    rx.table.column_header_cell(""),
                )
            ),
            rx.table.body(rx.foreach(PlatformModulesState.rows, _module_row)),
            width="100%",
        ),
        _confirm_dialog(),
        width="100%",
    )
