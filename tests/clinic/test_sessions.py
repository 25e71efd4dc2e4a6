"""Staff sessions end after inactivity and after a working day; production cookies
carry the __Host- prefix."""

import time
from unittest import mock

import pytest
from django.urls import reverse

from clinic.middleware import StaffSessionTimeoutMiddleware as Timeout
from tests.clinic.test_security import load_prod_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, frontdesk_user):
    client.force_login(frontdesk_user)
    assert client.get(reverse("admin:index")).status_code == 200
    return client


def later(seconds: int):
    return mock.patch("clinic.middleware.time.time", return_value=time.time() + seconds)


def test_a_session_ends_after_thirty_minutes_without_activity(desk, settings):
    assert settings.STAFF_SESSION_IDLE_MINUTES == 30
    with later(31 * 60):
        response = desk.get(reverse("admin:index"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))
        page = desk.get(response.url).content.decode()
    assert "signed out after 30 minutes without activity" in page
    assert "_auth_user_id" not in desk.session


def test_activity_keeps_the_session_open(desk):
    with later(20 * 60):
        assert desk.get(reverse("admin:index")).status_code == 200
    with later(40 * 60):
        assert desk.get(reverse("admin:index")).status_code == 200


def test_the_idle_time_is_a_setting(desk, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 5
    with later(6 * 60):
        assert desk.get(reverse("admin:index")).status_code == 302


def test_a_session_ends_after_eight_hours_however_active(desk):
    for minutes in range(20, 8 * 60, 20):
        with later(minutes * 60):
            assert desk.get(reverse("admin:index")).status_code == 200
    with later(8 * 60 * 60 + 60):
        response = desk.get(reverse("admin:index"))
    assert response.status_code == 302


def test_the_stored_session_lapses_with_the_idle_time(desk, settings):
    with later(2 * 60):
        desk.get(reverse("admin:index"))
    assert desk.session.get_expiry_age() == settings.STAFF_SESSION_IDLE_MINUTES * 60
    assert Timeout.SIGNED_IN_AT in desk.session


def test_reading_pages_writes_the_session_at_most_once_a_minute(desk):
    desk.get(reverse("admin:index"))
    seen = desk.session[Timeout.SEEN_AT]
    with later(30):
        desk.get(reverse("admin:index"))
    assert desk.session[Timeout.SEEN_AT] == seen


def test_visitors_without_a_session_are_not_touched(client, clinic_settings):
    response = client.get(reverse("clinic:home"))
    assert response.status_code == 200
    assert not response.cookies.get("sessionid")


def test_production_cookies_are_host_prefixed(monkeypatch):
    prod = load_prod_settings(monkeypatch, "x" * 64)
    assert prod.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert prod.CSRF_COOKIE_NAME == "__Host-csrftoken"
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE
    assert not getattr(prod, "SESSION_COOKIE_DOMAIN", None)
    assert prod.TWO_FACTOR_REQUIRED is True


def test_production_drops_the_prefix_only_when_cookies_are_not_secure(monkeypatch):
    # A __Host- cookie without Secure is thrown away by browsers: nobody could
    # sign in. Plain-http setups (the benchmarks on loopback) keep plain names.
    monkeypatch.setenv("DJANGO_SECURE_COOKIES", "false")
    prod = load_prod_settings(monkeypatch, "x" * 64)
    assert not getattr(prod, "SESSION_COOKIE_NAME", "").startswith("__Host-")


def test_production_requires_the_second_factor_whatever_the_environment(
    monkeypatch,
):
    monkeypatch.setenv("DJANGO_TWO_FACTOR_REQUIRED", "false")
    prod = load_prod_settings(monkeypatch, "x" * 64)
    assert prod.TWO_FACTOR_REQUIRED is True
