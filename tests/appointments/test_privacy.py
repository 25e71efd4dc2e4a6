"""Health information stays where it belongs: not in logs, URLs, emails or the audit."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from appointments.models import AppointmentRequest, SubmissionCounter

from .factories import form_data

pytestmark = pytest.mark.django_db

FORM_URL = reverse("appointments:request-create")

SECRETS = {
    "first_name": "Wilhelmina",
    "last_name": "Zabriskie-Okafor",
    "date_of_birth": "07/04/1938",
    "phone": "(617) 555-0199",
    "message": "Terrible stabbing pain since my fall on the ice",
    "referring_physician": "Dr. Ignatius Fennimore",
    "insurance_carrier": "Acme Mutual Health",
    "requester_name": "Theodora Zabriskie",
}
FORMS_OF_SECRETS = [
    *SECRETS.values(),
    "1938-07-04",
    "+16175550199",
    "617",
    "Wilhelmina",
    "stabbing",
    "Granddaughter",
    # The labels of the ticked symptoms (the acknowledgement's general advice
    # mentions such signs in other words, the same for everyone).
    "New loss of bowel or bladder control",
    "New weakness or numbness in a leg",
    "bowel_bladder",
    "leg_weakness",
]


def submit(client, place, django_capture_on_commit_callbacks, **extra):
    data = form_data(
        place,
        for_someone_else="yes",
        requester_relationship="Granddaughter",
        email="w.zabriskie@example.com",
        **SECRETS,
    )
    data["warning_symptoms"] = ["bowel_bladder", "leg_weakness"]
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(FORM_URL, data, **extra)


def test_no_patient_data_in_logs_during_a_submission(
    client, place, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level("DEBUG")
    submit(client, place, django_capture_on_commit_callbacks)
    assert AppointmentRequest.objects.count() == 1
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for secret in [*FORMS_OF_SECRETS, "w.zabriskie@example.com"]:
        assert secret not in logged, secret


def test_no_patient_data_in_any_email_during_a_submission(
    client, place, outbox, django_capture_on_commit_callbacks
):
    submit(client, place, django_capture_on_commit_callbacks)
    assert len(outbox) == 2
    for message in outbox:
        text = message.subject + message.body + " ".join(message.to)
        for secret in FORMS_OF_SECRETS:
            assert secret not in text, secret


def test_location_email_does_not_carry_the_patients_email_address(
    client, place, outbox, django_capture_on_commit_callbacks
):
    submit(client, place, django_capture_on_commit_callbacks)
    to_location = next(m for m in outbox if m.to == [place.notification_email])
    assert "w.zabriskie@example.com" not in to_location.body


def test_no_patient_data_in_any_url_of_the_journey(
    client, place, django_capture_on_commit_callbacks
):
    response = submit(client, place, django_capture_on_commit_callbacks)
    appointment = AppointmentRequest.objects.get()
    urls = [response["Location"], response.url]
    for secret in [*FORMS_OF_SECRETS, appointment.reference, str(appointment.pk)]:
        assert not any(secret in url for url in urls)


def test_the_form_posts_to_itself_not_with_a_query_string(client, place):
    html = client.get(FORM_URL).content.decode()
    assert 'method="post" action="/appointments/request/"' in html


def test_audit_log_records_workflow_fields_but_no_patient_data(
    client, place, django_capture_on_commit_callbacks
):
    submit(client, place, django_capture_on_commit_callbacks)
    entry = LogEntry.objects.get()
    stored = f"{entry.object_repr} {entry.changes} {entry.serialized_data}"
    assert "status" in str(entry.changes)
    for secret in FORMS_OF_SECRETS:
        assert secret not in stored, secret


def test_audit_entry_for_a_submission_keeps_no_ip_address(
    client, place, django_capture_on_commit_callbacks
):
    submit(client, place, django_capture_on_commit_callbacks, REMOTE_ADDR="203.0.113.5")
    entry = LogEntry.objects.get()
    assert entry.remote_addr is None and entry.actor is None


def test_audit_entries_for_staff_keep_their_address(client, frontdesk_user, place):
    from .factories import make_request

    appointment = make_request(location=place)
    client.force_login(frontdesk_user)
    url = reverse("admin:appointments_appointmentrequest_change", args=[appointment.pk])
    client.get(url, REMOTE_ADDR="10.1.2.3")
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert entry.remote_addr == "10.1.2.3"


def test_rate_limit_keeps_a_hash_of_the_address_never_the_address(client, place):
    client.post(FORM_URL, form_data(place), REMOTE_ADDR="203.0.113.99")
    counter = SubmissionCounter.objects.get()
    assert "203.0.113.99" not in counter.key
    assert len(counter.key) == 64


def test_privacy_page_describes_the_form(client, place):
    html = client.get(reverse("clinic:privacy")).content.decode()
    assert "appointment request form collects" in html
    assert "Who can see it" in html
    assert "How long we keep it" in html
