"""The stack tests: ``make stack-test``. One stack serves the whole session.

Not collected by ``make test`` (pytest's testpaths is ``tests/``): these need nginx,
PostgreSQL's server programs, Redis on 127.0.0.1:6379 and a few minutes.
"""

from collections.abc import Callable

import pytest

from deploy.stack import Stack
from deploy.stack.client import Browser


@pytest.fixture(scope="session")
def stack():
    with Stack(log=lambda line: print(line, flush=True)) as running:
        yield running


@pytest.fixture
def visitor(stack) -> Callable[..., Browser]:
    """A visitor of the site through nginx, from a loopback address of their own."""
    browsers = []

    def make(address: str = "127.0.0.1", **kwargs) -> Browser:
        browser = Browser(stack.url, str(stack.cert), address=address, **kwargs)
        browsers.append(browser)
        return browser

    yield make
    for browser in browsers:
        browser.close()


@pytest.fixture
def app_server(stack) -> Callable[[str], Browser]:
    """A client of one app server directly, told https the way nginx tells it."""
    browsers = []

    def make(name: str) -> Browser:
        browser = Browser(
            stack.app_urls[name],
            str(stack.cert),
            headers={"X-Forwarded-Proto": "https"},
        )
        browsers.append(browser)
        return browser

    yield make
    for browser in browsers:
        browser.close()
