"""Drafts of live pages, their review, comparison and reading grades by section."""

import datetime
import re

import pytest
import reversion
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from education import services
from education.models import Page, PageDraft, PagePart, Procedure
from education.revisions import describe, snapshot, word_diff

from .conftest import admin_form_data, make_full_page, make_page

pytestmark = pytest.mark.django_db

NEW_STEP = "The doctor places a thin needle in the bone, guided by X-rays."
HARD = (
    "Notwithstanding multidisciplinary interdisciplinary considerations, "
    "percutaneous vertebral augmentation necessitates comprehensive "
    "preoperative radiological characterization, anticoagulation "
    "discontinuation, electrocardiographic evaluation and individualized "
    "anaesthesiological optimization."
)


def url(name, page, *args):
    return reverse(f"admin:education_procedure_{name}", args=[page.pk, *args])


@pytest.fixture
def reviewers(reviewer_user, editor_user):
    reviewer_user.email = "doc@example.com"
    reviewer_user.save()
    editor_user.email = "writer@example.com"
    editor_user.save()


def edit_step(client, page, body=NEW_STEP, **extra):
    data = admin_form_data(client.get(url("change", page)))
    data["steps-0-body_en"] = body
    data.update(extra)
    response = client.post(url("change", page), data)
    assert response.status_code == 302, response.context and response.context.get(
        "errors"
    )
    return response


def test_the_live_page_stays_public_and_unchanged_while_a_draft_is_edited(
    client, editor_user, page
):
    client.force_login(editor_user)
    edit_step(client, page)
    assert PagePart.objects.get(page=page, type="step").body != NEW_STEP
    client.logout()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Placing the needle" in html and NEW_STEP not in html


def test_the_form_shows_the_draft_on_the_next_visit(client, editor_user, page):
    client.force_login(editor_user)
    edit_step(client, page)
    html = client.get(url("change", page)).content.decode()
    assert NEW_STEP in html
    assert "Live with changes pending." in html


def test_a_second_draft_edit_adds_to_the_first(client, editor_user, page):
    client.force_login(editor_user)
    edit_step(client, page)
    data = admin_form_data(client.get(url("change", page)))
    data["title_en"] = "Kyphoplasty, new"
    assert client.post(url("change", page), data).status_code == 302
    content = PageDraft.objects.get(page=page).content
    step = next(p for p in content["parts"] if p["fields"]["type"] == "step")
    assert step["fields"]["body"] == NEW_STEP
    assert content["page"]["fields"]["title"] == "Kyphoplasty, new"


def test_a_new_part_in_a_draft_is_published_with_it(client, editor_user, page):
    client.force_login(editor_user)
    data = admin_form_data(client.get(url("change", page)))
    data.update(
        {
            "faqs-TOTAL_FORMS": "2",
            "faqs-1-order": "20",
            "faqs-1-heading_en": "Can I drive home?",
            "faqs-1-body_en": "No. Someone should drive you.",
        }
    )
    assert client.post(url("change", page), data).status_code == 302
    assert not PagePart.objects.filter(heading="Can I drive home?").exists()
    services.page_publish_changes(page=page, by=None)
    assert PagePart.objects.get(heading="Can I drive home?").page_id == page.pk


def test_the_list_names_live_pending_and_draft_pages(client, editor_user, page):
    make_page(title="Only a draft", status=Page.Status.DRAFT)
    make_page(title="Simply live")
    client.force_login(editor_user)
    edit_step(client, page)
    html = client.get(reverse("admin:education_procedure_changelist")).content
    html = html.decode()
    assert "Live with changes pending" in html
    assert ">Live<" in html and ">Draft<" in html


def test_staff_preview_the_draft_at_the_page_address_with_a_banner(
    client, editor_user, page
):
    client.force_login(editor_user)
    edit_step(client, page)
    html = client.get(page.get_absolute_url() + "?draft=1").content.decode()
    assert NEW_STEP in html
    assert "Draft preview of changes to a live page." in html
    assert "Placing the needle" in html  # the heading the draft kept
    client.logout()
    anonymous = client.get(page.get_absolute_url() + "?draft=1").content.decode()
    assert NEW_STEP not in anonymous and "Draft preview" not in anonymous


