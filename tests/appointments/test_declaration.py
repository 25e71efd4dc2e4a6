"""The patient's questions are declared once, on the model (``PATIENT_SECTIONS``);
the public form, the admin and the CSV export derive from that declaration."""

import csv
import io

import pytest
from crispy_forms.layout import Fieldset
from django.contrib import admin

from appointments.admin import ANSWER_DISPLAY
from appointments.exports import csv_response
from appointments.forms import AppointmentRequestForm
from appointments.models import AppointmentRequest
from appointments.questions import NOT_EXPORTED, PATIENT_FIELDS, PATIENT_SECTIONS
from tests.appointments.factories import make_request

pytestmark = pytest.mark.django_db

MODEL_ADMIN = admin.site._registry[AppointmentRequest]
STAFF_FIELDS = {
    field.name
    for field in AppointmentRequest._meta.concrete_fields
    if field.name not in PATIENT_FIELDS
}


def admin_request(request_factory, user):
    request = request_factory.get("/")
    request.user = user
    return request


def test_every_declared_question_is_on_the_form_in_the_declared_order():
    form = AppointmentRequestForm(topics=[], locations=[])
    on_form = [name for name in form.fields if name in PATIENT_FIELDS]
    assert on_form == list(PATIENT_FIELDS)


def test_the_form_shows_the_declared_sections_in_order():
    layout = AppointmentRequestForm(topics=[], locations=[]).helper.layout
    legends = [part.legend for part in layout.fields if isinstance(part, Fieldset)]
    assert legends == [title for title, _names in PATIENT_SECTIONS]


def test_staff_only_fields_never_reach_the_form():
    form = AppointmentRequestForm(topics=[], locations=[])
    assert STAFF_FIELDS, "the model has workflow fields"
    assert not STAFF_FIELDS & set(form.fields)


def test_every_declared_question_is_read_only_in_the_admin(rf, frontdesk_user):
    request = admin_request(rf, frontdesk_user)
    fieldsets = MODEL_ADMIN.get_fieldsets(request)
    shown = [name for _title, opts in fieldsets for name in opts["fields"]]
    readonly = MODEL_ADMIN.get_readonly_fields(request)
    for name in PATIENT_FIELDS:
        in_admin = ANSWER_DISPLAY.get(name, name)
        assert in_admin in shown, name
        assert in_admin in readonly, name


def test_every_declared_question_but_the_private_ones_is_exported(place):
    make_request(location=place)
    rows = list(
        csv.reader(
            io.StringIO(csv_response(AppointmentRequest.objects.all()).content.decode())
        )
    )
    headers = rows[0]
    for name in PATIENT_FIELDS:
        label = str(AppointmentRequest._meta.get_field(name).verbose_name)
        assert (label in headers) is (name not in NOT_EXPORTED), name
    assert len(rows[1]) == len(headers)
