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
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Slot:
    """Where this request's page is cached, and what it must have been rendered from."""

    key: str
    fingerprint: str
    content: bytes | None


def lookup(request) -> Slot | None:
    """The cached page for this request, in one cache read; None if it can't be cached.

    The page is filed under its address alone, next to the fingerprint it was rendered
    from (the generation and the clinic's details). One ``get_many`` fetches the
    generation, the site context and the page together, which on the database cache
    is a single query.
    """
    if request.method != "GET" or request.GET or request.user.is_authenticated:
        return None
    key = "education:page:" + _digest(
        (request.scheme, request.get_host(), request.path)
    )
    found = cache.get_many([GENERATION_KEY, SITE_CONTEXT_CACHE_KEY, key])
    site = found.get(SITE_CONTEXT_CACHE_KEY)
    if site is None:
        return None  # rendering now fills the site context for the next visit
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
    fingerprint = _digest(
        (
            generation,
            _fields(site["clinic"]),
            [_fields(location) for location in site["locations"]],
        )
    )
    stored = found.get(key)
    content = stored[1] if stored and stored[0] == fingerprint else None
    return Slot(key=key, fingerprint=fingerprint, content=content)


def store(slot: Slot | None, response) -> None:
    if slot and response.status_code == 200:
        cache.set(slot.key, (slot.fingerprint, response.content), PAGE_TIMEOUT)


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()