def test_the_preview_grades_each_section_on_the_scale_of_its_language(
    client, editor_user, page
):
    client.force_login(editor_user)
    edit_step(client, page)
    english = client.get(page.get_absolute_url() + "?draft=1").content.decode()
    assert "Flesch-Kincaid grade (target: grade 8 or below in every section)" in english
    spanish = client.get("/es" + page.get_absolute_url() + "?draft=1")
    assert "Fernández-Huerta" in spanish.content.decode()
    assert "70 or more" in spanish.content.decode()


def test_submitting_for_review_emails_the_reviewers(
    client, editor_user, reviewers, page, django_capture_on_commit_callbacks
):
    client.force_login(editor_user)
    with django_capture_on_commit_callbacks(execute=True):
        edit_step(client, page, _submit_review="1")
    assert PageDraft.objects.get(page=page).state == PageDraft.State.IN_REVIEW
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["doc@example.com"]
    assert "Review requested: Kyphoplasty" in message.subject
    assert url("review", page) in message.body
    assert "Changed step “Placing the needle”: text." in message.body


def test_the_awaiting_review_filter_lists_only_submitted_pages(
    client, editor_user, page
):
    other = make_page(title="Other page")
    client.force_login(editor_user)
    edit_step(client, page, _submit_review="1")
    changelist = reverse("admin:education_procedure_changelist")
    pages = client.get(changelist, {"changes": "review"}).context["cl"].result_list
    assert list(pages) == [Procedure.objects.get(pk=page.pk)]
    assert other not in pages


def test_an_editor_cannot_publish_from_the_review_screen(client, editor_user, page):
    client.force_login(editor_user)
    edit_step(client, page)
    response = client.post(url("review", page), {"last_reviewed": "2026-04-01"})
    assert response.status_code == 403
    assert PageDraft.objects.filter(page=page).exists()


def test_a_reviewer_publishes_confirming_the_review_date(
    client, editor_user, reviewer_user, page
):
    client.force_login(editor_user)
    edit_step(client, page)
    client.force_login(reviewer_user)
    review = client.get(url("review", page)).content.decode()
    assert "edu-diff__added" in review and 'value="2026-03-01"' in review
    response = client.post(url("review", page), {"last_reviewed": "2026-04-02"})
    assert response.status_code == 302
    live = Page.objects.get(pk=page.pk)
    assert PagePart.objects.get(page=page, type="step").body == NEW_STEP
    assert live.last_reviewed == datetime.date(2026, 4, 2)
    assert live.next_review_due == datetime.date(2027, 4, 2)
    assert not PageDraft.objects.filter(page=page).exists()
    versions = Version.objects.get_for_object(Procedure.objects.get(pk=page.pk))
    comment = versions.first().revision.comment
    assert comment == (
        "Published. Changed last reviewed, next review due. "
        "Changed step “Placing the needle”: text."
    )


def test_publishing_without_a_review_date_is_refused_next_to_the_field(
    client, editor_user, reviewer_user, page
):
    client.force_login(editor_user)
    edit_step(client, page)
    client.force_login(reviewer_user)
    response = client.post(url("review", page), {"last_reviewed": ""})
    assert response.status_code == 200
    assert "Confirm or renew the date" in response.content.decode()
    assert PageDraft.objects.filter(page=page).exists()


def test_sending_back_needs_a_comment_and_emails_the_editor(
    client,
    editor_user,
    reviewer_user,
    reviewers,
    page,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor_user)
    edit_step(client, page, _submit_review="1")
    client.force_login(reviewer_user)
    refused = client.post(url("review", page), {"_send_back": "1", "comment": " "})
    assert "Say what the editor should change" in refused.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("review", page),
            {"_send_back": "1", "comment": "Say needle, not trocar."},
        )
    assert response.status_code == 302
    assert PageDraft.objects.get(page=page).state == PageDraft.State.SENT_BACK
    assert [m.to for m in mail.outbox] == [["writer@example.com"]]
    assert "Say needle, not trocar." in mail.outbox[0].body
    client.force_login(editor_user)
    assert "Say needle, not trocar." in client.get(url("change", page)).content.decode()


def test_taking_a_page_off_the_site_keeps_its_pending_changes(page):
    page_id = page.pk
    with services.page_draft_session(page=page, by=None) as session:
        step = PagePart.objects.get(page_id=page_id, type="step")
        step.body = NEW_STEP
        session.save(page=Page.objects.get(pk=page_id), parts=[step])
    services.page_unpublish(page=Page.objects.get(pk=page_id), by=None)
    assert PagePart.objects.get(page_id=page_id, type="step").body == NEW_STEP
    assert Page.objects.get(pk=page_id).status == Page.Status.DRAFT


