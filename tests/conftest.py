"""Shared test configuration. The database comes from DATABASE_URL (SQLite by default)."""

from pathlib import Path

import pytest
from django.db import connection

DATA_DIR = Path(__file__).parent / "data"
SEED_PATH = Path(__file__).resolve().parent.parent / "seeds" / "000_4562f5bd9218622e.txt"


def pytest_collection_modifyitems(config, items):
    """Skip tests marked ``postgres`` unless the suite runs against PostgreSQL."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def demo_data(db):
    """The curated demo fixture: the seed article with its 17 verified statements."""
    from django.core.management import call_command

    call_command("loaddata", "demo", verbosity=0)
