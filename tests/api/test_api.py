"""The HTTP API: bodies, filters, visibility, ordering, pagination, conditional GETs, throttling, speed."""

import datetime
import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tracker.models import Article, Publication, Review, Source, Speaker, Statement

from .factories import BODY_ONE, add_article, add_statement, ids


def test_root_lists_every_endpoint(api_client):
    response = api_client.get("/api/")
    assert response.status_code == 200
    assert set(response.json()) == {
        "articles",
        "speakers",
        "statements",
        "sources",
        "publications",
        "reviews",
    }
    assert api_client.get("/api/", HTTP_ACCEPT="text/html").status_code == 200


@pytest.mark.parametrize("path", ["statements", "speakers", "articles", "sources", "publications", "reviews"])
def test_browsable_api_renders_for_a_curator(api_client, data, curator, path):
    api_client.force_authenticate(curator)
    assert api_client.get(f"/api/{path}/?format=api").status_code == 200
    first = api_client.get(f"/api/{path}/").json()["results"][0]["url"]
    assert api_client.get(first, HTTP_ACCEPT="text/html").status_code == 200


def test_statement_detail_is_usable_alone(api_client, data):
    body = api_client.get(f"/api/statements/{data.member.pk}/").json()
    assert body["url"] == f"http://testserver/api/statements/{data.member.pk}/"
    assert body["speaker"] == {
        "id": data.jens.pk,
        "url": f"http://testserver/api/speakers/{data.jens.pk}/",
        "name": "Jens Stoltenberg",
        "slug": "jens-stoltenberg",
    }
    assert body["article"] == {
        "id": data.one.pk,
        "url": f"http://testserver/api/articles/{data.one.pk}/",
        "title": "Allies meet in Brussels",
        "web_url": "https://times.example/brussels",
        "published": "2024-01-10",
        "publication": "Example Times",
    }
    assert body["source"]["kind"] == "speech"
    assert body["source"]["publisher"] == "Think Tank"
    assert body["source"]["web_url"] == "https://tank.example/speech"
    assert body["spans"] == data.member.spans
    assert body["parts"] == ["Ukraine will become a member of NATO"]
    assert body["paragraph"] == 1
    assert body["review"]["rating"] == "mostly_false"
    assert body["review"]["rating_value"] == 2


def test_statement_without_speaker_or_source_embeds_nulls(api_client, data, curator):
    api_client.force_authenticate(curator)
    body = api_client.get(f"/api/statements/{data.weather.pk}/").json()
    assert body["speaker"] is None
    assert body["source"] is None
    assert body["speaker_as_written"] == "A spokesperson"


def test_statement_list_is_newest_article_first(api_client, data):
    assert ids(api_client.get("/api/statements/")) == [
        data.stronger.pk,
        data.member.pk,
        data.guarantees.pk,
        data.talks.pk,
    ]


def test_speaker_body_carries_aliases_roles_members_and_count(api_client, data):
    body = api_client.get(f"/api/speakers/{data.jens.pk}/").json()
    assert body["aliases"] == ["Stoltenberg"]
    assert body["roles"] == [
        {"title": "Secretary-General", "organization": "NATO", "start_date": None, "end_date": None}
    ]
    assert body["statement_count"] == 3
    assert body["wikidata_id"] == "Q57522"
    group = api_client.get(f"/api/speakers/{data.group.pk}/").json()
    assert [member["slug"] for member in group["members"]] == ["jens-stoltenberg", "lindsey-graham"]
    listed = api_client.get("/api/speakers/").json()["results"]
    assert {item["slug"]: item["statement_count"] for item in listed} == {
        "jens-stoltenberg": 3,
        "lindsey-graham": 1,
        "letter-signatories": 0,
    }


def test_article_detail_carries_statements_and_list_does_not(api_client, data):
    listed = api_client.get("/api/articles/").json()["results"]
    assert "statements" not in listed[0]
    assert "body" not in listed[0]
    detail = api_client.get(f"/api/articles/{data.two.pk}/").json()
    assert detail["body"].startswith("Ministers")
    assert detail["publication"]["slug"] == "think-tank"
    assert [s["id"] for s in detail["statements"]] == [data.stronger.pk]  # the rejected one is hidden
    assert detail["statements"][0]["speaker"]["slug"] == "jens-stoltenberg"


