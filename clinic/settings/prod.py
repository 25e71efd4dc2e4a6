"""Production: behind a TLS proxy, PostgreSQL, hashed and compressed static files."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env_bool, env_int

if not SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is missing or too short. Production refuses to start "
        "without a real secret: generate one with\n  python -c 'import secrets; "
        "print(secrets.token_urlsafe(64))'\nand set it in the environment."
    )

DEBUG = False
STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Emails wait in the database queue for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"
        )
    }
}

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers probe the app directly over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The TLS proxy sets X-Forwarded-Proto; only trust it because the proxy overwrites it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
if SESSION_COOKIE_SECURE:
    # Browsers keep a __Host- cookie only if it is Secure, for "/" and for this host
    # alone, so neither a subdomain nor plain http can plant or read it.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# The proxy serves /media/ (deploy/nginx); Django serves it only when asked to, e.g.
# an app server tried alone on loopback.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
# Every staff account passes a second factor in production; there is no switch.
TWO_FACTOR_REQUIRED = True
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
