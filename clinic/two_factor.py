"""The second factor staff pass after their password: an authenticator app (TOTP)
with single-use backup codes, both django-otp devices, and optionally passkeys
(django-otp-webauthn), which a person adds once they have the app.

These are the writes; the screens are on the admin site (``clinic.sites``).
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def is_required() -> bool:
    return settings.TWO_FACTOR_REQUIRED


def is_verified(user) -> bool:
    # ``is_verified`` is installed by django_otp's middleware; a user just signed in by
    # the login view is a plain object without it, and is not verified yet.
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def needs_second_factor(request: HttpRequest) -> bool:
    """True for a staff member past the password but not yet the second factor."""
    user = request.user
    return (
        is_required()
        and user.is_authenticated
        and user.is_active
        and user.is_staff
        and not is_verified(user)
    )


def has_device(user) -> bool:
    """An app or backup codes: something to pass the second step with."""
    return user_has_device(user, confirmed=True)


def has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app_device(*, user) -> TOTPDevice:
    """The authenticator app being set up: made once, kept until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=APP_DEVICE_NAME, confirmed=False
        )
    return device


def app_secret(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def provisioning_uri(device: TOTPDevice) -> str:
    """The ``otpauth://`` address an app reads from the QR code; holds the secret."""
    return device.config_url


def qr_code_data_uri(device: TOTPDevice) -> str:
    """An SVG picture of the QR code, inline, so nothing leaves the page."""
    return segno.make(provisioning_uri(device), error="m").svg_data_uri(
        scale=5, border=2
    )


def second_factor_confirm(*, user, device: TOTPDevice) -> list[str]:
    """Confirm the app ``device`` (its code was checked) and issue new backup codes.

    Returns the backup codes, in clear text for the one time they are shown.
    """
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return backup_codes_issue(user=user)


def backup_codes_issue(*, user) -> list[str]:
    """Replace the user's backup codes with a fresh set; return them."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME)
        codes = [
            StaticToken.random_token() for _ in range(settings.TWO_FACTOR_BACKUP_CODES)
        ]
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in codes
        )
    return codes


def second_factor_verify(*, request: HttpRequest, code: str) -> bool:
    """Check ``code`` against the signed-in user's app, then their backup codes.

    django-otp slows down guessing on each device: after a wrong code, the next try
    is refused for a growing number of seconds. On success the session is marked as
    verified and given a new key.
    """
    code = "".join(code.split()).lower()
    user = request.user
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(code):
                request.session.cycle_key()
                otp_login(request, device)
                return True
    return False


def second_factor_verify_app(*, request: HttpRequest, device: TOTPDevice, code: str):
    """Check the first code from an app being set up; on success, sign the session."""
    code = "".join(code.split())
    if not device.verify_token(code):
        return None
    codes = second_factor_confirm(user=request.user, device=device)
    request.session.cycle_key()
    otp_login(request, device)
    return codes


def passkeys(user):
    """The person's passkeys, the most recently added first."""
    return WebAuthnCredential.objects.filter(user=user).order_by("-created_at", "-pk")


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def passkey_remove(*, user, passkey_id: int) -> bool:
    """Remove one of ``user``'s own passkeys; False if they have none by that id."""
    removed, _ = WebAuthnCredential.objects.filter(user=user, pk=passkey_id).delete()
    return bool(removed)


def second_factor_reset(*, user) -> int:
    """Remove every device of ``user`` (a lost phone or passkey): at their next sign-in
    they set up a new app. Sessions they had already verified stop being verified at
    once, because the middleware no longer finds their device. Returns devices
    removed."""
    removed = 0
    with transaction.atomic():
        for model in (TOTPDevice, StaticDevice, WebAuthnCredential):
            removed += (
                model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
            )
    return removed


def demo_enrol(*, user) -> tuple[str, list[str]]:
    """Give a demo account a confirmed app and backup codes; return what a person
    needs to sign in: the ``otpauth://`` address (holds the secret) and the codes."""
    device = pending_app_device(user=user)
    codes = second_factor_confirm(user=user, device=device)
    return provisioning_uri(device), codes
