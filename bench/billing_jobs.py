"""`reset_period_counters` and `sync_stripe_status` over 1,000, 5,000 and 10,000 merchants:
time, SQL statements and the cost per merchant at each size, to show both grow linearly.
`python -m bench.billing_jobs` (or `python -m bench billing_jobs`).

The demo database gets N merchants, each with one store on `oms` and a subscription on
Essential linked to a Stripe subscription (bulk inserts, like bench/placement.py's rows).
Stripe is a local HTTP server speaking Stripe's list-subscriptions wire format
(`GET /v1/subscriptions`: `limit`, `starting_after`, `has_more`, `data[]` with
`latest_invoice` expanded), so the sync pages through the account 100 at a time, as it does
against Stripe. 1 % of the subscriptions differ at Stripe on each run (cancel at period end
flipped), so each sync run fixes and logs those. Statements are counted by a SQLAlchemy
`before_cursor_execute` listener; HTTP calls by the fake server. SQLite, then PostgreSQL
when one answers on 127.0.0.1:5432.
"""

import json
import os
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from bench.common import demo_database, fresh_demo_database, save_result, throwaway_postgres

SIZES = tuple(int(n) for n in os.environ.get("BENCH_BILLING_SIZES", "1000,5000,10000").split(","))
PORT = 8160  # this bench's fake Stripe
PLAN = "plan_bench_essential"
PERIOD_START = int(datetime(2026, 1, 1, tzinfo=UTC).timestamp())
PERIOD_END = PERIOD_START + 31 * 86400
ID_BASE = 1_000_000  # ids of the bench's rows, far above the demo's


class FakeStripe:
    """Stripe's list-subscriptions endpoint over the bench's subscriptions."""

    def __init__(self):
        self.subscriptions: list[dict] = []
        self.index: dict[str, int] = {}
        self.calls = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_GET(self):
                url = urlsplit(self.path)
                if url.path != "/v1/subscriptions":
                    self.send_error(404)
                    return
                fake.calls += 1
                body = json.dumps(fake.page(parse_qs(url.query))).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def page(self, query: dict) -> dict:
        limit = min(int(query.get("limit", ["10"])[0]), 100)
        after = query.get("starting_after", [""])[0]
        start = self.index[after] + 1 if after else 0
        data = self.subscriptions[start : start + limit]
        expand = "data.latest_invoice" in query.get("expand[]", [])
        return {
            "object": "list",
            "url": "/v1/subscriptions",
            "has_more": start + limit < len(self.subscriptions),
            "data": [
                sub if expand else sub | {"latest_invoice": sub["latest_invoice"]["id"]} for sub in data
            ],
        }

    def add(self, first: int, count: int) -> None:
        for n in range(first, first + count):
            sub_id = f"sub_bench_{n:06d}"
            plan = {"id": PLAN, "object": "plan", "amount": 4900, "currency": "eur", "interval": "month"}
            self.index[sub_id] = len(self.subscriptions)
            self.subscriptions.append(
                {
                    "id": sub_id,
                    "object": "subscription",
                    "customer": f"cus_bench_{n:06d}",
                    "status": "active",
                    "plan": plan,
                    "items": {
                        "object": "list",
                        "data": [{"id": f"si_bench_{n:06d}", "object": "subscription_item", "plan": plan}],
                    },
                    "current_period_start": PERIOD_START,
                    "current_period_end": PERIOD_END,
                    "cancel_at_period_end": False,
                    "latest_invoice": {"id": f"in_bench_{n:06d}", "object": "invoice", "status": "paid"},
                    "metadata": {},
                }
            )

    def flip_one_percent(self) -> int:
        """What Stripe changed without telling us (a dropped webhook) on 1 % of them."""
        flipped = 0
        for n, sub in enumerate(self.subscriptions):
            if n % 100 == 0:
                sub["cancel_at_period_end"] = not sub["cancel_at_period_end"]
                flipped += 1
        return flipped

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _add_merchants(first: int, count: int) -> None:
    """`count` merchants (ids from ID_BASE + first) with a store on oms and a subscription on
    Essential linked to Stripe, in a few bulk inserts."""
    from sqlalchemy import select, update
    from sqlmodel import Session

    from modules.billing.models import Plan, Subscription
    from modules.tenancy.models import Merchant, Platform, Store, StorePlatform
    from orion_app.db import get_engine

    engine = get_engine()
    now = datetime.now(UTC)
    start, end = datetime.fromtimestamp(PERIOD_START, UTC), datetime.fromtimestamp(PERIOD_END, UTC)
    with Session(engine) as session:
        oms = session.execute(select(Platform.id).where(Platform.code == "oms")).scalar_one()
        plan = session.execute(
            select(Plan.id).where(Plan.platform_id == oms, Plan.code == "essential")
        ).scalar_one()
        session.execute(update(Plan).where(Plan.id == plan).values(stripe_plan_monthly=PLAN))
        ids = range(ID_BASE + first, ID_BASE + first + count)
        common = {"created_at": now}
        rows = {
            Merchant: lambda i: (
                {
                    "name": f"Bench merchant {i}",
                    "legal_name": "",
                    "contact_email": f"m{i}@bench.lu",
                    "vat_number": "",
                    "platform_id": oms,
                }
                | common
            ),
            Store: lambda i: (
                {
                    "merchant_id": i,
                    "code": f"bench-{i}",
                    "name": f"Bench {i}",
                    "languages": "fr,en",
                    "default_language": "fr",
                    "is_active": True,
                }
                | common
            ),
            StorePlatform: lambda i: {
                "store_id": i,
                "platform_id": oms,
                "subdomain": f"bench-{i}",
                "is_home": True,
            },
            Subscription: lambda i: (
                {
                    "merchant_id": i,
                    "platform_id": oms,
                    "plan_id": plan,
                    "interval": "month",
                    "status": "active",
                    "current_period_start": start,
                    "current_period_end": end,
                    "cancel_at_period_end": False,
                    "pending_interval": "",
                    "stripe_customer_id": f"cus_bench_{i - ID_BASE:06d}",
                    "stripe_subscription_id": f"sub_bench_{i - ID_BASE:06d}",
                    "card_brand": "Visa",
                    "card_last4": "4242",
                    "mails_sent": [],
                    "updated_at": now,
                }
                | common
            ),
        }
        for model, row in rows.items():  # in this order: each refers to the one before
            session.execute(model.__table__.insert(), [{"id": i} | row(i) for i in ids])
        session.commit()


