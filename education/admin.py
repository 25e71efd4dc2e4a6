"""Editors' admin: a procedure or condition with its parts inline (the form:
``editor_form.py``), drafts, publishing, medical review dates and the reading grade.
Filters: ``filters.py``; bulk actions: ``actions.py``; history and restore:
``history.py``."""

from django import forms
from django.contrib import admin
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from . import actions, revisions, services
from .editor_form import (
    EditorForm,
    FaqInline,
    SectionInline,
    StepInline,
    TimelineInline,
)
from .filters import AwaitingReviewFilter, ReviewDueFilter, SpanishFilter
from .history import PageHistoryAdmin
from .models import Condition, Page, PageDraft, PageRedirect, Procedure
from .readability import SCALES, grade_label, section_grades

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
    actions = (actions.publish_pages, actions.unpublish_pages)
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
