"""Scheduled feed sync per store, and tenant isolation of imports, errors and feeds."""

from datetime import timedelta

import pytest

from modules.marketplace.models import FeedImport, FeedSource
from modules.marketplace.services import imports, runner, sources
from orion_app import enablement
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, NotFound, ServiceError
from orion_app.jobs import build_scheduler
from tests.integration.billing_helpers import without_subscription
from tests.integration.helpers import platform_id
from tests.integration.marketplace_helpers import (
    errors_of,
    feed_text,
    import_file,
    product_row,
    products_of,
    reload,
    store_ref,
    unlimited_products,
    use_files_dir,
    write_feed,
)
from tests.local_http import QuietHandler, local_server

FEED = feed_text([product_row(n) for n in range(1, 6)] + [product_row(6, price="free")])


@pytest.fixture
def shop(demo, tmp_path, monkeypatch):
    use_files_dir(monkeypatch, tmp_path / "files")
    unlimited_products(monkeypatch)
    monkeypatch.setenv("MARKETPLACE_ALLOW_PRIVATE_URLS", "true")
    return store_ref()


@pytest.fixture
def feed_url():
    class Handler(QuietHandler):
        def do_GET(self):
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/tab-separated-values")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with local_server(Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_port}/letzshop/fr.tsv"


def save(store, **overrides):
    values = {"lang": "fr", "url": "https://feeds.example.lu/fr.tsv", "schedule": "daily"} | overrides
    with session_scope() as session:
        return sources.save_source(session, store, **values)


def make_due(source_id: int) -> None:
    with session_scope() as session:
        source = session.get(FeedSource, source_id)
        source.next_run_at = utcnow() - timedelta(minutes=1)
        session.add(source)


def run_due() -> int:
    with session_scope() as session:
        return sources.run_due(session)


def test_a_feed_needs_a_web_address_and_a_valid_schedule(shop):
    with pytest.raises(FieldErrors) as bad:
        save(shop, url="ftp://x", schedule="every tuesday")
    assert bad.value.errors == {"url": "marketplace.error.url", "schedule": "marketplace.error.schedule"}
    daily = save(shop)
    assert daily.schedule == "0 3 * * *" and daily.next_run_at > utcnow()
    custom = save(shop, schedule="*/30 6-20 * * 1-5")
    assert custom.id == daily.id and custom.schedule == "*/30 6-20 * * 1-5"


def test_the_plan_must_include_letzshop_sync(shop, monkeypatch):
    without_subscription(shop.merchant_id)  # no billing plan: contracts' setting answers
    monkeypatch.setenv("CONTRACTS_LIMITS", '{"letzshop_sync": 0}')
    with pytest.raises(ServiceError) as refused:
        save(shop)
    assert refused.value.message_key == "marketplace.error.sync_not_in_plan"


def test_a_due_feed_is_imported_once_and_its_last_run_is_kept(shop, feed_url):
    source = save(shop, url=feed_url)
    assert run_due() == 0  # not due yet
    make_due(source.id)
    assert run_due() == 1
    with session_scope() as session:
        [(listed, last)] = sources.list_sources(session, shop.id)
    assert listed.next_run_at > utcnow() and last.origin == "schedule" and last.status == "queued"
    make_due(source.id)
    assert run_due() == 0  # the previous run has not finished: no second one alongside
    assert runner.run_import(last.id) == "succeeded"
    done = reload(last.id)
    assert (done.created, done.rejected) == (5, 1)
    assert errors_of(done.id) == [(7, "price", "marketplace.row.price")]
    assert set(products_of(shop)) == {f"SKU-{n:05d}" for n in range(1, 6)}
    make_due(source.id)
    assert run_due() == 1  # the next slot runs again, and finds nothing to change
    with session_scope() as session:
        [(_, second)] = sources.list_sources(session, shop.id)
    runner.run_import(second.id)
    assert (reload(second.id).unchanged, reload(second.id).created) == (5, 0)


def test_no_sync_runs_where_the_module_is_disabled(shop, feed_url):
    source = save(shop, url=feed_url)
    enablement.apply_change(platform_id("oms"), "marketplace", False, None)
    make_due(source.id)
    assert run_due() == 0
    with session_scope() as session:
        assert session.get(FeedSource, source.id).last_import_id is None


def test_the_cron_scheduler_runs_the_sync_and_the_reaper_every_minute(shop):
    jobs = {job.name: job for job in build_scheduler().get_jobs()}
    assert jobs["marketplace.sync_feeds"].cron == "* * * * *"
    assert jobs["marketplace.reap_abandoned_imports"].cron == "* * * * *"


def test_an_import_of_store_a_never_touches_store_b(shop, tmp_path):
    velo = store_ref("velo-weber", "oms")
    import_file(write_feed(tmp_path, feed_text([product_row(1, title="Vélo")]), "b.tsv"), velo)
    mine = import_file(write_feed(tmp_path, feed_text([product_row(1, price="99.00")])), shop)
    assert (mine.created, mine.updated) == (1, 0)  # the same SKU in another store is another product
    assert products_of(velo)["SKU-00001"].price_cents == 1199
    assert products_of(shop)["SKU-00001"].price_cents == 9900


def test_a_store_cannot_read_or_act_on_another_stores_imports_or_feeds(shop, tmp_path):
    velo = store_ref("velo-weber", "oms")
    record = import_file(write_feed(tmp_path, FEED), shop)
    source = save(shop)
    with session_scope() as session:
        for action in (
            lambda: imports.get_import(session, velo.id, record.id),
            lambda: imports.errors_page(session, velo.id, record.id),
            lambda: list(imports.iter_errors(session, velo.id, record.id)),
            lambda: imports.cancel_import(session, velo.id, record.id),
            lambda: imports.retry_import(session, velo.id, record.id),
            lambda: sources.get_source(session, velo.id, source.id),
            lambda: sources.delete_source(session, velo.id, source.id),
        ):
            with pytest.raises(NotFound):
                action()
        assert imports.list_imports(session, velo.id) == []
        assert sources.list_sources(session, velo.id) == []
        assert session.get(FeedImport, record.id).status == "succeeded"
        assert imports.errors_page(session, shop.id, record.id)[1] == 1
