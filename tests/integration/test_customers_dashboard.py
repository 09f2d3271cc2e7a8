"""The customers pages' handlers and CSV download as a browser reaches them: who may see,
who may write, and store B's staff reaching nothing of store A."""

import csv
import io

import pytest
from sqlmodel import select

from modules.customers.models import CustomerNote
from modules.customers.services.directory import CustomerFilters
from modules.customers.services.export import download_path
from modules.customers.state.merchant import CustomerListState
from modules.customers.state.merchant_detail import CustomerDetailState
from orion_app.access import store_role_holds
from orion_app.db import session_scope
from tests.integration.customers_helpers import add_customer
from tests.integration.helpers import Browser, Tab, add_store_member

MARIE, LUC, JEAN, VERA = "marie@cafe-lux.lu", "luc@cafe-lux.lu", "jean@velo.lu", "vera@cafe-lux.lu"


def detail_tab(browser: Browser, email: str, store: str, customer_id: int | str) -> Tab:
    return Tab(
        CustomerDetailState,
        f"/store/{store}/customers/{customer_id}",
        browser.token(email),
        found=True,
        customer_id=0,
        profile={},
        addresses=[],
        notes=[],
        can_manage=False,
        errors={},
        form_key=0,
    )


def list_tab(browser: Browser, email: str, store: str) -> Tab:
    return Tab(
        CustomerListState,
        f"/store/{store}/customers",
        browser.token(email),
        rows=[],
        search="",
        verified="all",
        orders="all",
        consent="all",
        export_path="",
        total=0,
        page_number=1,
        page_count=1,
    )


@pytest.fixture
def browser(demo):
    add_store_member("cafe-lux", VERA, "Vera Viewer", "viewer")
    return Browser()


def notes_on(customer_id: int) -> list[str]:
    with session_scope() as session:
        return list(
            session.exec(select(CustomerNote.body).where(CustomerNote.customer_id == customer_id)).all()
        )


def test_viewers_may_see_customers_and_only_managers_and_owners_may_write_notes():
    assert store_role_holds("viewer", "customers.view") and store_role_holds("staff", "customers.view")
    assert not store_role_holds("viewer", "customers.manage") and not store_role_holds(
        "staff", "customers.manage"
    )
    assert store_role_holds("manager", "customers.manage")


def test_the_owner_reads_a_customer_and_appends_a_note_signed_with_her_name(browser):
    anne = add_customer("cafe-lux", "anne@example.test", "Anne Weiß", company="Café Crème SARL", consent=True)
    tab = detail_tab(browser, MARIE, "cafe-lux", anne)
    tab.call("load")
    assert tab.found and tab.can_manage
    assert tab.profile["name"] == "Anne Weiß" and tab.profile["consent"] == "1" and tab.profile["consent_at"]
    assert [a["company"] for a in tab.addresses] == ["Café Crème SARL"]
    tab.call("add_note", form={"body": "Wants invoices by post."})
    assert [(n["author"], n["body"]) for n in tab.notes] == [("Marie Schmit", "Wants invoices by post.")]
    tab.call("add_note", form={"body": " "})
    assert tab.errors == {"body": "Write the note first."} and len(tab.notes) == 1


def test_staff_read_notes_but_cannot_add_one(browser):
    anne = add_customer("cafe-lux", "anne@example.test", "Anne")
    for email in (LUC, VERA):
        tab = detail_tab(browser, email, "cafe-lux", anne)
        tab.call("load")
        assert tab.found and not tab.can_manage
        tab.call("add_note", form={"body": "Sneaky"})
    assert notes_on(anne) == []


def test_another_merchants_owner_reaches_no_customer_of_the_store_by_page_or_by_id(browser):
    anne = add_customer("cafe-lux", "anne@example.test", "Anne Secret")
    add_customer("velo-weber", "jean.customer@example.test", "Velo Customer")
    on_cafe = detail_tab(browser, JEAN, "cafe-lux", anne)
    on_cafe.call("load")
    on_cafe.customer_id = anne
    on_cafe.call("add_note", form={"body": "Spy"})
    assert on_cafe.profile == {}
    # His own store's page with cafe-lux's customer id: that customer is not his store's.
    on_velo = detail_tab(browser, JEAN, "velo-weber", anne)
    on_velo.call("load")
    assert not on_velo.found and on_velo.profile == {}
    on_velo.customer_id = anne  # a forged state still writes only inside his store
    on_velo.call("add_note", form={"body": "Spy"})
    assert notes_on(anne) == []
    listing = list_tab(browser, JEAN, "velo-weber")
    listing.call("load")
    assert "Velo Customer" in [r["name"] for r in listing.rows]
    assert "Anne Secret" not in [r["name"] for r in listing.rows]
    intruder = list_tab(browser, JEAN, "cafe-lux")
    intruder.call("apply_filters", form={"q": "anne"})
    assert intruder.rows == []


def test_the_list_filters_and_its_export_link_carries_the_same_filters(browser):
    add_customer("cafe-lux", "jose@example.test", "José Müller", verified=True)
    add_customer("cafe-lux", "paul@example.test", "Paul Schmit")
    tab = list_tab(browser, LUC, "cafe-lux")
    tab.call(
        "apply_filters",
        form={"q": "JOSE Example.Test", "verified": "yes", "orders": "bogus", "consent": "all"},
    )
    assert [r["name"] for r in tab.rows] == ["José Müller"] and tab.total == 1
    assert tab.export_path == download_path("cafe-lux", CustomerFilters.of("JOSE Example.Test", "yes"))
    answer = browser.get(tab.export_path, LUC)
    assert answer.status_code == 200
    assert answer.headers["content-disposition"] == 'attachment; filename="customers-cafe-lux.csv"'
    assert answer.headers["cache-control"] == "no-store"
    assert [row[0] for row in csv.reader(io.StringIO(answer.text.lstrip("\ufeff")))][1:] == ["José Müller"]


def test_the_export_refuses_strangers_and_never_leaks_another_stores_customers(browser):
    add_customer("cafe-lux", "anne@example.test", '=HYPERLINK("http://evil")')
    add_customer("velo-weber", "velo@example.test", "Velo Customer")
    everyone = download_path("cafe-lux", CustomerFilters())
    assert browser.get(everyone).status_code == 401
    refused = browser.get(everyone, JEAN)
    assert refused.status_code == 403 and "HYPERLINK" not in refused.text
    assert browser.get(download_path("no-such-store", CustomerFilters()), MARIE).status_code == 404
    own = browser.get(download_path("velo-weber", CustomerFilters()), JEAN)
    assert own.status_code == 200 and "Velo Customer" in own.text and "HYPERLINK" not in own.text
    mine = browser.get(everyone, VERA, lang="de")
    assert mine.text.lstrip("\ufeff").startswith("Name,E-Mail") and "'=HYPERLINK" in mine.text
