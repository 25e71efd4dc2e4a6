"""Every screen loads everything from the site itself: no CDN, font or tracker."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import SCREENS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_every_screen_requests_its_own_origin_only(
    page, page_requests, page_errors, live_server, demo
):
    foreign, errors = {}, {}
    for screen, show in SCREENS.items():
        page_requests.clear()
        page_errors.clear()
        show(page)
        page.wait_for_load_state("networkidle")
        assert any(url.endswith(".css") for url in page_requests), screen
        foreign[screen] = [u for u in page_requests if origin(u) != live_server.url]
        # A script or style the CSP blocked shows up as a console error.
        errors[screen] = list(page_errors)
    assert {k: v for k, v in foreign.items() if v} == {}
    assert {k: v for k, v in errors.items() if v} == {}
