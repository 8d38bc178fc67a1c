"""The API against the curated demo fixture: the seed article and its 17 verified statements."""

import csv
import io

import pytest

from .factories import ids


@pytest.fixture
def seed(demo_data, api_client):
    return api_client


def test_a_speakers_statements(seed):
    body = seed.get("/api/statements/?speaker=jens-stoltenberg").json()
    assert [item["id"] for item in body["results"]] == [1, 2, 3, 4, 5]
    assert {item["speaker"]["name"] for item in body["results"]} == {"Jens Stoltenberg"}
    assert body["results"][0]["article"]["publication"] == "World Socialist Web Site"


def test_full_text_queries(seed):
    assert ids(seed.get("/api/statements/?q=proxy war")) == [16]
    assert ids(seed.get("/api/statements/?q=tanks")) == [11]


def test_csv_export_of_the_seed(seed):
    response = seed.get("/api/statements/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 17
    assert rows[0]["article_title"] == "NATO summit vows to continue troop surge to Russia's borders"


def test_claimreview_of_the_seed(seed):
    document = seed.get("/api/statements/1/claimreview/").json()
    assert document["reviewRating"]["ratingValue"] == 5
    assert document["reviewRating"]["alternateName"] == "True"
    assert document["itemReviewed"]["author"]["name"] == "Jens Stoltenberg"
    assert seed.get("/api/statements/2/claimreview/").status_code == 404


def test_speakers_and_article_of_the_seed(seed):
    speakers = {item["slug"]: item for item in seed.get("/api/speakers/").json()["results"]}
    assert len(speakers) == 9
    assert speakers["jens-stoltenberg"]["statement_count"] == 5
    article = seed.get("/api/articles/1/").json()
    assert len(article["statements"]) == 17
