"""The Content-Security-Policy in a real browser: the admin, the browsable API and Swagger UI still work under it,
and Chromium reports no violation."""

import pytest
from playwright.sync_api import expect

from tracker.models import Article, Statement

pytestmark = pytest.mark.browser


@pytest.fixture
def violations(page):
    """What Chromium refused under the policy, from its console."""
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    return refused


def test_the_admin_works_under_the_policy(admin_page, violations, screenshot):
    page = admin_page
    article = Article.objects.get()
    page.goto(f"/admin/tracker/article/{article.pk}/change/")
    expect(page.locator("div.article-body mark").first).to_be_visible()
    statement = Statement.objects.filter(speaker__isnull=False).first()
    page.goto(f"/admin/tracker/statement/{statement.pk}/change/")
    # The speaker autocomplete is select2, a script from /static/: it opens and searches.
    page.locator(".field-speaker .select2-selection").click()
    page.locator(".select2-search__field").fill("Stolt")
    expect(page.locator(".select2-results__option").first).to_contain_text("Stoltenberg")
    screenshot("csp-admin-autocomplete")
    assert violations == []


def test_swagger_ui_works_under_the_policy(page, demo, violations, screenshot):
    response = page.goto("/api/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    expect(page.get_by_text("/api/statements/", exact=True).first).to_be_visible()
    screenshot("csp-swagger-ui")
    assert violations == []


def test_the_browsable_api_works_under_the_policy(page, demo, violations):
    page.goto("/api/statements/?format=api")
    expect(page.locator(".response-info")).to_be_visible()
    # Its filter form opens from a button driven by the bundled Bootstrap script.
    page.get_by_role("button", name="Filters").click()
    expect(page.locator("#filtersModal")).to_be_visible()
    assert violations == []
