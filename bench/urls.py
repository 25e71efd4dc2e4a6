"""The site's URLs plus the floor: the cheapest response the same stack can give."""

from django.http import HttpResponse
from django.urls import path

from clinic.urls import handler404, handler500
from clinic.urls import urlpatterns as site_urlpatterns

__all__ = ["handler404", "handler500", "urlpatterns"]


def floor_view(request) -> HttpResponse:
    """No template, no query: what every page costs before it does any work."""
    return HttpResponse(b"floor\n", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor_view, name="bench-floor"), *site_urlpatterns]
