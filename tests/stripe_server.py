"""A real Stripe-compatible server for tests (localstripe on a free port), and the
`stripe_server` fixture.

One localstripe process per test session (`--from-scratch`: no state from earlier runs),
and an in-process HTTP server that serves payments' real `POST /webhooks/stripe` route.
localstripe is told (its `/_config/webhooks/<name>` endpoint) to POST its signed events
there, about a second after the API call that raised them. `PAYMENTS_*` point the stripe
SDK (`api_base`, keys, webhook secret) at it. `point_webhooks_at(url)` sends the events to
another backend instead (e.g. the e2e tests' own server). See docs/payments.md for what
localstripe does and does not do.
"""

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette

SECRET_KEY = "sk_test_orion_tests"
PUBLISHABLE_KEY = "pk_test_orion_tests"
WEBHOOK_SECRET = "whsec_orion_tests"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WebhookReceiver:
    """payments' webhook route, served by uvicorn in a thread of the test process (so it
    writes to the test's database)."""

    def __init__(self):
        from modules.payments.api import routes

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/webhooks/stripe"
        config = uvicorn.Config(
            Starlette(routes=routes()), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("The webhook receiver did not start.")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(5)


class StripeServer:
    def __init__(self):
        self.port = free_port()
        self.api_base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "localstripe", "--port", str(self.port), "--from-scratch"],
            cwd=tempfile.mkdtemp(prefix="localstripe-"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise RuntimeError("localstripe stopped at start.")
            try:
                if httpx.get(f"{self.api_base}/js.stripe.com/v3/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("localstripe did not start within 30 s.")
            time.sleep(0.1)
        self.receiver = WebhookReceiver()
        self.webhook_url = self.receiver.url

    @property
    def stripe_js_url(self) -> str:
        return f"{self.api_base}/js.stripe.com/v3/"

    def point_webhooks_at(self, url: str) -> None:
        """localstripe POSTs every event, signed with WEBHOOK_SECRET, to `url` (only there)."""
        response = httpx.post(
            f"{self.api_base}/_config/webhooks/orion", data={"url": url, "secret": WEBHOOK_SECRET}, timeout=5
        )
        response.raise_for_status()
        self.webhook_url = url

    def point_payments_here(self) -> None:
        """This process (and the processes it starts) use localstripe as Stripe."""
        os.environ.update(
            PAYMENTS_STRIPE_API_BASE=self.api_base,
            PAYMENTS_STRIPE_SECRET_KEY=SECRET_KEY,
            PAYMENTS_STRIPE_PUBLISHABLE_KEY=PUBLISHABLE_KEY,
            PAYMENTS_STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
        )
        from modules.payments.config import get_payments_config

        get_payments_config.cache_clear()

    def stop(self) -> None:
        self.receiver.stop()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def stripe_server_process():
    server = StripeServer()
    yield server
    server.stop()


@pytest.fixture
def stripe_server(stripe_server_process) -> StripeServer:
    """localstripe, with payments pointed at it and its webhooks sent to this process."""
    stripe_server_process.point_payments_here()
    stripe_server_process.point_webhooks_at(stripe_server_process.receiver.url)
    return stripe_server_process