def _counted(job, now: datetime) -> tuple[float, int, object]:
    """Run `job` for the slot of `now`: (milliseconds, SQL statements, its JobRun)."""
    from sqlalchemy import event

    from orion_app.db import get_engine

    engine = get_engine()
    statements = [0]

    def count(*_args):
        statements[0] += 1

    event.listen(engine, "before_cursor_execute", count)
    try:
        started = time.perf_counter()
        run = job(now=now)
        elapsed = (time.perf_counter() - started) * 1000
    finally:
        event.remove(engine, "before_cursor_execute", count)
    if run is None or run.status != "done":
        raise RuntimeError(f"{job.__name__} did not run: {run and run.errors}")
    return elapsed, statements[0], run


def _measure(fake: FakeStripe) -> dict:
    from sqlalchemy import func, select
    from sqlmodel import Session

    from modules.billing.jobs import reset_period_counters, sync_stripe_status
    from modules.billing.models import Subscription
    from modules.payments.config import get_payments_config
    from orion_app.db import get_engine

    os.environ.update(
        PAYMENTS_STRIPE_API_BASE=f"http://127.0.0.1:{PORT}",
        PAYMENTS_STRIPE_SECRET_KEY="sk_test_bench",
        PAYMENTS_STRIPE_PUBLISHABLE_KEY="pk_test_bench",
    )
    get_payments_config.cache_clear()
    fake.subscriptions.clear()
    fake.index.clear()
    result: dict = {}
    have = 0
    for step, size in enumerate(SIZES):
        _add_merchants(have, size - have)
        fake.add(have, size - have)
        have = size
        with Session(get_engine()) as session:
            total = session.execute(select(func.count()).select_from(Subscription)).scalar_one()
        # Each size its own slots: the 1st of a later month 00:05, and an hour's :30.
        month = datetime(2027, 1 + step, 1, 0, 5, tzinfo=UTC)
        reset_ms, reset_sql, reset_run = _counted(reset_period_counters, month)
        flipped = fake.flip_one_percent()
        fake.calls = 0
        sync_ms, sync_sql, sync_run = _counted(sync_stripe_status, month + timedelta(minutes=25))
        result[str(size)] = {
            "subscriptions": total,
            "reset_period_counters": {
                "ms": round(reset_ms, 1),
                "statements": reset_sql,
                "ms_per_merchant": round(reset_ms / total, 4),
                "statements_per_merchant": round(reset_sql / total, 4),
                "snapshots": reset_run.counts.get("snapshots", 0),
            },
            "sync_stripe_status": {
                "ms": round(sync_ms, 1),
                "statements": sync_sql,
                "http_calls": fake.calls,
                "ms_per_merchant": round(sync_ms / total, 4),
                "statements_per_merchant": round(sync_sql / total, 4),
                "checked": sync_run.counts.get("checked", 0),
                "fixed": sync_run.counts.get("fixed", 0),
                "differences_made": flipped,
            },
        }
        r, s = result[str(size)]["reset_period_counters"], result[str(size)]["sync_stripe_status"]
        print(
            f"{size:>6} merchants ({total} subscriptions): reset {r['ms']:.0f} ms, "
            f"{r['statements']} statements ({r['ms_per_merchant']:.3f} ms/merchant) | sync "
            f"{s['ms']:.0f} ms, {s['statements']} statements, {s['http_calls']} HTTP calls, "
            f"{s['fixed']} fixed ({s['ms_per_merchant']:.3f} ms/merchant)",
            flush=True,
        )
    return result


def run() -> dict:
    fake = FakeStripe()
    try:
        fresh_demo_database()
        print("SQLite", flush=True)
        result = {"sqlite": _measure(fake)}
        if os.environ.get("BENCH_BILLING_SQLITE_ONLY"):
            return result
        with throwaway_postgres() as url:
            if url is None:
                result["postgresql"] = "no server on 127.0.0.1:5432"
            else:
                demo_database(url)
                print("PostgreSQL", flush=True)
                result["postgresql"] = _measure(fake)
    finally:
        fake.stop()
    return result


if __name__ == "__main__":
    outcome = run()
    print(json.dumps(outcome, indent=2))
    print(save_result(outcome, "billing_jobs"))
