import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from education import services
from education.models import Page, PageDraft, PagePart, PageRedirect, Section

from .conftest import admin_form_data, make_full_page, make_page, make_part

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:education_procedure_changelist"


def change_url(page) -> str:
    return reverse(f"admin:education_{page.kind}_change", args=[page.pk])


def empty_parts(prefix: str) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def new_procedure_data(**fields) -> dict:
    data = {
        "title_en": "Kyphoplasty",
        "slug": "kyphoplasty",
        "summary_en": "A short summary.",
        **empty_parts("sections"),
        **empty_parts("steps"),
        **empty_parts("timelines"),
        **empty_parts("faqs"),
    }
    data.update(fields)
    return data


# --- Smoke -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "admin:education_procedure_changelist",
        "admin:education_procedure_add",
        "admin:education_condition_changelist",
        "admin:education_condition_add",
        "admin:education_pageredirect_changelist",
    ],
)
def test_admin_pages_open_for_a_superuser(client, superuser, name):
    client.force_login(superuser)
    assert client.get(reverse(name)).status_code == 200


def test_change_form_opens_with_all_inlines(client, reviewer_user, page):
    client.force_login(reviewer_user)
    response = client.get(change_url(page))
    prefixes = [f.formset.prefix for f in response.context["inline_admin_formsets"]]
    assert prefixes == ["sections", "steps", "timelines", "faqs"]


def test_changelist_shows_reading_grade_against_the_target(
    client, editor_user, clinic_settings
):
    make_page(title="Easy", reading_grade=6.2)
    make_page(title="Hard", reading_grade=11.5)
    client.force_login(editor_user)
    html = client.get(reverse(CHANGELIST)).content.decode()
    assert "reading grade (target: 8 or below)" in html.lower()
    assert "6.2: meets the target" in html
    assert "11.5: above the target, simplify" in html


def test_change_form_shows_reading_grade_and_target(client, editor_user):
    draft = make_page(status=Page.Status.DRAFT, reading_grade=7.1)
    client.force_login(editor_user)
    html = client.get(change_url(draft)).content.decode()
    assert "7.1: meets the target" in html
    assert "Target: grade 8 or below in every section" in html


def test_changelist_costs_the_same_queries_for_5_or_40_pages(
    client, reviewer_user, django_assert_num_queries
):
    client.force_login(reviewer_user)
    for number in range(5):
        make_page(title=f"Page {number}", next_review_due=datetime.date(2027, 1, 1))
    client.get(reverse(CHANGELIST))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        client.get(reverse(CHANGELIST))
    for number in range(5, 40):
        make_page(title=f"Page {number}")
    with django_assert_num_queries(len(five.captured_queries)):
        response = client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == 40


def test_review_overdue_filter_lists_only_overdue_pages(client, editor_user):
    today = timezone.localdate()
    make_page(title="Late", next_review_due=today - datetime.timedelta(days=1))
    make_page(title="Fine", next_review_due=today + datetime.timedelta(days=90))
    client.force_login(editor_user)
    response = client.get(reverse(CHANGELIST), {"review": "overdue"})
    assert [p.title for p in response.context["cl"].result_list] == ["Late"]
    assert "Review overdue" in response.content.decode()


def test_changelist_marks_overdue_reviews(client, editor_user):
    make_page(title="Late", next_review_due=datetime.date(2020, 1, 1))
    client.force_login(editor_user)
    html = client.get(reverse(CHANGELIST)).content.decode()
    assert "overdue since 2020-01-01" in html


# --- Drafting ------------------------------------------------------------------


