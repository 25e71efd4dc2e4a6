"""A member of staff adds a passkey, then finishes signing in with it instead of a
code; Chromium's virtual authenticator stands in for the phone's screen lock.

Chromium refuses an IP address as a passkey's domain ("This is an invalid domain"),
so the live server is reached as localhost (pytest-django's default address).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from tests.e2e.a11y import axe_violations, describe_violations
from tests.e2e.conftest import MOBILE
from tests.e2e.helpers import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


@pytest.fixture
def passkey_site(demo, settings, live_server):
    """The relying party is the live server: its host name and its origin (port)."""
    assert urlsplit(live_server.url).hostname == "localhost"
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    return demo


@pytest.fixture
def authenticator(page, browser_context):
    """A platform authenticator with user verification, as a phone or laptop has."""
    cdp = browser_context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": AUTHENTICATOR})
    yield cdp, added["authenticatorId"]
    cdp.send("WebAuthn.disable")


def password_step(page, username, password):
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)


def add_passkey(page):
    page.get_by_role("link", name="Passkeys").click()
    expect(page.get_by_role("heading", name="Your passkeys", level=1)).to_be_visible()
    expect(page.get_by_text("You have no passkeys yet.")).to_be_visible()
    page.get_by_role("button", name="Add a passkey on this device").click()
    # The page loads again with the new passkey in the list.
    expect(page.get_by_role("button", name="Remove the passkey added")).to_be_visible()


def test_staff_add_a_passkey_and_sign_in_with_it_instead_of_a_code(
    page, passkey_site, authenticator, page_requests, page_errors, live_server
):
    cdp, authenticator_id = authenticator
    sign_in(page, "frontdesk", passkey_site["frontdesk"])
    add_passkey(page)
    stored = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
    assert len(stored["credentials"]) == 1
    assert WebAuthnCredential.objects.filter(user__username="frontdesk").count() == 1
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Log out").click()
    changelist = reverse("admin:clinic_location_changelist")
    page.goto(changelist)
    page.get_by_label("Username").fill("frontdesk")
    page.get_by_label("Password").fill(passkey_site["frontdesk"])
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    passkey_button = page.get_by_role("button", name="Use your passkey")
    expect(passkey_button).to_be_visible()
    assert_no_axe_violations(page)
    passkey_button.click()
    # Straight to the page asked for, without typing a code.
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert urlsplit(page.url).path == changelist
    credential = WebAuthnCredential.objects.get(user__username="frontdesk")
    assert credential.last_used_at is not None

    origin = urlsplit(live_server.url).netloc
    assert all(
        urlsplit(url).netloc == origin for url in page_requests if "://" in url[:8]
    ), page_requests
    # A CSP violation or a script error is a console error; Chromium's favicon.ico
    # request (the admin links none) is the only 404.
    assert [error for error in page_errors if "404" not in error] == []


def test_staff_remove_their_passkey_and_the_code_is_asked_again(
    page, passkey_site, authenticator
):
    sign_in(page, "frontdesk", passkey_site["frontdesk"])
    add_passkey(page)
    page.get_by_role("button", name="Remove the passkey added").click()
    expect(page.get_by_text("The passkey was removed.")).to_be_visible()
    expect(page.get_by_text("You have no passkeys yet.")).to_be_visible()
    assert not WebAuthnCredential.objects.filter(user__username="frontdesk").exists()

    page.get_by_role("button", name="Log out").click()
    password_step(page, "frontdesk", passkey_site["frontdesk"])
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    expect(page.get_by_role("button", name="Use your passkey")).to_have_count(0)


@pytest.mark.parametrize("viewport", [MOBILE, {"width": 320, "height": 640}])
def test_the_passkey_screens_fit_a_phone(page, passkey_site, authenticator, viewport):
    sign_in(page, "frontdesk", passkey_site["frontdesk"])
    add_passkey(page)
    assert_no_axe_violations(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"passkeys page is {width} px wide"
    page.get_by_role("button", name="Log out").click()
    password_step(page, "frontdesk", passkey_site["frontdesk"])
    expect(page.get_by_role("button", name="Use your passkey")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"second step is {width} px wide"


def test_a_click_as_soon_as_the_button_shows_adds_the_passkey_on_a_slow_line(
    page, passkey_site, authenticator, page_errors
):
    """The library's translations, held back as a slow line would: a click on the
    button the moment it shows must still work (loaded "async", they used to come
    after the button, and the click failed with "gettext is not defined")."""
    sign_in(page, "frontdesk", passkey_site["frontdesk"])
    held = []
    page.route(re.compile(r"/jsi18n/"), lambda route: held.append(route))
    page.get_by_role("link", name="Passkeys").click()
    add = page.get_by_role("button", name="Add a passkey on this device")
    page.wait_for_timeout(1500)  # the library's own script has long run by now
    clicked = add.is_visible()
    if clicked:
        add.click()
    for route in held:
        route.continue_()
    if not clicked:
        add.click()
    expect(page.get_by_role("button", name="Remove the passkey added")).to_be_visible()
    assert "gettext is not defined" not in " ".join(page_errors)
