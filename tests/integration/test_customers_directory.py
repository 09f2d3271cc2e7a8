"""The merchant's customer directory at service level: search, filters, pages, notes, the
CSV export, and one store never reaching another's customers."""

import csv
import io

import pytest

from modules.customers.demo import seed
from modules.customers.services.directory import CustomerFilters, get_customer, list_customers
from modules.customers.services.export import csv_lines
from modules.customers.services.notes import add_note, notes_of
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, NotFound
from tests.integration.customers_helpers import add_customer
from tests.integration.helpers import principal, store_id


def names(store: str, **filters) -> list[str]:
    """The names the list shows; without a query, only this test's customers (at example.test)."""
    filters.setdefault("query", "example.test")
    with session_scope() as session:
        found, total = list_customers(session, store_id(store), CustomerFilters.of(**filters), per_page=100)
        assert total == len(found)
        return sorted(c.name for c in found)


@pytest.fixture
def people(demo):
    add_customer("cafe-lux", "jose@example.test", "José Müller", verified=True, consent=True)
    add_customer("cafe-lux", "anne@example.test", "Anne Weiß", company="Café Crème SARL", vat="LU12345678")
    add_customer("cafe-lux", "paul@example.test", "Paul Schmit", verified=True)
    add_customer("velo-weber", "jose@example.test", "José Weber", verified=True, consent=True)


def test_search_is_blind_to_accents_and_case_over_name_email_company_and_vat(people):
    assert names("cafe-lux", query="jose") == ["José Gonçalves", "José Müller"]  # one is a demo customer
    assert names("cafe-lux", query="JOSÉ MULLER") == ["José Müller"]
    assert names("cafe-lux", query="anne weiss") == ["Anne Weiß"]  # ß folds to ss
    assert names("cafe-lux", query="cafe creme") == ["Anne Weiß"]
    assert names("cafe-lux", query="lu12345678") == ["Anne Weiß"]
    assert names("cafe-lux", query="paul@example") == ["Paul Schmit"]
    assert names("cafe-lux", query="Gonçalves") == ["José Gonçalves"]  # a demo customer, by name
    assert names("cafe-lux", query="lu26375245") == ["José Gonçalves"]  # and by the VAT of an address
    assert names("cafe-lux", query="100%") == []  # a wildcard character is only a character


def test_filters_pick_verified_consenting_customers_and_nobody_has_orders_before_orders_exist(people):
    assert names("cafe-lux", verified="yes") == ["José Müller", "Paul Schmit"]
    assert names("cafe-lux", verified="no") == ["Anne Weiß"]
    assert names("cafe-lux", consent="yes") == ["José Müller"]
    assert names("cafe-lux", consent="no", verified="yes") == ["Paul Schmit"]
    assert names("cafe-lux", orders="yes") == []
    assert names("cafe-lux", orders="no") == ["Anne Weiß", "José Müller", "Paul Schmit"]
    assert names("cafe-lux", verified="maybe; DROP TABLE customer") == names("cafe-lux")


def test_the_list_comes_a_page_at_a_time_newest_first(demo):
    for n in range(7):
        add_customer("cafe-lux", f"c{n}@example.test", f"Customer {n}", age_days=n)
    with session_scope() as session:
        pages = [
            list_customers(session, store_id("cafe-lux"), CustomerFilters("example.test"), page=p, per_page=3)
            for p in (1, 2, 3)
        ]
    assert [[c.name for c in rows] for rows, _ in pages] == [
        ["Customer 0", "Customer 1", "Customer 2"],
        ["Customer 3", "Customer 4", "Customer 5"],
        ["Customer 6"],
    ]
    assert {total for _, total in pages} == {7}


def test_a_store_never_lists_reads_or_annotates_another_stores_customers(people):
    velo_jose = add_customer("velo-weber", "other@example.test", "Other Velo")
    assert names("cafe-lux", query="weber") == []
    assert "Other Velo" not in names("cafe-lux", query="")
    with session_scope() as session:
        with pytest.raises(NotFound):
            get_customer(session, store_id("cafe-lux"), velo_jose)
        with pytest.raises(NotFound):
            add_note(session, store_id("cafe-lux"), velo_jose, principal("marie@cafe-lux.lu"), "Spy note")
        assert notes_of(session, store_id("cafe-lux"), velo_jose) == []
        assert notes_of(session, store_id("velo-weber"), velo_jose) == []


def test_notes_are_appended_with_their_author_and_refused_when_empty(people):
    cafe = store_id("cafe-lux")
    paul = add_customer("cafe-lux", "paul2@example.test", "Paul Two")
    marie, luc = principal("marie@cafe-lux.lu"), principal("luc@cafe-lux.lu")
    with session_scope() as session:
        add_note(session, cafe, paul, marie, "Prefers delivery after 5 pm.")
        add_note(session, cafe, paul, luc, "  Called about a refund.  ")
        with pytest.raises(FieldErrors) as empty:
            add_note(session, cafe, paul, marie, "   ")
        with pytest.raises(FieldErrors) as long:
            add_note(session, cafe, paul, marie, "x" * 4001)
        notes = notes_of(session, cafe, paul)
    assert empty.value.errors == {"body": "customers.admin.note_required"}
    assert long.value.errors == {"body": "customers.admin.note_too_long"}
    assert [(n.author_name, n.body) for n in notes] == [
        ("Luc Hoffmann", "Called about a refund."),
        ("Marie Schmit", "Prefers delivery after 5 pm."),
    ]
    assert notes[1].author_user_id == marie.user_id and notes[0].created_at >= notes[1].created_at


def test_the_csv_export_neutralises_formulas_and_follows_the_filters(people):
    add_customer("cafe-lux", "evil@example.test", '=cmd|" /C calc"!A0', verified=True)
    add_customer("cafe-lux", "gone@example.test", "Gone Person", verified=True, anonymised=True)
    with session_scope() as session:
        text = "".join(
            csv_lines(session, store_id("cafe-lux"), CustomerFilters.of("example.test", "yes"), "en")
        )
        french = "".join(
            csv_lines(session, store_id("cafe-lux"), CustomerFilters.of(query="josé müller"), "fr")
        )
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == [
        "Name",
        "E-mail",
        "E-mail verified",
        "Marketing",
        "Consent changed",
        "Created",
        "Last sign-in",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"José Müller", "Paul Schmit", '\'=cmd|" /C calc"!A0', "Deleted customer"}
    assert by_name["Deleted customer"][1] == ""  # an anonymised account shows no address
    assert by_name["José Müller"][2:4] == ["yes", "yes"]
    french_rows = list(csv.reader(io.StringIO(french[1:])))
    assert french_rows[0][0] == "Nom" and [r[0] for r in french_rows[1:]] == ["José Müller"]


def test_the_demo_gives_each_store_its_own_customers_and_seeding_again_adds_none(demo):
    with session_scope() as session:
        assert seed(session)[0].startswith("Demo customers: 0 added")
        cafe = list_customers(session, store_id("cafe-lux"), CustomerFilters.of("goncalves"))[0]
        velo = list_customers(session, store_id("velo-weber"), CustomerFilters.of("goncalves"))[0]
    assert [c.email for c in cafe] == [c.email for c in velo] == ["jose.goncalves@example.lu"]
    assert cafe[0].id != velo[0].id and cafe[0].marketing_consent != velo[0].marketing_consent
