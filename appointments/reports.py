"""The front desk's reports: how many requests, and how fast the clinic answers.

Aggregates only: counts per week, location and topic, and response times. No name,
answer or reference of any patient appears here or in the CSV download. Behind the
``appointments.view_reports`` permission (the Front desk lead role).
"""

import csv
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.db import connections
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clinic.models import Location

from .business_time import DAY, business_times_until
from .models import AppointmentRequest

Status = AppointmentRequest.Status
Priority = AppointmentRequest.Priority
HOUR = timedelta(hours=1)
DEFAULT_WEEKS = 12
CHART_HEIGHT = 160


class ReportRangeForm(forms.Form):
    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end date must be on or after the start date."))
        return cleaned


@dataclass
class Report:
    start: date
    end: date
    total: int
    urgent: int
    no_response_rate: float | None
    median_hours: float | None
    p90_hours: float | None
    within_target_share: float | None
    weekly: list[dict]
    by_location: list[dict]
    by_topic: list[dict]

    @property
    def chart(self) -> list[dict]:
        """Bars for the weekly totals, scaled to the chart's height."""
        top = max((week["n"] for week in self.weekly), default=0) or 1
        bars = []
        for i, week in enumerate(self.weekly):
            height = round(week["n"] * CHART_HEIGHT / top)
            bars.append(
                {**week, "height": height, "x": 40 * i, "y": CHART_HEIGHT - height}
            )
        return bars


def build_report(*, start: date, end: date, now=None) -> Report:
    """Requests that arrived from ``start`` to ``end`` (both days included).

    Contacted requests carry their business time to first contact
    (``first_contact_wait``); only those still waiting are timed here, up to now,
    and count once they have missed the one-business-day target.

    Three scans of the range, whatever its size: the counts per week, location and
    topic together (added up here for the totals), the stored waits, and the
    arrival times of the requests still waiting; then the names of the locations
    counted. On PostgreSQL the scans read a covering index of the range
    (migration ``0013_frontdesk_speed``), not the requests' rows.
    """
    now = now or timezone.now()
    # The range as moments (the clinic's midnights): the database compares the
    # stored column (or its index) instead of converting every row to a local date.
    requests = AppointmentRequest.objects.filter(
        created_at__gte=_midnight(start), created_at__lt=_midnight(end + DAY)
    ).order_by()
    # By the location's id, not its name: joining the locations to every request
    # took about a quarter of this scan; their names are read apart (a few rows).
    groups = list(
        requests.annotate(week=TruncWeek("created_at"))
        .values("week", "location", "topic_title")
        .annotate(
            # Counted by created_at (never empty), which the report index holds,
            # where the id would send PostgreSQL to every request's row.
            n=Count("created_at"),
            urgent=Count("created_at", filter=Q(priority=Priority.URGENT)),
            ended=Count("created_at", filter=Q(status__in=Status.ends())),
            no_response=Count("created_at", filter=Q(status=Status.NO_RESPONSE)),
        )
    )
    names = dict(
        Location.objects.filter(pk__in={group["location"] for group in groups})
        .order_by()
        .values_list("pk", "name")
    )
    for group in groups:
        group["location__name"] = names[group.pop("location")]
    totals = {
        name: sum(group[name] for group in groups)
        for name in ("n", "urgent", "ended", "no_response")
    }
    waiting = requests.filter(first_contacted_at__isnull=True, created_at__lte=now)
    missed = [
        wait / HOUR
        for wait in business_times_until(
            list(waiting.values_list("created_at", flat=True)), now
        )
        if wait > DAY
    ]
    waits = _waits(requests.filter(first_contact_wait__isnull=False), missed)
    return Report(
        start=start,
        end=end,
        total=totals["n"],
        urgent=totals["urgent"],
        no_response_rate=(
            totals["no_response"] / totals["ended"] if totals["ended"] else None
        ),
        median_hours=waits.median,
        p90_hours=waits.p90,
        within_target_share=waits.in_time / waits.n if waits.n else None,
        weekly=[
            {"week": week.date(), "n": n}
            for week, n in sorted(_count_by(groups, "week").items())
        ],
        by_location=[
            {"location__name": name, "n": n}
            for name, n in _most_first(_count_by(groups, "location__name"))
        ],
        by_topic=[
            {"topic_title": title, "n": n}
            for title, n in _most_first(_count_by(groups, "topic_title"))
        ],
    )


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()))


