from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .sitemaps import SITEMAPS

app_name = "education"
urlpatterns = [
    path("procedures/", views.ProcedureListView.as_view(), name="procedure-list"),
    path(
        "procedures/<slug:slug>/",
        views.ProcedureDetailView.as_view(),
        name="procedure-detail",
    ),
    path("conditions/", views.ConditionListView.as_view(), name="condition-list"),
    path(
        "conditions/<slug:slug>/",
        views.ConditionDetailView.as_view(),
        name="condition-detail",
    ),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
