"""Hostile input anywhere in a documented request is a 4xx, never a 500."""

import base64
import json

import pytest
from drf_spectacular.generators import SchemaGenerator

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


def cursor(payload):
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


ORDER = "-sort_published,article_id,position,id"


@pytest.mark.parametrize(
    "token",
    [
        cursor({"o": ORDER, "p": ["x", 1, 1, 1], "r": False}),
        cursor({"o": ORDER, "p": [5, 1, 1, 1], "r": False}),
        cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, 2**70], "r": False}),
        cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, 1], "r": "yes"}),
        cursor({"o": ORDER, "p": ["2024-01-01", 1, 1], "r": False}),
        cursor({"o": ORDER, "p": "2024-01-01", "r": False}),
        cursor({"o": ORDER, "p": ["2024-01-01", 1, 1, float("nan")], "r": False}),
        cursor([1, 2]),
        "%%%",
        "e30",
    ],
)
def test_forged_cursors_are_a_400(api_client, data, token):
    response = api_client.get("/api/statements/", {"cursor": token})
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


def test_a_well_formed_cursor_seeks(api_client, data):
    token = cursor({"o": ORDER, "p": ["2024-03-01", data.two.pk, 0, 0], "r": False})
    ids = [item["id"] for item in api_client.get("/api/statements/", {"cursor": token}).json()["results"]]
    assert ids == [data.stronger.pk, data.member.pk, data.guarantees.pk, data.talks.pk]
