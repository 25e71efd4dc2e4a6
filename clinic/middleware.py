"""Project middleware: a calm 503 when the database is down, clean query strings,
staff session timeouts and proxy-aware auditing."""

import logging
import time

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, QueryDict
from django.template.loader import render_to_string
from django.urls import reverse

from .net import client_ip

logger = logging.getLogger(__name__)


def render_unavailable(request) -> HttpResponse:
    from .context_processors import safe_site_context

    html = render_to_string("503.html", safe_site_context(), request=None)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "120"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            # The exception text can hold SQL parameters; log only its type.
            logger.error("Database unavailable: %s", type(exception).__name__)
            return render_unavailable(request)
        return None


def _without_nul(text: str) -> str:
    return text.replace("\x00", "")


class NulFreeQueryStringMiddleware:
    """Drop NUL characters from query strings before any view reads them.

    No address of the site means anything by a NUL, and PostgreSQL refuses one in a
    query: a filter, search or ordering value holding one (``?q=%00``) would end in
    a 500 in the admin's changelists and their filters. One place for all of them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            clean = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                clean.setlist(_without_nul(key), [_without_nul(v) for v in values])
            clean._mutable = False
            request.GET = clean
            request.META["QUERY_STRING"] = clean.urlencode()
        return self.get_response(request)


class StaffSessionTimeoutMiddleware:
    """End a signed-in session after a spell of inactivity, and after a working day.

    ``STAFF_SESSION_IDLE_MINUTES`` (30) of no requests, or ``STAFF_SESSION_MAX_HOURS``
    (8) since signing in, whichever comes first. The last-seen time is written at
    most once a minute, so reading pages does not write the session every time.
    """

    SIGNED_IN_AT = "clinic_signed_in_at"
    SEEN_AT = "clinic_seen_at"
    WRITE_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            response = self._check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = int(time.time())
        idle = settings.STAFF_SESSION_IDLE_MINUTES * 60
        signed_in_at = session.get(self.SIGNED_IN_AT, now)
        seen_at = session.get(self.SEEN_AT, now)
        if now - seen_at > idle:
            reason = (
                f"You were signed out after {settings.STAFF_SESSION_IDLE_MINUTES} "
                "minutes without activity. Please sign in again."
            )
        elif now - signed_in_at > settings.STAFF_SESSION_MAX_HOURS * 3600:
            reason = (
                f"You were signed out after {settings.STAFF_SESSION_MAX_HOURS} hours. "
                "Please sign in again."
            )
        else:
            if self.SIGNED_IN_AT not in session:
                session[self.SIGNED_IN_AT] = now
            if now - session.get(self.SEEN_AT, 0) >= self.WRITE_EVERY:
                session[self.SEEN_AT] = now
                # The stored session (and its cookie) lapse with the idle time too.
                session.set_expiry(idle)
            return None
        logout(request)
        messages.info(request, reason)
        return redirect_to_login(
            request.get_full_path(), reverse(settings.LOGIN_URL), REDIRECT_FIELD_NAME
        )


class ProxyAwareAuditlogMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware, reading the address the way the lockout does.

    The stock one trusts the first X-Forwarded-For entry, which a visitor can write.
    """

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)

    @staticmethod
    def _get_remote_port(request):
        return None
