"""Checks on single values a patient types, shared by the form and the model."""

import unicodedata
from datetime import date

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
