"""Writes to education pages. The admin and the demo loader call these functions, so
each rule (who may publish, when the next review is due, old addresses kept, the text
derived from what editors typed) is written once, here. Database constraints on the
models hold the invariants."""

import datetime
from collections.abc import Iterable
from contextlib import contextmanager

import reversion
from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import revisions, tasks, translation
from .models import Page, PageDraft, PagePart, PageRedirect
from .outline import default_anchor
from .readability import (
    READING_GRADE_TARGET,  # noqa: F401 (the admin reads it)
    page_grade,
    section_grades,
)
from .text import as_sentences, html_blocks, render_markdown

PUBLISH_PERMISSION = "education.publish_page"
# When the page's text in each language last changed: see ``_stamp_changes``.
CHANGED_AT = {"en": "english_changed_at", "es": "spanish_changed_at"}
REVIEW_INTERVAL = relativedelta(months=12)


def can_publish(user: AbstractBaseUser) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def page_can_be_edited_by(*, page: Page, user: AbstractBaseUser) -> bool:
    """Anyone with change permission edits drafts; what patients read is changed
    only by someone who may publish."""
    return not page.is_published or can_publish(user)


@transaction.atomic
def page_save(
    *,
    page: Page,
    by: AbstractBaseUser | None,
    parts: Iterable[PagePart] = (),
    deleted_parts: Iterable[PagePart] = (),
) -> Page:
    """Save an edit to ``page`` and its parts made by the staff member ``by``: the
    one way a page is written (the admin, its actions and the demo loader).

    ``parts`` are new or changed parts of the page, ``deleted_parts`` parts to
    delete. ``by=None`` is the system itself (the demo loader). Without the publish
    permission only drafts can be saved, and they stay drafts. Sets the first
    publication date and the next review date, and keeps a published page's old
    address working after a change of slug; a page going live at an old address of
    another page takes that address over. Derives, every time, each saved part's
    HTML and link name and the page's search text and reading grade. Raises
    PermissionDenied or ValidationError (a published page must be medically
    reviewed).
    """
    old = (
        Page.objects.filter(pk=page.pk)
        .values(
            "slug",
            "status",
            "published_at",
            "last_reviewed",
            "next_review_due",
            *CHANGED_AT.values(),
        )
        .first()
        if page.pk
        else None
    )
    written = translation.written_in_database(page.pk, CHANGED_AT) if old else {}
    if by is not None and not can_publish(by):
        was_published = old is not None and old["status"] == Page.Status.PUBLISHED
        if was_published or page.is_published:
            raise PermissionDenied(
                _("Only staff who may publish can publish or change a live page.")
            )
    if page.is_published and page.published_at is None:
        page.published_at = timezone.now()
    _set_next_review_due(page, old)
    page.validate_constraints()
    page.save()
    for part in deleted_parts:
        part.delete()
    for part in parts:
        part.page = page
        if part.type == PagePart.Type.SECTION and not part.anchor:
            part.anchor = default_anchor(translation.text(part, "heading", "en"))
        for language in translation.LANGUAGES:
            body = translation.text(part, "body", language)
            setattr(part, f"body_html_{language}", render_markdown(body))
        part.save()
    saved_parts = list(PagePart.objects.filter(page=page))
    derived = ["spanish_complete", *CHANGED_AT.values()]
    for language in translation.LANGUAGES:
        search_text = _plain_text(page, saved_parts, language)
        setattr(page, f"search_text_{language}", search_text)
        grades = section_grades(page, saved_parts, language)
        setattr(page, f"reading_grade_{language}", page_grade(grades))
        derived += [f"search_text_{language}", f"reading_grade_{language}"]
    page.spanish_complete = translation.is_complete(page, saved_parts, "es")
    _stamp_changes(page, old, written, saved_parts)
    page.save(update_fields=derived)
    if old is not None and old["slug"] != page.slug and old["published_at"]:
        page_keep_old_slug(page=page, old_slug=old["slug"])
    # An old address taken by another page stays a 301 until that page goes live:
    # a draft must not break a working link, nor delete a redirect.
    taken = PageRedirect.objects.filter(old_slug=page.slug)
    if not page.is_published:
        taken = taken.filter(page=page)
    taken.delete()
    return page


def _set_next_review_due(page: Page, old: dict | None) -> None:
    if page.last_reviewed is None:
        return
    review_moved = old is not None and old["last_reviewed"] != page.last_reviewed
    due_untouched = old is not None and old["next_review_due"] == page.next_review_due
    if page.next_review_due is None or (review_moved and due_untouched):
        page.next_review_due = page.last_reviewed + REVIEW_INTERVAL


