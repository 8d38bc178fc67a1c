"""Indexes for the API's filters and orderings at scale (a million statements), on PostgreSQL only.

The indexes are raw SQL, like 0002's, so the models' state does not change and ``makemigrations`` stays
quiet; SQLite (the development database) gets none of them. They are built CONCURRENTLY, so adding them to
a live database does not block writes; that needs a migration outside a transaction (``atomic = False``).
IF NOT EXISTS lets a half-finished run be repeated.

Already present and not repeated here: every foreign key's own index (statement.article_id, .source_id,
.speaker_id; article.publication_id; source.publisher_id; alias.speaker_id), statement (speaker, id) and
article (published, id) from 0001, and 0002's GIN index on the statement text's tsvector (``q``) and its
trigram indexes on speaker and alias names (speakers ``q``, statements ``speaker_name``).
"""

from django.db import migrations

INDEXES = {
    # The default statement order is ``-sort_published, article_id, position, id`` where sort_published
    # is COALESCE(article.published, '0001-01-01'): an expression over the joined article, which no index
    # on the statement table can serve. With this index PostgreSQL walks articles newest first (then by
    # id, as the order wants) and fetches each one's statements by (article_id, position) (Nested Loop +
    # Incremental Sort within one date), instead of sorting every article: page 1 of 400k statements
    # went from 29 ms to 4 ms. The expression must stay identical to StatementQuerySet.with_sort_keys()
    # for the planner to match it. It also serves the keyset seek of deep pages once the seek carries a
    # plain upper bound on the first key (``sort_published <= cursor value``).
    "article_sort_published_idx": (
        "tracker_article",
        "(COALESCE(published, '0001-01-01'::date)) DESC, id",
    ),
    # ``publication=<slug>`` on statements and articles, ordered by date: the articles of one outlet in
    # date order straight from the index, then their statements by article_id.
    "article_publication_published_idx": ("tracker_article", "publication_id, published, id"),
    # ``ordering=created`` / ``-created`` on statements: read in order from the index and stop after a
    # page. created is practically unique, so the id tie-break costs an Incremental Sort over tiny groups,
    # and one index serves both directions.
    "statement_created_idx": ("tracker_statement", "created, id"),
    # ``speaker=<slug>&ordering=-created``: one speaker's statements newest first without sorting all of
    # them (a much-quoted speaker has 10% of the table in the synthetic corpus).
    "statement_speaker_created_idx": ("tracker_statement", "speaker_id, created, id"),
    # ``status=`` filter. Few values, but the ones curators filter on (disputed, verified) are rare, so the
    # index pays for them; the planner ignores it for the common ``extracted``.
    "statement_status_idx": ("tracker_statement", "status, id"),
    # ``kind=partial`` / ``paraphrase`` (together about a third of statements): the same reasoning as status.
    "statement_kind_idx": ("tracker_statement", "kind, id"),
    # ``cue=said`` is a case-insensitive match (``iexact``), which Django writes as UPPER(cue) = UPPER(%s):
    # only an index on that expression serves it.
    "statement_cue_upper_idx": ("tracker_statement", "(UPPER(cue::text)), id"),
    # ``source_kind=`` on statements is source.kind joined through source_id; this index finds the sources
    # of a kind, and also serves the sources list's ``kind=`` filter in its default ``-date`` order.
    "source_kind_date_idx": ("tracker_source", "kind, date, id"),
    # The speakers list's default order (name, id), also the order of ``?q=`` ties, and a nested-loop
    # source of speakers in name order.
    "speaker_name_idx": ("tracker_speaker", "name, id"),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} ({columns})")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [("tracker", "0002_search")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, atomic=False, elidable=False)]
