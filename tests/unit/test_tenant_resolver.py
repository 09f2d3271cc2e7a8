"""One resolver for every URL and Host form (against the demo data in SQLite)."""

import pytest

from orion_app.access import directory
from orion_app.registry import Frontend
from orion_app.tenant import normalise_host, parse_location, resolve_tenant


@pytest.mark.parametrize(
    ("path", "frontend", "platform", "store", "subpath", "by_host"),
    [
        ("/admin/", Frontend.ADMIN, None, None, "", False),
        ("/admin/platforms/oms/modules", Frontend.ADMIN, None, None, "platforms/oms/modules", False),
        ("/store/cafe-lux/", Frontend.STORE, None, "cafe-lux", "", False),
        ("/store/cafe-lux/team?x=1", Frontend.STORE, None, "cafe-lux", "team", False),
        ("/platforms/oms/storefront/cafe-lux/", Frontend.STOREFRONT, "oms", "cafe-lux", "", False),
        (
            "/platforms/oms/storefront/cafe-lux/products/x",
            Frontend.STOREFRONT,
            "oms",
            "cafe-lux",
            "products/x",
            False,
        ),
        ("/platforms/oms/", Frontend.PLATFORM, "oms", None, "", False),
        ("/platforms/oms/pricing", Frontend.PLATFORM, "oms", None, "pricing", False),
        ("/", Frontend.PLATFORM, None, None, "", True),
        ("/products/x", Frontend.PLATFORM, None, None, "products/x", True),
    ],
)
def test_every_path_form_is_parsed(path, frontend, platform, store, subpath, by_host):
    location = parse_location(path)
    assert (
        location.frontend,
        location.platform_code,
        location.store_code,
        location.subpath,
        location.by_host,
    ) == (frontend, platform, store, subpath, by_host)


def test_hosts_are_normalised():
    assert normalise_host("Cafe.OmsFlow.localhost:3000") == "cafe.omsflow.localhost"
    assert normalise_host("omsflow.lu.") == "omsflow.lu"


@pytest.fixture
def resolve(demo):
    def run(path: str, host: str = "localhost:3000"):
        tenant = resolve_tenant(directory(), path, host, "main")
        if tenant is None:
            return None
        return (
            tenant.frontend,
            tenant.platform.code if tenant.platform else None,
            tenant.store.code if tenant.store else None,
            tenant.base,
        )

    return run


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_dev_paths_resolve_to_their_tenants(resolve):
    assert resolve("/admin/") == (Frontend.ADMIN, None, None, "/admin/")
    assert resolve("/store/cafe-lux/team") == (Frontend.STORE, "oms", "cafe-lux", "/store/cafe-lux/")
    assert resolve("/store/bakery-lux/") == (Frontend.STORE, "loyalty", "bakery-lux", "/store/bakery-lux/")
    assert resolve("/platforms/oms/storefront/cafe-lux/") == (
        Frontend.STOREFRONT,
        "oms",
        "cafe-lux",
        "/platforms/oms/storefront/cafe-lux/",
    )
    assert resolve("/platforms/loyalty/") == (Frontend.PLATFORM, "loyalty", None, "/platforms/loyalty/")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_unknown_or_foreign_tenants_resolve_to_nothing(resolve):
    assert resolve("/store/ghost/") is None
    assert resolve("/platforms/ghost/") is None
    assert resolve("/platforms/ghost/storefront/cafe-lux/") is None
    # cafe-lux sells on oms, not on loyalty
    assert resolve("/platforms/loyalty/storefront/cafe-lux/") is None


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_host_forms_resolve_platform_and_store(resolve):
    assert resolve("/", "omsflow.localhost") == (Frontend.PLATFORM, "oms", None, "/")
    assert resolve("/", "www.omsflow.localhost") == (Frontend.PLATFORM, "oms", None, "/")
    assert resolve("/", "cafe.omsflow.localhost:3000") == (Frontend.STOREFRONT, "oms", "cafe-lux", "/")
    assert resolve("/products/x", "velo.omsflow.localhost") == (Frontend.STOREFRONT, "oms", "velo-weber", "/")
    assert resolve("/", "shop.cafe-lux.localhost") == (Frontend.STOREFRONT, "oms", "cafe-lux", "/")
    assert resolve("/", "bakery.loyaltyflow.localhost") == (Frontend.STOREFRONT, "loyalty", "bakery-lux", "/")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_an_unknown_host_serves_the_main_platform_and_a_wrong_subdomain_nothing_else(resolve):
    assert resolve("/", "localhost:3000") == (Frontend.PLATFORM, "main", None, "/")
    assert resolve("/", "127.0.0.1") == (Frontend.PLATFORM, "main", None, "/")
    # a subdomain of a platform that is not a store there is not that platform's storefront
    assert resolve("/", "bakery.omsflow.localhost") == (Frontend.PLATFORM, "main", None, "/")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_the_store_dashboard_on_a_platform_host_uses_that_platform(resolve):
    assert resolve("/store/cafe-lux/", "omsflow.localhost") == (
        Frontend.STORE,
        "oms",
        "cafe-lux",
        "/store/cafe-lux/",
    )
