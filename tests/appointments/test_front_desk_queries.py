"""What the front desk's queue and reports cost in queries, and that the cheaper
ways of reading them give the same answers."""

import statistics
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.urls import reverse

from appointments.admin import AppointmentRequestAdmin
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


def test_the_row_checkbox_is_djangos_own(appointment):
    model_admin = admin.site._registry[AppointmentRequest]
    assert model_admin.action_checkbox(appointment) == admin.ModelAdmin.action_checkbox(
        model_admin, appointment
    )


# --- The reports ----------------------------------------------------------------------
def test_a_report_reads_the_range_in_three_queries(place, django_assert_num_queries):
    make_request(location=place, created_at=at(2026, 11, 16, 9))
    with django_assert_num_queries(3):
        build_report(start=date(2026, 11, 16), end=date(2026, 11, 20))


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
