"""Turn an unreachable database into a calm 503 page instead of a 500."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

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
