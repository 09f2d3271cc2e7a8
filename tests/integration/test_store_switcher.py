"""The store switcher: the stores a signed-in user may switch between, and where each goes."""

from modules.tenancy.models import Store
from orion_app.access import directory
from orion_app.db import session_scope
from orion_app.ui.shell import _store_links
from tests.integration.helpers import principal, store_id


def test_an_owner_is_offered_each_store_of_her_merchant_and_nobody_elses(demo):
    stores = directory().stores_of(principal("marie@cafe-lux.lu"))
    assert [s.code for s in stores] == ["bakery-lux", "cafe-lux"]  # by name: Bäckerei, Café


def test_a_store_member_is_offered_the_stores_he_belongs_to_and_an_admin_none(demo):
    assert [s.code for s in directory().stores_of(principal("luc@cafe-lux.lu"))] == ["cafe-lux"]
    assert directory().stores_of(principal("admin@orion.lu")) == []


def test_a_disabled_store_is_not_offered(demo):
    with session_scope() as session:
        store = session.get(Store, store_id("bakery-lux"))
        store.is_active = False
        session.add(store)
        session.commit()
    assert [s.code for s in directory().stores_of(principal("marie@cafe-lux.lu"))] == ["cafe-lux"]


def test_switching_keeps_the_page_unless_its_path_names_a_record_of_this_store(demo):
    marie = principal("marie@cafe-lux.lu")
    assert [s["href"] for s in _store_links(marie, "products")] == [
        "/store/bakery-lux/products",
        "/store/cafe-lux/products",
    ]
    assert _store_links(marie, "products/[product]")[0]["href"] == "/store/bakery-lux/"
