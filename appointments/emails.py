"""The two emails a request causes. Neither carries health details.

The patient's acknowledgement has the reference, what happens next and the phone
numbers; it does not repeat their name or answers, since inboxes are often shared.
The location's notification has the reference, the priority and a link to the admin,
where signing in is needed to see anything else.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from clinic.context_processors import safe_site_context

from .models import AppointmentRequest


def admin_url(appointment: AppointmentRequest) -> str:
    path = reverse(
        "admin:appointments_appointmentrequest_change", args=[appointment.pk]
    )
    return settings.SITE_URL + path


def acknowledgement(appointment: AppointmentRequest) -> EmailMessage:
    """In the language of the form the patient sent (the worker has no request)."""
    context = {**safe_site_context(), "appointment": appointment}
    with translation.override(appointment.language):
        return EmailMessage(
            subject=_("We received your appointment request (reference %(reference)s)")
            % {"reference": appointment.reference},
            body=render_to_string("appointments/email/acknowledgement.txt", context),
            to=[appointment.email],
        )


@translation.override(settings.LANGUAGE_CODE)
def location_notification(appointment: AppointmentRequest) -> EmailMessage:
    """In the staff's language, whichever page the request came from."""
    context = {"appointment": appointment, "admin_url": admin_url(appointment)}
    subject = _("New appointment request %(reference)s, priority %(priority)s") % {
        "reference": appointment.reference,
        "priority": appointment.get_priority_display().lower(),
    }
    if appointment.is_urgent:
        subject = _("URGENT: ") + subject
    return EmailMessage(
        subject=subject,
        body=render_to_string("appointments/email/location_notification.txt", context),
        to=[appointment.location.notification_email],
    )
