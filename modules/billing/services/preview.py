"""Which merchants a plan edit leaves over a limit (the edit is allowed; the admin sees them)."""

from sqlmodel import Session, select

from modules.billing.models import JobRun, Subscription
from modules.billing.records import AffectedMerchant, JobRunRecord
from modules.billing.services.plans import clean_values, declared_limit, plan_row
from modules.billing.services.usage import usage_counts_many
from modules.tenancy.public import merchant_by_id, merchant_store_ids, store_by_id
from orion_app.errors import FieldErrors


def preview_plan_change(
    session: Session, platform_id: int, plan_id: int, values: dict
) -> list[AffectedMerchant]:
    plan_row(session, platform_id, plan_id)
    clean, errors = clean_values(values)
    if errors:
        raise FieldErrors(errors)
    merchants = list(
        session.exec(
            select(Subscription.merchant_id).where(
                Subscription.platform_id == platform_id,
                (Subscription.plan_id == plan_id) | (Subscription.pending_plan_id == plan_id),
                Subscription.status != "canceled",
            )
        )
    )
    if not merchants:
        return []
    usage = usage_counts_many(session, merchants, platform_id)
    stores = merchant_store_ids(session, merchants, platform_id)
    affected = []
    for merchant_id in merchants:
        over = {}
        for feature, used in usage[merchant_id].items():
            limit = declared_limit(clean["limits"], feature)
            if limit is not None and used > limit:
                over[feature] = (used, limit)
        if over:
            merchant = merchant_by_id(session, merchant_id)
            codes = tuple(
                sorted(
                    s.code for i in stores[merchant_id] if (s := store_by_id(session, i, active_only=False))
                )
            )
            affected.append(AffectedMerchant(merchant_id, merchant.name if merchant else "", codes, over))
    return sorted(affected, key=lambda a: a.name)


def job_runs(session: Session, limit: int = 50) -> list[JobRunRecord]:
    rows = session.exec(select(JobRun).order_by(JobRun.started_at.desc(), JobRun.id.desc()).limit(limit))
    return [
        JobRunRecord(
            id=r.id,
            job=r.job,
            slot=r.slot,
            status=r.status,
            started_at=r.started_at,
            finished_at=r.finished_at,
            counts=dict(r.counts),
            fixes=tuple(r.fixes),
            errors=r.errors,
        )
        for r in rows
    ]
