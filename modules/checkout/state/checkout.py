"""Storefront: the checkout, one page with steps (contact, address, shipping, payment,
review, done). The cart and the customer are found again from the websocket's own
cookies on every step; the idempotency key lives only in this tab's backend state."""

import reflex as rx
from sqlmodel import Session

from modules.cart.public import cart_token, current_cart
from modules.checkout.services.placement import (
    PAYMENT_METHODS,
    CheckoutChoice,
    Shopper,
    chosen_address,
    chosen_shipping,
    contact_email,
    new_checkout_key,
    place,
    review_prices,
)
from modules.checkout.services.shipping import quotes
from modules.customers.public import (
    ADDRESS_FIELDS,
    EU_COUNTRIES,
    addresses_of,
    shopper_token,
    signed_in_customer,
)
from modules.orders.public import status_page_path
from modules.payments.public import authenticate, card_token, confirm_card, mount_card
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, ServiceError
from orion_app.i18n import translate
from orion_app.registry import Frontend
from orion_app.ui.format import money
from orion_app.ui.forms import translated_errors
from orion_app.ui.guard import current_access, public, ui_only
from orion_app.ui.state import OrionState

STOREFRONT = (Frontend.STOREFRONT,)
STEPS = ("contact", "address", "shipping", "payment", "review", "done")


