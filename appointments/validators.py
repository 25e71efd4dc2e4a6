"""Checks on single values a patient types, shared by the form and the model."""

import unicodedata
from datetime import date

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_AGE_YEARS = 120
# Apostrophes (straight, curly, modifier letter), hyphens and spaces appear in real
# names in every script; full stops appear in "St. John" and "Jr.".
NAME_PUNCTUATION = frozenset(" '’ʼ-‐.")


def validate_person_name(value: str) -> None:
    """Letters of any script, combining marks, spaces, apostrophes, hyphens, stops."""
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(_("Enter a name using letters."), code="no_letters")
    for char in value:
        category = unicodedata.category(char)
        if not (category[0] in "LM" or char in NAME_PUNCTUATION):
            raise ValidationError(
                _(
                    "Names can only use letters, spaces, hyphens (-) and "
                    "apostrophes ('). Please check for numbers or symbols."
                ),
                code="invalid_name",
            )


def validate_birth_date(value: date) -> None:
    """Not in the future, and an age between 0 and MAX_AGE_YEARS."""
    today = timezone.localdate()
    if value > today:
        raise ValidationError(
            _("Date of birth must be in the past. Please check the year."),
            code="future",
        )
    try:
        oldest = today.replace(year=today.year - MAX_AGE_YEARS)
    except ValueError:  # 29 February
        oldest = today.replace(year=today.year - MAX_AGE_YEARS, day=28)
    if value < oldest:
        raise ValidationError(
            _("Please check the year of birth. It looks too long ago."),
            code="implausible",
        )


def normalise_phone(value: str) -> str:
    """Parse a phone number typed any usual way and return it as E.164 (+12025550143).

    Numbers without a country code are read in ``PHONENUMBER_DEFAULT_REGION``.
    """
    message = _(
        "Enter a phone number we can call, with the area code, like (202) 555-0143."
    )
    try:
        number = phonenumbers.parse(value, settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(message, code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(message, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_e164(value: str) -> None:
    """The stored form of a phone number: what ``normalise_phone`` returns."""
    if value and normalise_phone(value) != value:
        raise ValidationError(_("Store phone numbers in international format."))


def display_phone(value: str) -> str:
    """A stored E.164 number the way staff read it: national style at home."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    region = phonenumbers.region_code_for_number(number)
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if region == settings.PHONENUMBER_DEFAULT_REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)
