"""Schemathesis fuzzing: every operation of the served OpenAPI schema, in-process, anonymous and as a curator.

The schema is loaded from the WSGI application itself (``/api/schema/``), so what is fuzzed is what clients get.
As a curator, each operation runs the examples, coverage and fuzzing phases (at least 100 generated cases, valid
and invalid) with every check Schemathesis has but ``positive_data_acceptance`` (see ``config``); anonymously,
so do the reads, while the writes run examples and coverage only (still over a hundred cases each for POST
/api/statements/): every one is a 401 before its body is looked at, so a hundred random bodies more would test
nothing new and cost 40 s of a 5-minute budget. The stateful phase follows the links Schemathesis infers between
operations. The test database holds the demo fixture, so reads and writes reach real rows. Runs are
derandomized so CI is reproducible; ``TRACKER_FUZZ_RANDOM=1`` explores anew.
"""

import os

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token

from config.wsgi import application
from tracker.models import Statement


def config(*, fuzzing=True):
    return schemathesis.Config.from_dict(
        {
            "generation": {
                "max-examples": 100,
                "mode": "all",
                "database": "none",
                "deterministic": not os.environ.get("TRACKER_FUZZ_RANDOM"),
            },
            "phases": {
                "examples": {"enabled": True, "fill-missing": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": fuzzing},
                "stateful": {"enabled": True},
            },
            "checks": {
                "enabled": True,
                # Valid by the schema is not always valid: a statement's text must occur in its article's body, a
                # review's statement must not have one yet. Those rules answer 400 with field errors, which this
                # check would count as failures; negative_data_rejection still holds every invalid input to a 4xx.
                "positive_data_acceptance": {"enabled": False},
            },
        }
    )


schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=config())
# The same schema document without the random phase, for the writes an anonymous client cannot make.
anonymous_writes = schemathesis.openapi.from_dict(schema.raw_schema, config=config(fuzzing=False)).exclude(method="GET")
anonymous_writes.app = application


@pytest.fixture(autouse=True)
def fuzz_app(settings, demo_data):
    """The WSGI app on the test database holding the demo fixture, without throttling.

    Django closes the database connection around each request, which would end the test's transaction: the
    test client avoids that by disconnecting ``close_old_connections``, and so does this fixture.
    """
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def curator_headers(curator):
    return {"Authorization": f"Token {Token.objects.create(user=curator).key}"}


@schema.include(method="GET").parametrize()
def test_anonymous(case):
    case.call_and_validate()


@anonymous_writes.parametrize()
def test_anonymous_writes(case):
    case.call_and_validate()


@schema.parametrize()
# One curator and token serve every generated case: writes pile up in the test's transaction, as in real use.
@hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
def test_curator(case, curator_headers):
    case.call_and_validate(headers=curator_headers)


