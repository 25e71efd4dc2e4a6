"""Security headers, production settings and the admin sign-in lockout."""

import importlib
import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from django.urls import reverse

from clinic.net import client_ip

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(client, clinic_settings):
    return client.get(reverse("clinic:home"))


def test_content_security_policy_is_strict(home):
    csp = home["Content-Security-Policy"]
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";") if part
    )
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_standard_security_headers_are_sent(home):
    assert home["X-Content-Type-Options"] == "nosniff"
    assert home["Referrer-Policy"] == "same-origin"
    assert home["Cross-Origin-Opener-Policy"] == "same-origin"
    assert home["X-Frame-Options"] == "DENY"
    assert "camera=()" in home["Permissions-Policy"]
    assert "geolocation=()" in home["Permissions-Policy"]


def load_prod_settings(monkeypatch, secret):
    """Import the production settings afresh, as a new process would."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", secret)
    modules = ("clinic.settings.prod", "clinic.settings.base")
    saved = {name: sys.modules.pop(name) for name in modules if name in sys.modules}
    try:
        return importlib.import_module("clinic.settings.prod")
    finally:
        for name in modules:
            sys.modules.pop(name, None)
        sys.modules.update(saved)


def test_production_sends_hsts_for_at_least_a_year(monkeypatch):
    prod = load_prod_settings(monkeypatch, "x" * 64)
    assert prod.SECURE_HSTS_SECONDS >= 365 * 24 * 60 * 60
    assert prod.SECURE_SSL_REDIRECT and prod.SESSION_COOKIE_SECURE
    assert prod.DEBUG is False


def test_production_leaves_uploads_to_the_proxy_unless_asked(monkeypatch):
    monkeypatch.delenv("DJANGO_SERVE_MEDIA", raising=False)
    assert load_prod_settings(monkeypatch, "x" * 64).SERVE_MEDIA is False
    monkeypatch.setenv("DJANGO_SERVE_MEDIA", "true")
    assert load_prod_settings(monkeypatch, "x" * 64).SERVE_MEDIA is True


def test_production_refuses_to_start_without_a_secret(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load_prod_settings(monkeypatch, "")


def test_check_deploy_is_clean_under_production_settings():
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "clinic.settings.prod",
        "DJANGO_SECRET_KEY": "k" * 30 + "-production-secret-for-the-check-only",
        "DJANGO_SITE_URL": "https://www.clinic.example",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_forwarded_for_is_ignored_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert client_ip(request) == "10.0.0.5"


def test_forged_forwarded_for_entries_are_ignored_behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"


def fail_login(client, ip, username="desk"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": "wrong"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=ip,
    )


def sign_in_desk(client, ip):
    return client.post(
        reverse("admin:login"),
        {"username": "desk", "password": "pw-desk"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=ip,
    )


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


def test_admin_sign_in_locks_after_repeated_failures(
    client, behind_proxy, frontdesk_user
):
    for _ in range(behind_proxy.AXES_FAILURE_LIMIT):
        fail_login(client, "203.0.113.7")
    response = sign_in_desk(client, "203.0.113.7")
    assert response.status_code == 429
    assert "Sign-in is paused" in response.content.decode()


def test_one_address_trying_many_usernames_is_paused(
    client, behind_proxy, frontdesk_user
):
    # One wrong password for each of several people, all from one address.
    for number in range(behind_proxy.AXES_FAILURE_LIMIT):
        fail_login(client, "203.0.113.7", username=f"someone{number}")
    assert sign_in_desk(client, "203.0.113.7").status_code == 429
    assert sign_in_desk(client, "198.51.100.20").status_code == 302


def test_one_username_tried_from_many_addresses_is_paused(
    client, behind_proxy, frontdesk_user
):
    for number in range(behind_proxy.AXES_FAILURE_LIMIT):
        fail_login(client, f"203.0.113.{number + 1}")
    assert sign_in_desk(client, "198.51.100.20").status_code == 429


def test_a_paused_username_does_not_stop_anyone_else(
    client, behind_proxy, frontdesk_user, editor_user
):
    for number in range(behind_proxy.AXES_FAILURE_LIMIT):
        fail_login(client, f"203.0.113.{number + 1}")
    response = client.post(
        reverse("admin:login"),
        {"username": "writer", "password": "pw-writer"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302


def test_the_pause_message_is_the_same_for_unknown_and_real_usernames(
    client, behind_proxy, frontdesk_user
):
    for number in range(behind_proxy.AXES_FAILURE_LIMIT):
        fail_login(client, f"203.0.113.{number + 1}", username="desk")
        fail_login(client, f"198.51.100.{number + 1}", username="nobody")
    real = fail_login(client, "192.0.2.1", username="desk").content.decode()
    unknown = fail_login(client, "192.0.2.2", username="nobody").content.decode()
    assert real == unknown
    assert "paused for 15 minutes" in real and "desk" not in real


def test_the_pause_ends_after_the_cool_off_even_if_the_stranger_keeps_trying(
    client, behind_proxy, frontdesk_user
):
    from axes.models import AccessAttempt
    from django.db.models import Max
    from django.utils import timezone

    for number in range(behind_proxy.AXES_FAILURE_LIMIT):
        fail_login(client, f"203.0.113.{number + 1}")
    paused_at = AccessAttempt.objects.aggregate(last=Max("attempt_time"))["last"]
    # The stranger keeps going during the pause; that does not make it longer.
    for number in range(3):
        fail_login(client, f"203.0.113.{number + 50}")
    assert sign_in_desk(client, "198.51.100.20").status_code == 429
    last = AccessAttempt.objects.aggregate(last=Max("attempt_time"))["last"]
    assert last == paused_at
    earlier = timezone.now() - behind_proxy.AXES_COOLOFF_TIME - timedelta(seconds=1)
    assert AccessAttempt.objects.filter(attempt_time__gte=earlier).exists()
    AccessAttempt.objects.update(attempt_time=earlier)
    assert sign_in_desk(client, "198.51.100.20").status_code == 302


def test_the_cool_off_is_short(settings):
    assert settings.AXES_COOLOFF_TIME <= timedelta(minutes=30)
    assert settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is False


def test_audit_log_records_the_proxy_aware_address_not_a_forged_one(settings):
    from clinic.middleware import ProxyAwareAuditlogMiddleware

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    extra = ProxyAwareAuditlogMiddleware(lambda r: None).get_extra_data(request)
    assert extra["remote_addr"] == "203.0.113.7"


def test_production_health_check_is_not_redirected_to_https(monkeypatch):
    prod = load_prod_settings(monkeypatch, "x" * 64)
    assert any(re.match(pattern, "healthz") for pattern in prod.SECURE_REDIRECT_EXEMPT)


def test_deploy_check_warns_when_site_url_is_not_public_https(settings):
    from clinic.checks import site_url_is_public_https

    settings.SITE_URL = "http://127.0.0.1:8000"
    assert [w.id for w in site_url_is_public_https(None)] == ["clinic.W001"]
    settings.SITE_URL = "https://www.clinic.example"
    assert site_url_is_public_https(None) == []
