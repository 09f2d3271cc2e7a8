"""A user of merchant A cannot read or change merchant B's stores, users or settings."""

import pytest
from sqlmodel import select

from modules.tenancy.models import Store
from modules.tenancy.services import invitations, merchants, platforms, stores, users
from orion_app.db import session_scope
from orion_app.errors import Forbidden, NotFound
from orion_app.ports import Principal
from tests.integration.helpers import principal, store_id

ORIGIN = "http://127.0.0.1:3000"
NOBODY = Principal(user_id=999_999, email="nobody@example.lu", name="Nobody", role="store_member")


def test_an_owner_lists_only_their_own_merchant_and_stores(demo):
    marie = principal("marie@cafe-lux.lu")
    with session_scope() as session:
        assert {s.code for s in stores.list_stores(session, marie)} == {"cafe-lux", "bakery-lux"}
        assert [m.name for m, _ in merchants.list_merchants(session, marie)] == ["Café Lëtzebuerg SARL"]
        assert platforms.list_platforms(session, marie) == []


def test_an_owner_cannot_read_or_change_another_merchants_store(demo):
    marie, velo = principal("marie@cafe-lux.lu"), store_id("velo-weber")
    with session_scope() as session:
        with pytest.raises(NotFound):
            stores.get_store(session, marie, velo)
        with pytest.raises(NotFound):
            stores.update_store(session, marie, velo, {"name": "Hijacked"})
        with pytest.raises(NotFound):
            stores.add_store_domain(session, marie, velo, "evil.example.lu")
    with session_scope() as session:
        assert session.get(Store, velo).name == "Vëlo Weber"


def test_an_owner_cannot_see_or_change_another_merchants_team(demo):
    marie, velo = principal("marie@cafe-lux.lu"), store_id("velo-weber")
    with session_scope() as session:
        with pytest.raises(NotFound):
            users.list_team(session, marie, velo)
        with pytest.raises(NotFound):
            invitations.invite_member(
                session, marie, velo, {"email": "spy@x.lu", "name": "Spy", "role": "manager"}, ORIGIN
            )
        with pytest.raises(NotFound):
            users.remove_member(session, marie, velo, principal("jean@velo.lu").user_id)
        assert "jean@velo.lu" not in {u.email for u in users.list_users(session, marie)}


def test_store_staff_see_their_store_but_cannot_manage_its_team(demo):
    luc, cafe = principal("luc@cafe-lux.lu"), store_id("cafe-lux")
    with session_scope() as session:
        assert [s.code for s in stores.list_stores(session, luc)] == ["cafe-lux"]
        with pytest.raises(Forbidden):
            invitations.invite_member(
                session, luc, cafe, {"email": "x@x.lu", "name": "X", "role": "owner"}, ORIGIN
            )
        with pytest.raises(Forbidden):
            stores.update_store(session, luc, cafe, {"name": "Renamed"})


def test_a_user_with_no_tenant_sees_and_changes_nothing(demo):
    with session_scope() as session:
        assert stores.list_stores(session, NOBODY) == []
        assert merchants.list_merchants(session, NOBODY) == []
        assert platforms.list_platforms(session, NOBODY) == []
        with pytest.raises(NotFound):
            stores.get_store(session, NOBODY, store_id("cafe-lux"))
        with pytest.raises(Forbidden):
            platforms.create_platform(session, NOBODY, {"code": "x-platform", "name": "X"})
        with pytest.raises(Forbidden):
            merchants.create_merchant(session, NOBODY, {"name": "X"})


def test_a_platform_admin_manages_only_their_platforms(demo):
    ops = principal("ops@omsflow.lu")
    with session_scope() as session:
        assert [p.code for p in platforms.list_platforms(session, ops)] == ["oms"]
        loyalty = session.exec(select(Store).where(Store.code == "bakery-lux")).one()
        with pytest.raises(NotFound):
            stores.get_store(session, ops, loyalty.id)
        with pytest.raises(NotFound):
            platforms.get_platform_by_code(session, ops, "loyalty")
        with pytest.raises(Forbidden):
            platforms.create_platform(session, ops, {"code": "new-one", "name": "New"})
