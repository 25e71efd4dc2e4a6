"""Who may do what with the education pages. The sets below are the contract: a
change of permissions in a migration must change this file too."""

import datetime

import pytest
from django.urls import reverse

from clinic import roles
from education.models import Page
from tests.clinic.test_roles import permissions_of

from .conftest import admin_form_data, make_page

pytestmark = pytest.mark.django_db


def crud(model: str, *actions: str) -> set[str]:
    return {f"education.{action}_{model}" for action in actions}


ALL = ("add", "change", "delete", "view")
EDITOR = (
    crud("procedure", *ALL)
    | crud("condition", *ALL)
    | crud("section", *ALL)
    | crud("step", *ALL)
    | crud("faq", *ALL)
    | crud("timelineentry", *ALL)
    | {"education.view_pageredirect"}
)
REVIEWER = EDITOR | {
    "education.publish_page",
    "education.add_pageredirect",
    "education.change_pageredirect",
    "education.delete_pageredirect",
}

EDUCATION_ADMIN_PAGES = [
    "admin:education_procedure_changelist",
    "admin:education_procedure_add",
    "admin:education_condition_changelist",
    "admin:education_condition_add",
    "admin:education_pageredirect_changelist",
]


def test_content_editors_hold_exactly_the_editing_permissions():
    assert permissions_of(roles.CONTENT_EDITORS, "education") == EDITOR


def test_medical_reviewers_also_publish_and_manage_old_addresses():
    assert permissions_of(roles.MEDICAL_REVIEWERS, "education") == REVIEWER


def test_front_desk_holds_no_education_permission():
    assert permissions_of(roles.FRONT_DESK, "education") == set()


def test_nobody_in_a_role_edits_the_page_models_directly():
    for role in roles.ROLES:
        assert not {
            p
            for p in permissions_of(role, "education")
            if p.endswith(("_page", "_pagepart"))
        } - {"education.publish_page"}


@pytest.mark.parametrize("name", EDUCATION_ADMIN_PAGES[:4])
def test_an_editor_reaches_the_education_admin(client, editor_user, name):
    client.force_login(editor_user)
    assert client.get(reverse(name)).status_code == 200


def test_an_editor_opens_a_draft_in_the_admin(client, editor_user):
    draft = make_page(status=Page.Status.DRAFT)
    client.force_login(editor_user)
    url = reverse("admin:education_procedure_change", args=[draft.pk])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", EDUCATION_ADMIN_PAGES)
def test_front_desk_is_refused_the_education_admin(client, frontdesk_user, name):
    client.force_login(frontdesk_user)
    assert client.get(reverse(name)).status_code == 403


def test_front_desk_is_refused_a_page_in_the_admin(client, frontdesk_user):
    draft = make_page(status=Page.Status.DRAFT)
    client.force_login(frontdesk_user)
    url = reverse("admin:education_procedure_change", args=[draft.pk])
    assert client.get(url).status_code == 403


def test_only_editors_find_patient_education_on_the_admin_index(
    client, frontdesk_user, editor_user
):
    client.force_login(frontdesk_user)
    assert b"Patient education" not in client.get(reverse("admin:index")).content
    client.force_login(editor_user)
    assert b"Patient education" in client.get(reverse("admin:index")).content


def reviewed_draft() -> Page:
    return make_page(
        status=Page.Status.DRAFT,
        reviewed_by="Dr. A",
        last_reviewed=datetime.date(2026, 1, 5),
    )


def test_an_editor_cannot_publish(client, editor_user, reviewer_user):
    draft = reviewed_draft()
    url = reverse("admin:education_procedure_change", args=[draft.pk])
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(url))
    client.force_login(editor_user)
    data["status"] = "published"
    client.post(url, data)
    assert Page.objects.get(pk=draft.pk).status == Page.Status.DRAFT
    assert not editor_user.has_perm("education.publish_page")


def test_a_reviewer_can_publish(client, reviewer_user):
    draft = reviewed_draft()
    url = reverse("admin:education_procedure_change", args=[draft.pk])
    client.force_login(reviewer_user)
    data = admin_form_data(client.get(url))
    data["status"] = "published"
    assert client.post(url, data).status_code == 302
    assert Page.objects.get(pk=draft.pk).status == Page.Status.PUBLISHED


def test_a_reviewer_only_account_can_edit_and_publish(client, django_user_model):
    from tests.conftest import make_staff

    lead = make_staff(django_user_model, "lead", roles.MEDICAL_REVIEWERS)
    draft = reviewed_draft()
    client.force_login(lead)
    url = reverse("admin:education_procedure_change", args=[draft.pk])
    data = admin_form_data(client.get(url))
    data["status"] = "published"
    assert client.post(url, data).status_code == 302
    assert Page.objects.get(pk=draft.pk).is_published
