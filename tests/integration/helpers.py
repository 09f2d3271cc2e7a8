"""Shared look-ups for integration tests."""

import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qsl

from sqlmodel import select

from modules.tenancy.demo import DEMO_PASSWORD
from modules.tenancy.models import Platform, Store, StoreUser, User
from modules.tenancy.services.auth import principal_of, sign_in
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.passwords import hash_password
from orion_app.registry import get_registry
from orion_app.session_cookie import COOKIE as SESSION_COOKIE
from orion_app.settings import get_settings
from orion_app.ui.state import LANGUAGE_COOKIE, OrionState


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


def add_store_member(store: str, email: str, name: str, role: str) -> None:
    """A new user (the demo password) holding `role` in the store."""
    with session_scope() as session:
        user = User(email=email, name=name, role="store_member", password_hash=hash_password(DEMO_PASSWORD))
        session.add(user)
        session.flush()
        session.add(StoreUser(store_id=store_id(store), user_id=user.id, role=role))


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


class Tab:
    """A browser tab at `path` (its query string included), signed in with `token`, sending the
    private `cookies` (a shopper's), holding a page state's handlers and fields.

    The handlers run as Reflex runs them off the event loop: the guard decides from this
    path and session, exactly as for a websocket event."""

    def __init__(self, state: type[OrionState], path: str, token: str = "", cookies=None, **fields):
        self._path, _, query = path.partition("?")
        self._token, self._cookies = token, dict(cookies or {})
        self._state = state
        self.router = SimpleNamespace(
            url=SimpleNamespace(path=self._path, query_parameters=dict(parse_qsl(query))),
            session=SimpleNamespace(client_ip="127.0.0.1", client_token=uuid.uuid4().hex),
        )
        self.lang = "en"
        for name, value in fields.items():
            setattr(self, name, value)

    def __getattr__(self, name):
        for cls in self._state.__mro__:
            if name in cls.__dict__ and callable(cls.__dict__[name]) and name.startswith("_"):
                return cls.__dict__[name].__get__(self)
        raise AttributeError(name)

    def _location(self):
        return self._path, "localhost"

    def _session_token(self):
        return self._token

    def _private_cookie(self, *names: str) -> str:
        return next((self._cookies[name] for name in names if name in self._cookies), "")

    def call(self, handler: str, **payload):
        return getattr(self._state, handler).fn(self, **payload)
