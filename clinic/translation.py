"""The clinic's words patients read, in each language (django-modeltranslation).

The tagline under the clinic's name and each location's opening hours get a column
per language (``tagline_en``, ``tagline_es``, ...); an empty Spanish column shows
the English text. Names, addresses and phone numbers are the same in every language.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import ClinicSettings, Location


@register(ClinicSettings)
class ClinicSettingsText(TranslationOptions):
    fields = ("tagline",)


@register(Location)
class LocationText(TranslationOptions):
    fields = ("opening_hours",)
