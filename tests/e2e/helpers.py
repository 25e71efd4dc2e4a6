"""Steps the browser scenarios share: reaching an element with Tab, signing in,
filling the appointment request form, and opening each screen a patient can see."""

from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Locator, Page, expect

from tests.e2e.pages import PUBLIC_PAGES, PublicPage

MAX_TABS = 150

# A request that passes every check on the form; tests override what they need.
VALID_REQUEST = {
    "first_name": "Grace",
    "last_name": "Hopper",
    "date_of_birth": "12/9/1946",
    "phone": "(202) 555-0143",
}


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until ``target`` has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def sign_in(page: Page, username: str, password: str) -> None:
    """Sign in to the admin with the password, then a code from the account's
    authenticator app (read from the database, as the person's phone would show)."""
    page.goto(reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if settings.TWO_FACTOR_REQUIRED:
        expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
        page.get_by_label("Code", exact=True).fill(app_code(username))
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def app_code(username: str) -> str:
    """The code the person's authenticator app shows now (a fresh one if the
    current one was already used: each code is good once)."""
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    if totp.t() <= device.last_t:
        totp.time += device.step
    return f"{totp.token():06d}"


def fill_request_form(page: Page, **answers: str) -> None:
    """Fill every question the form needs, with a mouse-free browser's defaults."""
    answers = {**VALID_REQUEST, **answers}
    page.get_by_label("First name").fill(answers["first_name"])
    page.get_by_label("Last name").fill(answers["last_name"])
    page.get_by_label("Date of birth").fill(answers["date_of_birth"])
    page.get_by_label("Your phone number").fill(answers["phone"])
    for group in ("location", "patient_type", "pain_started"):
        page.locator(f'input[name="{group}"]').first.check()
    page.locator('input[name="consent"]').check()


def send_request(page: Page) -> None:
    page.get_by_role("button", name="Send my request").click()


def request_form_path() -> str:
    return reverse("appointments:request-create")


def show_form_errors(page: Page) -> None:
    """The request form sent empty: its error state."""
    page.goto(request_form_path())
    send_request(page)
    expect(page.locator("#error-summary")).to_be_visible()


def show_confirmation(page: Page) -> None:
    page.goto(request_form_path())
    fill_request_form(page)
    send_request(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("has been sent")


def _opener(public_page: PublicPage) -> Callable[[Page], None]:
    def open_page(page: Page) -> None:
        response = page.goto(public_page.path)
        assert response.status == 200, f"{public_page.path}: {response.status}"

    return open_page


# Every screen a patient can see: the public pages, then the two a form leads to.
SCREENS: dict[str, Callable[[Page], None]] = {
    **{public_page.name: _opener(public_page) for public_page in PUBLIC_PAGES},
    "request-form-errors": show_form_errors,
    "confirmation": show_confirmation,
}