def test_stateful_as_curator(curator_headers):
    """Sequences of calls along the links Schemathesis infers: list, then read, change or delete what was listed."""
    machine = schema.as_state_machine()
    # Each inferred link is a rule named after it: "GET /api/statements/ -> 200" feeds the ids it lists to
    # PATCH, DELETE, history and the rest of /api/statements/{id}/.
    links = [name for name in dir(machine) if name.startswith("GET_api_statements___200_")]
    assert "GET_api_statements___200_PatchStatement__PATCH_api_statements_id_" in links, links

    class CuratorStateMachine(machine):
        def setup(self):
            # Every scenario starts from the demo data: what one created or deleted does not leak into the next.
            self.savepoint = transaction.savepoint()

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)

        def get_call_kwargs(self, case):
            return {"headers": curator_headers}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            # Named as the headers sent, the token is known to be the client's, not generated auth.
            case.validate_response(
                response, additional_checks=additional_checks, headers=curator_headers, transport_kwargs=kwargs
            )

    CuratorStateMachine.run(
        settings=hypothesis.settings(
            max_examples=100,
            stateful_step_count=6,
            deadline=None,
            database=None,
            derandomize=not os.environ.get("TRACKER_FUZZ_RANDOM"),
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )


# What fuzzing found, pinned as plain tests ----------------------------------------------------------------------


@pytest.fixture
def curator_client(api_client, curator):
    api_client.force_authenticate(curator)
    return api_client


@pytest.mark.parametrize(
    "query",
    [
        "/api/statements/?published_before=",
        "/api/reviews/?reviewed_before=",
        "/api/sources/?date_before=",
        "/api/speakers/?ordering=",
        "/api/speakers/?ordering=,",
        "/api/statements/?ordering=published,",
        "/api/articles/?page_size=",
        "/api/articles/?page=",
        "/api/statements/?page_size=",
        "/api/statements/?speaker_id=",
        "/api/statements/?format=",
    ],
)
def test_an_empty_or_blank_typed_parameter_is_a_400(api_client, query):
    response = api_client.get(query)
    assert response.status_code == 400, response.content
    assert list(response.json()) == [query.split("?")[1].split("=")[0]]


def test_the_browsable_api_filter_form_may_leave_fields_empty(api_client):
    """Its HTML form submits every field; for it an empty value still means no filter."""
    response = api_client.get("/api/statements/?published_before=&published_after=&q=", HTTP_ACCEPT="text/html")
    assert response.status_code == 200


def test_free_text_parameters_may_be_empty(api_client):
    assert api_client.get("/api/statements/?q=&cue=&speaker_name=").status_code == 200


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_a_detail_address_that_is_no_id_is_a_json_404(curator_client, method):
    response = getattr(curator_client, method)("/api/articles/%C2%84/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_options_and_delete_answer_in_json_when_csv_is_asked_for(curator_client):
    statement = Statement.objects.first()
    options = curator_client.options(f"/api/statements/{statement.pk}/?format=csv")
    assert options.status_code == 200
    assert options.json()["name"] == "Statement Instance"
    assert curator_client.delete(f"/api/statements/{statement.pk}/?format=csv").status_code == 204


@pytest.mark.parametrize("method", ["post", "delete"])
def test_an_unknown_format_is_a_400_on_every_method(curator_client, method):
    url = "/api/statements/" if method == "post" else f"/api/statements/{Statement.objects.first().pk}/"
    response = getattr(curator_client, method)(f"{url}?format=AAA", {})
    assert response.status_code == 400
    assert "csv" in response.json()["format"][0]


def test_embedded_links_may_be_blank_as_documented(api_client):
    """The demo's sources have no url: the embedded ``web_url`` is "", which the schema now allows."""
    source = api_client.get("/api/statements/").json()["results"][0]["source"]
    assert source["web_url"] == ""
    components = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]
    for brief in ["BriefSource", "BriefArticle"]:
        assert components[brief]["properties"]["web_url"]["oneOf"] == [
            {"type": "string", "format": "uri"},
            {"type": "string", "maxLength": 0},
        ]


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        # A JSON object is no list, though DRF read {"1": 2} as the list of its keys, [1].
        ("/api/sources/", {"kind": "speech", "speakers": {"1": 2}}, "speakers"),
        ("/api/sources/", {"kind": "speech", "speakers": ["1"]}, "speakers"),
        # DRF read "" as null for a relation: the schema says an id or null.
        ("/api/sources/", {"kind": "speech", "publisher": ""}, "publisher"),
        # DRF checked the length after trimming whitespace: 501 characters passed a limit of 500.
        ("/api/articles/", {"title": "\x1d" + "x" * 500, "body": "A new body."}, "title"),
        ("/api/sources/", {"kind": "speech", "title": 0}, "title"),
        ("/api/publications/", {"name": "Daily", "description": 0}, "description"),
        ("/api/statements/", {"article": "1", "text": "NATO", "paragraph": 0}, "article"),
        ("/api/statements/", {"article": 1, "text": "NATO", "paragraph": "0"}, "paragraph"),
        ("/api/statements/", {"article": 1, "text": "NATO", "paragraph": 0, "confidence": True}, "confidence"),
    ],
)
def test_bodies_hold_to_the_schema_types_and_lengths(curator_client, url, body, field):
    response = curator_client.post(url, body)
    assert response.status_code == 400, response.content
    assert field in response.json()
