"""The request form in Spanish: its questions, errors and confirmation, the two
language questions, and the patient's acknowledgement in the language of the form."""

import re

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from appointments import emails
from appointments.forms import AppointmentRequestForm
from appointments.models import AppointmentRequest
from appointments.tasks import send_appointment_emails

from .factories import form_data, make_request

pytestmark = pytest.mark.django_db

FORM_URL = "/es/appointments/request/"
THANKS_URL = "/es/appointments/request/thanks/"


def send(client, place, url=FORM_URL, **overrides):
    return client.post(url, form_data(place, **overrides))


def test_the_spanish_form_asks_in_spanish(client, place):
    text = strip_tags(client.get(FORM_URL).content.decode())
    for words in (
        "Pedir una cita",
        "¿Quién necesita la cita?",
        "Fecha de nacimiento",
        "¿En qué idioma quiere que le hablemos cuando llamemos?",
        "Necesitamos un intérprete para las llamadas y las consultas",
        "Nuestro formulario de citas no es para emergencias.",
        "llame al 911",
        "Enviar mi solicitud",
        "Hasta 1\xa0000 caracteres.",  # the number written the Spanish way
    ):
        assert words in text, words


def test_the_message_counter_speaks_the_page_language(client, place):
    # static/js/appointments.js shows these words, with the number in place of N.
    html = client.get(FORM_URL).content.decode()
    assert 'data-count-left="Le quedan N caracteres"' in html
    assert 'data-count-over="N caracteres de más.' in html


def test_the_call_language_starts_as_the_language_of_the_page(client, place):
    for language in ("es", "en"):
        with translation.override(language):
            form = AppointmentRequestForm(topics=[], locations=[place])
            assert form["preferred_language"].value() == language
    html = client.get(FORM_URL).content.decode()
    assert re.search(
        r'<input[^>]*name="preferred_language"[^>]*value="es"[^>]*checked', html
    )
    assert 'name="initial-preferred_language"' not in html


def test_spanish_errors_are_in_spanish(client, place):
    response = send(
        client,
        place,
        first_name="",
        date_of_birth="3/27/50",
        phone="12",
        consent=None,
    )
    text = strip_tags(response.content.decode())
    assert response.status_code == 200
    assert not AppointmentRequest.objects.exists()
    for words in (
        "Hay un problema con su solicitud",
        "Escriba el nombre del paciente.",
        "Escriba el año completo",
        "Escriba un teléfono al que podamos llamar",
        "Marque la casilla para aceptar",
    ):
        assert words in text, words
    assert "Enter the patient" not in text


def test_the_two_new_questions_are_saved(client, place):
    send(client, place, preferred_language="other", interpreter_needed="on")
    request = AppointmentRequest.objects.get()
    assert request.preferred_language == "other"
    assert request.interpreter_needed is True
    assert request.language == "es"


def test_an_english_request_defaults_to_english_calls_and_no_interpreter(client, place):
    client.post("/appointments/request/", form_data(place))
    request = AppointmentRequest.objects.get()
    assert (request.preferred_language, request.interpreter_needed) == ("en", False)
    assert request.language == "en"


def test_a_form_sent_without_the_language_answer_keeps_the_pages(client, place):
    data = form_data(place)
    data.pop("preferred_language", None)
    client.post(FORM_URL, data)
    assert AppointmentRequest.objects.get().preferred_language == "es"


def test_the_spanish_confirmation_is_in_spanish(client, place):
    send(client, place)
    text = strip_tags(client.get(THANKS_URL).content.decode())
    assert "Gracias. Su solicitud se envió." in text
    assert "Su número de referencia es" in text
    assert AppointmentRequest.objects.get().reference in text


def test_the_urgent_spanish_confirmation_says_call_911(client, place):
    send(client, place, warning_symptoms="fever")
    text = strip_tags(client.get(THANKS_URL).content.decode())
    assert "Llame al 911" in text
    assert "marcada como urgente" in text


def test_the_acknowledgement_is_in_spanish_and_the_location_email_in_english(
    client, place, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, place)
    reference = AppointmentRequest.objects.get().reference
    to_patient = next(m for m in outbox if m.to == ["marguerite.q@example.com"])
    to_location = next(m for m in outbox if m.to == [place.notification_email])
    assert to_patient.subject == (
        f"Recibimos su solicitud de cita (número de referencia {reference})"
    )
    assert "Su número de referencia es: " + reference in to_patient.body
    assert "llame al 911" in to_patient.body
    assert "Hola:" in to_patient.body
    assert to_location.subject.startswith("New appointment request")
    assert "A new appointment request is waiting" in to_location.body


def test_the_worker_writes_each_email_in_its_language_whatever_is_active(place, outbox):
    spanish = make_request(location=place, language="es", email="ana@example.com")
    english = make_request(location=place, language="en", email="bo@example.com")
    with translation.override("es"):
        assert emails.acknowledgement(english).subject.startswith("We received")
        assert emails.location_notification(spanish).subject.startswith("New")
    with translation.override("en"):
        assert emails.acknowledgement(spanish).subject.startswith("Recibimos")
    send_appointment_emails.call(spanish.pk)
    patient = next(m for m in outbox if m.to == [spanish.email])
    assert patient.subject.startswith("Recibimos")


def test_the_queue_shows_the_language_and_the_interpreter(
    client, place, frontdesk_user
):
    spanish = make_request(
        location=place,
        first_name="Ernesto",
        preferred_language="es",
        interpreter_needed=True,
    )
    make_request(location=place, first_name="Bob", preferred_language="en")
    client.force_login(frontdesk_user)
    html = client.get("/admin/appointments/appointmentrequest/").content.decode()
    rows = {
        name: row
        for row in html.split("<tr")[1:]
        for name in ("Ernesto", "Bob")
        if name in row
    }
    marker = '<span class="marker">Spanish + interpreter</span>'
    assert spanish.reference in rows["Ernesto"] and marker in rows["Ernesto"]
    assert "English" not in rows["Bob"]  # the usual case adds nothing to read
