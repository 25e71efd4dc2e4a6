import re

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from education import services
from education.models import (
    Faq,
    Page,
    PageDraft,
    PagePart,
    PageRedirect,
    Procedure,
    Section,
    Step,
)

from .conftest import admin_form_data, make_full_page, make_page

pytestmark = pytest.mark.django_db


def change_url(page) -> str:
    return reverse("admin:education_procedure_change", args=[page.pk])


def history_url(page) -> str:
    return reverse("admin:education_procedure_history", args=[page.pk])


def revision_url(page, version) -> str:
    return reverse("admin:education_procedure_revision", args=[page.pk, version.pk])


def save_in_admin(client, page, **changes):
    data = admin_form_data(client.get(change_url(page)))
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    response = client.post(change_url(page), data)
    assert response.status_code == 302, response.context["errors"]
    if Page.objects.get(pk=page.pk).is_published:  # the edit is the page's draft
        services.page_publish_changes(page=page, by=None)
    return response


def restore(client, page, version):
    data = admin_form_data(client.get(revision_url(page, version)))
    response = client.post(revision_url(page, version), data)
    assert response.status_code == 302
    if Page.objects.get(pk=page.pk).is_published:  # restored as the page's draft
        services.page_publish_changes(page=page, by=None)
    return response


def versions_of(page):
    return Version.objects.get_for_object(Procedure.objects.get(pk=page.pk))


@pytest.fixture
def editing(client, reviewer_user, page):
    """The full page, saved once in the admin by a reviewer: its first revision."""
    client.force_login(reviewer_user)
    save_in_admin(client, page)
    return page


def test_every_admin_save_keeps_a_revision_with_the_parts(client, editing):
    save_in_admin(client, editing, title_en="Kyphoplasty, changed")
    assert versions_of(editing).count() == 2
    revision = versions_of(editing).first().revision
    types = {v.content_type.model for v in revision.version_set.all()}
    assert types == {"procedure", "pagepart"}
    assert revision.version_set.filter(content_type__model="pagepart").count() == 5


def test_history_lists_who_changed_what(client, editing):
    save_in_admin(client, editing, title_en="Kyphoplasty, changed")
    html = client.get(history_url(editing)).content.decode()
    assert "Published. Changed title." in html
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d</time>", html)


def test_reverting_restores_sections_steps_and_questions(client, editing):
    first = versions_of(editing).get()
    save_in_admin(
        client,
        editing,
        **{
            "sections-0-body_en": "Rewritten text.",
            "steps-0-DELETE": "on",
            "faqs-0-DELETE": "on",
        },
    )
    assert not PagePart.objects.filter(page=editing, type="faq").exists()
    restore(client, editing, first)
    first = Section.objects.filter(page=editing).first()
    assert first.body == "Some plain words about this section."
    assert [s.heading for s in Step.objects.filter(page=editing)] == [
        "Placing the needle"
    ]
    assert [f.heading for f in Faq.objects.filter(page=editing)] == ["Does it hurt?"]
    assert "Added question “Does it hurt?”" in (
        versions_of(editing).first().revision.comment
    )


def test_reverting_deletes_parts_added_since(client, editing):
    first = versions_of(editing).get()
    save_in_admin(
        client,
        editing,
        **{
            "faqs-TOTAL_FORMS": "2",
            "faqs-1-order": "20",
            "faqs-1-heading_en": "New question?",
            "faqs-1-body_en": "New answer.",
        },
    )
    restore(client, editing, first)
    assert not PagePart.objects.filter(heading="New question?").exists()


def test_viewing_an_old_version_changes_nothing(client, editing):
    first = versions_of(editing).get()
    save_in_admin(client, editing, title_en="Newer title")
    response = client.get(revision_url(editing, first))
    assert response.status_code == 200
    assert Page.objects.get(pk=editing.pk).title == "Newer title"


def test_reverting_to_an_old_slug_keeps_the_current_address_working(client, editing):
    first = versions_of(editing).get()
    save_in_admin(client, editing, slug="balloon-kyphoplasty")
    restore(client, editing, first)
    assert Page.objects.get(pk=editing.pk).slug == "kyphoplasty"
    redirects = PageRedirect.objects.values_list("old_slug", flat=True)
    assert list(redirects) == ["balloon-kyphoplasty"]


def test_an_editor_restores_a_live_page_only_as_its_draft(client, editor_user, editing):
    first = versions_of(editing).get()
    save_in_admin(client, editing, title_en="Reviewed title")
    data = admin_form_data(client.get(revision_url(editing, first)))
    client.force_login(editor_user)
    assert client.post(revision_url(editing, first), data).status_code == 302
    assert Page.objects.get(pk=editing.pk).title == "Reviewed title"
    draft = PageDraft.objects.get(page=editing)
    assert draft.content["page"]["fields"]["title"] == "Kyphoplasty"
    assert "Changed title" in draft.changes


def test_an_editor_cannot_revert_a_draft_to_a_published_version(
    client, editor_user, editing
):
    published = versions_of(editing).get()
    with reversion.create_revision():
        services.page_unpublish(page=editing, by=None)
    data = admin_form_data(client.get(revision_url(editing, published)))
    client.force_login(editor_user)
    assert client.post(revision_url(editing, published), data).status_code == 403
    assert Page.objects.get(pk=editing.pk).status == Page.Status.DRAFT


