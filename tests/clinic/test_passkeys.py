"""Passkeys (django-otp-webauthn) as a second factor: added by a person already past
the second step, used after the password, listed and removed by their owner, reset
by an administrator. The browser ceremony itself is in tests/e2e/test_passkeys.py."""

import os

import pytest
from django.templatetags.static import static
from django.urls import reverse
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

from tests.clinic.test_security import load_prod_settings
from tests.clinic.test_two_factor import enrol, sign_in_with_password

pytestmark = pytest.mark.django_db

BEGIN_REGISTRATION = "otp_webauthn:credential-registration-begin"
BEGIN_AUTHENTICATION = "otp_webauthn:credential-authentication-begin"
COMPLETE_AUTHENTICATION = "otp_webauthn:credential-authentication-complete"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def make_passkey(user) -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user,
        name=user.get_username(),
        credential_id=os.urandom(32),
        public_key=b"not-a-real-key",
        aaguid="00000000-0000-0000-0000-000000000000",
    )


def verified(client, user):
    """Sign ``client`` in as ``user`` past both steps (the app's code)."""
    device, _ = enrol(user)
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def test_a_verified_staff_member_starts_adding_a_passkey_for_the_sites_domain(
    client, settings, frontdesk_user
):
    verified(client, frontdesk_user)
    response = client.post(reverse(BEGIN_REGISTRATION))
    assert response.status_code == 200
    options = response.json()
    assert options["rp"] == {
        "id": settings.OTP_WEBAUTHN_RP_ID,
        "name": settings.OTP_WEBAUTHN_RP_NAME,
    }
    assert "otp_webauthn_register_state" in client.session


def test_someone_between_password_and_code_cannot_add_a_passkey(client, frontdesk_user):
    enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.post(reverse(BEGIN_REGISTRATION))
    assert response.status_code == 403
    assert "otp_webauthn_register_state" not in client.session


def test_someone_not_yet_enrolled_cannot_add_a_passkey_instead_of_the_app(
    client, frontdesk_user
):
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.post(reverse(BEGIN_REGISTRATION))
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_first"


def test_a_passkey_never_replaces_the_password(client, frontdesk_user):
    make_passkey(frontdesk_user)
    assert client.post(reverse(BEGIN_REGISTRATION)).status_code == 403
    response = client.post(reverse(BEGIN_AUTHENTICATION))
    assert response.status_code == 403
    assert "otp_webauthn_authentication_state" not in client.session


def test_a_passkey_opens_the_admin_after_the_password_with_a_new_session_key(
    client, frontdesk_user, monkeypatch
):
    enrol(frontdesk_user)
    passkey = make_passkey(frontdesk_user)
    # The browser's signature is checked by the library (and by the browser test);
    # here the check answers "this passkey", to test what the clinic adds after it.
    monkeypatch.setattr(
        WebAuthnHelper, "authenticate_complete", lambda self, **kwargs: passkey
    )
    changelist = reverse("admin:clinic_location_changelist")
    sign_in_with_password(client, "desk", "pw-desk")
    assert client.post(reverse(BEGIN_AUTHENTICATION)).status_code == 200
    key_before = client.session.session_key
    response = client.post(
        f"{reverse(COMPLETE_AUTHENTICATION)}?next={changelist}",
        data={},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["redirect_url"] == changelist
    assert client.session.session_key != key_before
    assert client.get(reverse("admin:index")).status_code == 200


def test_after_a_passkey_an_address_elsewhere_is_not_followed(
    client, frontdesk_user, monkeypatch
):
    enrol(frontdesk_user)
    passkey = make_passkey(frontdesk_user)
    monkeypatch.setattr(
        WebAuthnHelper, "authenticate_complete", lambda self, **kwargs: passkey
    )
    sign_in_with_password(client, "desk", "pw-desk")
    client.post(reverse(BEGIN_AUTHENTICATION))
    response = client.post(
        f"{reverse(COMPLETE_AUTHENTICATION)}?next=https://evil.example/",
        data={},
        content_type="application/json",
    )
    assert response.json()["redirect_url"] == reverse("admin:index")


def test_the_second_step_offers_a_passkey_only_to_someone_with_one(
    client, frontdesk_user
):
    enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    script = static("django_otp_webauthn/otp_webauthn_auth.js")
    page = client.get(reverse("admin:second-factor")).content.decode()
    assert "passkey-verification-button" not in page and script not in page
    make_passkey(frontdesk_user)
    page = client.get(reverse("admin:second-factor")).content.decode()
    assert 'id="passkey-verification-button"' in page and script in page
    # The code form is still there, for browsers without JavaScript or passkeys.
    assert 'name="code"' in page


def test_the_passkeys_page_lists_only_the_persons_own(
    client, frontdesk_user, editor_user, django_assert_max_num_queries
):
    own = make_passkey(frontdesk_user)
    other = make_passkey(editor_user)
    verified(client, frontdesk_user)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("admin:passkeys"))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("admin:passkey-remove", args=[own.pk]) in html
    assert reverse("admin:passkey-remove", args=[other.pk]) not in html
    assert static("django_otp_webauthn/otp_webauthn_register.js") in html
    # Reached from the link beside "Change password" on every admin page.
    index = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:passkeys")}"' in index


