"""What every order page holds: one order as `services/detail.py` presents it."""

import reflex as rx

from modules.orders.services.detail import OrderPage


class OrderShown(rx.State, mixin=True):
    """The order's heading figures, lines, VAT per rate, addresses and payments."""

    head: dict[str, str] = {}
    lines: list[dict[str, str]] = []
    vat_lines: list[dict[str, str]] = []
    billing: list[str] = []
    shipping: list[str] = []
    payments: list[dict[str, str]] = []
    documents: list[dict[str, str]] = []  # invoice and credit notes: set by each page's state

    def _show(self, shown: OrderPage | None) -> None:
        """Show `shown`, or nothing at all (None: not found, or not the reader's to see)."""
        if shown is None:
            self.head, self.lines, self.vat_lines, self.billing, self.shipping, self.payments = (
                {},
                [],
                [],
                [],
                [],
                [],
            )
            return
        self.head, self.lines, self.vat_lines = shown.head, shown.lines, shown.vat_lines
        self.billing, self.shipping, self.payments = shown.billing, shown.shipping, shown.payments
