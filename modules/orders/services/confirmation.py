"""The order confirmation mail (`orders.confirmation`), in the order's language.

When it goes out: a bank-transfer order at placement (the shopper needs the IBAN and the
reference to pay at all); a card order when its payment succeeds (before that nothing is
confirmed: the card may still be declined). Sent inside the transaction that placed or
paid the order, so a rollback sends nothing; the payment handler sends it once, on the
move to paid, after issuing the invoice (when the store invoices at payment), so the mail
carries a direct link to it (`invoice_link`).
"""

from collections.abc import Sequence
from urllib.parse import urlencode, urlsplit

from sqlmodel import Session, select

from modules.messaging.public import send_message
from modules.orders.links import api_origin, deployment_origin
from modules.orders.messages import CONFIRMATION
from modules.orders.models import Invoice, Order
from modules.orders.services.documents import SHOP_DOCUMENT
from modules.orders.services.hashing import unseal
from modules.orders.services.reads import lines_of, vat_lines_of
from modules.orders.services.status import status_page_path
from modules.payments.public import PaymentRecord
from modules.tenancy.public import storefront_url
from orion_app.i18n import translate
from orion_app.ui.format import money


def send_confirmation(
    session: Session,
    order: Order,
    payment: PaymentRecord | None,
    *,
    just_placed: bool = False,
    lines: Sequence | None = None,
) -> int:
    """Queue the confirmation mail of `order` (lines, totals, VAT per rate, and the bank
    details when it is paid by transfer); returns the mail log id. `just_placed`: the order
    was written in this transaction, so it has no invoice to link yet. `lines`: the order's
    lines in position order as just written (their `order_line` columns as attributes), so
    they are not read back; else they are read."""
    lang = order.language
    if lines is None:
        lines = lines_of(session, order)  # read once: the mail's rows and its VAT per rate

    def amount(cents: int) -> str:
        return money(cents, order.currency, lang)

    rows = []
    for line in lines:
        title = f"{line.title} ({line.options})" if line.options else line.title
        rows.append(
            "\t".join((title, str(line.quantity), amount(line.unit_price_cents), amount(line.total_cents)))
        )
    vat_rows = [
        "\t".join((translate("orders.domain.vat_rate", lang, rate=v.rate), amount(v.vat_cents)))
        for v in vat_lines_of(order, lines)
    ]
    bank = payment.instructions if payment and order.payment_method == "bank_transfer" else {}
    return send_order_mail(
        session,
        order,
        CONFIRMATION,
        {
            "number": order.number,
            "lines": "\n".join(rows),
            "subtotal": amount(order.subtotal_cents),
            "shipping": amount(order.shipping_cents),
            "shipping_label": order.shipping_label,
            "vat_lines": "\n".join(vat_rows),
            "total": amount(order.total_cents),
            "payment_method": translate(f"orders.domain.payment.{order.payment_method}", lang),
            "iban": str(bank.get("iban", "")),
            "bic": str(bank.get("bic", "")),
            "beneficiary": str(bank.get("beneficiary", "")),
            "reference": str(bank.get("reference", "")) or order.number,
            "status_link": status_link(session, order),
            "invoice_link": "" if just_placed else invoice_link(session, order),
        },
    )


def status_link(session: Session, order: Order) -> str:
    """The order's guest status page on its storefront (the token unsealed for the mail)."""
    base = storefront_url(session, order.store_id, order.platform_id, deployment_origin())
    return base + status_page_path(order.number, unseal(order.status_token_sealed))


def invoice_link(session: Session, order: Order) -> str:
    """The direct download of the order's invoice, signed by its status link's token (the
    shopper's document route); "" while the order has no invoice."""
    number = session.exec(
        select(Invoice.number).where(Invoice.order_id == order.id, Invoice.store_id == order.store_id)
    ).first()
    if number is None:
        return ""
    storefront = urlsplit(storefront_url(session, order.store_id, order.platform_id, deployment_origin()))
    api = urlsplit(api_origin())
    # the storefront's host (the route finds the store from it and `base`), on the backend's port
    origin = f"{api.scheme or storefront.scheme}://{storefront.hostname}" + (
        f":{api.port}" if api.port else ""
    )
    query = urlencode({"base": storefront.path or "/", "token": unseal(order.status_token_sealed)})
    return origin + SHOP_DOCUMENT.format(order=order.number, number=number) + "?" + query


def send_order_mail(session: Session, order: Order, kind: str, context: dict) -> int:
    """Queue the mail `kind` to the order's customer, in the order's language; the log id."""
    return send_message(
        session,
        kind=kind,
        to_email=order.email,
        to_name=order.customer_name,
        language=order.language,
        platform_id=order.platform_id,
        store_id=order.store_id,
        context=context,
    )
