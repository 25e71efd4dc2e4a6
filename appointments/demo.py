"""Demo appointment requests: a handful of plainly fictional people in the queue.

Created only when there are no requests at all, so running the loader again (or on a
site with real requests) changes nothing. No emails are sent for them.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone

from clinic.models import Location
from education.models import Page

from .models import AppointmentRequest, new_reference
from .services import priority_for

R = AppointmentRequest

DEMO_REQUESTS = [
    {
        "first_name": "Ada",
        "last_name": "Demo-Example",
        "date_of_birth": date(1948, 3, 27),
        "phone": "+12025550143",
        "email": "ada.demo@example.com",
        "contact_method": R.ContactMethod.PHONE,
        "pain_started": R.PainStart.UNDER_8_WEEKS,
        "warning_symptoms": [R.WarningSymptom.INJURY],
        "imaging": [R.Imaging.XRAY],
        "message": "Fictional demo request. I slipped on the stairs last week.",
        "hours_ago": 3,
    },
    {
        "first_name": "Bartholomew",
        "last_name": "O'Sample",
        "date_of_birth": date(1952, 11, 2),
        "phone": "+12025550187",
        "contact_method": R.ContactMethod.PHONE,
        "pain_started": R.PainStart.UNDER_8_WEEKS,
        "imaging": [R.Imaging.MRI, R.Imaging.XRAY],
        "hours_ago": 30,
    },
    {
        "first_name": "Carmen",
        "last_name": "Placeholder",
        "date_of_birth": date(1960, 6, 15),
        "email": "carmen.placeholder@example.com",
        "contact_method": R.ContactMethod.EMAIL,
        "pain_started": R.PainStart.OVER_6_MONTHS,
        "imaging": [R.Imaging.NONE],
        "hours_ago": 80,
    },
    {
        "first_name": "Dmitri",
        "last_name": "Testperson",
        "date_of_birth": date(1939, 1, 9),
        "phone": "+12025550111",
        "contact_method": R.ContactMethod.EITHER,
        "pain_started": R.PainStart.UNDER_6_MONTHS,
        "for_someone_else": True,
        "requester_name": "Elena Testperson",
        "requester_relationship": "Daughter",
        "hours_ago": 6,
    },
    {
        "first_name": "Fatima",
        "last_name": "Fictional",
        "date_of_birth": date(1971, 8, 30),
        "phone": "+12025550122",
        "contact_method": R.ContactMethod.PHONE,
        "pain_started": R.PainStart.NOT_SURE,
        "hours_ago": 1,
    },
]


def load(*, log: Callable[[str], None]) -> int:
    """Create the demo requests if there are none. Returns the number created."""
    if AppointmentRequest.objects.exists():
        log("Appointment requests exist already; no demo requests added.")
        return 0
    locations = list(Location.objects.active())
    if not locations:
        log("No active location; no demo requests added.")
        return 0
    topics = list(Page.objects.published().order_by("pk")[:3])
    now = timezone.now()
    for index, spec in enumerate(DEMO_REQUESTS):
        fields = dict(spec)
        hours_ago = fields.pop("hours_ago")
        fields.setdefault("best_time", R.BestTime.ANY)
        fields.setdefault("patient_type", R.PatientType.NEW)
        fields.setdefault("consent", True)
        appointment = AppointmentRequest(
            reference=new_reference(),
            location=locations[index % len(locations)],
            topic=topics[index % len(topics)] if topics and index % 2 == 0 else None,
            # Demo data: no emails go out, so mark them as sent.
            patient_acknowledged_at=now if fields.get("email") else None,
            location_notified_at=now,
            **fields,
        )
        appointment.priority = priority_for(
            warning_symptoms=appointment.warning_symptoms,
            pain_started=appointment.pain_started,
        )
        appointment.save()
        # auto_now_add ignores a value given at creation; set the age afterwards.
        AppointmentRequest.objects.filter(pk=appointment.pk).update(
            created_at=now - timedelta(hours=hours_ago)
        )
        log(f"Created demo appointment request {appointment.reference}.")
    return len(DEMO_REQUESTS)
