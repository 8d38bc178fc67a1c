"""The OpenAPI schema: valid, complete, and describing what the server really answers."""

from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml
from django.core.management import call_command

from tracker.api import filters

FILTERSETS = {
    "/api/statements/": filters.StatementFilterSet,
    "/api/speakers/": filters.SpeakerFilterSet,
    "/api/articles/": filters.ArticleFilterSet,
    "/api/sources/": filters.SourceFilterSet,
    "/api/publications/": filters.PublicationFilterSet,
    "/api/reviews/": filters.ReviewFilterSet,
}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    with django_db_blocker.unblock():
        from drf_spectacular.generators import SchemaGenerator

        return SchemaGenerator().get_schema(request=None, public=True)


def test_spectacular_validates_without_warnings(tmp_path, db):
    path = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    assert yaml.safe_load(path.read_text())["openapi"].startswith("3.")


def test_schema_and_docs_are_served(api_client, db):
    response = api_client.get("/api/schema/")
    assert response.status_code == 200
    assert "/api/statements/{id}/claimreview/" in yaml.safe_load(response.content)["paths"]
    assert api_client.get("/api/docs/").status_code == 200


def test_every_resource_is_described(schema):
    for path in FILTERSETS:
        assert set(schema["paths"][path]) == {"get", "post"}
        assert set(schema["paths"][path + "{id}/"]) == {"get", "put", "patch", "delete"}


@pytest.mark.parametrize("path", FILTERSETS)
def test_every_filter_is_a_documented_parameter(schema, path):
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    for name in FILTERSETS[path].base_filters:
        assert parameters[name]["description"], name
    assert parameters["page_size"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 200}
    assert ("cursor" in parameters) == (path == "/api/statements/")
    assert ("page" in parameters) == (path != "/api/statements/")


def test_error_answers_are_declared(schema):
    statements = schema["paths"]["/api/statements/"]
    assert {"200", "304", "400", "401", "404", "429"} <= set(statements["get"]["responses"])
    assert {"201", "400", "401", "403"} <= set(statements["post"]["responses"])
    assert {"204", "401", "403", "404", "409"} <= set(schema["paths"]["/api/speakers/{id}/"]["delete"]["responses"])
    assert set(statements["get"]["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    claimreview = schema["paths"]["/api/statements/{id}/claimreview/"]["get"]["responses"]
    assert set(claimreview["200"]["content"]) == {"application/ld+json"}
    assert "404" in claimreview


def test_reading_needs_no_credentials_writing_does(schema):
    operations = schema["paths"]["/api/statements/"]
    assert {} in operations["get"]["security"]
    assert {} not in operations["post"]["security"]


def test_relations_are_ids_in_requests_and_objects_in_responses(schema):
    components = schema["components"]["schemas"]
    assert components["StatementRequest"]["properties"]["article"] == {
        "type": "integer",
        "description": "The reporting article (write its id).",
    }
    speaker = components["Statement"]["properties"]["speaker"]
    assert speaker["allOf"] == [{"$ref": "#/components/schemas/BriefSpeaker"}]
    assert speaker["nullable"] is True
    for read_only in ("id", "spans", "parts", "created", "updated", "url"):
        assert read_only not in components["StatementRequest"]["properties"]
    assert "body_sha256" not in components["ArticleDetailRequest"]["properties"]


def as_json_schema(node, components):
    """An OpenAPI 3.0 schema as plain JSON Schema: references inlined, ``nullable`` as a null alternative."""
    if isinstance(node, list):
        return [as_json_schema(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return as_json_schema(components[node["$ref"].rsplit("/", 1)[1]], components)
    converted = {key: as_json_schema(value, components) for key, value in node.items() if key != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri")
def is_absolute_uri(value):
    # Without this check '' would match both branches of spectacular's oneOf for a blank-able URL.
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def check(schema, path, method, response):
    declared = schema["paths"][path][method]["responses"][str(response.status_code)]
    content_type = response["Content-Type"].split(";")[0]
    body_schema = as_json_schema(declared["content"][content_type]["schema"], schema["components"]["schemas"])
    jsonschema.validate(response.json(), body_schema, format_checker=FORMATS)


@pytest.mark.parametrize("who", ["anonymous", "curator"])
def test_real_answers_match_the_schema(schema, api_client, data, request, who):
    if who == "curator":
        api_client.force_authenticate(request.getfixturevalue("curator"))
    for path, pk in [
        ("/api/statements/", data.member.pk),
        ("/api/speakers/", data.group.pk),
        ("/api/articles/", data.one.pk),
        ("/api/sources/", data.speech.pk),
        ("/api/publications/", data.times.pk),
        ("/api/reviews/", data.verdict.pk),
    ]:
        check(schema, path, "get", api_client.get(path))
        check(schema, path, "get", api_client.get(path + "?page_size=1"))
        check(schema, path + "{id}/", "get", api_client.get(f"{path}{pk}/"))
        check(schema, path, "get", api_client.get(path + "?page_size=0"))
        check(schema, path + "{id}/", "get", api_client.get(f"{path}999999/"))
    claimreview = "/api/statements/{id}/claimreview/"
    check(schema, claimreview, "get", api_client.get(f"/api/statements/{data.member.pk}/claimreview/"))
    check(schema, claimreview, "get", api_client.get(f"/api/statements/{data.talks.pk}/claimreview/"))


def test_write_answers_match_the_schema(schema, api_client, data, curator):
    api_client.force_authenticate(curator)
    created = api_client.post(
        "/api/statements/", {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0}, format="json"
    )
    check(schema, "/api/statements/", "post", created)
    check(schema, "/api/statements/", "post", api_client.post("/api/statements/", {}, format="json"))
    updated = api_client.patch(f"/api/articles/{data.one.pk}/", {"title": "New"}, format="json")
    check(schema, "/api/articles/{id}/", "patch", updated)
    conflict = api_client.delete(f"/api/speakers/{data.jens.pk}/")
    check(schema, "/api/speakers/{id}/", "delete", conflict)
    api_client.force_authenticate(None)
    check(schema, "/api/reviews/", "post", api_client.post("/api/reviews/", {}, format="json"))