def test_an_editor_creates_a_draft_with_parts_in_the_order_set(client, editor_user):
    client.force_login(editor_user)
    data = new_procedure_data(
        **{
            "sections-TOTAL_FORMS": "2",
            "sections-0-order": "20",
            "sections-0-heading_en": "Second",
            "sections-0-body_en": "Two.",
            "sections-1-order": "10",
            "sections-1-heading_en": "First",
            "sections-1-body_en": "One **strong** word.",
            "faqs-TOTAL_FORMS": "1",
            "faqs-0-order": "1",
            "faqs-0-heading_en": "Does it hurt?",
            "faqs-0-body_en": "A little.",
        }
    )
    response = client.post(reverse("admin:education_procedure_add"), data)
    assert response.status_code == 302, response.context["errors"]
    page = Page.objects.get(slug="kyphoplasty")
    assert page.status == Page.Status.DRAFT and page.kind == Page.Kind.PROCEDURE
    sections = Section.objects.filter(page=page)
    assert [s.heading for s in sections] == ["First", "Second"]
    assert sections[0].body_html == "<p>One <strong>strong</strong> word.</p>"
    assert page.reading_grade is not None
    assert "strong word" in page.search_text


def test_an_editor_cannot_publish_from_the_form(client, editor_user):
    client.force_login(editor_user)
    data = new_procedure_data(
        status="published", reviewed_by="Dr. A", last_reviewed="2026-01-05"
    )
    response = client.post(reverse("admin:education_procedure_add"), data)
    assert response.status_code == 302
    assert Page.objects.get().status == Page.Status.DRAFT


def test_the_editor_form_shows_status_as_text_only(client, editor_user):
    client.force_login(editor_user)
    response = client.get(reverse("admin:education_procedure_add"))
    assert "status" not in response.context["adminform"].form.fields


def test_saving_in_the_admin_fills_the_next_review_date(client, editor_user):
    client.force_login(editor_user)
    data = new_procedure_data(reviewed_by="Dr. A", last_reviewed="2026-01-05")
    client.post(reverse("admin:education_procedure_add"), data)
    assert Page.objects.get().next_review_due == datetime.date(2027, 1, 5)


