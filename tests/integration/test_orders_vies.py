"""The optional VIES check: a local server answers as the Commission's VIES REST API does
(`GET /ms/<country>/vat/<number>` → `{"isValid": …, "userError": …}`)."""

import json
from dataclasses import replace

import pytest

from modules.orders.config import OrdersConfig
from modules.orders.public import vat_preview
from modules.orders.services.vat_settings import save_vat_settings
from orion_app.db import session_scope
from orion_app.redis_client import get_redis, key
from tests.integration.catalog_helpers import scope
from tests.integration.orders_helpers import order_rows, placement
from tests.integration.test_orders_vat import ACME_FR, CLASSES, place, shop
from tests.local_http import QuietHandler, local_server

__all__ = ["shop"]  # fixture

# VIES's own answers: known, unknown, and a member state that is down.
ANSWERS = {
    "FR/40303265045": (200, {"isValid": True, "userError": "VALID", "name": "ACME SARL"}),
    "DE/136695976": (200, {"isValid": False, "userError": "INVALID"}),
    "BE/0403170701": (200, {"isValid": False, "userError": "MS_UNAVAILABLE"}),
}
KNOWN_FR = "FR40303265045"
UNKNOWN_DE = replace(ACME_FR, country="DE", postal_code="10115", city="Berlin", vat_number="DE136695976")
BELGIAN = replace(ACME_FR, country="BE", postal_code="1000", city="Bruxelles", vat_number="BE0403170701")


class Vies(QuietHandler):
    def do_GET(self):
        self.server.hits.append(self.path)
        _, _ms, country, _vat, number = self.path.split("/")
        status, body = ANSWERS.get(f"{country}/{number}", (500, {}))
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def vies(monkeypatch):
    with local_server(Vies) as server:
        monkeypatch.setenv("ORDERS_VIES_URL", f"http://127.0.0.1:{server.server_port}")
        redis = get_redis()
        for number in ("FR40303265045", "DE136695976", "BE0403170701"):
            redis.delete(key("orders", "vies", number))
        yield server


def checking(on: bool = True) -> None:
    with session_scope() as session:
        save_vat_settings(session, scope()[0], False, on, CLASSES)
        session.commit()


def preview(billing):
    request = placement([(1, 1)], billing=billing)
    with session_scope() as session:
        return vat_preview(session, scope()[0], request.lines, billing, 490, 17, "fr")


def test_off_by_default_nothing_is_asked_and_the_checksum_decides(shop, vies):
    assert preview(UNKNOWN_DE).kind == "reverse_charge"  # a checksum-valid number
    assert vies.hits == []


def test_a_number_vies_knows_keeps_the_reverse_charge_and_is_asked_once(shop, vies):
    checking()
    moka = shop["moka"][1]
    place(placement([(moka, 1)], billing=ACME_FR, shipping=ACME_FR))
    place(placement([(moka, 1)], billing=ACME_FR, shipping=ACME_FR))
    assert [row.vat_treatment for row in order_rows()] == ["reverse_charge"] * 2
    assert vies.hits == [f"/ms/FR/vat/{KNOWN_FR[2:]}"]  # the day's answer is kept


def test_a_number_vies_does_not_know_pays_vat_and_the_shopper_is_told(shop, vies):
    checking()
    request = placement([(shop["moka"][1], 1)], billing=UNKNOWN_DE, shipping=UNKNOWN_DE)
    with session_scope() as session:
        shown = vat_preview(session, scope()[0], request.lines, UNKNOWN_DE, 490, 17, "de")
    assert (shown.kind, shown.message_key, shown.message_params) == (
        "intra_eu_b2c_origin",
        "orders.vat.vies_invalid",
        {"country": "DE"},
    )
    place(request)
    (row,) = order_rows()
    assert (row.vat_treatment, row.vat_cents > 0) == ("intra_eu_b2c_origin", True)


def test_vies_down_or_busy_charges_vat_with_its_own_message(shop, vies, monkeypatch):
    checking()
    assert (preview(BELGIAN).kind, preview(BELGIAN).message_key) == (
        "intra_eu_b2c_origin",
        "orders.vat.vies_unavailable",
    )
    get_redis().delete(key("orders", "vies", KNOWN_FR))
    monkeypatch.setenv("ORDERS_VIES_URL", "http://127.0.0.1:9")  # nothing listens there
    assert preview(ACME_FR).message_key == "orders.vat.vies_unavailable"


def test_the_vies_address_is_a_setting_with_the_commissions_default():
    assert OrdersConfig().vies_url == "https://ec.europa.eu/taxation_customs/vies/rest-api"
