"""Invoice PDFs per second and the peak memory of generating 1,000 invoices in one job,
beside a baseline in the same run: the same page drawn by bare fpdf2, without the
Factur-X XML and the PDF/A-3 conversion. `python -m bench.invoices`.

Each phase runs in its own forked process, so `resource.getrusage(RUSAGE_SELF).ru_maxrss`
(the peak resident memory) is that phase's alone; the growth over the process's size at
its start is what the 1,000 documents cost. A third phase issues real invoices end to end
(numbering, the row, the PDF rendered, hashed and written) for paid orders of the demo
store on SQLite: what the ratio buys beyond the page is the e-invoice and the bookkeeping.
"""

import multiprocessing
import os
import resource
import tempfile
import time
from datetime import UTC, datetime

COUNT = 1000
ISSUED = 200  # invoices issued end to end (each needs a paid order placed first)


def _sample_invoice():
    from modules.orders.models import Invoice
    from modules.orders.services.invoices import totals_of

    lines = [
        {
            "sku": f"SKU-{n}",
            "title": f"Café en grains {n}, 250 g",
            "options": "Moulu",
            "quantity": 2,
            "vat_rate": "17" if n % 2 else "3",
            "net_cents": 2137 if n % 2 else 2427,
            "vat_cents": 363 if n % 2 else 73,
            "gross_cents": 2500,
        }
        for n in range(5)
    ]
    totals = totals_of(lines)
    return Invoice(
        store_id=1,
        merchant_id=1,
        order_id=1,
        number="INV-2026-000001",
        year=2026,
        issued_at=datetime.now(UTC),
        language="fr",
        seller={
            "legal_name": "Café Lëtzebuerg SARL",
            "address": "1, rue du Marché\nL-1111 Luxembourg",
            "country": "LU",
            "vat_number": "LU12345613",
            "registration_number": "B123456",
        },
        buyer={
            "name": "Léa Weber",
            "line1": "12, rue de Hollerich",
            "postal_code": "1740",
            "city": "Luxembourg",
            "country": "LU",
            "order_number": "CL-2026-000001",
        },
        lines=lines,
        totals=totals,
        net_cents=sum(t["net_cents"] for t in totals),
        vat_cents=sum(t["vat_cents"] for t in totals),
        gross_cents=sum(t["gross_cents"] for t in totals),
        payment_method="card",
        payment_terms="Payée le 2026-11-29. Aucun montant restant dû.",
        legal_mention="none",
    )


def _render_many(full: bool, queue) -> None:
    """In a forked child: `COUNT` documents rendered one after the other, as one job would."""
    from modules.orders.services.pdf_documents import draw_document, render_document

    doc = _sample_invoice()
    start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, size = time.perf_counter(), 0
    for n in range(1, COUNT + 1):
        doc.number = f"INV-2026-{n:06d}"
        size += len(render_document(doc) if full else draw_document(doc))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put(
        {
            "per_second": round(COUNT / seconds, 1),
            "peak_rss_mb": round(peak / 1024, 1),
            "growth_mb": round((peak - start_rss) / 1024, 1),
            "avg_kb": round(size / COUNT / 1024, 1),
        }
    )


def _phase(target, *args) -> dict:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def _issue_end_to_end(queue) -> None:
    """In a forked child: `ISSUED` paid orders, then their invoices issued one transaction each."""
    from bench.common import fresh_demo_database
    from modules.orders.services.invoices import issue_invoice, save_invoice_settings
    from orion_app.db import session_scope
    from orion_app.settings import get_settings
    from tests.integration.catalog_helpers import scope
    from tests.integration.invoices_helpers import paid_order
    from tests.integration.orders_helpers import stocked
    from tests.integration.payments_helpers import offer_bank_transfer

    os.environ["MEDIA_DIR"] = tempfile.mkdtemp(prefix="orion-bench-media-")
    get_settings.cache_clear()
    fresh_demo_database()
    store_id = scope()[0]
    offer_bank_transfer(store_id)
    with session_scope() as session:
        save_invoice_settings(session, store_id, invoice_on="shipment")  # not at payment: below
    variant = stocked("BENCH", "12,50", 100_000)[1]
    orders = [paid_order(variant, 2) for _ in range(ISSUED)]
    started = time.perf_counter()
    for record in orders:
        with session_scope() as session:
            issue_invoice(session, record.store_id, record.id)
    seconds = time.perf_counter() - started
    queue.put({"per_second": round(ISSUED / seconds, 1), "count": ISSUED})


def run() -> dict:
    bare = _phase(_render_many, False)
    full = _phase(_render_many, True)
    issued = _phase(_issue_end_to_end)
    result = {
        "count": COUNT,
        "baseline_bare_fpdf2": bare,
        "factur_x_pdf_a3": full,
        "issued_end_to_end_sqlite": issued,
        "ratio_speed_bare_over_full": round(bare["per_second"] / full["per_second"], 2),
        "ratio_growth_full_over_bare": round(full["growth_mb"] / max(bare["growth_mb"], 0.1), 2),
    }
    from bench.common import save_result

    save_result(result, "invoices")
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
