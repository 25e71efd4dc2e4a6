"""CSV export of appointment requests, derived from the model's declaration.

The columns are the front desk's workflow fields, then every patient question of
``PATIENT_SECTIONS`` except those in ``NOT_EXPORTED`` (what the patient wrote in
their own words, and their symptoms): an export is a copy outside the system.
"""

import csv
from datetime import date

from auditlog.signals import accessed
from django.http import HttpResponse
from django.utils import timezone

from .models import NOT_EXPORTED, PATIENT_FIELDS, AppointmentRequest

WORKFLOW_COLUMNS = {
    "reference": lambda a: a.reference,
    "received": lambda a: timezone.localtime(a.created_at).isoformat(),
    "status": lambda a: a.get_status_display(),
    "priority": lambda a: a.get_priority_display(),
    "assigned to": lambda a: a.assigned_to.get_username() if a.assigned_to else "",
}
EXPORTED_FIELDS = tuple(name for name in PATIENT_FIELDS if name not in NOT_EXPORTED)


def export_value(appointment: AppointmentRequest, name: str) -> str:
    """A patient's answer for a spreadsheet: dates as ISO dates, the rest as read."""
    value = getattr(appointment, name)
    if isinstance(value, date):
        return value.isoformat()
    return appointment.answer(name)


def header(name: str) -> str:
    return str(AppointmentRequest._meta.get_field(name).verbose_name)


def csv_response(queryset) -> HttpResponse:
    """The requests as a CSV download; each exported request counts as viewed."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = (
        f'attachment; filename="appointment-requests-{stamp}.csv"'
    )
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow([*WORKFLOW_COLUMNS, *map(header, EXPORTED_FIELDS)])
    for appointment in queryset.select_related("location", "topic", "assigned_to"):
        accessed.send(sender=AppointmentRequest, instance=appointment)
        row = [get(appointment) for get in WORKFLOW_COLUMNS.values()]
        row += [export_value(appointment, name) for name in EXPORTED_FIELDS]
        writer.writerow(map(_csv_safe, row))
    return response


def _csv_safe(value) -> str:
    """Stop a spreadsheet from running a cell as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_phone(text):
        return "'" + text
    return text


def _is_phone(text: str) -> bool:
    return text.startswith("+") and text[1:].isdigit()
