"""Appointment requests sent by patients, and what the front desk does with them.

A request holds health information. Only the front desk and administrators can see it
(see the roles migration); every view and change is recorded by django-auditlog, which
is registered in ``apps.py`` with the workflow fields only, so the audit trail never
copies what the patient wrote.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from .business_time import business_days_before, business_time_between
from .choices import (
    BestTime,
    CallLanguage,
    CallOutcome,
    ContactMethod,
    Imaging,
    PainStart,
    PatientType,
    Priority,
    Status,
    WarningSymptom,
)
from .querysets import TRIAGE_ORDER, AppointmentRequestQuerySet

# The patient's questions are declared in ``questions``; the names stay importable
# from here, where the model's users look for them (and migrations for
# ``active_language``).
from .questions import (  # noqa: F401
    CHOICE_LISTS,
    NOT_EXPORTED,
    PATIENT_FIELDS,
    PATIENT_SECTIONS,
    PatientAnswers,
    active_language,
)

# No 0/O, 1/I/L: a code read out over the phone must not be misheard or mistyped.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    """A random reference code; uniqueness is the database's job (and the caller's)."""
    return get_random_string(REFERENCE_LENGTH, REFERENCE_ALPHABET)


# Unanswered calls after which the page suggests marking "No response".
UNANSWERED_CALLS_BEFORE_NO_RESPONSE = 3


class AppointmentRequest(PatientAnswers):
    """A patient's request (the fields of ``PatientAnswers``) and the front desk's
    work on it."""

    Status = Status
    Priority = Priority
    ContactMethod = ContactMethod
    BestTime = BestTime
    CallLanguage = CallLanguage
    PatientType = PatientType
    PainStart = PainStart
    Imaging = Imaging
    WarningSymptom = WarningSymptom
    CallOutcome = CallOutcome

    # --- Workflow (the front desk's) ------------------------------------------------
    reference = models.CharField(
        _("reference"),
        max_length=REFERENCE_LENGTH,
        editable=False,
        help_text=_("The code the patient was given. Ask for it on the phone."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        choices=Priority.choices,
        default=Priority.NORMAL,
        help_text=_(
            "Set from the patient's answers: urgent for warning symptoms, high for "
            "pain that started less than 8 weeks ago. You may change it after a call."
        ),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_appointment_requests",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    first_contacted_at = models.DateTimeField(
        _("first contact"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The first call attempt or change of status."),
    )
    # Business time from arrival to first contact, kept when the contact happens so
    # reports over many requests add up numbers instead of walking calendars.
    first_contact_wait = models.DurationField(
        _("business time to first contact"), null=True, blank=True, editable=False
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    ended_at = models.DateTimeField(
        _("ended"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the request was closed, declined, marked no response or spam."
        ),
    )

    # The language of the form the request was sent from: its acknowledgement is
    # written in it.
    language = models.CharField(
        _("language of the form"),
        max_length=10,
        default=active_language,
        editable=False,
    )

    # --- Emails about the request ---------------------------------------------------
    patient_acknowledged_at = models.DateTimeField(
        _("acknowledgement sent"), null=True, blank=True, editable=False
    )
    location_notified_at = models.DateTimeField(
        _("location notified"), null=True, blank=True, editable=False
    )
    acknowledgement_refused = models.BooleanField(
        _("patient's address refused"),
        default=False,
        editable=False,
        help_text=_(
            "The mail server refused the patient's email address for good, so the "
            "acknowledgement is not tried again."
        ),
    )
    email_attempts = models.PositiveSmallIntegerField(
        _("failed email attempts"), default=0, editable=False
    )
    email_last_error = models.CharField(
        _("last email error"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=_(
            "Which email failed and the kind of error only; see the server's mail "
            "settings."
        ),
    )

    objects = AppointmentRequestQuerySet.as_manager()

    class Meta:
        ordering = list(TRIAGE_ORDER)
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")
        permissions = [
            ("export_appointmentrequest", _("Can export appointment requests (CSV)")),
            ("view_reports", _("Can see the front desk's reports")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"], name="appointments_unique_reference"
            ),
            models.CheckConstraint(
                condition=~models.Q(phone="", email=""),
                name="appointments_phone_or_email",
            ),
            models.CheckConstraint(
                condition=models.Q(priority__in=Priority.values),
                name="appointments_known_priority",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="appointments_known_status",
            ),
        ]
        indexes = [
            models.Index(
                fields=["priority", "created_at"], name="appointments_triage_idx"
            ),
            models.Index(fields=["status", "ended_at"], name="appointments_status_idx"),
            # Possible duplicates are looked up by date of birth for every row.
            models.Index(fields=["date_of_birth"], name="appointments_birth_idx"),
        ]

    def __str__(self) -> str:
        # The reference only: this string lands in admin and audit logs.
        return self.reference

    @property
    def is_urgent(self) -> bool:
        return self.priority == self.Priority.URGENT

    @property
    def is_ended(self) -> bool:
        return self.status in self.Status.ends()

    def record_first_contact(self, moment) -> list[str]:
        """Note the first contact, if this is it; the fields to save."""
        if self.first_contacted_at is not None:
            return []
        self.first_contacted_at = moment
        self.first_contact_wait = business_time_between(self.created_at, moment)
        return ["first_contacted_at", "first_contact_wait"]

    def time_to_first_contact(self, *, now=None) -> timedelta:
        """Business time from arrival to the first contact, or until now."""
        end = self.first_contacted_at or now or timezone.now()
        return business_time_between(self.created_at, end)

    def is_overdue(self, *, now=None) -> bool:
        """Not contacted within the location's target (business days)."""
        if self.first_contacted_at is not None or self.is_ended:
            return False
        days = self.location.response_target_days
        return self.created_at < business_days_before(now or timezone.now(), days)


class StatusChange(models.Model):
    """One step of a request through the workflow: who moved it, from what, to what."""

    request = models.ForeignKey(
        AppointmentRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=AppointmentRequest.Status.choices
    )
    to_status = models.CharField(
        _("to"), max_length=20, choices=AppointmentRequest.Status.choices
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class StaffNote(models.Model):
    """A note the front desk keeps on a request. Notes are never edited afterwards."""

    request = models.ForeignKey(
        AppointmentRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    text = models.TextField(_("note"), max_length=2000)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("staff note")
        verbose_name_plural = _("staff notes")

    def __str__(self) -> str:
        return str(_("Note on %(reference)s") % {"reference": self.request.reference})


class SubmissionCounter(models.Model):
    """Submissions per client address and time window, for the rate limit.

    The address is stored as a keyed hash, never in clear. A row per (client, window)
    is counted up with an atomic UPDATE, so every web worker sees the same number.
    """

    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["window_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window_start"], name="appointments_one_counter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} since {self.window_start:%Y-%m-%d %H:%M}"


class CallAttempt(models.Model):
    """One phone call the front desk made about a request, and how it went."""

    request = models.ForeignKey(
        AppointmentRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="call_attempts",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=CallOutcome.choices)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    made_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["made_at", "pk"]
        verbose_name = _("call attempt")
        verbose_name_plural = _("call attempts")

    def __str__(self) -> str:
        return str(self.get_outcome_display())
