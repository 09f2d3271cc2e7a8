"""Admin pages of tenancy: platforms, a platform's modules, merchants, stores, users."""

import reflex as rx

from modules.tenancy.pages.directory import create_dialog, merchants_page, stores_page, users_page
from modules.tenancy.state.modules import PlatformModulesState
from modules.tenancy.state.platforms import PlatformEditState, PlatformsState
from orion_app.registry import Tier
from orion_app.ui.components import confirm_dialog, field, flag_badge, page, stacked_form
from orion_app.ui.i18n import label, module_name, t
from orion_app.ui.tables import data_table, row

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
    return page(
        "tenancy.platforms.title",
        data_table(
            ["tenancy.platform.code", "tenancy.platform.name", "tenancy.platform.domain", ""],
            PlatformsState.rows,
            lambda r: row(
                rx.code(r["code"]),
                r["name"],
                r["domain"],
                rx.hstack(
                    rx.link(t("orion.edit"), href=r["edit_href"]),
                    rx.link(t("tenancy.modules.link"), href=r["modules_href"]),
                    spacing="4",
                ),
            ),
        ),
        actions=(_create_dialog(),),
    )


def platform_edit_page() -> rx.Component:
    return page(
        "tenancy.platform.edit_title",
        rx.cond(
            PlatformEditState.saved,
            rx.callout(t("orion.saved"), icon="check", color_scheme="green", width="100%"),
        ),
        rx.cond(
            PlatformEditState.values.contains("id"),
            stacked_form(
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
                on_submit=PlatformEditState.save,
                key=PlatformEditState.values["id"],
                max_width="32em",
            ),
        ),
    )


def _module_row(r: rx.Var) -> rx.Component:
    enabled = r["enabled"] != ""
    planned = r["planned"] != ""
    return row(
        rx.vstack(
            rx.text(module_name(r["code"]), weight="medium"),
            rx.text(r["description"], size="1", color_scheme="gray"),
            spacing="0",
        ),
        rx.badge(
            label(r["tier"], "tenancy.tier", Tier),
            color_scheme=rx.match(r["tier"], ("core", "gray"), ("internal", "orange"), "teal"),
        ),
        rx.text(r["requires"], size="2"),
        rx.cond(
            planned,
            rx.badge(t("tenancy.modules.planned"), color_scheme="amber"),
            flag_badge(enabled, "tenancy.modules.on", "tenancy.modules.off"),
        ),
        rx.cond(
            planned,
            rx.text(t("tenancy.modules.not_built"), size="1", color_scheme="gray"),
            rx.cond(
                r["tier"] == "core",
                rx.text(t("tenancy.modules.always_on"), size="1", color_scheme="gray"),
                rx.button(
                    rx.cond(enabled, t("tenancy.modules.disable"), t("tenancy.modules.enable")),
                    on_click=PlatformModulesState.preview(r["code"], ~enabled),
                    variant=rx.cond(enabled, "soft", "solid"),
                    color_scheme=rx.cond(enabled, "red", "teal"),
                    size="1",
                    aria_label=rx.cond(enabled, "disable ", "enable ") + r["code"],
                ),
            ),
        ),
        data_module=r["code"],
    )


def _confirm_dialog() -> rx.Component:
    s = PlatformModulesState
    return confirm_dialog(
        rx.cond(s.pending_enable, t("tenancy.modules.confirm_enable"), t("tenancy.modules.confirm_disable")),
        rx.vstack(
            rx.text(module_name(s.pending_code), weight="bold"),
            rx.cond(
                s.pending_also.length() > 0,
                rx.vstack(
                    rx.text(
                        rx.cond(
                            s.pending_enable,
                            t("tenancy.modules.also_enabled"),
                            t("tenancy.modules.also_disabled"),
                        )
                    ),
                    rx.el.ul(rx.foreach(s.pending_also, lambda name: rx.el.li(name))),
                    spacing="1",
                ),
                rx.text(t("tenancy.modules.nothing_else")),
            ),
            rx.cond(
                ~s.pending_enable, rx.text(t("tenancy.modules.data_kept"), size="1", color_scheme="gray")
            ),
            spacing="2",
        ),
        open=s.dialog_open,
        on_cancel=s.cancel,
        confirm=t("orion.confirm"),
        on_confirm=s.confirm,
    )


def platform_modules_page() -> rx.Component:
    return page(
        "tenancy.modules.title",
        data_table(
            [
                "tenancy.modules.module",
                "tenancy.modules.tier",
                "tenancy.modules.requires",
                "tenancy.modules.status",
                "",
            ],
            PlatformModulesState.rows,
            _module_row,
        ),
        _confirm_dialog(),
        intro_key="tenancy.modules.intro",
        actions=(rx.badge(PlatformModulesState.platform_name, size="3"),),
    )
