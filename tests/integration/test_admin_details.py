"""The admin's merchant, store and user pages, and owners editing their store's team.

Who may call each action at all is in test_admin_boundaries.py; here is what each does.
"""

import pytest
from sqlmodel import select

from modules.tenancy.models import PlatformAdmin, StoreDomain, StoreUser, User
from modules.tenancy.services import merchants, stores, users
from modules.tenancy.services.auth import sign_in, user_for_token
from orion_app.db import session_scope
from orion_app.errors import FieldErrors, Forbidden, NotFound
from tests.integration.helpers import platform_id, principal, store_id

PASSWORD = "orion-demo-2026"


def _merchant_id(name: str) -> int:
    with session_scope() as session:
        return next(
            m.id for m, _ in merchants.list_merchants(session, principal("admin@orion.lu")) if m.name == name
        )


def _user(email: str) -> User:
    with session_scope() as session:
        return session.exec(select(User).where(User.email == email)).one()


def test_a_merchants_page_lists_only_the_stores_on_the_admins_platforms(demo):
    cafe = _merchant_id("Café Lëtzebuerg SARL")
    with session_scope() as session:
        everything = merchants.merchant_detail(session, principal("admin@orion.lu"), cafe)
        on_oms = merchants.merchant_detail(session, principal("ops@omsflow.lu"), cafe)
        assert {s.code for s in everything.stores} == {"cafe-lux", "bakery-lux"}
        assert [s.code for s in on_oms.stores] == ["cafe-lux"]
        assert everything.owner.email == "marie@cafe-lux.lu"
        assert everything.platform.code == "oms"


def test_a_merchant_changes_hands_and_the_roles_follow(demo):
    velo = _merchant_id("Vëlo Weber SA")
    with session_scope() as session:
        merchants.update_merchant(
            session,
            principal("ops@omsflow.lu"),
            velo,
            {"name": " Vëlo Weber SARL ", "owner_email": "luc@cafe-lux.lu"},
        )
    assert _user("luc@cafe-lux.lu").role == "merchant_owner"
    assert _user("jean@velo.lu").role == "store_member"  # he owns no other merchant
    assert principal("luc@cafe-lux.lu").merchant_ids == {velo}
    with session_scope() as session:
        assert (
            merchants.merchant_detail(session, principal("admin@orion.lu"), velo).merchant.name
            == "Vëlo Weber SARL"
        )


def test_a_merchant_cannot_be_given_to_an_admin_or_a_stranger_nor_lose_its_name(demo):
    velo = _merchant_id("Vëlo Weber SA")
    admin = principal("admin@orion.lu")
    for data, errors in (
        ({"name": "V", "owner_email": "ops@omsflow.lu"}, {"owner_email": "tenancy.merchant.owner_is_admin"}),
        ({"name": "V", "owner_email": "nobody@velo.lu"}, {"owner_email": "tenancy.merchant.owner_unknown"}),
        (
            {"name": " ", "contact_email": "not-an-email"},
            {"name": "orion.error.required", "contact_email": "orion.error.email_format"},
        ),
    ):
        with session_scope() as session, pytest.raises(FieldErrors) as caught:
            merchants.update_merchant(session, admin, velo, data)
        assert caught.value.errors == errors
    assert _user("jean@velo.lu").role == "merchant_owner"


def test_a_platform_admin_sees_but_cannot_change_a_merchant_registered_elsewhere(demo):
    """Café Lëtzebuerg registered on oms; its bakery is on loyalty, so loyalty's admin sees it."""
    cafe = _merchant_id("Café Lëtzebuerg SARL")
    with session_scope() as session:
        known_hash = _user("luc@cafe-lux.lu").password_hash
        lia = User(email="lia@loyaltyflow.lu", name="Lia", role="platform_admin", password_hash=known_hash)
        session.add(lia)
        session.flush()
        session.add(PlatformAdmin(user_id=lia.id, platform_id=platform_id("loyalty")))
    lia = principal("lia@loyaltyflow.lu")
    with session_scope() as session:
        detail = merchants.merchant_detail(session, lia, cafe)
        assert [s.code for s in detail.stores] == ["bakery-lux"] and not detail.editable
        assert merchants.merchant_detail(session, principal("ops@omsflow.lu"), cafe).editable
        with pytest.raises(Forbidden):
            merchants.update_merchant(session, lia, cafe, {"name": "Taken over"})
    assert _user("marie@cafe-lux.lu").role == "merchant_owner"


def test_a_store_page_finds_the_store_by_code_only_within_the_admins_scope(demo):
    with session_scope() as session:
        assert (
            stores.get_store_by_code(session, principal("ops@omsflow.lu"), "cafe-lux").name
            == "Café Lëtzebuerg"
        )
        with pytest.raises(NotFound):
            stores.get_store_by_code(session, principal("ops@omsflow.lu"), "bakery-lux")
        with pytest.raises(NotFound):
            stores.get_store_by_code(session, principal("admin@orion.lu"), "no-such-store")


def test_a_custom_domain_is_added_and_removed_but_never_through_another_store(demo):
    ops = principal("ops@omsflow.lu")
    cafe, velo = store_id("cafe-lux"), store_id("velo-weber")
    with session_scope() as session:
        added = stores.add_store_domain(session, ops, velo, "https://Shop.Velo.lu/")
        assert [d.domain for d in stores.store_domains(session, ops, velo)] == ["shop.velo.lu"]
        cafe_domain = stores.store_domains(session, ops, cafe)[0].id
        with pytest.raises(NotFound):
            stores.remove_store_domain(session, ops, velo, cafe_domain)
        stores.remove_store_domain(session, ops, velo, added.id)
        assert stores.store_domains(session, ops, velo) == []
        assert session.get(StoreDomain, cafe_domain) is not None


