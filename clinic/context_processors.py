"""Template context every page needs: the clinic's name, phone lines and locations."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from . import pagecache
from .models import ClinicSettings, Location, tel_href


@dataclass(frozen=True)
class FallbackClinic:
    """Stands in for ClinicSettings when the database cannot be read."""

    name: str = "Harborview Spine Center"
    main_phone: str = settings.CLINIC_FALLBACK_PHONE
    after_hours_phone: str = ""
    tagline: str = ""

    @property
    def main_phone_href(self) -> str:
        return tel_href(self.main_phone)


def site_context() -> dict:
    """The clinic and its active locations, cached per content version: a saved change
    to either starts a new version once it commits (``ClinicConfig.ready``), so a
    visit that read the old values before the commit stores them under the old one."""
    key = f"clinic:site-context:{pagecache.worker.current_version()}"
    context = cache.get(key)
    if context is None:
        context = {
            "clinic": ClinicSettings.get_solo(),
            "locations": list(Location.objects.active()),
        }
        cache.set(key, context, timeout=60 * 60)
    return context


def safe_site_context() -> dict:
    """Like site_context, but never raises: error pages must render with the DB down."""
    try:
        return site_context()
    except DatabaseError:
        return {"clinic": FallbackClinic(), "locations": []}


def clinic(request) -> dict:
    return site_context()
