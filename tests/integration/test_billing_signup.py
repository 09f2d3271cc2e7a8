"""Sign-up on the platform site over HTTP: the Origin-checked endpoint creates merchant,
owner, store and trial, sets the staff session cookie and lands on the store's billing page
with the welcome checklist; refusals go back to the form, each next to its field, with what
was typed (never the password); the sign-up page reads them back."""

from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from modules.billing.public import subscription_of
from modules.billing.state.pricing import SignUpState
from modules.tenancy.public import store_by_code
from orion_app.access import principal_for
from orion_app.api import build_api
from orion_app.db import session_scope
from orion_app.registry import get_registry
from tests.integration.helpers import Tab, platform_id

PAGE = "http://localhost:3000"
OMS = "/platforms/oms/"
LENA = {
    "plan": "essential",
    "interval": "month",
    "merchant_name": "Fleurs Lëtzebuerg SARL",
    "owner_name": "Lena Flor",
    "email": "lena@fleurs.lu",
    "password": "Orion-signup-2026!",
    "store_code": "fleurs",
    "store_name": "Fleurs",
    "lang_fr": "on",
    "lang_en": "on",
    "default_language": "fr",
    "card": "later",
}


@pytest.fixture
def client(demo):
    return TestClient(build_api(get_registry()))


def post(client: TestClient, origin: str | None = PAGE, **form):
    headers = {"Origin": origin} if origin else {}
    return client.post(
        "/api/billing/sign-up", data={"base": OMS, **form}, headers=headers, follow_redirects=False
    )


def test_signing_up_creates_the_store_with_its_trial_and_signs_the_owner_in(client):
    response = post(client, **LENA)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"{PAGE}/store/fleurs/billing?welcome=1"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("orion_session=") and "HttpOnly" in cookie and "Path=/" in cookie
    principal = principal_for(response.cookies["orion_session"])
    assert principal is not None and principal.email == "lena@fleurs.lu"
    with session_scope() as session:
        store = store_by_code(session, "fleurs")
        record = subscription_of(session, store.merchant_id, platform_id("oms"))
    assert set(store.languages) == {"fr", "en"} and store.default_language == "fr"
    assert (record.plan.code, record.status, record.trial_days_left) == ("essential", "trialing", 30)


def test_choosing_to_add_a_card_lands_on_the_card_form(client):
    response = post(client, **(LENA | {"card": "now"}))
    assert response.headers["location"].endswith("/store/fleurs/billing?welcome=1&card=1")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"store_code": "admin"}, "store_code"),
        ({"store_code": "cafe-lux"}, "store_code"),
        ({"password": "short"}, "password"),
        ({"email": "marie@cafe-lux.lu"}, "email"),
    ],
)
def test_bad_input_goes_back_to_the_form_next_to_its_field_keeping_what_was_typed(client, changes, field):
    response = post(client, **(LENA | changes))
    assert response.status_code == 303 and "set-cookie" not in response.headers
    location = urlsplit(response.headers["location"])
    assert location.path == f"{OMS}signup"
    query = parse_qs(location.query)
    assert f"e_{field}" in query
    assert query["merchant_name"] == ["Fleurs Lëtzebuerg SARL"] and "password" not in query
    with session_scope() as session:
        assert store_by_code(session, "fleurs") is None or changes.get("store_code") != "fleurs"

    tab = Tab(SignUpState, f"{OMS}signup?{location.query}", plans=[], values={}, languages=[], errors={})
    tab.router.url.query_parameters = {k: v[0] for k, v in query.items()}
    tab.call("load")
    assert tab.step == "account" and tab.plan == "essential"
    assert (
        field in tab.errors
        and tab.errors[field]
        and not tab.errors[field].startswith(("billing.", "tenancy."))
    )
    assert tab.values["merchant_name"] == "Fleurs Lëtzebuerg SARL"
    assert tab.languages == ["en", "fr"]


def test_an_address_signing_up_again_and_again_is_stopped(client):
    for attempt in range(10):
        response = post(client, **(LENA | {"store_code": "admin"}))
        assert "e_store_code" in parse_qs(urlsplit(response.headers["location"]).query), attempt
    response = post(client, **LENA)
    query = parse_qs(urlsplit(response.headers["location"]).query)
    assert query["e_form"] == ["orion.error.too_many"] and "set-cookie" not in response.headers
    with session_scope() as session:
        assert store_by_code(session, "fleurs") is None


def test_a_form_from_another_site_is_refused(client):
    assert post(client, origin="https://evil.example", **LENA).status_code == 403
    assert post(client, origin=None, **LENA).status_code == 403
    with session_scope() as session:
        assert store_by_code(session, "fleurs") is None


def test_an_unknown_platform_base_is_refused(client):
    response = client.post(
        "/api/billing/sign-up",
        data={**LENA, "base": "/platforms/nowhere/"},
        headers={"Origin": PAGE},
        follow_redirects=False,
    )
    assert response.status_code == 404


def test_sign_ups_racing_for_one_store_code_make_one_store_and_field_errors_never_a_500(client):
    """Eight visitors submit the same store code at once (each its own e-mail): one store is
    made; the others are sent back with the code refused next to its field."""
    from concurrent.futures import ThreadPoolExecutor

    def one(n: int):
        form = {**LENA, "email": f"racer{n}@fleurs.lu", "merchant_name": f"Racer {n}"}
        with TestClient(build_api(get_registry())) as own:
            return post(own, **form)

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(8)))
    assert all(a.status_code == 303 for a in answers), [a.status_code for a in answers]
    places = [a.headers["location"] for a in answers]
    assert sum(p.endswith("/store/fleurs/billing?welcome=1") for p in places) == 1
    refused = [parse_qs(urlsplit(p).query) for p in places if "/signup?" in p]
    assert len(refused) == 7 and all(q["e_store_code"] for q in refused)
