"""Forget the cached site context once a change to the clinic or a location commits,
then start a new content version (clinic.pagecache): every public page shows them.

Signals rather than ``save()`` so that queryset deletes (the admin's bulk delete) count
too; ``on_commit`` so a visitor mid-transaction cannot cache the old data again. The
site context goes first, so no page of the new version is rendered from the old one.
"""

from django.core.cache import cache
from django.db import transaction

from . import pagecache


def forget_site_context(sender, using=None, **kwargs) -> None:
    from .models import SITE_CONTEXT_CACHE_KEY

    def forget() -> None:
        cache.delete(SITE_CONTEXT_CACHE_KEY)
        pagecache.new_version()

    transaction.on_commit(forget, using=using)
