"""The one URL builder: every frontend in its dev path and in the Host form."""

import pytest

from orion_app.registry import Frontend
from orion_app.routes import frontend_base, frontend_url, host_origin
from orion_app.tenant import parse_location


def test_dev_paths_put_the_tenants_codes_in_each_frontends_prefix():
    assert frontend_base(Frontend.ADMIN) == "/admin/"
    assert frontend_base(Frontend.STORE, store="cafe-lux") == "/store/cafe-lux/"
    assert frontend_base(Frontend.PLATFORM, platform="oms") == "/platforms/oms/"
    assert frontend_base(Frontend.STOREFRONT, platform="oms", store="cafe-lux") == (
        "/platforms/oms/storefront/cafe-lux/"
    )


def test_a_page_url_is_the_base_followed_by_the_pages_path():
    assert frontend_url(Frontend.STORE, "marketplace/export", store="cafe-lux") == (
        "/store/cafe-lux/marketplace/export"
    )
    assert frontend_url(Frontend.ADMIN, "/platforms/oms") == "/admin/platforms/oms"
    assert frontend_url(Frontend.STOREFRONT, "products/latte", platform="oms", store="cafe-lux") == (
        "/platforms/oms/storefront/cafe-lux/products/latte"
    )


def test_on_a_host_storefront_and_platform_pages_sit_at_the_root():
    assert frontend_base(Frontend.STOREFRONT, host="cafe.oms.lu") == "https://cafe.oms.lu/"
    assert frontend_url(Frontend.STOREFRONT, "products/latte", host="shop.cafe.lu") == (
        "https://shop.cafe.lu/products/latte"
    )
    assert frontend_url(Frontend.PLATFORM, "pricing", host="oms.lu") == "https://oms.lu/pricing"


def test_on_a_host_dashboards_keep_their_path():
    assert (
        frontend_url(Frontend.STORE, "team", store="cafe-lux", host="oms.lu")
        == "https://oms.lu/store/cafe-lux/team"
    )
    assert frontend_base(Frontend.ADMIN, host="oms.lu") == "https://oms.lu/admin/"


def test_localhost_names_are_served_over_http_and_keep_their_port():
    assert host_origin("cafe.omsflow.localhost:3000") == "http://cafe.omsflow.localhost:3000"
    assert host_origin("localhost") == "http://localhost"
    assert host_origin("oms.lu") == "https://oms.lu"


def test_a_url_without_the_codes_its_frontend_needs_is_refused():
    with pytest.raises(ValueError, match="needs the store's code"):
        frontend_base(Frontend.STOREFRONT, platform="oms")


@pytest.mark.parametrize(
    ("frontend", "codes"),
    [
        (Frontend.ADMIN, {}),
        (Frontend.STORE, {"store": "cafe-lux"}),
        (Frontend.PLATFORM, {"platform": "oms"}),
        (Frontend.STOREFRONT, {"platform": "oms", "store": "cafe-lux"}),
    ],
)
def test_the_resolver_reads_back_what_the_builder_wrote(frontend, codes):
    location = parse_location(frontend_url(frontend, "some/page", **codes))

    assert location.frontend == frontend
    assert location.subpath == "some/page"
    assert location.platform_code == codes.get("platform")
    assert location.store_code == codes.get("store")
    assert location.base == frontend_base(frontend, **codes)
