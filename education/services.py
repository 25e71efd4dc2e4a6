"""Writes to education pages. The admin and the demo loader call these functions, so
each rule (who may publish, when the next review is due, old addresses kept, the text
derived from what editors typed) is written once, here. Database constraints on the
models hold the invariants."""

from collections.abc import Iterable

from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Page, PagePart, PageRedirect
from .outline import default_anchor
from .text import as_sentences, html_blocks, reading_grade, render_markdown

PUBLISH_PERMISSION = "education.publish_page"
REVIEW_INTERVAL = relativedelta(months=12)
# Plain-language target shown to editors: Flesch-Kincaid grade 8 or below.
READING_GRADE_TARGET = 8


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
        .values("slug", "status", "published_at", "last_reviewed", "next_review_due")
        .first()
        if page.pk
        else None
    )
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
            part.anchor = default_anchor(part.heading)
        part.body_html = render_markdown(part.body)
        part.save()
    page.search_text = _plain_text(page)
    page.reading_grade = reading_grade(page.search_text)
    page.save(update_fields=["search_text", "reading_grade"])
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
    if by is not None and not can_publish(by):
        raise PermissionDenied(_("You may not unpublish pages."))
    page.status = Page.Status.DRAFT
    return page_save(page=page, by=by)


def _plain_text(page: Page) -> str:
    """Everything a patient reads on the page, as plain sentences."""
    blocks = [page.title, page.summary, *(value for _, value in page.at_a_glance)]
    for part in PagePart.objects.filter(page=page):
        blocks.append(part.heading)
        blocks.extend(html_blocks(part.body_html))
    return as_sentences(blocks)
