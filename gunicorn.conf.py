"""gunicorn settings, read whenever gunicorn is started from this directory (its default ``./gunicorn.conf.py``);
command-line options such as ``--workers`` and ``--bind`` still apply on top."""

from gunicorn.http import wsgi

# gunicorn writes "Server: gunicorn" on every answer and has no setting to leave it out. Naming the server software
# only helps someone choosing an exploit, so the header is dropped (tests/test_settings.py checks it stays dropped).
_default_headers = wsgi.Response.default_headers


def _default_headers_without_server(response):
    return [header for header in _default_headers(response) if not header.startswith("Server:")]


wsgi.Response.default_headers = _default_headers_without_server