def page_keep_old_slug(*, page: Page, old_slug: str) -> None:
    """Send ``old_slug`` on to ``page`` from now on (a 301 on the public site)."""
    if old_slug and old_slug != page.slug:
        PageRedirect.objects.update_or_create(
            old_slug=old_slug, defaults={"page": page}
        )


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
        page = _write_content(page, draft.content)
        draft.content = None
        draft.save(update_fields=["content"])
    if draft is not None and draft.state == PageDraft.State.SCHEDULED:
        _unschedule(draft, state=PageDraft.State.IN_REVIEW)
    page.status = Page.Status.DRAFT
    return page_save(page=page, by=by)


def _stamp_changes(page: Page, old: dict | None, written: dict, parts) -> None:
    """Note when the text in each language changed: now, if this save changed it;
    the time a draft or an old version carries, if the page comes from one (its
    words were written then); as it was, otherwise."""
    now = timezone.now()
    for language, field in CHANGED_AT.items():
        carried = old is not None and getattr(page, field) != old[field]
        before = written.get(language, translation.NOTHING_WRITTEN)
        if not carried and translation.written_in(page, parts, language) != before:
            setattr(page, field, now)


def _plain_text(page: Page, parts, language: str) -> str:
    """Everything a patient reads on the page in ``language`` (or in English where
    it is not written in that language), as plain sentences."""

    def shown(obj, name):
        return translation.text(obj, name, language) or translation.text(
            obj, name, "en"
        )

    glance = ("glance_time", "glance_anesthesia", "glance_stay", "glance_recovery")
    blocks = [shown(page, name) for name in ("title", "summary", *glance)]
    for part in parts:
        blocks.append(shown(part, "heading"))
        blocks.extend(html_blocks(shown(part, "body_html")))
    return as_sentences(blocks)


# --- Drafts of live pages, and their review -----------------------------------------


class _RollBack(Exception):
    """Undo what a draft session wrote: a live page's rows never change."""


class DraftSession:
    """Within ``page_draft_session``: the live page's rows hold its draft for now,
    and an edit saved through ``save`` becomes the draft."""

    def __init__(self, page: Page, by):
        self.page = page
        self.by = by
        self.content: dict | None = None

    def save(
        self,
        *,
        page: Page,
        parts: Iterable[PagePart] = (),
        deleted_parts: Iterable[PagePart] = (),
        related: Iterable[Page] | None = None,
    ) -> Page:
        """Save the edit as ``page_save`` would, and keep the result as the draft.
        The page stays live: the draft changes content, never the status."""
        page.status = self.page.status
        page.published_at = self.page.published_at
        page_save(page=page, by=None, parts=parts, deleted_parts=deleted_parts)
        if related is not None:
            page.related.set(related)
        self.content = revisions.snapshot(page.pk)
        return page


@contextmanager
def page_draft_session(*, page: Page, by: AbstractBaseUser | None, apply=True):
    """Open a live ``page`` as its draft: inside, the database shows the page with
    its pending changes (``apply=False``: as it is now), so the admin's form and the
    preview read them as they read any page. Everything written inside is undone on
    the way out; what was saved with ``DraftSession.save`` is then stored as the
    page's draft, and its review starts again ("being edited")."""
    session = DraftSession(page, by)
    live = revisions.snapshot(page.pk)
    draft = PageDraft.objects.filter(page=page).first()
    try:
        with transaction.atomic():
            if apply and draft is not None and draft.content:
                _write_content(page, draft.content)
            yield session
            raise _RollBack
    except _RollBack:
        pass
    if session.content is not None:
        with transaction.atomic():
            PageDraft.objects.update_or_create(
                page=page,
                defaults={
                    "content": session.content,
                    "changes": revisions.describe(live, session.content),
                    "state": PageDraft.State.EDITING,
                    "edited_by": by,
                    "edited_at": timezone.now(),
                    **UNSCHEDULED,
                },
            )


def _write_content(page: Page, content: dict) -> Page:
    objects = revisions.objects_for(page, content)
    saved = page_save(
        page=objects.page,
        by=None,
        parts=objects.parts,
        deleted_parts=objects.deleted_parts,
    )
    saved.related.set(objects.related)
    return saved


