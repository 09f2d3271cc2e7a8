"""Shared look-ups for integration tests."""

from sqlmodel import select

from modules.tenancy.models import Platform, Store, User
from modules.tenancy.services.auth import principal_of
from orion_app.db import session_scope


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
