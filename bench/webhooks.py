"""Stripe webhooks processed per second through the real `POST /webhooks/stripe` (Orion's
ASGI app, signature checked, event recorded, payment advanced, event dispatched, committed),
beside a baseline: the same rows written as plain SQL, one transaction per event.
`python -m bench webhooks`.
"""

import asyncio
import logging
import time
import uuid

from bench.common import fresh_demo_database
from tests.integration.payments_helpers import signed, stripe_event

COUNT = 500
RECORD = (
    "INSERT INTO payment_gateway_event (gateway, event_id, type, outcome, detail, summary, deliveries,"
    " received_at) VALUES ('stripe', :e, 'payment_intent.succeeded', 'applied', '', '', 1, CURRENT_TIMESTAMP)"
)
FIND = "SELECT id FROM payment WHERE gateway = 'stripe' AND gateway_ref = :r"
ADVANCE = "UPDATE payment SET status = 'succeeded' WHERE id = :p"
DISPATCH = (
    "INSERT INTO payment_event (payment_id, store_id, order_id, kind, amount_cents, refunded_cents, source,"
    " actor, occurred_at) VALUES (:p, :s, :o, 'succeeded', 1000, 0, 'bench', 'Stripe', CURRENT_TIMESTAMP)"
)


def _payments(count: int) -> tuple[int, list[str]]:
    from modules.payments.models import Payment
    from modules.tenancy.public import platform_by_code
    from orion_app.db import session_scope
    from tests.integration.helpers import store_id

    store = store_id("cafe-lux")
    refs = [f"pi_bench_{uuid.uuid4().hex[:16]}" for _ in range(count)]
    with session_scope() as session:
        platform = platform_by_code(session, "oms")
        for n, ref in enumerate(refs):
            session.add(
                Payment(
                    store_id=store, platform_id=platform.id, order_id=n + 1, reference=f"B-{n}",
                    method="card", gateway="stripe", gateway_ref=ref, amount_cents=1000, idempotency_key=ref,
                )
            )  # fmt: skip
    return store, refs


async def _deliver(bodies: list[tuple[bytes, str]]) -> float:
    import httpx

    from orion_app.api import build_api
    from orion_app.registry import get_registry

    logging.getLogger("httpx").setLevel(logging.WARNING)
    transport = httpx.ASGITransport(app=build_api(get_registry()))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        started = time.perf_counter()
        for payload, header in bodies:
            response = await client.post(
                "/webhooks/stripe", content=payload, headers={"Stripe-Signature": header}
            )
            assert response.json() == {"outcome": "applied"}, response.text
        return time.perf_counter() - started


def _baseline(store: int, refs: list[str]) -> float:
    from sqlalchemy import text

    from orion_app.db import get_engine

    engine = get_engine()
    started = time.perf_counter()
    for n, ref in enumerate(refs):
        with engine.begin() as conn:
            conn.execute(text(RECORD), {"e": f"evt_base_{n}"})
            payment_id = conn.execute(text(FIND), {"r": ref}).scalar_one()
            conn.execute(text(ADVANCE), {"p": payment_id})
            conn.execute(text(DISPATCH), {"p": payment_id, "s": store, "o": n + 1})
    return time.perf_counter() - started


def run() -> dict:
    import os

    os.environ.setdefault("PAYMENTS_STRIPE_WEBHOOK_SECRET", "whsec_orion_tests")
    from modules.payments.config import get_payments_config

    get_payments_config.cache_clear()
    secret = get_payments_config().stripe_webhook_secret
    fresh_demo_database()
    store, refs = _payments(COUNT)
    bodies = [
        signed(stripe_event("payment_intent.succeeded", ref, amount=1000), secret=secret) for ref in refs
    ]
    endpoint = asyncio.run(_deliver(bodies))
    _store, base_refs = _payments(COUNT)
    baseline = _baseline(store, base_refs)
    result = {
        "events": COUNT,
        "webhooks_per_s": round(COUNT / endpoint, 1),
        "baseline_sql_per_s": round(COUNT / baseline, 1),
        "ratio": round(endpoint / baseline, 2),
    }
    print(f"webhooks: {result['webhooks_per_s']}/s, plain SQL: {result['baseline_sql_per_s']}/s, "
          f"ratio {result['ratio']}x")  # fmt: skip
    return result


if __name__ == "__main__":
    run()
