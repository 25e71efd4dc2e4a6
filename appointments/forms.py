"""The public appointment request form.

It parses what the patient typed and shows kind messages next to each field. Rules that
join several answers live in ``services.appointment_request_check``, which the form
calls so each message lands next to its field.
"""

import time
from datetime import timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from clinic.models import Location
from education.models import Page

from . import services
from .models import AppointmentRequest
from .validators import normalise_phone, validate_birth_date, validate_person_name

TIMING_SALT = "appointments.form.started"
HONEYPOT_FIELD = "website"
TIMING_FIELD = "started"
DATE_FORMATS = ["%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m %d %Y", "%Y-%m-%d"]
MAX = AppointmentRequest.MESSAGE_MAX_LENGTH


# A form left open longer than this is sent back with a request to send it again: an
# old token, copied once, must not stay good for ever.
TIMING_MAX_AGE = timedelta(days=1)
EXPIRED = object()


def timing_token(*, shown_at: int | None = None) -> str:
    """A signed note of when the form was shown, checked when it comes back."""
    if shown_at is None:
        shown_at = int(time.time())
    return signing.dumps(shown_at, salt=TIMING_SALT)


class NameField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        super().__init__(validators=[validate_person_name], **kwargs)

    def to_python(self, value):
        # Collapse runs of spaces people type by accident, keep everything else.
        return " ".join(super().to_python(value).split())


class PhoneField(forms.CharField):
    widget = forms.TextInput(
        attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}
    )

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return normalise_phone(value) if value else ""


class TopicField(forms.ChoiceField):
    """Published procedures and conditions in two groups, or "not sure"."""

    def __init__(self, *, pages, **kwargs):
        self.pages = {str(page.pk): page for page in pages}
        groups = {Page.Kind.PROCEDURE: [], Page.Kind.CONDITION: []}
        for page in pages:
            groups.setdefault(page.kind, []).append((str(page.pk), page.title))
        headings = {
            Page.Kind.PROCEDURE: _("Procedures"),
            Page.Kind.CONDITION: _("Conditions"),
        }
        choices = [("", _("I'm not sure"))]
        choices += [
            (headings.get(kind, kind), options)
            for kind, options in groups.items()
            if options
        ]
        super().__init__(choices=choices, required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.pages.get(value) if value else None


def radios(choices, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **kwargs)


def checkboxes(choices, **kwargs) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        choices=choices, widget=forms.CheckboxSelectMultiple, required=False, **kwargs
    )


class LocationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        first_line = obj.address_lines[0] if obj.address_lines else ""
        return f"{obj.name} ({first_line})" if first_line else obj.name


