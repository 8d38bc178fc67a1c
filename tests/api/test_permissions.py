"""Who may do what: anonymous, signed in without permissions, curator and superuser, on every action."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from rest_framework.authtoken.models import Token

from tracker.models import Article, Publication, Review, Source, Speaker, Statement

from .factories import add_article

# For each resource: the model, a valid create body, a valid partial update, and how to get an object to
# change or delete (one nothing protects).
RESOURCES = {
    "publications": (
        Publication,
        lambda data: {"name": "New outlet"},
        {"description": "Changed."},
        lambda data: Publication.objects.create(name="Unused outlet"),
    ),
    "speakers": (
        Speaker,
        lambda data: {"name": "New Speaker"},
        {"description": "Changed."},
        lambda data: data.group,
    ),
    "articles": (
        Article,
        lambda data: {"title": "New", "body": "A fresh body."},
        {"title": "Changed"},
        lambda data: add_article("Spare", "Spare body."),
    ),
    "sources": (
        Source,
        lambda data: {"kind": "letter", "title": "A letter"},
        {"title": "Changed"},
        lambda data: data.speech,
    ),
    # The update is a review-status change, the curators' everyday write.
    "statements": (
        Statement,
        lambda data: {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0},
        {"status": "verified"},
        lambda data: data.talks,
    ),
    "reviews": (
        Review,
        lambda data: {
            "statement": data.talks.pk,
            "rating": "true",
            "explanation": "-",
            "reviewed_on": "2024-05-01",
        },
        {"rating": "false"},
        lambda data: data.verdict,
    ),
}
WRITE_STATUS = {"create": 201, "update": 200, "delete": 204}
REFUSED = {"anonymous": 401, "plain_user": 403}


def client_for(api_client, who, request):
    if who != "anonymous":
        api_client.force_authenticate(request.getfixturevalue(who))
    return api_client


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("who", ["anonymous", "plain_user", "curator", "superuser"])
@pytest.mark.parametrize("action", ["list", "retrieve"])
def test_everyone_reads(api_client, data, request, resource, who, action):
    client = client_for(api_client, who, request)
    target = RESOURCES[resource][3](data)
    url = f"/api/{resource}/" if action == "list" else f"/api/{resource}/{target.pk}/"
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("who", ["anonymous", "plain_user", "curator", "superuser"])
@pytest.mark.parametrize("action", ["create", "update", "delete"])
def test_writes_need_the_model_permission(api_client, data, request, resource, who, action):
    model, create_body, update_body, target = RESOURCES[resource]
    client = client_for(api_client, who, request)
    obj = target(data)
    before = list(model.objects.order_by("pk").values())
    if action == "create":
        response = client.post(f"/api/{resource}/", create_body(data), format="json")
    elif action == "update":
        response = client.patch(f"/api/{resource}/{obj.pk}/", update_body, format="json")
    else:
        response = client.delete(f"/api/{resource}/{obj.pk}/")
    expected = REFUSED.get(who, WRITE_STATUS[action])
    assert response.status_code == expected, response.content
    if who in REFUSED:
        assert list(model.objects.order_by("pk").values()) == before
    if who == "anonymous":
        assert response["WWW-Authenticate"] == "Token"


def test_permission_comes_from_the_curators_group(api_client, data, curator):
    assert curator.groups.get().name == "curators"
    assert curator.has_perm("tracker.change_statement")
    assert not curator.user_permissions.exists()


def test_a_token_carries_its_users_permissions(api_client, data, plain_user, curator):
    for user, expected in [(plain_user, 403), (curator, 200)]:
        token = Token.objects.create(user=user)
        api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        response = api_client.patch(f"/api/statements/{data.talks.pk}/", {"status": "disputed"}, format="json")
        assert response.status_code == expected


def test_an_inactive_users_token_is_refused(api_client, data):
    user = User.objects.create_superuser("gone", password=None, is_active=False)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    assert api_client.get("/api/statements/").status_code == 401


# Roles shipped as data, and what only curators may set ----------------------------------------------------------


def test_the_roles_are_created_by_a_migration(db):
    curators, reviewers = Group.objects.get(name="curators"), Group.objects.get(name="reviewers")
    models = {"article", "publication", "review", "source", "speaker", "speakeralias", "speakerrole", "statement"}
    assert set(curators.permissions.values_list("codename", flat=True)) == {
        f"{action}_{model}" for model in models for action in ("add", "change", "delete", "view")
    }
    assert set(reviewers.permissions.values_list("codename", flat=True)) == {f"view_{model}" for model in models}


def test_a_reviewer_reads_and_writes_nothing(api_client, data):
    reviewer = User.objects.create_user("reviewer")
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    api_client.force_authenticate(reviewer)
    assert api_client.get(f"/api/statements/{data.weather.pk}/").status_code == 404
    assert api_client.patch(f"/api/statements/{data.talks.pk}/", {"status": "verified"}).status_code == 403
    assert api_client.post("/api/publications/", {"name": "Mine"}).status_code == 403


@pytest.fixture
def adder(db):
    """A user who may add statements and nothing more: no curator."""
    user = User.objects.create_user("adder")
    user.user_permissions.add(Permission.objects.get(codename="add_statement"))
    return user


@pytest.mark.parametrize(
    "fields",
    [{"status": "verified"}, {"confidence": 0.99}, {"curator_note": "Checked."}, {"status": "extracted"}],
)
def test_only_curators_set_curation_fields(api_client, data, adder, fields):
    api_client.force_authenticate(adder)
    body = {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0, **fields}
    before = Statement.objects.count()
    response = api_client.post("/api/statements/", body)
    assert response.status_code == 403
    assert response.json() == {
        "detail": f"Setting {', '.join(fields)} needs the curation permission (tracker.change_statement); "
        "leave them out and the statement gets the defaults."
    }
    assert Statement.objects.count() == before


def test_others_statements_get_the_defaults(api_client, data, adder):
    api_client.force_authenticate(adder)
    response = api_client.post("/api/statements/", {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0})
    assert response.status_code == 201, response.content
    created = Statement.objects.get(pk=response.json()["id"])
    assert (created.status, created.confidence, created.curator_note) == ("extracted", 1.0, "")


def test_curators_set_curation_fields(api_client, data, curator):
    api_client.force_authenticate(curator)
    body = {"article": data.one.pk, "text": "NATO allies met", "paragraph": 0}
    body.update(status="verified", confidence=0.9, curator_note="Checked.")
    response = api_client.post("/api/statements/", body)
    assert response.status_code == 201, response.content
    assert [response.json()[name] for name in ("status", "confidence", "curator_note")] == [
        "verified",
        0.9,
        "Checked.",
    ]


def test_the_admin_add_form_leaves_curation_fields_to_curators(client, data, adder):
    adder.is_staff = True
    adder.save()
    client.force_login(adder)
    form = client.get("/admin/tracker/statement/add/").context["adminform"].form
    assert not {"status", "curator_note", "confidence"} & set(form.fields)
