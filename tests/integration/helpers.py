"""Shared look-ups for integration tests."""

from pathlib import Path

from sqlmodel import select

from modules.tenancy.demo import DEMO_PASSWORD
from modules.tenancy.models import Platform, Store, User
from modules.tenancy.services.auth import principal_of, sign_in
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.registry import get_registry
from orion_app.session_cookie import COOKIE as SESSION_COOKIE
from orion_app.settings import get_settings
from orion_app.ui.state import LANGUAGE_COOKIE


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


class Browser:
    """The API as a browser reaches it: the session cookie of whoever signed in, a language cookie."""

    def __init__(self):
        from starlette.testclient import TestClient  # warns on import; only these tests need it

        self.client = TestClient(build_api(get_registry()))
        self.tokens: dict[str, str] = {}

    def token(self, email: str) -> str:
        if email not in self.tokens:
            with session_scope() as session:
                self.tokens[email], _user = sign_in(session, email, DEMO_PASSWORD)
        return self.tokens[email]

    def get(self, path: str, email: str | None = None, lang: str = ""):
        cookies = {SESSION_COOKIE: self.token(email)} if email else {}
        if lang:
            cookies[LANGUAGE_COOKIE] = lang
        header = "; ".join(f"{name}={value}" for name, value in cookies.items())
        return self.client.get(path, headers={"cookie": header} if header else {})
