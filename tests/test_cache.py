"""REDIS_URL puts Django's cache in Redis; without it the cache is per-process memory."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_without_redis_url_the_cache_is_local_memory():
    if os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is set for this run")
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_url_the_cache_round_trips_through_redis():
    """A process started with REDIS_URL stores a value that Redis itself then holds, and reads it back."""
    import redis

    key, value = f"test-{uuid.uuid4().hex}", uuid.uuid4().hex
    script = (
        "import sys, django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.cache import cache\n"
        "assert settings.CACHES['default']['BACKEND'].endswith('RedisCache')\n"
        "cache.set(sys.argv[1], sys.argv[2], 60)\n"
        "assert cache.get(sys.argv[1]) == sys.argv[2]\n"
    )
    env = {**os.environ, "REDIS_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", script, key, value],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    client = redis.Redis.from_url(REDIS_URL)
    # Django keys are "<KEY_PREFIX>:<version>:<key>" and values pickled; the value's text is inside.
    stored = client.get(f"tracker:1:{key}")
    try:
        assert stored is not None and value.encode() in stored
    finally:
        client.delete(f"tracker:1:{key}")