def page_draft_record_edit(*, page: Page, by: AbstractBaseUser | None) -> None:
    """A page that is not live was edited: its review, if any, starts again."""
    PageDraft.objects.filter(page=page, content__isnull=True).exclude(
        state=PageDraft.State.EDITING
    ).update(
        state=PageDraft.State.EDITING,
        edited_by=by,
        edited_at=timezone.now(),
        **UNSCHEDULED,
    )


@transaction.atomic
def page_submit_for_review(*, page: Page, by: AbstractBaseUser) -> PageDraft:
    """Ask the medical reviewers to review the page's changes (a page that is not
    live: the page itself). They are told by email once this commits."""
    draft = PageDraft.objects.filter(page=page).first()
    if page.is_published and (draft is None or not draft.content):
        raise ValidationError(_("There are no changes to review."))
    if draft is None:
        draft = PageDraft(page=page, edited_by=by)
    draft.state = PageDraft.State.IN_REVIEW
    draft.submitted_by = by
    draft.submitted_at = timezone.now()
    draft.review_comment = ""
    for name, value in UNSCHEDULED.items():
        setattr(draft, name, value)
    draft.save()
    transaction.on_commit(lambda: tasks.enqueue_review_requested(page.pk))
    return draft


@transaction.atomic
def page_send_back(*, page: Page, by: AbstractBaseUser, comment: str) -> PageDraft:
    """A reviewer returns the changes to their editor with a comment, by email."""
    if not can_publish(by):
        raise PermissionDenied(_("Only medical reviewers send changes back."))
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(
            {"comment": _("Say what the editor should change before sending back.")}
        )
    draft = PageDraft.objects.select_for_update().filter(page=page).first()
    if draft is None:
        raise ValidationError(_("There are no changes to send back."))
    draft.state = PageDraft.State.SENT_BACK
    draft.review_comment = comment
    for name, value in UNSCHEDULED.items():
        setattr(draft, name, value)
    draft.save(update_fields=["state", "review_comment", *UNSCHEDULED])
    transaction.on_commit(lambda: tasks.enqueue_sent_back(page.pk))
    return draft


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
            page = _write_content(page, draft.content)
        if last_reviewed is not None:
            page.last_reviewed = last_reviewed
        page.status = Page.Status.PUBLISHED
        page = page_save(page=_as_proxy(page), by=by)
        after = revisions.snapshot(page.pk)
        reversion.set_comment(
            _("Published. %(changes)s") % {"changes": revisions.describe(before, after)}
        )
        reversion.add_to_revision(_as_proxy(page))
    if draft is not None:
        draft.delete()
    return page


def _as_proxy(page: Page) -> Page:
    """The page as its Procedure or Condition proxy: the models reversion knows."""
    from .models import Condition, Procedure

    proxy = Procedure if page.kind == Page.Kind.PROCEDURE else Condition
    if type(page) is not proxy:
        page.__class__ = proxy
    return page


# --- Scheduled publishing -------------------------------------------------------------

# A draft that is not scheduled. Any edit, submission or sending back clears the
# schedule: the reviewer scheduled what they reviewed, nothing since.
UNSCHEDULED = {
    "publish_at": None,
    "scheduled_by": None,
    "scheduled_last_reviewed": None,
}


def _unschedule(draft: PageDraft, *, state: str, comment: str = "") -> None:
    draft.state = state
    draft.review_comment = comment
    for name, value in UNSCHEDULED.items():
        setattr(draft, name, value)
    draft.save(update_fields=["state", "review_comment", *UNSCHEDULED])


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
    _unschedule(draft, state=PageDraft.State.IN_REVIEW)
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
            _unschedule(
                draft,
                state=PageDraft.State.IN_REVIEW,
                comment=_("Scheduled publishing failed: %(reason)s")
                % {"reason": reason},
            )
            return False
    return True


@transaction.atomic
def page_draft_discard(*, page: Page, by: AbstractBaseUser) -> None:
    """Drop a live page's pending changes; the live page stays as it is."""
    PageDraft.objects.filter(page=page).delete()


def page_restore_as_draft(*, page: Page, version, by: AbstractBaseUser) -> PageDraft:
    """Make an old revision of a live ``page`` its pending draft: the live page is
    unchanged until a reviewer publishes it."""
    with page_draft_session(page=page, by=by, apply=False) as session:
        version.revision.revert(delete=True)
        restored = Page.objects.get(pk=page.pk)
        parts = list(PagePart.objects.filter(page=page))
        session.save(page=_as_proxy(restored), parts=parts)
    return PageDraft.objects.get(page=page)
