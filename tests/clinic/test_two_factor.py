"""Staff sign-in's second step: an authenticator app, set up at first sign-in, with
backup codes, and a reset for a lost phone."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from clinic import two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def app_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    # A code is good once: after one was used, the next step's is still accepted.
    if totp.t() <= device.last_t:
        totp.time += device.step
    return f"{totp.token():06d}"


def enrol(user) -> tuple[TOTPDevice, list[str]]:
    device = two_factor.pending_app_device(user=user)
    return device, two_factor.second_factor_confirm(user=user, device=device)


def sign_in_with_password(client, username, password, next_url=None):
    url = reverse("admin:login")
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"username": username, "password": password})


def test_the_right_password_alone_does_not_open_the_admin(client, frontdesk_user):
    enrol(frontdesk_user)
    response = sign_in_with_password(client, "desk", "pw-desk")
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:second-factor"))
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_session_signed_in_without_the_code_is_sent_to_the_second_step(
    client, frontdesk_user
):
    enrol(frontdesk_user)
    client.force_login(frontdesk_user)
    changelist = reverse("admin:clinic_location_changelist")
    response = client.get(changelist, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("admin:second-factor"))
    assert "Enter your code" in response.content.decode()


def test_the_code_from_the_app_opens_the_admin_and_keeps_the_next_address(
    client, frontdesk_user
):
    device, _ = enrol(frontdesk_user)
    changelist = reverse("admin:clinic_location_changelist")
    sign_in_with_password(client, "desk", "pw-desk", next_url=changelist)
    response = client.post(
        reverse("admin:second-factor"), {"code": app_code(device), "next": changelist}
    )
    assert response.status_code == 302 and response.url == changelist
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_is_refused_with_a_message_next_to_the_field(
    client, frontdesk_user
):
    enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.post(reverse("admin:second-factor"), {"code": "000000x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "That code did not work" in html and 'aria-invalid="true"' in html
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_backup_code_works_once(client, frontdesk_user):
    _, codes = enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.post(reverse("admin:second-factor"), {"code": codes[0].upper()})
    assert response.status_code == 302
    client.logout()
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.post(reverse("admin:second-factor"), {"code": codes[0]})
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_an_address_elsewhere_is_not_followed_after_the_code(client, frontdesk_user):
    device, _ = enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.post(
        reverse("admin:second-factor"),
        {"code": app_code(device), "next": "https://evil.example/"},
    )
    assert response.url == reverse("admin:index")


def test_first_sign_in_sets_up_the_app_and_shows_backup_codes_once(
    client, frontdesk_user
):
    response = sign_in_with_password(client, "desk", "pw-desk")
    assert response.url.startswith(reverse("admin:second-factor-setup"))
    page = client.get(response.url)
    html = page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert 'src="data:image/svg+xml' in html
    secret = re.search(r'class="second-factor__secret">([A-Z2-7 ]+)<', html).group(1)
    device = TOTPDevice.objects.get(user=frontdesk_user, confirmed=False)
    assert secret.replace(" ", "") in device.config_url

    done = client.post(response.url, {"code": app_code(device)})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=frontdesk_user).confirmed
    assert client.get(reverse("admin:index")).status_code == 200
    # Set up once: the set-up page now leads away, the codes are not shown again.
    again = client.get(reverse("admin:second-factor-setup"))
    assert again.status_code == 302


def test_a_wrong_first_code_leaves_the_app_unconfirmed(client, frontdesk_user):
    sign_in_with_password(client, "desk", "pw-desk")
    client.get(reverse("admin:second-factor-setup"))
    response = client.post(reverse("admin:second-factor-setup"), {"code": "123"})
    assert "That code did not work" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert not StaticDevice.objects.exists()


def test_someone_with_a_device_cannot_set_up_another_without_the_code(
    client, frontdesk_user
):
    enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    response = client.get(reverse("admin:second-factor-setup"))
    assert response.url.startswith(reverse("admin:second-factor") + "?")
    assert TOTPDevice.objects.filter(user=frontdesk_user).count() == 1


def test_an_administrator_resets_a_lost_device(client, superuser, frontdesk_user):
    device, _ = enrol(frontdesk_user)
    desk = client.__class__()
    sign_in_with_password(desk, "desk", "pw-desk")
    desk.post(reverse("admin:second-factor"), {"code": app_code(device)})
    assert desk.get(reverse("admin:index")).status_code == 200

    admin_device, _ = enrol(superuser)
    sign_in_with_password(client, "root", "pw-root")
    client.post(reverse("admin:second-factor"), {"code": app_code(admin_device)})
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [frontdesk_user.pk]},
        follow=True,
    )
    assert "Reset the second factor of 1 person" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=frontdesk_user).exists()
    assert not StaticDevice.objects.filter(user=frontdesk_user).exists()
    # The session they had is no longer verified; their next sign-in sets up anew.
    assert desk.get(reverse("admin:index")).status_code == 302
    desk.logout()
    again = sign_in_with_password(desk, "desk", "pw-desk")
    assert again.url.startswith(reverse("admin:second-factor-setup"))


def test_user_list_shows_who_has_set_up_a_second_factor(
    client, superuser, frontdesk_user, editor_user, django_assert_max_num_queries
):
    enrol(frontdesk_user)
    enrol(superuser)
    client.force_login(superuser)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=superuser).persistent_id
    session.save()
    with django_assert_max_num_queries(15):
        response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 200
    shown = {u.username: u.has_app for u in response.context["cl"].result_list}
    assert shown == {"desk": True, "root": True, "writer": False}
    assert 'class="column-second_factor"' in response.content.decode()


def test_without_the_requirement_force_login_opens_the_admin(
    client, settings, frontdesk_user
):
    settings.TWO_FACTOR_REQUIRED = False
    client.force_login(frontdesk_user)
    assert client.get(reverse("admin:index")).status_code == 200


def test_someone_between_password_and_code_can_sign_out(client, frontdesk_user):
    enrol(frontdesk_user)
    sign_in_with_password(client, "desk", "pw-desk")
    page = client.get(reverse("admin:second-factor")).content.decode()
    assert reverse("admin:second-factor-sign-out") in page
    response = client.post(reverse("admin:second-factor-sign-out"))
    assert response.url == reverse("admin:login")
    assert "_auth_user_id" not in client.session
