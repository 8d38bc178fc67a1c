"""Hostile input anywhere in a documented request is a 4xx, never a 500."""

import base64
import json
import random
import string
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from drf_spectacular.generators import SchemaGenerator

from tracker.api.pagination import CURSOR_SALT, sign_cursor
from tracker.api.parsers import nesting_depth

PARAMETER_VALUES = ["", "\x00", "-1", "1.5", "99999999999999999999", "😀", "a" * 300, "0001-01-01", ",", "-", "'"]
BODY_VALUES = [None, "", "x" * 5000, -1, 2**70, 1.5, True, [], {"a": 1}, "\x00", "2024-13-45", [[0, 1]]]


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def test_every_query_parameter_survives_hostile_values(schema, api_client, data, curator):
    failures = []
    for path, operations in schema["paths"].items():
        url = path.replace("{id}", str(data.member.pk))
        names = [parameter["name"] for parameter in operations["get"].get("parameters", [])]
        for user in (None, curator):
            api_client.force_authenticate(user)
            for name in names:
                for value in PARAMETER_VALUES:
                    status = api_client.get(url, {name: value}).status_code
                    if status >= 500:
                        failures.append((url, name, value, status))
    assert not failures


def test_every_body_field_survives_hostile_values(schema, api_client, data, curator):
    api_client.force_authenticate(curator)
    components, failures = schema["components"]["schemas"], []
    for path, operations in schema["paths"].items():
        for method in ("post", "patch"):
            if method not in operations:
                continue
            component = operations[method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            fields = components[component.rsplit("/", 1)[1]]["properties"]
            url = path.replace("{id}", str(data.talks.pk))
            for field in fields:
                for value in BODY_VALUES:
                    status = getattr(api_client, method)(url, {field: value}, format="json").status_code
                    if status >= 500:
                        failures.append((method, url, field, value, status))
    assert not failures


def write_operations(schema):
    for path, operations in schema["paths"].items():
        for method in ("post", "put", "patch"):
            if method in operations:
                yield method, path


@pytest.mark.parametrize("depth", [33, 1_000, 100_000])
def test_deeply_nested_bodies_are_a_400_on_every_write(schema, api_client, data, curator, depth):
    """The JSON decoder recursed once a level: a thousand levels were a RecursionError, a 500."""
    api_client.force_authenticate(curator)
    bodies = ["[" * depth + "]" * depth, '{"name": ' + '{"a": ' * (depth - 1) + "1" + "}" * depth]
    existing = {
        "articles": data.one,
        "speakers": data.jens,
        "statements": data.talks,
        "sources": data.speech,
        "publications": data.times,
        "reviews": data.verdict,
    }
    failures = []
    for method, path in write_operations(schema):
        url = path.replace("{id}", str(existing[path.split("/")[2]].pk))
        for body in bodies:
            response = getattr(api_client, method)(url, body, content_type="application/json")
            if response.status_code != 400 or "32 levels" not in response.json().get("detail", ""):
                failures.append((method, url, body[:20], response.status_code))
    assert not failures


def test_bodies_nested_as_deep_as_allowed_are_read(api_client, data, curator):
    """Up to 32 levels the body reaches the serializer, which names the field whose value has the wrong type."""
    api_client.force_authenticate(curator)
    assert nesting_depth([[[[[[]]]]]], limit=32) == 6
    assert nesting_depth({"a": [1, {"b": []}]}, limit=32) == 4
    assert nesting_depth("text", limit=32) == 0
    thirty_two = "[" * 31 + "1" + "]" * 31
    response = api_client.post("/api/publications/", '{"name": ' + thirty_two + "}", content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["name"]


def unsigned(payload):
    """A cursor as this API wrote them before they were signed: base64 JSON, which anyone could forge."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


ORDER = "-sort_published,article_id,position,id"
CREATED = "created,article_id,position,id"


@pytest.mark.parametrize(
    "token",
    [
        # Well formed but unsigned, or signed with another key or salt.
        unsigned({"o": ORDER, "p": ["2024-03-01", 1, 0, 0], "r": False}),
        signing.Signer(salt="another").sign_object({"o": ORDER, "p": ["2024-03-01", 1, 0, 0], "r": False}),
        signing.Signer(key="x" * 50, salt=CURSOR_SALT).sign_object({"o": ORDER, "p": ["2024-03-01", 1, 0, 0]}),
        sign_cursor({"o": ORDER, "p": ["2024-03-01", 1, 0, 0], "r": False})[:-1],
        # Signed, so only the server could have written them, and still checked.
        sign_cursor({"o": ORDER, "p": ["x", 1, 1, 1], "r": False}),
        sign_cursor({"o": ORDER, "p": [5, 1, 1, 1], "r": False}),
        sign_cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, 2**70], "r": False}),
        sign_cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, 1], "r": "yes"}),
        sign_cursor({"o": ORDER, "p": ["2024-01-01", 1, 1], "r": False}),
        sign_cursor({"o": ORDER, "p": "2024-01-01", "r": False}),
        sign_cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, float("nan")], "r": False}),
        sign_cursor({"o": ORDER, "p": ["2024-01-01\x00", 1, 1, 1], "r": False}),
        sign_cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, 1]}),
        sign_cursor({"o": CREATED, "p": ["2024-01-01T00:00:00", 1, 1, 1], "r": False}),
        sign_cursor({"o": CREATED, "p": ["0001-01-01T00:00:00+16:00", 1, 1, 1], "r": False}),
        sign_cursor({"o": CREATED, "p": ["9999-12-31T23:59:59-15:00", 1, 1, 1], "r": False}),
        sign_cursor({"o": "-rank,id", "p": [0.5, 1], "r": False}),
        sign_cursor([1, 2]),
        "%%%",
        "e30",
        "e30:",
        ":",
    ],
)
def test_forged_cursors_are_a_400(api_client, data, token):
    response = api_client.get("/api/statements/", {"cursor": token})
    assert response.status_code == 400
    assert response.json() == {"cursor": ["Invalid cursor: use the next or previous link as given."]}


@pytest.mark.parametrize(
    "value",
    [
        "Ann\x00",  # PostgreSQL takes no NUL in text
        "\ud800",  # a lone surrogate is no UTF-8
        "x" * 1001,
    ],
)
def test_a_signed_cursor_with_a_speaker_name_no_database_takes_is_a_400(api_client, data, value):
    token = sign_cursor({"o": "sort_speaker,article_id,position,id", "p": [value, 1, 1, 1], "r": False})
    response = api_client.get("/api/statements/", {"cursor": token, "ordering": "speaker_name"})
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


def test_a_timestamp_with_any_offset_is_compared_in_utc(api_client, data):
    """+14:00 is a real offset: the cursor's instant is compared, whatever offset it was written with."""
    token = sign_cursor({"o": CREATED, "p": ["2000-01-01T14:00:00+14:00", 0, 0, 0], "r": False})
    response = api_client.get("/api/statements/", {"cursor": token, "ordering": "created"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 4


def test_a_signed_cursor_seeks(api_client, data):
    token = sign_cursor({"o": ORDER, "p": ["2024-03-01", data.two.pk, 0, 0], "r": False})
    ids = [item["id"] for item in api_client.get("/api/statements/", {"cursor": token}).json()["results"]]
    assert ids == [data.stronger.pk, data.member.pk, data.guarantees.pk, data.talks.pk]


@pytest.mark.parametrize("ordering", [None, "speaker_name", "-created", "published"])
def test_mutated_cursors_are_never_a_500(api_client, data, ordering, settings):
    """Every cursor the API gives, with each character changed, dropped or doubled: a 200 or a 400, never more."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
    rng = random.Random(ordering)
    params = {"ordering": ordering} if ordering else {}
    response = api_client.get("/api/statements/", {"page_size": 1, **params})
    token = parse_qs(urlsplit(response.json()["next"]).query)["cursor"][0]
    alphabet = string.ascii_letters + string.digits + "-_:=%\x00é"
    mutants = {token[:cut] for cut in range(len(token))}
    for index in range(len(token)):
        mutants.add(token[:index] + rng.choice(alphabet) + token[index + 1 :])
        mutants.add(token[:index] + token[index] + token[index:])
    failures = []
    for mutant in mutants:
        status = api_client.get("/api/statements/", {"cursor": mutant, **params}).status_code
        if status not in (200, 400):
            failures.append((mutant, status))
    assert not failures
