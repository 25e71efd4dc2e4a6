"""Editors' admin: a procedure or condition with its parts inline, drafts, publishing,
history and revert (django-reversion), medical review dates and the reading grade."""

import datetime
from contextlib import contextmanager

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import services
from .forms import PartFormSet, SectionFormSet, StepForm
from .models import (
    Condition,
    Faq,
    Page,
    PagePart,
    PageRedirect,
    Procedure,
    Section,
    Step,
    TimelineEntry,
)

DUE_SOON_DAYS = 30


def grade_label(grade) -> str:
    if grade is None:
        return "—"
    if grade <= services.READING_GRADE_TARGET:
        return _("%(grade)s: meets the target") % {"grade": grade}
    return _("%(grade)s: above the target, simplify") % {"grade": grade}


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


class PartInline(admin.StackedInline):
    """A group of a page's parts. Locked, like the page, once the page is live,
    unless the editor may publish."""

    extra = 1  # one empty form, so parts can be added without JavaScript
    formset = PartFormSet
    labels: dict[str, str] = {}
    textarea_rows = 6

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "body":
            kwargs["widget"] = forms.Textarea(
                attrs={"rows": self.textarea_rows, "cols": 80}
            )
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in self.labels:
            field.label = self.labels[db_field.name]
        return field

    def _page_editable(self, request, obj) -> bool:
        return obj is None or services.page_can_be_edited_by(
            page=obj, user=request.user
        )

    def has_add_permission(self, request, obj):
        return self._page_editable(request, obj) and super().has_add_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return self._page_editable(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return self._page_editable(request, obj) and super().has_delete_permission(
            request, obj
        )


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


class PageAdmin(VersionAdmin):
    """Shared by the Procedures and Conditions entries."""

    list_display = (
        "title",
        "status",
        "reading_grade_column",
        "last_reviewed",
        "review_column",
        "updated_at",
    )
    list_display_links = ("title",)
    list_filter = ("status", ReviewDueFilter)
    search_fields = ("title", "slug", "summary")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("preview_link", "reading_grade_report", "published_at")
    actions = ("publish_pages", "unpublish_pages")
    history_latest_first = True
    save_on_top = True
    glance_fields: tuple[str, ...] = ()

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                None,
                {
                    "fields": (
                        "title",
                        "slug",
                        "summary",
                        "status",
                        "preview_link",
                        "related",
                    )
                },
            )
        ]
        if self.glance_fields:
            fieldsets.append(
                (
                    _("At a glance"),
                    {
                        "fields": self.glance_fields,
                        "description": _(
                            "A short box near the top of the page. Empty lines are "
                            "left out."
                        ),
                    },
                )
            )
        fieldsets += [
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
            (
                _("Plain language"),
                {"fields": ("reading_grade_report",)},
            ),
            (_("Record"), {"fields": ("published_at",)}),
        ]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not services.can_publish(request.user):
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

    # --- Permissions: a live page is changed only by someone who may publish. ---

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or services.page_can_be_edited_by(page=obj, user=request.user)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or services.page_can_be_edited_by(page=obj, user=request.user)
        )

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    # --- Saving goes through the services. ---

    def save_model(self, request, obj, form, change):
        services.page_save(page=obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.page_refresh_text(page=form.instance)

    @contextmanager
    def create_revision(self, request):
        """VersionAdmin's revision around each of its views, but none around the
        list: its actions give each page a revision of its own, as reversion restores
        whole revisions and restoring one page must not roll back the others."""
        if request.resolver_match.url_name.endswith("_changelist"):
            yield
        else:
            with super().create_revision(request):
                yield

    @admin.action(description=_("Publish the selected pages"), permissions=["publish"])
    def publish_pages(self, request, queryset):
        self._change_status(
            request, queryset, services.page_publish, _("Published from the list.")
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

    # --- History: restoring a version is an edit like any other. ---

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(
            Version, pk=version_id, object_id=unquote(object_id)
        )
        if request.method != "POST":
            self._warn_if_shared(request, version)
            return super().revision_view(request, object_id, version_id, extra_context)
        page = self.get_object(request, unquote(object_id))
        if page is None:
            return redirect(self._changelist_url())
        self._check_restore(request, version, current=page)
        if self._warn_if_shared(request, version):
            return redirect(self._changelist_url())
        response = self._restore(
            request,
            version,
            super().revision_view,
            object_id,
            version_id,
            extra_context,
        )
        if response.status_code == 302 and page.published_at:
            restored = self.model.objects.get(pk=page.pk)
            services.page_keep_old_slug(page=restored, old_slug=page.slug)
        return response

    def recover_view(self, request, version_id, extra_context=None):
        if request.method != "POST":
            return super().recover_view(request, version_id, extra_context)
        version = get_object_or_404(Version, pk=version_id)
        self._check_restore(request, version, current=None)
        if self._warn_if_shared(request, version):
            return redirect(self._changelist_url())
        return self._restore(
            request, version, super().recover_view, version_id, extra_context
        )

    def _check_restore(self, request, version, current):
        """Without the publish permission, only drafts are restored, as drafts."""
        if services.can_publish(request.user):
            return
        if version.field_dict.get("status") != Page.Status.DRAFT or (
            current is not None and current.is_published
        ):
            raise PermissionDenied

    def _warn_if_shared(self, request, version) -> bool:
        """Whether ``version`` was saved in one revision with anything but this page
        and its own parts (before each page got a revision of its own: an action on
        several pages, the demo loader). Reversion restores a whole revision, so
        restoring it would roll the other pages back too; say so instead."""
        page_id = str(version.object_id)
        for other in version.revision.version_set.select_related("content_type"):
            model = other.content_type.model_class()
            if model is not None and issubclass(model, Page):
                shared = str(other.object_id) != page_id
            elif model is not None and issubclass(model, PagePart):
                shared = str(other.field_dict.get("page_id")) != page_id
            else:
                shared = True
            if shared:
                self.message_user(
                    request,
                    _(
                        "This version was saved together with other pages, and "
                        "restoring it would change them too, so it cannot be "
                        "restored. Copy what you need from it by hand."
                    ),
                    messages.ERROR,
                )
                return True
        return False

    def _restore(self, request, version, view, *args):
        """Run reversion's view, turning a clash with today's data into a message."""
        slug = version.field_dict.get("slug")
        clash = Page.objects.filter(slug=slug).exclude(pk=version.object_id).exists()
        if not clash:
            try:
                return view(request, *args)
            except IntegrityError:
                pass  # e.g. a related page deleted since; nothing was saved
        self.message_user(
            request,
            _(
                "This version cannot be restored as it is: its address is now used "
                "by another page, or it links to a page deleted since. Change that "
                "first, or copy what you need from the history by hand."
            ),
            messages.ERROR,
        )
        return redirect(self._changelist_url())

    def _changelist_url(self) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    # --- Columns and read-only fields. ---

    @admin.display(
        description=_("reading grade (target: 8 or below)"), ordering="reading_grade"
    )
    def reading_grade_column(self, page):
        return grade_label(page.reading_grade)

    @admin.display(description=_("next review"), ordering="next_review_due")
    def review_column(self, page):
        if page.next_review_due is None:
            return _("not reviewed")
        if page.next_review_due < timezone.localdate():
            return _("overdue since %(date)s") % {"date": page.next_review_due}
        return page.next_review_due

    @admin.display(description=_("reading grade"))
    def reading_grade_report(self, page):
        grade = grade_label(page.reading_grade) if page.pk else "—"
        return format_html(
            "<strong>{}</strong><br>{}",
            grade,
            _(
                "Target: grade 8 or below. The Flesch-Kincaid grade of the whole page, "
                "measured each time you save. Shorter sentences and everyday words "
                "bring it down."
            ),
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
    glance_fields = (
        "glance_time",
        "glance_anesthesia",
        "glance_stay",
        "glance_recovery",
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
