"""Every write to an appointment request goes through here.

The public form and the admin call the same functions, so each rule is written once:
what a request must contain, how its priority is set, which status changes make sense,
and which emails follow. Writes happen inside ``transaction.atomic``; emails are queued
only once the transaction has committed, so a rolled-back request never sends one.
"""

import logging
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import (
    PATIENT_FIELDS,
    AppointmentRequest,
    CallAttempt,
    StaffNote,
    StatusChange,
    new_reference,
)

logger = logging.getLogger(__name__)

Status = AppointmentRequest.Status
Priority = AppointmentRequest.Priority
CallOutcome = AppointmentRequest.CallOutcome

# The workflow. Closed and declined are final. "No response" may be reopened when the
# patient calls back, and "spam" when it was marked by mistake; nothing else leaves an
# end state.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset(
        {
            Status.CONTACTED,
            Status.SCHEDULED,
            Status.DECLINED,
            Status.NO_RESPONSE,
            Status.SPAM,
            Status.DUPLICATE,
        }
    ),
    Status.CONTACTED: frozenset(
        {
            Status.SCHEDULED,
            Status.DECLINED,
            Status.NO_RESPONSE,
            Status.SPAM,
            Status.DUPLICATE,
        }
    ),
    Status.SCHEDULED: frozenset({Status.CLOSED, Status.DECLINED}),
    Status.CLOSED: frozenset(),
    Status.DECLINED: frozenset(),
    Status.NO_RESPONSE: frozenset({Status.CONTACTED}),
    Status.SPAM: frozenset({Status.NEW}),
    Status.DUPLICATE: frozenset(),
}

REFERENCE_ATTEMPTS = 10

# Written once: the form shows it for an unticked box, the check below for any caller.
CONSENT_REQUIRED = gettext_lazy(
    "Please tick the box to agree that we may contact you. We cannot reply without it."
)


class TransitionNotAllowed(ValidationError):
    """The requested status change makes no sense from the current status."""


def priority_for(*, warning_symptoms, pain_started: str) -> int:
    """Urgent with any warning symptom; high when the pain began under 8 weeks ago.

    Kyphoplasty works best early, so recent pain moves ahead of older pain.
    """
    if warning_symptoms:
        return Priority.URGENT
    if pain_started == AppointmentRequest.PainStart.UNDER_8_WEEKS:
        return Priority.HIGH
    return Priority.NORMAL


def appointment_request_check(*, data: Mapping[str, Any]) -> None:
    """Rules that join several answers. Raises ValidationError keyed by field.

    The form calls this to show each message next to its field; the create service
    calls it again so no other caller can skip it.
    """
    errors: dict[str, str] = {}
    phone, email = data.get("phone"), data.get("email")
    method = data.get("contact_method")
    if not phone and not email:
        errors["phone"] = _("Enter a phone number or an email address so we can reply.")
    if method == AppointmentRequest.ContactMethod.EMAIL and not email:
        errors["email"] = _(
            "Enter your email address, or choose a phone call as the way to "
            "contact you."
        )
    if method == AppointmentRequest.ContactMethod.PHONE and not phone and email:
        errors["phone"] = _(
            "Enter a phone number, or choose email as the way to contact you."
        )
    if data.get("for_someone_else"):
        if not data.get("requester_name"):
            errors["requester_name"] = _(
                "Enter your own name, as you are asking for someone else."
            )
        if not data.get("requester_relationship"):
            errors["requester_relationship"] = _(
                "Tell us how you are related to the patient, for example daughter."
            )
    imaging = data.get("imaging") or []
    if AppointmentRequest.Imaging.NONE in imaging and len(imaging) > 1:
        errors["imaging"] = _(
            "You ticked 'None yet' and a scan. Please tick one or the other."
        )
    if not data.get("consent"):
        errors["consent"] = str(CONSENT_REQUIRED)
    if errors:
        raise ValidationError(errors)


def appointment_request_create(*, data: Mapping[str, Any]) -> AppointmentRequest:
    """Save a patient's request with a fresh unique reference and queue its emails.

    ``data`` holds the cleaned answers (``PATIENT_FIELDS``); other keys are ignored.
    Raises ValidationError when the answers break a rule; nothing is saved then.
    """
    fields = {name: data[name] for name in PATIENT_FIELDS if name in data}
    appointment_request_check(data=fields)
    if not fields.get("for_someone_else"):
        fields["requester_name"] = fields["requester_relationship"] = ""
        fields["patient_phone"] = ""
    appointment = AppointmentRequest(**fields)
    appointment.topic_title = appointment.topic.title if appointment.topic else ""
    appointment.priority = priority_for(
        warning_symptoms=appointment.warning_symptoms,
        pain_started=appointment.pain_started,
    )
    appointment.full_clean(exclude=["reference"], validate_constraints=False)

    with transaction.atomic():
        _insert_with_unique_reference(appointment)
        transaction.on_commit(lambda: enqueue_emails(appointment.pk))
    logger.info("Appointment request %s received.", appointment.pk)
    return appointment


