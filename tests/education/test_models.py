import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from education.models import Condition, Page, PagePart, Procedure, Section
from education.outline import page_outline

from .conftest import make_page, make_part

pytestmark = pytest.mark.django_db


def test_published_leaves_out_drafts():
    make_page(title="Live")
    make_page(title="Draft", status=Page.Status.DRAFT)
    assert [p.title for p in Page.objects.published()] == ["Live"]


def test_procedures_and_conditions_split_pages_by_kind():
    make_page(title="Kyphoplasty")
    make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    assert [p.title for p in Page.objects.procedures()] == ["Kyphoplasty"]
    assert [p.title for p in Page.objects.conditions()] == ["Osteoporosis"]


def test_proxy_models_hold_only_their_kind():
    make_page(title="Kyphoplasty")
    make_page(title="Osteoporosis", kind=Page.Kind.CONDITION)
    assert [p.title for p in Procedure.objects.all()] == ["Kyphoplasty"]
    assert [p.title for p in Condition.objects.published()] == ["Osteoporosis"]


def test_page_address_depends_on_its_kind():
    assert make_page(slug="kyphoplasty").get_absolute_url() == (
        "/procedures/kyphoplasty/"
    )
    condition = make_page(slug="osteoporosis", kind=Page.Kind.CONDITION)
    assert condition.get_absolute_url() == "/conditions/osteoporosis/"


def test_part_markdown_is_rendered_to_html_when_saved():
    part = make_part(make_page(), "section", body="Some **bold** words")
    assert part.body_html == "<p>Some <strong>bold</strong> words</p>"


def test_section_link_name_defaults_to_its_heading():
    part = make_part(make_page(), "section", heading="Who is a good candidate?")
    assert part.anchor == "who-is-a-good-candidate"


def test_each_part_proxy_saves_its_own_type():
    part = make_part(make_page(), "faq")
    assert PagePart.objects.get(pk=part.pk).type == PagePart.Type.FAQ
    assert not Section.objects.filter(pk=part.pk).exists()


def test_outline_puts_a_group_after_the_section_chosen_for_it():
    page = make_page()
    make_part(page, "section", heading="One", order=10, show_after="faqs")
    make_part(page, "section", heading="Two", order=20)
    make_part(page, "faq", heading="Q?")
    assert [b.kind for b in page_outline(page)] == ["section", "faqs", "section"]


def test_outline_puts_groups_placed_nowhere_after_the_last_section():
    page = make_page()
    make_part(page, "section", heading="One")
    make_part(page, "faq", heading="Q?")
    make_part(page, "step", heading="S")
    make_part(page, "timeline", heading="Day 1")
    kinds = [b.kind for b in page_outline(page)]
    assert kinds == ["section", "steps", "timeline", "faqs"]


def test_parts_come_in_the_order_editors_set():
    page = make_page()
    make_part(page, "step", heading="Second", order=20)
    make_part(page, "step", heading="First", order=10)
    [steps] = page_outline(Page.objects.with_parts().get(pk=page.pk))
    assert [s.heading for s in steps.items] == ["First", "Second"]


def test_database_refuses_a_published_page_without_medical_review():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_page(reviewed_by="", last_reviewed=None)


def test_database_refuses_an_illustration_without_alt_text():
    page = make_page()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_part(page, "step", illustration="education/x.png", alt="")


def test_review_overdue_lists_pages_past_their_next_review_date():
    make_page(title="Late", next_review_due=datetime.date(2026, 1, 1))
    make_page(title="Fine", next_review_due=datetime.date(2027, 1, 1))
    overdue = Page.objects.review_overdue(datetime.date(2026, 6, 1))
    assert [p.title for p in overdue] == ["Late"]


def test_a_draft_is_visible_only_to_staff_allowed_to_view_it(
    editor_user, frontdesk_user
):
    draft = make_page(status=Page.Status.DRAFT)
    assert draft.is_visible_to(editor_user)
    assert not draft.is_visible_to(frontdesk_user)
    assert not draft.is_visible_to(AnonymousUser())
