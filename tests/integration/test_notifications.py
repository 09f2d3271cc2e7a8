"""In-app notifications: who gets one, who may read or mark it, and the modules that raise them."""

from datetime import timedelta

import pytest
from sqlmodel import select

from modules.messaging.models import Notification
from modules.messaging.public import notify
from modules.messaging.services.notifications import (
    Reader,
    ago,
    latest,
    mark_all_read,
    mark_read,
    total,
    unread_count,
)
from orion_app.db import session_scope, utcnow
from orion_app.errors import NotFound
from tests.integration.helpers import principal, store_id

MARIE, LUC, JEAN = "marie@cafe-lux.lu", "luc@cafe-lux.lu", "jean@velo.lu"  # owner, staff, other merchant


def user(email: str) -> int:
    return principal(email).user_id


def in_store(email: str, code: str = "cafe-lux") -> Reader:
    return Reader(user(email), store_id(code))


def everywhere(email: str) -> Reader:
    return Reader(user(email), None)


def raise_kind(kind: str, code: str = "cafe-lux", **params) -> int:
    with session_scope() as session:
        return notify(session, kind=kind, store_id=store_id(code), params=params, link="inventory")


def titles(reader: Reader, lang: str = "en") -> list[str]:
    with session_scope() as session:
        return [view.title for view in latest(session, reader, lang)]


def unread(reader: Reader) -> int:
    with session_scope() as session:
        return unread_count(session, reader)


LOW = {"product": "CAFE-001", "available": 3, "threshold": 5}


def test_a_kind_reaches_the_store_staff_whose_role_holds_its_permission(demo):
    # Importing needs a manager: the owner gets it, the staff member does not.
    assert (
        raise_kind("marketplace.import_finished", id=7, file="feed.tsv", created=2, updated=1, rejected=0)
        == 1
    )
    # Seeing stock is every member's: both get it.
    assert raise_kind("inventory.low_stock", **LOW) == 2
    assert titles(in_store(MARIE)) == ["Low stock: CAFE-001", "Import #7 finished"]
    assert titles(in_store(LUC)) == ["Low stock: CAFE-001"]
    assert titles(everywhere(JEAN)) == []


def test_a_permission_given_by_the_caller_overrides_the_kinds(demo):
    assert raise_kind("inventory.low_stock", **LOW) == 2
    with session_scope() as session:
        sent = notify(
            session,
            kind="inventory.low_stock",
            store_id=store_id("cafe-lux"),
            params=LOW,
            permission="marketplace.import",
        )
    assert sent == 1


def test_texts_are_rendered_in_the_readers_language_with_a_link_into_the_store(demo):
    raise_kind("inventory.low_stock", **LOW)
    with session_scope() as session:
        view = latest(session, in_store(MARIE), "de")[0]
    assert view.title == "Niedriger Bestand: CAFE-001"
    assert view.body == "Von CAFE-001 sind nur noch 3 verfügbar (Schwelle 5)."
    assert view.link == "/store/cafe-lux/inventory"
    assert view.unread


def test_an_unknown_kind_is_refused(demo):
    with session_scope() as session, pytest.raises(ValueError, match=r"no-such\.kind"):
        notify(session, kind="no-such.kind", store_id=store_id("cafe-lux"))


def test_a_store_dashboard_shows_that_stores_notifications_and_the_admin_all_of_the_users(demo):
    raise_kind("inventory.low_stock", **LOW)
    raise_kind("inventory.low_stock", "bakery-lux", **LOW)  # Marie's other store
    assert unread(in_store(MARIE)) == 1
    assert unread(in_store(MARIE, "bakery-lux")) == 1
    assert unread(everywhere(MARIE)) == 2


def test_a_user_can_not_read_or_mark_another_users_notification(demo):
    raise_kind("inventory.low_stock", **LOW)
    with session_scope() as session:
        maries = session.exec(select(Notification.id).where(Notification.user_id == user(MARIE))).one()
        with pytest.raises(NotFound):
            mark_read(session, in_store(LUC), maries)
        with pytest.raises(NotFound):  # nor her own through another store's dashboard
            mark_read(session, in_store(MARIE, "bakery-lux"), maries)
        assert mark_all_read(session, in_store(LUC)) == 1  # his own copy only
    assert unread(in_store(MARIE)) == 1
    with session_scope() as session:
        assert mark_read(session, in_store(MARIE), maries) == "/store/cafe-lux/inventory"
    assert unread(in_store(MARIE)) == 0


