"""Roles as people read them: every user role and store role through one label each."""

import reflex as rx

from modules.tenancy.services.users import ROLES
from orion_app.registry import StoreRole
from orion_app.ui.i18n import label


def user_role(value: rx.Var | str) -> rx.Var:
    """A user's role (super admin, platform admin…) in the viewer's language."""
    return label(value, "tenancy.role", ROLES)


def store_role(value: rx.Var | str) -> rx.Var:
    """A role in one store (owner, manager…) in the viewer's language."""
    return label(value, "tenancy.store_role", StoreRole)


def user_role_options() -> list[rx.Component]:
    return [rx.el.option(user_role(role), value=role) for role in ROLES]


def store_role_options() -> list[rx.Component]:
    return [rx.el.option(store_role(role), value=role.value) for role in StoreRole]
