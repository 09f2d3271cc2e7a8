"""Development Stripe: localstripe on PAYMENTS_STRIPE_API_BASE's port, sending its signed
events to Orion's `/webhooks/stripe` (started by `make run`).

    python -m modules.payments.localstripe_dev --webhook http://127.0.0.1:8000/webhooks/stripe

State lives in memory only (localstripe's own pickle in /tmp is neither read nor trusted)."""

import argparse
import logging
from urllib.parse import urlsplit

from aiohttp import web
from localstripe.resources import store
from localstripe.server import app
from localstripe.webhooks import register_webhook

from modules.payments.config import get_payments_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--webhook", default="http://127.0.0.1:8000/webhooks/stripe")
    args = parser.parse_args()
    config = get_payments_config()
    port = urlsplit(config.stripe_api_base).port or 8420
    store.clear()
    register_webhook("orion", args.webhook, config.stripe_webhook_secret, None)
    logging.basicConfig(level=logging.WARNING)
    print(
        f"localstripe at http://127.0.0.1:{port} (Stripe.js at /js.stripe.com/v3/), events to {args.webhook}"
    )
    web.run_app(app, host="127.0.0.1", port=port, print=None)


if __name__ == "__main__":
    main()
