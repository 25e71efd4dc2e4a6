from django.urls import path

from . import views

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
]
