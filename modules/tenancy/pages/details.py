"""Admin pages of one merchant, one store and one user."""

import reflex as rx

from modules.tenancy.pages.directory import reset_dialog, user_actions
from modules.tenancy.pages.labels import store_role, user_role
from modules.tenancy.state.details import MerchantDetailState, StoreDetailState, UserDetailState
from orion_app.ui.components import (
    checkbox,
    data_item,
    empty_state,
    field,
    flag_badge,
    page,
    remove_button,
    section,
    stacked_form,
    when,
)
from orion_app.ui.i18n import t
from orion_app.ui.tables import data_table, row


def _detail_page(title_key: str, s, *sections: rx.Component, actions: tuple = ()) -> rx.Component:
    """The page of the row the path names, its name beside the title; 'not found' otherwise."""
    found = s.info.contains("id")
    return page(
        title_key,
        rx.cond(s.not_found, empty_state("orion.error.not_found")),
        rx.cond(
            found,
            rx.grid(*sections, columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%"),
        ),
        actions=(rx.cond(found, rx.hstack(rx.badge(s.info["name"], size="3"), *actions, align="center")),),
    )


def _edit_form(s, *fields: rx.Component) -> rx.Component:
    """The row's fields, filled from `info`, saved by `s.save`; a saved form says so."""
    return section(
        "tenancy.detail.edit",
        rx.cond(s.saved, rx.callout(t("orion.saved"), icon="check", color_scheme="green", width="100%")),
        stacked_form(
            *fields,
            rx.button(t("orion.save"), type="submit", align_self="end"),
            on_submit=s.save,
            key=s.info["id"],
        ),
    )


def _filled(s, label_key: str, name: str, **props) -> rx.Component:
    """A field of the edit form, holding the row's current `name` from `info`."""
    return field(label_key, name, s.errors, default_value=s.info[name], **props)


def _links(items: rx.Var, empty_key: str, *extra) -> rx.Component:
    """`items` (each a `name` and `href`) as a list of links, with `extra(item)` beside each."""
    return rx.cond(
        items.length() > 0,
        rx.vstack(
            rx.foreach(
                items,
                lambda i: rx.hstack(rx.link(i["name"], href=i["href"]), *(e(i) for e in extra), spacing="2"),
            ),
            spacing="1",
        ),
        rx.text(t(empty_key), color_scheme="gray", size="2"),
    )


def merchant_page() -> rx.Component:
    s = MerchantDetailState
    info = s.info
    return _detail_page(
        "tenancy.merchant.page_title",
        s,
        section(
            "tenancy.stores.title",
            _links(
                s.stores,
                "tenancy.merchant.no_stores",
                lambda i: rx.cond(
                    i["active"] == "", rx.badge(t("tenancy.user.disabled"), color_scheme="gray")
                ),
            ),
        ),
        section(
            "tenancy.merchant.overview",
            rx.data_list.root(
                data_item(
                    t("tenancy.merchant.owner"),
                    rx.cond(
                        info["owner_href"] != "",
                        rx.link(info["owner_name"], " <", info["owner_email"], ">", href=info["owner_href"]),
                        rx.text(t("tenancy.merchant.no_owner"), color_scheme="gray"),
                    ),
                ),
                data_item(
                    t("tenancy.merchant.platform"), rx.cond(info["platform"] != "", info["platform"], "—")
                ),
            ),
        ),
        section(
            "tenancy.merchant.subscription",
            rx.callout(t("tenancy.merchant.billing_not_available"), icon="info", color_scheme="gray"),
        ),
        rx.cond(
            info["editable"] != "",
            _edit_form(
                s,
                _filled(s, "tenancy.merchant.name", "name", required=True),
                _filled(s, "tenancy.merchant.legal_name", "legal_name"),
                _filled(s, "tenancy.merchant.contact_email", "contact_email", type="email"),
                _filled(s, "tenancy.merchant.vat_number", "vat_number"),
                _filled(
                    s,
                    "tenancy.merchant.owner_email",
                    "owner_email",
                    type="email",
                    hint_key="tenancy.merchant.owner_edit_hint",
                ),
            ),
        ),
    )


def _domains(s) -> rx.Component:
    return section(
        "tenancy.store.domains",
        rx.cond(
            s.domains.length() > 0,
            rx.vstack(
                rx.foreach(
                    s.domains,
                    lambda d: rx.hstack(
                        rx.code(d["domain"]),
                        rx.cond(
                            s.can_manage,
                            remove_button("tenancy.store.remove_domain", s.remove_domain(d["id"])),
                        ),
                        align="center",
                        spacing="3",
                    ),
                ),
                spacing="2",
            ),
            rx.text(t("tenancy.store.no_domains"), color_scheme="gray", size="2"),
        ),
        rx.cond(
            s.can_manage,
            stacked_form(
                field(
                    "tenancy.store.new_domain",
                    "domain",
                    s.domain_errors,
                    placeholder="shop.example.lu",
                    required=True,
                ),
                rx.button(t("tenancy.store.add_domain"), type="submit", align_self="end"),
                on_submit=s.add_domain,
                reset_on_submit=True,
            ),
        ),
    )


def store_page() -> rx.Component:
    s = StoreDetailState
    return _detail_page(
        "tenancy.store.page_title",
        s,
        section(
            "tenancy.store.platforms",
            data_table(
                ["tenancy.store.platform", "tenancy.store.subdomain", ""],
                s.platforms,
                lambda p: row(
                    p["name"],
                    rx.code(p["subdomain"]),
                    rx.cond(p["home"] != "", rx.badge(t("tenancy.store.home_platform"))),
                ),
            ),
        ),
        _domains(s),
        section(
            "tenancy.team.title",
            data_table(
                ["tenancy.user.name", "tenancy.user.email", "tenancy.team.role"],
                s.team,
                lambda m: row(
                    rx.link(m["name"], href=m["href"]), m["email"], rx.badge(store_role(m["role"]))
                ),
                empty="tenancy.team.empty",
            ),
        ),
        rx.cond(
            s.can_manage,
            _edit_form(
                s,
                _filled(s, "tenancy.store.name", "name", required=True),
                _filled(s, "tenancy.store.languages", "languages"),
                _filled(s, "tenancy.store.default_language", "default_language"),
                checkbox("tenancy.store.active", name="is_active", default_checked=s.info["active"] != ""),
            ),
        ),
        actions=(rx.link(t("tenancy.store.merchant"), href=s.info["merchant_href"]),),
    )


def _roles(s) -> rx.Component:
    return section(
        "tenancy.user.roles",
        rx.data_list.root(
            data_item(t("tenancy.user.role"), rx.badge(user_role(s.info["role"]))),
            data_item(
                t("tenancy.user.platforms"),
                rx.cond(
                    s.platforms.length() > 0,
                    rx.text(rx.foreach(s.platforms, lambda p: rx.badge(p["name"], margin_right="0.25em"))),
                    "—",
                ),
            ),
        ),
        rx.heading(t("tenancy.user.merchants"), size="2", as_="h2"),
        _links(s.merchants, "tenancy.user.no_merchants"),
        rx.heading(t("tenancy.stores.title"), size="2", as_="h2"),
        _links(s.stores, "tenancy.user.no_stores", lambda i: rx.badge(store_role(i["role"]))),
    )


def _sessions(s) -> rx.Component:
    return section(
        "tenancy.user.sessions",
        rx.text(t("tenancy.user.sessions_count", count=s.sessions.length()), size="2"),
        rx.cond(
            s.sessions.length() > 0,
            data_table(
                ["tenancy.user.session_started", "tenancy.user.session_expires", "tenancy.user.session_ip"],
                s.sessions,
                lambda x: row(when(x["started"]), when(x["expires"]), x["ip"]),
            ),
        ),
        rx.cond(
            (s.info["manageable"] != "") & (s.sessions.length() > 0),
            rx.button(
                t("tenancy.user.sign_out_everywhere"),
                on_click=s.sign_out_everywhere,
                color_scheme="red",
                variant="soft",
                align_self="start",
            ),
        ),
    )


def _account(s) -> rx.Component:
    return section(
        "tenancy.user.account",
        rx.data_list.root(
            data_item(t("tenancy.user.email"), s.info["email"]),
            data_item(
                t("tenancy.user.status"),
                flag_badge(s.info["active"] != "", "tenancy.user.active", "tenancy.user.disabled"),
            ),
            data_item(t("tenancy.user.last_login"), when(s.info["last_login"])),
            data_item(t("tenancy.user.created"), when(s.info["created"])),
        ),
        rx.cond(
            s.info["manageable"] != "",
            user_actions(s, {"id": s.info["id"], "email": s.info["email"], "active": s.info["active"]}),
        ),
    )


def user_page() -> rx.Component:
    s = UserDetailState
    return _detail_page("tenancy.user.page_title", s, _account(s), _roles(s), _sessions(s), reset_dialog(s))
