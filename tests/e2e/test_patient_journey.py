"""A patient reads about kyphoplasty and asks for an appointment, keyboard only."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from appointments.models import AppointmentRequest
from tests.e2e.helpers import tab_to

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REFERENCE = re.compile(r"^[A-HJKMNP-Z2-9]{8}$")


def test_patient_requests_an_appointment_about_kyphoplasty_with_the_keyboard_alone(
    page, demo
):
    kyphoplasty = reverse("education:procedure-detail", kwargs={"slug": "kyphoplasty"})
    page.goto(reverse("clinic:home"))
    tab_to(page, page.locator(f'main a[href="{kyphoplasty}"]').first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kyphoplasty")

    tab_to(page, page.get_by_role("link", name="Request an appointment about").first)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Request an appointment")
    topic = page.get_by_label("What would you like to talk about?")
    expect(topic.locator("option:checked")).to_have_text("Kyphoplasty")

    for label, text in [
        ("First name", "Grace"),
        ("Last name", "Hopper"),
        ("Date of birth", "12/9/1946"),
        ("Your phone number", "(202) 555-0143"),
    ]:
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    # A radio group is one Tab stop; Space picks the radio that has the focus.
    for group in ("location", "patient_type", "pain_started"):
        tab_to(page, page.locator(f'input[name="{group}"]').first)
        page.keyboard.press("Space")
    tab_to(page, page.locator('input[name="consent"]'))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Send my request"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("has been sent")
    reference = page.locator(".reference-code").inner_text().strip()
    assert REFERENCE.match(reference)
    saved = AppointmentRequest.objects.select_related("topic").get(reference=reference)
    assert (saved.first_name, saved.topic.slug) == ("Grace", "kyphoplasty")
