"""What the front desk's queue and reports cost in queries, and that the cheaper
ways of reading them give the same answers."""

import statistics
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import connection, transaction
from django.urls import reverse
from phonenumber_field.phonenumber import to_python

from appointments import work
from appointments.admin import AppointmentRequestAdmin
from appointments.columns import choice_label
from appointments.filters import StatusFilter
from appointments.models import AppointmentRequest
from appointments.reports import build_report

from .factories import make_request

pytestmark = pytest.mark.django_db

Status = AppointmentRequest.Status
NEW_YORK = ZoneInfo("America/New_York")
CHANGELIST = reverse("admin:appointments_appointmentrequest_changelist")
# The paginator's own count; the status counts are a GROUP BY, not this.
PAGE_COUNT = '"__count"'


def at(*args) -> datetime:
    return datetime(*args, tzinfo=NEW_YORK)


@pytest.fixture
def desk(client, frontdesk_user):
    client.force_login(frontdesk_user)
    return client


@pytest.fixture
def every_status(place):
    """Two requests in each status, so every filter choice has its own count."""
    for status in Status.values:
        make_request(location=place, status=status)
        make_request(location=place, status=status)


# --- The queue ------------------------------------------------------------------------
def test_the_open_queue_takes_its_count_from_the_status_counts(
    desk, every_status, django_assert_max_num_queries
):
    desk.get(CHANGELIST)  # warm the caches (content types, permissions)
    with django_assert_max_num_queries(9) as captured:
        response = desk.get(CHANGELIST)
    assert not [q for q in captured.captured_queries if PAGE_COUNT in q["sql"]]
    open_statuses = [s for s in Status.values if s not in Status.ends()]
    assert response.context["cl"].result_count == 2 * len(open_statuses)


@pytest.mark.parametrize("status", ["open", "all", Status.CLOSED, "no-such-status"])
def test_a_status_filter_counts_the_rows_it_lists(desk, every_status, status):
    response = desk.get(CHANGELIST, {"status": status})
    changelist = response.context["cl"]
    assert changelist.result_count == changelist.queryset.count()


def test_pages_are_counted_from_the_status_counts(desk, every_status, monkeypatch):
    monkeypatch.setattr(AppointmentRequestAdmin, "list_per_page", 4)
    changelist = desk.get(CHANGELIST, {"status": "all", "p": "2"}).context["cl"]
    assert changelist.result_count == 2 * len(Status.values)
    assert changelist.paginator.num_pages == len(Status.values) // 2
    assert len(changelist.result_list) == 4


def test_a_search_or_another_filter_still_counts_its_matches(
    desk, every_status, place, django_assert_max_num_queries
):
    make_request(location=place, last_name="Quillfeather")
    desk.get(CHANGELIST)  # warm the caches (content types, permissions)
    for params in ({"q": "Quillfeather"}, {"priority__exact": "3"}):
        with django_assert_max_num_queries(10) as captured:
            response = desk.get(CHANGELIST, params)
        changelist = response.context["cl"]
        assert [q for q in captured.captured_queries if PAGE_COUNT in q["sql"]]
        assert changelist.result_count == changelist.queryset.count()
    assert changelist.result_count > 0


@pytest.mark.parametrize("value", ["open", "all", *Status.values, "no-such-status"])
def test_the_status_filters_statuses_are_those_its_queryset_lets_through(
    rf, every_status, value
):
    model_admin = admin.site._registry[AppointmentRequest]
    request = rf.get(CHANGELIST, {"status": value})
    spec = StatusFilter(
        request, dict(request.GET.lists()), AppointmentRequest, model_admin
    )
    listed = spec.queryset(request, AppointmentRequest.objects.all())
    assert sorted(spec.statuses()) == sorted(
        set(listed.values_list("status", flat=True))
    )


def test_the_rows_links_are_djangos_own(rf, frontdesk_user, appointment):
    model_admin = admin.site._registry[AppointmentRequest]
    request = rf.get(CHANGELIST)
    request.user = frontdesk_user
    changelist = model_admin.get_changelist_instance(request)
    for obj in (appointment, make_request(location=appointment.location)):
        assert changelist.url_for_result(obj) == ChangeList.url_for_result(
            changelist, obj
        )


@pytest.mark.parametrize(
    "phone", ["+12025550143", "+442079460958", "+1202555", "", None]
)
def test_a_phones_link_is_the_same_read_again(phone):
    phone = to_python(phone)
    first = (work.has_phone(phone), work.phone_link(phone))
    assert first == (bool(phone), work._link(phone))
    assert (work.has_phone(phone), work.phone_link(phone)) == first


@pytest.mark.parametrize("name", ["priority", "best_time", "status"])
def test_choice_labels_are_djangos_own(appointment, name):
    assert (
        choice_label(appointment, name) == getattr(appointment, f"get_{name}_display")()
    )


def test_the_row_checkbox_is_djangos_own(appointment):
    model_admin = admin.site._registry[AppointmentRequest]
    assert model_admin.action_checkbox(appointment) == admin.ModelAdmin.action_checkbox(
        model_admin, appointment
    )


# --- The reports ----------------------------------------------------------------------
def test_a_report_reads_the_range_in_three_queries(place, django_assert_num_queries):
    make_request(location=place, created_at=at(2026, 11, 16, 9))
    # Three scans of the range, and the names of the locations counted.
    with django_assert_num_queries(4) as captured:
        build_report(start=date(2026, 11, 16), end=date(2026, 11, 20))
    scans = [q for q in captured.captured_queries if "appointmentrequest" in q["sql"]]
    assert len(scans) == 3
    assert not [q for q in scans if "clinic_location" in q["sql"]]