def _id(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _rate(rate, lang: str) -> str:
    """17 -> "17"; 5.5 -> "5.5" (en) or "5,5" (fr, de, lb)."""
    return str(rate) if lang == "en" else str(rate).replace(".", ",")


class CheckoutState(OrionState):
    step: str = "contact"
    empty: bool = False
    lines: list[dict[str, str]] = []
    subtotal_text: str = ""
    signed_in: bool = False
    email: str = ""
    addresses: list[dict[str, str]] = []
    address_id: str = ""
    address: dict[str, str] = {name: "" for name in ADDRESS_FIELDS} | {"country": "LU"}
    countries: list[str] = list(EU_COUNTRIES)
    methods: list[dict[str, str]] = []
    shipping_code: str = ""
    shipping_text: str = ""
    total_text: str = ""
    vat_rows: list[str] = []  # "VAT 17 %: 3.45 €", one per rate, on the review
    vat_message: str = ""  # the VAT number was not accepted: VAT is charged
    vat_mention: str = ""  # reverse charge, export or OSS, as the invoice will say
    payment_method: str = "card"
    errors: dict[str, str] = {}
    form_error: str = ""
    # After placement: the order, and the payment the shopper still has to make.
    order_number: str = ""
    order_total: str = ""
    status_href: str = ""
    instructions: dict[str, str] = {}
    card_status: str = ""  # "" | mounting | ready | paying | succeeded | processing | failed
    card_error: str = ""
    _key: str = ""
    _key_cart_id: int = 0
    _client_secret: str = ""
    _payment_id: int = 0
    _js_url: str = ""
    _publishable_key: str = ""

    # ------------------------------------------------------------------ reading

    def _shopper(self, session: Session) -> Shopper:
        tenant = current_access().tenant
        store = tenant.store
        customer = signed_in_customer(session, store.id, shopper_token(self, store.id))
        return Shopper(store.id, tenant.platform.id, store.default_language, self.lang, customer)

    def _cart(self, session: Session, shopper: Shopper):
        token = cart_token(self, shopper.store_id)
        customer_id = shopper.customer.id if shopper.customer else None
        return current_cart(
            session, shopper.store_id, cart_token=token, customer_id=customer_id, lang=self.lang
        )

    def _show_cart(self, cart) -> None:
        self.lines = [
            {
                "title": line.title,
                "options": line.options,
                "quantity": str(line.quantity),
                "total": money(line.unit_price_cents * line.quantity, "EUR", self.lang),
                "vat": "",
                "notice": translate(f"checkout.notice.{line.notice}", self.lang) if line.notice else "",
            }
            for line in cart.lines
        ]
        self.subtotal_text = money(cart.subtotal_cents, "EUR", self.lang)

    def _choice(self, terms: bool = False) -> CheckoutChoice:
        return CheckoutChoice(
            email=self.email,
            address_id=_id(self.address_id) or None,
            address=dict(self.address),
            shipping_code=self.shipping_code,
            payment_method=self.payment_method,
            terms_accepted=terms,
        )

    def _fail(self, error: FieldErrors) -> None:
        self.errors = translated_errors(error, self.lang)

    @rx.event
    @public(frontends=STOREFRONT)
    def load(self):
        """Start (or resume) the checkout of this tab's cart: a new cart gets a new key."""
        self.errors, self.form_error = {}, ""
        with session_scope() as session:
            shopper = self._shopper(session)
            cart = self._cart(session, shopper)
            self.signed_in = shopper.customer is not None
            if cart is None or not cart.lines:
                self.empty = not self.order_number
                return self._after_placement()  # a reload after placing: the card box again
            self.empty = False
            if not self._key or cart.id != self._key_cart_id or self.step == "done":
                self._key, self._key_cart_id = new_checkout_key(), cart.id
                self.step, self.order_number, self.card_status, self.shipping_code = "contact", "", "", ""
            self._show_cart(cart)
            if shopper.customer is not None:
                self.email = shopper.customer.email
                self.addresses = [
                    {
                        "id": str(a.id),
                        "label": a.label or a.name,
                        "text": f"{a.name}, {a.line1}, {a.postal_code} {a.city}, {a.country}",
                        "default": "1" if a.is_default_shipping else "",
                    }
                    for a in addresses_of(session, shopper.store_id, shopper.customer.id)
                ]
                default = next((a["id"] for a in self.addresses if a["default"]), "")
                self.address_id = self.address_id or default

    # ------------------------------------------------------------------ steps

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def submit_contact(self, form: dict):
        with session_scope() as session:
            email, errors = contact_email(self._shopper(session), str(form.get("email") or ""))
        if errors:
            self._fail(FieldErrors(errors))
            return
        self.email, self.errors, self.step = email, {}, "address"

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def submit_address(self, form: dict):
        picked = str(form.get("address_id") or "")
        typed = {name: str(form.get(name) or "") for name in ADDRESS_FIELDS}
        choice = CheckoutChoice(address_id=_id(picked) or None, address=typed)
        with session_scope() as session:
            shopper = self._shopper(session)
            address, errors = chosen_address(session, shopper, choice)
            if errors:
                self.address = typed if not choice.address_id else self.address
                self._fail(FieldErrors(errors))
                return
            cart = self._cart(session, shopper)
            if cart is None or not cart.lines:
                self.form_error = translate("checkout.error.cart_empty", self.lang)
                return
            options = quotes(
                session,
                shopper.store_id,
                address["country"],
                cart.subtotal_cents,
                self.lang,
                shopper.default_language,
            )
        self.address_id = picked if choice.address_id else ""
        self.address = address if not choice.address_id else self.address
        self.methods = [
            {
                "code": q.code,
                "label": q.label,
                "kind": q.kind,
                "price": translate("checkout.shop.free", self.lang)
                if q.price_cents == 0
                else money(q.price_cents, "EUR", self.lang),
            }
            for q in options
        ]
        if self.shipping_code not in {q.code for q in options}:
            self.shipping_code = options[0].code if options else ""
        self.errors, self.step = {}, "shipping"

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def submit_shipping(self, form: dict):
        code = str(form.get("shipping") or "")
        if code not in {m["code"] for m in self.methods}:
            self._fail(FieldErrors({"shipping": "checkout.error.shipping"}))
            return
        self.shipping_code, self.errors, self.step = code, {}, "payment"

    @rx.event
    @public(frontends=STOREFRONT, rate=(60, 600))
    def submit_payment(self, form: dict):
        """The review shows the totals as the server computes them now."""
        method = str(form.get("payment") or "")
        if method not in PAYMENT_METHODS:
            self._fail(FieldErrors({"payment": "checkout.error.payment"}))
            return
        self.payment_method = method
        with session_scope() as session:
            shopper = self._shopper(session)
            cart = self._cart(session, shopper)
            address, errors = chosen_address(session, shopper, self._choice())
            if cart is None or not cart.lines or errors:
                self.step, self.form_error = "address", translate("checkout.error.start_again", self.lang)
                return
            shipping = chosen_shipping(
                session, shopper, self.shipping_code, address["country"], cart.subtotal_cents
            )
            if shipping is None:
                self.step = "shipping"
                self._fail(FieldErrors({"shipping": "checkout.error.shipping"}))
                return
            try:
                prices = review_prices(session, shopper, cart, address, shipping)
            except FieldErrors:  # a line stopped selling since the cart was read
                self.step, self.form_error = "address", translate("checkout.error.start_again", self.lang)
                return
            self._show_cart(cart)
        self._show_prices(cart, prices, shipping.label)
        self.errors, self.form_error, self.step = {}, "", "review"

    def _show_prices(self, cart, prices, shipping_label: str) -> None:
        """The review's amounts as orders will invoice them (rate per line, VAT per rate)."""
        lang = self.lang
        by_variant = {line.variant_id: line for line in prices.lines}
        for shown, line in zip(self.lines, cart.lines, strict=True):
            if (priced := by_variant.get(line.variant_id)) is not None:
                shown["total"] = money(priced.total_cents, "EUR", lang)
                shown["vat"] = translate("checkout.shop.vat_at", lang, rate=_rate(priced.vat_rate, lang))
        self.subtotal_text = money(prices.subtotal_cents, "EUR", lang)
        self.shipping_text = shipping_label + " · " + money(prices.shipping_cents, "EUR", lang)
        self.total_text = money(prices.total_cents, "EUR", lang)
        self.vat_rows = [
            translate(
                "checkout.shop.vat_amount",
                lang,
                rate=_rate(v.rate, lang),
                amount=money(v.vat_cents, "EUR", lang),
            )
            for v in prices.vat_lines
        ]
        self.vat_message = (
            translate(prices.message_key, lang, **prices.message_params) if prices.message_key else ""
        )
        self.vat_mention = translate(prices.mention_key, lang) if prices.mention_key else ""

    @rx.event
    @ui_only
    def go_to(self, step: str):
        """Back to an earlier step (never forward: each step is submitted)."""
        if step in STEPS and STEPS.index(step) < STEPS.index(self.step) and self.step != "done":
            self.step, self.errors, self.form_error = step, {}, ""

    # ------------------------------------------------------------------ placing and paying

    @rx.event
    @public(frontends=STOREFRONT, rate=(20, 600))
    def place_order(self, form: dict):
        """Place the order (again the same one for a double submit or a retry)."""
        if self.order_number:
            return self._after_placement()
        terms = form.get("terms") in (True, "on")
        with session_scope() as session:
            shopper = self._shopper(session)
            cart = self._cart(session, shopper)
            try:
                order = place(session, shopper, cart, self._choice(terms), self._key)
            except FieldErrors as error:
                self._fail(error)
                return None
            except ServiceError as error:
                self.errors = {}
                self.form_error = translate(error.message_key, self.lang, **error.params)
                return None
        self.errors, self.form_error, self.step = {}, "", "done"
        self.order_number = order.number
        self.order_total = money(order.total_cents, order.currency, self.lang)
        base = current_access().tenant.base
        self.status_href = base + status_page_path(order.number, order.status_token)
        payment = order.payment
        self.instructions = {k: str(v) for k, v in (payment.instructions if payment else {}).items()}
        if iban := self.instructions.get("iban"):  # in groups of four, as banks print it
            self.instructions["iban"] = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        if order.payment_method == "card":
            self._client_secret = payment.client_secret if payment else ""
            self._payment_id = payment.id if payment else 0
            self.card_status = "mounting" if payment else "unavailable"
            if payment:
                self._js_url, self._publishable_key = payment.stripe_js_url, payment.publishable_key
        return self._after_placement()

    def _after_placement(self):
        if self.card_status not in ("mounting", "ready", "failed"):
            return None
        self.card_status = "mounting"
        return rx.call_script(
            mount_card(self._js_url, self._publishable_key), callback=CheckoutState.card_mounted
        )

    @rx.event
    @ui_only
    def card_mounted(self, result: str):
        self.card_status = "ready" if result == "ready" else "unavailable"

    @rx.event
    @ui_only
    def pay(self):
        if self.card_status not in ("ready", "failed") or not self._payment_id:
            return None
        self.card_status, self.card_error = "paying", ""
        return rx.call_script(card_token(), callback=CheckoutState.card_tokenised)

    @rx.event
    @public(frontends=STOREFRONT, rate=(10, 600))
    def card_tokenised(self, result: dict):
        """Confirm this tab's own payment with the card Stripe.js tokenised (payments re-checks
        the store); the webhook brings the final word."""
        card = str((result if isinstance(result, dict) else {}).get("card") or "")
        if not card or not self._payment_id:
            return self._card_failed()
        store_id = current_access().tenant.store.id
        with session_scope() as session:
            try:
                payment = confirm_card(session, store_id, self._payment_id, card)
            except ServiceError:
                session.rollback()
                return self._card_failed()
        if payment.status == "pending":  # the bank wants the shopper (3-D Secure)
            return rx.call_script(authenticate(self._client_secret), callback=CheckoutState.card_result)
        return self._card_status(payment.status)

    def _card_failed(self):
        self.card_status = "failed"
        self.card_error = translate("checkout.pay.failed", self.lang)

    @rx.event
    @ui_only
    def card_result(self, result: dict):
        """What the payment says now; the webhook, not this, marks the order paid."""
        self._card_status(str((result if isinstance(result, dict) else {}).get("status") or ""))

    def _card_status(self, status: str):
        if status in ("succeeded", "processing"):
            self.card_status = status
        else:
            self._card_failed()