def test_an_editor_reverts_a_draft_to_an_earlier_draft(client, editor_user, db):
    draft = make_full_page(status=Page.Status.DRAFT, title="First draft")
    client.force_login(editor_user)
    save_in_admin(client, draft)
    first = versions_of(draft).get()
    save_in_admin(client, draft, title_en="Second draft")
    data = admin_form_data(client.get(revision_url(draft, first)))
    assert client.post(revision_url(draft, first), data).status_code == 302
    assert Page.objects.get(pk=draft.pk).title == "First draft"


def test_a_deleted_draft_can_be_recovered_with_its_parts(client, reviewer_user, db):
    draft = make_full_page(status=Page.Status.DRAFT, title="Lost page")
    client.force_login(reviewer_user)
    save_in_admin(client, draft)
    pk = draft.pk
    client.post(reverse("admin:education_procedure_delete", args=[pk]), {"post": "yes"})
    version = Version.objects.get_deleted(Procedure).get()
    url = reverse("admin:education_procedure_recover", args=[version.pk])
    data = admin_form_data(client.get(url))
    assert client.post(url, data).status_code == 302
    assert PagePart.objects.filter(page_id=pk).count() == 5


def test_recovering_a_page_whose_address_is_taken_explains_why(
    client, reviewer_user, db
):
    draft = make_page(status=Page.Status.DRAFT, slug="taken")
    client.force_login(reviewer_user)
    save_in_admin(client, draft)
    client.post(
        reverse("admin:education_procedure_delete", args=[draft.pk]), {"post": "yes"}
    )
    make_page(status=Page.Status.DRAFT, slug="taken", title="Newcomer")
    version = Version.objects.get_deleted(Procedure).get()
    url = reverse("admin:education_procedure_recover", args=[version.pk])
    response = client.post(url, {}, follow=True)
    assert response.status_code == 200
    assert "address is now used by another page" in response.content.decode()


# --- A revision holds one page: restoring it never touches another page. ---------


def bulk_action(client, action, *pages):
    url = reverse("admin:education_procedure_changelist")
    data = {"action": action, "_selected_action": [page.pk for page in pages]}
    assert client.post(url, data).status_code == 302


def pages_in(revision) -> set[int]:
    return {
        int(v.object_id)
        for v in revision.version_set.filter(content_type__model="procedure")
    }


def test_an_action_on_several_pages_gives_each_page_its_own_revision(
    client, reviewer_user, clinic_settings
):
    one, two = make_full_page(title="One"), make_full_page(title="Two")
    client.force_login(reviewer_user)
    bulk_action(client, "unpublish_pages", one, two)
    for page in (one, two):
        revision = versions_of(page).get().revision
        assert pages_in(revision) == {page.pk}
        parts = revision.version_set.filter(content_type__model="pagepart")
        assert parts.count() == 5
        assert revision.user == reviewer_user
        assert revision.comment == "Moved back to draft from the list."


def test_restoring_one_page_leaves_a_page_changed_in_the_same_action(
    client, reviewer_user, editor_user, clinic_settings
):
    one, two = make_full_page(title="One"), make_full_page(title="Two")
    client.force_login(reviewer_user)
    bulk_action(client, "unpublish_pages", one, two)
    bulk_action(client, "publish_pages", one)
    drafted = versions_of(two).get()
    client.force_login(editor_user)
    save_in_admin(client, two, title_en="Two, rewritten")
    data = admin_form_data(client.get(revision_url(two, drafted)))
    assert client.post(revision_url(two, drafted), data).status_code == 302
    assert Page.objects.get(pk=one.pk).is_published
    assert Page.objects.get(pk=two.pk).title == "Two"


def test_a_version_saved_with_other_pages_is_not_restored(
    client, reviewer_user, clinic_settings
):
    one, two = make_full_page(title="One"), make_full_page(title="Two")
    with reversion.create_revision():  # as the demo loader once saved its pages
        services.page_save(page=one, by=None)
        services.page_save(page=two, by=None)
    shared = versions_of(two).get()
    client.force_login(reviewer_user)
    viewed = client.get(revision_url(two, shared))
    assert viewed.status_code == 200
    assert "saved together with other pages" in viewed.content.decode()
    services.page_unpublish(page=one, by=reviewer_user)
    two.title = "Two, changed"
    services.page_save(page=two, by=reviewer_user)
    data = admin_form_data(viewed)
    response = client.post(revision_url(two, shared), data, follow=True)
    assert "saved together with other pages" in response.content.decode()
    assert Page.objects.get(pk=one.pk).status == Page.Status.DRAFT
    assert Page.objects.get(pk=two.pk).title == "Two, changed"


def test_a_deleted_page_saved_with_other_pages_is_not_recovered(
    client, reviewer_user, clinic_settings
):
    one = make_full_page(title="One")
    two = make_full_page(title="Two", status=Page.Status.DRAFT)
    with reversion.create_revision():
        services.page_save(page=one, by=None)
        services.page_save(page=two, by=None)
    services.page_unpublish(page=one, by=reviewer_user)
    pk = two.pk
    two.delete()
    version = Version.objects.get_deleted(Procedure).get()
    client.force_login(reviewer_user)
    url = reverse("admin:education_procedure_recover", args=[version.pk])
    response = client.post(url, {}, follow=True)
    assert "saved together with other pages" in response.content.decode()
    assert not Page.objects.filter(pk=pk).exists()
    assert Page.objects.get(pk=one.pk).status == Page.Status.DRAFT
