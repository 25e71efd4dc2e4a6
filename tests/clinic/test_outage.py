"""A database outage answers 503 with the phone number on every path, whether or not
the visitor carries a session cookie."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PATHS = [
    ("clinic:home", "get"),
    ("appointments:request-create", "get"),
    ("appointments:request-create", "post"),
    ("healthz", "get"),
    ("admin:index", "get"),
    ("admin:login", "post"),
]


@contextmanager
def database_down():
    """Every query fails as it does when the server refuses connections."""
    refused = OperationalError("connection refused")
    with mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=refused):
        yield


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.fixture
def with_session(frontdesk_user):
    client = Client(raise_request_exception=False)
    client.force_login(frontdesk_user)
    return client


@pytest.fixture
def with_other_cookies():
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "not-a-real-session"
    client.cookies["csrftoken"] = "x" * 32
    return client


def urls():
    return [(reverse(name), method) for name, method in PATHS] + [
        ("/no-such-page/", "get"),
        ("/admin/no-such-page/", "get"),
    ]


@pytest.mark.parametrize("who", ["anonymous", "with_session", "with_other_cookies"])
def test_every_path_answers_503_with_the_phone_number(request, who, settings):
    client = request.getfixturevalue(who)
    with database_down():
        for url, method in urls():
            # A redirect that needs no database (to the sign-in page) is fine, as
            # long as where it leads answers 503.
            response = getattr(client, method)(url, follow=True)
            assert response.status_code == 503, (who, method, url)
            assert response["Retry-After"], url
            if "healthz" not in url:
                assert settings.CLINIC_FALLBACK_PHONE in response.content.decode()


def test_healthz_says_the_database_is_down_with_a_session(with_session):
    with database_down():
        response = with_session.get(reverse("healthz"))
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"


def test_other_errors_still_give_the_500_page(anonymous, clinic_settings):
    with mock.patch(
        "clinic.views.HomeView.get_context_data", side_effect=RuntimeError("bug")
    ):
        response = anonymous.get(reverse("clinic:home"))
    assert response.status_code == 500
    assert "555-0142" in response.content.decode()