def test_source_publication_and_review_bodies(api_client, data):
    source = api_client.get(f"/api/sources/{data.speech.pk}/").json()
    assert source["publisher"]["name"] == "Think Tank"
    assert [s["slug"] for s in source["speakers"]] == ["jens-stoltenberg"]
    publication = api_client.get(f"/api/publications/{data.times.pk}/").json()
    assert publication["web_url"] == "https://times.example/"
    assert publication["url"] == f"http://testserver/api/publications/{data.times.pk}/"
    review = api_client.get(f"/api/reviews/{data.verdict.pk}/").json()
    assert review["statement"]["id"] == data.member.pk
    assert review["rating_value"] == 2
    assert review["claimreview"] == f"http://testserver/api/statements/{data.member.pk}/claimreview/"


# Visibility ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "plain_user"])
def test_rejected_statements_are_hidden_without_change_permission(api_client, data, who, request):
    if who != "anonymous":
        api_client.force_authenticate(request.getfixturevalue(who))
    assert data.weather.pk not in ids(api_client.get("/api/statements/"))
    assert data.weather.pk not in ids(api_client.get("/api/statements/?status=rejected"))
    assert api_client.get(f"/api/statements/{data.weather.pk}/").status_code == 404
    assert api_client.get(f"/api/statements/{data.weather.pk}/claimreview/").status_code == 404
    assert api_client.get(f"/api/reviews/{data.hidden_verdict.pk}/").status_code == 404
    assert ids(api_client.get("/api/reviews/")) == [data.verdict.pk]


@pytest.mark.parametrize("who", ["curator", "superuser"])
def test_curators_see_rejected_statements(api_client, data, who, request):
    api_client.force_authenticate(request.getfixturevalue(who))
    assert ids(api_client.get("/api/statements/?status=rejected")) == [data.weather.pk]
    assert api_client.get(f"/api/statements/{data.weather.pk}/").status_code == 200
    assert len(api_client.get(f"/api/articles/{data.two.pk}/").json()["statements"]) == 2
    assert len(ids(api_client.get("/api/reviews/"))) == 2


def test_visible_to(data, plain_user, curator, superuser):
    everything = set(Statement.objects.values_list("pk", flat=True))
    assert set(Statement.objects.visible_to(None).values_list("pk", flat=True)) == everything - {data.weather.pk}
    assert data.weather not in Statement.objects.visible_to(plain_user)
    assert set(Statement.objects.visible_to(curator).values_list("pk", flat=True)) == everything
    assert set(Statement.objects.visible_to(superuser).values_list("pk", flat=True)) == everything


# Filters over HTTP ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker=jens-stoltenberg", ["stronger", "member", "talks"]),
        ("speaker_name=lindsay", ["guarantees"]),
        ("publication=example-times", ["member", "guarantees", "talks"]),
        ("source_kind=speech", ["member"]),
        ("kind=partial", ["talks"]),
        ("cue=told", ["guarantees"]),
        ("status=verified", ["member"]),
        ("published_after=2024-02-01", ["stronger"]),
        ("published_before=2024-02-01&speaker=jens-stoltenberg", ["member", "talks"]),
        ("q=guarantees", ["guarantees"]),
        ("q=alliance&speaker=lindsey-graham", []),
    ],
)
def test_statement_filters_over_http(api_client, data, query, expected):
    assert ids(api_client.get(f"/api/statements/?{query}")) == [getattr(data, name).pk for name in expected]


