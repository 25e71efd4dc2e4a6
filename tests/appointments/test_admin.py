"""The front desk's queue in the admin, and who can (not) reach it."""

import re
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from appointments import services
from appointments.models import AppointmentRequest, StaffNote, StatusChange

from .factories import change_form_data, make_request

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status
Priority = AppointmentRequest.Priority
CHANGELIST = reverse("admin:appointments_appointmentrequest_changelist")


def change_url(appointment) -> str:
    name = "admin:appointments_appointmentrequest_change"
    return reverse(name, args=[appointment.pk])


@pytest.fixture
def desk(client, frontdesk_user):
    client.force_login(frontdesk_user)
    return client


def act(client, action: str, *appointments, follow=True):
    return client.post(
        CHANGELIST + "?status=all",
        {"action": action, "_selected_action": [a.pk for a in appointments]},
        follow=follow,
    )


# --- The queue ----------------------------------------------------------------------
def test_front_desk_sees_the_queue(desk, appointment):
    response = desk.get(CHANGELIST)
    assert response.status_code == 200
    assert appointment.reference in response.content.decode()


def test_queue_is_urgent_then_high_then_normal_oldest_first(desk, place):
    now = timezone.now()
    normal = make_request(location=place, created_at=now - timedelta(days=5))
    high_new = make_request(location=place, priority=Priority.HIGH)
    high_old = make_request(
        location=place, priority=Priority.HIGH, created_at=now - timedelta(days=1)
    )
    urgent = make_request(location=place, priority=Priority.URGENT)
    html = desk.get(CHANGELIST).content.decode()
    positions = [html.index(a.reference) for a in (urgent, high_old, high_new, normal)]
    assert positions == sorted(positions)


def test_queue_shows_the_agreed_columns(desk, appointment, frontdesk_user):
    appointment.assigned_to = frontdesk_user
    appointment.save()
    html = desk.get(CHANGELIST).content.decode()
    for header in (
        "Reference",
        "Waited",
        "Patient and phone",
        "Location",
        "Topic",
        "Priority",
        "Status",
        "Assigned to",
        "Calls",
    ):
        assert f">{header}<" in html, header
    assert "Test Patient" in html
    assert "just now" in html  # the age of the request
    assert 'href="tel:+12025550100"' in html


def test_queue_shows_how_long_ago_a_request_arrived(desk, place):
    make_request(location=place, created_at=timezone.now() - timedelta(hours=3))
    assert "3\xa0hours" in desk.get(CHANGELIST).content.decode()


def test_queue_shows_open_requests_unless_asked_for_more(desk, place):
    open_one = make_request(location=place)
    closed = make_request(location=place, status=Status.CLOSED)
    html = desk.get(CHANGELIST).content.decode()
    assert open_one.reference in html and closed.reference not in html
    html = desk.get(CHANGELIST, {"status": "all"}).content.decode()
    assert closed.reference in html


def test_filter_by_status(desk, place):
    contacted = make_request(location=place, status=Status.CONTACTED)
    new = make_request(location=place)
    html = desk.get(CHANGELIST, {"status": "contacted"}).content.decode()
    assert contacted.reference in html and new.reference not in html


def test_filter_by_priority(desk, place):
    urgent = make_request(location=place, priority=Priority.URGENT)
    normal = make_request(location=place)
    html = desk.get(CHANGELIST, {"priority__exact": Priority.URGENT}).content.decode()
    assert urgent.reference in html and normal.reference not in html


def test_filter_by_location(desk, place):
    from tests.conftest import make_location

    elsewhere = make_request(location=make_location(name="Hilltop"))
    here = make_request(location=place)
    html = desk.get(CHANGELIST, {"location__id__exact": place.pk}).content.decode()
    assert here.reference in html and elsewhere.reference not in html


def test_filter_by_topic(desk, place, published_page):
    about = make_request(location=place, topic=published_page)
    other = make_request(location=place)
    html = desk.get(CHANGELIST, {"topic__id__exact": published_page.pk}).content
    assert about.reference in html.decode() and other.reference not in html.decode()


def test_filter_assigned_to_me(desk, place, frontdesk_user, superuser):
    mine = make_request(location=place, assigned_to=frontdesk_user)
    theirs = make_request(location=place, assigned_to=superuser)
    html = desk.get(CHANGELIST, {"mine": "yes"}).content.decode()
    assert mine.reference in html and theirs.reference not in html


def test_filter_waiting_more_than_one_business_day(desk, place):
    stale = make_request(location=place, created_at=timezone.now() - timedelta(days=5))
    fresh = make_request(location=place)
    html = desk.get(CHANGELIST, {"waiting": "yes"}).content.decode()
    assert stale.reference in html and fresh.reference not in html


