"""Background jobs: the emails that follow a request.

They run in the django-tasks worker (``manage.py db_worker``) in production and at once
in development and tests. A failed send never touches the saved request except to note
which email failed and how; it is tried again later with growing pauses, a bounded
number of times, and ``manage.py resend_appointment_emails`` tries again on demand. An
acknowledgement whose address the mail server refused for good is not tried again.
"""

import logging
import smtplib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import emails
from .models import AppointmentRequest

logger = logging.getLogger(__name__)

MAX_EMAIL_ATTEMPTS = 5
# Minutes to wait before the next try, by the number of failures so far.
RETRY_DELAYS_MINUTES = (1, 5, 30, 120)
KIND_MAX_LENGTH = 40

# The two emails, the location's first: the front desk must hear of every request,
# whatever happens to the patient's copy.
LOCATION, PATIENT = "location", "patient"
EMAIL_LABELS = {LOCATION: "location notification", PATIENT: "acknowledgement"}


@task()
def send_appointment_emails(request_id: int) -> None:
    """Send whichever of the two emails about a request has not gone out yet.

    The location's notification goes first, and each email is tried on its own, so
    a refused patient address never holds back the front desk's copy. The request is
    read again under a lock first, so a retry and a resend queued at the same time
    cannot both send an email: the second finds it sent and does nothing. Nothing is
    sent for an ended request (closed, declined, no response or spam).

    Catches every sending error on purpose: the worker would log a traceback, and an
    SMTP error message can hold email addresses.
    """
    failures: dict[str, Exception] = {}
    with transaction.atomic():
        appointment = (
            AppointmentRequest.objects.select_for_update(of=("self",))
            .select_related("location")
            .filter(pk=request_id)
            .first()
        )
        if appointment is None or appointment.is_ended:
            return  # Purged, or dealt with already: nothing to announce.
        changes: dict[str, object] = {}
        if appointment.location_notified_at is None:
            try:
                emails.location_notification(appointment).send()
            except Exception as error:  # recorded and retried, see docstring
                failures[LOCATION] = error
            else:
                changes["location_notified_at"] = timezone.now()
        if _acknowledgement_due(appointment):
            try:
                emails.acknowledgement(appointment).send()
            except Exception as error:  # recorded and retried, see docstring
                failures[PATIENT] = error
                if is_refused_for_good(error):
                    changes["acknowledgement_refused"] = True
            else:
                changes["patient_acknowledged_at"] = timezone.now()
        if failures:
            changes["email_attempts"] = appointment.email_attempts + 1
            changes["email_last_error"] = _summary(failures)
        elif appointment.email_last_error:
            changes["email_last_error"] = ""
        if changes:
            AppointmentRequest.objects.filter(pk=request_id).update(**changes)
            for name, value in changes.items():
                setattr(appointment, name, value)
    if failures:
        _after_failure(appointment, failures)


def _acknowledgement_due(appointment: AppointmentRequest) -> bool:
    return bool(
        appointment.email
        and appointment.patient_acknowledged_at is None
        and not appointment.acknowledgement_refused
    )


def is_refused_for_good(error: Exception) -> bool:
    """True when the mail server refused every recipient with a permanent (5xx) code.

    A full mailbox or a greylisting server answers 4xx: worth trying again later.
    """
    if not isinstance(error, smtplib.SMTPRecipientsRefused) or not error.recipients:
        return False
    return all(
        isinstance(answer, tuple) and isinstance(answer[0], int) and answer[0] >= 500
        for answer in error.recipients.values()
    )


def _summary(failures: dict[str, Exception]) -> str:
    """Which email failed and the kind of error; never the message (addresses)."""
    return "; ".join(
        f"{EMAIL_LABELS[email]}: {type(error).__name__[:KIND_MAX_LENGTH]}"
        for email, error in failures.items()
    )[:100]


def _after_failure(
    appointment: AppointmentRequest, failures: dict[str, Exception]
) -> None:
    attempts = appointment.email_attempts
    logger.warning(
        "Email for appointment request %s failed (attempt %s): %s",
        appointment.pk,
        attempts,
        appointment.email_last_error,
    )
    if PATIENT in failures and appointment.acknowledgement_refused:
        logger.warning(
            "The mail server refused the patient's address for appointment request "
            "%s; the acknowledgement will not be tried again.",
            appointment.pk,
        )
    if appointment.location_notified_at is not None and not _acknowledgement_due(
        appointment
    ):
        return  # Nothing left that another try could send.
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