# --- Comparison and history ---------------------------------------------------------


def test_word_diff_marks_added_and_removed_words():
    assert word_diff("a thin needle", "a thick needle") == [
        ("same", "a "),
        ("removed", "thin"),
        ("added", "thick"),
        ("same", " needle"),
    ]


def test_describe_names_only_what_changed(page):
    before = snapshot(page.pk)
    services.page_save(page=Page.objects.get(pk=page.pk), by=None)
    assert describe(before, snapshot(page.pk)) == "No change to the content."


def test_comparing_two_revisions_marks_words_section_by_section(
    client, reviewer_user, page
):
    client.force_login(reviewer_user)
    services.page_publish_changes(page=page, by=None)
    edit_step(client, page)
    services.page_publish_changes(page=page, by=None)
    new, old = Version.objects.get_for_object(Procedure.objects.get(pk=page.pk))
    response = client.get(url("compare", page), {"a": old.pk, "b": new.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'Step “Placing the needle” <span class="edu-diff__state">(changed)' in (html)
    assert '<ins class="edu-diff__added">' in html and "X-rays." in html
    assert '<del class="edu-diff__removed">' in html


def test_compare_ignores_unknown_choices(client, reviewer_user, page):
    client.force_login(reviewer_user)
    response = client.get(url("compare", page), {"a": "x\x00", "b": "999999"})
    assert response.status_code == 200


def test_restoring_an_old_revision_of_a_live_page_makes_a_draft(
    client, reviewer_user, page
):
    client.force_login(reviewer_user)
    services.page_publish_changes(page=page, by=None)
    edit_step(client, page)
    services.page_publish_changes(page=page, by=None)
    old = Version.objects.get_for_object(Procedure.objects.get(pk=page.pk)).last()
    data = admin_form_data(client.get(url("revision", page, old.pk)))
    assert client.post(url("revision", page, old.pk), data).status_code == 302
    assert PagePart.objects.get(page=page, type="step").body == NEW_STEP
    draft = PageDraft.objects.get(page=page)
    assert "Changed step “Placing the needle”: text." in draft.changes


def test_history_times_are_to_the_second(client, reviewer_user, page):
    client.force_login(reviewer_user)
    with reversion.create_revision():
        services.page_publish_changes(page=page, by=reviewer_user)
    html = client.get(url("history", page)).content.decode()
    assert re.search(r">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d</time>", html)
    assert "Published. No change to the content." in html


# --- Reading grade by section ---------------------------------------------------


def test_a_very_hard_sentence_makes_its_section_and_the_page_miss_the_target(
    client, reviewer_user, clinic_settings
):
    page = make_full_page(status=Page.Status.DRAFT)
    assert Page.objects.get(pk=page.pk).reading_grade <= 8
    section = PagePart.objects.get(page=page, heading="What is it?")
    section.body = "It is a short treatment. " + HARD
    services.page_save(page=Page.objects.get(pk=page.pk), by=None, parts=[section])
    assert Page.objects.get(pk=page.pk).reading_grade > 8
    client.force_login(reviewer_user)
    html = client.get(url("change", page)).content.decode()
    assert "above the target, simplify" in html
    row = html.split("Section “What is it?”")[1].split("</tr>")[0]
    assert "above the target" in row
    assert "Notwithstanding multidisciplinary" in row
    other = html.split("Section “How do I prepare?”")[1].split("</tr>")[0]
    assert "above the target" not in other


# --- Reminders ------------------------------------------------------------------


def test_weekly_reminder_names_pages_due_soon_or_overdue(reviewers, clinic_settings):
    today = datetime.date.today()
    make_page(title="Overdue", next_review_due=today - datetime.timedelta(days=3))
    make_page(title="Soon", next_review_due=today + datetime.timedelta(days=20))
    make_page(title="Later", next_review_due=today + datetime.timedelta(days=90))
    call_command("send_review_reminders", verbosity=0)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Overdue: overdue since" in body and "Soon: due on" in body
    assert "Later" not in body


def test_a_change_address_that_is_not_a_page_id_is_no_server_error(
    client, reviewer_user, page
):
    client.force_login(reviewer_user)
    url = reverse("admin:education_procedure_change", args=["1/change/widgets.css"])
    assert client.get(url).status_code in (302, 404)
