"""The serializers' hand-written read path gives exactly what DRF's generic one gives, for every resource."""

import datetime

import pytest
from rest_framework import serializers

from tracker.api.serializers import FastReadSerializer
from tracker.api.views import StatementViewSet
from tracker.models import Source, Statement

from .factories import add_article


def fast_serializers(cls=FastReadSerializer):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from fast_serializers(subclass)


@pytest.fixture
def generic_representation(monkeypatch):
    """Switch every serializer back to DRF's field-by-field ``to_representation``."""

    def switch():
        # Statements' JSON reads write rows of ``list_rows``, not instances: back to instances too.
        monkeypatch.setattr(StatementViewSet, "read_rows", False)
        for cls in fast_serializers():
            monkeypatch.setattr(cls, "to_representation", serializers.ModelSerializer.to_representation)

    return switch


@pytest.mark.parametrize("who", ["anonymous", "curator"])
def test_fast_and_generic_representations_agree(api_client, data, request, generic_representation, who):
    if who == "curator":
        api_client.force_authenticate(request.getfixturevalue("curator"))
    paths = [
        "/api/statements/?page_size=200",
        f"/api/statements/{data.member.pk}/",
        f"/api/statements/{data.weather.pk}/",
        "/api/speakers/",
        f"/api/speakers/{data.group.pk}/",
        "/api/articles/",
        f"/api/articles/{data.one.pk}/",
        "/api/sources/",
        f"/api/sources/{data.speech.pk}/",
        "/api/publications/",
        f"/api/publications/{data.times.pk}/",
        "/api/reviews/",
        f"/api/reviews/{data.verdict.pk}/",
    ]
    fast = [api_client.get(path) for path in paths]
    generic_representation()
    generic = [api_client.get(path) for path in paths]
    for path, one, other in zip(paths, fast, generic, strict=True):
        assert one.status_code == other.status_code, path
        assert one.content == other.content, path


def test_write_answers_agree(api_client, data, curator, generic_representation):
    api_client.force_authenticate(curator)
    body = {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0}
    fast = api_client.post("/api/statements/", body, format="json")
    assert fast.status_code == 201
    speaker = api_client.post("/api/speakers/", {"name": "New Speaker"}, format="json").json()
    generic_representation()
    generic = api_client.get(fast.json()["url"])
    assert fast.json() == generic.json()
    assert speaker == api_client.get(speaker["url"]).json()


@pytest.fixture
def bare(data):
    """A statement with nothing optional: an article without outlet or date, a source without publisher or date,
    a quote split into two spans with non-ASCII text."""
    article = add_article("Bare", "Zoë said: «first part», then «second part». Done.")
    source = Source.objects.create(title="Unknown")
    return Statement.objects.create(
        article=article,
        text="«first part» «second part»",
        spans=[[10, 22], [29, 42]],
        paragraph=0,
        source=source,
        confidence=0.35,
        curator_note="Split quote.",
    )


@pytest.mark.parametrize("who", ["anonymous", "curator"])
def test_row_and_instance_reads_of_statements_agree(api_client, data, bare, request, monkeypatch, who):
    """``StatementQuerySet.list_rows`` + ``represent_row`` against the instance path, byte for byte, cursors too."""
    if who == "curator":
        api_client.force_authenticate(request.getfixturevalue("curator"))
    paths = [
        "/api/statements/",
        "/api/statements/?page_size=2",
        "/api/statements/?ordering=speaker_name&page_size=2",
        "/api/statements/?ordering=-created&page_size=2",
        "/api/statements/?q=nato&page_size=1",
        f"/api/statements/?speaker={data.jens.slug}",
        "/api/statements/?published_after=2024-02-01&format=json",
        f"/api/statements/{data.member.pk}/",
        f"/api/statements/{data.weather.pk}/",
        f"/api/statements/{bare.pk}/",
        "/api/statements/999999/",
    ]

    def crawl():
        answers = []
        for path in paths:
            response = api_client.get(path)
            answers.append((path, response))
            # Follow the cursors one step each way: they are built from the rows' sort keys.
            for link in ("next", "previous") if response.status_code == 200 else ():
                url = response.json().get(link) if "results" in response.json() else None
                if url:
                    answers.append((url, api_client.get(url)))
        return answers

    rows = crawl()
    assert bare.pk in [item["id"] for item in rows[0][1].json()["results"]]
    monkeypatch.setattr(StatementViewSet, "read_rows", False)
    instances = crawl()
    assert len(rows) == len(instances) > len(paths)
    for (path, one), (other_path, other) in zip(rows, instances, strict=True):
        assert path == other_path
        assert one.status_code == other.status_code, path
        assert one.content == other.content, path
        assert one.get("ETag") == other.get("ETag"), path


def test_row_reads_take_one_query(api_client, data, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert api_client.get("/api/statements/").status_code == 200
    with django_assert_num_queries(1):
        assert api_client.get(f"/api/statements/{data.member.pk}/").status_code == 200


def test_list_rows_is_one_dict_a_statement(data):
    rows = list(Statement.objects.with_embedded().with_sort_keys().list_rows().order_by("id"))
    assert [row["id"] for row in rows] == sorted(Statement.objects.values_list("id", flat=True))
    assert all(isinstance(row, dict) for row in rows)
    assert rows[0]["sort_published"] == datetime.date(2024, 1, 10)
