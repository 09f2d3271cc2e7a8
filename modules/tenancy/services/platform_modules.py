"""Switching a platform's modules on and off and saving their settings, within the actor's scope.

Super admins act on every platform, platform admins on their own (another platform is
NotFound), anyone else is Forbidden; a refused call changes nothing.
"""

from pydantic_settings import BaseSettings
from sqlmodel import Session

from modules.tenancy.services.platforms import managed_platform
from orion_app import enablement
from orion_app.ports import Principal
from orion_app.registry import ChangePlan


def preview_module_change(
    session: Session, actor: Principal, platform_id: int, code: str, enable: bool
) -> ChangePlan:
    """What switching `code` would also switch, without saving anything."""
    platform = managed_platform(session, actor, platform_id)
    return enablement.preview_change(platform.id, code, enable)


def change_module(
    session: Session, actor: Principal, platform_id: int, code: str, enable: bool
) -> ChangePlan:
    """Enable a module with what it requires, or disable it with what depends on it."""
    platform = managed_platform(session, actor, platform_id)
    return enablement.apply_change(platform.id, code, enable, actor.user_id)


def save_module_settings(
    session: Session, actor: Principal, platform_id: int, code: str, values: dict
) -> BaseSettings:
    """Validate and store the platform's override of a module's settings."""
    platform = managed_platform(session, actor, platform_id)
    return enablement.save_module_config(platform.id, code, values, actor.user_id)
