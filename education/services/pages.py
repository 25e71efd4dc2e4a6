"""Saving a page: who may change what patients read, the review dates, old
addresses kept, and the text derived from what editors typed (HTML, search text,
reading grades, the Spanish version's state)."""

from collections.abc import Iterable

from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import translation
from ..models import Condition, Page, PagePart, PageRedirect, Procedure
from ..outline import default_anchor
from ..readability import page_grade, section_grades
from ..text import as_sentences, html_blocks, render_markdown

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


def as_proxy(page: Page) -> Page:
    """The page as its Procedure or Condition proxy: the models reversion knows."""
    proxy = Procedure if page.kind == Page.Kind.PROCEDURE else Condition
    if type(page) is not proxy:
        page.__class__ = proxy
    return page
