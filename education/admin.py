"""Editors' admin: a procedure or condition with its parts inline, drafts, publishing,
medical review dates and the reading grade. History and restore: ``history.py``."""

import datetime

import reversion
from adminsortable2.admin import (
    CustomInlineFormSetMixin,
    SortableAdminBase,
    SortableInlineAdminMixin,
)
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from . import revisions, services
from .forms import BoxText, PartFormSet, SectionFormSet, StepForm
from .history import PageHistoryAdmin
from .models import (
    Condition,
    Faq,
    Page,
    PageDraft,
    PageRedirect,
    Procedure,
    Section,
    Step,
    TimelineEntry,
)
from .readability import SCALES, grade_label, section_grades
from .tasks import DUE_SOON_DAYS


def _base_name(db_field) -> str:
    """A field's own name, also for its copy in one language (``summary_es``)."""
    return getattr(db_field, "translated_field", db_field).name


def _wide_textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "cols": 80, "class": "edu-wide"})


class EditorForm(SortableAdminBase):
    """The page form in sections: the page's main fields open, every other group
    (at a glance, medical review, plain language, ...) folded under its heading
    (``<details>``, no JavaScript needed; a group with an error opens), parts
    reorderable (``PartsInOrder``), wide boxes for the summary."""

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
        return super().formfield_for_dbfield(db_field, request, **kwargs)


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


