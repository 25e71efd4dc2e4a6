"""A patient meets the request form's error summary and its emergency guidance."""

import pytest
from playwright.sync_api import expect

from appointments.models import AppointmentRequest
from tests.e2e.helpers import fill_request_form, request_form_path, send_request

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_patient_fixes_errors_from_the_focused_summary_and_succeeds(page, demo):
    page.goto(request_form_path())
    page.get_by_label("First name").fill("Grace")
    page.get_by_label("Date of birth").fill("27/12/1946")  # day first: not a date
    send_request(page)

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the patient's last name.")
    expect(summary).to_contain_text("month/day/year")
    expect(page.get_by_label("First name")).to_have_value("Grace")

    summary.get_by_role("link", name="Enter the patient's last name.").click()
    fill_request_form(page, first_name="Grace", date_of_birth="12/27/1946")
    send_request(page)

    expect(page.get_by_role("heading", level=1)).to_contain_text("has been sent")
    assert AppointmentRequest.objects.filter(last_name="Hopper").count() == 1


def test_ticking_a_warning_sign_shows_the_call_911_guidance_at_once(page, demo):
    page.goto(request_form_path())
    guidance = page.locator("#emergency-alert")
    expect(guidance).to_be_hidden()

    page.get_by_label("New loss of bowel or bladder control").check()

    expect(guidance).to_be_visible()
    expect(guidance).to_contain_text("call 911")


def test_confirmation_of_a_request_with_a_warning_sign_repeats_the_911_guidance(
    page, demo
):
    page.goto(request_form_path())
    fill_request_form(page)
    page.get_by_label("New weakness or numbness in a leg").check()
    send_request(page)

    expect(page.get_by_role("alert")).to_contain_text("call 911")
    saved = AppointmentRequest.objects.get(last_name="Hopper")
    assert saved.priority == AppointmentRequest.Priority.URGENT
