"""Read-path benchmark: the API under gunicorn against a raw psycopg + orjson baseline, at several sizes.

    make bench                                  # BENCH_SIZES=10000,1000000 by default
    .venv/bin/python bench/run.py --smoke       # 10k statements, ~2 s an endpoint: proves the harness works

For each size it creates a fresh PostgreSQL database, migrates, generates the corpus (``generate_corpus``),
starts the API (``config.wsgi``) and the baseline (``bench/baseline.py``) under gunicorn with 2 workers
each, drives every endpoint with ``wrk`` (installed with apt-get when missing; a threaded Python driver
otherwise), and prints, then writes to ``bench/results/YYYY-MM-DD.md``, a table endpoint x size ->
req/s, p50 and p99 for both, the API/baseline throughput ratio and the API workers' peak RSS.
Everything it starts it stops, and it drops its database unless ``--keep-db``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))


@dataclass
class Result:
    """One endpoint at one size against one server."""

    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    status: int = 0
    note: str = ""


@dataclass
class Row:
    size: int
    endpoint: str
    path: str
    api: Result = field(default_factory=Result)
    baseline: Result = field(default_factory=Result)


# --- processes ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def psql(admin_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql)


class Gunicorn:
    """A gunicorn master with ``workers`` sync workers on a free port; stopped on exit."""

    def __init__(self, app: str, env: dict, *, workers: int = 2, log: Path):
        self.port = free_port()
        self.log = log.open("a")
        access_log = "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null"
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                app,
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--access-logfile",
                access_log,
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Gunicorn:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited early; see {self.log.name}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not listen on {self.port}; see {self.log.name}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def worker_rss_mb(self) -> float:
        """Summed resident memory of the workers (children of the master), in MiB."""
        total = 0
        for child in Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split():
            try:
                status = Path(f"/proc/{child}/status").read_text()
            except FileNotFoundError:
                continue
            match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            total += int(match.group(1)) if match else 0
        return total / 1024


# --- load -----------------------------------------------------------------------------------------


def ensure_wrk() -> str | None:
    """The wrk binary, installed from Debian when missing and we may; None to use the Python driver."""
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get") and not os.environ.get("BENCH_NO_INSTALL"):
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True)
    return shutil.which("wrk")


def parse_wrk(output: str) -> Result:
    def latency_ms(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(map(int, socket_errors.groups())) if socket_errors else 0
    return Result(
        requests_per_second=float(rps.group(1)) if rps else 0.0,
        p50_ms=latency_ms("50"),
        p99_ms=latency_ms("99"),
        errors=errors,
    )


def drive_python(url: str, *, seconds: float, connections: int) -> Result:
    """A threaded closed-loop driver for machines without wrk: ``connections`` threads for ``seconds``."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def loop() -> None:
        local: list[float] = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
            except (urllib.error.URLError, OSError):
                with lock:
                    errors[0] += 1
                continue
            local.append(time.perf_counter() - started)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=loop) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if not latencies:
        return Result(errors=errors[0])
    cuts = statistics.quantiles(latencies, n=100)
    return Result(
        requests_per_second=len(latencies) / seconds,
        p50_ms=cuts[49] * 1000,
        p99_ms=cuts[98] * 1000,
        errors=errors[0],
    )


def measure(url: str, *, seconds: float, connections: int, wrk: str | None) -> Result:
    # One request first: its status goes in the table, and a 4xx/5xx is not benchmarked as if it were data.
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        return Result(status=error.code, note=error.read()[:120].decode(errors="replace"))
    except (urllib.error.URLError, OSError) as error:
        return Result(status=0, note=str(error)[:120])
    if wrk:
        threads = str(min(2, connections))
        command = [
            wrk,
            "-t",
            threads,
            "-c",
            str(connections),
            "-d",
            f"{max(1, round(seconds))}s",
            "--latency",
            # wrk counts a reply slower than its timeout (2 s by default) as an error; slow is not failed.
            "--timeout",
            "60s",
        ]
        output = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 120).stdout
        result = parse_wrk(output)
    else:
        result = drive_python(url, seconds=seconds, connections=connections)
    result.status = status
    return result


