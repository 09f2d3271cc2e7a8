"""Sign-up on a platform's site: a new merchant with its owner and first store (tenancy's
rules and rows), on the chosen plan's trial, with the owner signed in. One transaction: the
caller commits, and a refusal leaves nothing behind."""

from datetime import datetime

from sqlmodel import Session

from modules.billing.records import SignUpForm, SignUpResult
from modules.billing.services.plans import plan_by_code
from modules.billing.services.subscriptions import start_trial
from modules.tenancy.public import create_merchant_with_store, open_staff_session, platform_by_code
from orion_app.errors import FieldErrors, NotFound


def _plan_errors(session: Session, platform_id: int, form: SignUpForm) -> dict[str, str]:
    if form.interval not in ("month", "year"):
        return {"interval": "billing.error.interval"}
    try:
        plan = plan_by_code(session, platform_id, form.plan_code)
    except NotFound:
        return {"plan": "billing.error.no_plan"}
    if plan.on_request or not plan.active:
        return {"plan": "billing.error.plan_on_request"}
    return {}


def sign_up(
    session: Session,
    platform_code: str,
    form: SignUpForm,
    ip: str = "",
    *,
    now: datetime | None = None,
    signed_in: bool = True,
) -> SignUpResult:
    """Merchant, owner and store on the platform `platform_code`, the trial of the form's
    plan (a self-serve, active one) and a staff session token for the owner.

    The store is on the platform like any other: the modules the platform enables, of which
    the plan layer (`plan_access`) lets through the core ones and the plan's optional ones.
    Bad input raises `FieldErrors` keyed by the form's fields (plan, interval, merchant_name,
    owner_name, email, password, store_code, store_name, languages, default_language).
    `now` (tests, demo) is when the trial starts; `signed_in=False` (the demo seed) opens no
    session for the owner (`session_token` is "")."""
    platform = platform_by_code(session, platform_code)
    if platform is None:
        raise NotFound()
    errors = _plan_errors(session, platform.id, form)
    if errors:  # the plan step's, before anything is added
        raise FieldErrors(errors)
    created = create_merchant_with_store(
        session,
        platform.id,
        merchant_name=form.merchant_name,
        owner_name=form.owner_name,
        email=form.email,
        password=form.password,
        store_code=form.store_code,
        store_name=form.store_name,
        languages=form.languages,
        default_language=form.default_language,
        ui_language=form.ui_language,
        vat_number=form.vat_number,
    )
    start_trial(session, created.merchant_id, platform.id, form.plan_code, form.interval, now=now)
    token = open_staff_session(session, created.user_id, ip) if signed_in else ""
    return SignUpResult(
        user_id=created.user_id,
        merchant_id=created.merchant_id,
        store_id=created.store_id,
        store_code=created.store_code,
        session_token=token,
    )
