"""Shoppers over HTTP: a per-store HttpOnly cookie set only by the endpoints, Origin-checked
forms, "download my data" for the cookie's own store only; and the cookie never reaches
Reflex state nor a server-rendered page."""

import json

import pytest
from starlette.testclient import TestClient

from modules.customers.public import cookie_names, signed_in_customer
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.registry import get_registry
from orion_app.session_cookie import split_cookie_header
from orion_app.ssr.respond import match
from tests.integration.customers_shop_helpers import storefront

PAGE = "http://localhost:3000"
CAFE = "/platforms/oms/storefront/cafe-lux/"
VELO = "/platforms/oms/storefront/velo-weber/"
ZOE = {"name": "Zoë Müller", "email": "zoe@example.lu", "password": "long-enough-pw", "language": "fr"}


def post(client: TestClient, path: str, origin: str | None = PAGE, **form):
    headers = {"Origin": origin} if origin else {}
    return client.post(f"/api/shop/{path}", data=form, headers=headers, follow_redirects=False)


@pytest.fixture
def client(demo):
    return TestClient(build_api(get_registry()))


def signed_up(client: TestClient, base: str = CAFE, **changes) -> tuple[str, str]:
    """(cookie name, token) of a new account of the store at `base`."""
    response = post(client, "sign-up", base=base, **(ZOE | changes))
    assert response.status_code == 303, response.text
    name, token = next(iter(response.cookies.items()))
    return name, token


def test_signing_up_sets_the_stores_own_http_only_cookie_and_opens_the_account(client):
    response = post(client, "sign-up", base=CAFE, **ZOE)
    assert response.headers["location"] == f"{PAGE}{CAFE}account?welcome=1"
    cafe = storefront()
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"orion_shopper_{cafe.store_id}=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Domain" not in cookie and "Secure" not in cookie
    token = response.cookies[f"orion_shopper_{cafe.store_id}"]
    with session_scope() as session:
        assert signed_in_customer(session, cafe.store_id, token).email == "zoe@example.lu"
        assert signed_in_customer(session, storefront("velo-weber").store_id, token) is None


def test_over_https_the_shopper_cookie_is_secure_and_host_prefixed(demo):
    client = TestClient(build_api(get_registry()), base_url="https://localhost")
    name, _ = signed_up(client)
    assert name == cookie_names(storefront().store_id)[0] and name.startswith("__Host-")


def test_bad_sign_up_input_goes_back_with_codes_by_field_and_no_cookie(client):
    response = post(client, "sign-up", base=CAFE, **(ZOE | {"password": "short", "email": "nope"}))
    location = response.headers["location"]
    assert location.startswith(f"{PAGE}{CAFE}account/signup?")
    assert "e_password=password_short" in location and "e_email=email_invalid" in location
    assert "short" not in location.replace("password_short", "")  # the password is never sent back
    assert "set-cookie" not in response.headers


@pytest.mark.parametrize("origin", [None, "http://evil.localhost", "null"])
def test_forms_from_a_foreign_or_missing_origin_are_refused(client, origin):
    for path in ("sign-up", "sign-in", "sign-out"):
        response = post(client, path, origin=origin, base=CAFE, **ZOE)
        assert response.status_code == 403 and "set-cookie" not in response.headers


def test_signing_in_and_a_wrong_password(client):
    signed_up(client)
    client.cookies.clear()
    wrong = post(client, "sign-in", base=CAFE, email=ZOE["email"], password="not-it", next=f"{CAFE}products")
    assert wrong.headers["location"].startswith(f"{PAGE}{CAFE}account/login?error=invalid")
    assert "set-cookie" not in wrong.headers
    right = post(
        client, "sign-in", base=CAFE, email=ZOE["email"], password=ZOE["password"], next=f"{CAFE}products"
    )
    assert right.headers["location"] == f"{PAGE}{CAFE}products"
    assert right.cookies.get(f"orion_shopper_{storefront().store_id}")
    # A `next` that leaves the site is ignored.
    away = post(
        client, "sign-in", base=CAFE, email=ZOE["email"], password=ZOE["password"], next="//evil.example"
    )
    assert away.headers["location"] == f"{PAGE}{CAFE}account"


def test_my_data_is_the_signed_in_shoppers_own_and_only_in_its_store(client):
    _, token = signed_up(client)
    data = client.get("/api/shop/my-data", params={"base": CAFE})
    assert data.status_code == 200 and data.headers["cache-control"] == "no-store"
    assert json.loads(data.text)["account"]["email"] == "zoe@example.lu"
    assert "attachment" in data.headers["content-disposition"]
    client.cookies.clear()
    assert client.get("/api/shop/my-data", params={"base": CAFE}).status_code == 401
    # The cafe-lux token under velo-weber's cookie name opens nothing there.
    velo_cookie = cookie_names(storefront("velo-weber").store_id)[1]
    client.cookies.set(velo_cookie, token)
    assert client.get("/api/shop/my-data", params={"base": VELO}).status_code == 401


def test_signing_out_ends_the_session_and_clears_the_cookie(client):
    name, token = signed_up(client)
    response = post(client, "sign-out", base=CAFE)
    assert response.headers["location"] == f"{PAGE}{CAFE}"
    assert f'{name}=""' in response.headers["set-cookie"] or "Max-Age=0" in response.headers["set-cookie"]
    with session_scope() as session:
        assert signed_in_customer(session, storefront().store_id, token) is None


def test_shopper_cookies_are_kept_out_of_the_websockets_headers():
    token, rest, private = split_cookie_header(
        "orion_lang=fr; orion_shopper_3=abc; __Host-orion_shopper_4=def"
    )
    assert token == "" and rest == "orion_lang=fr"
    assert private == {"orion_shopper_3": "abc", "__Host-orion_shopper_4": "def"}


def test_account_pages_are_never_server_rendered_but_sign_up_and_sign_in_are():
    for path in (
        "account",
        "account/addresses",
        "account/orders",
        "account/privacy",
        "account/verify",
        "account/reset",
    ):
        assert match(f"{CAFE}{path}") is None, path
    for path in ("account/signup", "account/login", "account/forgot"):
        assert match(f"{CAFE}{path}") is not None, path
