"""Abuse of the API (OWASP API Security Top 10, 2023): object-level visibility (API1), mass assignment of
read-only properties (API3), resource consumption (API4: page size, query length, body size, throttles shared by
all workers) and misconfiguration that leaks (API8: errors in HTML, unknown formats)."""

import json
import os
import re
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission

from tests.test_cache import REDIS_URL, ROOT, redis_reachable
from tracker.api.serializers import ARTICLE_DETAIL_STATEMENTS
from tracker.extraction import ParsedArticle
from tracker.ingest import article_metadata_problem
from tracker.models import Article, Publication, Review, Source, Speaker, Statement

from .factories import add_article, add_statement


def as_user(api_client, request, who):
    if who != "anonymous":
        api_client.force_authenticate(request.getfixturevalue(who))
    return api_client


def listed(client, url):
    response = client.get(url, {"page_size": 200})
    assert response.status_code == 200, response.content
    return {item["id"]: item for item in response.json()["results"]}


# API1: which statements each user sees ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "plain_user", "curator", "superuser"])
def test_statements_not_yet_verified_are_public_with_their_status(api_client, data, request, who):
    """Extracted (not yet reviewed), verified and disputed statements are shown to everyone, labelled."""
    client = as_user(api_client, request, who)
    statements = listed(client, "/api/statements/")
    for statement, status in [(data.guarantees, "extracted"), (data.member, "verified"), (data.stronger, "disputed")]:
        assert statements[statement.pk]["status"] == status
        assert client.get(f"/api/statements/{statement.pk}/").json()["status"] == status


@pytest.mark.parametrize("who", ["anonymous", "plain_user"])
def test_rejected_statements_are_hidden_from_everyone_but_curators(api_client, data, request, who):
    client = as_user(api_client, request, who)
    rejected = data.weather
    assert rejected.pk not in listed(client, "/api/statements/")
    assert client.get(f"/api/statements/{rejected.pk}/").status_code == 404
    assert client.get(f"/api/statements/{rejected.pk}/claimreview/").status_code == 404
    assert client.get("/api/statements/", {"status": "rejected"}).json()["results"] == []
    # Nor do they show through what embeds or counts them.
    article = client.get(f"/api/articles/{data.two.pk}/").json()
    assert rejected.pk not in [statement["id"] for statement in article["statements"]]
    assert data.hidden_verdict.pk not in listed(client, "/api/reviews/")
    assert client.get(f"/api/reviews/{data.hidden_verdict.pk}/").status_code == 404
    assert client.get(f"/api/speakers/{data.jens.pk}/").json()["statement_count"] == 3


@pytest.mark.parametrize("who", ["curator", "superuser"])
def test_curators_see_rejected_statements(api_client, data, request, who):
    client = as_user(api_client, request, who)
    assert listed(client, "/api/statements/")[data.weather.pk]["status"] == "rejected"
    assert client.get(f"/api/statements/{data.weather.pk}/").json()["status"] == "rejected"
    article = client.get(f"/api/articles/{data.two.pk}/").json()
    assert data.weather.pk in [statement["id"] for statement in article["statements"]]
    assert data.hidden_verdict.pk in listed(client, "/api/reviews/")


@pytest.mark.parametrize("who", ["anonymous", "plain_user"])
def test_a_rejected_statement_id_answers_like_a_missing_one(api_client, data, request, who):
    """``?statement=`` of a rejected statement was an empty page where an unknown id is a 400: an existence oracle."""
    client = as_user(api_client, request, who)
    missing = Statement.objects.order_by("pk").last().pk + 1000
    rejected = client.get("/api/reviews/", {"statement": data.weather.pk})
    unknown = client.get("/api/reviews/", {"statement": missing})
    assert rejected.status_code == unknown.status_code == 400
    assert rejected.json() == {
        "statement": [f"Select a valid choice. {data.weather.pk} is not one of the available choices."]
    }
    assert unknown.json() == {"statement": [f"Select a valid choice. {missing} is not one of the available choices."]}


