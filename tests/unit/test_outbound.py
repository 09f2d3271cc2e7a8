"""Outbound HTTP only reaches the public internet: every answer of one resolution is checked,
and the connection goes to the checked address, on every redirect hop.

DNS is a table here, and the network either a recorder that connects nowhere or a stand-in
for the internet that routes one public address to a real HTTP server on 127.0.0.1.
"""

import socket

import httpcore
import httpx
import pytest

from orion_app.outbound import BlockedAddress, guarded_client, is_public_address
from tests.local_http import QuietHandler, local_server

PUBLIC = "93.184.215.14"


class FakeDNS:
    """Answers names from a table; a name with several answers gets the next one on each call."""

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[tuple]:
        answers = self.table.get(host)
        if answers is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        answer = answers[min(self.asked.count(host), len(answers) - 1)]
        self.asked.append(host)
        return [
            (socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
            for ip in answer
        ]


class TLSRefused(httpcore.NetworkStream):
    def __init__(self, network: "RecordingNetwork") -> None:
        self.network = network

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        self.network.tls_names.append(server_hostname)
        raise httpcore.ConnectError("the test network has no TLS")

    def close(self) -> None:
        pass


class RecordingNetwork(httpcore.NetworkBackend):
    """Records where it was asked to connect; plain connections fail, TLS fails at the handshake."""

    def __init__(self) -> None:
        self.connected: list[str] = []
        self.tls_names: list[str | None] = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connected.append(host)
        if port == 443:
            return TLSRefused(self)
        raise httpcore.ConnectError("the test network connects nowhere")


class Internet(httpcore.NetworkBackend):
    """The real network, where the public address PUBLIC is the test server on 127.0.0.1."""

    def __init__(self) -> None:
        self.network = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        host = "127.0.0.1" if host == PUBLIC else host
        return self.network.connect_tcp(host, port, timeout, local_address, socket_options)


class Pages(QuietHandler):
    def do_GET(self):
        self.server.seen.append((self.path, self.headers["Host"]))
        port = self.server.server_port
        location = {"/redirect": "/feed", "/to-internal": f"http://internal.example.test:{port}/feed"}
        if self.path in location:
            self.send_response(302)
            self.send_header("Location", location[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"feed")


@pytest.fixture
def server():
    with local_server(Pages) as httpd:
        httpd.seen = []
        yield httpd


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "100.100.100.200",  # cloud metadata, inside carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "ff0e::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::7f00:1",  # IPv4-compatible
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "64:ff9b:1::808:808",  # local-use NAT64
        "2001:0:808:808:0:0:f5ff:fffe",  # Teredo, client 10.0.0.1
        "not an address",
    ],
)
def test_addresses_outside_the_public_internet_are_refused(address):
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2002:0808:0808::1", "64:ff9b::808:808", "::ffff:8.8.8.8"],
)
def test_public_addresses_are_allowed(address):
    assert is_public_address(address)


def test_a_name_is_resolved_once_per_connection_and_the_checked_address_is_the_one_connected_to():
    dns = FakeDNS({"feeds.example.test": [[PUBLIC], ["127.0.0.1"]]})  # rebinds after its first answer
    network = RecordingNetwork()
    with guarded_client(timeout=2, max_redirects=5, resolver=dns, network=network) as client:
        with pytest.raises(httpx.ConnectError) as first:
            client.get("http://feeds.example.test/feed.tsv")
        assert not isinstance(first.value, BlockedAddress)  # refused by the network, not by the check
        with pytest.raises(BlockedAddress):
            client.get("http://feeds.example.test/feed.tsv")
    assert dns.asked == ["feeds.example.test", "feeds.example.test"]
    assert network.connected == [PUBLIC]


def test_one_private_answer_among_public_ones_refuses_the_name():
    dns = FakeDNS({"feeds.example.test": [[PUBLIC, "127.0.0.1"]]})
    network = RecordingNetwork()
    with (
        guarded_client(timeout=2, max_redirects=5, resolver=dns, network=network) as client,
        pytest.raises(BlockedAddress) as refused,
    ):
        client.get("http://feeds.example.test/feed.tsv")
    assert (refused.value.host, refused.value.address) == ("feeds.example.test", "127.0.0.1")
    assert network.connected == []


def test_tls_checks_the_name_while_connecting_to_the_checked_address():
    dns = FakeDNS({"feeds.example.test": [[PUBLIC]]})
    network = RecordingNetwork()
    with (
        guarded_client(timeout=2, max_redirects=5, resolver=dns, network=network) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.get("https://feeds.example.test/feed.tsv")
    assert (network.connected, network.tls_names) == ([PUBLIC], ["feeds.example.test"])


def test_a_proxy_from_the_environment_is_not_used(monkeypatch):
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://10.0.0.1:3128")
    dns = FakeDNS({"feeds.example.test": [[PUBLIC]]})
    network = RecordingNetwork()
    with (
        guarded_client(timeout=2, max_redirects=5, resolver=dns, network=network) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.get("http://feeds.example.test/feed.tsv")
    assert (dns.asked, network.connected) == (["feeds.example.test"], [PUBLIC])


def test_a_name_that_does_not_resolve_cannot_be_reached():
    network = RecordingNetwork()
    with (
        guarded_client(timeout=2, max_redirects=5, resolver=FakeDNS({}), network=network) as client,
        pytest.raises(httpx.ConnectError) as failure,
    ):
        client.get("http://nowhere.example.test/feed.tsv")
    assert not isinstance(failure.value, BlockedAddress)
    assert network.connected == []


def test_with_private_addresses_allowed_redirects_are_followed_and_the_host_header_is_the_name(server):
    port = server.server_port
    dns = FakeDNS({"feeds.example.test": [["127.0.0.1"]]})
    with guarded_client(timeout=2, max_redirects=5, allow_private=True, resolver=dns) as client:
        response = client.get(f"http://feeds.example.test:{port}/redirect")
    assert (response.status_code, response.text) == (200, "feed")
    assert server.seen == [
        ("/redirect", f"feeds.example.test:{port}"),
        ("/feed", f"feeds.example.test:{port}"),
    ]
    assert dns.asked == ["feeds.example.test", "feeds.example.test"]  # the server closes: one per hop


def test_a_name_that_resolves_to_a_private_address_is_refused_before_anything_is_sent(server):
    dns = FakeDNS({"feeds.example.test": [["127.0.0.1"]]})
    with (
        guarded_client(timeout=2, max_redirects=5, resolver=dns) as client,
        pytest.raises(BlockedAddress) as refused,
    ):
        client.get(f"http://feeds.example.test:{server.server_port}/feed")
    assert refused.value.host == "feeds.example.test"
    assert server.seen == []


def test_a_redirect_to_a_name_that_resolves_to_a_private_address_is_refused(server):
    port = server.server_port
    dns = FakeDNS({"feeds.example.test": [[PUBLIC]], "internal.example.test": [["127.0.0.1"]]})
    with (
        guarded_client(timeout=2, max_redirects=5, resolver=dns, network=Internet()) as client,
        pytest.raises(BlockedAddress) as refused,
    ):
        client.get(f"http://feeds.example.test:{port}/to-internal")
    assert refused.value.host == "internal.example.test"
    assert server.seen == [("/to-internal", f"feeds.example.test:{port}")]  # the first hop, and only it
