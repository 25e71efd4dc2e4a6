"""The front desk works the request queue in the admin."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from appointments.models import AppointmentRequest
from tests.e2e.helpers import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_front_desk_assigns_the_urgent_request_at_the_top_and_marks_it_contacted(
    page, demo
):
    sign_in(page, "frontdesk", demo["frontdesk"])
    page.get_by_role("link", name="Appointment requests").last.click()

    top = page.locator("#result_list tbody tr").first
    expect(top).to_contain_text("Urgent")
    reference = top.locator("th a").first.inner_text().strip()
    top.get_by_role("link", name=reference).click()
    page.locator("#id_assigned_to").select_option(label="frontdesk")
    page.locator("#id_status").select_option(label="Contacted")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    saved = AppointmentRequest.objects.select_related("assigned_to").get(
        reference=reference
    )
    assert saved.priority == AppointmentRequest.Priority.URGENT
    assert saved.assigned_to.username == "frontdesk"
    assert saved.status == AppointmentRequest.Status.CONTACTED
    assert page.url.endswith(
        reverse("admin:appointments_appointmentrequest_changelist")
    )
