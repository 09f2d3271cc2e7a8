"""Every tenancy admin action, tried by every kind of actor: allowed, or refused without a trace.

The target is the Vëlo Weber store on platform `oms`. The actors: a super admin, the
platform admin of `oms`, the platform admin of `loyalty`, and the owner of the store's
merchant. A refusal is NotFound when the row is outside the actor's scope (its existence
is never confirmed) and Forbidden when the actor's role cannot do the action; either way
every tenancy table is exactly as before.
"""

import hashlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import select as sa_select
from sqlmodel import select

from alembic import command
from modules.tenancy import models as tenancy_models
from modules.tenancy.models import (
    Merchant,
    Platform,
    PlatformAdmin,
    Store,
    StoreDomain,
    StorePlatform,
    StoreUser,
    User,
    UserSession,
)
from modules.tenancy.services import merchants, platform_modules, platforms, stores, users
from orion_app.db import session_scope, utcnow
from orion_app.errors import FieldErrors, Forbidden, NotFound
from orion_app.migrations import alembic_config, upgrade
from tests.integration.helpers import platform_id, principal, store_id

OK = "allowed"
ACTORS = {  # name -> e-mail, in the order of each action's outcomes below
    "super admin": "admin@orion.lu",
    "platform admin of oms": "ops@omsflow.lu",
    "platform admin of loyalty": "lia@loyaltyflow.lu",
    "merchant owner": "jean@velo.lu",
}
TENANCY_TABLES = sorted(
    (
        model.__table__
        for model in vars(tenancy_models).values()
        if isinstance(model, type)
        and model.__module__ == tenancy_models.__name__
        and hasattr(model, "__table__")
    ),
    key=lambda table: table.name,
)