def test_statement_id_filters_over_http(api_client, data):
    assert ids(api_client.get(f"/api/statements/?speaker_id={data.graham.pk}")) == [data.guarantees.pk]
    assert ids(api_client.get(f"/api/statements/?article={data.two.pk}")) == [data.stronger.pk]
    assert ids(api_client.get(f"/api/statements/?source={data.speech.pk}")) == [data.member.pk]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("speakers", "q=lindsay", ["graham"]),
        ("speakers", "kind=person&ordering=-name", ["graham", "jens"]),
        ("speakers", "organization=senate", ["graham"]),
        ("speakers", "has_statements=false", ["group"]),
        ("articles", "publication=think-tank", ["two"]),
        ("articles", "published_after=2024-01-11", ["two"]),
        ("articles", "published_before=2024-01-11", ["one"]),
        ("articles", "speaker=lindsey-graham", ["one"]),
        ("articles", "q=brussels", ["one"]),
        ("sources", "kind=speech&publisher=think-tank&speaker=jens-stoltenberg", ["speech"]),
        ("sources", "date_after=2024-01-10", []),
        ("sources", "date_before=2024-01-10", ["speech"]),
        ("publications", "q=times", ["times"]),
        ("reviews", "rating=mostly_false&speaker=jens-stoltenberg", ["verdict"]),
        ("reviews", "reviewed_before=2024-01-01", []),
    ],
)
def test_other_filters_over_http(api_client, data, path, query, expected):
    assert ids(api_client.get(f"/api/{path}/?{query}")) == [getattr(data, name).pk for name in expected]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/statements/?speaker=nobody", "speaker"),
        ("/api/statements/?speaker_id=abc", "speaker_id"),
        ("/api/statements/?speaker_id=99999999999999999999", "speaker_id"),
        ("/api/statements/?speaker_name=" + "x" * 201, "speaker_name"),
        ("/api/statements/?article=12.5", "article"),
        ("/api/statements/?publication=nowhere", "publication"),
        ("/api/statements/?source=-1", "source"),
        ("/api/statements/?source_kind=rumour", "source_kind"),
        ("/api/statements/?kind=quote", "kind"),
        ("/api/statements/?cue=" + "x" * 61, "cue"),
        ("/api/statements/?status=approved", "status"),
        ("/api/statements/?published_after=2024-02-30", "published_after"),
        ("/api/statements/?published_before=tomorrow", "published_before"),
        ("/api/statements/?q=" + "nato " * 41, "q"),
        ("/api/statements/?q=a%00b", "q"),
        ("/api/statements/?ordering=text", "ordering"),
        ("/api/statements/?page_size=201", "page_size"),
        ("/api/statements/?page_size=0", "page_size"),
        ("/api/statements/?page_size=ten", "page_size"),
        ("/api/statements/?cursor=not-a-cursor", "cursor"),
        ("/api/statements/?format=csv&kind=quote", "kind"),
        ("/api/speakers/?q=" + "x" * 201, "q"),
        ("/api/speakers/?kind=robot", "kind"),
        ("/api/speakers/?has_statements=yes", "has_statements"),
        ("/api/speakers/?ordering=slug", "ordering"),
        ("/api/articles/?publication=nowhere", "publication"),
        ("/api/articles/?speaker=nobody", "speaker"),
        ("/api/articles/?published_after=1.1.2024", "published_after"),
        ("/api/articles/?page=0", "page"),
        ("/api/articles/?page=last", "page"),
        ("/api/articles/?page_size=1000", "page_size"),
        ("/api/sources/?kind=rumour", "kind"),
        ("/api/sources/?publisher=nowhere", "publisher"),
        ("/api/sources/?date_after=soon", "date_after"),
        ("/api/sources/?speaker=nobody", "speaker"),
        ("/api/publications/?ordering=url", "ordering"),
        ("/api/reviews/?rating=pants_on_fire", "rating"),
        ("/api/reviews/?statement=x", "statement"),
        ("/api/statements/{pk}/?speaker=nobody", "speaker"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api_client, data, url, parameter):
    response = api_client.get(url.format(pk=data.member.pk))
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [parameter]


def test_a_page_past_the_last_is_a_404(api_client, data):
    assert api_client.get("/api/speakers/?page=2").status_code == 404
    assert api_client.get("/api/speakers/?page=999999999999999999999").status_code == 400


@pytest.mark.parametrize("path", ["statements/abc/", "statements/99999999999999999999/", "speakers/0/"])
def test_unknown_objects_are_a_404(api_client, data, path):
    assert api_client.get(f"/api/{path}").status_code == 404


# Ordering and pagination ------------------------------------------------------------------------------------


def test_statement_ordering(api_client, data):
    assert ids(api_client.get("/api/statements/?ordering=published")) == [
        data.member.pk,
        data.guarantees.pk,
        data.talks.pk,
        data.stronger.pk,
    ]
    by_speaker = ids(api_client.get("/api/statements/?ordering=-speaker_name"))
    assert by_speaker == [data.guarantees.pk, data.member.pk, data.talks.pk, data.stronger.pk]
    assert ids(api_client.get("/api/statements/?ordering=created")) == sorted(by_speaker)


