"""The patient's questions, declared once: the fields a patient fills in, the sections
the form and the admin show them in, and how the front desk reads the answers.

``PatientAnswers`` is the abstract part of ``models.AppointmentRequest`` that the
patient writes; everything else on a request is the front desk's. The public form, the
admin's read-only fieldsets and the CSV export all derive from ``PATIENT_SECTIONS``: a
new question is a field here plus its name in a section.
"""

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .choices import (
    BestTime,
    CallLanguage,
    ContactMethod,
    Imaging,
    PainStart,
    PatientType,
    WarningSymptom,
)
from .validators import validate_birth_date, validate_free_text, validate_person_name

# The questions in the order the form asks them, in the groups the form and the admin
# show.
PATIENT_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        _("Who is asking"),
        (
            "for_someone_else",
            "requester_name",
            "requester_relationship",
            "patient_phone",
        ),
    ),
    (_("About the patient"), ("first_name", "last_name", "date_of_birth")),
    (
        _("How we can reach you"),
        (
            "phone",
            "email",
            "contact_method",
            "best_time",
            "preferred_language",
            "interpreter_needed",
        ),
    ),
    (
        _("The visit"),
        (
            "location",
            "topic",
            "patient_type",
            "pain_started",
            "imaging",
            "referring_physician",
            "insurance_carrier",
        ),
    ),
    (_("Warning signs"), ("warning_symptoms",)),
    (_("Anything else"), ("message", "consent")),
)
PATIENT_FIELDS = tuple(name for _title, names in PATIENT_SECTIONS for name in names)
# Answers a patient ticks from a list, stored as a JSON list of codes.
CHOICE_LISTS = {"imaging": Imaging, "warning_symptoms": WarningSymptom}
# An export is a copy outside the system: it leaves out what the patient wrote in
# their own words and their symptoms.
NOT_EXPORTED = frozenset({"message", "warning_symptoms"})


def active_language() -> str:
    """The language of the page being answered (``LANGUAGES``), English outside one."""
    return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)


class PatientAnswers(models.Model):
    """What the patient sent: the fields of ``PATIENT_SECTIONS``."""

    MESSAGE_MAX_LENGTH = 1000

    first_name = models.CharField(
        _("first name"), max_length=100, validators=[validate_person_name]
    )
    last_name = models.CharField(
        _("last name"), max_length=100, validators=[validate_person_name]
    )
    date_of_birth = models.DateField(
        _("date of birth"), validators=[validate_birth_date]
    )
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    contact_method = models.CharField(
        _("preferred contact"),
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.PHONE,
    )
    best_time = models.CharField(
        _("best time to call"),
        max_length=10,
        choices=BestTime.choices,
        default=BestTime.ANY,
    )
    preferred_language = models.CharField(
        _("language for calls"),
        max_length=10,
        choices=CallLanguage.choices,
        default=active_language,
    )
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    location = models.ForeignKey(
        "clinic.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="appointment_requests",
    )
    topic = models.ForeignKey(
        "education.Page",
        verbose_name=_("topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointment_requests",
        help_text=_("Empty means the patient was not sure."),
    )
    # Kept when the page is deleted later, so the front desk still knows what the
    # patient asked about.
    topic_title = models.CharField(
        _("topic as chosen"), max_length=200, blank=True, editable=False
    )
    patient_type = models.CharField(
        _("new or returning"), max_length=10, choices=PatientType.choices
    )
    pain_started = models.CharField(
        _("pain started"), max_length=20, choices=PainStart.choices
    )
    imaging = models.JSONField(_("imaging done"), default=list, blank=True)
    referring_physician = models.CharField(
        _("referring physician"),
        max_length=120,
        blank=True,
        validators=[validate_free_text],
    )
    insurance_carrier = models.CharField(
        _("insurance carrier"),
        max_length=120,
        blank=True,
        validators=[validate_free_text],
    )
    message = models.TextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        blank=True,
        validators=[validate_free_text],
    )
    warning_symptoms = models.JSONField(_("warning symptoms"), default=list, blank=True)
    consent = models.BooleanField(_("consented to be contacted"), default=False)
    for_someone_else = models.BooleanField(_("sent by someone else"), default=False)
    requester_name = models.CharField(
        _("sent by"), max_length=120, blank=True, validators=[validate_person_name]
    )
    requester_relationship = models.CharField(
        _("relationship to the patient"),
        max_length=60,
        blank=True,
        validators=[validate_free_text],
    )
    # When someone else asks, ``phone`` and ``email`` are theirs; this is the
    # patient's own number, if they gave it.
    patient_phone = PhoneNumberField(_("patient's own phone"), blank=True)

    class Meta:
        abstract = True

    @property
    def patient_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def contact_name(self) -> str:
        """Whom the front desk calls: the patient, or who asked on their behalf."""
        if self.for_someone_else and self.requester_name:
            return str(
                _("%(name)s (%(relationship)s of the patient)")
                % {
                    "name": self.requester_name,
                    "relationship": self.requester_relationship,
                }
            )
        return self.patient_name

    def language_summary(self) -> str:
        """For the queue: "Spanish + interpreter", "English"."""
        language = str(self.get_preferred_language_display())
        if self.interpreter_needed:
            return str(_("%(language)s + interpreter") % {"language": language})
        return language

    @property
    def topic_display(self) -> str:
        if self.topic_id:
            return self.topic.title
        if self.topic_title:
            return str(
                _("%(title)s (page since deleted)") % {"title": self.topic_title}
            )
        return ""

    def labels(self, name: str) -> list[str]:
        """The labels of the codes ticked in a list answer (``CHOICE_LISTS``)."""
        return [str(CHOICE_LISTS[name](code).label) for code in getattr(self, name)]

    def answer(self, name: str) -> str:
        """A patient's answer as staff read it, for the admin and the export."""
        value = getattr(self, name)
        field = self._meta.get_field(name)
        if name == "topic":
            return self.topic_display
        if name in CHOICE_LISTS:
            return "; ".join(self.labels(name))
        if field.choices:
            return str(getattr(self, f"get_{name}_display")())
        if isinstance(value, bool):
            return str(_("Yes") if value else _("No"))
        if name == "date_of_birth":
            return date_format(value, "SHORT_DATE_FORMAT")
        return "" if value is None else str(value)
