"""Background jobs: the emails that follow a request.

They run in the django-tasks worker (``manage.py db_worker``) in production and at once
in development and tests. A failed send never touches the saved request except to note
the failure; it is tried again later with growing pauses, a bounded number of times,
and ``manage.py resend_appointment_emails`` tries again on demand.
"""

import logging
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from . import emails
from .models import AppointmentRequest

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5
# Minutes to wait before the next try, by the number of failures so far.
RETRY_DELAYS_MINUTES = (1, 5, 30, 120)


@task()
def send_appointment_emails(request_id: int) -> None:
    """Send whichever of the two emails about a request has not gone out yet.

    Catches every error on purpose: the worker would log a traceback, and an SMTP
    error message can hold email addresses.
    """
    appointment = (
        AppointmentRequest.objects.select_related("location")
        .filter(pk=request_id)
        .first()
    )
    if appointment is None:
        return  # Purged or deleted in the meantime: nothing to announce.
    try:
        if appointment.email and appointment.patient_acknowledged_at is None:
            emails.acknowledgement(appointment).send()
            _mark_sent(appointment, "patient_acknowledged_at")
        if appointment.location_notified_at is None:
            emails.location_notification(appointment).send()
            _mark_sent(appointment, "location_notified_at")
    except Exception as error:  # recorded and retried, see docstring
        _record_failure(appointment, error)
        return
    if appointment.email_last_error:
        AppointmentRequest.objects.filter(pk=appointment.pk).update(email_last_error="")


def _mark_sent(appointment: AppointmentRequest, field: str) -> None:
    now = timezone.now()
    setattr(appointment, field, now)
    AppointmentRequest.objects.filter(pk=appointment.pk).update(**{field: now})


def _record_failure(appointment: AppointmentRequest, error: Exception) -> None:
    kind = type(error).__name__
    AppointmentRequest.objects.filter(pk=appointment.pk).update(
        email_attempts=F("email_attempts") + 1, email_last_error=kind[:100]
    )
    attempts = (
        AppointmentRequest.objects.filter(pk=appointment.pk)
        .values_list("email_attempts", flat=True)
        .first()
        or 0
    )
    logger.warning(
        "Email for appointment request %s failed (attempt %s): %s",
        appointment.pk,
        attempts,
        kind,
    )
    if attempts >= MAX_EMAIL_ATTEMPTS:
        logger.error(
            "Gave up emailing about appointment request %s after %s attempts. "
            "Fix the mail settings, then run `manage.py resend_appointment_emails`.",
            appointment.pk,
            attempts,
        )
        return
    schedule_retry(appointment.pk, attempts)


def schedule_retry(request_id: int, attempts: int) -> bool:
    """Queue another try after a pause; False when the backend cannot wait.

    The immediate backend (development, tests) runs at once and cannot defer, so
    there the resend command is the way to try again.
    """
    backend = send_appointment_emails.get_backend()
    if not backend.supports_defer:
        return False
    delay = RETRY_DELAYS_MINUTES[min(attempts, len(RETRY_DELAYS_MINUTES)) - 1]
    run_after = timezone.now() + timedelta(minutes=delay)
    try:
        send_appointment_emails.using(run_after=run_after).enqueue(request_id)
    except Exception as error:  # the resend command is the fallback
        logger.error(
            "Could not queue a retry for appointment request %s: %s",
            request_id,
            type(error).__name__,
        )
        return False
    return True
