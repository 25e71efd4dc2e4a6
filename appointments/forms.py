"""The public appointment request form.

It parses what the patient typed and shows kind messages next to each field. Rules that
join several answers live in ``services.appointment_request_check``, which the form
calls so each message lands next to its field. The inputs are in ``fields``, the
layout in ``formlayout`` and the bot checks in ``botcheck``.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from clinic.models import Location
from education.models import Page

from . import botcheck, services
from .botcheck import HONEYPOT_FIELD, TIMING_FIELD, timing_token
from .fields import (
    DateOfBirthField,
    LocationChoiceField,
    NameField,
    TopicField,
    patient_formfield,
)
from .formlayout import form_helper
from .models import AppointmentRequest
from .questions import PATIENT_FIELDS, active_language

MAX = AppointmentRequest.MESSAGE_MAX_LENGTH
# A number as the page's language writes it ("1,000", "1.000"), when it is shown.
grouped = lazy(lambda number: number_format(number, force_grouping=True), str)
PHONE_INVALID = _(
    "Enter a phone number we can call, with the area code, like (202) 555-0143."
)


class AppointmentRequestForm(forms.ModelForm):
    """The patient's questions of ``PATIENT_SECTIONS``, worded for the patient.

    Fields, order and sections come from the model's declaration; this class only
    words the questions, hints and messages, and adds the bot checks.
    """

    for_someone_else = forms.TypedChoiceField(
        label=_("Who needs the appointment?"),
        choices=[
            ("no", _("Me")),
            ("yes", _("Someone else, for example a parent or partner")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
        error_messages={"required": _("Tell us who needs the appointment.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the clinic may contact me about this request."),
        error_messages={"required": services.CONSENT_REQUIRED},
    )
    # Left empty by people (it is hidden); filled in by many bots.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AppointmentRequest
        fields = PATIENT_FIELDS
        formfield_callback = patient_formfield
        field_classes = {
            "first_name": NameField,
            "last_name": NameField,
            "location": LocationChoiceField,
            "date_of_birth": DateOfBirthField,
        }
        labels = {
            "requester_name": _("Your name"),
            "requester_relationship": _("How are you related to the patient?"),
            "patient_phone": _("The patient's own phone number (optional)"),
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "date_of_birth": _("Date of birth"),
            "phone": _("Your phone number"),
            "email": _("Your email address (optional)"),
            "contact_method": _("How should we contact you?"),
            "best_time": _("When is the best time to call?"),
            "preferred_language": _("Which language should we speak when we call?"),
            "interpreter_needed": _("We need an interpreter for calls and visits"),
            "location": _("Which location suits you best?"),
            "topic": _("What would you like to talk about?"),
            "patient_type": _("Has the patient been to our clinic before?"),
            "pain_started": _("When did the pain start?"),
            "imaging": _("Has the patient had any scans of their back? (optional)"),
            "referring_physician": _("Doctor who referred you (optional)"),
            "insurance_carrier": _("Insurance company (optional)"),
            "message": _("Anything else you would like us to know? (optional)"),
            "warning_symptoms": _("Does the patient have any of these warning signs?"),
        }
        help_texts = {
            "requester_relationship": _("For example: daughter, husband, carer."),
            "patient_phone": _(
                "Only if it is not yours. We will call you first, on the number you "
                "give below."
            ),
            "date_of_birth": _("Month, day and year, for example 3/27/1950."),
            "phone": _("Include the area code. We need a phone number or an email."),
            "email": _("We will email you your reference number."),
            "topic": _("Choose “I'm not sure” if you do not know."),
            "imaging": _("Tick all that apply."),
            "interpreter_needed": _(
                "Tick this if the patient, or you, would like an interpreter."
            ),
            "message": format_lazy(_("Up to {max} characters."), max=grouped(MAX)),
            "warning_symptoms": _(
                "If any of these is true, please call 911 or go to the nearest "
                "emergency room now. You can still send this form."
            ),
        }
        widgets = {
            "requester_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "requester_relationship": forms.TextInput(attrs={"autocomplete": "off"}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "date_of_birth": forms.TextInput(attrs={"autocomplete": "bday"}),
            "phone": forms.TextInput(
                attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}
            ),
            "patient_phone": forms.TextInput(
                attrs={"type": "tel", "autocomplete": "off", "inputmode": "tel"}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "referring_physician": forms.TextInput(attrs={"autocomplete": "off"}),
            "insurance_carrier": forms.TextInput(attrs={"autocomplete": "off"}),
            "message": forms.Textarea(
                attrs={
                    "rows": 5,
                    "data-max-length": MAX,
                    # The counter's words (static/js/appointments.js puts the number
                    # in place of N), in the page's language.
                    "data-count-left": _("N characters left"),
                    "data-count-over": _(
                        "N characters too many. Please shorten your message."
                    ),
                }
            ),
        }
        error_messages = {
            "first_name": {"required": _("Enter the patient's first name.")},
            "last_name": {"required": _("Enter the patient's last name.")},
            "date_of_birth": {
                "required": _("Enter the patient's date of birth."),
                "invalid": _(
                    "Enter the date of birth as month/day/year, for example 3/27/1950."
                ),
                "two_digit_year": _(
                    "Please write the year in full, for example 3/27/1950 rather "
                    "than 3/27/50."
                ),
            },
            "patient_phone": {"invalid": PHONE_INVALID},
            "phone": {"invalid": PHONE_INVALID},
            "email": {"invalid": _("Enter an email address like name@example.com.")},
            "contact_method": {"required": _("Choose how we should contact you.")},
            "best_time": {"required": _("Choose the best time to call.")},
            "location": {"required": _("Choose the location that suits you best.")},
            "patient_type": {"required": _("Tell us if the patient is new to us.")},
            "pain_started": {"required": _("Tell us when the pain started.")},
            "message": {
                "max_length": _(
                    "Please shorten your message to %(limit_value)s characters or "
                    "fewer (it has %(show_value)s). We can talk about the rest on "
                    "the phone."
                )
            },
        }

    def __init__(self, *args, topics=None, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topics is None:
            topics = list(Page.objects.published().only("pk", "kind", "title"))
        topic = self.fields["topic"]
        self.fields["topic"] = TopicField(
            pages=topics, label=topic.label, help_text=topic.help_text
        )
        # Answered already with the page's language (the model's default), so a
        # form sent without it keeps that; it is not sent back as a hidden "initial".
        self.fields["preferred_language"].show_hidden_initial = False
        self.fields["preferred_language"].required = False
        # Read when the form is made, as the model field reads it when it parses.
        for name in ("phone", "patient_phone"):
            self.fields[name].region = settings.PHONENUMBER_DEFAULT_REGION
        self.fields["location"].queryset = Location.objects.active()
        if locations is None:
            locations = list(Location.objects.active().only("pk"))
        if len(locations) == 1:
            self.fields["location"].initial = locations[0].pk
        if not self.is_bound:
            self.initial.setdefault(TIMING_FIELD, timing_token())
        self.fields["consent"].help_text = format_html(
            '<a class="standalone-link" href="{}">{}</a>',
            reverse("clinic:privacy"),
            _("How we use and protect your information"),
        )
        # The limit is checked on sending, with a message; a maxlength attribute
        # would cut a pasted message short without telling anyone.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.helper = form_helper()

    # --- Bots ------------------------------------------------------------------
    def looks_automated(self) -> bool:
        """True for a filled honeypot: only robots fill in a field nobody sees.

        Everything else that looks odd (a missing or forged timing token, a form
        sent back faster than a person types, which autofill does) may be a person:
        ``clean`` gives them the form back, with their answers, to send again.
        """
        return bool(self.data.get(HONEYPOT_FIELD))

    def add_error(self, field, error):
        # Whatever the problem, the page comes back with what they typed and a fresh
        # token: the one it carried may have been used (see ``clean``).
        super().add_error(field, error)
        data = self.data.copy()
        data[TIMING_FIELD] = botcheck.refilled_token()
        self.data = data

    # --- Validation ------------------------------------------------------------
    def clean_preferred_language(self):
        return self.cleaned_data["preferred_language"] or active_language()

    def clean(self):
        cleaned = super().clean()
        # After the fields' checks: an error there has put a fresh token in already.
        token = botcheck.read_token(self.data.get(TIMING_FIELD, ""))
        if botcheck.sent_too_fast(token):
            self.add_error(None, botcheck.CHECK_AND_SEND_AGAIN)
        elif token is botcheck.EXPIRED:
            self.add_error(None, botcheck.OPEN_TOO_LONG)
        try:
            services.appointment_request_check(data=cleaned)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                # A field that could not be read already says why; one message each.
                if field not in self.errors:
                    self.add_error(field, messages)
        if not self.errors and not botcheck.use_token(token):
            self.add_error(None, botcheck.ALREADY_SENT)
        return cleaned

    @property
    def has_warning_symptoms(self) -> bool:
        if not self.is_bound:
            return False
        if hasattr(self.data, "getlist"):
            return bool(self.data.getlist("warning_symptoms"))
        return bool(self.data.get("warning_symptoms"))

    def error_summary(self) -> list[tuple[str, str]]:
        """(anchor, message) pairs in the order of the fields on the page."""
        items = []
        for name in self.fields:
            for message in self.errors.get(name, []):
                anchor = self[name].auto_id
                if isinstance(
                    self.fields[name].widget,
                    forms.RadioSelect | forms.CheckboxSelectMultiple,
                ):
                    anchor += "_0"  # the first of several inputs
                items.append((anchor, message))
        for message in self.non_field_errors():
            items.append(("appointment-form", message))
        return items
