"""Every public page loads everything from the site itself: no CDN, font or tracker."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.pages import PUBLIC_PAGES

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=str)
def test_public_page_requests_its_own_origin_only(
    public_page, page, page_requests, page_errors, live_server, demo
):
    response = page.goto(public_page.path)
    page.wait_for_load_state("networkidle")

    assert response.status == 200
    assert len(page_requests) > 1, "the page loads its stylesheets and icon"
    foreign = [url for url in page_requests if origin(url) != live_server.url]
    assert foreign == []
    # A blocked script or style (CSP) shows up as a console error.
    assert page_errors == []
