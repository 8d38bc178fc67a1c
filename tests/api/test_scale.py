"""Query shapes that keep the API fast at a million statements, and the answers they must not change."""

import datetime

import pytest
from django.db import connection

from tracker.api import pagination
from tracker.models import Speaker, Statement

from .factories import add_article, add_statement, ids


def test_a_date_range_leaves_out_undated_articles(api_client, data):
    undated = add_article("Undated", "Allies met again.")
    add_statement(undated, "Allies met again")
    assert ids(api_client.get("/api/statements/?published_before=2024-12-31")) == [
        data.stronger.pk,
        data.member.pk,
        data.guarantees.pk,
        data.talks.pk,
    ]
    assert ids(api_client.get("/api/statements/?published_after=0001-01-01&published_before=2024-01-10")) == [
        data.member.pk,
        data.guarantees.pk,
        data.talks.pk,
    ]
    assert Statement.objects.published_between(before=datetime.date(2024, 1, 10)).count() == 3


def test_a_ranked_search_pages_through_the_newest_matches_only(api_client, data, monkeypatch):
    article = add_article("NATO daily", "NATO met. NATO and NATO met. NATO spoke.")
    newest = [add_statement(article, text) for text in ("NATO met", "NATO and NATO met", "NATO spoke")]
    monkeypatch.setattr(pagination, "SEARCH_CANDIDATES", 2)
    seen, url = [], "/api/statements/?q=nato&page_size=1"
    while url:
        body = api_client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(statement.pk for statement in newest[1:])
    # An explicit order does not rank, so nothing is left out.
    assert len(ids(api_client.get("/api/statements/?q=nato&ordering=-published"))) == 4


def test_speaker_search_unions_speakers_and_aliases(data):
    sql = str(Speaker.objects.search("stoltenberg").query)
    assert "UNION" in sql
    assert set(Speaker.objects.search("STOLTENBERG")) == {data.jens}
    assert set(Speaker.objects.search("lindsay")) == {data.graham}


@pytest.mark.postgres
def test_scale_indexes_exist_on_postgresql(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        indexes = {row[0] for row in cursor.fetchall()}
    assert {"speaker_name_key_trgm_idx", "speakeralias_name_key_trgm_idx", "statement_speaker_status_idx"} <= indexes
