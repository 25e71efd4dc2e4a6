"""Drafts of live pages and their review: a live page is edited as a draft, which
goes to the medical reviewers and comes back to its editor or is published
(``publishing.py``)."""

from collections.abc import Iterable
from contextlib import contextmanager

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import revisions, tasks
from ..models import Page, PageDraft, PagePart
from .pages import as_proxy, can_publish, page_save

# A draft that is not scheduled. Any edit, submission or sending back clears the
# schedule: the reviewer scheduled what they reviewed, nothing since.
UNSCHEDULED = {
    "publish_at": None,
    "scheduled_by": None,
    "scheduled_last_reviewed": None,
}


def unschedule(draft: PageDraft, *, state: str, comment: str = "") -> None:
    """Move ``draft`` to ``state`` with the reviewer's ``comment``, and drop its
    schedule."""
    draft.state = state
    draft.review_comment = comment
    for name, value in UNSCHEDULED.items():
        setattr(draft, name, value)
    draft.save(update_fields=["state", "review_comment", *UNSCHEDULED])


class _RollBack(Exception):
    """Undo what a draft session wrote: a live page's rows never change."""


class DraftSession:
    """Within ``page_draft_session``: the live page's rows hold its draft for now,
    and an edit saved through ``save`` becomes the draft."""

    def __init__(self, page: Page):
        self.page = page
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
    session = DraftSession(page)
    live = revisions.snapshot(page.pk)
    draft = PageDraft.objects.filter(page=page).first()
    try:
        with transaction.atomic():
            if apply and draft is not None and draft.content:
                write_content(page, draft.content)
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


def write_content(page: Page, content: dict) -> Page:
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
    unschedule(draft, state=PageDraft.State.SENT_BACK, comment=comment)
    transaction.on_commit(lambda: tasks.enqueue_sent_back(page.pk))
    return draft


def page_restore_as_draft(*, page: Page, version, by: AbstractBaseUser) -> PageDraft:
    """Make an old revision of a live ``page`` its pending draft: the live page is
    unchanged until a reviewer publishes it."""
    with page_draft_session(page=page, by=by, apply=False) as session:
        version.revision.revert(delete=True)
        restored = Page.objects.get(pk=page.pk)
        parts = list(PagePart.objects.filter(page=page))
        session.save(page=as_proxy(restored), parts=parts)
    return PageDraft.objects.get(page=page)
