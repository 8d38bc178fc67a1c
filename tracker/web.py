"""Fetching an article page by URL, safely enough to do on a user's behalf (no Django imports).

Every hop is checked before anything is sent: an http(s) URL, and (unless ``allow_private``) a host
whose every address is public. The connection then goes to the address that was checked, with the
Host header and TLS server name of the URL, so a second DNS answer cannot send it elsewhere.
Redirects are followed by hand for the same reason.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpx

HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_URL_LENGTH = 2048
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DECOMPRESSORS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
_USER_AGENT = "claim-tracker/0.1 (article loader)"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class PageFetchError(Exception):
    """A page could not be fetched; the message names the URL and what went wrong."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """An HTML page as the server sent it, after redirects."""

    url: str  # the final URL, after redirects
    status: int
    content_type: str  # the media type, without parameters
    charset: str  # the charset the server declared, or ''
    content: bytes


def fetch_page(url: str, *, allow_private: bool, timeout: float, max_bytes: int, max_redirects: int) -> FetchedPage:
    """GET an HTML page, following up to ``max_redirects`` redirects; PageFetchError on any failure.

    ``timeout`` bounds the whole fetch in seconds (every connect and read, all hops). A body larger
    than ``max_bytes`` (after decompression) is refused without reading more than one byte past it.
    """
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    current = url
    with httpx.Client(trust_env=False, follow_redirects=False, verify=True) as client:
        while True:
            check_url(current)
            seen.add(current)
            with _open(client, current, allow_private=allow_private, deadline=deadline, timeout=timeout) as response:
                if response.status_code in _REDIRECT_STATUSES and "location" in response.headers:
                    following = urljoin(current, response.headers["location"].strip())
                    if following in seen:
                        raise PageFetchError(f"{url}: redirect loop at {following}")
                    if len(seen) > max_redirects:
                        raise PageFetchError(f"{url}: more than {max_redirects} redirects")
                    current = following
                    continue
                return _read_page(response, current, deadline=deadline, timeout=timeout, max_bytes=max_bytes)


def check_url(url: str) -> None:
    """Refuse what is not an absolute http(s) URL with a host and no credentials."""
    if len(url) > MAX_URL_LENGTH:
        raise PageFetchError(f"URL is longer than {MAX_URL_LENGTH} characters")
    if any(character.isspace() or ord(character) < 0x20 for character in url):
        raise PageFetchError(f"{url!r} is not a URL: it contains spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (parsing the port raises on a bad one)
    except ValueError as error:
        raise PageFetchError(f"{url!r} is not a valid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise PageFetchError(f"{url!r} is not an http(s) URL")
    if not parts.hostname:
        raise PageFetchError(f"{url!r} has no host")
    if parts.username is not None or parts.password is not None:
        raise PageFetchError(f"{url!r} carries credentials; give the URL without them")


def public_addresses(url: str, host: str, port: int) -> list[IPAddress]:
    """The addresses ``host`` resolves to, all of them public; PageFetchError naming any that is not."""
    addresses = resolve(host, port)
    for address in addresses:
        kind = _non_public_kind(address)
        if kind:
            article = "an" if kind[0] in "aeiou" else "a"
            raise PageFetchError(
                f"{url}: {host} resolves to {article} {kind} address {address}; only public addresses are fetched"
            )
    return addresses


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address of ``host`` (an IP literal resolves to itself), in the resolver's order."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        return [literal]
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise PageFetchError(f"cannot resolve host {host} ({error})") from None
    addresses = [ipaddress.ip_address(str(answer[4][0]).split("%")[0]) for answer in answers]
    return list(dict.fromkeys(addresses))


def _non_public_kind(address: IPAddress) -> str:
    """Why an address is not one to fetch from ('private', 'loopback' …), or '' for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if flag:
            return kind
    return "" if address.is_global else "non-public"


def _open(
    client: httpx.Client, url: str, *, allow_private: bool, deadline: float, timeout: float
) -> closing[httpx.Response]:
    """Send the GET for one hop, to a checked address unless private addresses are allowed."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    headers = {"User-Agent": _USER_AGENT, "Accept": "text/html,application/xhtml+xml", "Accept-Encoding": "identity"}
    try:
        target = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError) as error:
        raise PageFetchError(f"{url!r} is not a valid URL ({error})") from None
    extensions: dict[str, object] = {}
    if not allow_private:
        address = public_addresses(url, host, port)[0]
        # Connect to the vetted address; the URL's host still names the site (Host header, TLS SNI).
        target = target.copy_with(host=str(address))
        headers["Host"] = parts.netloc.rpartition("@")[2]
        extensions["sni_hostname"] = host
    remaining = _remaining(deadline, url, timeout)
    request = client.build_request(
        "GET", target, headers=headers, timeout=httpx.Timeout(remaining), extensions=extensions
    )
    try:
        return closing(client.send(request, stream=True))
    except httpx.TimeoutException:
        raise PageFetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as error:
        raise PageFetchError(f"{url}: {_describe(error)}") from None


def _read_page(response: httpx.Response, url: str, *, deadline: float, timeout: float, max_bytes: int) -> FetchedPage:
    if response.status_code >= 300:
        reason = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise PageFetchError(f"{url}: HTTP {response.status_code}{reason}")
    message = Message()
    message["content-type"] = response.headers.get("content-type", "")
    media_type = message.get_content_type() if response.headers.get("content-type") else ""
    if media_type not in HTML_CONTENT_TYPES:
        shown = media_type or "missing"
        raise PageFetchError(f"{url}: content type {shown!r} is not HTML")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise PageFetchError(f"{url}: page is larger than {max_bytes:,} bytes ({int(declared):,} declared)")
    content = b"".join(_capped_body(response, url, deadline=deadline, timeout=timeout, max_bytes=max_bytes))
    return FetchedPage(
        url=url,
        status=response.status_code,
        content_type=media_type,
        charset=str(message.get_param("charset") or ""),
        content=content,
    )


def _capped_body(
    response: httpx.Response, url: str, *, deadline: float, timeout: float, max_bytes: int
) -> Iterator[bytes]:
    """The body, decompressed here so that a small compressed body cannot unpack past the cap."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "", *_DECOMPRESSORS):
        raise PageFetchError(f"{url}: unsupported content encoding {encoding!r}")
    unpacker = zlib.decompressobj(wbits=_DECOMPRESSORS[encoding]) if encoding in _DECOMPRESSORS else None
    total = 0
    try:
        for raw in response.iter_raw():
            _remaining(deadline, url, timeout)
            chunk = unpacker.decompress(raw, max_bytes + 1 - total) if unpacker else raw[: max_bytes + 1 - total]
            total += len(chunk)
            if total > max_bytes:
                raise PageFetchError(f"{url}: page is larger than {max_bytes:,} bytes")
            yield chunk
        rest = unpacker.flush() if unpacker else b""
        if total + len(rest) > max_bytes:
            raise PageFetchError(f"{url}: page is larger than {max_bytes:,} bytes")
        yield rest
    except httpx.TimeoutException:
        raise PageFetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as error:
        raise PageFetchError(f"{url}: {_describe(error)}") from None
    except zlib.error as error:
        raise PageFetchError(f"{url}: damaged {encoding} body ({error})") from None


def _remaining(deadline: float, url: str, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise PageFetchError(f"{url}: timed out after {timeout:g} s")
    return left


def _describe(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({error})"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol ({error})"
    return f"{type(error).__name__}: {error}"
