"""Site-wide pages: home, locations, privacy, health check and error pages."""

import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from education.models import Page

from .context_processors import safe_site_context
from .middleware import render_unavailable
from .pagecache import public_page


@method_decorator(public_page, name="dispatch")
class HomeView(TemplateView):
    template_name = "clinic/home.html"

    def get_context_data(self, **kwargs):
        pages = list(Page.objects.published().only("kind", "title", "slug", "summary"))
        return super().get_context_data(
            procedures=[p for p in pages if p.kind == Page.Kind.PROCEDURE],
            conditions=[p for p in pages if p.kind == Page.Kind.CONDITION],
            **kwargs,
        )


@method_decorator(public_page, name="dispatch")
class LocationsView(TemplateView):
    template_name = "clinic/location_list.html"


@method_decorator(public_page, name="dispatch")
class PrivacyView(TemplateView):
    template_name = "clinic/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            retention_days=settings.APPOINTMENT_RETENTION_DAYS,
            retention_years=round(settings.APPOINTMENT_RETENTION_DAYS / 365, 1),
            **kwargs,
        )


@never_cache
def healthz(request) -> JsonResponse:
    """200 when the database answers, 503 when it does not. For load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "down"})
        response.status_code = 503
        response["Retry-After"] = "120"
        return response
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception) -> HttpResponse:
    return render(request, "404.html", safe_site_context(), status=404)


def bad_request(request, exception) -> HttpResponse:
    # An oversized or malformed request: no request context, it may not be readable.
    return HttpResponseBadRequest(render_to_string("400.html", safe_site_context()))


def permission_denied(request, exception) -> HttpResponse:
    return render(request, "403.html", safe_site_context(), status=403)


def csrf_failure(request, reason="") -> HttpResponse:
    """A refused security check (CSRF): the request form comes back with the
    patient's answers; anywhere else, a page in the site's layout."""
    from appointments.views import request_form_csrf_failure

    if request.method == "POST" and request.path == reverse(
        "appointments:request-create"
    ):
        return request_form_csrf_failure(request)
    return render(request, "403_csrf.html", safe_site_context(), status=403)


def server_error(request) -> HttpResponse:
    """The 500 page; the 503 page when what failed was reaching the database.

    Middleware that reads the session (the audit log, the lockout) fails before any
    view runs when the database is down, so the view-level handler never sees it;
    the error handler is the one place every path goes through.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return render_unavailable(request)
    # No request context: the failure may be in a context processor or the database.
    return HttpResponseServerError(render_to_string("500.html", safe_site_context()))
