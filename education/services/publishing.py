"""Publishing: a page with its pending changes now or at a set time (the task
worker's side too), and taking a page off the site."""

import datetime

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import revisions, tasks
from ..models import Page, PageDraft
from .drafts import unschedule, write_content
from .pages import as_proxy, can_publish, page_save


def page_publish(*, page: Page, by: AbstractBaseUser | None) -> Page:
    if by is not None and not can_publish(by):
        raise PermissionDenied(_("You may not publish pages."))
    page.status = Page.Status.PUBLISHED
    return page_save(page=page, by=by)


def page_unpublish(*, page: Page, by: AbstractBaseUser | None) -> Page:
    """Take the page off the site. Changes pending on it become the page itself,
    now a draft."""
    if by is not None and not can_publish(by):
        raise PermissionDenied(_("You may not unpublish pages."))
    draft = PageDraft.objects.filter(page=page).first()
    if draft is not None and draft.content:
        page = write_content(page, draft.content)
        draft.content = None
        draft.save(update_fields=["content"])
    if draft is not None and draft.state == PageDraft.State.SCHEDULED:
        unschedule(draft, state=PageDraft.State.IN_REVIEW)
    page.status = Page.Status.DRAFT
    return page_save(page=page, by=by)


@transaction.atomic
def page_publish_changes(
    *,
    page: Page,
    by: AbstractBaseUser | None,
    last_reviewed: datetime.date | None = None,
) -> Page:
    """Publish the page with its pending changes, if any, in a revision of its own
    naming what changed; the pending draft is then gone. ``last_reviewed`` is the
    "medically reviewed on" date the reviewer confirmed or renewed. Raises
    PermissionDenied or ValidationError (e.g. never medically reviewed)."""
    if by is not None and not can_publish(by):
        raise PermissionDenied(_("You may not publish pages."))
    page = Page.objects.get(pk=page.pk)
    before = revisions.snapshot(page.pk) if page.published_at else None
    draft = PageDraft.objects.filter(page=page).first()
    with reversion.create_revision():
        if by is not None:
            reversion.set_user(by)
        if draft is not None and draft.content:
            page = write_content(page, draft.content)
        if last_reviewed is not None:
            page.last_reviewed = last_reviewed
        page.status = Page.Status.PUBLISHED
        page = page_save(page=as_proxy(page), by=by)
        after = revisions.snapshot(page.pk)
        reversion.set_comment(
            _("Published. %(changes)s") % {"changes": revisions.describe(before, after)}
        )
        reversion.add_to_revision(as_proxy(page))
    if draft is not None:
        draft.delete()
    return page


class _DryRun(Exception):
    """Undo a publication tried only to see whether it would succeed."""


@transaction.atomic
def page_schedule_publish(
    *,
    page: Page,
    by: AbstractBaseUser,
    publish_at: datetime.datetime,
    last_reviewed: datetime.date | None,
) -> PageDraft:
    """A reviewer has the task worker publish the page's changes at ``publish_at``,
    as ``page_publish_changes`` would now, with the "medically reviewed on" date
    they confirm now. Publishing is tried at once and rolled back, so what would
    stop it (no medical reviewer, an address taken) is said now, not at night.
    Raises PermissionDenied or ValidationError."""
    if not can_publish(by):
        raise PermissionDenied(_("Only medical reviewers schedule publishing."))
    if not tasks.can_run_later():
        raise ValidationError(
            _(
                "This server's task queue runs tasks at once, so it cannot publish "
                "later. Publish now, or use the database queue and its worker."
            )
        )
    if publish_at <= timezone.now():
        raise ValidationError({"publish_at": _("Pick a date and time in the future.")})
    if last_reviewed is None:
        raise ValidationError(
            {
                "last_reviewed": _(
                    "Confirm or renew the date of the medical review to publish."
                )
            }
        )
    draft = PageDraft.objects.select_for_update().filter(page=page).first()
    if page.is_published and (draft is None or not draft.content):
        raise ValidationError(_("There are no changes to publish."))
    try:
        with transaction.atomic():
            page_publish_changes(page=page, by=by, last_reviewed=last_reviewed)
            raise _DryRun
    except _DryRun:
        pass
    if draft is None:
        draft = PageDraft(page=page, edited_by=by)
    draft.state = PageDraft.State.SCHEDULED
    draft.publish_at = publish_at
    draft.scheduled_by = by
    draft.scheduled_last_reviewed = last_reviewed
    draft.review_comment = ""
    draft.save()
    # In this transaction, not after it: the database queue's row commits with
    # the schedule, or neither does.
    tasks.enqueue_scheduled_publish(page.pk, publish_at)
    return draft


@transaction.atomic
def page_cancel_schedule(*, page: Page, by: AbstractBaseUser) -> PageDraft:
    """Publish the changes at no set time after all: they await review again. The
    queued task finds nothing scheduled and does nothing."""
    if not can_publish(by):
        raise PermissionDenied(_("Only medical reviewers cancel scheduled publishing."))
    draft = PageDraft.objects.select_for_update().filter(page=page).first()
    if draft is None or draft.state != PageDraft.State.SCHEDULED:
        raise ValidationError(_("Nothing is scheduled for this page."))
    unschedule(draft, state=PageDraft.State.IN_REVIEW)
    return draft


def page_publish_scheduled(*, page_id: int, publish_at: datetime.datetime) -> bool:
    """The task worker's side: publish the page through ``page_publish_changes``,
    as the reviewer who scheduled it, if its changes are still scheduled for
    ``publish_at`` (edited, rescheduled, cancelled or published since: nothing to
    do). If publishing fails now (the reviewer lost the permission, say), the
    changes await review again with the reason as the comment. Returns whether the
    page was published."""
    with transaction.atomic():
        draft = (
            PageDraft.objects.select_for_update(of=("self",))
            .select_related("page", "scheduled_by")
            .filter(
                page_id=page_id,
                state=PageDraft.State.SCHEDULED,
                publish_at=publish_at,
            )
            .first()
        )
        if draft is None:
            return False
        try:
            with transaction.atomic():
                page_publish_changes(
                    page=draft.page,
                    by=draft.scheduled_by,
                    last_reviewed=draft.scheduled_last_reviewed,
                )
        except (PermissionDenied, ValidationError) as error:
            reason = " ".join(getattr(error, "messages", [str(error)]))
            unschedule(
                draft,
                state=PageDraft.State.IN_REVIEW,
                comment=_("Scheduled publishing failed: %(reason)s")
                % {"reason": reason},
            )
            return False
    return True
