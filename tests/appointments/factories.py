"""Small builders for appointment tests: form answers and saved requests."""

from datetime import date

from appointments.botcheck import timing_token
from appointments.models import AppointmentRequest, new_reference
from tests.conftest import make_location

PATIENT = {
    "first_name": "Marguerite",
    "last_name": "Quillfeather",
    "date_of_birth": "04/17/1946",
    "phone": "(202) 555-0143",
    "email": "marguerite.q@example.com",
    "message": "Sharp ache below the shoulder blades since gardening.",
}


def form_data(location, **overrides) -> dict:
    """POST data for the public form, as a browser would send it."""
    data = {
        "for_someone_else": "no",
        "requester_name": "",
        "requester_relationship": "",
        "first_name": PATIENT["first_name"],
        "last_name": PATIENT["last_name"],
        "date_of_birth": PATIENT["date_of_birth"],
        "phone": PATIENT["phone"],
        "email": PATIENT["email"],
        "contact_method": "phone",
        "best_time": "any",
        "location": str(location.pk),
        "topic": "",
        "patient_type": "new",
        "pain_started": "over_6_months",
        "referring_physician": "",
        "insurance_carrier": "",
        "message": PATIENT["message"],
        "consent": "on",
        "website": "",
        "started": timing_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def service_data(location, **overrides) -> dict:
    """Cleaned answers, as the form hands them to the create service."""
    data = {
        "first_name": "Marguerite",
        "last_name": "Quillfeather",
        "date_of_birth": date(1946, 4, 17),
        "phone": "+12025550143",
        "email": "marguerite.q@example.com",
        "contact_method": "phone",
        "best_time": "any",
        "location": location,
        "topic": None,
        "patient_type": "new",
        "pain_started": "over_6_months",
        "imaging": [],
        "referring_physician": "",
        "insurance_carrier": "",
        "message": "",
        "warning_symptoms": [],
        "consent": True,
        "for_someone_else": False,
        "requester_name": "",
        "requester_relationship": "",
    }
    data.update(overrides)
    return data


def make_request(location=None, **fields) -> AppointmentRequest:
    """A saved request, straight into the database (no emails, no service)."""
    if location is None:
        location = fields.pop("location", None) or make_location(name="Factory Place")
    fields.setdefault("reference", new_reference())
    fields.setdefault("first_name", "Test")
    fields.setdefault("last_name", "Patient")
    fields.setdefault("date_of_birth", date(1950, 1, 1))
    fields.setdefault("phone", "+12025550100")
    fields.setdefault("contact_method", "phone")
    fields.setdefault("best_time", "any")
    fields.setdefault("patient_type", "new")
    fields.setdefault("pain_started", "not_sure")
    fields.setdefault("consent", True)
    created_at = fields.pop("created_at", None)
    appointment = AppointmentRequest.objects.create(location=location, **fields)
    if created_at is not None:
        AppointmentRequest.objects.filter(pk=appointment.pk).update(
            created_at=created_at
        )
        appointment.refresh_from_db()
    return appointment


def change_form_data(appointment, **overrides) -> dict:
    """POST data of a request's admin page, as the browser sends it unchanged."""
    data = {
        "status": appointment.status,
        "priority": appointment.priority,
        "assigned_to": appointment.assigned_to_id or "",
        "note": "",
    }
    data.update(overrides)
    return data
