"""Billing jobs with a frozen clock: trial reminders at 7/3/1 days (mails in the sink), the
trial's end without a card (read-only), one run per slot however often it is started."""

from datetime import timedelta

from sqlmodel import select

from modules.billing.jobs import check_trial_expirations, slot_of
from modules.billing.models import JobRun, Subscription
from modules.billing.public import job_runs, start_trial, subscription_of
from modules.contracts.public import feature_limit
from orion_app.db import session_scope, utcnow
from tests.integration.helpers import platform_id
from tests.integration.messaging_helpers import deliver_queued
from tests.integration.test_billing_plans import _merchant


def test_trial_reminders_then_read_only_once_per_slot(demo, mail_sink):
    oms, velo = platform_id("oms"), _merchant("Vëlo Weber SA")
    _merchant("Atelier Lux SARL")  # the demo's other trial: only Vëlo Weber's counts here
    start = utcnow().replace(hour=0, minute=30, second=0, microsecond=0)
    with session_scope() as session:
        start_trial(session, velo, oms, "essential", now=start)
        session.commit()
    for day in (23, 27, 29):  # 7, 3 and 1 day(s) left
        at = start + timedelta(days=day, minutes=40)
        first = check_trial_expirations(now=at)
        assert first is not None and first.status == "done" and first.counts == {"reminders": 1}
        assert check_trial_expirations(now=at) is None  # the same slot: nothing more
    deliver_queued()
    for days in ("7", "3", "1"):
        mail_sink.wait_for(to="jean@velo.lu", subject_contains=f"ends in {days} day")
    assert len(mail_sink.messages()) == 3
    run = check_trial_expirations(now=start + timedelta(days=30, minutes=40))
    assert run.counts == {"read_only": 1}
    with session_scope() as session:
        record = subscription_of(session, velo, oms)
        assert record.read_only and record.status == "read_only"
        runs = session.exec(select(JobRun).where(JobRun.job == "check_trial_expirations")).all()
        assert len(runs) == 4 and len({r.slot for r in runs}) == 4
        assert job_runs(session)[0].job == "check_trial_expirations"
        assert session.exec(select(Subscription.mails_sent).where(Subscription.merchant_id == velo)).first()
    # Read-only: no room for any counted feature.
    assert feature_limit(velo, oms, "products_limit") == 0


def test_slot_is_the_cron_time_at_or_before_now():
    at = utcnow().replace(hour=14, minute=29, second=5, microsecond=0)
    assert slot_of("sync_stripe_status", at) == (at - timedelta(hours=1)).strftime("%Y-%m-%dT%H:30")
    assert slot_of("sync_stripe_status", at.replace(minute=30, second=0)) == at.strftime("%Y-%m-%dT%H:30")
