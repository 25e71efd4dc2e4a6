"""Which text of a page exists in each language (django-modeltranslation).

Every field a patient reads, on the page and on each of its parts, gets a column per
language of ``settings.LANGUAGES`` (``title_en``, ``title_es``, ...); the field's own
name reads the active language's column, falling back to English when it is empty.
The derived text (each part's HTML, the page's search text and readability score)
is kept per language too, by ``services.page_save``. What is the same in every
language is not here: the address (slug), the link names of sections (they name a
part, and say where the care card goes), the illustrations and the reviewer's name.

A page is "in Spanish" (``Page.spanish_complete``) only when every one of its
required texts is: the title, the summary, each part's heading and text, and the alt
text of each illustration. Until then patients at its Spanish address read the
English page under a notice in Spanish.
"""

from types import SimpleNamespace

import reversion
from modeltranslation.settings import AVAILABLE_LANGUAGES as LANGUAGES
from modeltranslation.translator import TranslationOptions, register

from .models import (
    Condition,
    Faq,
    Page,
    PagePart,
    Procedure,
    Section,
    Step,
    TimelineEntry,
)

# What editors type, and must type in each language for the page to exist in it.
PAGE_TEXT = (
    "title",
    "summary",
    "alternative_terms",
    "glance_time",
    "glance_anesthesia",
    "glance_stay",
    "glance_recovery",
    "reviewer_credentials",
)
PART_TEXT = ("heading", "body", "alt")
# Derived from the text above on every save, in each language.
PAGE_DERIVED = ("search_text", "reading_grade")
PART_DERIVED = ("body_html",)


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = PAGE_TEXT + PAGE_DERIVED
    required_languages = ("en",)


@register(PagePart)
class PagePartTranslationOptions(TranslationOptions):
    fields = PART_TEXT + PART_DERIVED
    required_languages = ("en",)


# The proxies (an admin entry and a manager each) inherit the fields above; being
# registered gives their managers modeltranslation's lookups by language.
@register([Procedure, Condition])
class PageProxyTranslationOptions(TranslationOptions):
    pass


@register([Section, Step, Faq, TimelineEntry])
class PartProxyTranslationOptions(TranslationOptions):
    pass


def _reversion_keeps_every_language() -> None:
    """django-reversion listed each model's fields when ``education.models``
    registered it, before the columns above existed: register the models again, with
    the same options, so that history and restore keep the text in every language."""
    for model in (Procedure, Condition, PagePart, Section, Step, Faq, TimelineEntry):
        options = reversion.revisions._get_options(model)._asdict()
        del options["fields"]
        reversion.unregister(model)
        reversion.register(model, **options)


_reversion_keeps_every_language()


def text(obj, name: str, language: str) -> str:
    """What was typed in ``language`` for the field ``name``, without falling back."""
    return getattr(obj, f"{name}_{language}", None) or ""


# ``written_in`` a page with no text at all in a language.
NOTHING_WRITTEN = (("",) * len(PAGE_TEXT), ())


def written_in(page, parts, language: str) -> tuple:
    """All the text of ``page`` and its ``parts`` typed in ``language``: what
    ``services.page_save`` compares before and after a save."""
    page_text = tuple(text(page, name, language) for name in PAGE_TEXT)
    part_text = []
    for part in parts:
        typed = tuple(text(part, name, language) for name in PART_TEXT)
        if any(typed):
            part_text.append((part.pk, *typed))
    return page_text, tuple(sorted(part_text))


def written_in_database(page_id: int, languages) -> dict:
    """``written_in`` for the page as it is stored, for each of ``languages``."""
    names = [f"{name}_{lang}" for name in PAGE_TEXT for lang in languages]
    page = SimpleNamespace(**Page.objects.filter(pk=page_id).values(*names).get())
    part_names = [f"{name}_{lang}" for name in PART_TEXT for lang in languages]
    rows = PagePart.objects.filter(page_id=page_id).values("pk", *part_names)
    parts = [SimpleNamespace(**row) for row in rows]
    return {lang: written_in(page, parts, lang) for lang in languages}


def is_complete(page, parts, language: str) -> bool:
    """Whether every text a patient reads on the page is written in ``language``."""
    if not (text(page, "title", language) and text(page, "summary", language)):
        return False
    for part in parts:
        if not (text(part, "heading", language) and text(part, "body", language)):
            return False
        if part.illustration and not text(part, "alt", language):
            return False
    return True


def show_in_english(*objects) -> None:
    """Make these loaded objects read their English text in every language, for
    the request at hand (nothing is saved): a page not wholly in Spanish is shown in
    English at its Spanish address."""
    for obj in objects:
        page = isinstance(obj, Page)
        fields = PAGE_TEXT + PAGE_DERIVED if page else PART_TEXT + PART_DERIVED
        for name in fields:
            for language in LANGUAGES:
                setattr(obj, f"{name}_{language}", getattr(obj, f"{name}_en"))