def _insert_with_unique_reference(appointment: AppointmentRequest) -> None:
    # 31^8 codes make a clash very unlikely, but it must not lose a request: try again
    # with a new code. The savepoint keeps the outer transaction usable on PostgreSQL.
    for _attempt in range(REFERENCE_ATTEMPTS):
        appointment.reference = new_reference()
        try:
            with transaction.atomic():
                appointment.save(force_insert=True)
            return
        except IntegrityError:
            if not AppointmentRequest.objects.filter(
                reference=appointment.reference
            ).exists():
                raise
            appointment.pk = None
            logger.warning("Reference clash; trying another code.")
    raise IntegrityError("No free reference code found.")


def enqueue_emails(request_id: int) -> None:
    """Queue the emails about a request. Never raises: the request is already safe."""
    from .tasks import send_appointment_emails

    try:
        send_appointment_emails.enqueue(request_id)
    except Exception as error:  # the queue being down must not 500
        logger.error(
            "Could not queue emails for appointment request %s: %s. "
            "Run `manage.py resend_appointment_emails` later.",
            request_id,
            type(error).__name__,
        )


def allowed_transitions(from_status: str) -> frozenset[str]:
    return TRANSITIONS.get(from_status, frozenset())


def check_transition(*, from_status: str, to_status: str) -> None:
    """Raise TransitionNotAllowed when ``from_status`` cannot become ``to_status``."""
    if to_status not in allowed_transitions(from_status):
        raise TransitionNotAllowed(
            _("A request that is “%(from)s” cannot be marked “%(to)s”.")
            % {
                "from": Status(from_status).label,
                "to": Status(to_status).label,
            },
            code="transition_not_allowed",
        )


def appointment_request_transition(
    *, request: AppointmentRequest, to_status: str, by
) -> AppointmentRequest:
    """Move a request to ``to_status``, recording who did it and when.

    The row is locked and read again first, so two people acting at once cannot both
    move it from the same status. Raises TransitionNotAllowed for nonsense changes.
    """
    with transaction.atomic():
        current = AppointmentRequest.objects.select_for_update().get(pk=request.pk)
        check_transition(from_status=current.status, to_status=to_status)
        from_status = current.status
        request.status = to_status
        if to_status in Status.ends():
            request.ended_at = timezone.now()
        else:
            request.ended_at = None
        first_contact = current.record_first_contact(timezone.now())
        request.first_contacted_at = current.first_contacted_at
        request.first_contact_wait = current.first_contact_wait
        request.save(update_fields=["status", "ended_at", *first_contact])
        StatusChange.objects.create(
            request=request, from_status=from_status, to_status=to_status, changed_by=by
        )
    return request


STAFF_FIELDS = ("assigned_to", "priority")


def appointment_request_update(
    *, request: AppointmentRequest, by, data: Mapping[str, Any]
) -> AppointmentRequest:
    """Change what the front desk may change besides the status: assignee, priority.

    Only the changed fields are checked: what the patient sent was checked when it
    arrived, and a stored request that no longer passes today's checks (a birth date
    now over 120 years ago, a number a phone library update rejects) must still be
    workable. ``by`` is recorded by the audit log (through its middleware), not here.
    """
    unknown = set(data) - set(STAFF_FIELDS)
    if unknown:
        raise ValueError(f"Not a staff field: {', '.join(sorted(unknown))}")
    changed = [name for name in data if getattr(request, name) != data[name]]
    if not changed:
        return request
    for name in changed:
        setattr(request, name, data[name])
    unchanged = [f.name for f in request._meta.fields if f.name not in changed]
    request.clean_fields(exclude=unchanged)
    with transaction.atomic():
        request.save(update_fields=changed)
    return request


def staff_note_create(*, request: AppointmentRequest, author, text: str) -> StaffNote:
    """Add a note to a request. The author and the time are set here, never typed."""
    note = StaffNote(request=request, author=author, text=text.strip())
    note.full_clean()
    with transaction.atomic():
        note.save()
    return note


def call_attempt_create(
    *, request: AppointmentRequest, by, outcome: str
) -> CallAttempt:
    """Log a call. The first call is the first contact; reaching the patient moves
    a new request to "contacted"."""
    with transaction.atomic():
        current = AppointmentRequest.objects.select_for_update().get(pk=request.pk)
        call = CallAttempt(request=current, made_by=by, outcome=outcome)
        call.full_clean()
        call.save()
        first_contact = current.record_first_contact(call.made_at)
        if first_contact:
            current.save(update_fields=first_contact)
        if outcome == CallOutcome.REACHED and current.status == Status.NEW:
            appointment_request_transition(
                request=current, to_status=Status.CONTACTED, by=by
            )
    request.refresh_from_db()
    return call


def appointment_request_close_as_duplicate(
    *, request: AppointmentRequest, of: AppointmentRequest, by
) -> AppointmentRequest:
    """End ``request`` as a duplicate of ``of``, which stays open."""
    if of.pk == request.pk:
        raise ValidationError(_("A request cannot be a duplicate of itself."))
    with transaction.atomic():
        appointment_request_transition(
            request=request, to_status=Status.DUPLICATE, by=by
        )
        request.duplicate_of = of
        request.save(update_fields=["duplicate_of"])
    return request
