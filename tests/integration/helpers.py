"""Shared look-ups for integration tests."""

from pathlib import Path

from sqlmodel import select

from modules.tenancy.models import Platform, Store, User
from modules.tenancy.services.auth import principal_of
from orion_app.db import session_scope
from orion_app.settings import get_settings


def principal(email: str):
    with session_scope() as session:
        user = session.exec(select(User).where(User.email == email)).one()
        return principal_of(session, user)


def platform_id(code: str) -> int:
    with session_scope() as session:
        return session.exec(select(Platform.id).where(Platform.code == code)).one()


def store_id(code: str) -> int:
    with session_scope() as session:
        return session.exec(select(Store.id).where(Store.code == code)).one()


def use_media_dir(monkeypatch, folder: Path) -> None:
    """Photos written during this test go to `folder` (Orion's MEDIA_DIR setting)."""
    monkeypatch.setenv("MEDIA_DIR", str(folder))
    get_settings.cache_clear()
