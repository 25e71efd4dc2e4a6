"""Public pages for anonymous visitors, rendered once per content version and kept in
each worker's memory.

The shared cache (Redis in production) holds one value: the site's content version,
the time of the last committed change to anything a public page shows (education
pages, their parts and links, the clinic and its locations). Each worker reads it at
most every ``PUBLIC_PAGE_VERSION_SECONDS`` and forgets its pages when it changed, so
a publish shows on every worker within that time (on the worker that made the change,
at once). The version also lapses after an hour: the year in the footer moves on.

Served from memory, and kept, only: a GET or HEAD without a query string, from a
visitor without a session cookie, of a view marked ``@public_page``; kept only if it
is a 200 that is not marked private and sets no cookie (drafts are private, and only
staff, who have a session, see them). Every answer of such a view says how others may
keep it: anonymous pages are ``public`` with an ``ETag`` (a 304 when the visitor's
copy is current), kept ones also with ``Last-Modified`` (the content version's time);
anything for a visitor with a session is ``private, no-store``. Both vary on
``Cookie``, so no shared cache hands a signed-in visitor an anonymous page.
"""

import time
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date
from django.utils.translation import get_language

VERSION_KEY = "pages:version"
VERSION_LIFETIME = 60 * 60
# Public pages are few (each address of a published page, per host and language); the
# bound only keeps a misconfigured host list from filling a worker's memory.
MAX_PAGES = 2000

clock = time.monotonic  # tests move it forward instead of sleeping


@dataclass(frozen=True)
class Kept:
    content: bytes
    headers: dict[str, str]
    last_modified: int


@dataclass
class Worker:
    """This process's pages and the content version they were rendered at."""

    version: float | None = None
    read_at: float = float("-inf")
    pages: dict = field(default_factory=dict)

    def current_version(self) -> float:
        now = clock()
        if (
            self.version is not None
            and now - self.read_at < settings.PUBLIC_PAGE_VERSION_SECONDS
        ):
            return self.version
        version = cache.get(VERSION_KEY)
        if version is None:
            version = time.time()
            if not cache.add(VERSION_KEY, version, VERSION_LIFETIME):
                version = cache.get(VERSION_KEY, version)  # another worker's
        self.remember(version, now)
        return version

    def remember(self, version: float, now: float) -> None:
        if version != self.version:
            self.pages = {}
        self.version, self.read_at = version, now

    def keep(self, version: float, key: tuple, response) -> None:
        if version != self.version:
            return  # rendered at a version this worker has already left
        if len(self.pages) >= MAX_PAGES:
            self.pages = {}
        self.pages[key] = Kept(
            content=response.content,
            headers=dict(response.items()),
            last_modified=int(version),
        )

    def forget(self) -> None:
        self.version, self.read_at, self.pages = None, float("-inf"), {}


worker = Worker()


def content_changed(sender, using=None, **kwargs) -> None:
    """Signal receiver: a new content version once the change is committed (at once
    outside a transaction)."""
    transaction.on_commit(new_version, using=using)


def new_version() -> None:
    version = time.time()
    cache.set(VERSION_KEY, version, VERSION_LIFETIME)
    worker.remember(version, clock())


def public_page(view):
    """Serve the view's pages to anonymous visitors from memory (see the module)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
            return response
        key = version = None
        if request.method in {"GET", "HEAD"} and not request.META.get("QUERY_STRING"):
            version = worker.current_version()
            key = (request.scheme, request.get_host(), request.path, get_language())
            if (kept := worker.pages.get(key)) is not None:
                response = HttpResponse(kept.content, headers=kept.headers)
                return get_conditional_response(
                    request,
                    etag=kept.headers["ETag"],
                    last_modified=kept.last_modified,
                    response=response,
                )
        response = view(request, *args, **kwargs)
        if not _shareable(request, response):
            return response
        if hasattr(response, "render"):
            response.render()  # the ETag is the rendered content's
        set_response_etag(response)
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
        if key is None:
            return get_conditional_response(
                request, etag=response["ETag"], response=response
            )
        response["Last-Modified"] = http_date(int(version))
        worker.keep(version, key, response)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(version),
            response=response,
        )

    return wrapped


def _shareable(request, response) -> bool:
    """An anonymous visitor's 200 that anyone else may be given as it is."""
    cache_control = response.get("Cache-Control", "")
    private = any(word in cache_control for word in ("private", "no-store", "no-cache"))
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not private
        # The page asked for a CSRF token or wrote to the session: it is the visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )
