"""Rendered pages for anonymous visitors, reused until anything they show changes.

Every save or delete of a page, a part or a link between pages starts a new
"generation" once its transaction commits, so an edit or a publication shows at once
(and a visit during the transaction, which still reads the old page, files it under
the old generation). The cached site context (the clinic and its locations, in every
page's header and footer) is part of the key: when the clinic app forgets it, the
next visit renders afresh. Drafts, staff and anything but a 200 are never cached.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

from clinic.models import SITE_CONTEXT_CACHE_KEY

GENERATION_KEY = "education:generation"
PAGE_TIMEOUT = 60 * 60 * 24


def new_generation(using=None, **kwargs) -> None:
    """Signal receiver: forget every cached page once the change is committed (at
    once outside a transaction)."""
    transaction.on_commit(_bump_generation, using=using)


def _bump_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _fields(obj) -> list:
    return [(f.attname, f.value_from_object(obj)) for f in obj._meta.concrete_fields]


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
            _fields(clinic),
            [_fields(location) for location in locations],
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
