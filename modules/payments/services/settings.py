"""Gateway settings: a platform's Stripe account (secrets encrypted) and a store's methods.

Secrets are written, never read back to a page: views say only whether one is set. A
platform without a row uses the PAYMENTS_* settings (`config.py`)."""

from dataclasses import dataclass

from schwifty import BIC, IBAN
from sqlmodel import Session, select

from modules.payments.config import get_payments_config
from modules.payments.gateways.bank_transfer import BankAccount
from modules.payments.gateways.stripe_gateway import StripeAccount
from modules.payments.models import PaymentGatewaySettings, StorePaymentSettings
from orion_app import crypto
from orion_app.db import utcnow
from orion_app.errors import FieldErrors


@dataclass(frozen=True)
class PlatformGatewayView:
    publishable_key: str
    secret_key_set: bool
    webhook_secret_set: bool
    api_base: str


@dataclass(frozen=True)
class StorePaymentView:
    card_enabled: bool
    bank_transfer_enabled: bool
    iban: str
    bic: str
    beneficiary: str
    stripe_account_id: str


def stripe_account(session: Session, platform_id: int) -> StripeAccount:
    config = get_payments_config()
    row = session.exec(
        select(PaymentGatewaySettings).where(PaymentGatewaySettings.platform_id == platform_id)
    ).first()
    if row is None:
        return StripeAccount(
            secret_key=config.stripe_secret_key,
            publishable_key=config.stripe_publishable_key,
            webhook_secret=config.stripe_webhook_secret,
            api_base=config.stripe_api_base,
            timeout_seconds=config.stripe_timeout_seconds,
        )
    return StripeAccount(
        secret_key=crypto.decrypt(row.stripe_secret_key_encrypted),
        publishable_key=row.stripe_publishable_key,
        webhook_secret=crypto.decrypt(row.stripe_webhook_secret_encrypted),
        api_base=row.stripe_api_base,
        timeout_seconds=config.stripe_timeout_seconds,
    )


def webhook_secrets(session: Session) -> list[str]:
    """Every webhook signing secret in use (platform rows and the default), each tried in turn."""
    secrets = [
        crypto.decrypt(r.stripe_webhook_secret_encrypted)
        for r in session.exec(select(PaymentGatewaySettings))
    ]
    secrets.append(get_payments_config().stripe_webhook_secret)
    return [s for s in dict.fromkeys(secrets) if s]


def platform_view(session: Session, platform_id: int) -> PlatformGatewayView:
    row = session.exec(
        select(PaymentGatewaySettings).where(PaymentGatewaySettings.platform_id == platform_id)
    ).first()
    if row is None:
        config = get_payments_config()
        return PlatformGatewayView(
            config.stripe_publishable_key,
            bool(config.stripe_secret_key),
            bool(config.stripe_webhook_secret),
            config.stripe_api_base,
        )
    return PlatformGatewayView(
        row.stripe_publishable_key,
        bool(row.stripe_secret_key_encrypted),
        bool(row.stripe_webhook_secret_encrypted),
        row.stripe_api_base,
    )


