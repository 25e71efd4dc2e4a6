"""Site-wide pages: home, locations, privacy, health check and error pages."""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from education.models import Page

from .context_processors import safe_site_context


class HomeView(TemplateView):
    template_name = "clinic/home.html"

    def get_context_data(self, **kwargs):
        pages = list(Page.objects.published().only("kind", "title", "slug", "summary"))
        return super().get_context_data(
            procedures=[p for p in pages if p.kind == Page.Kind.PROCEDURE],
            conditions=[p for p in pages if p.kind == Page.Kind.CONDITION],
            **kwargs,
        )


class LocationsView(TemplateView):
    template_name = "clinic/location_list.html"


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
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception) -> HttpResponse:
    return render(request, "404.html", safe_site_context(), status=404)


def server_error(request) -> HttpResponse:
    # No request context: the failure may be in a context processor or the database.
    return HttpResponseServerError(render_to_string("500.html", safe_site_context()))