def test_curators_filter_reviews_by_a_rejected_statement(api_client, data, curator):
    api_client.force_authenticate(curator)
    response = api_client.get("/api/reviews/", {"statement": data.weather.pk})
    assert [review["id"] for review in response.json()["results"]] == [data.hidden_verdict.pk]


@pytest.mark.parametrize("who", ["anonymous", "curator"])
@pytest.mark.parametrize("resource", ["statements", "speakers", "articles", "sources", "publications", "reviews"])
def test_the_browsable_filter_forms_list_no_rows(api_client, data, request, who, resource):
    """Each filter of related objects is a plain input: no form lists a table's rows (every statement, rejected
    text included, made 3 MB of /api/reviews/), so the page does not grow with the data."""
    client = as_user(api_client, request, who)

    def options():
        response = client.get(f"/api/{resource}/?format=api&page_size=1")
        assert response.status_code == 200
        return response.content.decode().count("<option")

    before = options()
    for index in range(30):
        speaker = Speaker.objects.create(name=f"Extra Speaker {index}")
        statement = add_statement(add_article(f"Extra {index}", f"Extra body {index}."), "Extra body", speaker=speaker)
        Review.objects.create(statement=statement, rating="true", explanation="-", reviewed_on="2024-01-01")
        Source.objects.create(title=f"Extra source {index}", publisher=Publication.objects.create(name=f"P{index}"))
    assert options() == before


def test_the_review_filter_form_shows_no_statement_text(api_client, data):
    page = api_client.get("/api/reviews/?format=api").content.decode()
    assert data.weather.text not in page
    assert '<input type="number" name="statement"' in page


def test_a_review_cannot_point_at_a_statement_you_may_not_see(api_client, data, plain_user):
    """Even with the add_review permission, a hidden statement is "not found", not "already reviewed"."""
    plain_user.user_permissions.add(Permission.objects.get(codename="add_review"))
    api_client.force_authenticate(plain_user)
    Review.objects.filter(pk=data.hidden_verdict.pk).delete()
    body = {"statement": data.weather.pk, "rating": "true", "explanation": "-", "reviewed_on": "2024-05-01"}
    response = api_client.post("/api/reviews/", body)
    assert response.status_code == 400
    assert "does not exist" in response.json()["statement"][0]


# API3: read-only properties cannot be set -----------------------------------------------------------------------

FORGED = {
    "id": 424242,
    "url": "https://evil.example/",
    "created": "2000-01-01T00:00:00Z",
    "updated": "2000-01-01T00:00:00Z",
}


def test_read_only_statement_fields_are_ignored_on_create(api_client, data, curator):
    api_client.force_authenticate(curator)
    body = {
        **FORGED,
        "article": data.one.pk,
        "text": "NATO allies met",
        "paragraph": 0,
        "spans": [[5, 10]],
        "position": 99,
        "parts": ["forged"],
        "review": data.verdict.pk,
    }
    response = api_client.post("/api/statements/", body)
    assert response.status_code == 201, response.content
    created = Statement.objects.get(pk=response.json()["id"])
    assert created.pk != 424242
    assert (created.spans, created.position) == ([[0, 15]], 0)
    assert created.created.year > 2000 and created.updated.year > 2000
    assert not Review.objects.filter(statement=created).exists()
    assert response.json()["parts"] == ["NATO allies met"]


def test_read_only_statement_fields_are_ignored_on_update(api_client, data, curator):
    api_client.force_authenticate(curator)
    before = Statement.objects.filter(pk=data.talks.pk).values().get()
    for field, value in [*FORGED.items(), ("spans", [[0, 4]]), ("position", 0), ("parts", ["x"]), ("review", None)]:
        response = api_client.patch(f"/api/statements/{data.talks.pk}/", {field: value})
        assert response.status_code == 200, (field, response.content)
    after = Statement.objects.filter(pk=data.talks.pk).values().get()
    before.pop("updated"), after.pop("updated")
    assert after == before
    assert Review.objects.filter(pk=data.verdict.pk).exists()


