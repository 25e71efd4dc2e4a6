"""The emails that follow a request, and what happens when sending fails."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone
from django_tasks import default_task_backend

from appointments import emails, tasks
from appointments.models import AppointmentRequest

from .backends import RefusePatientEmailBackend
from .factories import form_data, make_request

pytestmark = pytest.mark.django_db

FAILING = "tests.appointments.backends.FailingEmailBackend"
REFUSE_PATIENT = "tests.appointments.backends.RefusePatientEmailBackend"
REFUSE_PATIENT_FOR_NOW = "tests.appointments.backends.RefusePatientForNowEmailBackend"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def urgent(place):
    return make_request(
        location=place,
        first_name="Hildegard",
        last_name="Vanterpool",
        email="hv@example.com",
        priority=AppointmentRequest.Priority.URGENT,
        warning_symptoms=["bowel_bladder"],
        message="Numb left foot since Tuesday",
    )


def test_acknowledgement_gives_reference_next_steps_emergency_line_and_phone(urgent):
    message = emails.acknowledgement(urgent)
    assert message.to == ["hv@example.com"]
    assert urgent.reference in message.subject and urgent.reference in message.body
    assert "What happens next" in message.body
    assert "911" in message.body
    assert "555-0142" in message.body and urgent.location.phone in message.body


def test_acknowledgement_holds_no_name_or_health_details(urgent):
    message = emails.acknowledgement(urgent)
    text = message.subject + message.body
    for private in ("Hildegard", "Vanterpool", "Numb left foot", "bladder control"):
        assert private not in text


def test_location_notification_gives_reference_priority_and_admin_link(
    urgent, settings
):
    settings.SITE_URL = "https://clinic.example.org"
    message = emails.location_notification(urgent)
    assert message.to == [urgent.location.notification_email]
    assert urgent.reference in message.subject
    assert message.subject.startswith("URGENT")
    assert (
        f"https://clinic.example.org/admin/appointments/appointmentrequest/"
        f"{urgent.pk}/change/" in message.body
    )


def test_location_notification_holds_no_name_or_health_details(urgent):
    message = emails.location_notification(urgent)
    text = message.subject + message.body
    for private in ("Hildegard", "Vanterpool", "hv@example.com", "Numb", "1950"):
        assert private not in text


def test_task_sends_both_emails_and_records_when(urgent, outbox):
    tasks.send_appointment_emails.call(urgent.pk)
    urgent.refresh_from_db()
    assert len(outbox) == 2
    assert urgent.patient_acknowledged_at and urgent.location_notified_at


def test_task_never_sends_an_email_twice(urgent, outbox):
    tasks.send_appointment_emails.call(urgent.pk)
    tasks.send_appointment_emails.call(urgent.pk)
    assert len(outbox) == 2


def test_task_for_a_deleted_request_does_nothing(urgent, outbox):
    pk = urgent.pk
    urgent.delete()
    tasks.send_appointment_emails.call(pk)
    assert outbox == []


def test_failed_send_keeps_the_request_and_records_the_error_type(
    client, place, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/appointments/request/", form_data(place, email="pat@example.com")
        )
    assert response.status_code == 302
    appointment = AppointmentRequest.objects.get()
    assert appointment.email_attempts == 1
    assert appointment.email_last_error == (
        "location notification: SMTPRecipientsRefused; "
        "acknowledgement: SMTPRecipientsRefused"
    )
    assert appointment.location_notified_at is None


def test_failed_send_logs_no_address(urgent, settings, caplog):
    settings.EMAIL_BACKEND = FAILING
    caplog.set_level("DEBUG")
    tasks.send_appointment_emails.call(urgent.pk)
    assert "SMTPRecipientsRefused" in caplog.text
    assert "hv@example.com" not in caplog.text
    assert urgent.location.notification_email not in caplog.text


def test_failed_send_is_retried_later_with_a_growing_pause(urgent, settings):
    settings.EMAIL_BACKEND = FAILING
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    tasks.send_appointment_emails.call(urgent.pk)
    tasks.send_appointment_emails.call(urgent.pk)
    first, second = default_task_backend.results
    assert first.args == [urgent.pk] and second.args == [urgent.pk]
    now = timezone.now()
    first_pause = first.task.run_after - now
    second_pause = second.task.run_after - now
    assert timedelta(seconds=30) < first_pause <= timedelta(minutes=1)
    assert second_pause > first_pause


def test_retries_stop_after_a_bounded_number_of_attempts(urgent, settings):
    settings.EMAIL_BACKEND = FAILING
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    for _ in range(tasks.MAX_EMAIL_ATTEMPTS + 2):
        tasks.send_appointment_emails.call(urgent.pk)
    urgent.refresh_from_db()
    assert urgent.email_attempts == tasks.MAX_EMAIL_ATTEMPTS + 2
    assert len(default_task_backend.results) == tasks.MAX_EMAIL_ATTEMPTS - 1


def test_a_retry_sends_only_the_email_that_failed(urgent, settings, outbox):
    settings.EMAIL_BACKEND = "tests.appointments.backends.FailOnLocationEmailBackend"
    tasks.send_appointment_emails.call(urgent.pk)
    assert [m.to for m in outbox] == [["hv@example.com"]]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    tasks.send_appointment_emails.call(urgent.pk)
    urgent.refresh_from_db()
    assert [m.to for m in outbox] == [
        ["hv@example.com"],
        [urgent.location.notification_email],
    ]
    assert urgent.email_last_error == ""


def test_immediate_backend_cannot_wait_so_the_resend_command_takes_over(
    urgent, settings
):
    settings.EMAIL_BACKEND = FAILING
    assert tasks.schedule_retry(urgent.pk, attempts=1) is False


def test_a_queue_that_cannot_take_the_job_never_fails_the_submission(
    client, place, monkeypatch, django_capture_on_commit_callbacks
):
    broken = mock.Mock()
    broken.enqueue.side_effect = ConnectionError("queue down")
    monkeypatch.setattr(tasks, "send_appointment_emails", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/appointments/request/", form_data(place))
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 1


def test_the_location_is_notified_before_the_patient_is_acknowledged(urgent, outbox):
    tasks.send_appointment_emails.call(urgent.pk)
    assert [m.to for m in outbox] == [
        [urgent.location.notification_email],
        ["hv@example.com"],
    ]


@pytest.fixture
def refusing(settings):
    RefusePatientEmailBackend.tried = []
    settings.EMAIL_BACKEND = REFUSE_PATIENT
    return RefusePatientEmailBackend


def test_a_refused_patient_address_never_stops_the_location_email(
    client, place, refusing, outbox, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/appointments/request/",
            form_data(place, email="gone@example.com", warning_symptoms="fever"),
        )
    assert response.status_code == 302
    appointment = AppointmentRequest.objects.get()
    assert appointment.is_urgent
    assert appointment.location_notified_at is not None
    assert [m.to for m in outbox] == [[place.notification_email]]
    assert outbox[0].subject.startswith("URGENT")
    assert appointment.patient_acknowledged_at is None
    assert appointment.acknowledgement_refused
    assert appointment.email_last_error == "acknowledgement: SMTPRecipientsRefused"
    assert "gone@example.com" not in caplog.text


def test_a_patient_address_refused_for_good_is_not_tried_again(
    urgent, refusing, outbox, settings
):
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    tasks.send_appointment_emails.call(urgent.pk)
    assert default_task_backend.results == []  # no retry queued
    assert not AppointmentRequest.objects.emails_pending().exists()
    tasks.send_appointment_emails.call(urgent.pk)  # a resend finds nothing to do
    assert refusing.tried == [urgent.location.notification_email, "hv@example.com"]
    assert len(outbox) == 1


def test_a_patient_address_refused_for_now_is_tried_again(urgent, outbox, settings):
    settings.EMAIL_BACKEND = REFUSE_PATIENT_FOR_NOW
    settings.TASKS = DUMMY_TASKS
    default_task_backend.clear()
    tasks.send_appointment_emails.call(urgent.pk)
    urgent.refresh_from_db()
    assert urgent.location_notified_at is not None
    assert not urgent.acknowledgement_refused
    assert len(default_task_backend.results) == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    tasks.send_appointment_emails.call(urgent.pk)
    urgent.refresh_from_db()
    assert [m.to for m in outbox] == [
        [urgent.location.notification_email],
        ["hv@example.com"],
    ]
    assert urgent.patient_acknowledged_at and urgent.email_last_error == ""


@pytest.mark.parametrize(
    "status",
    [AppointmentRequest.Status.SPAM, AppointmentRequest.Status.CLOSED],
)
def test_no_email_goes_out_for_an_ended_request(urgent, outbox, status):
    AppointmentRequest.objects.filter(pk=urgent.pk).update(
        status=status, ended_at=timezone.now()
    )
    tasks.send_appointment_emails.call(urgent.pk)
    assert outbox == []
