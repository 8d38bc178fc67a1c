"""The benchmark harness end to end in smoke mode, so that ``make bench`` cannot rot unnoticed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.postgres
def test_bench_smoke_runs_and_reports_every_endpoint(tmp_path):
    from django.db import connection

    params = connection.settings_dict
    host, port = params["HOST"] or "127.0.0.1", params["PORT"] or 5432
    admin_url = f"postgres://{params['USER']}@{host}:{port}/postgres"
    env = {**os.environ, "BENCH_NO_INSTALL": "1"}
    command = [sys.executable, "bench/run.py", "--smoke", "--seconds", "1", "--connections", "2"]
    command += ["--admin-url", admin_url, "--results", str(tmp_path), "--log", str(tmp_path / "server.log")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:] + (tmp_path / "server.log").read_text()[-3000:]
    table = [line for line in result.stdout.splitlines() if line.startswith("| 10,000 |")]
    endpoints = [line.split("|")[2].strip() for line in table]
    assert len(endpoints) == 8, result.stdout
    assert any(name.startswith("statements ~") for name in endpoints)
    assert "HTTP" not in result.stdout, result.stdout
    assert shutil.which("wrk") or "Python threads" in result.stdout
