"""Roles hold exactly the permissions they need. Each app's tests pin its own part."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from clinic import roles

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"clinic", "education", "appointments"}


def permissions_of(group_name: str, app_label: str | None = None) -> set[str]:
    perms = Group.objects.get(name=group_name).permissions.select_related(
        "content_type"
    )
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in perms
        if app_label is None or p.content_type.app_label == app_label
    }


def test_migrations_create_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


@pytest.mark.parametrize("role", roles.ROLES)
def test_roles_hold_no_permission_outside_the_project_apps(role):
    labels = {dotted.split(".")[0] for dotted in permissions_of(role)}
    assert labels <= PROJECT_APPS


def test_clinic_permissions_per_role():
    assert permissions_of(roles.FRONT_DESK, "clinic") == {"clinic.view_location"}
    assert permissions_of(roles.CONTENT_EDITORS, "clinic") == set()
    assert permissions_of(roles.MEDICAL_REVIEWERS, "clinic") == set()


def test_only_administrators_edit_clinic_settings(client, frontdesk_user, editor_user):
    url = reverse("admin:clinic_clinicsettings_change")
    for user in (frontdesk_user, editor_user):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_front_desk_can_view_locations_but_not_change_them(client, frontdesk_user):
    client.force_login(frontdesk_user)
    assert client.get(reverse("admin:clinic_location_changelist")).status_code == 200
    assert client.get(reverse("admin:clinic_location_add")).status_code == 403


def test_superuser_edits_clinic_settings(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:clinic_clinicsettings_change"),
        {"name": "New Name", "tagline": "", "main_phone": "555-0177"},
    )
    assert response.status_code == 302
    assert "555-0177" in client.get(reverse("clinic:home")).content.decode()