@pytest.fixture
def many_statements(data):
    """Forty more statements, all in one article on one date, so that every sort key ties."""
    words = [f"word{number}" for number in range(40)]
    article = add_article("Many", " ".join(words), published=datetime.date(2024, 1, 10), publication=data.times)
    for word in words:
        add_statement(article, word, speaker=data.graham if word.endswith(("1", "3")) else data.jens)
    return Statement.objects.visible_to(None)


@pytest.mark.parametrize("ordering", ["", "published", "-published", "speaker_name", "-speaker_name,-created"])
def test_cursor_pages_cover_every_row_once_both_ways(api_client, many_statements, ordering):
    # "" is the default ordering: no parameter (an empty ``ordering=`` is a 400).
    ordering = f"&ordering={ordering}" if ordering else ""
    expected = ids(api_client.get(f"/api/statements/?page_size=200{ordering}"))
    assert len(expected) == many_statements.count()
    seen, url, pages = [], f"/api/statements/?page_size=7{ordering}", []
    while url:
        body = api_client.get(url).json()
        pages.append(url)
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert seen == expected
    back, url = [], body["previous"]
    while url:
        body = api_client.get(url).json()
        back = [item["id"] for item in body["results"]] + back
        url = body["previous"]
    assert back == expected[: len(expected) - (len(expected) % 7 or 7)]


def test_cursor_pagination_neither_counts_nor_offsets(api_client, many_statements):
    first = api_client.get("/api/statements/?page_size=5").json()
    assert set(first) == {"next", "previous", "results"}
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(first["next"]).status_code == 200
    sql = " ".join(query["sql"].upper() for query in queries.captured_queries)
    assert "COUNT(" not in sql
    assert "OFFSET" not in sql


def test_cursor_of_another_ordering_is_a_400(api_client, many_statements):
    next_url = api_client.get("/api/statements/?page_size=5").json()["next"]
    response = api_client.get(next_url + "&ordering=speaker_name")
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


def test_cursor_follows_filters_and_search(api_client, many_statements, data):
    url = "/api/statements/?speaker=lindsey-graham&page_size=3"
    seen = []
    while url:
        body = api_client.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert set(seen) == set(many_statements.filter(speaker=data.graham).values_list("pk", flat=True))
    assert len(seen) == len(set(seen))


def test_page_size_limits(api_client, many_statements):
    assert len(ids(api_client.get("/api/statements/?page_size=200"))) == many_statements.count()
    assert len(ids(api_client.get("/api/statements/?page_size=1"))) == 1
    assert len(ids(api_client.get("/api/statements/"))) == many_statements.count() == 44  # default size 50
    body = api_client.get("/api/speakers/?page_size=2").json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert api_client.get(body["next"]).json()["results"][0]["slug"] == "lindsey-graham"


# Conditional requests ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["statements/", "statements/{member}/", "speakers/", "articles/{one}/", "reviews/"])
def test_etag_and_304(api_client, data, path):
    url = "/api/" + path.format(member=data.member.pk, one=data.one.pk)
    first = api_client.get(url)
    etag = first["ETag"]
    assert first["Last-Modified"]
    assert "Accept" in first["Vary"]
    second = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == etag
    Speaker.objects.filter(pk=data.jens.pk).update(name="Jens S.")
    third = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert third.status_code == 200
    assert third["ETag"] != etag


def test_last_modified_is_the_newest_update_shown(api_client, data):
    Statement.objects.filter(pk=data.member.pk).update(updated=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))
    assert api_client.get("/api/statements/")["Last-Modified"] == "Tue, 01 Jan 2030 00:00:00 GMT"
    assert api_client.get(f"/api/statements/{data.talks.pk}/")["Last-Modified"] != "Tue, 01 Jan 2030 00:00:00 GMT"


def test_head_is_answered_like_get(api_client, data):
    response = api_client.head(f"/api/statements/{data.member.pk}/")
    assert response.status_code == 200
    assert response["ETag"] == api_client.get(f"/api/statements/{data.member.pk}/")["ETag"]


# Throttling -------------------------------------------------------------------------------------------------


@pytest.fixture
def tight_throttle(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": "4/min"},
    }


