"""Sign-in and sign-out over HTTP: the cookie's attributes, the Origin check, CORS."""

import pytest
from starlette.testclient import TestClient

from orion_app.access import principal_for
from orion_app.api import build_api
from orion_app.cors import OrionCORSMiddleware
from orion_app.registry import get_registry
from orion_app.session_cookie import COOKIE, SECURE_COOKIE

PAGE = "http://localhost:3000"


def post_sign_in(client: TestClient, origin: str | None = PAGE, **form):
    fields = {"email": "marie@cafe-lux.lu", "password": "orion-demo-2026", "base": "/store/cafe-lux/"} | form
    headers = {"Origin": origin} if origin else {}
    return client.post("/api/auth/sign-in", data=fields, headers=headers, follow_redirects=False)


@pytest.fixture
def client(demo):
    return TestClient(build_api(get_registry()))


def test_signing_in_sets_an_http_only_same_site_cookie_and_goes_to_the_dashboard(client):
    response = post_sign_in(client, next="/store/cafe-lux/products")
    assert response.status_code == 303
    assert response.headers["location"] == f"{PAGE}/store/cafe-lux/products"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP in development
    assert principal_for(response.cookies[COOKIE]).email == "marie@cafe-lux.lu"


def test_over_https_the_cookie_is_secure_and_host_prefixed(demo):
    client = TestClient(build_api(get_registry()), base_url="https://localhost")
    response = post_sign_in(client)
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SECURE_COOKIE}=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "Domain" not in cookie


@pytest.mark.parametrize(
    "origin", [None, "http://evil.localhost", "null", "https://omsflow.localhost.evil.com"]
)
def test_a_sign_in_from_a_foreign_or_missing_origin_is_refused_without_a_cookie(client, origin):
    response = post_sign_in(client, origin=origin)
    assert response.status_code == 403
    assert "set-cookie" not in response.headers


def test_a_platform_domain_is_one_of_our_origins(client):
    response = post_sign_in(client, origin="http://omsflow.localhost:3000")
    assert response.status_code == 303 and response.cookies.get(COOKIE)


def test_a_wrong_password_goes_back_to_the_sign_in_page_with_an_error_code(client):
    response = post_sign_in(client, password="wrong-password", next="/store/cafe-lux/team")
    assert response.status_code == 303
    assert (
        response.headers["location"]
        == f"{PAGE}/store/cafe-lux/login?error=invalid&next=%2Fstore%2Fcafe-lux%2Fteam"
    )
    assert "set-cookie" not in response.headers


def test_a_user_without_access_to_the_store_gets_no_session(client):
    response = post_sign_in(client, email="jean@velo.lu")
    assert "error=no_access" in response.headers["location"]
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize("target", ["//evil.localhost/", "/%5Cevil.localhost/", "https://evil.localhost/"])
def test_a_foreign_next_target_lands_on_the_dashboard(client, target):
    response = post_sign_in(client, next=target)
    assert response.headers["location"] == f"{PAGE}/store/cafe-lux/"


def test_signing_out_revokes_the_session_and_clears_the_cookie(client):
    token = post_sign_in(client).cookies[COOKIE]
    response = client.post(
        "/api/auth/sign-out",
        data={"base": "/store/cafe-lux/"},
        headers={"Origin": PAGE},
        cookies={COOKIE: token},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"{PAGE}/store/cafe-lux/login"
    assert f'{COOKIE}=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
    assert principal_for(token) is None


def test_a_cross_site_sign_out_is_refused(client):
    token = post_sign_in(client).cookies[COOKIE]
    response = client.post(
        "/api/auth/sign-out", headers={"Origin": "http://evil.localhost"}, cookies={COOKIE: token}
    )
    assert response.status_code == 403
    assert principal_for(token) is not None


def cors_client() -> TestClient:
    return TestClient(OrionCORSMiddleware(build_api(get_registry())))


@pytest.mark.parametrize(
    "origin, granted",
    [
        ("http://evil.localhost", False),
        ("https://attacker.example", False),
        ("null", False),
        ("http://localhost:3000", True),  # Reflex's deploy_url
        ("http://omsflow.localhost:3000", True),  # a platform domain
        ("http://www.omsflow.localhost", True),
        ("http://cafe.omsflow.localhost:3000", True),  # a store's sub-domain
        ("http://nope.omsflow.localhost", False),  # no such store
    ],
)
def test_cors_grants_credentialed_requests_only_to_our_own_origins(demo, origin, granted):
    client = cors_client()
    preflight = client.options("/health", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
    simple = client.get("/health/live", headers={"Origin": origin})
    assert (preflight.headers.get("access-control-allow-origin") == origin) is granted
    assert (simple.headers.get("access-control-allow-origin") == origin) is granted
    assert "*" not in (simple.headers.get("access-control-allow-origin") or "")


def test_reflex_builds_its_apps_with_orions_cors_middleware():
    from reflex.app import App

    import orion_app.orion_app  # noqa: F401
    from orion_app.cors import _add_cors

    assert App._add_cors is _add_cors