def test_read_only_article_fields_are_ignored(api_client, data, curator):
    api_client.force_authenticate(curator)
    body = {**FORGED, "title": "Forged", "body": "A body.", "body_sha256": "0" * 64, "statements": [1, 2]}
    response = api_client.post("/api/articles/", body)
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert article.body_sha256 != "0" * 64 and article.pk != 424242
    assert not article.statements.exists()
    # The body itself is written once: changing it later would move every span.
    assert api_client.patch(f"/api/articles/{data.one.pk}/", {"body": "Other."}).status_code == 400
    assert api_client.patch(f"/api/articles/{data.one.pk}/", {"body_sha256": "1" * 64}).status_code == 200
    assert Article.objects.get(pk=data.one.pk).body_sha256 == data.one.body_sha256


@pytest.mark.parametrize(
    ("url", "body", "model"),
    [
        ("/api/publications/", {"name": "Daily"}, Publication),
        ("/api/speakers/", {"name": "Ann Other", "statement_count": 7, "aliases": ["x"], "members": [1]}, Speaker),
        ("/api/sources/", {"kind": "letter"}, Source),
    ],
)
def test_read_only_fields_of_other_resources_are_ignored(api_client, data, curator, url, body, model):
    api_client.force_authenticate(curator)
    response = api_client.post(url, {**FORGED, **body})
    assert response.status_code == 201, response.content
    created = model.objects.get(pk=response.json()["id"])
    assert created.pk != 424242 and created.created.year > 2000
    if model is Speaker:
        assert response.json()["statement_count"] == 0
        assert not created.aliases.exists() and not created.members.exists()


def test_the_reviewer_is_always_the_requesting_user(api_client, data, curator, superuser):
    api_client.force_authenticate(curator)
    body = {
        "statement": data.talks.pk,
        "rating": "true",
        "explanation": "-",
        "reviewed_on": "2024-05-01",
        "reviewer": superuser.username,
        "rating_value": 1,
    }
    response = api_client.post("/api/reviews/", body)
    assert response.status_code == 201, response.content
    assert response.json()["reviewer"] == curator.username
    assert response.json()["rating_value"] == 5


# API4: limits on what one request may ask for ------------------------------------------------------------------

LISTS = ["statements", "speakers", "articles", "sources", "publications", "reviews"]


@pytest.mark.parametrize("resource", LISTS)
def test_page_size_is_capped_at_200(api_client, data, resource):
    assert api_client.get(f"/api/{resource}/", {"page_size": 200}).status_code == 200
    response = api_client.get(f"/api/{resource}/", {"page_size": 201})
    assert response.status_code == 400
    assert "200" in response.json()["page_size"][0]


@pytest.mark.parametrize("resource", [name for name in LISTS if name != "reviews"])
def test_search_text_is_capped_at_200_characters(api_client, data, resource):
    assert api_client.get(f"/api/{resource}/", {"q": "n" * 200}).status_code == 200
    response = api_client.get(f"/api/{resource}/", {"q": "n" * 201})
    assert response.status_code == 400
    assert list(response.json()) == ["q"]


def article_with_quotes(count):
    """An article quoting ``count`` sentences, each a statement, in body order."""
    sentences = [f"Quote number {index:04d} was said." for index in range(count)]
    article = add_article(f"{count} quotes", "\n\n".join(sentences))
    for sentence in sentences:
        add_statement(article, sentence)
    return article


