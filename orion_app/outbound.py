"""HTTP requests to URLs that people type in (feeds; later images and webhooks) that cannot
reach the deployment's own network.

Checking a name and then letting the HTTP client connect to it resolves the name twice, and
a DNS server may answer a public address to the check and 127.0.0.1 to the connection (DNS
rebinding). So the name is resolved once, in the network layer, every answer is checked,
and the connection goes to the checked address; TLS still verifies the name, and the Host
header is still the name. Redirects open new connections through the same layer.
"""

import contextlib
import functools
import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

# Called like socket.getaddrinfo(host, port); only each answer's address (info[4][0]) is used.
Resolver = Callable[[str, int], Iterable[tuple[Any, ...]]]

# is_global says yes to these in Python 3.11, yet none of them is an address on the internet:
# IPv4-compatible addresses (deprecated, ::a.b.c.d), local-use NAT64 (RFC 8215, a network's
# own translator) and site-local addresses (deprecated, a network's own).
_NEVER_PUBLIC = tuple(ipaddress.ip_network(n) for n in ("::/96", "64:ff9b:1::/48", "fec0::/10"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class BlockedAddress(httpx.ConnectError):
    """A host that resolves to an address outside the public internet; nothing was sent to it."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to {address}, which is not a public internet address")
        self.host = host
        self.address = address


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    # Each of these reaches the IPv4 address inside it, so that address must be public too.
    embedded = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in _NAT64:
        embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in embedded if address is not None]


def is_public_address(address: str) -> bool:
    """Whether `address` (an IP literal) is on the public internet, and so may be fetched from."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in network for network in _NEVER_PUBLIC):
            return False
        return _is_global(ip) and all(_is_global(inner) for inner in _embedded_ipv4(ip))
    return _is_global(ip)


def _is_global(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not ip.is_multicast  # is_global says yes to 224.0.0.1 and ff0e::1


class _GuardedNetwork(httpcore.NetworkBackend):
    """httpcore's network layer with one resolution per connection, checked before connecting."""

    def __init__(self, *, allow_private: bool, resolver: Resolver, network: httpcore.NetworkBackend) -> None:
        self._allow_private = allow_private
        self._resolver = resolver
        self._network = network

    def _addresses(self, host: str, port: int) -> list[str]:
        try:
            answers = self._resolver(host, port)
            addresses = list(dict.fromkeys(str(info[4][0]) for info in answers))
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"{host} cannot be resolved: {exc}") from None
        if not addresses:
            raise httpcore.ConnectError(f"{host} cannot be resolved")
        return addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._addresses(host, port)
        if not self._allow_private:
            # One bad answer refuses the host: which answer gets used is not ours to choose.
            for address in addresses:
                if not is_public_address(address):
                    raise BlockedAddress(host, address)
        connect = functools.partial(
            self._network.connect_tcp,
            port=port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )
        for address in addresses[:-1]:  # in the resolver's order, like socket.create_connection
            with contextlib.suppress(httpcore.ConnectError, httpcore.ConnectTimeout):
                return connect(address)
        return connect(addresses[-1])


class _GuardedTransport(httpx.HTTPTransport):
    # httpx 0.28 has no public way to give HTTPTransport a network backend. Its pool is the one
    # private name used here (`_pool`, which every HTTPTransport method goes through); the
    # alternative, a BaseTransport of our own, would copy httpx's request, response and
    # error mapping. If a new httpx renames it, this fails here rather than connecting unchecked.
    def __init__(self, network: httpcore.NetworkBackend) -> None:
        super().__init__(trust_env=False)
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):
            raise RuntimeError(
                "this httpx version keeps its connection pool elsewhere; see orion_app/outbound.py"
            )
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=network)


def guarded_client(
    *,
    timeout: float,
    max_redirects: int,
    allow_private: bool = False,
    resolver: Resolver | None = None,
    network: httpcore.NetworkBackend | None = None,
) -> httpx.Client:
    """An httpx.Client that only connects to public addresses (BlockedAddress otherwise).

    Redirects are followed up to `max_redirects` (0: not followed), each hop checked.
    `allow_private` is for local development and tests only; the client still connects to the
    address it resolved. `resolver` and `network` stand in for DNS and the network in tests.
    """
    backend = _GuardedNetwork(
        allow_private=allow_private,
        resolver=resolver or socket.getaddrinfo,
        network=network or httpcore.SyncBackend(),
    )
    return httpx.Client(
        transport=_GuardedTransport(backend),
        timeout=httpx.Timeout(timeout),
        follow_redirects=max_redirects > 0,
        max_redirects=max_redirects,
        trust_env=False,  # a proxy from the environment would resolve and connect on its own
    )
