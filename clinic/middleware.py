"""Project middleware: a calm 503 when the database is down; proxy-aware auditing."""

import logging

from auditlog.middleware import AuditlogMiddleware
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

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
