"""Orders' VAT: net from gross per line, half-up to the cent; totals per rate add up exactly."""

import pytest

from modules.orders.services.numbering import format_number, store_prefix
from modules.orders.services.transitions import STATUSES, TRANSITIONS
from modules.orders.services.vat import split_gross, totals_by_rate


@pytest.mark.parametrize(
    "gross, rate, net",
    [
        (1250, 17, 1068),  # 1068.376… rounds down
        (117, 17, 100),  # exact
        (1, 17, 1),  # 0.854… rounds up: a cent of goods is never all VAT
        (3, 3, 3),  # 2.912… -> 3, VAT 0
        (108, 8, 100),
        (2925, 17, 2500),
        (5, 8, 5),  # 4.629… -> 5
        (999, 14, 876),  # 876.315…
        (1499, 0, 1499),
        (0, 17, 0),
    ],
)
def test_net_is_gross_over_one_plus_the_rate_rounded_half_up(gross, rate, net):
    split = split_gross(gross, rate)
    assert (split.net_cents, split.vat_cents) == (net, gross - net)


def test_an_exact_half_cent_rounds_up_not_to_even():
    # Luxembourg's rates never give an exact half cent (gross x 200 = odd x (100 + rate) has
    # no whole solution for 3, 8, 14 or 17); a 100 % rate shows the rule itself.
    assert split_gross(5, 100).net_cents == 3  # 2.5 -> 3 (half-even: 2)
    assert split_gross(1, 100).net_cents == 1  # 0.5 -> 1 (half-even: 0)
    twice_net_is_odd = (
        (g * 200) % (100 + r) == 0 and (g * 200 // (100 + r)) % 2 == 1
        for g in range(1, 100_000)
        for r in (3, 8, 14, 17)
    )
    assert not any(twice_net_is_odd)


def test_totals_per_rate_are_the_sums_of_the_lines_and_add_up_to_the_gross():
    lines = [
        (17, split_gross(1250, 17)),
        (17, split_gross(333, 17)),
        (3, split_gross(499, 3)),
        (3, split_gross(1, 3)),
    ]
    totals = totals_by_rate(lines)
    assert [t.rate for t in totals] == [17, 3]
    for total in totals:
        assert total.net_cents + total.vat_cents == total.gross_cents
    assert totals[0].gross_cents == 1583 and totals[1].gross_cents == 500
    assert totals[0].net_cents == split_gross(1250, 17).net_cents + split_gross(333, 17).net_cents


def test_numbers_carry_the_store_initials_the_year_and_six_digits():
    assert store_prefix("cafe-lux") == "CL"
    assert store_prefix("velo-weber") == "VW"
    assert store_prefix("boutique") == "BO"
    assert format_number("CL", 2026, 123) == "CL-2026-000123"


def test_every_status_is_in_the_transition_table_and_moves_only_to_statuses():
    assert set(TRANSITIONS) == set(STATUSES)
    assert all(set(targets) <= set(STATUSES) for targets in TRANSITIONS.values())
    assert TRANSITIONS["refunded"] == ()
    assert "shipped" not in TRANSITIONS["pending_payment"]
