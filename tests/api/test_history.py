"""A statement's curation history at /api/statements/{id}/history/: who, when, what kind of change, why, and
each changed field's old and new value; for curators only."""

import jsonschema
import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token

from tracker.choices import ReviewStatus
from tracker.models import Speaker, Statement

from .test_schema import FORMATS, as_json_schema

HISTORY = "/api/statements/{id}/history/"


def history_url(statement):
    return HISTORY.format(id=statement.pk)


@pytest.fixture
def curator_client(api_client, curator):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=curator).key}")
    return api_client


def test_a_patch_through_the_api_is_recorded_with_its_user(curator_client, data, curator):
    response = curator_client.patch(f"/api/statements/{data.guarantees.pk}/", {"status": "verified"})
    assert response.status_code == 200, response.content
    history = curator_client.get(history_url(data.guarantees))
    assert history.status_code == 200, history.content
    body = history.json()
    assert body["count"] == 2
    latest, created = body["results"]
    assert latest["user"] == curator.username
    assert latest["change_type"] == "changed"
    assert latest["changes"] == [{"field": "status", "old": "extracted", "new": "verified"}]
    assert latest["date"] >= created["date"]
    # The statement was made by a script (the test data), not through a request: no user, no earlier record.
    assert (created["change_type"], created["user"], created["changes"]) == ("created", None, [])


def test_every_changed_field_is_listed_with_old_and_new_values(curator_client, data):
    curator_client.patch(
        f"/api/statements/{data.talks.pk}/",
        {"speaker": data.graham.pk, "curator_note": "Graham, not Stoltenberg.", "confidence": 0.5},
    )
    changes = curator_client.get(history_url(data.talks)).json()["results"][0]["changes"]
    assert changes == [
        {"field": "confidence", "old": 1.0, "new": 0.5},
        {"field": "curator_note", "old": "", "new": "Graham, not Stoltenberg."},
        {"field": "speaker", "old": data.jens.pk, "new": data.graham.pk},
    ]


def test_a_bulk_status_change_keeps_its_reason(curator_client, data, curator):
    Statement.objects.filter(pk=data.talks.pk).set_status(ReviewStatus.DISPUTED, user=curator, reason="Checked")
    latest = curator_client.get(history_url(data.talks)).json()["results"][0]
    assert (latest["user"], latest["change_reason"]) == (curator.username, "Checked")
    assert latest["changes"] == [{"field": "status", "old": "extracted", "new": "disputed"}]


def test_a_speaker_merge_shows_in_the_moved_statements_history(curator_client, data, curator):
    misspelt = Speaker.objects.create(name="Jens Stoltenbrg")
    moved = Statement.objects.get(pk=data.stronger.pk)
    moved.speaker = misspelt
    moved.save()
    misspelt_id = misspelt.pk  # gone once merged
    data.jens.merge([misspelt], user=curator)
    latest = curator_client.get(history_url(moved)).json()["results"][0]
    assert latest["user"] == curator.username
    assert latest["change_reason"] == "Merged speaker Jens Stoltenbrg into Jens Stoltenberg"
    assert latest["changes"] == [{"field": "speaker", "old": misspelt_id, "new": data.jens.pk}]


def test_pages_of_history(curator_client, data):
    for status in ["verified", "disputed", "verified", "disputed"]:
        curator_client.patch(f"/api/statements/{data.talks.pk}/", {"status": status})
    first = curator_client.get(history_url(data.talks), {"page_size": 2}).json()
    assert first["count"] == 5
    assert [change["changes"][0]["new"] for change in first["results"]] == ["disputed", "verified"]
    last = curator_client.get(history_url(data.talks), {"page_size": 2, "page": 3}).json()
    assert [record["change_type"] for record in last["results"]] == ["created"]


def test_reading_history_takes_a_fixed_number_of_queries(curator_client, data, django_assert_max_num_queries):
    for status in ["verified", "disputed"] * 5:
        curator_client.patch(f"/api/statements/{data.talks.pk}/", {"status": status})
    # Token and user, permissions, the statement, count, page, and the record before the page's oldest.
    with django_assert_max_num_queries(9):
        assert len(curator_client.get(history_url(data.talks)).json()["results"]) == 11


@pytest.mark.parametrize(("who", "expected"), [("anonymous", 401), ("plain_user", 403), ("curator", 200)])
def test_only_curators_read_history(api_client, data, request, who, expected):
    if who != "anonymous":
        api_client.force_authenticate(request.getfixturevalue(who))
    response = api_client.get(history_url(data.member))
    assert response.status_code == expected, response.content
    if who == "anonymous":
        assert response["WWW-Authenticate"] == "Token"


def test_a_superuser_reads_history(api_client, data, superuser):
    api_client.force_authenticate(superuser)
    assert api_client.get(history_url(data.member)).status_code == 200


def test_curators_read_the_history_of_rejected_statements(api_client, data, curator):
    api_client.force_authenticate(curator)
    assert api_client.get(history_url(data.weather)).status_code == 200
    assert api_client.get(HISTORY.format(id=999999)).status_code == 404


def test_statements_without_history_have_an_empty_one(api_client, demo_data, curator):
    """loaddata saves raw, which simple-history does not record: the demo statements have no history yet."""
    api_client.force_authenticate(curator)
    body = api_client.get(history_url(Statement.objects.first())).json()
    assert (body["count"], body["results"]) == (0, [])


def test_history_is_documented_exactly(db, curator_client, data):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"][HISTORY]["get"]
    # Credentials are required: no anonymous ({}) alternative, and the refusals are declared.
    assert {} not in operation["security"]
    assert {"200", "401", "403", "404", "429"} <= set(operation["responses"])
    assert set(operation["responses"]["200"]["content"]) == {"application/json"}
    components = schema["components"]["schemas"]
    assert set(components["StatementHistory"]["properties"]) == {
        "history_id",
        "date",
        "user",
        "change_type",
        "change_reason",
        "changes",
    }
    assert components["ChangeTypeEnum"]["enum"] == ["created", "changed", "deleted"]
    curator_client.patch(f"/api/statements/{data.talks.pk}/", {"status": "verified"})
    for response, code in [
        (curator_client.get(history_url(data.talks)), "200"),
        (curator_client.get(HISTORY.format(id=999999)), "404"),
    ]:
        assert str(response.status_code) == code
        body_schema = operation["responses"][code]["content"]["application/json"]["schema"]
        jsonschema.validate(response.json(), as_json_schema(body_schema, components), format_checker=FORMATS)