def get_json(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


# --- workload -------------------------------------------------------------------------------------


SORT_KEYS = {
    "sort_published": "COALESCE(a.published, '0001-01-01'::date)",
    "sort_speaker": "COALESCE(sp.name, '')",
    "article_id": "s.article_id",
    "position": "s.position",
    "created": "s.created",
    "id": "s.id",
}


def cursor_signer(secret_key: str):
    """What signs the API's cursors, given the server's secret key."""
    import django
    from django.core.signing import Signer

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from tracker.api.pagination import CURSOR_SALT

    return Signer(key=secret_key, salt=CURSOR_SALT, fallback_keys=[])


def api_ordering(api_base: str, secret_key: str) -> tuple[str, list[tuple[str, bool]]]:
    """The API's default statement ordering, as its page-1 ``next`` cursor names it."""
    from django.core.signing import BadSignature

    page = get_json(api_base + "/api/statements/") or {}
    match = re.search(r"[?&]cursor=([^&]+)", page.get("next") or "")
    try:
        token = urllib.parse.unquote(match.group(1))
        signature = cursor_signer(secret_key).unsign_object(token)["o"]
    except (AttributeError, ValueError, KeyError, TypeError, BadSignature):
        return "", []
    ordering = [(term.lstrip("-"), term.startswith("-")) for term in signature.split(",")]
    if not all(name in SORT_KEYS for name, _ in ordering):
        return signature, []
    return signature, ordering


def workload(database_url: str, api_base: str, *, depth: int, ordering, secret_key: str) -> list[tuple[str, str]]:
    """(endpoint name, path) pairs, with parameters drawn from the loaded corpus."""
    import django
    import psycopg

    # Only for the corpus vocabulary (which words are common and rare); this process touches no database.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from tracker.corpus import search_words

    common, rare = search_words()
    with psycopg.connect(database_url) as conn:
        speaker_slug, speaker_name = conn.execute(
            "SELECT sp.slug, sp.name FROM tracker_speaker sp "
            "JOIN tracker_statement s ON s.speaker_id = sp.id "
            "GROUP BY sp.id ORDER BY COUNT(*) DESC, sp.id LIMIT 1"
        ).fetchone()
        low, high = conn.execute("SELECT MIN(published), MAX(published) FROM tracker_article").fetchone()
        middle = low + (high - low) / 2
        statement_id = conn.execute(
            "SELECT id FROM tracker_statement WHERE status <> 'rejected' ORDER BY id "
            "OFFSET (SELECT COUNT(*) / 2 FROM tracker_statement) LIMIT 1"
        ).fetchone()[0]
        # The row ``depth`` rows into the API's default ordering: what its cursor would hold there.
        deep_row = None
        if ordering:
            keys = ", ".join(SORT_KEYS[name] for name, _ in ordering)
            order = ", ".join(f"{i + 1}{' DESC' if desc else ''}" for i, (_, desc) in enumerate(ordering))
            deep_row = conn.execute(
                f"SELECT {keys} FROM tracker_statement s JOIN tracker_article a ON a.id = s.article_id "
                f"LEFT JOIN tracker_speaker sp ON sp.id = s.speaker_id WHERE NOT (s.status = 'rejected') "
                f"ORDER BY {order} OFFSET %s LIMIT 1",
                [depth - 1],
            ).fetchone()
    partial_name = speaker_name.split()[-1][:5].lower()
    paths = [
        ("statements page 1", "/api/statements/"),
        (f"statements ~{depth:,} deep", deep_cursor_path(api_base, deep_row, ordering, secret_key)),
        ("filter: one speaker (most quoted)", f"/api/statements/?speaker={quote(speaker_slug)}"),
        (
            "filter: one month",
            "/api/statements/?"
            + urlencode(
                {
                    "published_after": middle.isoformat(),
                    "published_before": (middle + datetime.timedelta(30)).isoformat(),
                }
            ),
        ),
        (f"search: rare word ({rare})", f"/api/statements/?q={quote(rare)}"),
        (f"search: common word ({common})", f"/api/statements/?q={quote(common)}"),
        (f"speakers ?q={partial_name}", f"/api/speakers/?q={quote(partial_name)}"),
        ("statement detail", f"/api/statements/{statement_id}/"),
    ]
    return paths


def deep_cursor_path(api_base: str, row, ordering, secret_key: str) -> str:
    """A cursor URL positioned after ``row``, built the way the API encodes the cursor of its ``next`` link.

    The format is read from page 1's own ``next`` link (JSON ``{"o": ordering, "p": values, "r": reversed}``
    signed with the server's secret key); if the API's cursor turns out to be something else, the harness walks
    ``next`` links instead, as far as it can in 60 seconds.
    """
    if row is not None and ordering:
        values = [value if isinstance(value, int | str) else value.isoformat() for value in row]
        signature = ",".join(("-" if desc else "") + name for name, desc in ordering)
        token = cursor_signer(secret_key).sign_object({"o": signature, "p": values, "r": False})
        return f"/api/statements/?cursor={quote(token)}"
    next_url = (get_json(api_base + "/api/statements/") or {}).get("next") or ""
    deadline = time.monotonic() + 60
    while next_url and time.monotonic() < deadline:
        page = get_json(next_url) or {}
        if not page.get("next"):
            break
        next_url = page["next"]
    return next_url.removeprefix(api_base) if next_url else "/api/statements/"


# --- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="10k statements, ~2 s an endpoint, no 1M.")
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10000,1000000"))
    parser.add_argument("--seconds", type=float, help="Seconds an endpoint (default 10; smoke 2).")
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", 8)))
    parser.add_argument("--depth", type=int, default=500_000, help="Rows deep for the deep-page endpoint.")
    parser.add_argument(
        "--admin-url",
        default=os.environ.get("BENCH_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="A PostgreSQL URL allowed to create and drop databases.",
    )
    parser.add_argument("--keep-db", action="store_true", help="Leave the benchmark database behind.")
    parser.add_argument("--log", type=Path, help="gunicorn output (default: a file in the temp dir).")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    sizes = [10_000] if args.smoke else sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s)
    seconds = args.seconds or float(os.environ.get("BENCH_SECONDS") or (2 if args.smoke else 10))

    database = f"tracker_bench_{os.getpid()}"
    database_url = args.admin_url.rsplit("/", 1)[0] + "/" + database
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "BENCH_DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Plain http on loopback: no HTTPS redirect, and no throttling of the load generator.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "API_THROTTLE_ANON": "100000000/min",
        "API_THROTTLE_USER": "100000000/min",
        "DJANGO_LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_REPLICA_URLS", None)
    log = args.log or Path(tempfile.gettempdir()) / f"{database}.log"
    args.results.mkdir(parents=True, exist_ok=True)
    wrk = ensure_wrk()
    print(f"load generator: {wrk or 'python threads'}; database {database}; log {log}", file=sys.stderr)

    rows: list[Row] = []
    timings: list[str] = []
    rss: dict[int, float] = {}
    psql(args.admin_url, f'CREATE DATABASE "{database}"')
    try:
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        loaded = 0
        for index, size in enumerate(sizes):
            started = time.monotonic()
            command = [PYTHON, "manage.py", "generate_corpus", "--statements", str(size - loaded)]
            run([*command, "--seed", str(index), "-v0"], env, stdout=subprocess.DEVNULL)
            generated = time.monotonic() - started
            psql(database_url, "VACUUM ANALYZE")
            timings.append(f"{size - loaded:,} statements generated in {generated:.0f} s (to {size:,})")
            print(timings[-1], file=sys.stderr)
            loaded = size
            with Gunicorn("config.wsgi:application", env, log=log) as api:
                signature, ordering = api_ordering(api.base, env["DJANGO_SECRET_KEY"])
                baseline_env = {**env, "BENCH_ORDERING": signature} if ordering else env
                depth = min(args.depth, size // 2)
                paths = workload(
                    database_url, api.base, depth=depth, ordering=ordering, secret_key=env["DJANGO_SECRET_KEY"]
                )
                with Gunicorn("bench.baseline:app", baseline_env, log=log) as baseline:
                    rows.extend(drive_all(size, paths, api, baseline, args, seconds, wrk, rss))
    finally:
        if not args.keep_db:
            psql(args.admin_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    report = render(rows, rss, timings, smoke=args.smoke, seconds=seconds, connections=args.connections, wrk=wrk)
    print(report)
    if not args.smoke:
        # Newest run first: a day's file reads from the latest figures down to the earlier runs.
        path = args.results / f"{datetime.date.today():%Y-%m-%d}.md"
        earlier = path.read_text() if path.exists() else ""
        path.write_text(report + ("\n" + earlier if earlier else ""))
        print(f"written to {path}", file=sys.stderr)
    failed = [row for row in rows if row.api.status != 200 or row.api.errors]
    return 1 if failed else 0


def drive_all(size, paths, api, baseline, args, seconds, wrk, rss) -> list[Row]:
    rows = []
    for name, path in paths:
        row = Row(size=size, endpoint=name, path=path)
        row.api = measure(api.base + path, seconds=seconds, connections=args.connections, wrk=wrk)
        rss[size] = max(rss.get(size, 0), api.worker_rss_mb())
        row.baseline = measure(baseline.base + path, seconds=seconds, connections=args.connections, wrk=wrk)
        rows.append(row)
        print(format_row(row), file=sys.stderr)
    return rows


def format_row(row: Row) -> str:
    return (
        f"{row.size:>9,} {row.endpoint:<40} API {row.api.requests_per_second:8.1f}/s "
        f"p50 {row.api.p50_ms:7.1f} ms p99 {row.api.p99_ms:7.1f} ms [{row.api.status}] | "
        f"baseline {row.baseline.requests_per_second:8.1f}/s [{row.baseline.status}]"
    )


def render(rows, rss, timings, *, smoke, seconds, connections, wrk) -> str:
    now = datetime.datetime.now().astimezone()
    lines = [
        f"## {now:%Y-%m-%d %H:%M %Z}{' (smoke)' if smoke else ''}",
        "",
        f"{os.cpu_count()} cores; gunicorn 2 sync workers each; {'wrk' if wrk else 'Python threads'}, "
        f"{connections} connections, {seconds:.0f} s an endpoint. API: DJANGO_DEBUG=false, anonymous reads.",
        "",
        *[f"- {line}" for line in timings],
        *[f"- API workers' peak RSS at {size:,}: {mb:.0f} MiB (both workers)" for size, mb in rss.items()],
        "",
        "| size | endpoint | API req/s | API p50 ms | API p99 ms | baseline req/s | baseline p50 ms "
        "| baseline p99 ms | API/baseline |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        api, base = row.api, row.baseline
        ratio = api.requests_per_second / base.requests_per_second if base.requests_per_second else float("nan")
        api_cell = f"{api.requests_per_second:.1f}" if api.status == 200 else f"HTTP {api.status}"
        if api.errors:
            api_cell += f" ({api.errors} errors)"
        lines.append(
            f"| {row.size:,} | {row.endpoint} | {api_cell} | {api.p50_ms:.1f} | {api.p99_ms:.1f} "
            f"| {base.requests_per_second:.1f} | {base.p50_ms:.1f} | {base.p99_ms:.1f} | {ratio:.2f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