def test_a_users_page_shows_roles_sessions_and_last_sign_in_and_signs_them_out(demo):
    with session_scope() as session:
        first, _ = sign_in(session, "luc@cafe-lux.lu", PASSWORD)
    with session_scope() as session:
        other, _ = sign_in(session, "luc@cafe-lux.lu", PASSWORD)
    luc = _user("luc@cafe-lux.lu")
    assert luc.last_login_at is not None
    ops = principal("ops@omsflow.lu")
    with session_scope() as session:
        detail = users.user_detail(session, ops, luc.id)
        assert [(s.code, role) for s, role in detail.stores] == [("cafe-lux", "staff")]
        assert len(detail.sessions) == 2 and detail.manageable
        assert users.sign_out_user(session, ops, luc.id) == 2
    with session_scope() as session:
        assert users.user_detail(session, ops, luc.id).sessions == []
        assert user_for_token(session, first) is None and user_for_token(session, other) is None


def test_a_platform_admin_sees_another_admin_but_may_not_act_on_him(demo):
    ops = principal("ops@omsflow.lu")
    with session_scope() as session:
        assert not users.user_detail(session, ops, ops.user_id).manageable
        with pytest.raises(Forbidden):
            users.sign_out_user(session, ops, ops.user_id)
        with pytest.raises(NotFound):
            users.user_detail(session, ops, _user("admin@orion.lu").id)


def test_a_users_page_shows_only_the_stores_the_admin_sees(demo):
    luc = _user("luc@cafe-lux.lu")
    with session_scope() as session:
        session.add(StoreUser(store_id=store_id("bakery-lux"), user_id=luc.id, role="manager"))
    with session_scope() as session:
        everything = users.user_detail(session, principal("admin@orion.lu"), luc.id)
        on_oms = users.user_detail(session, principal("ops@omsflow.lu"), luc.id)
        assert {s.code for s, _ in everything.stores} == {"cafe-lux", "bakery-lux"}
        assert [s.code for s, _ in on_oms.stores] == ["cafe-lux"]


@pytest.fixture
def team(demo):
    """Café Lëtzebuerg's team: Luc (staff) and Paul, its one owner."""
    with session_scope() as session:
        known_hash = _user("luc@cafe-lux.lu").password_hash
        paul = User(email="paul@cafe-lux.lu", name="Paul", role="store_member", password_hash=known_hash)
        session.add(paul)
        session.flush()
        session.add(StoreUser(store_id=store_id("cafe-lux"), user_id=paul.id, role="owner"))
        return paul.id


def _roles() -> dict[str, str]:
    with session_scope() as session:
        rows = users.list_team(session, principal("admin@orion.lu"), store_id("cafe-lux"))
        return {user.email: role for user, role in rows}


def test_the_owner_changes_a_members_role_and_removes_him(team):
    marie, cafe, luc = principal("marie@cafe-lux.lu"), store_id("cafe-lux"), _user("luc@cafe-lux.lu").id
    with session_scope() as session:
        users.change_member_role(session, marie, cafe, luc, "manager")
    assert _roles()["luc@cafe-lux.lu"] == "manager"
    with session_scope() as session:
        with pytest.raises(FieldErrors) as caught:
            users.change_member_role(session, marie, cafe, luc, "boss")
        assert caught.value.errors == {"role": "tenancy.user.role_invalid"}
        users.remove_member(session, marie, cafe, luc)
    assert "luc@cafe-lux.lu" not in _roles()


def test_the_last_owner_is_neither_demoted_nor_removed(team):
    marie, cafe = principal("marie@cafe-lux.lu"), store_id("cafe-lux")
    with session_scope() as session:
        with pytest.raises(FieldErrors) as caught:
            users.change_member_role(session, marie, cafe, team, "manager")
        assert caught.value.errors == {"role": "tenancy.team.last_owner"}
        with pytest.raises(FieldErrors) as caught:
            users.remove_member(session, marie, cafe, team)
        assert caught.value.errors == {"user_id": "tenancy.team.last_owner"}
    assert _roles()["paul@cafe-lux.lu"] == "owner"
    with session_scope() as session:  # with a second owner, the first may step down
        users.change_member_role(session, marie, cafe, _user("luc@cafe-lux.lu").id, "owner")
        users.change_member_role(session, marie, cafe, team, "viewer")
    assert _roles() == {"luc@cafe-lux.lu": "owner", "paul@cafe-lux.lu": "viewer"}


def test_nobody_changes_his_own_place_in_a_team_and_staff_change_nobodys(team):
    paul, cafe = principal("paul@cafe-lux.lu"), store_id("cafe-lux")
    with session_scope() as session:
        with pytest.raises(Forbidden):
            users.change_member_role(session, paul, cafe, paul.user_id, "viewer")
        with pytest.raises(Forbidden):
            users.remove_member(session, principal("luc@cafe-lux.lu"), cafe, paul.user_id)
        with pytest.raises(NotFound):
            users.change_member_role(session, paul, cafe, _user("jean@velo.lu").id, "viewer")
    assert _roles() == {"luc@cafe-lux.lu": "staff", "paul@cafe-lux.lu": "owner"}
