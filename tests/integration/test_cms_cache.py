"""The public site's menus and a store's look, cached per process: no SQL when warm, and
every change made through the editors' services shows on the next read."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from modules.cms.services.pages import PageInput, delete_page, save_page
from modules.cms.services.resolve import Visitor, language_order, menus, site_menus
from modules.cms.services.scope import Owner
from orion_app import access_cache, enablement
from orion_app.db import session_scope
from tests.integration.helpers import platform_id, store_id
from tests.integration.test_access_cache import statements_during

ALL = ("fr", "en", "de", "lb")
CAFE = "/platforms/oms/storefront/cafe-lux/"


@pytest.fixture(autouse=True)
def fresh_cache(demo):
    """The cache as a process starts with it, on this test's database."""
    access_cache.invalidate()
    access_cache.refresh()


def visitor(store: str | None, lang: str = "fr", languages: tuple[str, ...] | None = None) -> Visitor:
    oms = platform_id("oms")
    enabled = frozenset(enablement.enabled_modules(oms))
    if store is None:
        return Visitor(platform_id=oms, languages=languages or language_order(lang, "en"), enabled=enabled)
    from modules.tenancy.public import store_by_code

    with session_scope() as session:
        ref = store_by_code(session, store)
    return Visitor(
        platform_id=oms,
        store_id=ref.id,
        languages=languages or language_order(lang, ref.default_language, tuple(ref.languages)),
        base=f"/platforms/oms/storefront/{store}/",
        enabled=enabled,
    )


def labels(found, placement: str = "header") -> list[str]:
    return [link.label for link in getattr(found, placement)]


def store_page(store: str, title: str, page_id: int | None = None, status: str = "published", **settings):
    """A store's page saved as its editor saves it (`save_page` commits)."""
    slug = title.lower().replace(" ", "-")
    with session_scope() as session:
        return save_page(
            session,
            Owner.store(store_id(store)),
            page_id,
            PageInput(status=status, texts={"fr": {"slug": slug, "title": title, "blocks": []}}, **settings),
            level="store_page",
            languages=ALL,
            author_name="Test",
        )


def navigation_load(path: str = CAFE):
    """`NavigationState.load` as a storefront page load runs it (the shell's state beside it)."""
    from modules.cms.state.site import NavigationState
    from orion_app.ui.guard import handler_events
    from orion_app.ui.shell import ShellState
    from tests.integration.test_page_load_capacity import page_tree

    root = page_tree(path)

    async def load():
        navigation = await root.get_state(NavigationState)
        shell = await root.get_state(ShellState)  # the guard's state: held by the page load
        await handler_events(NavigationState.load.fn, navigation)  # off the loop, as the guard does
        return navigation.header_links, shell.legal_pages

    return asyncio.run(load())


def test_a_warm_navigation_load_reads_nothing_and_shows_what_the_uncached_menus_show(demo):
    store_page("cafe-lux", "Livraison", placement="header")
    header, footer = navigation_load()  # cold: reads the pages
    assert statements_during(navigation_load) == 0
    assert navigation_load() == (header, footer)
    with session_scope() as session:
        expected = menus(session, visitor("cafe-lux", "en"))
    assert [link["label"] for link in header] == [link.label for link in expected["header"]] == ["Livraison"]
    assert footer == [{"label": link.label, "href": CAFE + link.path} for link in expected["footer"]]
    assert len(footer) == 4  # the platform's legal defaults


def test_the_cached_menus_are_what_menus_reads_for_stores_and_the_platform_site(demo):
    store_page("cafe-lux", "Livraison", placement="header", position=2)
    store_page("cafe-lux", "Histoire", placement="header", position=1)
    for seen in (visitor("cafe-lux", "de"), visitor("velo-weber", "en"), visitor(None, "lb")):
        with session_scope() as session:
            expected = menus(session, seen)
        assert site_menus(seen) == site_menus(seen)  # the second from memory
        assert {"header": list(site_menus(seen).header), "footer": list(site_menus(seen).footer)} == expected


def test_publishing_editing_moving_unpublishing_and_deleting_a_page_show_on_the_next_read(demo):
    seen = visitor("cafe-lux")
    assert labels(site_menus(seen)) == []
    draft = store_page("cafe-lux", "Soldes", status="draft", placement="header")
    assert labels(site_menus(seen)) == []  # a draft is not shown
    assert statements_during(lambda: site_menus(seen)) == 0
    store_page("cafe-lux", "Soldes", draft.id, placement="header")
    assert labels(site_menus(seen)) == ["Soldes"]
    store_page("cafe-lux", "Grandes soldes", draft.id, placement="header")
    assert labels(site_menus(seen)) == ["Grandes soldes"]
    other = store_page("cafe-lux", "Arrivages", placement="header", position=-1)
    assert labels(site_menus(seen)) == ["Arrivages", "Grandes soldes"]
    store_page("cafe-lux", "Arrivages", other.id, placement="header", position=5)
    assert labels(site_menus(seen)) == ["Grandes soldes", "Arrivages"]
    store_page("cafe-lux", "Grandes soldes", draft.id, placement="footer")
    assert labels(site_menus(seen)) == ["Arrivages"] and "Grandes soldes" in labels(
        site_menus(seen), "footer"
    )
    store_page("cafe-lux", "Grandes soldes", draft.id, status="draft", placement="footer")
    assert "Grandes soldes" not in labels(site_menus(seen), "footer")
    with session_scope() as session:
        delete_page(session, Owner.store(store_id("cafe-lux")), other.id)
    assert labels(site_menus(seen)) == []


