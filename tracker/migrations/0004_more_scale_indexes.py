"""More indexes for the API at a million statements, on PostgreSQL only and built CONCURRENTLY, as in 0003."""

from django.db import migrations

INDEXES = {
    # ``SpeakerQuerySet.search`` (speakers ``q``, statements ``speaker_name``) matches
    # ``name_key LIKE '%tanak%' OR name % 'tanak'`` on speakers and on aliases and unions the two. 0002's
    # trigram indexes serve the similarity half; without these the LIKE half made each side a sequential scan
    # of its table. With them each side is a BitmapOr of two GIN index scans (50 ms -> 1.5 ms at 100k).
    "speaker_name_key_trgm_idx": ("tracker_speaker", "USING GIN (name_key gin_trgm_ops)"),
    # The same on aliases, the other side of the UNION.
    "speakeralias_name_key_trgm_idx": ("tracker_speakeralias", "USING GIN (name_key gin_trgm_ops)"),
    # ``statement_count`` on the speakers list counts each speaker's statements that are not rejected: with
    # status and id in the index that count is an index-only scan instead of a heap visit per statement
    # (4.6 ms a speaker with 1,700 statements, so 0.25 s for a page of well-quoted speakers, at a million).
    "statement_speaker_status_idx": ("tracker_statement", "(speaker_id, status) INCLUDE (id)"),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} {columns}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [("tracker", "0003_scale_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, atomic=False, elidable=False)]
