"""Who a request comes from, for throttling and login lockouts: one rule for both."""

from django.conf import settings


def client_address(request) -> str:
    """The client's address: ``REMOTE_ADDR``, unless ``NUM_PROXIES`` trusted proxies stand in front.

    Behind N proxies that each append the address they received the request from to ``X-Forwarded-For``, the
    client is the Nth entry from its right; entries further left were written by the client and prove nothing.
    Without proxies (``NUM_PROXIES`` 0, the default) the header is ignored: reading it let every request with a
    new made-up address start a fresh throttle budget.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if not proxies or not forwarded:
        return remote
    addresses = [address.strip() for address in forwarded.split(",")]
    return addresses[-min(proxies, len(addresses))]