def test_an_article_detail_embeds_its_first_statements_and_links_to_all(api_client, db):
    article = article_with_quotes(ARTICLE_DETAIL_STATEMENTS + 5)
    detail = api_client.get(f"/api/articles/{article.pk}/").json()
    assert detail["statement_count"] == ARTICLE_DETAIL_STATEMENTS + 5
    assert len(detail["statements"]) == ARTICLE_DETAIL_STATEMENTS
    assert detail["statements"][-1]["text"] == f"Quote number {ARTICLE_DETAIL_STATEMENTS - 1:04d} was said."
    assert detail["statements_url"] == f"http://testserver/api/statements/?article={article.pk}"
    texts, url = [], detail["statements_url"]
    while url:
        page = api_client.get(url).json()
        texts.extend(statement["text"] for statement in page["results"])
        url = page["next"]
    assert texts == [f"Quote number {index:04d} was said." for index in range(ARTICLE_DETAIL_STATEMENTS + 5)]


def test_the_statement_count_of_an_article_counts_only_what_you_may_see(api_client, data):
    assert api_client.get(f"/api/articles/{data.two.pk}/").json()["statement_count"] == 1


def test_an_article_body_over_the_limits_is_a_400_naming_the_limit(api_client, db, curator, settings):
    settings.TRACKER_MAX_ARTICLE_CHARS, settings.TRACKER_MAX_ARTICLE_PARAGRAPHS = 100, 3
    api_client.force_authenticate(curator)
    too_long = api_client.post("/api/articles/", {"title": "Long", "body": "x" * 101})
    assert too_long.status_code == 400
    assert too_long.json() == {
        "body": ["The article is 101 characters long; the limit is 100 (TRACKER_MAX_ARTICLE_CHARS)."]
    }
    too_many = api_client.post("/api/articles/", {"title": "Many", "body": "A.\n\nB.\n\nC.\n\nD."})
    assert too_many.status_code == 400
    assert "4 paragraphs; the limit is 3" in too_many.json()["body"][0]
    assert not Article.objects.exists()
    assert api_client.post("/api/articles/", {"title": "Fine", "body": "A.\n\nB.\n\nC."}).status_code == 201


def test_a_statement_past_the_articles_limit_is_a_400(api_client, db, curator, settings):
    settings.TRACKER_MAX_ARTICLE_STATEMENTS = 3
    api_client.force_authenticate(curator)
    article = article_with_quotes(4)
    Statement.objects.filter(text__startswith="Quote number 0003").delete()
    response = api_client.post("/api/statements/", {"article": article.pk, "text": "Quote number 0003", "paragraph": 3})
    assert response.status_code == 400
    assert response.json() == {
        "article": ["The article would have 4 statements; the limit is 3 (TRACKER_MAX_ARTICLE_STATEMENTS)."]
    }
    assert article.statements.count() == 3


@pytest.mark.parametrize(
    "url",
    ["https://exa_mple.org/story", "http://256.1.1.1/", "https://example.org/" + "a" * 990, "https://example.org/ok"],
)
def test_the_loader_and_the_api_take_the_same_urls(api_client, db, curator, url):
    """One validator (the Article.url field's) for both ways in: the loader took URLs the API refused."""
    parsed = ParsedArticle(
        title="T", byline="", published=None, publication="", url=url, language="en", body="B.", paragraphs=((0, 2),)
    )
    api_client.force_authenticate(curator)
    response = api_client.post("/api/articles/", {"title": "T", "body": f"Body for {url}", "web_url": url})
    assert (response.status_code == 201) is (article_metadata_problem(parsed) is None)


def test_the_body_size_limit_defaults_to_one_megabyte():
    if os.environ.get("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE"):
        pytest.skip("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE is set for this run")
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024


def test_the_body_size_limit_comes_from_the_environment():
    script = (
        "import django; django.setup()\nfrom django.conf import settings\nprint(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE": "4096"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "4096", result.stderr


@pytest.mark.parametrize("who", ["anonymous", "curator"])
@pytest.mark.parametrize("method", ["post", "put", "patch"])
def test_a_body_over_the_limit_is_a_413_naming_it(api_client, data, settings, request, who, method):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    client = as_user(api_client, request, who)
    url = "/api/articles/" if method == "post" else f"/api/articles/{data.one.pk}/"
    before = list(Article.objects.order_by("pk").values())
    response = getattr(client, method)(url, {"title": "Big", "body": "x" * 2000})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The request body is over the limit of 2000 bytes (DATA_UPLOAD_MAX_MEMORY_SIZE)."
    }
    assert list(Article.objects.order_by("pk").values()) == before
    # Just under the limit, the same request is read as usual.
    assert getattr(client, method)(url, {"title": "Big", "body": "x" * 1900}).status_code != 413


