from django.urls import path
from django.views.generic import TemplateView

app_name = "appointments"
urlpatterns = [
    path(
        "appointments/request/",
        TemplateView.as_view(template_name="appointments/appointmentrequest_form.html"),
        name="request-create",
    ),
]
