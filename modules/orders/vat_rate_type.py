"""The column type of a VAT rate: exact to the hundredth (France's 5.5 and 2.1, Finland's
25.5 …), read back as an int when whole (17) and as a Decimal otherwise (5.5), so "17 %"
still prints as it did when rates were whole Luxembourg percents."""

from decimal import Decimal

from sqlalchemy import Numeric
from sqlalchemy.types import TypeDecorator


class VatRate(TypeDecorator):
    impl = Numeric(5, 2)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else Decimal(str(value))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        number = Decimal(str(value))
        return int(number) if number == number.to_integral_value() else number.normalize()
