"""fetch_page against a local HTTP server on 127.0.0.1: pages, every failure mode, and the address checks.

Nothing here leaves the machine: the server listens on loopback, and private addresses are refused
before any connection is made.
"""

from __future__ import annotations

import gzip
import http.server
import ipaddress
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker import web
from tracker.extraction import read_article
from tracker.web import FetchedPage, PageFetchError, fetch_page

PAGES = Path(__file__).resolve().parent / "data" / "html"
SLOW_SECONDS = 3.0
LIMITS = {"timeout": 2.0, "max_bytes": 2_000_000, "max_redirects": 3}


def saved_page(name: str) -> bytes:
    data = (PAGES / name).read_bytes()
    return gzip.decompress(data) if name.endswith(".gz") else data


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes: /pages/NAME serves a saved page; the others each make one failure."""

    hosts: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        Handler.hosts.append(self.headers.get("Host", ""))
        if self.path.startswith("/pages/"):
            self.reply(200, "text/html; charset=utf-8", saved_page(self.path.removeprefix("/pages/")))
        elif self.path == "/xhtml":
            self.reply(200, "application/xhtml+xml", b"<html><body><p>x</p></body></html>")
        elif self.path == "/pdf":
            self.reply(200, "application/pdf", b"%PDF-1.4")
        elif self.path == "/untyped":
            self.reply(200, "", b"<html></html>")
        elif self.path == "/large":
            self.reply(200, "text/html", b"<p>" + b"x" * 5000)
        elif self.path == "/large-undeclared":
            self.reply(200, "text/html", b"<p>" + b"x" * 5000, length=False)
        elif self.path == "/gzip-bomb":
            self.reply(200, "text/html", gzip.compress(b" " * 10_000_000), encoding="gzip")
        elif self.path == "/gzipped":
            self.reply(200, "text/html", gzip.compress(b"<html><p>packed</p></html>"), encoding="gzip")
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.reply(200, "text/html", b"<p>late</p>")
        elif self.path in ("/loop-a", "/loop-b"):
            self.redirect("/loop-b" if self.path == "/loop-a" else "/loop-a")
        elif self.path.startswith("/hop/"):
            left = int(self.path.removeprefix("/hop/"))
            self.redirect(f"/hop/{left - 1}") if left else self.reply(200, "text/html", b"<p>arrived</p>")
        elif self.path == "/to-private":
            self.redirect("http://10.0.0.5/admin")
        elif self.path == "/to-ftp":
            self.redirect("ftp://127.0.0.1/file")
        else:
            self.reply(404, "text/html", b"<p>not here</p>")

    def reply(self, status: int, content_type: str, body: bytes, *, length: bool = True, encoding: str = "") -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fetch(url: str, **overrides: float) -> FetchedPage:
    return fetch_page(url, allow_private=True, **{**LIMITS, **overrides})


def failure(url: str, *, allow_private: bool = True, **overrides: float) -> str:
    with pytest.raises(PageFetchError) as raised:
        fetch_page(url, allow_private=allow_private, **{**LIMITS, **overrides})
    return str(raised.value)


@pytest.mark.parametrize("name", sorted(path.name for path in PAGES.glob("*.html*")))
def test_saved_pages_load_by_url_as_from_the_file(server: str, name: str) -> None:
    page = fetch(f"{server}/pages/{name}")
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert page.content == saved_page(name)
    by_url = read_article(page.content, name=name.removesuffix(".gz"), url=page.url)
    from_file = read_article((PAGES / name).read_bytes(), name=name)
    assert by_url.body == from_file.body
    assert by_url.url == (from_file.url or page.url)


def test_xhtml_and_compressed_pages(server: str) -> None:
    assert fetch(f"{server}/xhtml").content_type == "application/xhtml+xml"
    assert fetch(f"{server}/gzipped").content == b"<html><p>packed</p></html>"


def test_redirects_are_followed_and_the_final_url_recorded(server: str) -> None:
    page = fetch(f"{server}/hop/3")
    assert (page.url, page.content) == (f"{server}/hop/0", b"<p>arrived</p>")


def test_timeout(server: str) -> None:
    assert failure(f"{server}/slow", timeout=0.5) == f"{server}/slow: timed out after 0.5 s"


def test_http_error_status(server: str) -> None:
    assert failure(f"{server}/missing") == f"{server}/missing: HTTP 404 Not Found"


@pytest.mark.parametrize(("path", "shown"), [("/pdf", "'application/pdf'"), ("/untyped", "'missing'")])
def test_content_that_is_not_html(server: str, path: str, shown: str) -> None:
    assert failure(f"{server}{path}") == f"{server}{path}: content type {shown} is not HTML"


def test_too_large_by_declared_length(server: str) -> None:
    message = failure(f"{server}/large", max_bytes=1000)
    assert message == f"{server}/large: page is larger than 1,000 bytes (5,003 declared)"


def test_too_large_while_reading(server: str) -> None:
    message = failure(f"{server}/large-undeclared", max_bytes=1000)
    assert message == f"{server}/large-undeclared: page is larger than 1,000 bytes"


def test_compressed_body_is_capped_unpacked(server: str) -> None:
    """10 MB of spaces gzip to 10 kB: the cap applies to what it unpacks to."""
    message = failure(f"{server}/gzip-bomb", max_bytes=100_000)
    assert message == f"{server}/gzip-bomb: page is larger than 100,000 bytes"


def test_redirect_loop(server: str) -> None:
    assert failure(f"{server}/loop-a") == f"{server}/loop-a: redirect loop at {server}/loop-a"


def test_too_many_redirects(server: str) -> None:
    assert failure(f"{server}/hop/4") == f"{server}/hop/4: more than 3 redirects"


def test_redirect_to_another_scheme(server: str) -> None:
    assert failure(f"{server}/to-ftp") == "'ftp://127.0.0.1/file' is not an http(s) URL"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/article", "'ftp://example.org/article' is not an http(s) URL"),
        ("http://", "'http://' has no host"),
        ("garbage", "'garbage' is not an http(s) URL"),
        ("http://exa mple.org/", "'http://exa mple.org/' is not a URL: it contains spaces or control characters"),
        ("http://example.org:99999/", "'http://example.org:99999/' is not a valid URL (Port out of range 0-65535)"),
        (
            "http://user:secret@example.org/",
            "'http://user:secret@example.org/' carries credentials; give the URL without them",
        ),
        ("http://example.org/" + "a" * 2048, "URL is longer than 2048 characters"),
    ],
)
def test_bad_urls(url: str, message: str) -> None:
    assert failure(url, allow_private=False) == message


@pytest.mark.parametrize(
    ("url", "host", "kind", "address"),
    [
        ("http://127.0.0.1/", "127.0.0.1", "a loopback", "127.0.0.1"),
        ("http://10.0.0.5/", "10.0.0.5", "a private", "10.0.0.5"),
        ("http://192.168.1.1/", "192.168.1.1", "a private", "192.168.1.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "a link-local", "169.254.169.254"),
        ("http://[::1]/", "::1", "a loopback", "::1"),
        ("http://[fe80::1]/", "fe80::1", "a link-local", "fe80::1"),
        ("http://[::ffff:10.0.0.5]/", "::ffff:10.0.0.5", "a private", "::ffff:a00:5"),
        ("http://0.0.0.0/", "0.0.0.0", "an unspecified", "0.0.0.0"),
        ("http://224.0.0.1/", "224.0.0.1", "a multicast", "224.0.0.1"),
        ("http://localhost/", "localhost", "a loopback", ""),
    ],
)
def test_private_addresses_are_refused(url: str, host: str, kind: str, address: str) -> None:
    message = failure(url, allow_private=False)
    assert message.startswith(f"{url}: {host} resolves to {kind} address {address}")
    assert message.endswith("; only public addresses are fetched")


def test_the_local_server_itself_is_refused_unless_allowed(server: str) -> None:
    assert "resolves to a loopback address 127.0.0.1" in failure(f"{server}/pages/x", allow_private=False)


@pytest.fixture
def public_test_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 'news.test' is a public site at 127.0.0.1, so the checked path can be run locally."""
    loopback = ipaddress.ip_address("127.0.0.1")
    real_resolve, real_kind = web.resolve, web._non_public_kind
    monkeypatch.setattr(
        web, "resolve", lambda host, port: [loopback] if host == "news.test" else real_resolve(host, port)
    )
    monkeypatch.setattr(web, "_non_public_kind", lambda address: "" if address == loopback else real_kind(address))


@pytest.mark.usefixtures("public_test_host")
def test_checked_fetch_connects_to_the_checked_address_with_the_sites_host(server: str) -> None:
    port = server.rpartition(":")[2]
    Handler.hosts.clear()
    page = fetch_page(f"http://news.test:{port}/hop/1", allow_private=False, **LIMITS)
    assert (page.url, page.content) == (f"http://news.test:{port}/hop/0", b"<p>arrived</p>")
    assert Handler.hosts == [f"news.test:{port}", f"news.test:{port}"]


@pytest.mark.usefixtures("public_test_host")
def test_every_redirect_hop_is_checked(server: str) -> None:
    port = server.rpartition(":")[2]
    message = failure(f"http://news.test:{port}/to-private", allow_private=False)
    assert (
        message
        == "http://10.0.0.5/admin: 10.0.0.5 resolves to a private address 10.0.0.5; only public addresses are fetched"
    )