def test_reserved_or_repeated_section_link_names_are_refused(client, editor_user):
    client.force_login(editor_user)
    data = new_procedure_data(
        **{
            "sections-TOTAL_FORMS": "3",
            "sections-0-heading_en": "Steps",
            "sections-0-body_en": "x",
            "sections-1-heading_en": "Risks",
            "sections-1-body_en": "x",
            "sections-2-heading_en": "Other",
            "sections-2-anchor": "risks",
            "sections-2-body_en": "x",
        }
    )
    response = client.post(reverse("admin:education_procedure_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "“steps” is used by the page itself" in html
    assert "Two sections would link as “risks”" in html
    assert not Page.objects.exists()


# --- Live pages and publishing -----------------------------------------------------


def test_an_editor_edits_a_live_page_without_the_status(client, editor_user, page):
    client.force_login(editor_user)
    response = client.get(change_url(page))
    assert response.status_code == 200
    assert "title_en" in response.context["adminform"].form.fields
    assert "status" not in response.context["adminform"].form.fields
    assert "Live." in response.content.decode()


def test_an_editors_change_to_a_live_page_is_a_draft(client, editor_user, page):
    client.force_login(editor_user)
    data = admin_form_data(client.get(change_url(page)))
    data["title_en"] = "Changed by an editor"
    assert client.post(change_url(page), data).status_code == 302
    assert Page.objects.get(pk=page.pk).title == "Kyphoplasty"
    draft = PageDraft.objects.get(page=page)
    assert draft.content["page"]["fields"]["title"] == "Changed by an editor"


def test_an_editor_cannot_delete_a_live_page(client, editor_user, page):
    client.force_login(editor_user)
    url = reverse("admin:education_procedure_delete", args=[page.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Page.objects.filter(pk=page.pk).exists()


def test_an_editor_cannot_delete_a_live_page_from_the_list(client, editor_user, page):
    client.force_login(editor_user)
    client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [page.pk], "post": "yes"},
    )
    assert Page.objects.filter(pk=page.pk).exists()


def test_an_editor_deletes_a_draft(client, editor_user):
    draft = make_page(status=Page.Status.DRAFT)
    client.force_login(editor_user)
    url = reverse("admin:education_procedure_delete", args=[draft.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Page.objects.exists()


def test_an_editor_has_no_publish_action(client, editor_user):
    client.force_login(editor_user)
    response = client.get(reverse(CHANGELIST))
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "publish_pages" not in actions


def test_an_editor_posting_the_publish_action_publishes_nothing(client, editor_user):
    draft = make_page(
        status=Page.Status.DRAFT, reviewed_by="A", last_reviewed=datetime.date.today()
    )
    client.force_login(editor_user)
    client.post(
        reverse(CHANGELIST),
        {"action": "publish_pages", "_selected_action": [draft.pk]},
    )
    assert Page.objects.get(pk=draft.pk).status == Page.Status.DRAFT


def test_a_reviewer_publishes_from_the_form(client, reviewer_user):
    draft = make_full_page(
        status=Page.Status.DRAFT,
        reviewed_by="Dr. A",
        last_reviewed=datetime.date(2026, 1, 5),
    )
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(change_url(draft)))
    data["status"] = "published"
    response = client.post(change_url(draft), data)
    assert response.status_code == 302, response.context["errors"]
    draft.refresh_from_db()
    assert draft.is_published and draft.published_at is not None
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_publishing_an_unreviewed_page_is_refused_with_a_reason(client, reviewer_user):
    draft = make_page(status=Page.Status.DRAFT)
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(change_url(draft)))
    data["status"] = "published"
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "can only be published once it has been medically" in (
        response.content.decode()
    )
    assert Page.objects.get(pk=draft.pk).status == Page.Status.DRAFT


def test_the_publish_action_publishes_reviewed_pages_and_names_the_others(
    client, reviewer_user
):
    ready = make_page(
        title="Ready",
        status=Page.Status.DRAFT,
        reviewed_by="A",
        last_reviewed=datetime.date(2026, 1, 1),
    )
    unready = make_page(title="Unready", status=Page.Status.DRAFT)
    client.force_login(reviewer_user)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "publish_pages", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )
    assert Page.objects.get(pk=ready.pk).is_published
    assert not Page.objects.get(pk=unready.pk).is_published
    assert "Unready: A page can only be published" in response.content.decode()


def test_the_unpublish_action_moves_pages_back_to_draft(client, reviewer_user, page):
    client.force_login(reviewer_user)
    client.post(
        reverse(CHANGELIST),
        {"action": "unpublish_pages", "_selected_action": [page.pk]},
    )
    assert Page.objects.get(pk=page.pk).status == Page.Status.DRAFT


def test_changing_a_live_slug_in_the_admin_keeps_the_old_address(
    client, reviewer_user, page
):
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(change_url(page)))
    data["slug"] = "balloon-kyphoplasty"
    assert client.post(change_url(page), data).status_code == 302
    services.page_publish_changes(page=page, by=reviewer_user)
    assert PageRedirect.objects.get().old_slug == "kyphoplasty"
    response = client.get("/procedures/kyphoplasty/")
    assert response.status_code == 301
    assert response["Location"] == "/procedures/balloon-kyphoplasty/"


def test_resaving_a_page_keeps_its_parts_and_illustration(client, reviewer_user, page):
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(change_url(page)))
    assert client.post(change_url(page), data).status_code == 302
    step = PagePart.objects.get(page=page, type="step")
    assert step.illustration.name == "education/demo/needle.svg"
    assert PagePart.objects.filter(page=page).count() == 5


def test_old_addresses_are_listed_for_editors(client, editor_user, page):
    PageRedirect.objects.create(old_slug="old-name", page=page)
    client.force_login(editor_user)
    html = client.get(reverse("admin:education_pageredirect_changelist")).content
    assert b"old-name" in html


def test_preview_link_in_the_form_opens_the_page(client, editor_user):
    draft = make_page(status=Page.Status.DRAFT, slug="new-page")
    client.force_login(editor_user)
    html = client.get(change_url(draft)).content.decode()
    assert 'href="/procedures/new-page/">Preview this draft' in html


def test_a_condition_form_has_sections_and_questions_only(client, reviewer_user):
    condition = make_page(kind=Page.Kind.CONDITION, title="Osteoporosis")
    make_part(condition, "section")
    client.force_login(reviewer_user)
    response = client.get(change_url(condition))
    prefixes = [f.formset.prefix for f in response.context["inline_admin_formsets"]]
    assert prefixes == ["sections", "faqs"]
