"""Where a webhook may be sent: a host that resolves only to public addresses (never loopback, private, link-local or
other special ranges, unless WEBHOOKS_ALLOW_PRIVATE), reached at the address checked, so a name that resolves again
differently (DNS rebinding) cannot redirect the request. Redirects are never followed."""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class RefusedAddress(ValueError):
    """The URL may not receive webhooks; the message says why."""


def checked_address(url):
    """(scheme, host, port, path, address to connect to) of an http(s) URL whose host is allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddress(_("Enter an http:// or https:// URL."))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        message = _("%(host)s cannot be resolved (%(error)s).") % {"host": parts.hostname, "error": error}
        raise RefusedAddress(message) from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if not is_public(address) and not settings.WEBHOOKS_ALLOW_PRIVATE:
            raise RefusedAddress(
                _("%(host)s resolves to %(address)s, which is not a public address.")
                % {"host": parts.hostname, "address": address}
            )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port, path, str(addresses[0])


def is_public(address):
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class PinnedHTTPConnection(http.client.HTTPConnection):
    """A connection to `address`, whatever `host` resolves to now (the Host header still names `host`)."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(PinnedHTTPConnection):
    default_port = 443

    def connect(self):
        super().connect()
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def post(url, body, headers, timeout):
    """POSTs `body` to `url`; returns the response's status code. Raises RefusedAddress, OSError (timeouts
    included) or http.client.HTTPException."""
    scheme, host, port, path, address = checked_address(url)
    connection_class = PinnedHTTPSConnection if scheme == "https" else PinnedHTTPConnection
    connection = connection_class(host, port, address, timeout)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(4096)
        return response.status
    finally:
        connection.close()
