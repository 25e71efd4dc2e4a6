"""Working the queue: calls logged, duplicates flagged, response times measured,
reports for the lead."""

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from appointments import services
from appointments.business_time import business_days_before, business_time_between
from appointments.models import AppointmentRequest, CallAttempt, StaffNote
from appointments.reports import build_report
from clinic import roles
from tests.conftest import make_staff

from .factories import change_form_data, make_request

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status
Outcome = AppointmentRequest.CallOutcome
NEW_YORK = ZoneInfo("America/New_York")
CHANGELIST = reverse("admin:appointments_appointmentrequest_changelist")
REPORTS = reverse("admin:appointments_reports")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)


def change_url(appointment) -> str:
    return reverse(
        "admin:appointments_appointmentrequest_change", args=[appointment.pk]
    )


@pytest.fixture
def desk(client, frontdesk_user):
    client.force_login(frontdesk_user)
    return client


# --- Business time ------------------------------------------------------------------
def test_weekends_do_not_count_as_business_time():
    # Friday 16:00 to Monday 10:00: 8 hours of Friday and 10 of Monday.
    assert business_time_between(at(2026, 11, 13, 16), at(2026, 11, 16, 10)) == (
        timedelta(hours=18)
    )


def test_public_holidays_do_not_count_as_business_time():
    # Wednesday 12:00 to Friday 12:00 across Thanksgiving (Thursday 26 November).
    assert business_time_between(at(2026, 11, 25, 12), at(2026, 11, 27, 12)) == (
        timedelta(hours=24)
    )


def test_holidays_come_from_the_configured_country(settings):
    settings.CLINIC_HOLIDAYS_COUNTRY = "GB"
    # Thanksgiving is a working day in the United Kingdom.
    assert business_time_between(at(2026, 11, 25, 12), at(2026, 11, 27, 12)) == (
        timedelta(hours=48)
    )


def test_one_business_day_before_monday_is_friday():
    assert business_days_before(at(2026, 11, 16, 10)) == at(2026, 11, 13, 10)


# --- Calls --------------------------------------------------------------------------
def test_a_call_is_recorded_with_who_when_and_outcome(appointment, frontdesk_user):
    call = services.call_attempt_create(
        request=appointment, by=frontdesk_user, outcome=Outcome.NO_ANSWER
    )
    assert call.made_by == frontdesk_user and call.outcome == Outcome.NO_ANSWER
    assert timezone.now() - call.made_at < timedelta(minutes=1)
    appointment.refresh_from_db()
    assert appointment.first_contacted_at == call.made_at
    assert appointment.status == Status.NEW


def test_reaching_the_patient_marks_a_new_request_contacted(
    appointment, frontdesk_user
):
    services.call_attempt_create(
        request=appointment, by=frontdesk_user, outcome=Outcome.REACHED
    )
    appointment.refresh_from_db()
    assert appointment.status == Status.CONTACTED


def test_the_first_status_change_is_the_first_contact(appointment, frontdesk_user):
    services.appointment_request_transition(
        request=appointment, to_status=Status.SPAM, by=frontdesk_user
    )
    appointment.refresh_from_db()
    assert appointment.first_contacted_at is not None


def test_a_note_and_a_call_are_one_click_on_the_request_page(
    desk, appointment, frontdesk_user
):
    response = desk.post(
        change_url(appointment),
        change_form_data(appointment, note="Daughter will call back", call="voicemail"),
    )
    assert response.status_code == 302
    assert response["Location"] == change_url(appointment)  # stays on the request
    assert StaffNote.objects.get().text == "Daughter will call back"
    assert CallAttempt.objects.get().outcome == Outcome.VOICEMAIL


def test_next_status_is_one_click(desk, appointment):
    desk.post(
        change_url(appointment), change_form_data(appointment, next_status="scheduled")
    )
    appointment.refresh_from_db()
    assert appointment.status == Status.SCHEDULED


def test_a_nonsense_next_status_is_refused_with_a_message(desk, place):
    appointment = make_request(location=place, status=Status.CLOSED)
    response = desk.post(
        change_url(appointment), change_form_data(appointment, next_status="new")
    )
    assert response.status_code == 200 and "cannot be marked" in response.text
    appointment.refresh_from_db()
    assert appointment.status == Status.CLOSED


def test_three_unanswered_calls_suggest_no_response(desk, appointment, frontdesk_user):
    for outcome in (Outcome.NO_ANSWER, Outcome.VOICEMAIL):
        services.call_attempt_create(
            request=appointment, by=frontdesk_user, outcome=outcome
        )
    assert "Three calls in a row" not in desk.get(change_url(appointment)).text
    services.call_attempt_create(
        request=appointment, by=frontdesk_user, outcome=Outcome.NO_ANSWER
    )
    assert "Three calls in a row" in desk.get(change_url(appointment)).text


