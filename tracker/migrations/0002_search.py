"""Full-text and trigram search indexes, on PostgreSQL only (SQLite falls back to icontains)."""

from django.db import migrations

FORWARD_SQL = [
    # A stored generated column stays current on every insert and update without a trigger, and keeps
    # to_tsvector out of each query; the model does not declare it (see StatementSearchVector).
    """
    ALTER TABLE tracker_statement
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
    """,
    # GIN is the index type for tsvector: it answers `search_vector @@ websearch_to_tsquery(...)`.
    "CREATE INDEX statement_search_vector_idx ON tracker_statement USING GIN (search_vector)",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Trigram GIN indexes serve both the similarity operator (`name % 'Lindsay Graham'`) and
    # `name ILIKE '%graham%'`, the two halves of the speakers `q` filter.
    "CREATE INDEX speaker_name_trgm_idx ON tracker_speaker USING GIN (name gin_trgm_ops)",
    "CREATE INDEX speakeralias_name_trgm_idx ON tracker_speakeralias USING GIN (name gin_trgm_ops)",
]

# The extension stays: other database objects may use it, and dropping it needs more rights.
BACKWARD_SQL = [
    "DROP INDEX IF EXISTS speakeralias_name_trgm_idx",
    "DROP INDEX IF EXISTS speaker_name_trgm_idx",
    "DROP INDEX IF EXISTS statement_search_vector_idx",
    "ALTER TABLE tracker_statement DROP COLUMN IF EXISTS search_vector",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]

    operations = [
        migrations.RunPython(run_on_postgresql(FORWARD_SQL), run_on_postgresql(BACKWARD_SQL), elidable=False),
    ]
