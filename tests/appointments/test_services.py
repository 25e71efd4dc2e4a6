"""The rules of a request: saving, priority, reference codes and the workflow."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from appointments import services
from appointments.models import (
    REFERENCE_ALPHABET,
    AppointmentRequest,
    StatusChange,
)

from .factories import make_request, service_data

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status
Priority = AppointmentRequest.Priority


def create(place, **overrides) -> AppointmentRequest:
    return services.appointment_request_create(data=service_data(place, **overrides))


def test_create_saves_the_request_with_an_eight_character_reference(place):
    appointment = create(place)
    appointment.refresh_from_db()
    assert len(appointment.reference) == 8
    assert set(appointment.reference) <= set(REFERENCE_ALPHABET)
    assert appointment.status == Status.NEW


def test_reference_alphabet_has_no_look_alikes():
    assert not set("0O1IL") & set(REFERENCE_ALPHABET)


def test_references_are_random_not_sequential(place):
    references = {create(place).reference for _ in range(5)}
    assert len(references) == 5


def test_warning_symptom_marks_request_urgent(place):
    appointment = create(place, warning_symptoms=["fever"])
    assert appointment.priority == Priority.URGENT


def test_pain_started_under_eight_weeks_marks_request_high(place):
    appointment = create(place, pain_started="under_8_weeks")
    assert appointment.priority == Priority.HIGH


def test_warning_symptom_outranks_recent_pain(place):
    appointment = create(
        place, pain_started="under_8_weeks", warning_symptoms=["injury"]
    )
    assert appointment.priority == Priority.URGENT


def test_older_pain_without_symptoms_is_normal_priority(place):
    assert create(place, pain_started="over_6_months").priority == Priority.NORMAL


def test_reference_clash_is_retried_with_a_new_code(place, monkeypatch):
    taken = make_request(location=place, reference="ABCDEFGH")
    codes = iter([taken.reference, "HGFEDCBA"])
    monkeypatch.setattr(services, "new_reference", lambda: next(codes))
    appointment = create(place)
    assert appointment.reference == "HGFEDCBA"
    assert AppointmentRequest.objects.count() == 2


def test_duplicate_reference_is_refused_by_the_database(place):
    from django.db import IntegrityError, transaction

    make_request(location=place, reference="ABCDEFGH")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_request(location=place, reference="ABCDEFGH")


def test_invalid_answers_save_nothing(place):
    with pytest.raises(ValidationError) as caught:
        create(place, phone="", email="")
    assert "phone" in caught.value.message_dict
    assert AppointmentRequest.objects.count() == 0


def test_model_validators_run_in_the_service_too(place):
    with pytest.raises(ValidationError) as caught:
        create(place, first_name="R2D2")
    assert "first_name" in caught.value.message_dict
    assert AppointmentRequest.objects.count() == 0


def test_requester_details_are_dropped_when_the_patient_asks_for_themselves(place):
    appointment = create(place, requester_name="Someone", requester_relationship="x")
    assert appointment.requester_name == "" and appointment.requester_relationship == ""


def test_emails_are_queued_only_after_the_request_is_committed(
    place, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        create(place)
    assert outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(outbox) == 2


def test_transition_records_who_and_when(appointment, frontdesk_user):
    services.appointment_request_transition(
        request=appointment, to_status=Status.CONTACTED, by=frontdesk_user
    )
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status) == (Status.NEW, Status.CONTACTED)
    assert change.changed_by == frontdesk_user
    assert timezone.now() - change.changed_at < timedelta(minutes=1)
    appointment.refresh_from_db()
    assert appointment.status == Status.CONTACTED


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Status.NEW, Status.CLOSED),
        (Status.NEW, Status.NEW),
        (Status.CONTACTED, Status.NEW),
        (Status.SCHEDULED, Status.CONTACTED),
        (Status.CLOSED, Status.CONTACTED),
        (Status.DECLINED, Status.SCHEDULED),
        (Status.SPAM, Status.CLOSED),
    ],
)
def test_nonsense_transitions_are_refused(place, frontdesk_user, start, target):
    appointment = make_request(location=place, status=start)
    with pytest.raises(services.TransitionNotAllowed):
        services.appointment_request_transition(
            request=appointment, to_status=target, by=frontdesk_user
        )
    appointment.refresh_from_db()
    assert appointment.status == start
    assert not StatusChange.objects.exists()


def test_the_whole_happy_path_is_allowed(appointment, frontdesk_user):
    for target in (Status.CONTACTED, Status.SCHEDULED, Status.CLOSED):
        services.appointment_request_transition(
            request=appointment, to_status=target, by=frontdesk_user
        )
    assert StatusChange.objects.count() == 3


def test_ending_a_request_stamps_when_it_ended(appointment, frontdesk_user):
    services.appointment_request_transition(
        request=appointment, to_status=Status.SPAM, by=frontdesk_user
    )
    appointment.refresh_from_db()
    assert appointment.ended_at is not None


def test_reopening_spam_clears_the_end_time(place, frontdesk_user):
    appointment = make_request(
        location=place, status=Status.SPAM, ended_at=timezone.now()
    )
    services.appointment_request_transition(
        request=appointment, to_status=Status.NEW, by=frontdesk_user
    )
    appointment.refresh_from_db()
    assert appointment.ended_at is None


def test_transition_checks_the_status_in_the_database_not_a_stale_copy(
    appointment, frontdesk_user
):
    stale = AppointmentRequest.objects.get(pk=appointment.pk)
    services.appointment_request_transition(
        request=appointment, to_status=Status.SPAM, by=frontdesk_user
    )
    with pytest.raises(services.TransitionNotAllowed):
        services.appointment_request_transition(
            request=stale, to_status=Status.CONTACTED, by=frontdesk_user
        )


def test_update_changes_assignee_and_priority(appointment, frontdesk_user):
    services.appointment_request_update(
        request=appointment,
        by=frontdesk_user,
        data={"assigned_to": frontdesk_user, "priority": Priority.HIGH},
    )
    appointment.refresh_from_db()
    assert appointment.assigned_to == frontdesk_user
    assert appointment.priority == Priority.HIGH


def test_update_refuses_to_touch_what_the_patient_sent(appointment, frontdesk_user):
    with pytest.raises(ValueError, match="first_name"):
        services.appointment_request_update(
            request=appointment, by=frontdesk_user, data={"first_name": "Changed"}
        )


def test_update_checks_only_what_staff_changed(place, frontdesk_user):
    # Saved when it passed; today the birth date is more than 120 years ago.
    born = timezone.localdate() - timedelta(days=130 * 366)
    appointment = make_request(location=place, date_of_birth=born)
    services.appointment_request_update(
        request=appointment,
        by=frontdesk_user,
        data={"priority": Priority.HIGH, "assigned_to": frontdesk_user},
    )
    appointment.refresh_from_db()
    assert appointment.priority == Priority.HIGH
    assert appointment.assigned_to == frontdesk_user
    assert appointment.date_of_birth == born


def test_update_still_checks_the_staff_fields(appointment, frontdesk_user):
    with pytest.raises(ValidationError) as caught:
        services.appointment_request_update(
            request=appointment, by=frontdesk_user, data={"priority": 99}
        )
    assert set(caught.value.message_dict) == {"priority"}


def test_staff_note_gets_its_author_and_time(appointment, frontdesk_user):
    note = services.staff_note_create(
        request=appointment, author=frontdesk_user, text="  Left a voicemail. "
    )
    assert note.author == frontdesk_user
    assert note.text == "Left a voicemail."
    assert note.created_at is not None


def test_empty_staff_note_is_refused(appointment, frontdesk_user):
    with pytest.raises(ValidationError):
        services.staff_note_create(request=appointment, author=frontdesk_user, text=" ")


def test_triage_order_is_urgent_then_high_then_normal_oldest_first(place):
    now = timezone.now()
    normal_old = make_request(location=place, created_at=now - timedelta(days=3))
    high_new = make_request(location=place, priority=Priority.HIGH, created_at=now)
    urgent_new = make_request(location=place, priority=Priority.URGENT)
    high_old = make_request(
        location=place, priority=Priority.HIGH, created_at=now - timedelta(days=2)
    )
    assert list(AppointmentRequest.objects.triage_order()) == [
        urgent_new,
        high_old,
        high_new,
        normal_old,
    ]


def test_status_counts_list_every_status(place):
    make_request(location=place)
    make_request(location=place)
    make_request(location=place, status=Status.SPAM)
    counts = AppointmentRequest.objects.status_counts()
    assert counts[Status.NEW] == 2 and counts[Status.SPAM] == 1
    assert counts[Status.CLOSED] == 0
    assert set(counts) == set(Status.values)


NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("received", "now", "waiting"),
    [
        # Friday 11:00 -> Monday 10:00: less than one business day.
        (datetime(2026, 11, 13, 11), datetime(2026, 11, 16, 10), False),
        # Friday 9:00 -> Monday 10:00: more than one business day.
        (datetime(2026, 11, 13, 9), datetime(2026, 11, 16, 10), True),
        # Tuesday 9:00 -> Wednesday 10:00.
        (datetime(2026, 11, 17, 9), datetime(2026, 11, 18, 10), True),
        # Wednesday 11:00 -> Thursday 10:00.
        (datetime(2026, 11, 18, 11), datetime(2026, 11, 19, 10), False),
    ],
)
def test_waiting_means_new_for_more_than_one_business_day(
    place, received, now, waiting
):
    appointment = make_request(
        location=place, created_at=received.replace(tzinfo=NEW_YORK)
    )
    found = AppointmentRequest.objects.waiting(now=now.replace(tzinfo=NEW_YORK))
    assert (appointment in found) is waiting


def test_a_contacted_request_is_not_waiting(place):
    make_request(
        location=place,
        status=Status.CONTACTED,
        created_at=timezone.now() - timedelta(days=10),
    )
    assert not AppointmentRequest.objects.waiting().exists()


def test_the_chosen_topic_survives_the_page_being_deleted(place, published_page):
    appointment = create(place, topic=published_page)
    title = published_page.title
    published_page.delete()

    appointment.refresh_from_db()
    assert appointment.topic is None
    assert appointment.topic_display == f"{title} (page since deleted)"
