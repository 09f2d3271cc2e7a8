"""What the messaging tests share: a demo store and its platform, a marketing kind, delivery."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from modules.messaging import kinds as kinds_module
from modules.messaging.kinds import MessageKind


@dataclass(frozen=True)
class Shop:
    store_id: int
    platform_id: int
    default_language: str
    languages: tuple[str, ...]


def shop(session, code: str = "cafe-lux") -> Shop:
    from modules.tenancy.public import home_platform_of_store

    platform, store = home_platform_of_store(session, code)
    return Shop(store.id, platform.id, store.default_language, store.languages)


NEWSLETTER = MessageKind(code="customers.newsletter_test", variables=("headline",), marketing=True)


@pytest.fixture
def newsletter_kind(tmp_path, monkeypatch) -> MessageKind:
    """A marketing kind (none is declared yet), with English texts only, added to the registry's."""
    folder = tmp_path / "newsletter_test"
    folder.mkdir()
    (folder / "subject.en.txt").write_text("News from {{ store_name }}: {{ headline }}\n", encoding="utf-8")
    (folder / "body.en.html").write_text(
        "<h1>{{ headline }}</h1><p>Hi {{ recipient_name }}</p>", encoding="utf-8"
    )
    (folder / "body.en.txt").write_text("{{ headline }}\nHi {{ recipient_name }}", encoding="utf-8")
    declared = {**kinds_module.kinds(), NEWSLETTER.code: (NEWSLETTER, Path(folder))}
    monkeypatch.setattr(kinds_module, "kinds", lambda: declared)
    return NEWSLETTER


def deliver_queued() -> None:
    """Run a real RQ worker on `default` until the queue is empty (it also moves due retries)."""
    from orion_app.jobs import run_worker

    run_worker(burst=True, queues=["default"])
