"""Rendered pages for anonymous visitors, reused until anything they show changes.

Every save or delete of a page, a part or a link between pages starts a new
"generation", so an edit or a publication shows at once; the clinic's name, phone
numbers and locations (in every page's header and footer) are part of the key.
Drafts, staff and anything but a 200 are never cached.
"""

import hashlib
import uuid

from django.core.cache import cache

from clinic.models import SITE_CONTEXT_CACHE_KEY

GENERATION_KEY = "education:generation"
PAGE_TIMEOUT = 60 * 60 * 24


def new_generation(**kwargs) -> None:
    """Signal receiver: forget every cached page."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def page_key(request) -> str | None:
    """The cache key of this request's page, or None when it must be rendered."""
    if request.method != "GET" or request.GET or request.user.is_authenticated:
        return None
    found = cache.get_many([GENERATION_KEY, SITE_CONTEXT_CACHE_KEY])
    site = found.get(SITE_CONTEXT_CACHE_KEY)
    if site is None:
        return None  # rendering now fills the site context for the next visit
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
    clinic, locations = site["clinic"], site["locations"]
    signature = repr(
        (
            clinic.name,
            clinic.main_phone,
            clinic.after_hours_phone,
            clinic.tagline,
            [(loc.pk, loc.name, loc.address, loc.phone) for loc in locations],
            request.scheme,
            request.get_host(),
            request.path,
        )
    )
    digest = hashlib.sha256(signature.encode()).hexdigest()
    return f"education:page:{generation}:{digest}"


def get_page(key: str | None) -> bytes | None:
    return cache.get(key) if key else None


def set_page(key: str | None, response) -> None:
    if key and response.status_code == 200:
        cache.set(key, response.content, PAGE_TIMEOUT)