def fingerprint() -> dict[str, tuple[int, str]]:
    """Per tenancy table: its row count and a digest of every row's content."""
    with session_scope() as session:
        result = {}
        for table in TENANCY_TABLES:
            rows = [tuple(row) for row in session.exec(sa_select(table).order_by(table.c.id)).all()]
            result[table.name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return result


def _listed(items, wanted_id: int) -> None:
    """A list answers like a get: the row is in it, or it is NotFound for this actor."""
    if wanted_id not in {item.id for item in items}:
        raise NotFound()


def _switch(session, actor, world, code: str, enable: bool) -> None:
    platform_modules.preview_module_change(session, actor, world.oms, code, enable)
    platform_modules.change_module(session, actor, world.oms, code, enable)


# action -> (what it does, whether it writes, the outcome for each actor of ACTORS)
ACTIONS = {
    "create a merchant on oms": (
        lambda s, a, w: merchants.create_merchant(
            s, a, {"name": "Nina's Bikes", "owner_email": "nina@bikes.lu", "platform_id": w.oms}
        ),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "create a store on oms": (
        lambda s, a, w: stores.create_store(
            s,
            a,
            {"code": "velo-two", "name": "Vëlo Two", "merchant_id": w.velo_merchant, "platform_id": w.oms},
        ),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "update a store": (
        lambda s, a, w: stores.update_store(s, a, w.velo, {"name": "Vëlo Weber & Fils"}),
        True,
        (OK, OK, NotFound, OK),
    ),
    "add a custom domain to a store": (
        lambda s, a, w: stores.add_store_domain(s, a, w.velo, "shop.velo-weber.lu"),
        True,
        (OK, OK, NotFound, OK),
    ),
    "create a user": (
        lambda s, a, w: users.create_user(
            s, a, {"email": "new@velo.lu", "name": "New", "password": "0123456789ab", "role": "store_member"}
        ),
        True,
        (OK, Forbidden, Forbidden, Forbidden),
    ),
    "get and list a merchant": (
        lambda s, a, w: (
            merchants.get_merchant(s, a, w.velo_merchant),
            _listed([m for m, _ in merchants.list_merchants(s, a)], w.velo_merchant),
        ),
        False,
        (OK, OK, NotFound, OK),
    ),
    "get and list a store": (
        lambda s, a, w: (stores.get_store(s, a, w.velo), _listed(stores.list_stores(s, a), w.velo)),
        False,
        (OK, OK, NotFound, OK),
    ),
    "list a store's staff member": (
        lambda s, a, w: _listed(users.list_users(s, a), w.paul),
        False,
        (OK, OK, NotFound, OK),
    ),
    "update a platform": (
        lambda s, a, w: platforms.update_platform(
            s, a, w.oms, {"code": "oms", "name": "OMS Flow Pro", "domain": "omsflow.localhost"}
        ),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "disable a module on a platform": (
        lambda s, a, w: _switch(s, a, w, "analytics", False),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "enable a module on a platform": (
        lambda s, a, w: _switch(s, a, w, "dev_tools", True),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "save a module's settings for a platform": (
        lambda s, a, w: platform_modules.save_module_settings(s, a, w.oms, "marketplace", {"batch_size": 50}),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "disable a user": (
        lambda s, a, w: users.set_user_active(s, a, w.paul, False),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "reset a user's password": (
        lambda s, a, w: users.admin_reset_password(s, a, w.paul, "a-fresh-password"),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "see a merchant's page": (
        lambda s, a, w: merchants.merchant_detail(s, a, w.velo_merchant),
        False,
        (OK, OK, NotFound, Forbidden),
    ),
    "edit a merchant and its owner": (
        lambda s, a, w: merchants.update_merchant(
            s, a, w.velo_merchant, {"name": "Vëlo Weber SARL", "owner_email": "nina@bikes.lu"}
        ),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "see a store's page": (
        lambda s, a, w: (
            stores.get_store_by_code(s, a, "velo-weber"),
            stores.store_platforms(s, a, w.velo),
            stores.store_domains(s, a, w.velo),
            users.list_team(s, a, w.velo),
        ),
        False,
        (OK, OK, NotFound, OK),
    ),
    "remove a custom domain from a store": (
        lambda s, a, w: stores.remove_store_domain(s, a, w.velo, w.velo_domain),
        True,
        (OK, OK, NotFound, OK),
    ),
    "see a user's page": (
        lambda s, a, w: users.user_detail(s, a, w.paul),
        False,
        (OK, OK, NotFound, Forbidden),
    ),
    "sign a user out everywhere": (
        lambda s, a, w: users.sign_out_user(s, a, w.paul),
        True,
        (OK, OK, NotFound, Forbidden),
    ),
    "change a team member's role": (
        lambda s, a, w: users.change_member_role(s, a, w.velo, w.paul, "manager"),
        True,
        (OK, OK, NotFound, OK),
    ),
    "remove a team member": (
        lambda s, a, w: users.remove_member(s, a, w.velo, w.paul),
        True,
        (OK, OK, NotFound, OK),
    ),
}
CASES = [(action, actor) for action in ACTIONS for actor in ACTORS]


@pytest.fixture
def world(demo):
    """Demo data plus a platform admin of `loyalty`, a staff member of Vëlo Weber (signed
    in), a custom domain of Vëlo Weber and a user with no store yet (a merchant's future
    owner)."""
    with session_scope() as session:
        known_hash = session.exec(select(User.password_hash).where(User.email == "admin@orion.lu")).one()
        lia = User(email="lia@loyaltyflow.lu", name="Lia", role="platform_admin", password_hash=known_hash)
        paul = User(email="paul@velo.lu", name="Paul", role="store_member", password_hash=known_hash)
        nina = User(email="nina@bikes.lu", name="Nina", role="store_member", password_hash=known_hash)
        session.add_all([lia, paul, nina])
        session.flush()
        session.add(PlatformAdmin(user_id=lia.id, platform_id=platform_id("loyalty")))
        session.add(StoreUser(store_id=store_id("velo-weber"), user_id=paul.id, role="staff"))
        session.add(
            UserSession(token_hash="0" * 64, user_id=paul.id, expires_at=utcnow() + timedelta(hours=1))
        )
        domain = StoreDomain(
            store_id=store_id("velo-weber"), platform_id=platform_id("oms"), domain="velo.lu"
        )
        session.add(domain)
        session.flush()
        paul_id, velo_domain = paul.id, domain.id
    velo = store_id("velo-weber")
    with session_scope() as session:
        velo_merchant = session.get(Store, velo).merchant_id
    return SimpleNamespace(
        oms=platform_id("oms"),
        loyalty=platform_id("loyalty"),
        velo=velo,
        velo_merchant=velo_merchant,
        paul=paul_id,
        velo_domain=velo_domain,
        actors={name: principal(email) for name, email in ACTORS.items()},
    )


@pytest.mark.parametrize(("action", "actor"), CASES, ids=[f"{a} by {b}" for a, b in CASES])
def test_each_admin_action_is_allowed_or_refused_without_writing_anything(world, action, actor):
    run, writes, outcomes = ACTIONS[action]
    expected = outcomes[list(ACTORS).index(actor)]
    before = fingerprint()
    if expected == OK:
        with session_scope() as session:
            run(session, world.actors[actor], world)
        assert (fingerprint() != before) == writes
        return
    with session_scope() as session, pytest.raises(expected):
        run(session, world.actors[actor], world)
    assert fingerprint() == before


def test_a_platform_admin_cannot_make_himself_a_merchants_owner(world):
    """The review's first step: ops registers a merchant owned by himself."""
    before = fingerprint()
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        merchants.create_merchant(
            session, principal("ops@omsflow.lu"), {"name": "Ops Shop", "owner_email": "ops@omsflow.lu"}
        )
    assert caught.value.errors == {"owner_email": "tenancy.merchant.owner_is_admin"}
    assert fingerprint() == before


def test_no_admin_can_own_a_merchant(world):
    before = fingerprint()
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        merchants.create_merchant(
            session, world.actors["super admin"], {"name": "X", "owner_email": "lia@loyaltyflow.lu"}
        )
    assert caught.value.errors == {"owner_email": "tenancy.merchant.owner_is_admin"}
    assert fingerprint() == before


def test_a_platform_admin_cannot_open_a_store_on_another_platform_even_for_a_merchant_he_owns(world):
    """The review's second step: with a merchant of his own (as the old rule let him make),
    ops opened a store on `loyalty`."""
    with session_scope() as session:
        ops_id = session.exec(select(User.id).where(User.email == "ops@omsflow.lu")).one()
        own = Merchant(name="Ops Shop", owner_user_id=ops_id, platform_id=world.oms)
        session.add(own)
        session.flush()
        own_id = own.id
    ops = principal("ops@omsflow.lu")
    assert own_id in ops.merchant_ids
    before = fingerprint()
    for merchant_id in (own_id, world.velo_merchant):
        with session_scope() as session, pytest.raises(NotFound):
            stores.create_store(
                session,
                ops,
                {"code": "ops-shop", "name": "Ops", "merchant_id": merchant_id, "platform_id": world.loyalty},
            )
    assert fingerprint() == before


def test_a_platform_admin_gives_the_merchant_he_registered_its_first_store(world):
    ops, lia = world.actors["platform admin of oms"], world.actors["platform admin of loyalty"]
    with session_scope() as session:
        merchant = merchants.create_merchant(
            session, ops, {"name": "Nina's Bikes", "owner_email": "nina@bikes.lu"}
        )
        assert merchant.platform_id == world.oms
        assert merchant.id in {m.id for m, _ in merchants.list_merchants(session, ops)}
        assert merchant.id not in {m.id for m, _ in merchants.list_merchants(session, lia)}
        store = stores.create_store(
            session,
            ops,
            {
                "code": "nina-bikes",
                "name": "Nina's Bikes",
                "merchant_id": merchant.id,
                "platform_id": world.oms,
            },
        )
        assert session.get(User, merchant.owner_user_id).role == "merchant_owner"
    assert principal("nina@bikes.lu").merchant_ids == {merchant.id}
    assert store.merchant_id == merchant.id


def test_a_platform_admin_of_several_platforms_names_the_merchants_platform(world):
    with session_scope() as session:
        session.add(
            PlatformAdmin(user_id=world.actors["platform admin of loyalty"].user_id, platform_id=world.oms)
        )
    lia = principal("lia@loyaltyflow.lu")
    before = fingerprint()
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        merchants.create_merchant(session, lia, {"name": "Somewhere"})
    assert caught.value.errors == {"platform_id": "tenancy.merchant.platform_required"}
    assert fingerprint() == before
    with session_scope() as session:
        assert (
            merchants.create_merchant(
                session, lia, {"name": "Here", "platform_id": world.loyalty}
            ).platform_id
            == world.loyalty
        )


def test_a_super_admins_merchant_without_a_platform_takes_its_first_stores(world):
    admin = world.actors["super admin"]
    with session_scope() as session:
        merchant = merchants.create_merchant(session, admin, {"name": "Open"})
        assert merchant.platform_id is None
        stores.create_store(
            session,
            admin,
            {"code": "open-one", "name": "Open", "merchant_id": merchant.id, "platform_id": world.loyalty},
        )
        assert session.get(Merchant, merchant.id).platform_id == world.loyalty


def test_a_store_only_listed_on_a_platform_is_seen_but_not_changed_by_its_admin(world):
    """Bakery's home is `loyalty`; a listing on `oms` shows it to ops, but its name,
    domains and team belong to its home platform's admin."""
    bakery = store_id("bakery-lux")
    with session_scope() as session:
        session.add(StorePlatform(store_id=bakery, platform_id=world.oms, subdomain="bakery"))
    ops = world.actors["platform admin of oms"]
    before = fingerprint()
    with session_scope() as session:
        assert stores.get_store(session, ops, bakery).code == "bakery-lux"
        with pytest.raises(Forbidden):
            stores.update_store(session, ops, bakery, {"name": "Taken over"})
        with pytest.raises(Forbidden):
            stores.add_store_domain(session, ops, bakery, "bakery.example.lu")
    assert fingerprint() == before


def test_new_platform_admins_get_only_existing_platforms(world):
    admin = world.actors["super admin"]
    user = {"email": "pia@orion.lu", "name": "Pia", "password": "0123456789ab"}
    before = fingerprint()
    for role, ids, error in (
        ("platform_admin", [world.oms, 999_999], "tenancy.user.platform_unknown"),
        ("platform_admin", ["oms"], "tenancy.user.platform_unknown"),
        ("merchant_owner", [world.oms], "tenancy.user.platforms_for_platform_admins"),
    ):
        with session_scope() as session, pytest.raises(FieldErrors) as caught:
            users.create_user(session, admin, user | {"role": role, "platform_ids": ids})
        assert caught.value.errors == {"platform_ids": error}
    assert fingerprint() == before
    with session_scope() as session:
        users.create_user(session, admin, user | {"role": "platform_admin", "platform_ids": [str(world.oms)]})
    assert principal("pia@orion.lu").platform_ids == {world.oms}


def test_an_admin_cannot_disable_himself_nor_a_platform_admin_another_admin(world):
    ops = world.actors["platform admin of oms"]
    with session_scope() as session:
        session.add(StoreUser(store_id=world.velo, user_id=world.actors["super admin"].user_id, role="staff"))
    before = fingerprint()
    with session_scope() as session:
        with pytest.raises(Forbidden) as caught:
            users.set_user_active(session, ops, ops.user_id, False)
        assert caught.value.message_key == "tenancy.user.not_yourself"
        with pytest.raises(Forbidden):
            users.set_user_active(session, ops, world.actors["super admin"].user_id, False)
    assert fingerprint() == before


def test_merchants_from_before_the_platform_column_are_registered_on_their_first_stores_home(demo):
    config = alembic_config(demo)
    command.downgrade(config, "tenancy_001_initial")
    upgrade(demo)
    with session_scope() as session:
        registered = dict(
            session.exec(
                select(Merchant.name, Platform.code).join(Platform, Platform.id == Merchant.platform_id)
            ).all()
        )
    assert registered == {"Café Lëtzebuerg SARL": "oms", "Vëlo Weber SA": "oms", "Atelier Lux SARL": "oms"}
