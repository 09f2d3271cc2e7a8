"""Import options: import as draft, apply a finished dry run, map feed categories to the store's."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from modules.catalog.services.categories import create_category
from modules.marketplace.models import FeedImport
from modules.marketplace.services.categories import list_mappings, save_mapping
from modules.marketplace.services.dry_runs import apply_dry_run, can_apply, expire_dry_run_files
from modules.marketplace.services.imports import start_import
from modules.marketplace.services.runner import run_import
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, ServiceError
from tests.integration.marketplace_helpers import (
    feed_text,
    products_of,
    reload,
    store_ref,
    unlimited_products,
    use_files_dir,
    write_feed,
)
from tests.local_http import QuietHandler, local_server

HEADER = ["id", "title", "price", "google_product_category"]


def feed(*rows: tuple[str, str]) -> str:
    """(SKU, google_product_category) rows."""
    return feed_text([[sku, f"Article {sku}", "12.50", category] for sku, category in rows], HEADER)


def import_file(path: Path, store, **options) -> FeedImport:
    """Record an import of `path` with `options` (dry_run=, as_draft=), run its job body here."""
    with session_scope() as session, path.open("rb") as upload:
        record = start_import(session, store, lang="fr", upload=upload, file_name=path.name, **options)
    run_import(record.id)
    return reload(record.id)


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    return store_ref()


def test_a_draft_import_creates_inactive_products_and_leaves_existing_ones_active(shop, tmp_path):
    import_file(write_feed(tmp_path, feed(("D-1", ""))), shop)
    record = import_file(write_feed(tmp_path, feed(("D-1", ""), ("D-2", ""))), shop, as_draft=True)
    assert (record.as_draft, record.created, record.unchanged) == (True, 1, 1)
    products = products_of(shop)
    assert products["D-1"].is_active is True  # it was live before: a draft import does not hide it
    assert products["D-2"].is_active is False


def test_a_finished_dry_run_is_applied_from_its_kept_file(shop, tmp_path):
    path = write_feed(tmp_path, feed(("A-1", ""), ("A-2", "")))
    dry = import_file(path, shop, dry_run=True)
    assert dry.status == "succeeded" and dry.created == 2 and products_of(shop) == {}
    assert can_apply(dry) and Path(dry.file_path).exists()
    path.unlink()  # the merchant's own copy is not needed: the server kept what it checked

    with session_scope() as session:
        applied = apply_dry_run(session, shop, dry.id, user_id=None)
    assert run_import(applied.id) == "succeeded"
    done = reload(applied.id)
    assert (done.dry_run, done.created, done.origin, done.file_name) == (False, 2, "upload", "feed.tsv")
    assert set(products_of(shop)) == {"A-1", "A-2"}
    assert reload(dry.id).file_path == "" and done.file_path == ""

    with session_scope() as session, pytest.raises(ServiceError) as again:
        apply_dry_run(session, shop, dry.id)
    assert again.value.message_key == "marketplace.error.dry_run_file_gone"  # applied once only


def test_only_a_finished_dry_run_can_be_applied(shop, tmp_path):
    real = import_file(write_feed(tmp_path, feed(("N-1", ""))), shop)
    with session_scope() as session, pytest.raises(ServiceError) as refused:
        apply_dry_run(session, shop, real.id)
    assert refused.value.message_key == "marketplace.error.not_a_dry_run"


def test_a_dry_run_whose_file_expired_says_so(shop, tmp_path, monkeypatch):
    dry = import_file(write_feed(tmp_path, feed(("E-1", ""))), shop, dry_run=True)
    with session_scope() as session:
        assert expire_dry_run_files(session) == 0  # still within its keep time
        row = session.get(FeedImport, dry.id)
        row.finished_at = utcnow() - timedelta(hours=25)
        session.add(row)
    with session_scope() as session:
        assert expire_dry_run_files(session) == 1
    assert not Path(dry.file_path).exists() and not can_apply(reload(dry.id))
    with session_scope() as session, pytest.raises(ServiceError) as gone:
        apply_dry_run(session, shop, dry.id)
    assert gone.value.message_key == "marketplace.error.dry_run_file_gone"


class OneFeed(QuietHandler):
    def do_GET(self):
        self.server.hits.append(self.path)
        body = feed(("U-1", ""), ("U-2", "")).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_applying_a_url_dry_run_does_not_fetch_the_feed_again(shop, monkeypatch):
    monkeypatch.setenv("MARKETPLACE_ALLOW_PRIVATE_URLS", "true")
    with local_server(OneFeed) as httpd:
        with session_scope() as session:
            dry = start_import(
                session, shop, lang="fr", dry_run=True, url=f"http://127.0.0.1:{httpd.server_port}/feed.tsv"
            )
        assert run_import(dry.id) == "succeeded"
        with session_scope() as session:
            applied = apply_dry_run(session, shop, dry.id)
        assert run_import(applied.id) == "succeeded"
    assert len(httpd.hits) == 1
    assert reload(applied.id).created == 2 and set(products_of(shop)) == {"U-1", "U-2"}


def test_feed_categories_are_listed_once_and_file_products_once_mapped(shop, tmp_path):
    with session_scope() as session:
        kitchen = create_category(session, shop.id, {"fr": "Cuisine", "en": "Kitchen"})
    text = feed(
        ("C-1", "Home & Garden > Kitchen"), ("C-2", "Home  &  Garden > Kitchen"), ("C-3", "638"), ("C-4", "")
    )
    import_file(write_feed(tmp_path, text), shop, dry_run=True)  # a dry run lists them already
    with session_scope() as session:
        listed = [(m.feed_category, m.category_id) for m in list_mappings(session, shop.id)]
    assert listed == [("638", None), ("Home & Garden > Kitchen", None)]  # spaces collapsed: one value

    import_file(write_feed(tmp_path, text), shop)
    assert {sku: p.category_id for sku, p in products_of(shop).items()} == dict.fromkeys(
        ["C-1", "C-2", "C-3", "C-4"]
    )
    with session_scope() as session:
        save_mapping(session, shop.id, "Home & Garden > Kitchen", kitchen.id)
    import_file(write_feed(tmp_path, text), shop)
    assert {sku: p.category_id for sku, p in products_of(shop).items()} == {
        "C-1": kitchen.id,
        "C-2": kitchen.id,
        "C-3": None,  # not mapped: left as it is
        "C-4": None,
    }


def test_a_feed_category_maps_only_to_the_stores_own_categories(shop):
    other = store_ref("velo-weber", "oms")
    with session_scope() as session:
        theirs = create_category(session, other.id, {"fr": "Vélos"})
    with session_scope() as session, pytest.raises(FieldErrors) as refused:
        save_mapping(session, shop.id, "Sporting Goods > Cycling", theirs.id)
    assert refused.value.errors == {"category_id": "marketplace.categories.unknown"}
    with session_scope() as session:
        assert session.exec(select(FeedImport.id).where(FeedImport.store_id == shop.id)).all() == []
        assert list_mappings(session, shop.id) == []
