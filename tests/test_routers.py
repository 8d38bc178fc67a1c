"""PrimaryReplicaRouter: reads to replicas; writes, migrations and reads after a write to the primary."""

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings

from config.routers import PrimaryReplicaRouter, pin_for_request, pin_to_primary
from tracker.models import Publication, Speaker

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def replicas():
    """Two replica aliases in settings (never connected to: the router only reads their names)."""
    databases = copy.deepcopy(settings.DATABASES)
    databases["replica_0"] = databases["replica_1"] = {**databases["default"], "TEST": {"MIRROR": "default"}}
    with override_settings(DATABASES=databases):
        pin_to_primary(False)
        yield ["replica_0", "replica_1"]
    pin_to_primary(False)


def test_reads_go_to_replicas_at_random(replicas):
    router = PrimaryReplicaRouter()
    chosen = {router.db_for_read(Speaker) for _ in range(200)}
    assert chosen == set(replicas)


def test_without_replicas_everything_uses_the_primary():
    router = PrimaryReplicaRouter()
    pin_to_primary(False)
    with override_settings(DATABASES={"default": settings.DATABASES["default"]}):
        assert router.db_for_read(Speaker) == "default"
        assert router.db_for_write(Speaker) == "default"
    pin_to_primary(False)


def test_writes_go_to_the_primary_and_pin_later_reads_to_it(replicas):
    router = PrimaryReplicaRouter()
    assert router.db_for_write(Speaker) == "default"
    assert {router.db_for_read(Speaker) for _ in range(50)} == {"default"}


def test_a_new_safe_request_unpins_and_an_unsafe_one_pins(replicas):
    router = PrimaryReplicaRouter()
    router.db_for_write(Speaker)
    pin_for_request(None, environ={"REQUEST_METHOD": "GET"})
    assert router.db_for_read(Speaker) in replicas
    pin_for_request(None, environ={"REQUEST_METHOD": "POST"})
    assert router.db_for_read(Speaker) == "default"


@pytest.mark.django_db
def test_reads_inside_a_transaction_use_the_primary(replicas):
    router = PrimaryReplicaRouter()
    with transaction.atomic():
        assert router.db_for_read(Speaker) == "default"


def test_migrations_only_on_the_primary(replicas):
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "tracker")
    assert not router.allow_migrate("replica_0", "tracker")


def test_relations_allowed_between_primary_and_replicas(replicas):
    router = PrimaryReplicaRouter()
    speaker, publication, elsewhere = Speaker(), Publication(), Publication()
    speaker._state.db, publication._state.db, elsewhere._state.db = "default", "replica_1", "other"
    assert router.allow_relation(speaker, publication)
    assert not router.allow_relation(speaker, elsewhere)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_replica_alias_really_serves_reads():
    """A process whose replica URL names the same database reads through replica_0 and writes on default."""
    Speaker.objects.create(name="Replica Reader")
    params = connection.settings_dict
    host, port = params["HOST"] or "127.0.0.1", params["PORT"] or 5432
    url = f"postgres://{params['USER']}@{host}:{port}/{params['NAME']}"
    script = (
        "import django; django.setup()\n"
        "from django.db import connections\n"
        "from tracker.models import Speaker\n"
        "speaker = Speaker.objects.get(slug='replica-reader')\n"
        "assert speaker._state.db == 'replica_0', speaker._state.db\n"
        "assert connections['replica_0'].connection is not None\n"
        "assert connections['default'].connection is None\n"
        "speaker.description = 'written'\n"
        "speaker.save()\n"
        "assert connections['default'].connection is not None\n"
        "print('ok')\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DATABASE_REPLICA_URLS": url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert Speaker.objects.get(slug="replica-reader").description == "written"


@pytest.mark.skipif("replica_0" not in settings.DATABASES, reason="set DATABASE_REPLICA_URLS")
@pytest.mark.django_db(transaction=True, databases=["default", "replica_0"])
def test_the_test_replica_mirrors_the_primary():
    Speaker.objects.create(name="Mirrored")
    assert Speaker.objects.using("replica_0").filter(slug="mirrored").exists()
