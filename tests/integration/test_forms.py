"""Bad input gets a message per field and saves nothing."""

import pytest
from sqlalchemy import func
from sqlmodel import select

from modules.tenancy.models import Platform, Store
from modules.tenancy.services import platforms, stores
from orion_app.db import session_scope
from orion_app.errors import FieldErrors
from tests.integration.helpers import platform_id, principal


def count(model) -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(model)).one()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"code": "oms", "name": "Again"}, {"code": "tenancy.platform.code_taken"}),
        ({"code": "Bad Code!", "name": "X"}, {"code": "orion.error.code_format"}),
        ({"code": "fresh", "name": "  "}, {"name": "orion.error.required"}),
        ({"code": "fresh", "name": "X", "domain": "http://x"}, {"domain": "orion.error.domain_format"}),
        (
            {"code": "fresh", "name": "X", "domain": "omsflow.localhost"},
            {"domain": "tenancy.platform.domain_taken"},
        ),
    ],
)
def test_a_platform_with_bad_fields_is_refused_field_by_field(demo, data, expected):
    before = count(Platform)
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        platforms.create_platform(session, principal("admin@orion.lu"), data)
    assert caught.value.errors == expected
    assert count(Platform) == before


def test_every_bad_store_field_is_reported_at_once(demo):
    admin = principal("admin@orion.lu")
    before = count(Store)
    with session_scope() as session, pytest.raises(FieldErrors) as caught:
        stores.create_store(
            session,
            admin,
            {
                "code": "cafe-lux",
                "name": "",
                "merchant_id": "",
                "platform_id": platform_id("oms"),
                "subdomain": "-bad-",
                "languages": "fr,xx",
            },
        )
    assert caught.value.errors == {
        "code": "tenancy.store.code_taken",
        "name": "orion.error.required",
        "merchant_id": "tenancy.store.merchant_required",
        "subdomain": "orion.error.subdomain_format",
        "languages": "tenancy.store.languages_invalid",
    }
    assert count(Store) == before


def test_a_subdomain_already_used_on_the_platform_is_refused(demo):
    admin = principal("admin@orion.lu")
    with session_scope() as session:
        merchant_id = session.exec(select(Store.merchant_id).where(Store.code == "cafe-lux")).one()
        with pytest.raises(FieldErrors) as caught:
            stores.create_store(
                session,
                admin,
                {
                    "code": "cafe-two",
                    "name": "Two",
                    "merchant_id": merchant_id,
                    "platform_id": platform_id("oms"),
                    "subdomain": "cafe",
                },
            )
    assert caught.value.errors == {"subdomain": "tenancy.store.subdomain_taken"}


def test_a_valid_store_is_created_on_its_platform(demo):
    admin = principal("admin@orion.lu")
    with session_scope() as session:
        merchant_id = session.exec(select(Store.merchant_id).where(Store.code == "cafe-lux")).one()
        store = stores.create_store(
            session,
            admin,
            {
                "code": "cafe-two",
                "name": "Café Two",
                "merchant_id": merchant_id,
                "platform_id": platform_id("oms"),
                "subdomain": "cafe2",
                "languages": "fr,en",
                "default_language": "en",
            },
        )
    assert store.language_list == ("fr", "en") and store.default_language == "en"
    from orion_app.access import directory

    assert directory().resolve_host("cafe2.omsflow.localhost")[1].code == "cafe-two"
