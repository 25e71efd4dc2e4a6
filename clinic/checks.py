"""Deployment checks of our own, run by ``manage.py check --deploy``."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_url_is_public_https(app_configs, **kwargs):
    """Links in emails to the front desk are built from SITE_URL."""
    url = settings.SITE_URL
    if url.startswith("https://") and "127.0.0.1" not in url and "localhost" not in url:
        return []
    return [
        Warning(
            f"DJANGO_SITE_URL is {url!r}; links in notification emails will not work.",
            hint="Set DJANGO_SITE_URL to the site's public https address.",
            id="clinic.W001",
        )
    ]
