"""The public form's layout: a fieldset per section of ``PATIENT_SECTIONS``, with
what the page shows around some questions, then the bot checks' fields."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django.utils.translation import gettext_lazy as _

from .botcheck import HONEYPOT_FIELD, TIMING_FIELD
from .questions import PATIENT_SECTIONS

FOR_SOMEONE_ELSE = _("Only if you are filling this in for someone else:")
YOUR_CONTACT = _(
    "If you are filling this in for someone else, give your own phone and email: "
    "we will contact you."
)
ABOUT_PATIENT = _(
    "If you are filling this in for someone else, give their details here."
)


def form_helper() -> FormHelper:
    """The crispy-forms helper that draws the request form's fields."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the template's <form> carries the token
    helper.layout = Layout(
        *(
            Fieldset(
                title,
                *map(place, names),
                css_class="warning-signs" if "warning_symptoms" in names else "",
            )
            for title, names in PATIENT_SECTIONS
        ),
        Div(HONEYPOT_FIELD, css_class="form-extra"),
        TIMING_FIELD,
    )
    return helper


def place(name: str):
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
