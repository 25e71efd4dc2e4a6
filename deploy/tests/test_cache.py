"""nginx's micro-cache, and a publish seen by every app server.

nginx keeps an anonymous public page (or its 404) for one second. It never answers a
visitor who has a session from it, never stores what such a visitor gets, and never
stores a page the app marked private (drafts, the form, the admin).
"""

import time

from .helpers import wait_until

PAGE = "/procedures/kyphoplasty/"


def published_page(stack, n: int) -> tuple[int, str, str, str]:
    """(id, kind, slug, title) of the n-th published demo page (not kyphoplasty,
    which the other tests and the benchmark read)."""
    rows = stack.sql(
        "SELECT id, kind, slug, title FROM education_page "
        "WHERE status = 'published' AND slug <> 'kyphoplasty' ORDER BY id",
    )
    assert len(rows) > n, "the demo clinic has too few published pages"
    return rows[n]


def page_url(kind: str, slug: str) -> str:
    return f"/{kind}s/{slug}/"


def test_anonymous_visitors_get_public_pages_from_the_micro_cache(visitor):
    browser = visitor()
    statuses = [browser.get(PAGE).headers["X-Cache-Status"] for _ in range(5)]
    assert "HIT" in statuses


def test_a_signed_in_editor_is_never_answered_from_the_cache(stack, visitor):
    anonymous = visitor()
    assert wait_until(
        lambda: anonymous.get(PAGE).headers["X-Cache-Status"] == "HIT", timeout=5
    )
    editor = visitor()
    editor.sign_in(stack.accounts["editor"])
    for _ in range(3):
        response = editor.get(PAGE)
        assert response.status == 200
        assert response.headers["X-Cache-Status"] == "BYPASS"


def test_a_draft_is_never_served_from_the_cache(stack, visitor):
    page_id, kind, slug, _title = published_page(stack, 1)
    url = page_url(kind, slug)
    assert visitor().get(url).status == 200  # nginx keeps it for a second
    reviewer = visitor()
    reviewer.sign_in(stack.accounts["reviewer"])
    admin_action(reviewer, kind, page_id, "unpublish_pages")
    try:
        time.sleep(1.2)  # the published copy in nginx's cache runs out
        for _ in range(3):
            preview = reviewer.get(url)
            assert preview.status == 200
            assert "Draft preview" in preview.text
            assert preview.headers["X-Cache-Status"] == "BYPASS"
        # Everyone else gets the "not found" page (kept a second in its turn).
        for _ in range(3):
            anonymous = visitor().get(url)
            assert anonymous.status == 404
            assert "Draft preview" not in anonymous.text
        # A visitor who makes up a session cookie reaches the app, which says no.
        forged = visitor().get(url, headers={"Cookie": "__Host-sessionid=made-up"})
        assert forged.status == 404
    finally:
        admin_action(reviewer, kind, page_id, "publish_pages")


def admin_action(browser, kind: str, page_id: int, action: str) -> None:
    changelist = f"/admin/education/{kind}/"
    response = browser.submit_form(
        changelist, {"action": action, "_selected_action": str(page_id)}
    )
    assert response.status == 302, response.text[:2000]


def test_a_page_published_through_one_app_server_shows_through_the_other(
    stack, app_server, visitor
):
    page_id, kind, slug, title = published_page(stack, 0)
    url = page_url(kind, slug)
    reviewer = app_server("app-a")
    reviewer.sign_in(stack.accounts["reviewer"])
    other = app_server("app-b")
    assert other.get(url).status == 200  # in app server B's caches now

    admin_action(reviewer, kind, page_id, "unpublish_pages")
    try:
        assert shows_within_a_second(other, url, expect=404)
    finally:
        admin_action(reviewer, kind, page_id, "publish_pages")
    published_at = time.monotonic()
    assert shows_within_a_second(other, url, expect=200, title=title)
    # Through nginx too, once its one-second copy has run out.
    time.sleep(max(0.0, published_at + 1.2 - time.monotonic()))
    response = visitor().get(url)
    assert response.status == 200 and title in response.text


def shows_within_a_second(browser, url: str, *, expect: int, title: str = "") -> bool:
    """True if a request started within a second of now sees the change."""
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        response = browser.get(url)
        if response.status == expect and title in response.text:
            return True
        time.sleep(0.05)
    return False
