import pytest
from django.urls import reverse
from reversion.models import Version

from education.models import Page, PagePart, PageRedirect, Procedure

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
    save_in_admin(client, editing, title="Kyphoplasty, changed")
    assert versions_of(editing).count() == 2
    revision = versions_of(editing).first().revision
    types = {v.content_type.model for v in revision.version_set.all()}
    assert types == {"procedure", "pagepart"}
    assert revision.version_set.filter(content_type__model="pagepart").count() == 5


def test_history_lists_who_changed_what(client, editing):
    save_in_admin(client, editing, title="Kyphoplasty, changed")
    html = client.get(history_url(editing)).content.decode()
    assert "Changed Title." in html
    assert "doc" in html


def test_reverting_restores_sections_steps_and_questions(client, editing):
    first = versions_of(editing).get()
    save_in_admin(
        client,
        editing,
        **{
            "sections-0-body": "Rewritten text.",
            "steps-0-DELETE": "on",
            "faqs-0-DELETE": "on",
        },
    )
    assert not PagePart.objects.filter(page=editing, type="faq").exists()
    data = admin_form_data(client.get(revision_url(editing, first)))
    response = client.post(revision_url(editing, first), data)
    assert response.status_code == 302
    page = Page.objects.with_parts().get(pk=editing.pk)
    assert page.sections[0].body == "Some plain words about this section."
    assert [s.heading for s in page.steps] == ["Placing the needle"]
    assert [f.heading for f in page.faqs] == ["Does it hurt?"]
    assert "Reverted to previous version" in (
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
            "faqs-1-heading": "New question?",
            "faqs-1-body": "New answer.",
        },
    )
    data = admin_form_data(client.get(revision_url(editing, first)))
    client.post(revision_url(editing, first), data)
    assert not PagePart.objects.filter(heading="New question?").exists()


def test_viewing_an_old_version_changes_nothing(client, editing):
    first = versions_of(editing).get()
    save_in_admin(client, editing, title="Newer title")
    response = client.get(revision_url(editing, first))
    assert response.status_code == 200
    assert Page.objects.get(pk=editing.pk).title == "Newer title"


def test_reverting_to_an_old_slug_keeps_the_current_address_working(client, editing):
    first = versions_of(editing).get()
    save_in_admin(client, editing, slug="balloon-kyphoplasty")
    data = admin_form_data(client.get(revision_url(editing, first)))
    client.post(revision_url(editing, first), data)
    assert Page.objects.get(pk=editing.pk).slug == "kyphoplasty"
    redirects = PageRedirect.objects.values_list("old_slug", flat=True)
    assert list(redirects) == ["balloon-kyphoplasty"]


def test_an_editor_cannot_revert_a_live_page(client, editor_user, editing):
    first = versions_of(editing).get()
    save_in_admin(client, editing, title="Reviewed title")
    data = admin_form_data(client.get(revision_url(editing, first)))
    client.force_login(editor_user)
    assert client.post(revision_url(editing, first), data).status_code == 403
    assert Page.objects.get(pk=editing.pk).title == "Reviewed title"


def test_an_editor_cannot_revert_a_draft_to_a_published_version(
    client, editor_user, editing
):
    published = versions_of(editing).get()
    save_in_admin(client, editing, status="draft")
    data = admin_form_data(client.get(revision_url(editing, published)))
    client.force_login(editor_user)
    assert client.post(revision_url(editing, published), data).status_code == 403
    assert Page.objects.get(pk=editing.pk).status == Page.Status.DRAFT


def test_an_editor_reverts_a_draft_to_an_earlier_draft(client, editor_user, db):
    draft = make_full_page(status=Page.Status.DRAFT, title="First draft")
    client.force_login(editor_user)
    save_in_admin(client, draft)
    first = versions_of(draft).get()
    save_in_admin(client, draft, title="Second draft")
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
