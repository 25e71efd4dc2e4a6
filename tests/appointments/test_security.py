"""The request form at its edges: a refused security check, an oversized body, a
replayed token, and text that hides or piles up characters."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from appointments.forms import AppointmentRequestForm
from appointments.models import AppointmentRequest
from appointments.validators import validate_free_text, validate_person_name

from .factories import form_data, make_request

pytestmark = pytest.mark.django_db

FORM_URL = reverse("appointments:request-create")
RLO = "\u202e"
ZWNJ = "\u200c"


# --- A refused CSRF check ------------------------------------------------------------


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def test_a_failed_csrf_check_gives_the_form_back_with_the_answers(strict_client, place):
    data = form_data(place, first_name="Ada", last_name="Lovelace")
    response = strict_client.post(FORM_URL, data)
    html = response.content.decode()
    assert response.status_code == 403
    assert 'value="Ada"' in html and 'value="Lovelace"' in html
    assert "has not been sent yet" in html and "again" in html
    assert 'id="error-summary"' in html
    assert "555-0142" in html  # the site's layout, with the phone number
    assert not AppointmentRequest.objects.exists()


def test_sending_again_after_a_failed_csrf_check_works(strict_client, place):
    response = strict_client.post(FORM_URL, form_data(place))
    token = response.cookies["csrftoken"].value
    data = {**form_data(place), "csrfmiddlewaretoken": token}
    response = strict_client.post(FORM_URL, data)
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 1


def test_a_failed_csrf_check_elsewhere_is_a_page_in_the_site_layout(
    strict_client, clinic_settings
):
    response = strict_client.post(reverse("admin:login"), {"username": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Please go back and try again" in html
    assert "555-0142" in html and 'class="site-header"' in html


def test_an_oversized_body_gets_the_400_page_with_the_phone_number(
    client, place, settings
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.raise_request_exception = False
    response = client.post(FORM_URL, form_data(place, message="x" * 2000))
    html = response.content.decode()
    assert response.status_code == 400
    assert "could not read that request" in html and "555-0142" in html
    assert not AppointmentRequest.objects.exists()


def test_a_forbidden_page_is_in_the_site_layout(client, clinic_settings):
    from clinic.views import permission_denied

    request = Client().get("/").wsgi_request
    response = permission_denied(request, None)
    html = response.content.decode()
    assert response.status_code == 403
    assert "not available to you" in html and "555-0142" in html


# --- The fill-time token: one request each ------------------------------------------


def test_a_token_is_good_for_one_request_only(place):
    data = form_data(place)
    assert Client().post(FORM_URL, data).status_code == 302
    # The same token again, from two other browsers (sessions).
    for _ in range(2):
        response = Client().post(FORM_URL, data)
        assert response.status_code == 200
        assert "already sent" in response.content.decode()
    assert AppointmentRequest.objects.count() == 1


def test_a_form_sent_back_with_errors_carries_a_fresh_token(client, place):
    data = form_data(place, first_name="")
    first = client.post(FORM_URL, data)
    fresh = first.context["form"].data["started"]
    assert fresh != data["started"]
    response = client.post(FORM_URL, {**data, "first_name": "Ada", "started": fresh})
    assert response.status_code == 302


def test_a_used_token_brings_the_form_back_with_a_fresh_one(client, place):
    data = form_data(place)
    client.post(FORM_URL, data)
    again = client.post(FORM_URL, data)
    fresh = again.context["form"].data["started"]
    response = client.post(FORM_URL, {**data, "started": fresh})
    assert response.status_code == 302
    assert AppointmentRequest.objects.count() == 2


def test_a_token_is_not_used_up_by_a_form_with_errors(place):
    data = form_data(place)
    assert Client().post(FORM_URL, {**data, "first_name": ""}).status_code == 200
    assert Client().post(FORM_URL, data).status_code == 302


# --- Free text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [f"می{ZWNJ}خواهم", f"Ro{ZWNJ}ya", "अक्षय", "Nguyễn", "Zoë", "O’Brien-Smith"],
)
def test_names_with_joiners_and_accents_are_accepted(name):
    validate_person_name(name)


@pytest.mark.parametrize("control", list("\u202a\u202b\u202c\u202d\u202e\u2066\u2069"))
def test_direction_controls_are_refused_with_a_clear_message(control):
    for check in (validate_person_name, validate_free_text):
        with pytest.raises(ValidationError) as error:
            check(f"Ada{control}ecalovel")
        assert "change the direction of the text" in error.value.messages[0]


def test_a_pile_of_accents_on_one_letter_is_refused():
    with pytest.raises(ValidationError, match="too many accents"):
        validate_person_name("Ada" + "\u0301" * 99)
    with pytest.raises(ValidationError, match="too many accents"):
        validate_free_text("x" + "\u0301" * 5)
    validate_free_text("x" + "\u0301" * 3)


def test_a_joiner_cannot_start_or_end_a_name():
    with pytest.raises(ValidationError):
        validate_person_name(f"{ZWNJ}Ada")


def test_the_form_takes_a_persian_name_and_refuses_an_override(place):
    good = AppointmentRequestForm(data=form_data(place, first_name=f"می{ZWNJ}خواهم"))
    assert good.is_valid(), good.errors
    bad = AppointmentRequestForm(data=form_data(place, last_name=f"Smith{RLO}"))
    assert not bad.is_valid()
    assert "direction of the text" in bad.errors["last_name"][0]


def test_the_admin_never_shows_a_direction_override_raw(client, superuser, place):
    appointment = make_request(location=place)
    AppointmentRequest.objects.filter(pk=appointment.pk).update(
        last_name=f"Smith{RLO}0143-555"
    )
    client.force_login(superuser)
    for url in (
        reverse("admin:appointments_appointmentrequest_changelist") + "?status=all",
        reverse("admin:appointments_appointmentrequest_change", args=[appointment.pk]),
    ):
        html = client.get(url).content.decode()
        assert RLO not in html, url
        assert "Smith&lt;U+202E&gt;0143-555" in html, url
