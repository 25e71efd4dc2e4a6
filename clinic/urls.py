"""Root URLs.

English pages keep their addresses and Spanish ones live under /es/ (``i18n_patterns``
without a prefix for the default language). The admin, the health check, the sitemap
and robots.txt have one address each, outside the language prefix; the admin is always
in English, the staff's language.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from education.sitemaps import SITEMAPS
from education.views import robots_txt

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
    ],
    "clinic",
)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    # The passkey scripts' endpoints; before the admin, whose last pattern takes all.
    path("admin/passkeys/", include("clinic.passkeys")),
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", include(clinic_patterns)),
        path("", include("education.urls")),
        path("", include("appointments.urls")),
        prefix_default_language=False,
    ),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
