"""A new member of staff sets up their authenticator app at first sign-in, then
signs in another day with a backup code."""

from base64 import b32decode
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from playwright.sync_api import expect

from clinic import roles
from tests.e2e.helpers import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def newcomer(demo, django_user_model):
    user = django_user_model.objects.create_user(
        username="newcomer", password="a-long-new-password", is_staff=True
    )
    user.groups.set(Group.objects.filter(name=roles.FRONT_DESK))
    return user


def password_step(page, username, password):
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_first_sign_in_sets_up_the_app_and_hands_out_backup_codes(
    page, newcomer, page_requests, page_errors, live_server
):
    password_step(page, "newcomer", "a-long-new-password")
    expect(
        page.get_by_role("heading", name="Set up your authenticator app")
    ).to_be_visible()
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 100
    # The layout's own stylesheet loaded (same origin, allowed by the CSP).
    assert qr.evaluate("img => getComputedStyle(img).display") == "block"

    secret = page.locator(".second-factor__secret").inner_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code from the app").fill(f"{TOTP(key).token():06d}")
    page.get_by_role("button", name="Turn on").click()

    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    codes = page.get_by_role("list", name="Backup codes").locator("code")
    expect(codes).to_have_count(10)
    backup = codes.first.inner_text()
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    origin = urlsplit(live_server.url).netloc
    assert all(
        urlsplit(url).netloc == origin for url in page_requests if "://" in url[:8]
    ), page_requests
    # Chromium asks for /favicon.ico, which the admin does not link: that 404 only.
    assert [error for error in page_errors if "404" not in error] == []

    # Another day, without the phone: a backup code instead.
    page.get_by_role("button", name="Log out").click()
    password_step(page, "newcomer", "a-long-new-password")
    page.get_by_label("Code", exact=True).fill(backup)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_a_wrong_code_is_explained_next_to_the_field(page, demo):
    password_step(page, "frontdesk", demo["frontdesk"])
    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Continue").click()
    field = page.get_by_label("Code", exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_code_error")).to_contain_text("did not work")


def test_demo_staff_sign_in_through_the_second_factor(page, demo):
    sign_in(page, "reviewer", demo["reviewer"])
    expect(page).to_have_url(reverse("admin:index"))
