import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from education import services
from education.models import Faq, Page, PageRedirect, Section
from education.readability import READING_GRADE_TARGET

from .conftest import make_page, make_part

pytestmark = pytest.mark.django_db


def test_next_review_is_due_twelve_months_after_the_last_review(reviewer_user):
    page = make_page(status=Page.Status.DRAFT, last_reviewed=datetime.date(2026, 5, 4))
    services.page_save(page=page, by=reviewer_user)
    assert page.next_review_due == datetime.date(2027, 5, 4)


def test_a_new_review_date_moves_the_next_review_date(reviewer_user):
    page = make_page(
        last_reviewed=datetime.date(2026, 1, 10),
        next_review_due=datetime.date(2027, 1, 10),
    )
    page.last_reviewed = datetime.date(2026, 8, 1)
    services.page_save(page=page, by=reviewer_user)
    assert page.next_review_due == datetime.date(2027, 8, 1)


def test_a_next_review_date_chosen_by_the_editor_is_kept(reviewer_user):
    page = make_page(
        last_reviewed=datetime.date(2026, 1, 10),
        next_review_due=datetime.date(2027, 1, 10),
    )
    page.last_reviewed = datetime.date(2026, 8, 1)
    page.next_review_due = datetime.date(2026, 12, 1)
    services.page_save(page=page, by=reviewer_user)
    assert page.next_review_due == datetime.date(2026, 12, 1)


def test_a_review_on_the_29th_of_february_is_next_due_on_the_28th(reviewer_user):
    page = make_page(status=Page.Status.DRAFT, last_reviewed=datetime.date(2028, 2, 29))
    services.page_save(page=page, by=reviewer_user)
    assert page.next_review_due == datetime.date(2029, 2, 28)


def test_publishing_records_the_first_publication_date(reviewer_user):
    page = make_page(
        status=Page.Status.DRAFT,
        reviewed_by="Dr. A",
        last_reviewed=datetime.date(2026, 1, 1),
    )
    services.page_publish(page=page, by=reviewer_user)
    page.refresh_from_db()
    assert page.is_published and page.published_at is not None


def test_an_editor_cannot_publish(editor_user):
    page = make_page(
        status=Page.Status.DRAFT,
        reviewed_by="Dr. A",
        last_reviewed=datetime.date(2026, 1, 1),
    )
    with pytest.raises(PermissionDenied):
        services.page_publish(page=page, by=editor_user)
    page.status = Page.Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        services.page_save(page=page, by=editor_user)
    assert Page.objects.get(pk=page.pk).status == Page.Status.DRAFT


def test_an_editor_cannot_change_a_live_page(editor_user):
    page = make_page(title="Kyphoplasty")
    page.title = "Changed"
    with pytest.raises(PermissionDenied):
        services.page_save(page=page, by=editor_user)
    assert Page.objects.get(pk=page.pk).title == "Kyphoplasty"


def test_an_editor_saves_a_draft(editor_user):
    page = make_page(status=Page.Status.DRAFT, title="Old")
    page.title = "New"
    services.page_save(page=page, by=editor_user)
    assert Page.objects.get(pk=page.pk).title == "New"


def test_a_page_is_only_published_once_medically_reviewed(reviewer_user):
    page = make_page(status=Page.Status.DRAFT)
    with pytest.raises(ValidationError, match="medically reviewed"):
        services.page_publish(page=page, by=reviewer_user)


def test_a_published_page_keeps_its_old_slug_as_a_redirect(reviewer_user):
    page = make_page(slug="balloon-kyphoplasty")
    page.slug = "kyphoplasty"
    services.page_save(page=page, by=reviewer_user)
    redirect = PageRedirect.objects.get()
    assert (redirect.old_slug, redirect.page) == ("balloon-kyphoplasty", page)


def test_a_never_published_draft_changes_slug_without_a_redirect(editor_user):
    page = make_page(slug="first-try", status=Page.Status.DRAFT)
    page.slug = "second-try"
    services.page_save(page=page, by=editor_user)
    assert not PageRedirect.objects.exists()


def test_a_page_taking_back_an_old_slug_drops_that_redirect(reviewer_user):
    page = make_page(slug="one")
    page.slug = "two"
    services.page_save(page=page, by=reviewer_user)
    page.slug = "one"
    services.page_save(page=page, by=reviewer_user)
    assert list(PageRedirect.objects.values_list("old_slug", flat=True)) == ["two"]


def test_a_draft_taking_another_pages_old_slug_leaves_the_redirect(
    editor_user, reviewer_user
):
    live = make_page(slug="one")
    live.slug = "two"
    services.page_save(page=live, by=reviewer_user)
    draft = make_page(slug="draft", status=Page.Status.DRAFT)
    draft.slug = "one"
    services.page_save(page=draft, by=editor_user)
    redirect = PageRedirect.objects.get()
    assert (redirect.old_slug, redirect.page) == ("one", live)
    draft.reviewed_by, draft.last_reviewed = "Dr. A", datetime.date(2026, 1, 1)
    services.page_publish(page=draft, by=reviewer_user)
    assert not PageRedirect.objects.exists()


def test_page_text_is_measured_without_markdown_marks():
    page = make_page(title="Kyphoplasty", summary="A short summary.")
    make_part(page, "section", heading="What is it", body="A **bold** [link](/x).")
    assert "**" not in page.search_text and "](" not in page.search_text
    assert "A bold link." in page.search_text
    assert page.reading_grade is not None


def test_a_page_of_short_plain_sentences_meets_the_grade_target():
    page = make_page(title="Rest", summary="Rest helps.")
    make_part(page, "section", heading="Why", body="Rest is good. You feel better.")
    assert page.reading_grade <= READING_GRADE_TARGET


def test_saving_a_part_outside_the_admin_derives_its_html_and_the_page_text():
    page = make_page(title="Kyphoplasty")
    section = Section(order=10, heading="Who is it for?", body="People with **pain**.")
    services.page_save(page=page, by=None, parts=[section])
    section.refresh_from_db()
    page.refresh_from_db()
    assert section.body_html == "<p>People with <strong>pain</strong>.</p>"
    assert section.anchor == "who-is-it-for"
    assert "People with pain." in page.search_text
    assert page.reading_grade is not None


def test_a_changed_title_or_part_outside_the_admin_leaves_no_stale_text():
    page = make_page(title="Kyphoplasty")
    section = make_part(page, "section", body="Old words.")
    page.title = "Balloon kyphoplasty"
    section.body = "New words."
    services.page_save(page=page, by=None, parts=[section])
    page.refresh_from_db()
    assert "Balloon kyphoplasty" in page.search_text
    assert "New words." in page.search_text and "Old words" not in page.search_text
    assert Section.objects.get().body_html == "<p>New words.</p>"


def test_a_deleted_part_leaves_the_page_text():
    page = make_page()
    make_part(page, "faq", heading="Does it hurt?", body="A little.")
    services.page_save(page=page, by=None, deleted_parts=[Faq.objects.get()])
    assert not Faq.objects.exists()
    assert "Does it hurt" not in Page.objects.get().search_text