@pytest.mark.parametrize(
    "term",
    [
        "{reference}",
        "{reference_lower}",
        "Ottoline",
        "Quarrington",
        "Ottoline Quarrington",
        "oq@example.com",
        "(202) 555-0177",
        "202.555.0177",
        "+12025550177",
    ],
)
def test_search_by_reference_name_email_or_phone_typed_any_way(desk, place, term):
    wanted = make_request(
        location=place,
        first_name="Ottoline",
        last_name="Quarrington",
        email="oq@example.com",
        phone="+12025550177",
    )
    other = make_request(location=place)
    query = term.format(
        reference=wanted.reference, reference_lower=wanted.reference.lower()
    )
    html = desk.get(CHANGELIST, {"q": query}).content.decode()
    assert wanted.reference in html
    assert other.reference not in html


def test_phone_search_still_respects_the_filters(desk, place):
    closed = make_request(location=place, phone="+12025550177", status=Status.CLOSED)
    html = desk.get(CHANGELIST, {"q": "202 555 0177"}).content.decode()
    assert closed.reference not in html


@pytest.mark.parametrize("term", ["\x00", "%", "'; DROP TABLE x; --", "😀" * 50])
def test_odd_searches_never_give_a_server_error(desk, appointment, term):
    assert desk.get(CHANGELIST, {"q": term}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [{"status": "bogus"}, {"priority__exact": "x"}, {"mine": "?"}, {"o": "99"}],
)
def test_odd_filters_never_give_a_server_error(desk, appointment, params):
    assert desk.get(CHANGELIST, params).status_code in (200, 302)


def test_counts_per_status_are_shown_above_the_list(desk, place):
    make_request(location=place)
    make_request(location=place)
    make_request(location=place, status=Status.SPAM)
    html = " ".join(desk.get(CHANGELIST).content.decode().split())
    assert re.search(r"New</span> <strong[^>]*>2</strong>", html)
    assert re.search(r"Spam</span> <strong[^>]*>1</strong>", html)
    assert re.search(r"Closed</span> <strong[^>]*>0</strong>", html)


