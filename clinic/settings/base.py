"""Settings shared by every mode.

Everything a deployer changes comes from the environment (``DJANGO_`` prefixed, plus
``DATABASE_URL`` and ``REDIS_URL``). The README has a table of every variable.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number.") from error


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: it patches the models first.
    "modeltranslation",
    # The stock admin app with our site: staff pass a second factor (clinic/sites.py).
    "clinic.apps.ClinicAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "bootstrap",
    "crispy_forms",
    "crispy_bootstrap5",
    "solo",
    "reversion",
    "adminsortable2",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "django_tasks",
    "django_tasks_db",
    "clinic",
    "education",
    "appointments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "clinic.middleware.DatabaseUnavailableMiddleware",
    "clinic.middleware.NulFreeQueryStringMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # English at today's addresses, Spanish under /es/; the admin is always English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "clinic.middleware.StaffSessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "clinic.middleware.ProxyAwareAuditlogMiddleware",
    # Axes last, as its documentation asks, so it sees the finished login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"
ASGI_APPLICATION = "clinic.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "clinic.context_processors.clinic",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing, and readers never block them.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: shared by every worker, so cached pages agree across processes ---------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "clinic_cache",
        }
    }

# --- Auth -------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "admin:login"
CSRF_FAILURE_VIEW = "clinic.views.csrf_failure"
# The cookie outlives a working day at most; staff sessions also end after a spell of
# inactivity (clinic.middleware.StaffSessionTimeoutMiddleware).
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_COOKIE_HTTPONLY = True
STAFF_SESSION_IDLE_MINUTES = env_int("DJANGO_STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_MAX_HOURS = env_int("DJANGO_STAFF_SESSION_MAX_HOURS", 8)

# Staff pass a second factor (an authenticator app, or a backup code) after their
# password. Production always requires it; tests that sign in with force_login turn it
# off in clinic.settings.test and the dedicated tests turn it back on.
TWO_FACTOR_REQUIRED = env_bool("DJANGO_TWO_FACTOR_REQUIRED", True)
# The name authenticator apps show next to the code.
OTP_TOTP_ISSUER = os.environ.get("DJANGO_TWO_FACTOR_ISSUER", "Harborview Spine Center")
TWO_FACTOR_BACKUP_CODES = 10
# Never show a device's secret again once it is saved, not even to a superuser.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Number of reverse proxies in front of the app that append to X-Forwarded-For. Zero
# means REMOTE_ADDR is the client; the README's deploy notes explain when to raise it.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
# Failures count per username (from any address) and per address (for any username):
# guessing many passwords for one person and one password for many people both stop.
# The pause is short and fixed, so a stranger cannot keep a named person out for long.
AXES_FAILURE_LIMIT = env_int("DJANGO_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "clinic.net.client_ip"

# --- Internationalisation ------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Page content in each language (education/translation.py): English is the text
# every page has; an empty Spanish field reads the English one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True
PHONENUMBER_DEFAULT_REGION = os.environ.get("DJANGO_PHONE_REGION", "US")
# Public holidays that do not count as business time (the `holidays` library's
# country code and, optionally, its state or province code, e.g. "US" and "NY").
CLINIC_HOLIDAYS_COUNTRY = os.environ.get("CLINIC_HOLIDAYS_COUNTRY", "US")
CLINIC_HOLIDAYS_SUBDIVISION = os.environ.get("CLINIC_HOLIDAYS_SUBDIVISION", "")
# One date format across the admin: "Nov 30, 2026, 1:22 PM".
FORMAT_MODULE_PATH = ["clinic.formats"]

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# A small clinic runs one app server; Django serves uploads unless a proxy takes over.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# --- Email --------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Harborview Spine Center <no-reply@example.com>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Absolute address used in emails (links to the admin); no trailing slash.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://localhost:8000").rstrip("/")

# Passkeys (django-otp-webauthn) belong to the site's domain name: the relying party ID
# and the one origin allowed are those of SITE_URL. Browsers refuse an IP address
# there, hence localhost in development. A passkey is a second factor only: it never
# replaces the password (which the lockout counts).
_site = urlsplit(SITE_URL)
OTP_WEBAUTHN_RP_ID = _site.hostname
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# --- Background tasks (django-tasks) --------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Security headers -----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- The clinic's own knobs ------------------------------------------------------
# Shown on error pages when the database cannot be read; the admin holds the real one.
CLINIC_FALLBACK_PHONE = os.environ.get("DJANGO_CLINIC_FALLBACK_PHONE", "555-0100")
APPOINTMENT_RATE_LIMIT = os.environ.get("APPOINTMENT_RATE_LIMIT", "5/h")
APPOINTMENT_RETENTION_DAYS = env_int("APPOINTMENT_RETENTION_DAYS", 730)
APPOINTMENT_MIN_FILL_SECONDS = env_int("APPOINTMENT_MIN_FILL_SECONDS", 3)
# Public pages for anonymous visitors are kept in each worker's memory
# (clinic.pagecache). A worker checks the shared content version this often, so a
# publish shows on every worker within it (half a second: "within a second" of the
# publisher's answer, with margin). Browsers and shared caches may keep such a page
# this many seconds.
PUBLIC_PAGE_VERSION_SECONDS = 0.5
PUBLIC_PAGE_MAX_AGE = 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
    "loggers": {
        # Request lines carry query strings; the access log of the proxy is enough.
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