def test_mark_all_read_marks_only_the_current_stores(demo):
    raise_kind("inventory.low_stock", **LOW)
    raise_kind("inventory.low_stock", "bakery-lux", **LOW)
    with session_scope() as session:
        assert mark_all_read(session, in_store(MARIE)) == 1
        assert total(session, in_store(MARIE)) == 1
    assert unread(everywhere(MARIE)) == 1


def test_time_is_told_as_how_long_ago_in_the_readers_language():
    now = utcnow()
    assert ago(now - timedelta(seconds=20), "en", now) == "just now"
    assert ago(now - timedelta(minutes=5), "fr", now) == "il y a 5 min"
    assert ago(now - timedelta(hours=3), "de", now) == "vor 3 Std."
    assert ago(now - timedelta(days=2, hours=5), "lb", now) == "virun 2 D."


# -- the modules that raise them -------------------------------------------------------


@pytest.fixture
def product(demo):
    from modules.catalog.services.products import create_product
    from modules.catalog.services.variants import default_variants
    from tests.integration.catalog_helpers import product_form, scope

    store, merchant, platform = scope()
    with session_scope() as session:
        created = create_product(session, store, merchant, platform, product_form())
        variant = default_variants(session, store, [created.id])[created.id]
    return store, created.id, variant


def stock_to(product, *, delta: int) -> None:
    from modules.inventory.public import adjust_stock

    store, product_id, variant = product
    with session_scope() as session:
        adjust_stock(session, store, product_id, "MAIN", variant_id=variant, delta=delta)


def low_stock_news(email: str = LUC) -> list[str]:
    with session_scope() as session:
        return [v.body for v in latest(session, in_store(email), "en") if v.kind == "inventory.low_stock"]


def test_stock_falling_to_the_threshold_notifies_once_and_again_only_after_recovering(product):
    stock_to(product, delta=10)
    stock_to(product, delta=-4)  # 6: above the default threshold of 5
    assert low_stock_news() == []
    stock_to(product, delta=-2)  # 4: crossed
    stock_to(product, delta=-1)  # 3: still low, no news
    assert low_stock_news() == ["CAFE-001 is down to 4 available (threshold 5)."]
    stock_to(product, delta=7)  # 10: recovered
    stock_to(product, delta=-8)  # 2: crossed again
    assert len(low_stock_news()) == 2
    with session_scope() as session:
        assert latest(session, in_store(LUC), "en")[0].link == f"/store/cafe-lux/products/{product[1]}"


def test_a_reservation_that_takes_stock_under_the_threshold_notifies(product):
    from modules.inventory.public import reserve

    stock_to(product, delta=8)
    store, product_id, variant = product
    with session_scope() as session:
        reserve(session, store, product_id, 2, variant_id=variant)  # 6 left
        reserve(session, store, product_id, 3, variant_id=variant)  # 3 left
    assert low_stock_news() == ["CAFE-001 is down to 3 available (threshold 5)."]


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    from tests.integration.marketplace_helpers import store_ref, unlimited_products, use_files_dir

    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    return store_ref()


def import_news(email: str = MARIE) -> list[tuple[str, str, str]]:
    with session_scope() as session:
        return [(v.kind, v.title, v.body) for v in latest(session, in_store(email), "en")]


def test_a_finished_import_notifies_the_importers_once(shop, tmp_path):
    from tests.integration.marketplace_helpers import feed_text, import_file, product_row, write_feed

    record = import_file(write_feed(tmp_path, feed_text([product_row(n) for n in (1, 2, 3)])), shop)
    assert import_news() == [
        (
            "marketplace.import_finished",
            f"Import #{record.id} finished",
            "feed.tsv: 3 created, 0 updated, 0 rejected.",
        )
    ]
    assert import_news(LUC) == []  # staff may not import, so is not told


def test_a_failed_import_notifies_and_a_dry_run_does_not(shop, tmp_path):
    from tests.integration.marketplace_helpers import feed_text, import_file, product_row, write_feed

    import_file(write_feed(tmp_path, feed_text([product_row(1)]), "try.tsv"), shop, dry_run=True)
    record = import_file(write_feed(tmp_path, b"\x89PNG\r\n\x1a\n" + bytes(64), "photo.tsv"), shop)
    assert record.status == "failed"
    assert import_news() == [
        (
            "marketplace.import_failed",
            f"Import #{record.id} failed",
            "photo.tsv: the import stopped. Its page says why.",
        )
    ]
