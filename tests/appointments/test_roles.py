"""Each role holds exactly these appointments permissions, and no more."""

import pytest
from django.contrib.auth.models import Group

from clinic import roles

pytestmark = pytest.mark.django_db


def appointments_permissions(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {
        f"appointments.{codename}"
        for codename in group.permissions.filter(
            content_type__app_label="appointments"
        ).values_list("codename", flat=True)
    }


def test_front_desk_works_the_queue_but_deletes_and_exports_nothing():
    assert appointments_permissions(roles.FRONT_DESK) == {
        "appointments.view_appointmentrequest",
        "appointments.change_appointmentrequest",
        "appointments.add_staffnote",
        "appointments.view_staffnote",
        "appointments.view_statuschange",
        "appointments.add_callattempt",
        "appointments.view_callattempt",
    }


def test_front_desk_lead_sees_reports_and_nothing_else():
    assert appointments_permissions(roles.FRONT_DESK_LEAD) == {
        "appointments.view_reports"
    }


def test_content_editors_get_nothing_from_appointments():
    assert appointments_permissions(roles.CONTENT_EDITORS) == set()


def test_medical_reviewers_get_nothing_from_appointments():
    assert appointments_permissions(roles.MEDICAL_REVIEWERS) == set()


def test_no_role_may_export_requests():
    for role in roles.ROLES:
        assert "appointments.export_appointmentrequest" not in (
            appointments_permissions(role)
        )


def test_no_role_may_read_the_audit_log():
    for role in roles.ROLES:
        group = Group.objects.get(name=role)
        assert not group.permissions.filter(content_type__app_label="auditlog").exists()
