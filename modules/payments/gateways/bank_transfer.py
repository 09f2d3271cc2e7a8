"""Bank transfer: no provider to call. The shopper gets the store's account and the order
number as the reference; the merchant marks the payment paid when the money arrives."""

from dataclasses import dataclass

from modules.payments.gateways.base import Intent, IntentRequest, RefundResult


@dataclass(frozen=True)
class BankAccount:
    iban: str
    bic: str
    beneficiary: str


class BankTransferGateway:
    def __init__(self, account: BankAccount):
        self.account = account

    def instructions(self, reference: str) -> dict:
        return {
            "iban": self.account.iban,
            "bic": self.account.bic,
            "beneficiary": self.account.beneficiary,
            "reference": reference,
        }

    def create_intent(self, request: IntentRequest) -> Intent:
        return Intent(ref="", status="pending")

    def confirm(self, ref: str, payment_method: str = "") -> Intent:
        """The merchant saw the money arrive."""
        return Intent(ref=ref, status="succeeded")

    def refund(self, ref: str, amount_cents: int, idempotency_key: str) -> RefundResult:
        """The merchant sends the money back by hand; the refund is recorded as said."""
        return RefundResult(ref="", amount_cents=amount_cents)
