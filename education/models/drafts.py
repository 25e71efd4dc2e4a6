"""A page's pending changes and where their review stands."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import Page


class PageDraft(models.Model):
    """Changes to a page waiting to be published, and where their review stands.

    For a live page, ``content`` holds the whole changed page (its fields, parts and
    related pages, as Django's serializer writes them) while the page's own rows stay
    what patients read. For a page that is not live, the page's rows are the draft
    and ``content`` is empty: the row only records the review.
    """

    class State(models.TextChoices):
        EDITING = "editing", _("Being edited")
        IN_REVIEW = "in_review", _("Awaiting review")
        SENT_BACK = "sent_back", _("Sent back to the editor")
        SCHEDULED = "scheduled", _("Scheduled to publish")

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="draft", verbose_name=_("page")
    )
    content = models.JSONField(
        _("changed page"), null=True, blank=True, encoder=DjangoJSONEncoder
    )
    changes = models.TextField(_("what changed"), blank=True)
    state = models.CharField(
        _("review"), max_length=20, choices=State.choices, default=State.EDITING
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    edited_at = models.DateTimeField(_("last edited"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    # Scheduled publishing: the task queue publishes the draft at ``publish_at``
    # as the reviewer who scheduled it, with the review date they confirmed.
    publish_at = models.DateTimeField(_("publish on"), null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    scheduled_last_reviewed = models.DateField(
        _("medically reviewed on, as confirmed when scheduled"), null=True, blank=True
    )

    class Meta:
        ordering = ["-edited_at"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.CheckConstraint(
                condition=Q(state="scheduled", publish_at__isnull=False)
                | (~Q(state="scheduled") & Q(publish_at__isnull=True)),
                name="education_draft_scheduled_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.page}: {self.get_state_display()}"