def _count_by(groups: list[dict], key: str) -> dict:
    counts = Counter()
    for group in groups:
        counts[group[key]] += group["n"]
    return counts


def _most_first(counts: dict) -> list[tuple]:
    """The largest count first; equal counts in alphabetical order."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


class Waits(NamedTuple):
    n: int
    in_time: int
    median: float | None
    p90: float | None


def _waits(contacted, missed: list[float]) -> Waits:
    """The stored waits of ``contacted`` with the ``missed`` ones (hours): how
    many, how many within one business day, their median and 90th percentile.

    PostgreSQL sorts the waits where they are (``percentile_cont`` interpolates
    as ``statistics`` does with the inclusive method) and sends back one row;
    elsewhere they are read and sorted here.
    """
    connection = connections[contacted.db]
    if connection.vendor == "postgresql":
        # The ORM's own SQL for the stored waits, values as parameters.
        sql, params = contacted.values("first_contact_wait").query.sql_with_params()
        query = (
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE contacted AND hours <= 24), "  # noqa: S608
            "PERCENTILE_CONT(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY hours) "
            "FROM (SELECT EXTRACT(EPOCH FROM first_contact_wait)::float8 / 3600, "
            f"TRUE FROM ({sql}) stored UNION ALL SELECT UNNEST(%s::float8[]), "
            "FALSE) AS waits (hours, contacted)"
        )
        # The missed waits as one array literal ('{1.5,30.25}'), which PostgreSQL
        # reads at once, not as ARRAY[1.5, 30.25] (an expression per wait, which
        # took longer to plan than the query took to run with 12,000 of them).
        # repr() of a float reads back as the same float.
        array = "{" + ",".join(repr(float(hours)) for hours in missed) + "}"
        with connection.cursor() as cursor:
            cursor.execute(query, (*params, array))
            n, in_time, percentiles = cursor.fetchone()
        median, p90 = percentiles or (None, None)
        return Waits(n, in_time, median, p90)
    stored = [
        wait / HOUR for wait in contacted.values_list("first_contact_wait", flat=True)
    ]
    waits = sorted(stored + missed)
    return Waits(
        n=len(waits),
        in_time=sum(1 for hours in stored if hours <= DAY / HOUR),
        median=statistics.median(waits) if waits else None,
        p90=_percentile(waits, 90),
    )


def _percentile(values: list[float], percent: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _default_range() -> tuple[date, date]:
    today = timezone.localdate()
    return today - timedelta(weeks=DEFAULT_WEEKS), today


@permission_required("appointments.view_reports", raise_exception=True)
def reports_view(request):
    """The reports page; reached through the admin site (sign-in, second factor)."""
    start, end = _default_range()
    form = ReportRangeForm(request.GET or {"start": start, "end": end})
    report = None
    if form.is_valid():
        report = build_report(
            start=form.cleaned_data["start"], end=form.cleaned_data["end"]
        )
        if request.GET.get("format") == "csv":
            return _csv(report)
    return render(
        request,
        "admin/appointments/reports.html",
        {
            **admin.site.each_context(request),
            "title": _("Front desk reports"),
            "form": form,
            "report": report,
            "chart_height": CHART_HEIGHT,
            "chart_width": 40 * len(report.weekly) if report else 0,
        },
    )


def _csv(report: Report) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="front-desk-report-{report.start}-{report.end}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["measure", "value"])
    writer.writerow(["from", report.start.isoformat()])
    writer.writerow(["to", report.end.isoformat()])
    writer.writerow(["requests", report.total])
    writer.writerow(["urgent requests", report.urgent])
    for label, value in (
        ("median business hours to first contact", report.median_hours),
        ("90th percentile business hours to first contact", report.p90_hours),
        ("share contacted within one business day", report.within_target_share),
        ("no-response rate among ended requests", report.no_response_rate),
    ):
        writer.writerow([label, "" if value is None else f"{value:.3f}"])
    writer.writerow([])
    writer.writerow(["week starting", "requests"])
    for week in report.weekly:
        writer.writerow([week["week"].isoformat(), week["n"]])
    writer.writerow([])
    writer.writerow(["location", "requests"])
    for row in report.by_location:
        writer.writerow([row["location__name"], row["n"]])
    writer.writerow([])
    writer.writerow(["topic", "requests"])
    for row in report.by_topic:
        writer.writerow([row["topic_title"] or "Not sure", row["n"]])
    return response
