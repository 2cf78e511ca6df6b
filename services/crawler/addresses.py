"""Which addresses the crawler may connect to.

A portal's host is resolved before any connection; private, loopback, link-local,
multicast and reserved addresses are refused unless the registry entry allows them
(only the local test fixtures do). A redirect's target is checked the same way.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable

from shared.errors import Rejected, Retryable

Resolver = Callable[[str], Awaitable[list[str]]]


async def resolve(host: str) -> list[str]:
    """The host's addresses (an IP literal resolves to itself)."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Retryable(f"cannot resolve {host}: {exc}", after=60.0) from exc
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)


async def check_host(host: str, allow_private: bool, resolver: Resolver = resolve) -> None:
    """Raise `Rejected` if `host` resolves to an address this portal may not reach."""
    addresses = await resolver(host)
    refused = [a for a in addresses if not allow_private and not is_public(a)]
    if refused:
        raise Rejected("address_refused",
                       f"{host} resolves to non-public address {', '.join(refused)}")
