"""The patient's pages: the form, the confirmation and the refusal."""

import re
import time
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from appointments.botcheck import timing_token
from appointments.models import AppointmentRequest
from appointments.views import RECEIPT_SESSION_KEY

from .conftest import make_page
from .factories import form_data

pytestmark = pytest.mark.django_db

FORM_URL = reverse("appointments:request-create")
THANKS_URL = reverse("appointments:request-thanks")


def send(client, place, *, ip="127.0.0.1", **overrides):
    return client.post(FORM_URL, form_data(place, **overrides), REMOTE_ADDR=ip)


def test_form_page_shows_every_question_with_a_label(client, place):
    response = client.get(FORM_URL)
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("first_name", "last_name", "date_of_birth", "phone", "email"):
        assert f'<label for="id_{name}"' in " ".join(html.split())
    assert "<legend" in html  # radio and checkbox groups are named by a legend
    assert html.count('type="radio"') > 5


def test_form_page_costs_a_handful_of_queries(
    client, place, published_page, django_assert_max_num_queries
):
    client.get(FORM_URL)  # the site context is cached after the first page
    with django_assert_max_num_queries(3):
        client.get(FORM_URL)


def test_a_submission_with_its_emails_stays_within_its_query_budget(
    client, place, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # 33: the form validates through the model (ModelForm), which checks the
    # chosen location exists and the phone-or-email constraint; the service then
    # checks the location again for any other caller.
    with (
        django_assert_max_num_queries(33),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert send(client, place).status_code == 302


def test_form_page_is_never_stored_by_browsers_or_proxies(client, place):
    assert "no-store" in client.get(FORM_URL)["Cache-Control"]


def test_form_page_can_be_found_through_search_engines(client, place):
    # Patients look for "request an appointment"; the empty form holds no data.
    assert "noindex" not in client.get(FORM_URL).content.decode()


def test_form_page_has_no_inline_script_or_style(client, place):
    html = client.get(FORM_URL).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "style=" not in html and "<style" not in html
    assert "js/appointments.js" in html and "css/appointments.css" in html


def test_form_page_loads_nothing_from_other_sites(client, place):
    html = client.get(FORM_URL).content.decode()
    # Absolute addresses only of this site (the hreflang links to the other language).
    assert set(re.findall(r'(?:src|href)="((?:https?:)?//[^/"]*)', html)) <= {
        "http://testserver"
    }


def test_topic_in_the_address_preselects_it(client, place):
    page = make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    html = client.get(FORM_URL, {"topic": "kyphoplasty"}).content.decode()
    assert f'<option value="{page.pk}" selected>Kyphoplasty</option>' in html


@pytest.mark.parametrize(
    "slug", ["no-such-page", "x" * 500, "<script>", "%00", "\x00", "é"]
)
def test_unknown_or_odd_topic_in_the_address_is_ignored(client, place, slug):
    response = client.get(FORM_URL, {"topic": slug})
    assert response.status_code == 200


def test_a_valid_request_redirects_to_a_fixed_thanks_address(client, place):
    response = send(client, place)
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert AppointmentRequest.objects.count() == 1


def test_thanks_page_shows_reference_next_steps_and_phone(client, place):
    send(client, place)
    appointment = AppointmentRequest.objects.get()
    response = client.get(THANKS_URL)
    html = response.content.decode()
    assert appointment.reference in html
    assert "What happens next" in html
    assert "555-0142" in html  # the clinic's main line
    assert "no-store" in response["Cache-Control"]


def test_thanks_page_address_reveals_nothing_to_another_visitor(client, place):
    send(client, place)
    appointment = AppointmentRequest.objects.get()
    stranger = Client().get(THANKS_URL)
    assert stranger.status_code == 200
    assert appointment.reference not in stranger.content.decode()
    assert appointment.reference not in THANKS_URL


def test_thanks_page_shows_the_reference_once_then_a_neutral_page(client, place):
    send(client, place)
    appointment = AppointmentRequest.objects.get()
    assert appointment.reference in client.get(THANKS_URL).content.decode()
    assert RECEIPT_SESSION_KEY not in client.session
    again = client.get(THANKS_URL)
    html = again.content.decode()
    assert again.status_code == 200
    assert "Your request was sent" in html
    assert "email we sent you" in html and "555-0142" in html
    assert appointment.reference not in html
    assert "no-store" in again["Cache-Control"]


def test_neutral_sent_page_shows_no_emergency_alert_from_an_old_request(client, place):
    send(client, place, warning_symptoms="leg_weakness")
    client.get(THANKS_URL)
    assert 'role="alert"' not in client.get(THANKS_URL).content.decode()


def test_warning_symptom_shows_911_on_the_thanks_page(client, place):
    send(client, place, warning_symptoms="leg_weakness")
    html = client.get(THANKS_URL).content.decode()
    assert "call 911 or go to the nearest emergency room now" in strip_tags(html)
    assert 'href="tel:911"' in html
    assert 'role="alert"' in html


def test_thanks_page_without_warning_symptoms_shows_no_emergency_alert(client, place):
    send(client, place)
    assert 'class="emergency-alert"' not in client.get(THANKS_URL).content.decode()


def test_form_has_an_emergency_note_next_to_the_symptoms_without_javascript(
    client, place
):
    html = " ".join(client.get(FORM_URL).content.decode().split())
    note = "please call 911 or go to the nearest emergency room now"
    assert note in html
    # The bold alert waits (hidden) until a symptom is ticked; the script shows it.
    assert 'id="emergency-alert" role="alert" data-emergency-alert hidden' in html


def test_form_sent_back_with_a_symptom_ticked_shows_the_alert(client, place):
    response = send(client, place, first_name="", warning_symptoms="fever")
    html = " ".join(response.content.decode().split())
    assert "data-emergency-alert hidden" not in html
    assert "data-emergency-alert>" in html


def test_invalid_answers_show_error_summary_title_and_save_nothing(client, place):
    response = send(client, place, first_name="", date_of_birth="13/45/2000")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>Error: ", html)
    assert 'href="#id_first_name"' in html and 'href="#id_date_of_birth"' in html
    assert 'tabindex="-1" autofocus data-error-summary' in html
    assert AppointmentRequest.objects.count() == 0


def test_invalid_answers_keep_what_the_patient_typed(client, place):
    response = send(client, place, first_name="", message="My back hurts at night")
    html = response.content.decode()
    assert 'value="Quillfeather"' in html
    assert "My back hurts at night" in html
    assert 'value="(202) 555-0143"' in html


def test_each_field_error_is_shown_at_the_field_and_tied_to_it(client, place):
    html = send(client, place, first_name="").content.decode()
    assert 'aria-describedby="id_first_name_error"' in html
    assert 'id="id_first_name_error"' in html
    assert 'aria-invalid="true"' in html


def test_form_page_with_errors_is_not_stored_either(client, place):
    assert "no-store" in send(client, place, first_name="")["Cache-Control"]


def test_honeypot_gets_the_neutral_page_and_saves_nothing(client, place):
    response = send(client, place, website="http://cheap-pills.example")
    assert response.status_code == 200
    assert "could not take your request online" in response.content.decode()
    assert AppointmentRequest.objects.count() == 0


def test_too_fast_sending_gives_the_form_back_with_the_answers_and_saves_nothing(
    client, place, settings
):
    # Autofill can fill the whole form in a second: that is a person, not a bot.
    settings.APPOINTMENT_MIN_FILL_SECONDS = 60
    response = send(client, place)
    html = response.content.decode()
    assert response.status_code == 200
    assert "could not take your request online" not in html
    assert "was not sent yet" in html and 'value="Marguerite"' in html
    assert AppointmentRequest.objects.count() == 0


def test_the_caregivers_phone_and_the_patients_own_are_kept_apart(client, place):
    send(
        client,
        place,
        for_someone_else="yes",
        requester_name="Rosa Example",
        requester_relationship="daughter",
        patient_phone="202-555-0188",
    )
    saved = AppointmentRequest.objects.get()
    assert str(saved.patient_phone) == "+12025550188"
    assert str(saved.phone) == "+12025550143"
    assert saved.contact_name == "Rosa Example (daughter of the patient)"


def test_the_patients_own_phone_is_dropped_when_they_ask_for_themselves(client, place):
    send(client, place, for_someone_else="no", patient_phone="202-555-0188")
    assert AppointmentRequest.objects.get().patient_phone == ""


def test_a_form_left_open_over_a_day_asks_to_send_again_keeping_the_answers(
    client, place
):
    then = time.time() - 2 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=then):
        old_token = timing_token(shown_at=int(then))
    response = send(client, place, started=old_token, first_name="Odette")
    html = response.content.decode()
    assert response.status_code == 200
    assert "could not take your request online" not in html
    assert "open for a long time" in html
    assert 'value="Odette"' in html
    assert AppointmentRequest.objects.count() == 0
    fresh = re.search(r'name="started" value="([^"]+)"', html).group(1)
    assert send(client, place, started=fresh).status_code == 302


def test_neutral_page_gives_the_phone_number(client, place):
    html = send(client, place, started="forged").content.decode()
    assert "555-0142" in html


def test_rate_limit_refuses_requests_beyond_the_limit_from_one_address(
    client, place, settings
):
    settings.APPOINTMENT_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert send(client, place, ip="198.51.100.7").status_code == 302
    response = send(client, place, ip="198.51.100.7")
    assert "could not take your request online" in response.content.decode()
    assert AppointmentRequest.objects.count() == 2


def test_rate_limit_counts_each_address_on_its_own(client, place, settings):
    settings.APPOINTMENT_RATE_LIMIT = "1/h"
    assert send(client, place, ip="198.51.100.7").status_code == 302
    assert send(client, place, ip="198.51.100.8").status_code == 302


def test_rate_limit_does_not_count_forms_sent_back_with_mistakes(
    client, place, settings
):
    settings.APPOINTMENT_RATE_LIMIT = "1/h"
    for _ in range(3):
        send(client, place, first_name="")
    assert send(client, place).status_code == 302


def test_csrf_protection_is_on_for_the_form(place):
    browser = Client(enforce_csrf_checks=True)
    without_token = browser.post(FORM_URL, form_data(place))
    assert without_token.status_code == 403
    assert AppointmentRequest.objects.count() == 0
    html = browser.get(FORM_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    with_token = browser.post(
        FORM_URL, {**form_data(place), "csrfmiddlewaretoken": token}
    )
    assert with_token.status_code == 302


def test_database_down_while_sending_gives_503_with_phone(client, place):
    with mock.patch(
        "appointments.services.AppointmentRequest.save",
        side_effect=OperationalError("database is locked"),
    ):
        response = send(client, place)
    assert response.status_code == 503
    assert "555-0142" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"location": "not-a-number"},
        {"location": "99999"},
        {"imaging": "laser"},
        {"date_of_birth": "02/30/1950"},
        {"first_name": "x" * 10_000},
        {"for_someone_else": "maybe"},
        {"started": "\x00"},
    ],
)
def test_odd_input_never_gives_a_server_error(client, place, data):
    payload = {**form_data(place), **data} if data else {}
    response = client.post(FORM_URL, payload)
    assert response.status_code in (200, 302)


def test_submission_sends_acknowledgement_and_location_notification(
    client, place, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, place)
    assert sorted(message.to[0] for message in outbox) == sorted(
        ["marguerite.q@example.com", place.notification_email]
    )


def test_no_acknowledgement_without_an_email_address(
    client, place, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, place, email="")
    assert [message.to for message in outbox] == [[place.notification_email]]


def test_urgent_confirmation_does_not_promise_a_call_within_a_working_day(
    client, place
):
    send(client, place, warning_symptoms="fever")
    text = strip_tags(client.get(THANKS_URL).content.decode())
    assert "usually within one working day" not in text
    assert "marked urgent" in text
