"""Throttles whose rates are read from settings on each request, so tests can change them."""

from rest_framework import throttling
from rest_framework.settings import api_settings


class SettingsRateMixin:
    """DRF binds ``THROTTLE_RATES`` once at import; reading it per request lets ``override_settings`` work."""

    def get_rate(self):
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        return super().get_rate()


class AnonRateThrottle(SettingsRateMixin, throttling.AnonRateThrottle):
    """Requests without credentials, counted per client address (``anon`` rate)."""


class UserRateThrottle(SettingsRateMixin, throttling.UserRateThrottle):
    """Authenticated requests, counted per user (``user`` rate)."""
