"""A real Chromium driven by Playwright against pytest-django's live server.

One browser for the whole session, a fresh context (cookies, storage) per test. The
``page`` fixture records every request the page makes, so a test can assert that
nothing leaves the site's own origin. Chromium is Debian's ``/usr/bin/chromium``:
without it the browser tests skip, unless ``CLINIC_REQUIRE_BROWSER=1`` (set by CI),
which turns the skip into a failure.
"""

import io
import os

import pytest
from django.core.management import call_command

from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in the test thread; Django would then take
# every ORM call from a test for async code and refuse it. Nothing here is async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package"
        if os.environ.get("CLINIC_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason} (CLINIC_REQUIRE_BROWSER=1 asks for a real browser)")
        pytest.skip(reason)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright runs, the test thread sees Django's connections through a new
    # context (asgiref's Local is a contextvar), so new connection objects, without
    # the database contents serialized at setup: carry those over, or every
    # ``serialized_rollback`` test after this one would start on an empty database.
    before = [connections[alias] for alias in connections]
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        connections.close_all()
    # Connections of either context left open would keep PostgreSQL from dropping
    # the test database at the end of the session.
    for connection in before:
        connection.close()


def _flush_and_restore(*, restore: bool) -> None:
    """Empty the test database without re-creating content types, then, if asked,
    reload what migrations put there (groups and their permissions included)."""
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is None:
            continue
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=alias,
            inhibit_post_migrate=True,
        )
        if restore:
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_around_browser_tests(django_db_setup, django_db_blocker):
    """Browser tests are transactional with ``serialized_rollback``: each starts by
    reloading the data migrations made and ends on an empty database. Make both
    true whatever ran before or runs after: start the module on an empty database
    (a transactional test without serialized rollback leaves Django's re-created
    content types behind, which the reload would collide with), and hand the
    migrated data back when the module is done."""
    with django_db_blocker.unblock():
        _flush_and_restore(restore=False)
    yield
    with django_db_blocker.unblock():
        _flush_and_restore(restore=True)


@pytest.fixture
def viewport():
    """Override in a test module (or parametrize) to test another screen size."""
    return DESKTOP


@pytest.fixture
def browser_context(browser, live_server, viewport):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, locale="en-US"
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page_requests() -> list[str]:
    """Every URL the ``page`` asked for, in order, including subresources."""
    return []


@pytest.fixture
def page_errors() -> list[str]:
    """Console errors and uncaught exceptions, e.g. a CSP violation."""
    return []


@pytest.fixture
def page(browser_context, page_requests, page_errors):
    page = browser_context.new_page()
    page.on("request", lambda request: page_requests.append(request.url))
    page.on(
        "console",
        lambda message: message.type == "error" and page_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    yield page
    page.close()


@pytest.fixture
def new_session(browser, live_server, viewport):
    """Open another browser session (its own cookies): a second person on the site."""
    contexts = []

    def open_page():
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, locale="en-US"
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def demo(live_server, tmp_path, settings) -> dict[str, str]:
    """Load the demo clinic into the live server's database; return the passwords.

    Staff sign in as in production, through the second factor: the demo accounts
    come with an authenticator app, whose codes ``helpers.sign_in`` reads."""
    settings.TWO_FACTOR_REQUIRED = True
    accounts = tmp_path / "demo-accounts.txt"
    call_command("load_demo", accounts_file=accounts, stdout=io.StringIO())
    # ``username password`` lines; the second factor is on indented lines below.
    lines = accounts.read_text().splitlines()
    return dict(line.split(" ", 1) for line in lines if not line.startswith(" "))
