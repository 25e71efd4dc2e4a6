"""Test settings: fast hashing, mail kept in memory, tasks run at once."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
APPOINTMENT_MIN_FILL_SECONDS = 0
# Tests sign staff in with force_login; tests of the second factor turn it back on.
TWO_FACTOR_REQUIRED = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so threads and the live server share one real database.
    # One file per test process, so parallel runs on one machine never collide.
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")
    }
# Serve static files straight from the apps and static/, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
