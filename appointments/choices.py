"""The answers a patient picks from, and the front desk's workflow values."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    SCHEDULED = "scheduled", _("Scheduled")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    NO_RESPONSE = "no_response", _("No response")
    SPAM = "spam", _("Spam")
    DUPLICATE = "duplicate", _("Duplicate")

    @classmethod
    def ends(cls) -> tuple[str, ...]:
        return (cls.CLOSED, cls.DECLINED, cls.NO_RESPONSE, cls.SPAM, cls.DUPLICATE)


class Priority(models.IntegerChoices):
    # The number is the rank in the queue: lower comes first.
    URGENT = 1, _("Urgent")
    HIGH = 2, _("High")
    NORMAL = 3, _("Normal")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone call")
    EMAIL = "email", _("Email")
    EITHER = "either", _("Either is fine")


class BestTime(models.TextChoices):
    MORNING = "morning", _("Morning (8am to noon)")
    AFTERNOON = "afternoon", _("Afternoon (noon to 5pm)")
    ANY = "any", _("Any time")


class CallLanguage(models.TextChoices):
    """The language the patient or their caregiver wants our calls in."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    OTHER = "other", _("Another language")


class PatientType(models.TextChoices):
    NEW = "new", _("New patient")
    RETURNING = "returning", _("Returning patient")


class PainStart(models.TextChoices):
    UNDER_8_WEEKS = "under_8_weeks", _("Less than 8 weeks ago")
    UNDER_6_MONTHS = "8_weeks_to_6_months", _("8 weeks to 6 months ago")
    OVER_6_MONTHS = "over_6_months", _("More than 6 months ago")
    NOT_SURE = "not_sure", _("I'm not sure")


class Imaging(models.TextChoices):
    XRAY = "xray", _("X-ray")
    MRI = "mri", _("MRI")
    CT = "ct", _("CT scan")
    NONE = "none", _("None yet")


class WarningSymptom(models.TextChoices):
    LEG_WEAKNESS = "leg_weakness", _("New weakness or numbness in a leg")
    BOWEL_BLADDER = "bowel_bladder", _("New loss of bowel or bladder control")
    INJURY = "injury", _("Severe pain after a fall or injury")
    FEVER = "fever", _("Fever with back pain")


class CallOutcome(models.TextChoices):
    REACHED = "reached", _("Reached")
    NO_ANSWER = "no_answer", _("No answer")
    VOICEMAIL = "voicemail", _("Left voicemail")
    WRONG_NUMBER = "wrong_number", _("Wrong number")

    @classmethod
    def unanswered(cls) -> tuple[str, ...]:
        return (cls.NO_ANSWER, cls.VOICEMAIL)
