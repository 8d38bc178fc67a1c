"""End-to-end fixtures: Debian's Chromium, driven by Playwright, against pytest-django's ``live_server``.

These tests run only with TRACKER_BROWSER_TESTS=1 (``make test-browser``); the default suite skips them.
Playwright never downloads a browser here: it launches the system Chromium by path.
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path(os.environ.get("TRACKER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
PASSWORD = "correct-horse-battery-staple"


def pytest_collection_modifyitems(config, items):
    """Skip ``browser`` tests unless asked for; when asked for, a missing Chromium is an error, not a skip."""
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    if os.environ.get("TRACKER_BROWSER_TESTS") != "1":
        skip = pytest.mark.skip(reason="browser test: run `make test-browser` (TRACKER_BROWSER_TESTS=1)")
        for item in browser_items:
            item.add_marker(skip)
    elif not CHROMIUM.exists():
        # A silent skip here would let CI pass without ever opening the admin in a browser.
        raise pytest.UsageError(f"TRACKER_BROWSER_TESTS=1 but there is no Chromium at {CHROMIUM}.")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running on the main thread, which Django would take for
    # async code and refuse ORM calls from; the tests' own ORM calls are plain synchronous ones.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db):
    """The demo fixture, loaded per test: ``live_server`` needs transactional_db, which flushes after each."""
    call_command("loaddata", "demo", verbosity=0)
    # loaddata saves raw, which simple-history does not record; a first history row per object, as load_seeds
    # would have left, lets the history pages show what an edit changed.
    call_command("populate_history", "--auto", verbosity=0)


@pytest.fixture
def curator(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser("curator", "curator@example.org", PASSWORD)


@pytest.fixture
def admin_page(page, demo, curator):
    """A page logged in to the admin as ``curator``, with the demo data loaded."""
    log_in(page, curator.username)
    return page


def log_in(page, username):
    page.goto("/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


@pytest.fixture
def screenshot(page):
    """``screenshot(name)`` saves the page, or only ``locator``, as test-artifacts/browser/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(name, locator=None):
        path = ARTIFACTS / f"{name}.png"
        if locator is None:
            page.screenshot(path=path, full_page=True)
        else:
            locator.screenshot(path=path)

    return save