class AppointmentRequestForm(forms.Form):
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
    requester_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    requester_relationship = forms.CharField(
        label=_("How are you related to the patient?"),
        help_text=_("For example: daughter, husband, carer."),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    first_name = NameField(
        label=_("First name"),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Enter the patient's first name.")},
    )
    last_name = NameField(
        label=_("Last name"),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"required": _("Enter the patient's last name.")},
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        help_text=_("Month, day and year, for example 3/27/1950."),
        input_formats=DATE_FORMATS,
        validators=[validate_birth_date],
        widget=forms.TextInput(attrs={"autocomplete": "bday"}),
        error_messages={
            "required": _("Enter the patient's date of birth."),
            "invalid": _(
                "Enter the date of birth as month/day/year, for example 3/27/1950."
            ),
        },
    )
    phone = PhoneField(
        label=_("Phone number"),
        help_text=_("Include the area code. We need a phone number or an email."),
        required=False,
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("We will email you your reference number."),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )
    contact_method = radios(
        AppointmentRequest.ContactMethod.choices,
        label=_("How should we contact you?"),
        initial=AppointmentRequest.ContactMethod.PHONE,
        error_messages={"required": _("Choose how we should contact you.")},
    )
    best_time = radios(
        AppointmentRequest.BestTime.choices,
        label=_("When is the best time to call?"),
        initial=AppointmentRequest.BestTime.ANY,
        error_messages={"required": _("Choose the best time to call.")},
    )
    location = LocationChoiceField(
        label=_("Which location suits you best?"),
        queryset=Location.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the location that suits you best.")},
    )
    patient_type = radios(
        AppointmentRequest.PatientType.choices,
        label=_("Has the patient been to our clinic before?"),
        error_messages={"required": _("Tell us if the patient is new to us.")},
    )
    pain_started = radios(
        AppointmentRequest.PainStart.choices,
        label=_("When did the pain start?"),
        error_messages={"required": _("Tell us when the pain started.")},
    )
    imaging = checkboxes(
        AppointmentRequest.Imaging.choices,
        label=_("Has the patient had any scans of their back? (optional)"),
        help_text=_("Tick all that apply."),
    )
    referring_physician = forms.CharField(
        label=_("Doctor who referred you (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    insurance_carrier = forms.CharField(
        label=_("Insurance company (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    message = forms.CharField(
        label=_("Anything else you would like us to know? (optional)"),
        help_text=_("Up to %(max)s characters.") % {"max": f"{MAX:,}"},
        max_length=MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "data-max-length": MAX}),
        error_messages={
            "max_length": _(
                "Please shorten your message to %(limit_value)s characters or fewer "
                "(it has %(show_value)s). We can talk about the rest on the phone."
            )
        },
    )
    warning_symptoms = checkboxes(
        AppointmentRequest.WarningSymptom.choices,
        label=_("Does the patient have any of these warning signs?"),
        help_text=_(
            "If any of these is true, please call 911 or go to the nearest emergency "
            "room now. You can still send this form."
        ),
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

    # Fields whose error link goes to the first of several inputs.
    GROUPED = (
        "for_someone_else",
        "contact_method",
        "best_time",
        "location",
        "patient_type",
        "pain_started",
        "imaging",
        "warning_symptoms",
    )

    def __init__(self, *args, topics=None, locations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topics is None:
            topics = list(Page.objects.published().only("pk", "kind", "title"))
        self.fields["topic"] = TopicField(
            pages=topics,
            label=_("What would you like to talk about?"),
            help_text=_("Choose “I'm not sure” if you do not know."),
        )
        self.order_fields(services.PATIENT_FIELDS)
        self.fields["location"].queryset = Location.objects.active()
        if locations is None:
            locations = list(Location.objects.active().only("pk"))
        if len(locations) == 1:
            self.fields["location"].initial = locations[0].pk
        if not self.is_bound:
            self.initial.setdefault(TIMING_FIELD, timing_token())
        self.fields["consent"].help_text = format_html(
            '<a class="standalone-link" href="{}">'
            "How we use and protect your information</a>",
            reverse("clinic:privacy"),
        )
        # The limit is checked on sending, with a message; a maxlength attribute
        # would cut a pasted message short without telling anyone.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True  # the template's <form> carries the token
        helper.layout = Layout(
            Div(
                "for_someone_else",
                Div(
                    HTML(
                        '<p class="form-text">'
                        + str(_("Only if you are filling this in for someone else:"))
                        + "</p>"
                    ),
                    "requester_name",
                    "requester_relationship",
                    css_id="requester",
                ),
                css_class="mb-4",
            ),
            Fieldset(
                _("About the patient"),
                HTML(
                    '<p class="form-text">'
                    + str(
                        _(
                            "If you are filling this in for someone else, "
                            "give their details here."
                        )
                    )
                    + "</p>"
                ),
                "first_name",
                "last_name",
                "date_of_birth",
            ),
            Fieldset(
                _("How we can reach you"),
                "phone",
                "email",
                "contact_method",
                "best_time",
            ),
            Fieldset(
                _("The visit"),
                "location",
                "topic",
                "patient_type",
                "pain_started",
                "imaging",
                "referring_physician",
                "insurance_carrier",
            ),
            # One block: the question, its boxes and the 911 advice, in that order,
            # so ticking a box shows the advice below it and moves nothing above.
            Fieldset(
                _("Warning signs"),
                "warning_symptoms",
                HTML('{% include "appointments/_emergency_alert.html" %}'),
                css_class="warning-signs",
            ),
            Fieldset(_("Anything else"), "message", "consent"),
            Div(HONEYPOT_FIELD, css_class="form-extra"),
            TIMING_FIELD,
        )
        return helper

    # --- Bots ------------------------------------------------------------------
    def looks_automated(self) -> bool:
        """True for a filled honeypot, a missing or forged timing token, or a form
        sent back faster than a person could fill it in.

        A genuine token that is too old is not a bot's: ``clean`` asks the person to
        send the form again.
        """
        if self.data.get(HONEYPOT_FIELD):
            return True
        shown_at = self._shown_at()
        if shown_at is EXPIRED:
            return False
        if shown_at is None:
            return True
        return time.time() - shown_at < settings.APPOINTMENT_MIN_FILL_SECONDS

    def _shown_at(self):
        """When the form was shown; EXPIRED, or None for a missing or forged token."""
        try:
            shown_at = signing.loads(
                self.data.get(TIMING_FIELD, ""),
                salt=TIMING_SALT,
                max_age=TIMING_MAX_AGE,
            )
        except signing.SignatureExpired:
            return EXPIRED
        except signing.BadSignature:
            return None
        return shown_at if isinstance(shown_at, int) else None

    def _renew_timing_token(self) -> None:
        # The page comes back with what they typed and a fresh token. It counts as
        # already filled in, so sending it straight away is not taken for a bot.
        data = self.data.copy()
        data[TIMING_FIELD] = timing_token(
            shown_at=int(time.time()) - settings.APPOINTMENT_MIN_FILL_SECONDS
        )
        self.data = data

    # --- Validation ------------------------------------------------------------
    def clean_imaging(self):
        return list(self.cleaned_data["imaging"])

    def clean_warning_symptoms(self):
        return list(self.cleaned_data["warning_symptoms"])

    def clean(self):
        cleaned = super().clean()
        if self._shown_at() is EXPIRED:
            self._renew_timing_token()
            self.add_error(
                None,
                _(
                    "This form was open for a long time, so it was not sent. Please "
                    "check your answers and send it again."
                ),
            )
        try:
            services.appointment_request_check(data=cleaned)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                # A field that could not be read already says why; one message each.
                if field not in self.errors:
                    self.add_error(field, messages)
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
                if name in self.GROUPED:
                    anchor += "_0"
                items.append((anchor, message))
        for message in self.non_field_errors():
            items.append(("appointment-form", message))
        return items
