from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "appointments"
    verbose_name = _("Appointment requests")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import AppointmentRequest, StaffNote

        # Only the workflow fields: the audit trail records who looked at and changed
        # a request, without a second copy of what the patient wrote.
        auditlog.register(
            AppointmentRequest,
            include_fields=["status", "priority", "assigned_to"],
        )
        auditlog.register(StaffNote, include_fields=["request", "author"])
        checks.register(check_rate_limit_setting)


def check_rate_limit_setting(app_configs, **kwargs):
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from .ratelimit import parse_rate

    try:
        parse_rate(settings.APPOINTMENT_RATE_LIMIT)
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="appointments.E001")]
    return []
