"""The public form's inputs: how each kind of answer is read from what a patient types,
and which input a question gets from its model field."""

import calendar
import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from education.models import Page

from .questions import CHOICE_LISTS

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

    input_formats = ["%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%m %d %Y", "%Y-%m-%d"]

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
