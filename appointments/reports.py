"""The front desk's reports: how many requests, and how fast the clinic answers.

Aggregates only: counts per week, location and topic, and response times. No name,
answer or reference of any patient appears here or in the CSV download. Behind the
``appointments.view_reports`` permission (the Front desk lead role).
"""

import csv
import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    """
    now = now or timezone.now()
    requests = AppointmentRequest.objects.filter(
        created_at__date__gte=start, created_at__date__lte=end
    ).order_by()
    totals = requests.aggregate(
        total=Count("pk"),
        urgent=Count("pk", filter=Q(priority=Priority.URGENT)),
        ended=Count("pk", filter=Q(status__in=Status.ends())),
        no_response=Count("pk", filter=Q(status=Status.NO_RESPONSE)),
    )
    contacted = [
        wait / HOUR
        for wait in requests.filter(first_contact_wait__isnull=False).values_list(
            "first_contact_wait", flat=True
        )
    ]
    waiting = requests.filter(first_contacted_at__isnull=True, created_at__lte=now)
    missed = [
        wait / HOUR
        for wait in business_times_until(
            list(waiting.values_list("created_at", flat=True)), now
        )
        if wait > DAY
    ]
    waits = sorted(contacted + missed)
    in_time = sum(1 for hours in contacted if hours <= DAY / HOUR)
    return Report(
        start=start,
        end=end,
        total=totals["total"],
        urgent=totals["urgent"],
        no_response_rate=(
            totals["no_response"] / totals["ended"] if totals["ended"] else None
        ),
        median_hours=statistics.median(waits) if waits else None,
        p90_hours=_percentile(waits, 90),
        within_target_share=in_time / len(waits) if waits else None,
        weekly=[
            {"week": row["week"].date(), "n": row["n"]}
            for row in requests.annotate(week=TruncWeek("created_at"))
            .values("week")
            .annotate(n=Count("pk"))
            .order_by("week")
        ],
        by_location=list(
            requests.values("location__name").annotate(n=Count("pk")).order_by("-n")
        ),
        by_topic=list(
            requests.values("topic_title").annotate(n=Count("pk")).order_by("-n")
        ),
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
