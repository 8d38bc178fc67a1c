"""The curation admin in a real browser: log in, read the highlighted article, filter, verify, merge, edit."""

import re

import pytest
from playwright.sync_api import expect

from tracker.choices import ReviewStatus
from tracker.models import Article, Speaker, Statement

from .conftest import PASSWORD

pytestmark = pytest.mark.browser


def changelist_rows(page):
    return page.locator("#result_list tbody tr")


def admin_message(page):
    return page.locator("ul.messagelist li")


def run_action(page, label):
    page.select_option("select[name=action]", label=label)
    page.click("button[name=index]")


def filter_by_speaker(page, name):
    page.locator('#changelist-filter details[data-filter-title="speaker"]').get_by_role(
        "link", name=name, exact=True
    ).click()


def test_log_in(page, curator, screenshot):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    screenshot("01-login-form")
    page.click("input[type=submit]")

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#user-tools")).to_contain_text("curator")
    expect(page.locator("h1")).to_have_text("Curate statements, speakers and sources")
    expect(page.get_by_role("link", name="Statements", exact=True)).to_be_visible()
    screenshot("02-logged-in")


def test_article_page_highlights_every_statement(admin_page, screenshot):
    article = Article.objects.get()
    span_count = sum(len(spans) for spans in Statement.objects.values_list("spans", flat=True))
    assert span_count == 19

    admin_page.goto(f"/admin/tracker/article/{article.pk}/change/")
    expect(admin_page.locator("h2").first).to_have_text(article.title)
    marks = admin_page.locator("div.article-body mark.statement-verified")
    expect(marks).to_have_count(span_count)
    expect(admin_page.locator("div.article-body mark")).to_have_count(span_count)
    expect(marks.filter(has_text="Keep calm and give tanks.")).to_have_count(1)
    # The highlight is visible, not only present in the markup.
    assert marks.first.evaluate("mark => getComputedStyle(mark).backgroundColor") == "rgb(200, 247, 197)"
    screenshot("03-article-highlights", admin_page.locator("div.article-body"))


def test_filter_statements_by_speaker(admin_page, screenshot):
    admin_page.goto("/admin/tracker/statement/")
    expect(changelist_rows(admin_page)).to_have_count(17)

    filter_by_speaker(admin_page, "Jens Stoltenberg")

    expect(admin_page).to_have_url(re.compile(r"speaker__id__exact=\d+"))
    rows = changelist_rows(admin_page)
    expect(rows).to_have_count(5)
    expect(rows.locator("td.field-speaker")).to_have_text(["Jens Stoltenberg"] * 5)
    expect(admin_page.locator("p.paginator")).to_contain_text("5 statements")
    screenshot("04-statements-by-speaker")


def test_bulk_action_marks_a_statement_verified(admin_page, screenshot):
    statement = Statement.objects.get(speaker__slug="sergei-ryabkov")
    # Every demo statement is verified already; reject one so that verifying it is a change.
    Statement.objects.filter(pk=statement.pk).set_status(ReviewStatus.REJECTED)

    admin_page.goto("/admin/tracker/statement/?status__exact=rejected")
    expect(changelist_rows(admin_page)).to_have_count(1)
    admin_page.check(f"input.action-select[value='{statement.pk}']")
    expect(admin_page.locator(".action-counter")).to_contain_text("1 of 1 selected")
    screenshot("05-bulk-verify-selected")
    run_action(admin_page, "Mark selected statements as verified")

    expect(admin_message(admin_page)).to_have_text("1 statement(s) marked verified.")
    statement.refresh_from_db()
    assert statement.status == ReviewStatus.VERIFIED
    expect(changelist_rows(admin_page)).to_have_count(0)
    screenshot("06-bulk-verify-done")


def test_merge_speakers_moves_their_statements(admin_page, screenshot):
    kept = Speaker.objects.get(slug="jens-stoltenberg")
    merged = Speaker.objects.get(slug="sergei-ryabkov")
    moved_text = merged.statements.get().text

    admin_page.goto("/admin/tracker/speaker/")
    admin_page.check(f"input.action-select[value='{kept.pk}']")
    admin_page.check(f"input.action-select[value='{merged.pk}']")
    run_action(admin_page, "Merge selected speakers into one…")

    expect(admin_page.locator("#content")).to_contain_text("Choose the speaker to keep")
    expect(admin_page.locator("#merge-speakers-form tbody tr")).to_have_count(2)
    admin_page.check(f"#target-{kept.pk}")
    screenshot("07-merge-confirm")
    admin_page.click("#merge-speakers-form input[type=submit]")

    expect(admin_message(admin_page)).to_have_text("Merged Sergei Ryabkov into Jens Stoltenberg; 1 statement(s) moved.")
    assert not Speaker.objects.filter(pk=merged.pk).exists()
    expect(changelist_rows(admin_page).filter(has_text="Sergei Ryabkov")).to_have_count(0)
    screenshot("08-merge-done")

    admin_page.goto("/admin/tracker/statement/")
    filter_by_speaker(admin_page, "Jens Stoltenberg")
    rows = changelist_rows(admin_page)
    expect(rows).to_have_count(6)
    expect(rows.filter(has_text=moved_text[:40])).to_have_count(1)
    # The statement keeps the name its article printed beside its new curated speaker.
    expect(rows.filter(has_text=moved_text[:40]).locator("td.field-speaker_as_written")).to_have_text(
        re.compile("Ryabkov")
    )
    screenshot("09-merged-speaker-statements")


def test_edit_statement_shows_in_history(admin_page, screenshot):
    statement = Statement.objects.get(text__startswith="My message")
    note = "Checked against the original tweet."

    admin_page.goto(f"/admin/tracker/statement/{statement.pk}/change/")
    admin_page.fill("#id_curator_note", note)
    admin_page.select_option("#id_status", ReviewStatus.DISPUTED)
    screenshot("10-edit-statement")
    admin_page.click("input[name=_save]")

    expect(admin_message(admin_page)).to_contain_text("was changed successfully")
    statement.refresh_from_db()
    assert (statement.status, statement.curator_note) == (ReviewStatus.DISPUTED, note)

    admin_page.goto(f"/admin/tracker/statement/{statement.pk}/change/")
    admin_page.click("a.historylink")
    expect(admin_page).to_have_url(re.compile(rf"/admin/tracker/statement/{statement.pk}/history/$"))
    latest = admin_page.locator("#change-history tbody tr").first
    expect(latest).to_contain_text("Changed")
    expect(latest).to_contain_text("curator")
    changes = latest.locator("li")
    expect(changes).to_have_count(2)
    expect(changes.first).to_have_text(re.compile(rf"^\s*Curator note:\s+→\s+{re.escape(note)}\s*$"))
    expect(changes.last).to_have_text(re.compile(r"^\s*Status:\s+verified\s+→\s+disputed\s*$"))
    screenshot("11-statement-history")
