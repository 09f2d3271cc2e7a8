"""A real Reflex server (AppHarness) on a migrated, seeded SQLite database, and Chromium."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, use_database
from tests.e2e.proxy import ProxiedHarness, SwitchingProxy
from tests.prod_server import production_server, seed, server_env

HARNESS: list[ProxiedHarness] = []

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def app_server(tmp_path_factory, mail_sink_server, stripe_server_process) -> Iterator[str]:
    """The app's URL; the server runs for the whole session, with an RQ worker on `default`
    (e-mail delivery) sending to the session's SMTP sink (`mail_sink` fixture), and
    localstripe as Stripe, whose signed webhooks reach this server's `/webhooks/stripe`."""
    from orion_app.cli import main
    from orion_app.migrations import upgrade

    own_web_folder()
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'orion.db'}"
    os.environ["MEDIA_DIR"] = str(tmp_path_factory.mktemp("media"))
    upgrade(url)
    use_database(url)
    os.environ["CATALOG_DEMO_PRODUCTS"] = "30"  # a browsable shop, only for this database
    try:
        assert main(["seed-demo"]) == 0
    finally:
        os.environ["CATALOG_DEMO_PRODUCTS"] = "0"
    # The harness's backend listens on 127.0.0.1: pages opened from the same host make the
    # session cookie (SameSite=Lax) a same-site cookie for the websocket, as `make run`'s
    # localhost:3000 → localhost:8000 does.
    os.environ["TRUSTED_ORIGINS"] = "http://127.0.0.1"
    from orion_app.settings import get_settings

    get_settings.cache_clear()
    stripe_server_process.point_payments_here()  # before the worker and the server start
    worker = subprocess.Popen([sys.executable, "-m", "orion_app", "worker", "--queues", "default"], cwd=ROOT)
    try:
        with ProxiedHarness.create(root=ROOT, app_name="orion_app") as harness:
            HARNESS.append(harness)
            stripe_server_process.point_webhooks_at(
                f"http://127.0.0.1:{harness.backend_port}/webhooks/stripe"
            )
            yield harness.frontend_url.rstrip("/").replace("//localhost:", "//127.0.0.1:")
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def own_web_folder() -> None:
    """On the second and further xdist workers, a web folder of the worker's own (next to
    REFLEX_WEB_WORKDIR if set, else in .run/): two app servers must never compile into the
    same folder. The first worker keeps the usual one (.web), as a run without xdist does."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    if worker == "gw0":
        return
    folder = os.environ.get("REFLEX_WEB_WORKDIR")
    os.environ["REFLEX_WEB_WORKDIR"] = (
        f"{folder}-{worker}" if folder else str(ROOT / ".run" / f"web-{worker}")
    )


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(base URL, database file) of one production server (`make serve`'s mode: built
    frontend, pages rendered on the server) shared by the first-response tests: its own
    database with 12 demo products a store and Café Moka (6 variants), its own web build."""
    from tests.e2e.test_storefront_variants import create_moka

    folder = tmp_path_factory.mktemp("production")
    env = server_env(folder, CATALOG_DEMO_PRODUCTS="12")
    seed(env)
    previous = {name: os.environ.get(name) for name in ("DATABASE_URL", "MEDIA_DIR")}
    os.environ["MEDIA_DIR"] = env["MEDIA_DIR"]
    use_database(env["DATABASE_URL"])
    try:
        create_moka()
    finally:  # the browser tests' own server and database stay the process's
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        from orion_app.settings import get_settings

        get_settings.cache_clear()
    with production_server(env, "/platforms/oms/storefront/cafe-lux/") as base:
        yield base, folder / "orion.db"


@pytest.fixture
def load_balancer(app_server) -> Iterator[SwitchingProxy]:
    """The proxy every browser connection to the backend goes through; after the test it
    routes to the harness backend again."""
    harness = HARNESS[-1]
    yield harness.proxy
    harness.proxy.route_to(harness.backend_port)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}; install it with 'apt-get install -y chromium'.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, app_server):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def console_is_clean(request, monkeypatch) -> Iterator[None]:
    """Fails a browser test when a page it opened logs a console error or throws: a failed
    image or request, a React warning and an uncaught exception all count."""
    if "browser" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            source = message.location.get("url") or "?"
            errors.append(f"{message.page.url if message.page else '?'}: {message.text} (from {source})")

    def watch(context):
        context.on("console", on_console)
        context.on(
            "weberror", lambda error: errors.append(f"{error.page.url if error.page else '?'}: {error.error}")
        )
        return context

    new_context, new_page = browser.new_context, browser.new_page

    def new_watched_page(*args, **kwargs):
        page = new_page(*args, **kwargs)
        watch(page.context)
        return page

    monkeypatch.setattr(browser, "new_context", lambda *args, **kwargs: watch(new_context(*args, **kwargs)))
    monkeypatch.setattr(browser, "new_page", new_watched_page)
    yield
    if errors:
        pytest.fail(f"{len(errors)} browser console error(s):\n" + "\n".join(errors[:30]), pytrace=False)


@contextmanager
def rq_worker(files: Path, **env: str) -> Iterator[None]:
    """An RQ worker on the app's database and Redis prefix, with `files` as the feed folder
    (the server, this process, saves uploads there too) and the plan's product limit lifted;
    `env` adds settings. The worker stops and the folder setting is restored afterwards."""
    previous = os.environ.get("MARKETPLACE_FILES_DIR")
    os.environ["MARKETPLACE_FILES_DIR"] = str(files)
    settings = {"CONTRACTS_LIMITS": '{"products_limit": null}', "MARKETPLACE_BATCH_SIZE": "50", **env}
    process = subprocess.Popen(
        [sys.executable, "-m", "orion_app", "worker"],
        cwd=ROOT,
        env={**os.environ, **settings},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if previous is None:
            os.environ.pop("MARKETPLACE_FILES_DIR", None)
        else:
            os.environ["MARKETPLACE_FILES_DIR"] = previous