def test_the_passkeys_page_needs_the_second_factor(client, frontdesk_user):
    enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.get(reverse("admin:passkeys"))
    assert response.status_code == 302
    assert reverse("admin:second-factor") in response.url


def test_a_person_removes_their_own_passkey(client, frontdesk_user):
    passkey = make_passkey(frontdesk_user)
    verified(client, frontdesk_user)
    response = client.post(
        reverse("admin:passkey-remove", args=[passkey.pk]), follow=True
    )
    assert "The passkey was removed." in response.content.decode()
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    # The app still works: removing a passkey leaves the other factors alone.
    assert client.get(reverse("admin:index")).status_code == 200


def test_nobody_removes_someone_elses_passkey(client, frontdesk_user, editor_user):
    other = make_passkey(editor_user)
    verified(client, frontdesk_user)
    response = client.post(reverse("admin:passkey-remove", args=[other.pk]))
    assert response.status_code == 404
    assert WebAuthnCredential.objects.filter(pk=other.pk).exists()


def test_removing_a_passkey_takes_a_post(client, frontdesk_user):
    passkey = make_passkey(frontdesk_user)
    verified(client, frontdesk_user)
    response = client.get(reverse("admin:passkey-remove", args=[passkey.pk]))
    assert response.status_code == 405
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_the_administrators_reset_removes_passkeys_too(
    client, superuser, frontdesk_user
):
    make_passkey(frontdesk_user)
    verified(client, superuser)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [frontdesk_user.pk]},
        follow=True,
    )
    assert "Reset the second factor of 1 person" in response.content.decode()
    assert not WebAuthnCredential.objects.filter(user=frontdesk_user).exists()


def test_an_administrator_removes_one_lost_passkey_and_keeps_the_app(
    client, superuser, frontdesk_user
):
    device, _ = enrol(frontdesk_user)
    passkey = make_passkey(frontdesk_user)
    verified(client, superuser)
    delete = reverse(
        "admin:django_otp_webauthn_webauthncredential_delete", args=[passkey.pk]
    )
    response = client.post(delete, {"post": "yes"})
    assert response.status_code == 302
    assert not WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    assert device.__class__.objects.filter(pk=device.pk).exists()


@pytest.mark.parametrize("role", ["frontdesk_user", "editor_user", "reviewer_user"])
def test_staff_who_are_not_administrators_cannot_remove_anyones_passkey(
    client, request, role, superuser
):
    passkey = make_passkey(superuser)
    verified(client, request.getfixturevalue(role))
    delete = reverse(
        "admin:django_otp_webauthn_webauthncredential_delete", args=[passkey.pk]
    )
    assert client.post(delete, {"post": "yes"}).status_code == 403
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [superuser.pk]},
    )
    assert response.status_code == 403
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_the_passkey_scripts_come_from_the_package_through_whitenoise(client):
    for name in ("otp_webauthn_auth.js", "otp_webauthn_register.js"):
        response = client.get(static(f"django_otp_webauthn/{name}"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/javascript")
        assert response.__class__.__module__.startswith("whitenoise")


def test_production_ties_passkeys_to_the_site_url(monkeypatch):
    monkeypatch.setenv("DJANGO_SITE_URL", "https://www.clinic.example/")
    prod = load_prod_settings(monkeypatch, "x" * 64)
    assert prod.OTP_WEBAUTHN_RP_ID == "www.clinic.example"
    assert prod.OTP_WEBAUTHN_ALLOWED_ORIGINS == ["https://www.clinic.example"]
    assert prod.OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN is False
