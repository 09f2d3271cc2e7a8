"""What a new user meets: `make run` in a fresh copy of the project, then the browser.

The server is started exactly as `make run` starts it, in a copy of the working tree (its
files as `git ls-files` lists them, with this checkout's .venv and .tools linked in), with
none of the test environment: only free ports and a Redis prefix of its own are given, so
it neither collides with a developer's `make run` nor with their Redis data. It seeds the
full demo, so its SQLite database and media folder are the copy's own.

One server serves both tests: first the photos and the console on a first run, then hot
reload (a module's page and a locale file edited in the copy).
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import ROOT
from tests.e2e.test_module_enablement import PASSWORD, sign_in

pytestmark = pytest.mark.e2e

START_TIMEOUT = 900  # the first run seeds 180 photographed products per store
# A saved page or locale file restarts the backend, which recompiles every module's pages
# (billing and cms added about twenty); the times it took are printed.
RELOAD_SECONDS = 60
# What a developer's shell has: the machine's paths, locale, proxies and certificates.
KEPT_ENVIRONMENT = re.compile(
    r"PATH|HOME|USER|LOGNAME|SHELL|TERM|TMPDIR|LANG|LC_\w+|REDIS_URL|\w*_proxy|\w*_PROXY"
    r"|SSL_CERT_\w+|NODE_EXTRA_CA_CERTS|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE"
)
STOREFRONT = "/platforms/oms/storefront/cafe-lux"


@dataclass(frozen=True)
class MakeRun:
    folder: Path
    frontend: str
    backend: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_project(target: Path) -> None:
    """The files a clone would have (tracked and new, not ignored), plus .venv and .tools."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)  # keeps mtimes: make sees requirements.txt installed
    for tool in (".venv", ".tools"):
        (target / tool).symlink_to((ROOT / tool).resolve())


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen, folder: Path) -> None:
    """Ctrl-C's path: SIGTERM to make and run.sh, whose clean-up stops what it started."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass
    # Anything still running in the copy was started by this fixture (run.sh failed to stop it).
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and Path(os.readlink(proc / "cwd")).is_relative_to(folder):
                os.kill(int(proc.name), signal.SIGKILL)
        except OSError:
            continue


@pytest.fixture(scope="module")
def make_run(tmp_path_factory) -> Iterator[MakeRun]:
    folder = tmp_path_factory.mktemp("first-run")
    copy_project(folder)
    frontend_port, backend_port = free_port(), free_port()
    env = {name: value for name, value in os.environ.items() if KEPT_ENVIRONMENT.fullmatch(name)}
    env |= {
        "FRONTEND_PORT": str(frontend_port),
        "BACKEND_PORT": str(backend_port),
        "REDIS_PREFIX": f"orion:first-run:{uuid.uuid4().hex[:8]}:",
    }
    log = folder / "make-run.log"
    started = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["make", "run"],
            cwd=folder,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    run = MakeRun(folder, f"http://localhost:{frontend_port}", f"http://localhost:{backend_port}")
    try:
        while not (answers(f"{run.backend}/health/live") and answers(f"{run.frontend}/")):
            if process.poll() is not None:
                pytest.fail(f"make run exited with {process.returncode}:\n{log.read_text()[-4000:]}")
            if time.monotonic() - started > START_TIMEOUT:
                pytest.fail(f"make run did not answer within {START_TIMEOUT} s:\n{log.read_text()[-4000:]}")
            time.sleep(0.5)
        print(f"\nmake run answered after {time.monotonic() - started:.0f} s (fresh copy, full demo seed)")
        yield run
    finally:
        stop(process, folder)


@pytest.fixture
def page(browser, make_run) -> Iterator[Page]:
    """A page of its own (the shared `page` fixture would start the AppHarness server too)."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def image_urls(page: Page) -> set[str]:
    """Every image the page shows or may show: <img> src and srcset candidates, absolute."""
    return set(
        page.evaluate(
            """() => [...document.images].flatMap(img => [
                img.currentSrc || img.src,
                ...(img.srcset || '').split(',').map(c => c.trim().split(/\\s+/)[0]).filter(Boolean)
                    .map(u => new URL(u, document.baseURI).href),
            ]).filter(Boolean)"""
        )
    )


def assert_images_load(page: Page) -> int:
    urls = image_urls(page)
    assert urls, f"no images on {page.url}"
    broken = []
    for url in sorted(urls):
        response = page.request.get(url)
        if response.status != 200 or not response.headers.get("content-type", "").startswith("image/"):
            broken.append(f"{response.status} {response.headers.get('content-type')} {url}")
    assert not broken, f"broken images on {page.url}:\n" + "\n".join(broken)
    return len(urls)


def test_a_first_run_shows_every_photo_on_the_storefront_and_the_dashboard(make_run: MakeRun, page: Page):
    page.goto(f"{make_run.frontend}{STOREFRONT}/products")
    main = page.get_by_role("main")
    card = main.get_by_role("link").filter(has=page.get_by_role("img")).first
    name = card.get_by_role("img").first.get_attribute("alt")
    card.click()
    expect(main.get_by_role("heading", name=name)).to_be_visible()
    expect(main.get_by_role("img", name=name).first).to_be_visible()
    storefront_images = assert_images_load(page)

    sign_in(page, make_run.frontend, "/store/cafe-lux/login", "marie@cafe-lux.lu", PASSWORD)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.goto(f"{make_run.frontend}/store/cafe-lux/products")
    page.get_by_role("table").get_by_role("row").nth(1).get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Edit product")).to_be_visible()
    expect(
        page.get_by_role("region", name="Photos").locator("img").first
    ).to_be_visible()  # alt="": decorative
    dashboard_images = assert_images_load(page)
    print(
        f"\nimages checked: {storefront_images} on the storefront product, {dashboard_images} in the editor"
    )


def edit(path: Path, change) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_saving_a_module_page_or_locale_file_updates_the_open_page(make_run: MakeRun, page: Page):
    page.goto(f"{make_run.frontend}{STOREFRONT}/")
    expect(page.get_by_role("main").get_by_role("heading", name="Café Lëtzebuerg")).to_be_visible()
    marker = f"Edited page {uuid.uuid4().hex[:6]}"
    cms = make_run.folder / "modules" / "cms"

    home = "def storefront_home_page() -> rx.Component:\n    return rx.vstack(\n"
    assert home in (cms / "pages" / "__init__.py").read_text(), (
        "the storefront home page changed shape; update this test"
    )
    started = time.monotonic()
    edit(
        cms / "pages" / "__init__.py",
        lambda text: text.replace(home, f"{home}        rx.text({marker!r}),\n"),
    )
    expect(page.get_by_text(marker)).to_be_visible(timeout=RELOAD_SECONDS * 1000)
    page_seconds = time.monotonic() - started

    welcome = f"Locale edited {uuid.uuid4().hex[:6]} at {{store}}"
    started = time.monotonic()
    for locale in (cms / "locales").glob("*.json"):
        edit(
            locale,
            lambda text: json.dumps(
                json.loads(text) | {"cms.storefront.welcome": welcome}, indent=2, ensure_ascii=False
            ),
        )
    expect(page.get_by_text(welcome.format(store="Café Lëtzebuerg"))).to_be_visible(
        timeout=RELOAD_SECONDS * 1000
    )
    locale_seconds = time.monotonic() - started
    print(
        f"\nhot reload: page edit shown after {page_seconds:.1f} s, locale edit after {locale_seconds:.1f} s"
    )
