from django.urls import path

from . import views

app_name = "appointments"
urlpatterns = [
    path(
        "appointments/request/",
        views.AppointmentRequestCreateView.as_view(),
        name="request-create",
    ),
    path(
        "appointments/request/thanks/",
        views.request_thanks,
        name="request-thanks",
    ),
]
