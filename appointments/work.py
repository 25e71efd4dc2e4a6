"""A request's page in the admin: the work panel at the top and the form behind it.

The panel shows what matters first (warning signs, whom to call and when), then the
one-click steps: a call's outcome, a note, the next status, assign to me, close as
a duplicate. Each step is a submit button named after a field of the form.
"""

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from phonenumbers import PhoneNumber, region_code_for_number

from . import services
from .models import UNANSWERED_CALLS_BEFORE_NO_RESPONSE, AppointmentRequest, StaffNote

Status = AppointmentRequest.Status
CallOutcome = AppointmentRequest.CallOutcome

# The work panel's buttons, each a submit button named after its form field.
QUICK_STEPS = ("call", "next_status", "assign_me", "duplicate_of")


def work_panel_context(obj: AppointmentRequest, *, user) -> dict:
    """What the top of a request's page shows: who to call and when, the calls so
    far, the next steps, possible duplicates and the whole history in order."""
    calls = list(obj.call_attempts.select_related("made_by"))
    notes = list(obj.notes.select_related("author"))
    changes = list(obj.status_changes.select_related("changed_by"))
    history = sorted(
        [
            (c.made_at, c.made_by, _("Call: %(outcome)s") % {"outcome": c}, "")
            for c in calls
        ]
        + [(n.created_at, n.author, _("Note"), n.text) for n in notes]
        + [
            (c.changed_at, c.changed_by, _("Status: %(change)s") % {"change": c}, "")
            for c in changes
        ],
        key=lambda entry: entry[0],
    )
    unanswered = 0
    for call in reversed(calls):
        if call.outcome not in CallOutcome.unanswered():
            break
        unanswered += 1
    allowed = services.allowed_transitions(obj.status)
    return {
        "work": {
            "request": obj,
            "warning": obj.answer("warning_symptoms"),
            "phone": phone_link(obj.phone),
            "patient_phone": phone_link(obj.patient_phone) if obj.patient_phone else "",
            "calls": calls,
            "outcomes": CallOutcome.choices,
            "suggest_no_response": (
                unanswered >= UNANSWERED_CALLS_BEFORE_NO_RESPONSE
                and Status.NO_RESPONSE in allowed
            ),
            "next_statuses": [
                (v, label)
                for v, label in Status.choices
                if v in allowed and v != Status.DUPLICATE
            ],
            "duplicates": list(
                AppointmentRequest.objects.possible_duplicates_of(obj).select_related(
                    "location"
                )
            ),
            "can_close_as_duplicate": Status.DUPLICATE in allowed,
            "assigned_to_me": obj.assigned_to_id == user.pk,
            "history": history,
            "overdue": obj.is_overdue(),
        }
    }


def phone_link(phone) -> str:
    """A phone number as staff read it (national at home), to tap or click."""
    return _read_phone(phone)[1]


def has_phone(phone) -> bool:
    """``bool(phone)``, which formats the number, remembered with its link."""
    return _read_phone(phone)[0]


# Formatting a number and finding its region take longer than drawing the rest of
# its row in the queue, so each number's link is kept, by everything it is made of.
_PHONE_LINKS: dict[tuple, tuple[bool, str]] = {}
_PHONE_LINKS_KEPT = 4096


def _read_phone(phone) -> tuple[bool, str]:
    if not isinstance(phone, PhoneNumber):
        return bool(phone), _link(phone)
    key = (
        settings.PHONENUMBER_DEFAULT_REGION,
        phone.country_code,
        phone.national_number,
        phone.extension,
        phone.italian_leading_zero,
        phone.number_of_leading_zeros,
        phone.raw_input,
        phone.country_code_source,
        phone.preferred_domestic_carrier_code,
    )
    read = _PHONE_LINKS.get(key)
    if read is None:
        if len(_PHONE_LINKS) >= _PHONE_LINKS_KEPT:
            _PHONE_LINKS.clear()
        read = _PHONE_LINKS[key] = (bool(phone), _link(phone))
    return read


def _link(phone) -> str:
    if not phone:
        return "-"
    home = region_code_for_number(phone) == settings.PHONENUMBER_DEFAULT_REGION
    shown = phone.as_national if home else phone.as_international
    return format_html('<a href="tel:{}">{}</a>', phone.as_e164, shown)


# --- The change form ----------------------------------------------------------------
class AppointmentRequestAdminForm(forms.ModelForm):
    """Staff fields, and the one-click steps of the work panel at the top of the
    page: a call's outcome, a note, the next status, assign to me, close as a
    duplicate. Each step is a submit button named after its field."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=StaffNote._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Saved with your name and the time when you press any button below. "
            "Notes cannot be changed afterwards."
        ),
    )
    call = forms.ChoiceField(choices=CallOutcome.choices, required=False)
    next_status = forms.ChoiceField(choices=Status.choices, required=False)
    assign_me = forms.BooleanField(required=False)
    duplicate_of = forms.ModelChoiceField(
        queryset=AppointmentRequest.objects.none(), required=False
    )

    class Meta:
        model = AppointmentRequest
        fields = ("status", "priority", "assigned_to")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[
                "duplicate_of"
            ].queryset = AppointmentRequest.objects.possible_duplicates_of(
                self.instance
            )
        current = self.instance.status
        allowed = services.allowed_transitions(current)
        self.fields["status"].choices = [
            (value, label)
            for value, label in Status.choices
            if value == current or value in allowed
        ]
        self.fields["status"].help_text = _(
            "Only the next steps that make sense are offered."
        )

    def clean_status(self):
        status = self.data.get("next_status") or self.cleaned_data["status"]
        if status != self.instance.status:
            services.check_transition(
                from_status=self.instance.status, to_status=status
            )
        return status