def test_a_report_takes_whole_days_in_the_clinics_time_zone(place):
    inside = (at(2026, 11, 16, 0, 0), at(2026, 11, 20, 23, 59))
    outside = (at(2026, 11, 15, 23, 59), at(2026, 11, 21, 0, 0))
    for moment in inside + outside:
        make_request(location=place, created_at=moment)
    report = build_report(
        start=date(2026, 11, 16), end=date(2026, 11, 20), now=at(2026, 11, 22)
    )
    assert report.total == len(inside)
    assert report.weekly == [{"week": date(2026, 11, 16), "n": 2}]


def test_a_report_counts_by_week_location_and_topic(place, published_page):
    other = make_request(location=None).location  # "Factory Place"
    for day, location, topic in (
        (at(2026, 11, 9, 10), place, published_page),
        (at(2026, 11, 16, 10), place, None),
        (at(2026, 11, 17, 10), other, published_page),
        (at(2026, 11, 18, 10), place, published_page),
    ):
        make_request(
            location=location,
            topic=topic,
            topic_title=topic.title if topic else "",
            created_at=day,
        )
    report = build_report(
        start=date(2026, 11, 9), end=date(2026, 11, 20), now=at(2026, 11, 22)
    )
    assert report.weekly == [
        {"week": date(2026, 11, 9), "n": 1},
        {"week": date(2026, 11, 16), "n": 3},
    ]
    assert report.by_location == [
        {"location__name": place.name, "n": 3},
        {"location__name": other.name, "n": 1},
    ]
    assert report.by_topic == [
        {"topic_title": published_page.title, "n": 3},
        {"topic_title": "", "n": 1},
    ]


def test_report_percentiles_are_those_of_statistics(place):
    # Stored waits of 1 to 10 business hours (Monday 9:00 plus the wait), and two
    # requests never contacted: 51 and 75 business hours by Friday 12:00.
    now = at(2026, 11, 20, 12)
    stored = [1, 2, 3, 4, 5, 6, 7, 8, 9.5, 10]
    for hours in stored:
        created = at(2026, 11, 16, 9)
        appointment = make_request(location=place, created_at=created)
        appointment.save(
            update_fields=appointment.record_first_contact(
                created + timedelta(hours=hours)
            )
        )
    make_request(location=place, created_at=at(2026, 11, 18, 9))
    make_request(location=place, created_at=at(2026, 11, 17, 9))
    waits = sorted([*stored, 51, 75])

    report = build_report(start=date(2026, 11, 16), end=date(2026, 11, 20), now=now)

    assert report.median_hours == pytest.approx(statistics.median(waits))
    assert report.p90_hours == pytest.approx(
        statistics.quantiles(waits, n=100, method="inclusive")[89]
    )
    assert report.within_target_share == len(stored) / len(waits)


def test_a_report_without_waits_has_no_percentiles(place):
    make_request(location=place, created_at=at(2026, 11, 20, 9))
    report = build_report(
        start=date(2026, 11, 16), end=date(2026, 11, 20), now=at(2026, 11, 20, 10)
    )
    assert report.total == 1
    assert report.median_hours is None and report.p90_hours is None
    assert report.within_target_share is None


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search indexes are PostgreSQL's"
)
@pytest.mark.parametrize(
    ("term", "index"),
    [
        ("smit", "appointments_search_trgm"),
        ("HV-2026-ABCDE", "appointments_reference_upper_idx"),
    ],
)
def test_the_front_desk_search_can_use_its_indexes(rf, frontdesk_user, term, index):
    # Each part of the search (names and email by any part, the reference and the
    # phone exactly) must match an index, or PostgreSQL reads every request.
    model_admin = AppointmentRequestAdmin(AppointmentRequest, admin.site)
    request = rf.get("/")
    request.user = frontdesk_user
    found, _ = model_admin.get_search_results(
        request, AppointmentRequest.objects.all(), term
    )
    sql, params = found.order_by().query.sql_with_params()  # the WHERE alone
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan
    assert "Seq Scan" not in plan


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the report indexes are PostgreSQL's"
)
def test_a_report_reads_its_indexes_alone(place, django_assert_num_queries):
    # Each scan of the range is answered from the covering index (or, for the
    # requests not yet contacted, the partial one), not from the requests' rows.
    for day in (16, 17, 18):
        make_request(location=place, created_at=at(2026, 11, day, 9))
    with django_assert_num_queries(4) as captured:
        build_report(start=date(2026, 11, 16), end=date(2026, 11, 20))
    scans = [q for q in captured.captured_queries if "appointmentrequest" in q["sql"]]
    with transaction.atomic(), connection.cursor() as cursor:
        # On three rows any index will do, so the others are set aside (dropped
        # in this transaction, which is rolled back), but the unique constraints'.
        # The covering index must then still be read alone.
        cursor.execute(
            "SELECT indexname FROM pg_indexes i WHERE tablename = %s AND NOT EXISTS "
            "(SELECT FROM pg_constraint WHERE conname = i.indexname)",
            [AppointmentRequest._meta.db_table],
        )
        for (name,) in cursor.fetchall():
            if name not in ("appointments_report_idx", "appointments_uncontacted_idx"):
                cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        for query in scans:
            cursor.execute(f"EXPLAIN {query['sql']}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Index Only Scan using appointments_" in plan, plan
            assert "Seq Scan" not in plan, plan
