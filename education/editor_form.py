"""The editor's page form in the admin: its groups of fields, the wide boxes, each
field's label in each language, and the page's parts inline, in order, each text in
English and in Spanish."""

from adminsortable2.admin import (
    CustomInlineFormSetMixin,
    SortableAdminBase,
    SortableInlineAdminMixin,
)
from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from .forms import BoxText, PartFormSet, SectionFormSet, StepForm
from .models import Faq, Section, Step, TimelineEntry

LANGUAGE_NAMES = {"en": _("English"), "es": _("Spanish")}


def language_label(db_field, label=None):
    """The label of a language's copy of a field: “Heading (Spanish)”; None for a
    field that is the same in every language."""
    language = getattr(db_field, "language", None)
    if language is None:
        return label
    label = label or capfirst(db_field.translated_field.verbose_name)
    return f"{label} ({LANGUAGE_NAMES.get(language, language)})"


def _base_name(db_field) -> str:
    """A field's own name, also for its copy in one language (``summary_es``)."""
    return getattr(db_field, "translated_field", db_field).name


def _wide_textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "cols": 80, "class": "edu-wide"})


class EditorForm(SortableAdminBase):
    """The page form in sections: the page's main fields open, every other group
    (at a glance, medical review, plain language, ...) folded under its heading
    (``<details>``, no JavaScript needed; a group with an error opens), parts
    reorderable (``PartInline``), wide boxes for the summary, each field labelled
    with its language."""

    change_list_template = "admin/education/page_change_list.html"
    formfield_overrides = {models.TextField: {"form_class": BoxText}}

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "classes": [*options.get("classes", ()), "collapse"]})
            if name
            else (name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        rows = {"summary": 3, "alternative_terms": 4}.get(_base_name(db_field))
        if rows:
            kwargs["widget"] = _wide_textarea(rows)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.label = language_label(db_field) or field.label
        return field


class ThumbnailFileInput(AdminFileWidget):
    """The stored illustration as a thumbnail above its file name and box."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.is_initial(value):
            return html
        thumbnail = format_html(
            '<img class="edu-thumb" src="{}" alt="" width="160" height="120">',
            value.url,
        )
        return thumbnail + html


class _OrderBox(CustomInlineFormSetMixin):
    """django-admin-sortable2's formset, keeping each part's Order number as a box
    to type in: sortable2 hides it, which leaves no way to reorder without
    JavaScript. With JavaScript, static/js/editor.js hides it instead and adds
    Move up / Move down buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.base_fields[self.default_order_field]
        field.widget = forms.NumberInput(attrs={"class": "_reorder_", "min": "0"})


class PartInline(SortableInlineAdminMixin, TranslationStackedInline):
    """A group of a page's parts, each folded under its title (and its
    illustration's thumbnail), reordered by dragging a title or with the keyboard,
    each text in English and in Spanish. On a live page, changes go to its draft."""

    template = "admin/education/_part_inline.html"
    extra = 1  # one empty form, so parts can be added without JavaScript
    formfield_overrides = {models.TextField: {"form_class": BoxText}}
    formset = PartFormSet
    labels: dict[str, str] = {}
    textarea_rows = 6

    def get_formset(self, request, obj=None, **kwargs):
        base = kwargs.pop("formset", self.formset)
        ordered = type(f"Ordered{base.__name__}", (_OrderBox, base), {})
        return super().get_formset(request, obj, formset=ordered, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        name = _base_name(db_field)
        if name == "body":
            kwargs["widget"] = forms.Textarea(
                attrs={"rows": self.textarea_rows, "cols": 80}
            )
        elif name == "alt":
            kwargs["widget"] = _wide_textarea(3)
        elif name == "illustration":
            kwargs["widget"] = ThumbnailFileInput
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return None
        if name == "body":  # in place of modeltranslation's classes
            field.widget.attrs["class"] = "edu-wide"
        field.label = language_label(db_field, self.labels.get(name)) or field.label
        return field


class SectionInline(PartInline):
    model = Section
    formset = SectionFormSet
    fields = ("order", "heading", "anchor", "body", "show_after")
    textarea_rows = 12


class StepInline(PartInline):
    model = Step
    form = StepForm
    fields = ("order", "heading", "body", "illustration", "alt")
    labels = {"heading": _("Step title"), "body": _("What happens")}


class TimelineInline(PartInline):
    model = TimelineEntry
    fields = ("order", "heading", "body")
    labels = {"heading": _("When"), "body": _("What to expect")}


class FaqInline(PartInline):
    model = Faq
    fields = ("order", "heading", "body")
    labels = {"heading": _("Question"), "body": _("Answer")}
