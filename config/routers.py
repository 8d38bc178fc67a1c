"""Database routing between the primary (``default``) and read replicas (``replica_0``, ``replica_1`` …).

Settings define one ``replica_N`` alias per URL in ``DATABASE_REPLICA_URLS``; with none, this router
sends everything to ``default`` and changes nothing.

Reads go to a random replica, except where a replica could answer with stale data that the same client
just wrote: inside a transaction on the primary, and for the rest of a request that writes (any request
that is not GET/HEAD/OPTIONS, and any request once it has written). Writes and migrations always go to
the primary.
"""

import random
from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_started
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_PREFIX = "replica_"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# True once the current request (or, outside requests, the current thread/task) should read the primary.
_pinned: ContextVar[bool] = ContextVar("tracker_pinned_to_primary", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


def pin_to_primary(pinned: bool = True) -> None:
    """Send this context's reads to the primary (``pinned``) or back to the replicas."""
    _pinned.set(pinned)


def pin_for_request(sender, environ=None, **kwargs) -> None:
    # Each request starts unpinned unless its method writes; a worker thread serves one request at a time.
    method = (environ or {}).get("REQUEST_METHOD", "GET").upper()
    pin_to_primary(method not in SAFE_METHODS)


request_started.connect(pin_for_request, dispatch_uid="config.routers.reset_pin")


class PrimaryReplicaRouter:
    """Writes and migrations to ``default``; reads to a random ``replica_N`` unless pinned to the primary."""

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or _pinned.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        pin_to_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the primary's rows, so objects read from any of them may be related.
        databases = {DEFAULT_DB_ALIAS, *replica_aliases()}
        return obj1._state.db in databases and obj2._state.db in databases

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