class PartsInOrder(SortableInlineAdminMixin):
    """A group of parts, each folded under its title (and its illustration's
    thumbnail), reordered by dragging a title or with the keyboard."""

    template = "admin/education/_part_inline.html"

    def get_formset(self, request, obj=None, **kwargs):
        base = kwargs.pop("formset", self.formset)
        ordered = type(f"Ordered{base.__name__}", (_OrderBox, base), {})
        return super().get_formset(request, obj, formset=ordered, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        name = _base_name(db_field)
        if name == "alt":
            kwargs["widget"] = _wide_textarea(3)
        elif name == "illustration":
            kwargs["widget"] = ThumbnailFileInput
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and name == "body":
            field.widget.attrs["class"] = "edu-wide"
        return field


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("medical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (
            ("overdue", _("Review overdue")),
            ("soon", _("Due in the next 30 days")),
            ("never", _("Never reviewed")),
        )

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.review_overdue(today)
        if self.value() == "soon":
            return queryset.filter(
                next_review_due__gte=today,
                next_review_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
            )
        if self.value() == "never":
            return queryset.filter(last_reviewed__isnull=True)
        return queryset


class AwaitingReviewFilter(admin.SimpleListFilter):
    title = _("changes")
    parameter_name = "changes"

    def lookups(self, request, model_admin):
        return (
            ("review", _("Awaiting review")),
            ("pending", _("Live with changes pending")),
            ("sent_back", _("Sent back to the editor")),
            ("scheduled", _("Scheduled to publish")),
        )

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.filter(draft__state=PageDraft.State.IN_REVIEW)
        if self.value() == "pending":
            return queryset.filter(
                status=Page.Status.PUBLISHED, draft__content__isnull=False
            )
        if self.value() == "sent_back":
            return queryset.filter(draft__state=PageDraft.State.SENT_BACK)
        if self.value() == "scheduled":
            return queryset.filter(draft__state=PageDraft.State.SCHEDULED)
        return queryset


LANGUAGE_NAMES = {"en": _("English"), "es": _("Spanish")}


def language_label(db_field, label=None):
    """The label of a language's copy of a field: “Heading (Spanish)”; None for a
    field that is the same in every language."""
    language = getattr(db_field, "language", None)
    if language is None:
        return label
    label = label or capfirst(db_field.translated_field.verbose_name)
    return f"{label} ({LANGUAGE_NAMES.get(language, language)})"


# Each state of a page's Spanish version: in the list's column, and in the form.
SPANISH_STATES = {
    "none": (_("None"), _("No Spanish version: patients see the English page.")),
    "incomplete": (
        _("Incomplete"),
        _("Spanish incomplete: patients see the English page until it is complete."),
    ),
    "out_of_date": (
        _("Out of date"),
        _("Spanish out of date: the English text changed after the Spanish did."),
    ),
    "up_to_date": (_("Up to date"), _("Spanish up to date.")),
}


def _spanish_state(page) -> str:
    if not page.spanish_complete:
        return "incomplete" if page.title_es else "none"
    return "out_of_date" if page.spanish_out_of_date else "up_to_date"


class SpanishFilter(admin.SimpleListFilter):
    title = _("Spanish version")
    parameter_name = "spanish"

    def lookups(self, request, model_admin):
        return (
            ("none", _("No Spanish version")),
            ("incomplete", _("Spanish incomplete")),
            ("out_of_date", _("Spanish out of date")),
            ("up_to_date", _("Spanish up to date")),
        )

    def queryset(self, request, queryset):
        older = Q(spanish_changed_at__lt=F("english_changed_at"))
        if self.value() == "none":
            return queryset.filter(spanish_complete=False, title_es__in=["", None])
        if self.value() == "incomplete":
            return queryset.filter(spanish_complete=False).exclude(
                title_es__in=["", None]
            )
        if self.value() == "out_of_date":
            return queryset.filter(older, spanish_complete=True)
        if self.value() == "up_to_date":
            return queryset.filter(spanish_complete=True).exclude(older)
        return queryset


class PartInline(PartsInOrder, TranslationStackedInline):
    """A group of a page's parts, each text in English and in Spanish. On a live
    page, changes go to its draft."""

    extra = 1  # one empty form, so parts can be added without JavaScript
    formfield_overrides = {models.TextField: {"form_class": BoxText}}
    formset = PartFormSet
    labels: dict[str, str] = {}
    textarea_rows = 6

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        name = getattr(db_field, "translated_field", db_field).name
        if name == "body":
            kwargs["widget"] = forms.Textarea(
                attrs={"rows": self.textarea_rows, "cols": 80}
            )
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and name in self.labels:
            field.label = language_label(db_field, self.labels[name]) or field.label
        elif field is not None:
            field.label = language_label(db_field) or field.label
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


class PageAdmin(EditorForm, TranslationAdmin, PageHistoryAdmin):
    """Shared by the Procedures and Conditions entries. Each text field is shown in
    English and in Spanish (django-modeltranslation)."""

    list_display = (
        "title",
        "status_column",
        "reading_grade_column",
        "spanish_column",
        "last_reviewed",
        "review_column",
        "updated_at",
    )
    list_display_links = ("title",)
    list_filter = ("status", AwaitingReviewFilter, ReviewDueFilter, SpanishFilter)
    list_select_related = ("draft",)
    search_fields = ("title", "slug", "summary", "alternative_terms")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "preview_link",
        "spanish_state",
        "reading_grade_report",
        "spanish_report",
        "published_at",
    )
    actions = ("publish_pages", "unpublish_pages")
    save_on_top = True
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "summary",
                    "alternative_terms",
                    "status",
                    "spanish_state",
                    "preview_link",
                    "related",
                )
            },
        ),
        (
            _("Medical review"),
            {
                "fields": (
                    "reviewed_by",
                    "reviewer_credentials",
                    "last_reviewed",
                    "next_review_due",
                ),
                "description": _(
                    "Shown on the page as “Medically reviewed by … on …”. A page "
                    "cannot be published without a reviewer and a review date."
                ),
            },
        ),
        (_("Plain language"), {"fields": ("reading_grade_report",)}),
        (
            _("Spanish version"),
            {
                "fields": ("spanish_report",),
                "description": _(
                    "Patients at the page's Spanish address read the English page, "
                    "under a note in Spanish, until every text above has its Spanish "
                    "copy: the title, the summary, and each part's heading, text and "
                    "alt text."
                ),
            },
        ),
        (_("Record"), {"fields": ("published_at",)}),
    )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Taking a live page off the site is its own action, never a field.
        live = obj is not None and obj.is_published
        if live or not services.can_publish(request.user):
            fields.append("status")
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None:
            field.label = language_label(db_field) or field.label
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "related":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["queryset"] = Page.objects.order_by("kind", "title")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        related = form.base_fields.get("related")
        if related is not None and obj is not None:
            related.queryset = related.queryset.exclude(pk=obj.pk)
        return form

    # --- Permissions: anyone may edit (a live page's edits are a draft); a live
    # page is deleted only by someone who may publish. ---

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or services.page_can_be_edited_by(page=obj, user=request.user)
        )

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    # --- Saving goes through the services. ---

    def save_model(self, request, obj, form, change):
        """Nothing yet: the page is saved with its parts, in save_related."""

    def save_related(self, request, form, formsets, change):
        parts, deleted = [], []
        for formset in formsets:
            parts += formset.save(commit=False)
            deleted += formset.deleted_objects
        session = getattr(request, "education_draft", None)
        if session is not None:  # a live page: the edit becomes its draft
            session.save(
                page=form.instance,
                parts=parts,
                deleted_parts=deleted,
                related=form.cleaned_data.get("related"),
            )
            return
        before = revisions.snapshot(form.instance.pk) if change else None
        services.page_save(
            page=form.instance, by=request.user, parts=parts, deleted_parts=deleted
        )
        form.save_m2m()
        services.page_draft_record_edit(page=form.instance, by=request.user)
        request.education_changes = revisions.describe(
            before, revisions.snapshot(form.instance.pk)
        )

    @admin.action(description=_("Publish the selected pages"), permissions=["publish"])
    def publish_pages(self, request, queryset):
        self._change_status(
            request,
            queryset,
            services.page_publish_changes,
            _("Published from the list."),
        )

    @admin.action(
        description=_("Move the selected pages back to draft"), permissions=["publish"]
    )
    def unpublish_pages(self, request, queryset):
        self._change_status(
            request,
            queryset,
            services.page_unpublish,
            _("Moved back to draft from the list."),
        )

    def _change_status(self, request, queryset, service, comment):
        done = 0
        for page in queryset:
            try:
                with reversion.create_revision():  # one revision per page
                    reversion.set_user(request.user)
                    reversion.set_comment(comment)
                    service(page=page, by=request.user)
            except ValidationError as error:
                self.message_user(
                    request, f"{page}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d page changed.", "%(count)d pages changed.", done)
                % {"count": done},
                messages.SUCCESS,
            )

    # --- Columns and read-only fields. ---

    @admin.display(
        description=_("reading grade (target: 8 or below)"),
        ordering="reading_grade_en",
    )
    def reading_grade_column(self, page):
        return grade_label(page.reading_grade_en)

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, page):
        draft = getattr(page, "draft", None) if page.pk else None
        if page.is_published:
            label = _("Live with changes pending") if draft else _("Live")
        else:
            label = _("Draft")
        if draft is not None and draft.state == PageDraft.State.SCHEDULED:
            when = date_format(localtime(draft.publish_at), "DATETIME_FORMAT")
            return _("%(label)s · Scheduled for %(when)s") % {
                "label": label,
                "when": when,
            }
        if draft is not None and draft.state != PageDraft.State.EDITING:
            return f"{label} · {draft.get_state_display()}"
        return label

    @admin.display(description=_("Spanish"), ordering="spanish_complete")
    def spanish_column(self, page):
        return SPANISH_STATES[_spanish_state(page)][0]

    @admin.display(description=_("Spanish version"))
    def spanish_state(self, page):
        if not page.pk:
            return "—"
        return SPANISH_STATES[_spanish_state(page)][1]

    @admin.display(description=_("Spanish version"))
    def spanish_report(self, page):
        grades = section_grades(page, page.parts.all(), "es") if page.pk else []
        return render_to_string(
            "admin/education/_spanish.html",
            {
                "page": page,
                "state": self.spanish_state(page),
                "grade": grade_label(page.reading_grade_es, "es") if page.pk else "—",
                "grades": grades,
                "scale": SCALES["es"],
            },
        )

    @admin.display(description=_("next review"), ordering="next_review_due")
    def review_column(self, page):
        if page.next_review_due is None:
            return _("not reviewed")
        if page.next_review_due < timezone.localdate():
            return _("overdue since %(date)s") % {"date": page.next_review_due}
        return page.next_review_due

    @admin.display(description=_("reading grade"))
    def reading_grade_report(self, page):
        grade = grade_label(page.reading_grade_en) if page.pk else "—"
        grades = section_grades(page, page.parts.all()) if page.pk else []
        return render_to_string(
            "admin/education/_reading_grades.html",
            {"grade": grade, "grades": grades, "scale": SCALES["en"]},
        )

    @admin.display(description=_("preview"))
    def preview_link(self, page):
        if not page.pk:
            return _("Save the page first, then preview it here.")
        label = (
            _("Open the page as patients see it")
            if page.is_published
            else _("Preview this draft (only staff can open it)")
        )
        return format_html('<a href="{}">{}</a>', page.get_absolute_url(), label)


@admin.register(Procedure)
class ProcedureAdmin(PageAdmin):
    inlines = (SectionInline, StepInline, TimelineInline, FaqInline)
    fieldsets = (
        PageAdmin.fieldsets[0],
        (
            _("At a glance"),
            {
                "fields": (
                    "glance_time",
                    "glance_anesthesia",
                    "glance_stay",
                    "glance_recovery",
                ),
                "description": _(
                    "A short box near the top of the page. Empty lines are left out."
                ),
            },
        ),
        *PageAdmin.fieldsets[1:],
    )


@admin.register(Condition)
class ConditionAdmin(PageAdmin):
    inlines = (SectionInline, FaqInline)


@admin.register(PageRedirect)
class PageRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "page", "created_at")
    list_select_related = ("page",)
    search_fields = ("old_slug", "page__title", "page__slug")
    fields = ("old_slug", "page")
