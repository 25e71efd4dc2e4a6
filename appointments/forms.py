"""The public appointment request form.

It parses what the patient typed and shows kind messages next to each field. Rules that
join several answers live in ``services.appointment_request_check``, which the form
calls so each message lands next to its field.
"""

import calendar
import re
import secrets
import time
from datetime import date, timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from clinic.models import Location
from education.models import Page

from . import services
from .models import (
    CHOICE_LISTS,
    PATIENT_FIELDS,
    PATIENT_SECTIONS,
    AppointmentRequest,
    active_language,
)

TIMING_SALT = "appointments.form.started"
HONEYPOT_FIELD = "website"
TIMING_FIELD = "started"
DATE_FORMATS = ["%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m %d %Y", "%Y-%m-%d"]
MAX = AppointmentRequest.MESSAGE_MAX_LENGTH
# A number as the page's language writes it ("1,000", "1.000"), when it is shown.
grouped = lazy(lambda number: number_format(number, force_grouping=True), str)
FOR_SOMEONE_ELSE = _("Only if you are filling this in for someone else:")
YOUR_CONTACT = _(
    "If you are filling this in for someone else, give your own phone and email: "
    "we will contact you."
)
ABOUT_PATIENT = _(
    "If you are filling this in for someone else, give their details here."
)


# A form left open longer than this is sent back with a request to send it again: an
# old token, copied once, must not stay good for ever.
TIMING_MAX_AGE = timedelta(days=1)
EXPIRED = object()


# A token is good for one request: once a form carrying it passes every check, it is
# remembered (in the shared cache) until it would have expired anyway.
USED_FORM_KEY = "appointments:form-token-used:{}"
CHECK_AND_SEND_AGAIN = _(
    "Your request was not sent yet. Please check your answers below and press "
    "“Send my request” again."
)
ALREADY_SENT = _(
    "This form was already sent from this page, so it was not sent again. If you "
    "did not see a confirmation with a reference number, check your answers and "
    "send it again."
)


def timing_token(*, shown_at: int | None = None) -> str:
    """A signed note of when the form was shown, checked when it comes back, with
    a random part that lets each token be used once."""
    if shown_at is None:
        shown_at = int(time.time())
    return signing.dumps([shown_at, secrets.token_urlsafe(12)], salt=TIMING_SALT)


MONTHS = {
    name.lower(): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}
MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
TWO_DIGIT_YEAR = re.compile(r"\d{1,2}[/.\- ]\d{1,2}[/.\- ]\d{2}")


class DateOfBirthField(forms.DateField):
    """Reads the ways people in the US write a date: 3/14/1952, 03-14-1952,
    3 / 14 / 1952, March 14, 1952, Mar 14 1952, 14 March 1952, 1952-03-14."""

    def to_python(self, value):
        text = " ".join(str(value or "").lower().split()).rstrip(".")
        if re.fullmatch(r"[\d\s/.\-]+", text):  # 3 / 14 / 1952
            text = re.sub(r"\s*([/.\-])\s*", r"\1", text)
        if not text:
            return None
        if TWO_DIGIT_YEAR.fullmatch(text):
            raise ValidationError(
                self.error_messages["two_digit_year"], code="two_digit_year"
            )
        for pattern, month_at, day_at in ((MONTH_FIRST, 1, 2), (DAY_FIRST, 2, 1)):
            match = pattern.fullmatch(text)
            if match and match.group(month_at) in MONTHS:
                try:
                    return date(
                        int(match.group(3)),
                        MONTHS[match.group(month_at)],
                        int(match.group(day_at)),
                    )
                except ValueError:
                    break
        return super().to_python(text)


class NameField(forms.CharField):
    def to_python(self, value):
        # Collapse runs of spaces people type by accident, keep everything else.
        return " ".join(super().to_python(value).split())


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


class LocationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        first_line = obj.address_lines[0] if obj.address_lines else ""
        return f"{obj.name} ({first_line})" if first_line else obj.name


