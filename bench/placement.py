"""Order placement p50/p95 with 1, 10 and 50 lines (bank transfer: no gateway call), beside
a baseline: the very rows the placement wrote, written again as plain SQL in one
transaction (the stock UPDATEs, the number counter, the order, its lines, timeline,
payment, confirmation mail and stock movements). `python -m bench placement`.

What the ratio buys: catalog's prices re-read, the store and its payment settings, the plan
limit, the mail rendered in the shopper's language and the ORM's bookkeeping.
"""

import time
import uuid

from bench.common import demo_database, fresh_demo_database, percentiles, save_result, throwaway_postgres

SIZES = {1: 60, 10: 40, 50: 20}  # lines per order: samples
WRITTEN = ("shop_order", "order_line", "order_event", "payment", "email_log", "stock_movement")


def _shop(lines: int) -> list[int]:
    """`lines` products with plenty of stock in cafe-lux; their default variant ids."""
    from tests.integration.catalog_helpers import scope
    from tests.integration.orders_helpers import stocked
    from tests.integration.payments_helpers import offer_bank_transfer

    offer_bank_transfer(scope()[0])
    return [stocked(f"BENCH-{n}", "12,50", 100_000)[1] for n in range(lines)]


def _place(variants: list[int]) -> tuple[float, int]:
    from modules.orders.public import place_order
    from orion_app.db import session_scope
    from tests.integration.orders_helpers import placement

    order = placement([(v, 1) for v in variants])
    started = time.perf_counter()
    with session_scope() as session:
        record = place_order(session, order)
    return (time.perf_counter() - started) * 1000, record.id


def _statements(variants: list[int]) -> int:
    """How many SQL statements one placement of these variants runs (an executemany is one)."""
    from sqlalchemy import event

    from modules.orders.public import place_order
    from orion_app.db import get_engine, session_scope
    from tests.integration.orders_helpers import placement

    order = placement([(v, 1) for v in variants])
    seen = []

    def count(*_args):
        seen.append(1)

    event.listen(get_engine(), "before_cursor_execute", count)
    try:
        with session_scope() as session:
            place_order(session, order)
    finally:
        event.remove(get_engine(), "before_cursor_execute", count)
    return len(seen)


def _rows_of(order_id: int) -> dict[str, list[dict]]:
    """What placing `order_id` wrote, table by table, as plain dicts (ids left out)."""
    from sqlalchemy import MetaData, select

    from orion_app.db import get_engine

    engine = get_engine()
    meta = MetaData()
    meta.reflect(engine, only=WRITTEN)
    with engine.connect() as conn:
        order = conn.execute(
            select(meta.tables["shop_order"]).where(meta.tables["shop_order"].c.id == order_id)
        )
        order = dict(order.mappings().one())
        by_order = {
            name: [dict(r) for r in conn.execute(select(t).where(t.c.order_id == order_id)).mappings()]
            for name, t in meta.tables.items()
            if name in ("order_line", "order_event", "payment")
        }
        mail = meta.tables["email_log"]
        by_order["email_log"] = [
            dict(conn.execute(select(mail).order_by(mail.c.id.desc()).limit(1)).mappings().one())
        ]
        moves = meta.tables["stock_movement"]
        reason = f"order {order['idempotency_key']}"
        by_order["stock_movement"] = [
            dict(r) for r in conn.execute(select(moves).where(moves.c.reason == reason)).mappings()
        ]
    return {"shop_order": [order], **by_order}


def _baseline(rows: dict[str, list[dict]]) -> float:
    """The same writes as plain SQL in one transaction: stock reserved per line, the counter
    taken, then every row inserted again (unique columns given new values)."""
    from sqlalchemy import MetaData, text

    from orion_app.db import get_engine

    engine = get_engine()
    meta = MetaData()
    meta.reflect(engine, only=WRITTEN)
    fresh = uuid.uuid4().hex
    order = dict(rows["shop_order"][0], number=f"B-{fresh[:12]}", idempotency_key=fresh)
    order.pop("id")
    started = time.perf_counter()
    with engine.begin() as conn:
        for line in rows["order_line"]:
            conn.execute(
                text(
                    "UPDATE stock_level SET reserved = reserved + :n WHERE store_id = :s AND variant_id = :v"
                    " AND quantity - reserved >= :n"
                ),
                {"n": line["quantity"], "s": line["store_id"], "v": line["variant_id"]},
            )
        conn.execute(
            text("UPDATE order_counter SET last = last + 1 WHERE store_id = :s RETURNING last"),
            {"s": order["store_id"]},
        ).all()
        order_id = conn.execute(meta.tables["shop_order"].insert().values(order)).inserted_primary_key[0]
        for name in ("order_line", "order_event", "payment", "email_log", "stock_movement"):
            values = [{k: v for k, v in r.items() if k != "id"} for r in rows[name]]
            for value in values:
                if "order_id" in value:
                    value["order_id"] = order_id
                if name == "payment":
                    value["idempotency_key"] = f"b:{fresh}"
            if values:
                conn.execute(meta.tables[name].insert(), values)
    return (time.perf_counter() - started) * 1000


def _measure() -> dict:
    variants = _shop(max(SIZES))
    result = {}
    for lines, samples in SIZES.items():
        _place(variants[:lines])  # warm: first statements of this shape
        placed, baseline = [], []
        for _ in range(samples):
            ms, order_id = _place(variants[:lines])
            placed.append(ms)
            baseline.append(_baseline(_rows_of(order_id)))
        p, b = percentiles(placed), percentiles(baseline)
        result[f"{lines}_lines"] = {
            "placement_ms": p,
            "baseline_sql_ms": b,
            "ratio_p50": round(p["p50"] / b["p50"], 2),
            "ratio_p95": round(p["p95"] / b["p95"], 2),
            "statements": _statements(variants[:lines]),
        }
        row = result[f"{lines}_lines"]
        print(
            f"{lines:>3} lines: placement p50 {p['p50']:.1f} ms p95 {p['p95']:.1f} ms | plain SQL p50 "
            f"{b['p50']:.1f} ms p95 {b['p95']:.1f} ms | ratio {row['ratio_p50']}x / {row['ratio_p95']}x (p95)"
            f" | {row['statements']} statements",
            flush=True,
        )
    return result


def run() -> dict:
    fresh_demo_database()
    print("SQLite", flush=True)
    result = {"sqlite": _measure()}
    with throwaway_postgres() as url:
        if url is not None:
            demo_database(url)
            print("PostgreSQL", flush=True)
            result["postgresql"] = _measure()
    save_result(result, "placement")
    return result


if __name__ == "__main__":
    run()
