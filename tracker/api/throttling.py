"""Throttles: rates read from settings on each request, clients told apart by ``config.clients.client_address``,
and, with ``REDIS_URL``, counted atomically in Redis so every worker and host shares one exact count."""

import threading
import uuid
from functools import cache

import redis
from django.conf import settings
from rest_framework import throttling
from rest_framework.settings import api_settings

from config.clients import client_address

# A sliding window kept as a sorted set of request times, checked and added to in one step: Redis runs a script
# atomically. DRF's own throttle reads the history, then writes it back, so concurrent requests each saw room
# (153-165 admitted from a fresh window of 120 at 20 connections). The clock is Redis's, the same for all hosts.
SLIDING_WINDOW = """
local now = redis.call('TIME')
now = tonumber(now[1]) + tonumber(now[2]) / 1000000
local window, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
    redis.call('ZADD', KEYS[1], now, ARGV[3])
    redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000))
    return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.ceil((tonumber(oldest[2]) + window - now) * 1000)}
"""
KEY_PREFIX = "tracker:throttle:"
# Without Redis each process counts in its own memory; this keeps one process's threads from racing.
_local_lock = threading.Lock()


@cache
def sliding_window(redis_url: str):
    """The registered script (EVALSHA, loaded again if Redis forgets it) on a client for ``redis_url``."""
    return redis.Redis.from_url(redis_url).register_script(SLIDING_WINDOW)


class SharedRateMixin:
    """A DRF rate throttle whose rate comes from settings per request (DRF binds ``THROTTLE_RATES`` at import, and
    tests change it), whose client is ``client_address``, and whose count lives in Redis when ``REDIS_URL`` is set."""

    _wait = None

    def get_rate(self):
        """The scope's rate in ``DEFAULT_THROTTLE_RATES``; a scope without one is not throttled."""
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)

    def allow_request(self, request, view):
        if self.rate is None or not settings.REDIS_URL:
            with _local_lock:
                return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        admitted, wait_ms = sliding_window(settings.REDIS_URL)(
            keys=[KEY_PREFIX + self.key], args=[self.duration, self.num_requests, uuid.uuid4().hex]
        )
        self._wait = wait_ms / 1000
        return bool(admitted)

    def wait(self):
        return super().wait() if self._wait is None else self._wait


class AnonRateThrottle(SharedRateMixin, throttling.AnonRateThrottle):
    """Requests without credentials, counted per client address (``anon`` rate)."""


class UserRateThrottle(SharedRateMixin, throttling.UserRateThrottle):
    """Authenticated requests, counted per user (``user`` rate)."""


class ExportRateThrottle(SharedRateMixin, throttling.SimpleRateThrottle):
    """CSV exports of the statement list (``export`` rate), per user or client address, besides the general rates:
    an export reads every matching row, where a page reads 200 at most."""

    scope = "export"

    def get_cache_key(self, request, view):
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(view, "action", None) != "list" or renderer is None or renderer.format != "csv":
            return None
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