def save_platform(
    session: Session,
    platform_id: int,
    *,
    publishable_key: str,
    secret_key: str = "",
    webhook_secret: str = "",
    api_base: str = "",
) -> None:
    """Save a platform's Stripe account; an empty secret keeps the one already set. Commits."""
    publishable_key, api_base = publishable_key.strip(), api_base.strip().rstrip("/")
    secret_key, webhook_secret = secret_key.strip(), webhook_secret.strip()
    row = session.exec(
        select(PaymentGatewaySettings).where(PaymentGatewaySettings.platform_id == platform_id)
    ).first()
    errors: dict[str, str] = {}
    if not publishable_key.startswith("pk_"):
        errors["publishable_key"] = "payments.error.publishable_key"
    if secret_key and not secret_key.startswith(("sk_", "rk_")):
        errors["secret_key"] = "payments.error.secret_key"
    if not secret_key and (row is None or not row.stripe_secret_key_encrypted):
        errors["secret_key"] = "payments.error.required"
    if webhook_secret and not webhook_secret.startswith("whsec_"):
        errors["webhook_secret"] = "payments.error.webhook_secret"
    if not webhook_secret and (row is None or not row.stripe_webhook_secret_encrypted):
        errors["webhook_secret"] = "payments.error.required"
    if api_base and not api_base.startswith(("http://", "https://")):
        errors["api_base"] = "payments.error.api_base"
    if errors:
        raise FieldErrors(errors)
    row = row or PaymentGatewaySettings(platform_id=platform_id)
    row.stripe_publishable_key = publishable_key
    if secret_key:
        row.stripe_secret_key_encrypted = crypto.encrypt(secret_key)
    if webhook_secret:
        row.stripe_webhook_secret_encrypted = crypto.encrypt(webhook_secret)
    row.stripe_api_base = api_base
    row.updated_at = utcnow()
    session.add(row)
    session.commit()


def _store_row(session: Session, store_id: int) -> StorePaymentSettings | None:
    return session.exec(select(StorePaymentSettings).where(StorePaymentSettings.store_id == store_id)).first()


def store_view(session: Session, store_id: int) -> StorePaymentView:
    row = _store_row(session, store_id) or StorePaymentSettings(store_id=store_id)
    return StorePaymentView(
        row.card_enabled, row.bank_transfer_enabled, row.iban, row.bic, row.beneficiary, row.stripe_account_id
    )


def offered_methods(session: Session, store_id: int) -> list[str]:
    return methods_of(store_view(session, store_id))


def methods_of(view: StorePaymentView) -> list[str]:
    return [m for m, on in (("card", view.card_enabled), ("bank_transfer", view.bank_transfer_enabled)) if on]


def bank_account(session: Session, store_id: int, view: StorePaymentView | None = None) -> BankAccount:
    """The store's bank account (`view`: its settings, when the caller has read them)."""
    view = view or store_view(session, store_id)
    return BankAccount(view.iban, view.bic, view.beneficiary)


def save_store(
    session: Session,
    store_id: int,
    *,
    card_enabled: bool,
    bank_transfer_enabled: bool,
    iban: str,
    bic: str,
    beneficiary: str,
    stripe_account_id: str,
) -> StorePaymentView:
    """Save what a store offers; the IBAN's checksum and the BIC's form are checked. Commits."""
    errors: dict[str, str] = {}
    iban_text, bic_text = iban.replace(" ", "").upper(), bic.replace(" ", "").upper()
    beneficiary, stripe_account_id = beneficiary.strip(), stripe_account_id.strip()
    if iban_text:
        try:
            iban_text = IBAN(iban_text).compact
        except ValueError:
            errors["iban"] = "payments.error.iban"
    if bic_text:
        try:
            bic_text = BIC(bic_text).compact
        except ValueError:
            errors["bic"] = "payments.error.bic"
    if bank_transfer_enabled:
        for name, value in (("iban", iban_text), ("beneficiary", beneficiary)):
            if not value and name not in errors:
                errors[name] = "payments.error.required"
    if len(beneficiary) > 120:
        errors["beneficiary"] = "payments.error.too_long"
    if stripe_account_id and not (stripe_account_id.startswith("acct_") and len(stripe_account_id) <= 255):
        errors["stripe_account_id"] = "payments.error.connect_account"
    if not card_enabled and not bank_transfer_enabled:
        errors["methods"] = "payments.error.no_method"
    if errors:
        raise FieldErrors(errors)
    row = _store_row(session, store_id) or StorePaymentSettings(store_id=store_id)
    row.card_enabled, row.bank_transfer_enabled = card_enabled, bank_transfer_enabled
    row.iban, row.bic, row.beneficiary, row.stripe_account_id = (
        iban_text,
        bic_text,
        beneficiary,
        stripe_account_id,
    )
    row.updated_at = utcnow()
    session.add(row)
    session.commit()
    return store_view(session, store_id)