def test_a_platform_default_retitled_shows_in_every_stores_footer_and_an_override_replaces_it(demo):
    from modules.cms.services.pages import pages_of

    cafe, velo = visitor("cafe-lux"), visitor("velo-weber")
    assert "Conditions générales de vente" in labels(site_menus(cafe), "footer")
    assert "Conditions générales de vente" in labels(site_menus(velo), "footer")
    owner = Owner.platform(platform_id("oms"))
    with session_scope() as session:
        terms = next(p for p in pages_of(session, owner, "store_default") if p.key == "terms")
        texts = {
            lang: {"slug": t.slug, "title": f"{t.title} (2031)", "description": "", "blocks": list(t.blocks)}
            for lang, t in terms.texts.items()
        }
        settings = dict(key="terms", placement="footer", position=terms.position, status="published")
        save_page(
            session, owner, terms.id, PageInput(texts=texts, **settings), level="store_default", languages=ALL
        )
    assert "Conditions générales de vente (2031)" in labels(site_menus(cafe), "footer")
    assert "Conditions générales de vente (2031)" in labels(site_menus(velo), "footer")
    store_page("cafe-lux", "Nos conditions", key="terms", placement="footer")
    assert "Nos conditions" in labels(site_menus(cafe), "footer")
    assert "Conditions générales de vente (2031)" not in labels(site_menus(cafe), "footer")
    assert "Conditions générales de vente (2031)" in labels(site_menus(velo), "footer")


def test_a_scheduled_page_appears_at_its_time_without_any_change_to_drop_the_cache(demo, monkeypatch):
    from modules.cms.services import resolve

    at = datetime(2031, 5, 1, 8, 0, tzinfo=UTC)
    clock, ticks = [at - timedelta(seconds=30)], [1000.0]
    monkeypatch.setattr(resolve, "utcnow", lambda: clock[0])
    monkeypatch.setattr(access_cache.time, "monotonic", lambda: ticks[0])
    store_page("cafe-lux", "Soldes", status="scheduled", publish_at=at, placement="header")
    seen = visitor("cafe-lux")
    assert labels(site_menus(seen)) == []

    def wait(seconds: float) -> None:
        clock[0] += timedelta(seconds=seconds)
        ticks[0] += seconds

    wait(29)
    assert statements_during(lambda: site_menus(seen)) == 0 and labels(site_menus(seen)) == []
    wait(1)
    assert labels(site_menus(seen)) == ["Soldes"]
    wait(3600)
    assert statements_during(lambda: site_menus(seen)) == 0  # nothing else is waiting


def test_a_title_filled_with_the_stores_fields_is_read_again_after_a_minute(demo, monkeypatch):
    ticks = [1000.0]
    monkeypatch.setattr(access_cache.time, "monotonic", lambda: ticks[0])
    owner = Owner.platform(platform_id("oms"))
    texts = {"fr": {"slug": "vendeur", "title": "Vendu par {{ store.name }}", "blocks": []}}
    with session_scope() as session:
        save_page(
            session,
            owner,
            None,
            PageInput(texts=texts, placement="header", status="published"),
            level="store_default",
            languages=ALL,
        )
    seen = visitor("cafe-lux")
    assert labels(site_menus(seen)) == ["Vendu par Café Lëtzebuerg"]
    ticks[0] += access_cache.PRINCIPAL_TTL_SECONDS - 1
    assert statements_during(lambda: site_menus(seen)) == 0
    ticks[0] += 2
    assert statements_during(lambda: site_menus(seen)) > 0


def test_two_stores_menus_and_looks_never_mix(demo):
    from modules.cms.services.themes import save_theme
    from modules.cms.theme import storefront_look

    same = ("fr", "en")
    cafe, velo = visitor("cafe-lux", languages=same), visitor("velo-weber", languages=same)
    store_page("cafe-lux", "Terrasse", placement="header")
    store_page("velo-weber", "Atelier", placement="header")
    for _ in range(2):  # cold, then from memory
        assert labels(site_menus(cafe)) == ["Terrasse"]
        assert labels(site_menus(velo)) == ["Atelier"]
    with session_scope() as session:
        save_theme(session, store_id("cafe-lux"), primary="#0d6b5e")
    for _ in range(2):
        assert "--accent-9:#0d6b5e" in storefront_look(store_id("cafe-lux"))["css"]
        assert storefront_look(store_id("velo-weber"))["css"] == ""


def test_a_theme_colour_change_shows_on_the_next_storefront_look(demo):
    from modules.cms.services.themes import save_theme
    from modules.cms.theme import storefront_look

    cafe = store_id("cafe-lux")
    with session_scope() as session:
        save_theme(session, cafe, primary="#0d6b5e", header_layout="centered")
    look = storefront_look(cafe)
    assert "--accent-9:#0d6b5e" in look["css"] and look["header"] == "centered"
    assert statements_during(lambda: storefront_look(cafe)) == 0
    look["css"] = "changed by a caller"  # a caller's copy: the cached look stays as it was
    assert "--accent-9:#0d6b5e" in storefront_look(cafe)["css"]
    with session_scope() as session:
        save_theme(session, cafe, primary="#1d4ed8", header_layout="centered")
    assert "--accent-9:#1d4ed8" in storefront_look(cafe)["css"]


def test_a_page_saved_drops_only_the_cms_scope_in_every_process(demo):
    """What the commit publishes to the other processes: `<version>:cms`, not an access change."""
    import time

    from orion_app.redis_client import get_redis

    pubsub = get_redis().pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(access_cache._version_key())
    try:
        pubsub.get_message(timeout=1.0)  # the subscription's confirmation
        store_page("cafe-lux", "Livraison", placement="header")
        deadline, messages = time.monotonic() + 5, []
        while time.monotonic() < deadline and not messages:
            if (message := pubsub.get_message(timeout=0.5)) is not None:
                messages.append(bytes(message["data"]))
    finally:
        pubsub.close()
    assert messages and messages[0].endswith(b":cms")