def test_a_body_over_the_limit_is_refused_whatever_its_content_type(api_client, data, settings, curator):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    api_client.force_authenticate(curator)
    for content_type in ["application/json", "text/plain", "application/x-www-form-urlencoded"]:
        response = api_client.generic("POST", "/api/publications/", "name=" + "x" * 3000, content_type=content_type)
        assert response.status_code == 413, content_type
    assert not Publication.objects.filter(name__startswith="xxx").exists()


def test_bodies_are_json_only(api_client, data, curator):
    """Form encodings read an empty field as a missing one; the API takes the JSON its schema describes."""
    api_client.force_authenticate(curator)
    response = api_client.post("/api/publications/", {"name": "Daily"}, format="multipart")
    assert response.status_code == 415
    assert not Publication.objects.filter(name="Daily").exists()


def test_throttled_requests_get_429_with_retry_after(api_client, data, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/min", "user": None}}
    statuses = [api_client.get("/api/statements/") for _ in range(3)]
    assert [response.status_code for response in statuses] == [200, 200, 429]
    assert 0 < int(statuses[-1]["Retry-After"]) <= 60
    assert "throttled" in statuses[-1].json()["detail"].lower()


def test_a_made_up_forwarded_address_gets_no_fresh_budget(api_client, data, settings):
    """Without trusted proxies (NUM_PROXIES 0, the default) X-Forwarded-For is ignored: each new value used to
    start a new anonymous budget (130 of 130 admitted against 120/min)."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "user": None}}
    statuses = [
        api_client.get("/api/publications/", HTTP_X_FORWARDED_FOR=f"203.0.113.{index}").status_code
        for index in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwarded(api_client, data, settings):
    settings.NUM_PROXIES = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/min", "user": None}}

    def status(forwarded):
        return api_client.get("/api/publications/", HTTP_X_FORWARDED_FOR=forwarded).status_code

    # What the client writes to the left of the proxy's entry changes nothing.
    assert [status(f"{index}.0.0.1, 198.51.100.7") for index in range(3)] == [200, 200, 429]
    assert status("198.51.100.8") == 200


# A separate Python process standing in for one gunicorn worker: its own settings, cache client and connection.
WORKER = """
import json, sys, django
django.setup()
from django.test import Client
client = Client(REMOTE_ADDR=sys.argv[1])
answers = [client.get("/api/") for _ in range(int(sys.argv[2]))]
print(json.dumps([[answer.status_code, answer.get("Retry-After")] for answer in answers]))
"""

# A worker that waits for a shared start time, then sends its requests from several threads at once.
CONCURRENT_WORKER = """
import sys, threading, time, django
django.setup()
from django.test import Client
address, start, threads, requests = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
statuses = []
def send():
    client = Client(REMOTE_ADDR=address)
    for _ in range(requests):
        statuses.append(client.get("/api/").status_code)
workers = [threading.Thread(target=send) for _ in range(threads)]
time.sleep(max(0, start - time.time()))
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(statuses.count(200), statuses.count(429))
"""


def unused_address():
    """A client address no other run uses, so that its counter starts at zero."""
    return f"127.{uuid.uuid4().int % 250 + 1}.{uuid.uuid4().int % 250 + 1}.{uuid.uuid4().int % 250 + 1}"


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_concurrent_workers_admit_exactly_the_rate():
    """Four processes of five threads send 300 requests at once against 100/min: exactly 100 are admitted (DRF's
    read-then-write history let concurrent requests each see room)."""
    import redis

    address = unused_address()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "REDIS_URL": REDIS_URL}
    env["API_THROTTLE_ANON"] = "100/min"
    start = str(time.time() + 8)
    command = [sys.executable, "-c", CONCURRENT_WORKER, address, start, "5", "15"]
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    try:
        outputs = [process.communicate(timeout=120) for process in processes]
        assert all(process.returncode == 0 for process in processes), outputs
        counts = [tuple(map(int, out.split())) for out, _ in outputs]
        assert sum(admitted for admitted, _ in counts) == 100, counts
        assert sum(admitted + refused for admitted, refused in counts) == 300
    finally:
        redis.Redis.from_url(REDIS_URL).delete(f"tracker:throttle:throttle_anon_{address}")


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_the_shared_count_tells_how_long_to_wait(api_client, data, settings):
    import redis

    settings.REDIS_URL = REDIS_URL
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/hour", "user": None}}
    address = unused_address()
    try:
        statuses = [api_client.get("/api/publications/", REMOTE_ADDR=address) for _ in range(3)]
        assert [response.status_code for response in statuses] == [200, 200, 429]
        assert 3590 <= int(statuses[-1]["Retry-After"]) <= 3600
        assert redis.Redis.from_url(REDIS_URL).zcard(f"tracker:throttle:throttle_anon_{address}") == 2
    finally:
        redis.Redis.from_url(REDIS_URL).delete(f"tracker:throttle:throttle_anon_{address}")


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_throttles_count_across_workers_through_redis():
    """Two worker processes with REDIS_URL share one counter: together they get the rate, not twice it."""
    import redis

    address = unused_address()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "REDIS_URL": REDIS_URL,
        "API_THROTTLE_ANON": "3/min",
    }

    def worker(requests):
        result = subprocess.run(
            [sys.executable, "-c", WORKER, address, str(requests)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    try:
        first, second = worker(2), worker(2)
        assert [status for status, _ in first] == [200, 200]
        assert [status for status, _ in second] == [200, 429]
        assert 0 < int(second[-1][1]) <= 60
    finally:
        redis.Redis.from_url(REDIS_URL).delete(f"tracker:throttle:throttle_anon_{address}")


def test_without_a_shared_cache_each_worker_counts_alone():
    """The contrast, and why production sets REDIS_URL: per-process memory gives each worker its own count."""
    if os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is set for this run")
    assert django_settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


# API8: answers that say what is wrong, in JSON, without internals ----------------------------------------------


def test_an_unknown_api_address_is_a_json_404(api_client, db):
    for url in ["/api/statements/abc/", "/api/nothing/", "/api/statements/1/nothing/"]:
        response = api_client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    assert "text/html" in api_client.get("/not-the-api/").headers["Content-Type"]


def test_server_errors_do_not_leak_internals(api_client, data, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("tracker.api.views.StatementViewSet.list", crash)
    api_client.raise_request_exception = False
    response = api_client.get("/api/statements/")
    assert response.status_code == 500
    assert b"secret internals" not in response.content and b"Traceback" not in response.content
    # In JSON, as every other error of the API (it was Django's HTML page).
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Server error."}


def test_server_errors_outside_the_api_stay_html(client, db, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("django.contrib.admin.sites.AdminSite.each_context", crash)
    client.raise_request_exception = False
    response = client.get("/admin/login/")
    assert response.status_code == 500
    assert "text/html" in response["Content-Type"] and b"secret internals" not in response.content


@pytest.mark.parametrize("path", ["/api/statements/", "/api/docs/", "/admin/login/", "/api/nothing/"])
def test_every_answer_has_a_content_security_policy(client, db, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_swagger_ui_runs_no_inline_script(client, db):
    """Its start-up script comes from ?script, so ``script-src 'self'`` lets Swagger UI start."""
    page = client.get("/api/docs/").content.decode()
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all("src=" in attributes for attributes in scripts)
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
