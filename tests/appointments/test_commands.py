"""Management commands: purging old requests, resending emails, demo data."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from appointments import demo
from appointments.models import AppointmentRequest, StaffNote, StatusChange
from tests.conftest import make_location

from .factories import make_request

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def old_closed(place, frontdesk_user, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 730
    appointment = make_request(
        location=place,
        status=Status.CLOSED,
        ended_at=timezone.now() - timedelta(days=731),
    )
    StaffNote.objects.create(request=appointment, author=frontdesk_user, text="Called")
    StaffNote.objects.create(request=appointment, author=frontdesk_user, text="Booked")
    StatusChange.objects.create(
        request=appointment, from_status="new", to_status="contacted"
    )
    return appointment


def test_purge_deletes_requests_that_ended_long_ago_with_notes_and_history(
    old_closed,
):
    output = run("purge_appointment_requests")
    assert "Deleted 1 appointment requests, 2 notes and 1 status changes" in output
    assert not AppointmentRequest.objects.exists()
    assert not StaffNote.objects.exists() and not StatusChange.objects.exists()


@pytest.mark.parametrize("status", [Status.DECLINED, Status.NO_RESPONSE, Status.SPAM])
def test_purge_deletes_every_kind_of_ended_request(place, status):
    make_request(
        location=place, status=status, ended_at=timezone.now() - timedelta(days=800)
    )
    run("purge_appointment_requests")
    assert not AppointmentRequest.objects.exists()


def test_purge_keeps_requests_that_ended_recently(place):
    make_request(
        location=place,
        status=Status.CLOSED,
        ended_at=timezone.now() - timedelta(days=10),
    )
    assert "Deleted 0 appointment requests" in run("purge_appointment_requests")
    assert AppointmentRequest.objects.count() == 1


def test_purge_never_deletes_an_open_request_however_old(place):
    make_request(location=place, created_at=timezone.now() - timedelta(days=3000))
    run("purge_appointment_requests")
    assert AppointmentRequest.objects.count() == 1


def test_purge_follows_the_retention_setting(place, settings):
    settings.APPOINTMENT_RETENTION_DAYS = 5
    make_request(
        location=place,
        status=Status.CLOSED,
        ended_at=timezone.now() - timedelta(days=6),
    )
    run("purge_appointment_requests")
    assert not AppointmentRequest.objects.exists()


def test_purge_dry_run_counts_but_deletes_nothing(old_closed):
    output = run("purge_appointment_requests", "--dry-run")
    assert "Would delete 1 appointment requests, 2 notes" in output
    assert AppointmentRequest.objects.count() == 1
    assert StaffNote.objects.count() == 2


def test_resend_command_sends_what_failed_before(place, outbox):
    failed = make_request(
        location=place, email="a@example.com", email_attempts=5, email_last_error="X"
    )
    run("resend_appointment_emails")
    failed.refresh_from_db()
    assert len(outbox) == 2
    assert failed.location_notified_at and failed.patient_acknowledged_at


def test_resend_command_leaves_fresh_and_finished_requests_alone(place, outbox):
    make_request(location=place)  # just in, its first send may still be queued
    now = timezone.now()
    make_request(
        location=place,
        created_at=now - timedelta(hours=2),
        location_notified_at=now,
    )
    assert "for 0 appointment requests" in run("resend_appointment_emails")
    assert outbox == []


def test_resend_command_dry_run_sends_nothing(place, outbox):
    make_request(location=place, email_attempts=1)
    assert "Would queue emails again for 1" in run(
        "resend_appointment_emails", "--dry-run"
    )
    assert outbox == []


def test_demo_loader_creates_fictional_requests_once(place, outbox):
    make_location(name="Second Place")
    assert demo.load(log=lambda message: None) == len(demo.DEMO_REQUESTS)
    assert demo.load(log=lambda message: None) == 0
    assert AppointmentRequest.objects.count() == len(demo.DEMO_REQUESTS)
    assert outbox == []


def test_demo_requests_cover_every_priority(place):
    demo.load(log=lambda message: None)
    priorities = set(AppointmentRequest.objects.values_list("priority", flat=True))
    assert priorities == set(AppointmentRequest.Priority.values)


def test_demo_loader_adds_nothing_next_to_real_requests(appointment):
    assert demo.load(log=lambda message: None) == 0


def test_load_demo_command_includes_appointment_requests(db, tmp_path):
    out = StringIO()
    call_command("load_demo", accounts_file=tmp_path / "accounts.txt", stdout=out)
    assert AppointmentRequest.objects.count() == len(demo.DEMO_REQUESTS)


@pytest.mark.parametrize("status", [Status.SPAM, Status.CLOSED, Status.NO_RESPONSE])
def test_resend_command_skips_spam_and_ended_requests(place, outbox, status):
    make_request(
        location=place,
        email="a@example.com",
        email_attempts=2,
        status=status,
        ended_at=timezone.now(),
    )
    assert "for 0 appointment requests" in run("resend_appointment_emails")
    assert outbox == []


def test_resend_command_skips_an_acknowledgement_the_server_refused_for_good(
    place, outbox
):
    make_request(
        location=place,
        email="gone@example.com",
        email_attempts=1,
        location_notified_at=timezone.now(),
        acknowledgement_refused=True,
    )
    assert "for 0 appointment requests" in run("resend_appointment_emails")
    assert outbox == []


@pytest.fixture
def sessions(db):
    now = timezone.now()
    expired = Session.objects.create(
        session_key="expired", session_data="", expire_date=now - timedelta(hours=1)
    )
    current = Session.objects.create(
        session_key="current", session_data="", expire_date=now + timedelta(hours=1)
    )
    return expired, current


def test_purge_clears_expired_sessions(sessions):
    output = run("purge_appointment_requests")
    assert "Cleared expired sessions." in output
    assert list(Session.objects.values_list("session_key", flat=True)) == ["current"]


def test_purge_dry_run_clears_no_session(sessions):
    output = run("purge_appointment_requests", "--dry-run")
    assert "sessions" not in output
    assert Session.objects.count() == 2