def test_calls_show_in_the_history_and_are_counted_in_the_queue(
    desk, appointment, frontdesk_user
):
    for _ in range(2):
        services.call_attempt_create(
            request=appointment, by=frontdesk_user, outcome=Outcome.NO_ANSWER
        )
    page = desk.get(change_url(appointment)).text
    assert page.count("Call: No answer") == 2
    queue = desk.get(CHANGELIST).text
    assert '<td class="field-call_count">2</td>' in queue


def test_the_request_page_puts_warning_signs_and_whom_to_call_first(desk, place):
    appointment = make_request(
        location=place,
        warning_symptoms=["fever"],
        for_someone_else=True,
        requester_name="Rosa Example",
        requester_relationship="daughter",
    )
    page = desk.get(change_url(appointment)).text
    panel = page[page.index('class="work-panel') :]
    assert panel.index("Fever with back pain") < panel.index("Rosa Example")
    assert "Rosa Example (daughter of the patient)" in panel
    assert panel.index("Rosa Example") < panel.index('name="note"')
    assert page.index('class="work-panel') < page.index('name="status"')


# --- Assignment ---------------------------------------------------------------------
def test_only_front_desk_members_can_be_assigned(
    desk, appointment, frontdesk_user, editor_user, reviewer_user, superuser
):
    page = desk.get(change_url(appointment)).text
    select = page[page.index('name="assigned_to"') :].split("</select>")[0]
    assert f'value="{frontdesk_user.pk}"' in select
    for outsider in (editor_user, reviewer_user, superuser):
        assert f'value="{outsider.pk}"' not in select


def test_assign_to_me_is_one_click(desk, appointment, frontdesk_user):
    desk.post(change_url(appointment), change_form_data(appointment, assign_me="on"))
    appointment.refresh_from_db()
    assert appointment.assigned_to == frontdesk_user


# --- Duplicates ---------------------------------------------------------------------
def test_open_requests_for_the_same_person_are_flagged(desk, place):
    first = make_request(location=place, last_name="Lovelace", phone="+12025550111")
    twin = make_request(location=place, last_name="LOVELACE", phone="+12025550122")
    stranger = make_request(
        location=place, last_name="Other", date_of_birth=date(1960, 5, 5)
    )
    found = AppointmentRequest.objects.for_queue()
    flagged = {r.pk for r in found if r.has_twin}
    assert flagged == {first.pk, twin.pk} and stranger.pk not in flagged
    assert desk.get(CHANGELIST).text.count("Possible duplicate") == 2


def test_same_phone_with_another_last_name_is_a_possible_duplicate(place):
    first = make_request(location=place, last_name="Smith")
    twin = make_request(location=place, last_name="Smith-Jones")  # same phone
    assert list(AppointmentRequest.objects.possible_duplicates_of(first)) == [twin]


def test_requests_more_than_30_days_apart_are_not_duplicates(place):
    first = make_request(location=place, created_at=timezone.now() - timedelta(days=40))
    make_request(location=place)
    assert not AppointmentRequest.objects.possible_duplicates_of(first).exists()


def test_staff_close_one_request_as_a_duplicate_of_the_other(desk, place):
    first = make_request(location=place)
    twin = make_request(location=place)
    page = desk.get(change_url(twin)).text
    assert first.reference in page

    desk.post(change_url(twin), change_form_data(twin, duplicate_of=first.pk))

    twin.refresh_from_db()
    assert twin.status == Status.DUPLICATE and twin.duplicate_of == first
    first.refresh_from_db()
    assert first.status == Status.NEW


# --- Response time ------------------------------------------------------------------
def test_a_request_not_contacted_within_one_business_day_is_overdue(desk, place):
    make_request(location=place, created_at=timezone.now() - timedelta(days=5))
    assert "Overdue" in desk.get(CHANGELIST).text


def test_the_overdue_target_is_per_location(desk, place):
    place.response_target_days = 10
    place.save()
    make_request(location=place, created_at=timezone.now() - timedelta(days=5))
    assert "Overdue" not in desk.get(CHANGELIST).text


def test_a_contacted_request_is_never_overdue(place, frontdesk_user):
    appointment = make_request(
        location=place, created_at=timezone.now() - timedelta(days=5)
    )
    services.call_attempt_create(
        request=appointment, by=frontdesk_user, outcome=Outcome.NO_ANSWER
    )
    appointment.refresh_from_db()
    assert not appointment.is_overdue()


