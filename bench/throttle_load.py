"""Throttling under load: 20 anonymous connections for 30 s against gunicorn with Redis-backed throttles.

    .venv/bin/python bench/throttle_load.py [--connections 20] [--seconds 30] [--rate 120/min] [--workers 3]

Migrates a throwaway SQLite database, starts the API under gunicorn (``--workers`` gthread workers of 8 threads,
DJANGO_DEBUG=false, REDIS_URL=redis://127.0.0.1:6379/0, API_THROTTLE_ANON=``--rate``), then opens ``--connections``
keep-alive connections from 127.0.0.1, each sending GET /api/publications/ as fast as it is answered, until
``--seconds`` have passed. Prints how many requests were admitted (200) and throttled (429) against what the rate
allows in that time from a fresh window: its request count when the run is no longer than its period, else the
count times the number of periods begun. Target: admitted within 2% of the allowance, never above it by more.

Loopback only; the run stops by itself. Needs Redis on 127.0.0.1:6379 (its throttle key for 127.0.0.1 is cleared
first, so the window starts fresh).
"""

from __future__ import annotations

import argparse
import collections
import http.client
import math
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REDIS_URL = "redis://127.0.0.1:6379/0"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def allowance(rate: str, seconds: float) -> int:
    """Requests a DRF rate ('120/min') admits in ``seconds`` from a fresh sliding window."""
    count, period = rate.split("/")
    return int(count) * math.ceil(seconds / PERIODS[period[0]])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(port: int, deadline: float, counts: collections.Counter, lock: threading.Lock) -> None:
    """One keep-alive connection sending requests back to back until ``deadline``."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    local = collections.Counter()
    while time.monotonic() < deadline:
        try:
            connection.request("GET", "/api/publications/")
            response = connection.getresponse()
            response.read()
            local[response.status] += 1
        except (OSError, http.client.HTTPException):
            local["error"] += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.close()
    with lock:
        counts.update(local)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rate", default="120/min", help="API_THROTTLE_ANON for the run (default 120/min).")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn gthread workers, 8 threads each.")
    options = parser.parse_args()

    import redis

    workdir = Path(tempfile.mkdtemp(prefix="throttle-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_LEVEL": "ERROR",
        "REDIS_URL": REDIS_URL,
        "API_THROTTLE_ANON": options.rate,
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    redis.Redis.from_url(REDIS_URL).delete("tracker:throttle:throttle_anon_127.0.0.1")

    port = free_port()
    command = [PYTHON, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers"]
    command += [str(options.workers), "--worker-class", "gthread", "--threads", "8", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    print("gunicorn did not start", file=sys.stderr)
                    return 1
                time.sleep(0.1)
        # Every worker answers once before the clock starts (not counted: a 404 is not throttled).
        for _ in range(options.workers * 2):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/api/nothing/")
            connection.getresponse().read()
            connection.close()

        counts: collections.Counter = collections.Counter()
        lock = threading.Lock()
        started = time.monotonic()
        deadline = started + options.seconds
        threads = [
            threading.Thread(target=hammer, args=(port, deadline, counts, lock)) for _ in range(options.connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        redis.Redis.from_url(REDIS_URL).delete("tracker:throttle:throttle_anon_127.0.0.1")

    allowed = allowance(options.rate, elapsed)
    admitted, throttled = counts[200], counts[429]
    others = {status: count for status, count in counts.items() if status not in (200, 429)}
    setup = f"{options.connections} connections, {elapsed:.1f} s, rate {options.rate}"
    print(f"{setup}, {options.workers} gunicorn workers of 8 threads")
    print(f"requests: {sum(counts.values()):,}; admitted (200): {admitted}; throttled (429): {throttled:,}")
    if others:
        print(f"other answers: {others}")
    print(f"configured allowance for the run: {allowed}; admitted / allowed = {admitted / allowed:.3f}")
    within = admitted <= allowed * 1.02
    print("within 2% of the configured rate" if within else "OVER the configured rate by more than 2%")
    return 0 if within and not others else 1


if __name__ == "__main__":
    raise SystemExit(main())