def patient_formfield(db_field, **kwargs):
    """A question's input, derived from its model field: a few choices are radio
    buttons (no blank option: the patient picks one), a list answer is checkboxes."""
    if db_field.name in CHOICE_LISTS:
        kwargs.setdefault("label", capfirst(db_field.verbose_name))
        return forms.MultipleChoiceField(
            choices=CHOICE_LISTS[db_field.name].choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            **kwargs,
        )
    if db_field.choices or isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("widget", forms.RadioSelect)
    field = db_field.formfield(**kwargs)
    if isinstance(field.widget, forms.RadioSelect) and hasattr(field, "empty_label"):
        field.empty_label = None
    elif isinstance(field.widget, forms.RadioSelect):
        field.choices = [choice for choice in field.choices if choice[0] != ""]
    return field


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
            "patient_phone": {
                "invalid": _(
                    "Enter a phone number we can call, with the area code, like "
                    "(202) 555-0143."
                )
            },
            "phone": {
                "invalid": _(
                    "Enter a phone number we can call, with the area code, like "
                    "(202) 555-0143."
                )
            },
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
        self.fields["date_of_birth"].input_formats = DATE_FORMATS
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
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True  # the template's <form> carries the token
        helper.layout = Layout(
            *(
                Fieldset(
                    title,
                    *map(self._place, names),
                    css_class="warning-signs" if "warning_symptoms" in names else "",
                )
                for title, names in PATIENT_SECTIONS
            ),
            Div(HONEYPOT_FIELD, css_class="form-extra"),
            TIMING_FIELD,
        )
        return helper

    @staticmethod
    def _place(name: str):
        """A question in the layout, with what the page shows around it."""
        if name == "requester_name":
            # Only for someone asking on another's behalf; hidden by the script
            # until "Someone else" is chosen.
            return Div(
                HTML(f'<p class="form-text">{FOR_SOMEONE_ELSE}</p>'),
                name,
                "requester_relationship",
                "patient_phone",
                css_id="requester",
            )
        if name in ("requester_relationship", "patient_phone"):
            return HTML("")
        if name == "phone":
            # Whose phone and email: the person filling in the form.
            return Div(HTML(f'<p class="form-text">{YOUR_CONTACT}</p>'), name)
        if name == "first_name":
            return Div(HTML(f'<p class="form-text">{ABOUT_PATIENT}</p>'), name)
        if name == "warning_symptoms":
            # The question, its boxes and the 911 advice, in that order, so ticking
            # a box shows the advice below it and moves nothing above.
            return Div(name, HTML('{% include "appointments/_emergency_alert.html" %}'))
        return name

    # --- Bots ------------------------------------------------------------------
    def looks_automated(self) -> bool:
        """True for a filled honeypot: only robots fill in a field nobody sees.

        Everything else that looks odd (a missing or forged timing token, a form
        sent back faster than a person types, which autofill does) may be a person:
        ``clean`` gives them the form back, with their answers, to send again.
        """
        return bool(self.data.get(HONEYPOT_FIELD))

    def sent_too_fast(self) -> bool:
        """A missing or forged timing token, or sent sooner than a person could."""
        shown_at = self._shown_at()
        if shown_at is EXPIRED:
            return False
        if shown_at is None:
            return True
        return time.time() - shown_at < settings.APPOINTMENT_MIN_FILL_SECONDS

    def _shown_at(self):
        """When the form was shown; EXPIRED, or None for a missing or forged token."""
        token = self._token()
        return token if token in (None, EXPIRED) else token[0]

    def _token(self):
        """(shown_at, once) from the signed token; EXPIRED, or None if missing or
        forged. A token of the old kind (a bare time) counts as expired, so the
        person is asked to send again with a new one."""
        try:
            token = signing.loads(
                self.data.get(TIMING_FIELD, ""),
                salt=TIMING_SALT,
                max_age=TIMING_MAX_AGE,
            )
        except signing.SignatureExpired:
            return EXPIRED
        except signing.BadSignature:
            return None
        if isinstance(token, int):
            return EXPIRED
        if (
            isinstance(token, list)
            and len(token) == 2
            and isinstance(token[0], int)
            and isinstance(token[1], str)
        ):
            return tuple(token)
        return None

    def _use_token(self) -> bool:
        """Mark this form's token used; False if it was used already."""
        token = self._token()
        if token in (None, EXPIRED):
            return True
        return cache.add(
            USED_FORM_KEY.format(token[1]),
            True,
            timeout=int(TIMING_MAX_AGE.total_seconds()),
        )

    def add_error(self, field, error):
        # Whatever the problem, the page comes back with a fresh token: the one it
        # carried may have been used (see ``clean``).
        super().add_error(field, error)
        self._renew_timing_token()

    def _renew_timing_token(self) -> None:
        # The page comes back with what they typed and a fresh token. It counts as
        # already filled in, so sending it straight away is not taken for a bot.
        data = self.data.copy()
        data[TIMING_FIELD] = timing_token(
            shown_at=int(time.time()) - settings.APPOINTMENT_MIN_FILL_SECONDS
        )
        self.data = data

    # --- Validation ------------------------------------------------------------
    def clean_preferred_language(self):
        return self.cleaned_data["preferred_language"] or active_language()

    def clean_imaging(self):
        return list(self.cleaned_data["imaging"])

    def clean_warning_symptoms(self):
        return list(self.cleaned_data["warning_symptoms"])

    def clean(self):
        cleaned = super().clean()
        if self.sent_too_fast():
            self.add_error(None, CHECK_AND_SEND_AGAIN)
        elif self._shown_at() is EXPIRED:
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
        if not self.errors and not self._use_token():
            self.add_error(None, ALREADY_SENT)
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