# --- Dates --------------------------------------------------------------------------
def test_dates_are_written_one_way_across_the_admin(desk, appointment, frontdesk_user):
    services.call_attempt_create(
        request=appointment, by=frontdesk_user, outcome=Outcome.NO_ANSWER
    )
    for page in (desk.get(CHANGELIST).text, desk.get(change_url(appointment)).text):
        assert "a.m." not in page and "p.m." not in page
    stamp = timezone.localtime(appointment.created_at)
    expected = f"{stamp:%b} {stamp.day}, {stamp.year}, {stamp:%-I:%M %p}"
    assert expected in desk.get(change_url(appointment)).text


# --- Reports ------------------------------------------------------------------------
@pytest.fixture
def lead(client, django_user_model):
    user = make_staff(django_user_model, "lead", roles.FRONT_DESK_LEAD)
    client.force_login(user)
    return client


def test_reports_need_their_own_permission(desk):
    assert desk.get(REPORTS).status_code == 403


def test_the_lead_group_exists_and_opens_the_reports(lead):
    assert Group.objects.filter(name=roles.FRONT_DESK_LEAD).exists()
    assert lead.get(REPORTS).status_code == 200


def test_report_figures(place, frontdesk_user):
    now = at(2026, 11, 20, 12)  # a Friday
    # Contacted after 2, 4 and 30 business hours; one never contacted for 3 days.
    for hours, urgent in ((2, True), (4, False), (30, False)):
        created = at(2026, 11, 16, 9)
        appointment = make_request(
            location=place, created_at=created, priority=1 if urgent else 3
        )
        appointment.save(
            update_fields=appointment.record_first_contact(
                created + timedelta(hours=hours)
            )
        )
    make_request(location=place, created_at=at(2026, 11, 17, 12))
    make_request(
        location=place, created_at=at(2026, 11, 16, 9), status=Status.NO_RESPONSE
    )

    report = build_report(start=date(2026, 11, 16), end=date(2026, 11, 20), now=now)

    assert report.total == 5 and report.urgent == 1
    assert report.no_response_rate == 1.0  # the only ended request
    assert report.median_hours == 30  # 2, 4, 30, 72 and 99 hours
    assert report.within_target_share == 2 / 5
    assert sum(week["n"] for week in report.weekly) == 5


def test_report_csv_holds_aggregates_and_no_patient_data(lead, place):
    appointment = make_request(location=place, first_name="Zebulon")
    response = lead.get(
        REPORTS, {"start": "2000-01-01", "end": "2100-01-01", "format": "csv"}
    )
    body = response.content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert ["requests", "1"] in rows
    assert "Zebulon" not in body and appointment.reference not in body


def test_a_bad_date_range_gets_a_message_not_a_500(lead):
    response = lead.get(REPORTS, {"start": "2026-12-01", "end": "2026-01-01"})
    assert response.status_code == 200
    assert "on or after the start date" in response.text
    assert lead.get(REPORTS, {"start": "\x00", "end": "x" * 500}).status_code == 200


# --- Audit of listing and searching ---------------------------------------------------
def test_listing_and_searching_the_queue_is_in_the_audit_log(desk, frontdesk_user):
    from auditlog.models import LogEntry

    desk.get(CHANGELIST)
    desk.get(CHANGELIST, {"q": "Lovelace", "status": "all"})
    entries = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).order_by("pk")
    assert [e.object_repr for e in entries] == [
        "Listed requests",
        "Searched requests for “Lovelace”",
    ]
    assert entries[1].actor == frontdesk_user
    assert entries[1].additional_data["query"] == {
        "q": ["Lovelace"],
        "status": ["all"],
    }


def test_the_audit_log_stays_for_superusers_only(desk):
    assert desk.get(reverse("admin:auditlog_logentry_changelist")).status_code == 403


def test_first_contact_keeps_its_business_wait(place, frontdesk_user):
    appointment = make_request(location=place, created_at=timezone.now())
    services.call_attempt_create(
        request=appointment, by=frontdesk_user, outcome=Outcome.NO_ANSWER
    )
    appointment.refresh_from_db()
    assert appointment.first_contact_wait == business_time_between(
        appointment.created_at, appointment.first_contacted_at
    )


def test_many_waits_at_once_match_one_at_a_time():
    from appointments.business_time import business_times_until

    starts = [at(2026, 11, 13, 16), at(2026, 11, 25, 12), at(2026, 11, 28, 9)]
    end = at(2026, 12, 1, 10)
    assert business_times_until(starts, end) == [
        business_time_between(start, end) for start in starts
    ]
