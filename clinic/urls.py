"""Root URLs."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from . import views

handler400 = "clinic.views.bad_request"
handler403 = "clinic.views.permission_denied"
handler404 = "clinic.views.page_not_found"
handler500 = "clinic.views.server_error"

clinic_patterns = (
    [
        path("", views.HomeView.as_view(), name="home"),
        path("locations/", views.LocationsView.as_view(), name="locations"),
        path("privacy/", views.PrivacyView.as_view(), name="privacy"),
        path("healthz", views.healthz, name="healthz"),
    ],
    "clinic",
)

urlpatterns = [
    path("", include(clinic_patterns)),
    path("", include("education.urls")),
    path("", include("appointments.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