def test_anonymous_requests_are_throttled_with_retry_after(api_client, data, tight_throttle):
    for _ in range(3):
        assert api_client.get("/api/publications/").status_code == 200
    response = api_client.get("/api/publications/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60


def test_users_have_their_own_rate(api_client, data, plain_user, tight_throttle):
    api_client.force_authenticate(plain_user)
    statuses = [api_client.get("/api/publications/").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


# Speed ------------------------------------------------------------------------------------------------------


def grow(data, extra):
    """Add ``extra`` of everything, with every relation the API embeds filled in."""
    body = " ".join(f"quote{extra}x{number}" for number in range(extra))
    article = add_article(f"Grown {extra}", body, published=datetime.date(2024, 2, 2), publication=data.times)
    for number in range(extra):
        key = f"{extra}x{number}"
        publication = Publication.objects.create(name=f"Outlet {key}")
        speaker = Speaker.objects.create(name=f"Speaker {key}")
        speaker.aliases.create(name=f"Alias {key}")
        speaker.roles.create(title="Minister", organization=f"Org {key}")
        speaker.members.add(data.jens)
        source = Source.objects.create(title=f"Source {key}", publisher=publication)
        source.speakers.add(speaker, data.jens)
        add_article(f"Article {key}", f"body {key}", publication=publication)
        statement = add_statement(article, f"quote{key}", speaker=speaker, source=source)
        Review.objects.create(statement=statement, rating="true", explanation="-", reviewed_on=datetime.date.today())


@pytest.mark.parametrize(
    ("path", "budget"),
    [
        ("statements/", 2),
        ("statements/?format=csv", 2),
        ("statements/?speaker_name=speaker&q=quote&ordering=speaker_name", 2),
        ("speakers/", 5),
        ("articles/", 2),
        ("sources/", 3),
        ("publications/", 2),
        ("reviews/", 2),
    ],
)
def test_list_query_count_does_not_grow_with_the_page(api_client, data, curator, path, budget):
    api_client.force_authenticate(curator)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = api_client.get(f"/api/{path}&page_size=200" if "?" in path else f"/api/{path}?page_size=200")
            assert response.status_code == 200
            if response.streaming:
                b"".join(response.streaming_content)
        return len(queries.captured_queries)

    grow(data, 1)
    count()  # the first request also loads the curator's permissions
    small = count()
    grow(data, 60)
    assert count() == small
    assert small <= budget


def test_detail_query_counts(api_client, data, django_assert_max_num_queries):
    grow(data, 20)
    with django_assert_max_num_queries(2):
        api_client.get(f"/api/statements/{data.member.pk}/")
    article = Article.objects.get(title="Grown 20")
    with django_assert_max_num_queries(2):
        api_client.get(f"/api/articles/{article.pk}/")


# Authentication ---------------------------------------------------------------------------------------------


def test_token_authentication(api_client, data, curator):
    token = Token.objects.create(user=curator)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api_client.patch(f"/api/statements/{data.talks.pk}/", {"status": "verified"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "verified"
    api_client.credentials(HTTP_AUTHORIZATION="Token wrong")
    assert api_client.get("/api/statements/").status_code == 401


def test_session_authentication(client, data, curator):
    client.force_login(curator)
    response = client.patch(
        f"/api/statements/{data.talks.pk}/", {"status": "disputed"}, content_type="application/json"
    )
    assert response.status_code == 200


# Writes -----------------------------------------------------------------------------------------------------


@pytest.fixture
def curator_client(api_client, curator):
    api_client.force_authenticate(curator)
    return api_client


def test_create_statement_finds_its_spans(curator_client, data):
    response = curator_client.post(
        "/api/statements/",
        {
            "article": data.one.pk,
            "text": "NATO  allies met\nin Brussels",
            "speaker": data.jens.pk,
            "paragraph": 0,
            "kind": "paraphrase",
            "id": 999,
            "spans": [[0, 1]],
            "position": 5,
            "created": "2000-01-01T00:00:00Z",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["id"] != 999
    assert body["spans"] == [[0, 27]]
    assert body["parts"] == ["NATO allies met in Brussels"]
    assert not body["created"].startswith("2000")
    assert Statement.objects.get(pk=body["id"]).position == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"text": "words that are not in the body"}, "text"),
        ({"text": "Ukraine will become a member of NATO"}, "text"),  # already a statement at that place
        ({"text": "   "}, "text"),
        ({"article": 99999}, "article"),
        ({"speaker": "jens"}, "speaker"),
        ({"confidence": 2}, "confidence"),
        ({"paragraph": -1}, "paragraph"),
        ({"status": "approved"}, "status"),
    ],
)
def test_invalid_statements_are_a_400_with_field_errors(curator_client, data, changes, field):
    payload = {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0, **changes}
    response = curator_client.post("/api/statements/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Statement.objects.count() == 5


def test_update_statement_text_recomputes_spans(curator_client, data):
    url = f"/api/statements/{data.talks.pk}/"
    response = curator_client.patch(url, {"text": "talks would continue"}, format="json")
    assert response.status_code == 200, response.content
    start = BODY_ONE.index("talks would continue")
    assert response.json()["spans"] == [[start, start + len("talks would continue")]]
    assert curator_client.patch(url, {"text": "not there"}, format="json").status_code == 400
    assert curator_client.patch(url, {"article": data.two.pk}, format="json").status_code == 400
    data.talks.refresh_from_db()
    assert data.talks.text == "talks would continue"


def test_update_statement_without_touching_text_keeps_split_spans(curator_client, data):
    first, second = BODY_ONE.index("Stoltenberg added"), BODY_ONE.index("membership talks")
    Statement.objects.filter(pk=data.talks.pk).update(
        spans=[[first, first + 11], [second, second + 16]], text="Stoltenberg membership talks"
    )
    response = curator_client.put(
        f"/api/statements/{data.talks.pk}/",
        {
            "article": data.one.pk,
            "text": "Stoltenberg membership talks",
            "paragraph": 3,
            "status": "verified",
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["parts"] == ["Stoltenberg", "membership talks"]


def test_create_article_hashes_the_body_and_refuses_duplicates(curator_client, data):
    payload = {"title": "New", "body": "A new “body”.", "publication": data.tank.pk, "body_sha256": "0" * 64}
    response = curator_client.post("/api/articles/", payload, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["body_sha256"] != "0" * 64
    assert body["statements"] == []
    again = curator_client.post("/api/articles/", {**payload, "body": 'A new  "body".'}, format="json")
    assert again.status_code == 400
    assert list(again.json()) == ["body"]
    url = f"/api/articles/{body['id']}/"
    assert curator_client.patch(url, {"body": "Changed."}, format="json").status_code == 400
    assert curator_client.patch(url, {"title": "Renamed"}, format="json").json()["title"] == "Renamed"


def test_unique_when_set_fields_are_validated(curator_client, data):
    response = curator_client.post(
        "/api/articles/", {"title": "Copy", "body": "Other.", "web_url": data.one.url}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["web_url"]
    assert curator_client.post("/api/articles/", {"title": "A", "body": "One.", "web_url": ""}).status_code == 201
    assert curator_client.post("/api/articles/", {"title": "B", "body": "Two.", "web_url": ""}).status_code == 201
    duplicate = curator_client.post("/api/speakers/", {"name": "Someone", "wikidata_id": "Q57522"}, format="json")
    assert list(duplicate.json()) == ["wikidata_id"]
    malformed = curator_client.post("/api/speakers/", {"name": "Someone", "wikidata_id": "57522"}, format="json")
    assert list(malformed.json()) == ["wikidata_id"]


def test_create_speaker_source_publication(curator_client, data):
    speaker = curator_client.post("/api/speakers/", {"name": "Ann Other", "kind": "person"}, format="json")
    assert speaker.json()["slug"] == "ann-other"
    assert speaker.json()["statement_count"] == 0
    publication = curator_client.post("/api/publications/", {"name": "Daily"}, format="json").json()
    source = curator_client.post(
        "/api/sources/",
        {
            "kind": "interview",
            "publisher": publication["id"],
            "speakers": [speaker.json()["id"], data.jens.pk],
        },
        format="json",
    )
    assert source.status_code == 201, source.content
    assert {s["slug"] for s in source.json()["speakers"]} == {"ann-other", "jens-stoltenberg"}


def test_deleting_what_is_still_referenced_is_a_409(curator_client, data):
    response = curator_client.delete(f"/api/speakers/{data.jens.pk}/")
    assert response.status_code == 409
    assert "statements" in response.json()["detail"]
    assert curator_client.delete(f"/api/publications/{data.times.pk}/").status_code == 409
    assert curator_client.delete(f"/api/speakers/{data.group.pk}/").status_code == 204


def test_create_review_records_the_reviewer(curator_client, curator, data):
    payload = {
        "statement": data.talks.pk,
        "rating": "true",
        "explanation": "Yes.",
        "reviewed_on": "2024-02-01",
    }
    response = curator_client.post("/api/reviews/", payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["reviewer"] == "curator"
    again = curator_client.post("/api/reviews/", payload, format="json")
    assert again.status_code == 400
    assert list(again.json()) == ["statement"]


def test_reviews_cannot_target_statements_the_user_cannot_see(api_client, data, plain_user):
    plain_user.user_permissions.add(*_permissions("add_review"))
    api_client.force_authenticate(plain_user)
    payload = {
        "statement": data.weather.pk,
        "rating": "true",
        "explanation": "-",
        "reviewed_on": "2024-02-01",
    }
    data.hidden_verdict.delete()
    response = api_client.post("/api/reviews/", payload, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["statement"]


def _interview(data):
    article = add_article("An interview", "Q: Will you run again?\n\nA: Yes, I will run again next year.")
    question = add_statement(article, "Will you run again?", kind="question", paragraph=0)
    answer = add_statement(article, "Yes, I will run again next year.", kind="answer", speaker=data.jens)
    return question, answer


def test_answers_and_questions_are_listed_apart(api_client, data):
    question, answer = _interview(data)
    assert ids(api_client.get("/api/statements/?kind=answer")) == [answer.pk]
    assert ids(api_client.get("/api/statements/?kind=question")) == [question.pk]
    body = api_client.get(f"/api/statements/{question.pk}/").json()
    assert (body["kind"], body["parts"]) == ("question", ["Will you run again?"])


def test_a_question_is_no_claim_to_review(curator_client, data):
    question, answer = _interview(data)
    payload = {"statement": question.pk, "rating": "false", "explanation": "-", "reviewed_on": "2024-02-01"}
    response = curator_client.post("/api/reviews/", payload, format="json")
    assert response.status_code == 400
    assert "not a claim" in response.json()["statement"][0]
    assert curator_client.post("/api/reviews/", {**payload, "statement": answer.pk}, format="json").status_code == 201
    # A reviewed answer cannot be turned into a question; a question never has a ClaimReview.
    response = curator_client.patch(f"/api/statements/{answer.pk}/", {"kind": "question"}, format="json")
    assert response.status_code == 400 and list(response.json()) == ["kind"]
    Review.objects.create(statement=question, rating="false", explanation="-", reviewed_on=datetime.date(2024, 2, 1))
    assert curator_client.get(f"/api/statements/{question.pk}/claimreview/").status_code == 404


def _permissions(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames)


def test_malformed_bodies_are_a_400_or_415(curator_client, data):
    bad_json = curator_client.generic("POST", "/api/speakers/", "{not json", content_type="application/json")
    assert bad_json.status_code == 400
    assert "detail" in bad_json.json()
    not_an_object = curator_client.post("/api/speakers/", [1, 2], format="json")
    assert list(not_an_object.json()) == ["non_field_errors"]
    wrong_type = curator_client.generic("POST", "/api/speakers/", "name=x", content_type="text/plain")
    assert wrong_type.status_code == 415


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_speakers_of_one_name_posted_at_once_both_get_a_slug(curator, monkeypatch):
    """Both requests find the slug free, then both insert: the second takes the next slug instead of a 409."""
    from django.db import connections

    from tracker import models

    barrier, chosen = threading.Barrier(2, timeout=30), threading.local()
    real_unique_slug = models.unique_slug

    def unique_slug_in_step(model, text, **kwargs):
        slug = real_unique_slug(model, text, **kwargs)
        if not getattr(chosen, "once", False):
            chosen.once = True
            barrier.wait()  # each has chosen "ann-race" before either inserts
        return slug

    monkeypatch.setattr(models, "unique_slug", unique_slug_in_step)
    answers = []

    def post():
        client = APIClient()
        client.force_authenticate(curator)
        try:
            response = client.post("/api/speakers/", {"name": "Ann Race"}, format="json")
            answers.append((response.status_code, response.json().get("slug")))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [(201, "ann-race"), (201, "ann-race-2")]
