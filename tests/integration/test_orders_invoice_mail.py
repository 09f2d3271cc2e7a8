"""The card order's confirmation mail, sent when the payment succeeds and the invoice is
issued, links straight to the invoice's PDF (signed by the order's status token); a bank
transfer's, sent at placement before any invoice, has no such link."""

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from modules.messaging.models import EmailLog
from modules.orders.public import place_order
from modules.orders.services.payment_events import handle_payment_event
from modules.payments.public import PaymentEvent
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.registry import get_registry
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import use_media_dir
from tests.integration.invoices_helpers import invoices_of
from tests.integration.orders_helpers import placement, stocked
from tests.integration.payments_helpers import offer_bank_transfer

LINK = re.compile(
    r"(?:Download your invoice|Télécharger votre facture|Ihre Rechnung herunterladen)\s?: (\S+)"
)


@pytest.fixture
def moka(demo, monkeypatch, tmp_path):
    use_media_dir(monkeypatch, tmp_path / "media")
    offer_bank_transfer(scope()[0])
    return stocked("MOKA", "12,50", 10)[1]


def confirmation_of(order_number: str) -> EmailLog:
    with session_scope() as session:
        mails = session.exec(select(EmailLog).where(EmailLog.kind == "orders.confirmation")).all()
    (mail,) = [m for m in mails if order_number in m.body_text]
    return mail


def test_the_card_confirmation_links_to_the_invoice_pdf_and_the_link_downloads_it(moka, stripe_server):
    with session_scope() as session:
        record = place_order(session, placement([(moka, 2)], method="card"))
    succeeded = PaymentEvent(
        kind="succeeded",
        payment_id=record.payment.id,
        store_id=record.store_id,
        order_id=record.id,
        amount_cents=record.total_cents,
        refunded_cents=0,
        source="webhook",
        actor="Stripe",
        occurred_at=datetime.now(UTC),
    )
    with session_scope() as session:
        handle_payment_event(session, succeeded)
    (invoice,) = invoices_of(record.id)
    mail = confirmation_of(record.number)
    link = LINK.search(mail.body_text).group(1)
    assert invoice.number in link and "token=" in link
    assert link.replace("&", "&amp;") in mail.body_html
    url = urlsplit(link)
    pdf = TestClient(build_api(get_registry())).get(link)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    forged = TestClient(build_api(get_registry())).get(
        url.path + "?" + url.query.replace("token=", "token=x")
    )
    assert forged.status_code == 404


def test_a_bank_transfer_confirmation_sent_before_the_invoice_has_no_invoice_link(moka):
    with session_scope() as session:
        record = place_order(session, placement([(moka, 1)]))
    mail = confirmation_of(record.number)
    assert LINK.search(mail.body_text) is None and "/documents/" not in mail.body_html
