"""The Payments pages through a real backend, as the browser sends them: the owner saves the
store's methods (a bad IBAN is refused next to its field), staff and another store's owner
are refused, and the admin's Stripe secrets are stored encrypted and never sent back."""

import pytest
from sqlmodel import select

from modules.payments.models import PaymentGatewaySettings, StorePaymentSettings
from orion_app.db import session_scope
from tests.integration.helpers import store_id
from tests.integration.live_backend import EventClient, demo_backend, handler

STORE_PAGE = "/store/cafe-lux/settings/payments"
FORM = {
    "card_enabled": "on",
    "bank_transfer_enabled": "on",
    "iban": "LU28 0019 4006 4475 0000",
    "bic": "BCEELULL",
    "beneficiary": "Café Lëtzebuerg SARL",
    "stripe_account_id": "",
}


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    yield from demo_backend(tmp_path_factory)


def saved_settings() -> list[tuple[int, str, bool]]:
    with session_scope() as session:
        rows = session.exec(select(StorePaymentSettings)).all()
    return [(r.store_id, r.iban, r.bank_transfer_enabled) for r in rows]


def test_the_owner_is_told_a_bad_iban_next_to_the_field_then_saves_the_store_account(live):
    from modules.payments.state.store import StorePaymentsState as S

    backend, tokens = live
    tab = EventClient(backend, tokens["marie"])
    tab.send(handler(S, "load"), {}, STORE_PAGE)
    refused = repr(
        tab.send(handler(S, "save"), {"form": {**FORM, "iban": "LU28 0019 4006 4475 0001"}}, STORE_PAGE)
    )
    assert "This IBAN is not valid" in refused or "IBAN n'est pas valide" in refused
    assert saved_settings() == []
    saved = repr(tab.send(handler(S, "save"), {"form": FORM}, STORE_PAGE))
    tab.close()
    assert "LU280019400644750000" in saved
    assert saved_settings() == [(store_id("cafe-lux"), "LU280019400644750000", True)]


def test_staff_without_the_permission_and_another_stores_owner_cannot_read_or_save(live):
    from modules.payments.state.store import StorePaymentsState as S

    backend, tokens = live
    before = saved_settings()
    for who in ("luc", "jean"):
        tab = EventClient(backend, tokens[who])
        refused = backend.refusals()
        tab.send(handler(S, "load"), {}, STORE_PAGE, wait=False)
        tab.send(
            handler(S, "save"), {"form": {**FORM, "beneficiary": f"Taken by {who}"}}, STORE_PAGE, wait=False
        )
        tab.barrier()
        assert backend.refusals() == refused + 2, who
        tab.close()
    assert saved_settings() == before


def test_the_stripe_secrets_are_stored_encrypted_and_never_sent_back(live):
    from modules.payments.state.admin import PaymentPlatformState as S

    backend, tokens = live
    secret, signing = "sk_test_0123456789SECRET", "whsec_0123456789SIGNING"
    page = "/admin/payments/oms"
    tab = EventClient(backend, tokens["ada"])
    form = {"publishable_key": "pk_test_oms", "secret_key": secret, "webhook_secret": signing, "api_base": ""}
    updates = tab.send(handler(S, "load"), {}, page) + tab.send(handler(S, "save"), {"form": form}, page)
    # Saved again without secrets: the stored ones stay.
    updates += tab.send(handler(S, "save"), {"form": {**form, "secret_key": "", "webhook_secret": ""}}, page)
    tab.close()
    seen = repr(updates)
    assert "secret_key_set" in seen and "pk_test_oms" in seen
    assert secret not in seen and signing not in seen
    with session_scope() as session:
        stored = session.exec(select(PaymentGatewaySettings)).one()
    assert stored.stripe_secret_key_encrypted and secret not in stored.stripe_secret_key_encrypted
    assert signing not in stored.stripe_webhook_secret_encrypted
    from orion_app import crypto

    assert crypto.decrypt(stored.stripe_secret_key_encrypted) == secret
