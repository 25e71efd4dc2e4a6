"""An editor's change reaches patients only once a publisher publishes it."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from education import services
from education.models import Procedure
from tests.e2e.helpers import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_SUMMARY = "A short needle treatment that steadies a broken bone in the spine."


def test_edited_draft_is_previewed_then_published_and_patients_see_it(
    page, new_session, demo
):
    draft = services.page_unpublish(
        page=Procedure.objects.get(slug="vertebroplasty"), by=None
    )
    public_url = draft.get_absolute_url()

    sign_in(page, "editor", demo["editor"])
    page.goto(reverse("admin:education_procedure_change", args=[draft.pk]))
    page.get_by_label("Summary (English)").fill(NEW_SUMMARY)
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    page.get_by_role("link", name="Preview this draft").click()
    expect(page.get_by_text("Draft preview.")).to_be_visible()
    expect(page.get_by_text(NEW_SUMMARY).first).to_be_visible()

    patient = new_session()
    assert patient.goto(public_url).status == 404

    publisher = new_session()
    sign_in(publisher, "reviewer", demo["reviewer"])
    publisher.goto(reverse("admin:education_procedure_changelist"))
    publisher.locator(f'input[name="_selected_action"][value="{draft.pk}"]').check()
    publisher.locator('select[name="action"]').select_option(
        label="Publish the selected pages"
    )
    publisher.get_by_role("button", name="Go", exact=True).click()
    expect(publisher.locator(".messagelist")).to_be_visible()

    assert patient.goto(public_url).status == 200
    expect(patient.get_by_text(NEW_SUMMARY).first).to_be_visible()
    expect(patient.get_by_text("Draft preview.")).to_have_count(0)