def queries_for_a_page(desk, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = desk.get(CHANGELIST, {"status": "all"})
    assert response.status_code == 200
    return len(captured)


def test_queue_costs_the_same_queries_for_5_or_50_requests(
    desk, place, published_page, frontdesk_user, django_assert_max_num_queries
):
    def fill(count):
        for index in range(count):
            make_request(
                location=place,
                topic=published_page if index % 2 else None,
                assigned_to=frontdesk_user if index % 3 else None,
                priority=Priority.values[index % 3],
            )

    desk.get(CHANGELIST)  # warm the caches (content types, permissions)
    fill(5)
    with_5 = queries_for_a_page(desk, django_assert_max_num_queries, 20)
    fill(45)
    with_50 = queries_for_a_page(desk, django_assert_max_num_queries, 20)
    assert with_5 == with_50


# --- One request --------------------------------------------------------------------
def test_change_page_shows_what_the_patient_sent(desk, place):
    appointment = make_request(
        location=place,
        message="It hurts when I bend",
        warning_symptoms=["fever"],
        imaging=["mri"],
    )
    html = desk.get(change_url(appointment)).content.decode()
    assert "It hurts when I bend" in html
    assert "Fever with back pain" in html
    assert "MRI" in html
    assert "(202) 555-0100" in html  # the phone, as staff read it


def test_request_page_costs_the_same_queries_for_1_or_20_notes(
    desk, appointment, frontdesk_user, django_assert_max_num_queries
):
    def add_notes(count):
        for _ in range(count):
            StaffNote.objects.create(
                request=appointment, author=frontdesk_user, text="n"
            )
        with django_assert_max_num_queries(15) as captured:
            desk.get(change_url(appointment))
        return len(captured)

    desk.get(change_url(appointment))  # warm the caches
    assert add_notes(1) == add_notes(19)


def test_opening_a_request_is_recorded_in_the_audit_log(
    desk, appointment, frontdesk_user
):
    desk.get(change_url(appointment))
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert entry.actor == frontdesk_user
    assert entry.object_pk == str(appointment.pk)
    assert timezone.now() - entry.timestamp < timedelta(minutes=1)


def test_changing_a_request_is_recorded_in_the_audit_log_with_who_and_what(
    desk, appointment, frontdesk_user
):
    desk.post(change_url(appointment), change_form_data(appointment, priority=1))
    entry = LogEntry.objects.get(action=LogEntry.Action.UPDATE)
    assert entry.actor == frontdesk_user
    assert "priority" in entry.changes_dict


def test_patient_fields_cannot_be_changed_by_staff(desk, appointment):
    response = desk.post(
        change_url(appointment),
        change_form_data(appointment, first_name="Changed", phone="+19999999999"),
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.first_name == "Test" and appointment.phone == "+12025550100"


def test_status_change_in_the_form_goes_through_the_workflow(
    desk, appointment, frontdesk_user
):
    response = desk.post(
        change_url(appointment), change_form_data(appointment, status="contacted")
    )
    assert response.status_code == 302
    change = StatusChange.objects.get()
    assert change.changed_by == frontdesk_user and change.to_status == "contacted"


def test_nonsense_status_in_the_form_is_refused_with_a_message(desk, appointment):
    response = desk.post(
        change_url(appointment), change_form_data(appointment, status="closed")
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Status.NEW


def test_status_choices_offer_only_sensible_next_steps(desk, place):
    appointment = make_request(location=place, status=Status.SCHEDULED)
    html = desk.get(change_url(appointment)).content.decode()
    select = re.search(r'<select name="status".*?</select>', html, re.S).group(0)
    assert 'value="closed"' in select and 'value="declined"' in select
    assert 'value="new"' not in select and 'value="spam"' not in select


def test_a_note_gets_its_author_and_time_automatically(
    desk, appointment, frontdesk_user
):
    desk.post(
        change_url(appointment),
        change_form_data(appointment, note="Left a voicemail"),
    )
    note = StaffNote.objects.get()
    assert note.author == frontdesk_user and note.text == "Left a voicemail"


def test_saved_notes_are_read_only(desk, appointment, frontdesk_user):
    StaffNote.objects.create(request=appointment, author=frontdesk_user, text="Old")
    html = desk.get(change_url(appointment)).content.decode()
    history = html[html.index('class="work-history"') :]
    assert "Old" in history.split("</ol>")[0]  # shown as text in the history
    assert html.count("<textarea") == 1  # only the empty box for a new note


# --- Actions ------------------------------------------------------------------------
def test_assign_to_me(desk, appointment, frontdesk_user):
    act(desk, "assign_to_me", appointment)
    appointment.refresh_from_db()
    assert appointment.assigned_to == frontdesk_user


def test_mark_contacted_then_scheduled_then_close(desk, appointment):
    for action, status in (
        ("mark_contacted", Status.CONTACTED),
        ("mark_scheduled", Status.SCHEDULED),
        ("mark_closed", Status.CLOSED),
    ):
        act(desk, action, appointment)
        appointment.refresh_from_db()
        assert appointment.status == status
    assert StatusChange.objects.count() == 3


def test_mark_as_spam(desk, appointment):
    act(desk, "mark_spam", appointment)
    appointment.refresh_from_db()
    assert appointment.status == Status.SPAM


def test_closing_a_new_request_is_refused_with_a_message(desk, appointment):
    response = act(desk, "mark_closed", appointment)
    html = response.content.decode()
    assert f"{appointment.reference} was not changed" in html
    appointment.refresh_from_db()
    assert appointment.status == Status.NEW


def test_an_action_on_several_requests_changes_those_it_can(desk, place):
    new = make_request(location=place)
    closed = make_request(location=place, status=Status.CLOSED)
    html = act(desk, "mark_contacted", new, closed).content.decode()
    new.refresh_from_db()
    closed.refresh_from_db()
    assert new.status == Status.CONTACTED and closed.status == Status.CLOSED
    assert "1 request marked" in html and f"{closed.reference} was not changed" in html


def test_resend_action_queues_unsent_emails(desk, place, outbox):
    make_request(location=place, email_attempts=5)
    appointment = AppointmentRequest.objects.get()
    act(desk, "resend_emails", appointment)
    appointment.refresh_from_db()
    assert appointment.location_notified_at is not None
    assert len(outbox) == 1


def test_resend_action_skips_ended_requests(desk, place, outbox):
    spam = make_request(
        location=place,
        email="bot@example.com",
        email_attempts=1,
        status=Status.SPAM,
        ended_at=timezone.now(),
    )
    html = act(desk, "resend_emails", spam).content.decode()
    assert "Emails queued again for 0 requests" in html
    assert outbox == []


def test_email_line_says_when_the_patient_address_was_refused(desk, place):
    appointment = make_request(
        location=place,
        email="gone@example.com",
        location_notified_at=timezone.now(),
        acknowledgement_refused=True,
        email_attempts=1,
        email_last_error="acknowledgement: SMTPRecipientsRefused",
    )
    html = desk.get(change_url(appointment)).content.decode()
    assert "the mail server refused the patient&#x27;s address" in html
    assert "last error: acknowledgement: SMTPRecipientsRefused" in html


@pytest.fixture
def very_old_patient(place):
    """Saved when the birth date passed the checks; it no longer does (> 120 years)."""
    born = timezone.localdate() - timedelta(days=130 * 366)
    return make_request(location=place, date_of_birth=born)


def test_staff_can_still_save_a_request_whose_answers_fail_todays_checks(
    desk, very_old_patient
):
    response = desk.post(
        change_url(very_old_patient),
        change_form_data(very_old_patient, priority=Priority.HIGH),
    )
    assert response.status_code == 302
    very_old_patient.refresh_from_db()
    assert very_old_patient.priority == Priority.HIGH


def test_assign_to_me_works_for_a_request_whose_answers_fail_todays_checks(
    desk, very_old_patient, frontdesk_user
):
    response = act(desk, "assign_to_me", very_old_patient)
    assert response.status_code == 200
    very_old_patient.refresh_from_db()
    assert very_old_patient.assigned_to == frontdesk_user


def test_assign_to_me_names_a_request_it_could_not_change(desk, place, monkeypatch):
    good, bad = make_request(location=place), make_request(location=place)
    real_update = services.appointment_request_update

    def update(*, request, **kwargs):
        if request.pk == bad.pk:
            raise ValidationError({"assigned_to": "Not allowed."})
        return real_update(request=request, **kwargs)

    monkeypatch.setattr(services, "appointment_request_update", update)
    response = act(desk, "assign_to_me", good, bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 request is now assigned to you" in html
    assert f"{bad.reference} was not changed: Not allowed." in html


# --- Export -------------------------------------------------------------------------
def test_front_desk_cannot_export(desk, appointment):
    assert "export_csv" not in desk.get(CHANGELIST).content.decode()
    response = act(desk, "export_csv", appointment, follow=False)
    assert response.get("Content-Type", "").startswith("text/csv") is False


def test_export_needs_the_explicit_permission(desk, appointment, frontdesk_user):
    frontdesk_user.user_permissions.add(
        Permission.objects.get(codename="export_appointmentrequest")
    )
    response = act(desk, "export_csv", appointment, follow=False)
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert appointment.reference in body and "Test" in body


def test_export_is_recorded_in_the_audit_log(client, superuser, appointment):
    client.force_login(superuser)
    act(client, "export_csv", appointment, follow=False)
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() == 1


def test_export_neutralises_spreadsheet_formulas(client, superuser, place):
    make_request(location=place, email="=cmd@example.com")
    client.force_login(superuser)
    body = act(
        client, "export_csv", AppointmentRequest.objects.get(), follow=False
    ).content.decode()
    assert "'=cmd@example.com" in body
    assert ",+12025550100," in body  # phone numbers are left as they are


# --- Who can reach it ---------------------------------------------------------------
def appointment_admin_urls(appointment) -> list[str]:
    name = "admin:appointments_appointmentrequest"
    return [
        reverse("admin:app_list", args=["appointments"]),
        reverse(f"{name}_changelist"),
        reverse(f"{name}_change", args=[appointment.pk]),
        reverse(f"{name}_history", args=[appointment.pk]),
        reverse(f"{name}_delete", args=[appointment.pk]),
        reverse(f"{name}_add"),
    ]


def test_anonymous_visitors_are_sent_to_sign_in_everywhere(client, appointment):
    for url in appointment_admin_urls(appointment):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    response = act(client, "export_csv", appointment, follow=False)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("who", ["editor_user", "reviewer_user"])
def test_content_staff_never_reach_a_request(client, appointment, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in appointment_admin_urls(appointment):
        assert client.get(url).status_code in (403, 404), url
    response = act(client, "export_csv", appointment, follow=False)
    assert response.status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert appointment.reference not in index and "Appointment requests" not in index


def test_front_desk_cannot_add_or_delete_requests(desk, appointment):
    name = "admin:appointments_appointmentrequest"
    assert desk.get(reverse(f"{name}_add")).status_code == 403
    assert desk.get(reverse(f"{name}_delete", args=[appointment.pk])).status_code == 403


def test_audit_log_is_for_administrators_only(client, desk, appointment, superuser):
    url = reverse("admin:auditlog_logentry_changelist")
    assert desk.get(url).status_code == 403
    client.force_login(superuser)
    assert client.get(url).status_code == 200


def test_administrators_get_a_link_to_the_audit_trail(client, superuser, appointment):
    client.force_login(superuser)
    html = client.get(change_url(appointment)).content.decode()
    assert "Who viewed and changed this" in html
    audit = re.search(r'href="([^"]*auditlog[^"]*)"', html).group(1)
    assert client.get(audit.replace("&amp;", "&")).status_code == 200


def test_front_desk_gets_no_audit_link(desk, appointment):
    html = desk.get(change_url(appointment)).content.decode()
    assert "Who viewed and changed this" not in html


def test_queue_search_box_has_a_visible_label_and_no_template_text(desk):
    html = desk.get(CHANGELIST).content.decode()
    label = html[html.index('<label for="searchbar">') :].split("</label>")[0]
    assert "Search" in label
    assert "{#" not in html and "{%" not in html
