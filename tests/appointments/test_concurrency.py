"""Many patients sending at once: every request is saved, each with its own code; and
two sends of the same emails at once: each email goes out once.

The senders are threads with their own database connections, so the test cannot run
inside a rolled-back transaction: it is a transactional test. Like the browser tests,
it asks for ``serialized_rollback``, so the next transactional test starts from the
migrated data (roles included) rather than an emptied database.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from appointments.models import AppointmentRequest
from appointments.tasks import send_appointment_emails
from tests.conftest import make_location

from .backends import SlowLocationEmailBackend
from .factories import form_data, make_request

SENDERS = 20


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_are_all_saved_with_unique_references():
    place = make_location(name="Concurrency Place")
    url = reverse("appointments:request-create")
    start = threading.Barrier(SENDERS)
    statuses, errors = [], []

    def send(index: int) -> None:
        try:
            browser = Client()
            data = form_data(place, first_name=f"Patient {chr(65 + index)}")
            start.wait(timeout=30)
            response = browser.post(url, data, REMOTE_ADDR=f"192.0.2.{index + 1}")
            statuses.append(response.status_code)
        except Exception as error:  # reported below; a thread must not die silently
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert statuses == [302] * SENDERS
    references = list(AppointmentRequest.objects.values_list("reference", flat=True))
    assert len(references) == SENDERS
    assert len(set(references)) == SENDERS
    names = set(AppointmentRequest.objects.values_list("first_name", flat=True))
    assert names == {f"Patient {chr(65 + i)}" for i in range(SENDERS)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_retry_and_a_resend_running_at_once_send_each_email_once(settings):
    """A retry is queued; someone runs the resend command meanwhile. Both run."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; production runs PostgreSQL.")
    settings.EMAIL_BACKEND = "tests.appointments.backends.SlowLocationEmailBackend"
    SlowLocationEmailBackend.reset()
    place = make_location(name="Race Place")
    appointment = make_request(location=place, email="race@example.com")
    errors = []

    def run() -> None:
        try:
            send_appointment_emails.call(appointment.pk)
        except Exception as error:  # reported below
            errors.append(repr(error))
        finally:
            connection.close()

    first = threading.Thread(target=run)
    first.start()
    assert SlowLocationEmailBackend.sending.wait(timeout=30)
    second = threading.Thread(target=run)
    second.start()
    second.join(timeout=1)  # it waits for the first to finish with the request
    SlowLocationEmailBackend.release.set()
    first.join(timeout=60)
    second.join(timeout=60)

    assert errors == []
    recipients = sorted(to for to, _subject in SlowLocationEmailBackend.sent)
    assert recipients == ["race-place@clinic.example", "race@example.com"]
    appointment.refresh_from_db()
    assert appointment.location_notified_at and appointment.patient_acknowledged_at
