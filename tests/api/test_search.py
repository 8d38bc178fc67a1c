"""Search on each database: full text and trigram indexes on PostgreSQL, icontains elsewhere."""

import pytest
from django.db import connection

from tracker.models import Statement

from .factories import add_article, add_statement, ids


@pytest.fixture
def nato_statements(data):
    """Statements that mention NATO more or less often, for ranking."""
    sentences = [f"NATO {'and NATO ' * repeat}met {number}" for number, repeat in enumerate([0, 3, 1, 5, 2, 0, 4])]
    article = add_article("NATO everywhere", ". ".join(sentences))
    return [add_statement(article, sentence) for sentence in sentences]


def test_search_parameters_work_on_every_database(api_client, data):
    assert ids(api_client.get("/api/statements/?q=guarantees")) == [data.guarantees.pk]
    assert ids(api_client.get('/api/statements/?q="security guarantees"')) == [data.guarantees.pk]
    assert ids(api_client.get("/api/statements/?q=nato -ukraine")) == []
    assert ids(api_client.get("/api/speakers/?q=Lindsay")) == [data.graham.pk]


def test_searching_pages_through_every_match_once(api_client, nato_statements):
    expected = {statement.pk for statement in Statement.objects.search("nato")}
    assert len(expected) >= len(nato_statements)
    seen, url = [], "/api/statements/?q=nato&page_size=2"
    while url:
        body = api_client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen))
    assert set(seen) == expected


@pytest.mark.postgres
def test_best_matches_come_first_on_postgresql(api_client, nato_statements):
    ranked = ids(api_client.get("/api/statements/?q=nato&page_size=200"))
    by_repeats = [nato_statements[index].pk for index in (3, 6, 1, 4, 2)]
    assert ranked[:5] == by_repeats
    ranks = [statement.rank for statement in Statement.objects.search("nato")]
    assert ranks == sorted(ranks, reverse=True)


@pytest.mark.postgres
def test_search_column_and_indexes_exist_on_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT is_generated, generation_expression FROM information_schema.columns "
            "WHERE table_name = 'tracker_statement' AND column_name = 'search_vector'"
        )
        generated, expression = cursor.fetchone()
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_idx' AND indexdef LIKE '%%gin%%'")
        indexes = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
    assert generated == "ALWAYS"
    assert "to_tsvector" in expression
    assert {"statement_search_vector_idx", "speaker_name_trgm_idx", "speakeralias_name_trgm_idx"} <= indexes


@pytest.mark.postgres
def test_search_vector_follows_text_changes_on_postgresql(data):
    assert not Statement.objects.search("stalling")
    Statement.objects.filter(pk=data.talks.pk).update(text="membership talks stalled")
    assert list(Statement.objects.search("stalling")) == [data.talks]


@pytest.mark.postgres
def test_speaker_search_is_forgiving_on_postgresql(api_client, data):
    assert ids(api_client.get("/api/speakers/?q=Lindsy Grahm")) == [data.graham.pk]
    assert ids(api_client.get("/api/statements/?speaker_name=Jens Stoltenburg")) == [
        data.stronger.pk,
        data.member.pk,
        data.talks.pk,
    ]


def test_icontains_fallback_on_sqlite(data):
    if connection.vendor == "postgresql":
        pytest.skip("the fallback is for databases without full-text search")
    assert list(Statement.objects.search("GUARANTEES")) == [data.guarantees]
    assert list(Statement.objects.search("guarantee")) == [data.guarantees]  # a substring, not a stem
    assert {s.rank for s in Statement.objects.search("nato")} == {0.0}
