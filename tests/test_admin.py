"""The curation admin: pages render, highlighted spans, bulk status actions, speaker merge."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tracker.choices import ReviewStatus
from tracker.models import Article, Speaker, Statement, sha256_of_body


@pytest.fixture
def admin_client_with_demo(demo_data, admin_client):
    return admin_client


@pytest.mark.parametrize(
    "model", ["article", "statement", "speaker", "source", "publication", "review", "speakeralias"]
)
def test_changelists_render(admin_client_with_demo, model):
    response = admin_client_with_demo.get(reverse(f"admin:tracker_{model}_changelist"))
    assert response.status_code == 200


def test_changelist_search_by_alias_and_filters(admin_client_with_demo):
    url = reverse("admin:tracker_statement_changelist")
    response = admin_client_with_demo.get(url, {"q": "Lindsay"})
    assert response.status_code == 200
    response = admin_client_with_demo.get(url, {"q": "Stoltenberg"})
    assert response.context["cl"].result_count == 5
    response = admin_client_with_demo.get(url, {"source__kind__exact": "social_media"})
    assert response.context["cl"].result_count == 2


def test_statement_filters_have_distinct_titles(admin_client_with_demo):
    response = admin_client_with_demo.get(reverse("admin:tracker_statement_changelist"))
    titles = [spec.title for spec in response.context["cl"].filter_specs]
    assert len(titles) == len(set(titles))
    assert "source kind" in titles


def test_article_page_highlights_every_statement(admin_client_with_demo):
    article = Article.objects.get()
    response = admin_client_with_demo.get(reverse("admin:tracker_article_change", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<mark class="statement-verified"') == sum(len(s.spans) for s in Statement.objects.all())
    assert "Keep calm and give tanks.</mark>" in html


def test_statement_page_shows_its_context(admin_client_with_demo):
    statement = Statement.objects.get(text__startswith="My message")
    response = admin_client_with_demo.get(reverse("admin:tracker_statement_change", args=[statement.pk]))
    assert response.status_code == 200
    assert "Ahead of the meeting, Landsbergis tweeted" in response.content.decode()


def test_bulk_reject_action(admin_client_with_demo):
    ids = list(Statement.objects.filter(speaker__slug="sergei-ryabkov").values_list("pk", flat=True))
    response = admin_client_with_demo.post(
        reverse("admin:tracker_statement_changelist"),
        {"action": "mark_rejected", ACTION_CHECKBOX_NAME: ids},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Statement.objects.filter(pk__in=ids).values_list("status", flat=True)) == {ReviewStatus.REJECTED}
    assert Statement.objects.exclude(pk__in=ids).filter(status=ReviewStatus.REJECTED).count() == 0


def test_merge_action_asks_for_the_target_then_merges(admin_client_with_demo):
    graham = Speaker.objects.get(slug="lindsey-graham")
    stray = Speaker.objects.create(name="Lindsay Graham (typo)")
    url = reverse("admin:tracker_speaker_changelist")
    ids = [graham.pk, stray.pk]

    confirm = admin_client_with_demo.post(url, {"action": "merge_speakers", ACTION_CHECKBOX_NAME: ids})
    assert confirm.status_code == 200
    assert b"Choose the speaker to keep" in confirm.content

    done = admin_client_with_demo.post(
        url,
        {"action": "merge_speakers", ACTION_CHECKBOX_NAME: ids, "apply": "1", "target": graham.pk},
        follow=True,
    )
    assert done.status_code == 200
    assert not Speaker.objects.filter(pk=stray.pk).exists()
    assert "Lindsay Graham (typo)" in graham.aliases.values_list("name", flat=True)


def test_merge_statements_move_to_the_kept_speaker(admin_client_with_demo):
    stoltenberg = Speaker.objects.get(slug="jens-stoltenberg")
    ryabkov = Speaker.objects.get(slug="sergei-ryabkov")
    admin_client_with_demo.post(
        reverse("admin:tracker_speaker_changelist"),
        {
            "action": "merge_speakers",
            ACTION_CHECKBOX_NAME: [stoltenberg.pk, ryabkov.pk],
            "apply": "1",
            "target": stoltenberg.pk,
        },
    )
    assert Statement.objects.filter(speaker=stoltenberg).count() == 6


def test_merge_needs_delete_permission(demo_data, client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_speaker", "change_speaker"]))
    client.force_login(user)
    ids = list(Speaker.objects.values_list("pk", flat=True)[:2])
    response = client.post(
        reverse("admin:tracker_speaker_changelist"),
        {"action": "merge_speakers", ACTION_CHECKBOX_NAME: ids, "apply": "1", "target": ids[0]},
    )
    assert response.status_code in (200, 302)
    assert Speaker.objects.filter(pk__in=ids).count() == 2


def test_statement_history_page(admin_client_with_demo):
    statement = Statement.objects.first()
    Statement.objects.filter(pk=statement.pk).set_status(ReviewStatus.DISPUTED)
    response = admin_client_with_demo.get(reverse("admin:tracker_statement_history", args=[statement.pk]))
    assert response.status_code == 200
    assert b"Marked disputed" in response.content


def article_with_statements(count: int) -> Article:
    """An article whose body holds ``count`` one-sentence quotes, each a statement."""
    sentences = [f"Quote number {index:05d} was said." for index in range(count)]
    body = "\n\n".join(sentences)
    article = Article.objects.create(title=f"{count} quotes", body=body, body_sha256=sha256_of_body(body))
    statements, start = [], 0
    for index, sentence in enumerate(sentences):
        spans = [[start, start + len(sentence)]]
        statements.append(Statement(article=article, text=sentence, spans=spans, position=start, paragraph=index))
        start += len(sentence) + 2
    Statement.objects.bulk_create(statements)
    return article


def test_article_page_shows_its_statements_a_page_at_a_time(admin_client):
    """3,000 statements: the body is highlighted whole, the inline shows 50 of them, and the page takes as many
    queries as an article with 120."""
    url = reverse("admin:tracker_article_change", args=[article_with_statements(3000).pk])
    smaller = reverse("admin:tracker_article_change", args=[article_with_statements(120).pk])

    def get(address):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(address)
        assert response.status_code == 200
        return response.content.decode(), len(queries)

    admin_client.get(smaller)  # the first request also loads the session and permissions
    html, queries = get(url)
    assert html.count('<mark class="statement-extracted"') == 3000
    assert 'name="statements-49-status"' in html and 'name="statements-50-status"' not in html
    assert "Statements 1 to 50 of 3000" in html
    assert '<a href="?statements_page=60">60</a>' in html
    assert queries == get(smaller)[1]

    last, _ = get(url + "?statements_page=60")
    assert "Statements 2951 to 3000 of 3000" in last
    inline = last.split('id="statements-group"')[1]
    assert "Quote number 02999 was said." in inline and "Quote number 02949 was said." not in inline


def test_saving_a_page_of_statements_changes_only_that_page(admin_client):
    article = article_with_statements(120)
    url = reverse("admin:tracker_article_change", args=[article.pk])
    page = admin_client.get(url + "?statements_page=2")
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["publication"] = ""
    formset = page.context["inline_admin_formsets"][0].formset
    data.update({f"statements-{key}": value for key, value in formset.management_form.initial.items()})
    for index, statement_form in enumerate(formset.forms):
        data[f"statements-{index}-id"] = statement_form.instance.pk
        for name, value in statement_form.initial.items():
            if value is not None:
                data[f"statements-{index}-{name}"] = value
    data["statements-0-status"] = ReviewStatus.VERIFIED
    response = admin_client.post(url + "?statements_page=2", data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    verified = Statement.objects.filter(status=ReviewStatus.VERIFIED)
    assert [statement.paragraph for statement in verified] == [50]


# Sign-in lockout (django-axes) ------------------------------------------------------------------------------------


@pytest.fixture
def staff(django_user_model):
    django_user_model.objects.create_user("editor", password="right-password-1", is_staff=True)
    return django_user_model.objects.create_superuser("chief", password="right-password-2")


def sign_in(client, username, password, address="192.0.2.10"):
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )
    return response.status_code, "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, staff):
    # The fifth failure is answered with the lockout already.
    assert [sign_in(client, "chief", f"guess-{n}") for n in range(5)] == [(200, False)] * 4 + [(429, False)]
    status, signed_in = sign_in(client, "chief", "right-password-2")
    assert (status, signed_in) == (429, False)
    # From another address too: the lockout is the user's.
    assert sign_in(client, "chief", "right-password-2", address="198.51.100.20") == (429, False)
    locked = client.post(reverse("admin:login"), {"username": "chief", "password": "x"}, REMOTE_ADDR="198.51.100.20")
    assert "too many login attempts" in locked.content.decode().lower()


def test_five_failures_from_one_address_lock_that_address_out(client, staff):
    for number in range(5):
        sign_in(client, f"nobody-{number}", "guess")
    assert sign_in(client, "editor", "right-password-1") == (429, False)
    assert sign_in(client, "editor", "right-password-1", address="198.51.100.30") == (302, True)


def test_the_lockout_ends_after_the_cool_off(client, staff, settings):
    for number in range(5):
        sign_in(client, "chief", f"guess-{number}")
    assert sign_in(client, "chief", "right-password-2") == (429, False)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert sign_in(client, "chief", "right-password-2") == (302, True)


def test_a_success_before_the_limit_clears_the_count(client, staff):
    for number in range(4):
        sign_in(client, "chief", f"guess-{number}")
    assert sign_in(client, "chief", "right-password-2") == (302, True)
    client.logout()
    for number in range(4):
        sign_in(client, "chief", f"again-{number}")
    assert sign_in(client, "chief", "right-password-2") == (302, True)


# Parameters no database stores --------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["speaker", "source", "article"])
def test_autocomplete_refuses_a_nul_in_the_term(admin_client_with_demo, field):
    """PostgreSQL stores no NUL: the term reached it and answered 500."""
    query = {"term": "\x00", "app_label": "tracker", "model_name": "statement", "field_name": field}
    response = admin_client_with_demo.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 400
    assert response.json() == {"term": ["Null characters are not allowed."]}
    query["term"] = "Stolt"
    assert admin_client_with_demo.get(reverse("admin:autocomplete"), query).status_code == 200


@pytest.mark.parametrize(
    "query",
    ["status__exact=%00", "kind=%00", "source__kind__exact=%00", "text=a%00b", "q=%00", "%00=1"],
)
def test_changelist_filters_refuse_a_nul(admin_client_with_demo, query):
    response = admin_client_with_demo.get(reverse("admin:tracker_statement_changelist") + "?" + query)
    assert response.status_code == 400
    assert list(response.json().values()) == [["Null characters are not allowed."]]
