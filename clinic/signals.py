"""Forget the cached site context once a change to the clinic or a location commits.

Signals rather than ``save()`` so that queryset deletes (the admin's bulk delete) count
too; ``on_commit`` so a visitor mid-transaction cannot cache the old data again.
"""

from django.core.cache import cache
from django.db import transaction


def forget_site_context(sender, **kwargs) -> None:
    from .models import SITE_CONTEXT_CACHE_KEY

    transaction.on_commit(lambda: cache.delete(SITE_CONTEXT_CACHE_KEY))
