"""The per-address limit on sent requests."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from appointments.apps import check_rate_limit_setting
from appointments.models import SubmissionCounter
from appointments.ratelimit import allow_submission, client_key, parse_rate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("5/h", (5, 3600)),
        ("10/15m", (10, 900)),
        ("1/s", (1, 1)),
        ("50 / d", (50, 86400)),
    ],
)
def test_rates_are_read_as_count_per_period(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "five an hour", "5/y", "5h", "-1/h"])
def test_a_misspelt_rate_is_refused_loudly(rate):
    with pytest.raises(ImproperlyConfigured):
        parse_rate(rate)


def test_system_check_reports_a_misspelt_rate(settings):
    settings.APPOINTMENT_RATE_LIMIT = "lots"
    assert [error.id for error in check_rate_limit_setting(None)] == [
        "appointments.E001"
    ]


def test_system_check_accepts_the_default(settings):
    assert check_rate_limit_setting(None) == []


def test_the_limit_allows_exactly_that_many(settings):
    settings.APPOINTMENT_RATE_LIMIT = "3/h"
    assert [allow_submission("192.0.2.1") for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]


def test_one_row_per_address_and_window(settings):
    settings.APPOINTMENT_RATE_LIMIT = "3/h"
    for _ in range(3):
        allow_submission("192.0.2.1")
    assert SubmissionCounter.objects.get().count == 3


def test_a_visitor_without_an_address_is_still_counted(settings):
    settings.APPOINTMENT_RATE_LIMIT = "1/h"
    assert allow_submission(None) is True
    assert allow_submission(None) is False


def test_the_key_depends_on_the_secret_so_addresses_cannot_be_looked_up(settings):
    before = client_key("192.0.2.1")
    settings.SECRET_KEY = "another-secret"
    assert client_key("192.0.2.1") != before
