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
# Zero-width non-joiner and joiner: part of how Persian, Kurdish and Indic names are
# spelled (می‌خواهم), so allowed between the letters of a name.
JOINERS = frozenset("\u200c\u200d")
# Invisible characters that reorder the text around them: "abc\u202edcba" shows as
# "abcabcd". Nobody types them; they are used to disguise what text says.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Accents stacked on one letter. Real writing uses up to three or so (Vietnamese,
# Hebrew points, Indic vowel signs); dozens ("Zalgo" text) only spill over the page.
MAX_MARKS_PER_CHARACTER = 4


def validate_free_text(value: str) -> None:
    """Anything a person can type, but no direction overrides and no pile of marks."""
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(
            _(
                "This contains hidden characters that change the direction of the "
                "text. Please type it again rather than pasting it."
            ),
            code="bidi_control",
        )
    marks = 0
    for char in value:
        marks = marks + 1 if unicodedata.category(char).startswith("M") else 0
        if marks > MAX_MARKS_PER_CHARACTER:
            raise ValidationError(
                _(
                    "This has too many accents on one letter. Please check it and "
                    "type it again."
                ),
                code="too_many_marks",
            )


def validate_person_name(value: str) -> None:
    """Letters of any script, combining marks, spaces, apostrophes, hyphens, stops,
    and joiners between letters."""
    validate_free_text(value)
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(_("Enter a name using letters."), code="no_letters")
    for position, char in enumerate(value):
        category = unicodedata.category(char)
        joiner_inside = char in JOINERS and 0 < position < len(value) - 1
        if not (category[0] in "LM" or char in NAME_PUNCTUATION or joiner_inside):
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
