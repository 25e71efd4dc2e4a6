"""The editors' filters on the list of pages: medical review due, changes under
review, and the state of the Spanish version."""

import datetime

from django.contrib import admin
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Page, PageDraft
from .tasks import DUE_SOON_DAYS


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
