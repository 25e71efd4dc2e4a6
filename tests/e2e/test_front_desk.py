"""The front desk works the request queue in the admin."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
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


# --- The queue and a request as the front desk sees them -----------------------------
QUEUE = reverse("admin:appointments_appointmentrequest_changelist")
REPORTS = reverse("admin:appointments_reports")


class Clicks:
    """Counts the clicks a task takes, the way a person would count them."""

    def __init__(self):
        self.count = 0

    def click(self, locator):
        self.count += 1
        locator.click()


@pytest.fixture
def frontdesk_page(page, demo):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in(page, "frontdesk", demo["frontdesk"])
    return page


def test_queue_fits_1366_with_the_menu_open(frontdesk_page):
    page = frontdesk_page
    page.goto(QUEUE)
    expect(page.locator("#nav-sidebar")).to_be_visible()
    expect(page.locator("#result_list")).to_contain_text("Calls")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    results = page.locator("#changelist-form .results")
    overflow = results.evaluate("e => e.scrollWidth - e.clientWidth")
    assert overflow <= 0, f"the queue scrolls sideways by {overflow}px"
    # Urgent rows are marked with a symbol and a word, not by colour alone.
    urgent = page.locator("#result_list tbody tr").first
    expect(urgent.locator(".priority--urgent")).to_have_text("⚠ Urgent")


def test_a_request_is_handled_in_at_most_four_clicks(frontdesk_page):
    page, clicks = frontdesk_page, Clicks()
    page.goto(QUEUE)
    top = page.locator("#result_list tbody tr").first
    reference = top.locator("th a").first.inner_text().strip()

    clicks.click(top.get_by_role("link", name=reference))  # open
    page.get_by_label("Note").fill("Booked for Tuesday 10am at Downtown.")
    clicks.click(page.get_by_role("button", name="Reached"))  # log the call + note
    expect(page.locator(".messagelist")).to_contain_text("Saved")
    clicks.click(page.get_by_role("button", name="Mark Scheduled"))  # schedule

    expect(page.locator(".work-history")).to_contain_text("Call: Reached")
    saved = AppointmentRequest.objects.get(reference=reference)
    assert saved.status == AppointmentRequest.Status.SCHEDULED
    assert saved.notes.get().text == "Booked for Tuesday 10am at Downtown."
    assert saved.call_attempts.count() == 1
    assert clicks.count <= 4


def test_only_front_desk_members_can_be_assigned(frontdesk_page):
    page = frontdesk_page
    page.goto(QUEUE)
    page.locator("#result_list tbody tr th a").first.click()
    expect(page.locator("#id_assigned_to")).to_be_visible()
    options = page.locator("#id_assigned_to option").all_inner_texts()
    assert [o for o in options if o.strip("-")] == ["frontdesk"]


def test_front_desk_screens_have_no_axe_violations(page, demo, django_user_model):
    from clinic import roles
    from tests.conftest import make_staff
    from tests.e2e.a11y import axe_violations, describe_violations

    lead = make_staff(
        django_user_model, "lead", roles.FRONT_DESK, roles.FRONT_DESK_LEAD
    )
    lead.set_password("lead-password-123")
    lead.save()
    TOTPDevice.objects.create(user=lead, name="Phone", confirmed=True)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(reverse("admin:login"))
    found = {"sign-in": axe_violations(page)}
    sign_in(page, "lead", "lead-password-123")
    page.goto(QUEUE)
    expect(page.locator("#result_list")).to_be_visible()
    found["queue"] = axe_violations(page)
    page.locator("#result_list tbody tr th a").first.click()
    expect(page.locator(".work-panel")).to_be_visible()  # the page has loaded
    found["request"] = axe_violations(page)
    page.goto(REPORTS)
    expect(page.get_by_role("heading", name="Requests per week")).to_be_visible()
    found["reports"] = axe_violations(page)
    failing = {name: v for name, v in found.items() if v}
    assert not failing, "\n".join(
        f"{name}: {describe_violations(v)}" for name, v in failing.items()
    )
