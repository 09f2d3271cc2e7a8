"""1,000 queued e-mails delivered by a real RQ worker to a local aiosmtpd sink.

Reports mails/s from the first job to the last and the worker's peak memory (its largest
process: the worker or a job's work horse), beside a baseline: the same 1,000 rendered
messages sent with plain smtplib over one connection. `python -m bench mail_delivery`.
"""

import os
import resource
import smtplib
import subprocess
import sys
import time

from bench.common import ROOT, fresh_demo_database
from tests.mail_sink import MailSink, point_messaging_at

COUNT = 1000


def _queue_mails(count: int) -> tuple[int, int]:
    from sqlmodel import select

    from modules.messaging.models import EmailLog
    from modules.messaging.public import send_message
    from modules.tenancy.public import platform_by_code
    from orion_app.db import session_scope

    with session_scope() as session:
        platform = platform_by_code(session, "oms")
        for n in range(count):
            context = {"link": f"https://oms.example/reset?token={n}", "valid_minutes": 60}
            send_message(
                session, kind="tenancy.reset_password", to_email=f"bench{n}@example.lu", to_name=f"Bench {n}",
                platform_id=platform.id, context=context,
            )  # fmt: skip
        session.commit()
        return count, len(session.exec(select(EmailLog.id)).all())


def _baseline(sink: MailSink) -> float:
    from sqlmodel import select

    from modules.messaging.models import EmailLog
    from modules.messaging.services.delivery import build_message
    from modules.messaging.services.settings import smtp_config
    from orion_app.db import session_scope

    with session_scope() as session:
        rows = session.exec(select(EmailLog)).all()
        cfg = smtp_config(session, rows[0].platform_id)
        messages = []
        for row in rows:  # the rendered texts are emptied once sent: rebuild from a copy
            row.message_id = f"<baseline-{row.id}@orion.localhost>"
            row.body_text = row.body_html = f"Baseline {row.id} https://oms.example/reset?token={row.id}"
            messages.append(build_message(row, cfg))
        session.rollback()
    started = time.perf_counter()
    with smtplib.SMTP(sink.host, sink.port) as client:
        for msg in messages:
            client.send_message(msg)
    return len(messages) / (time.perf_counter() - started)


def run() -> dict:
    fresh_demo_database()
    sink = MailSink()
    sink.start()
    point_messaging_at(sink)
    try:
        queued, _ = _queue_mails(COUNT)
        started = time.perf_counter()
        worker = subprocess.run(
            [sys.executable, "-m", "orion_app", "worker", "--burst", "--queues", "default"],
            cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        assert worker.returncode == 0, worker.stderr[-2000:]
        delivered = len(sink.messages())
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rate = delivered / elapsed
        sink.clear()
        baseline = _baseline(sink)
    finally:
        sink.stop()
    return {
        "queued": queued,
        "delivered": delivered,
        "worker_seconds": round(elapsed, 2),
        "mails_per_s": round(rate, 1),
        "worker_peak_rss_mb": round(peak_kb / 1024, 1),
        "baseline_smtplib_mails_per_s": round(baseline, 1),
        "baseline_ratio": round(baseline / rate, 1),
    }


if __name__ == "__main__":
    print(run())
