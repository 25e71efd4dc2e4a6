"""The public form: what it accepts, what it refuses, and how it says so."""

import time
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core import signing
from django.utils import timezone

from appointments import services
from appointments.botcheck import TIMING_MAX_AGE, TIMING_SALT, timing_token
from appointments.forms import AppointmentRequestForm
from education.models import Page

from .conftest import make_page
from .factories import form_data

pytestmark = pytest.mark.django_db


def bound(place, **overrides) -> AppointmentRequestForm:
    return AppointmentRequestForm(data=form_data(place, **overrides))


def test_complete_answers_make_a_valid_form(place):
    form = bound(place)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "name",
    [
        "O'Brien",
        "Anne-Marie",
        "María José",
        "Zoë",
        "D’Arcy",
        "李小龙",
        "Nguyễn",
        "Ólafsdóttir",
        "Ἀλέξανδρος",
    ],
)
def test_names_in_any_script_with_apostrophes_hyphens_and_spaces_are_accepted(
    place, name
):
    form = bound(place, first_name=name, last_name=name)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["first_name"] == name


@pytest.mark.parametrize("name", ["R2D2", "Bob!", "<script>", "-", "   "])
def test_names_with_digits_symbols_or_no_letters_are_refused(place, name):
    form = bound(place, first_name=name)
    assert not form.is_valid()
    assert "first_name" in form.errors


def test_extra_spaces_inside_a_name_are_tidied(place):
    form = bound(place, first_name="  Mary   Ann ")
    assert form.is_valid()
    assert form.cleaned_data["first_name"] == "Mary Ann"


@pytest.mark.parametrize(
    "typed", ["(202) 555-0143", "202.555.0143", "2025550143", "+1 202 555 0143"]
)
def test_phone_is_normalised_to_international_format(place, typed):
    form = bound(place, phone=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+12025550143"


def test_phone_with_a_country_code_keeps_its_country(place):
    form = bound(place, phone="+44 20 7946 0958")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+442079460958"


def test_default_region_comes_from_settings(place, settings):
    settings.PHONENUMBER_DEFAULT_REGION = "GB"
    form = bound(place, phone="020 7946 0958")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+442079460958"


@pytest.mark.parametrize("typed", ["555-0100", "12345", "call me", "+1 000 000 0000"])
def test_phone_that_cannot_be_called_is_refused_with_an_example(place, typed):
    form = bound(place, phone=typed)
    assert not form.is_valid()
    assert "(202) 555-0143" in form.errors["phone"][0]


def test_phone_or_email_is_required(place):
    form = bound(place, phone="", email="")
    assert not form.is_valid()
    assert "phone number or an email" in form.errors["phone"][0]


def test_email_alone_is_enough_when_email_is_the_chosen_contact(place):
    form = bound(place, phone="", contact_method="email")
    assert form.is_valid(), form.errors


def test_choosing_email_contact_without_an_email_is_refused(place):
    form = bound(place, email="", contact_method="email")
    assert not form.is_valid()
    assert "email" in form.errors


def test_an_unreadable_phone_gets_one_message_only(place):
    form = bound(place, phone="12", email="")
    assert not form.is_valid()
    assert len(form.errors["phone"]) == 1


def test_date_of_birth_in_us_order_is_read(place):
    form = bound(place, date_of_birth="3/27/1950")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"].isoformat() == "1950-03-27"


def test_date_of_birth_in_the_future_is_refused(place):
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = bound(place, date_of_birth=tomorrow.strftime("%m/%d/%Y"))
    assert not form.is_valid()
    assert "must be in the past" in form.errors["date_of_birth"][0]


def test_date_of_birth_over_120_years_ago_is_refused(place):
    form = bound(place, date_of_birth="01/01/1880")
    assert not form.is_valid()
    assert "date_of_birth" in form.errors


def test_a_baby_born_today_is_a_plausible_patient(place):
    form = bound(place, date_of_birth=timezone.localdate().strftime("%m/%d/%Y"))
    assert form.is_valid(), form.errors


def test_unreadable_date_of_birth_explains_the_format(place):
    form = bound(place, date_of_birth="the seventies")
    assert not form.is_valid()
    assert "month/day/year" in form.errors["date_of_birth"][0]


def test_message_over_the_limit_is_refused_and_the_limit_is_shown(place):
    form = bound(place, message="x" * 1001)
    assert not form.is_valid()
    assert "1000" in form.errors["message"][0]
    assert "1,000" in str(form["message"].help_text)


def test_someone_else_must_give_their_name_and_relationship(place):
    form = bound(place, for_someone_else="yes")
    assert not form.is_valid()
    assert set(form.errors) == {"requester_name", "requester_relationship"}


def test_someone_else_with_name_and_relationship_is_valid(place):
    form = bound(
        place,
        for_someone_else="yes",
        requester_name="Lena Quillfeather",
        requester_relationship="Daughter",
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["for_someone_else"] is True


def test_consent_is_required(place):
    form = bound(place, consent=None)
    assert not form.is_valid()
    assert "consent" in form.errors


def test_the_consent_message_is_written_once_for_form_and_service(place):
    field = AppointmentRequestForm.base_fields["consent"]
    assert field.error_messages["required"] is services.CONSENT_REQUIRED
    form = bound(place, consent=None)
    form.is_valid()
    assert form.errors["consent"] == [str(services.CONSENT_REQUIRED)]


def test_none_yet_and_a_scan_together_are_refused(place):
    form = AppointmentRequestForm(data={**form_data(place), "imaging": ["none", "mri"]})
    assert not form.is_valid()
    assert "imaging" in form.errors


def test_topic_choices_are_published_pages_and_not_sure(place):
    page = make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    Page.objects.create(
        title="Secret draft", slug="draft", kind="condition", summary="s"
    )
    form = AppointmentRequestForm()
    html = str(form["topic"])
    assert "Kyphoplasty" in html and "I&#x27;m not sure" in html
    assert '<optgroup label="Procedures">' in html
    assert "Secret draft" not in html
    valid = bound(place, topic=str(page.pk))
    assert valid.is_valid(), valid.errors
    assert valid.cleaned_data["topic"] == page


def test_an_unknown_topic_is_refused(place):
    form = bound(place, topic="999999")
    assert not form.is_valid()
    assert "topic" in form.errors


@pytest.mark.parametrize(
    ("field", "token"),
    [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("date_of_birth", "bday"),
        ("phone", "tel"),
        ("email", "email"),
        ("requester_name", "name"),
    ],
)
def test_personal_fields_carry_the_right_autocomplete_token(place, field, token):
    assert f'autocomplete="{token}"' in str(AppointmentRequestForm()[field])


def test_error_summary_links_each_message_to_its_field(place):
    form = bound(place, first_name="", pain_started="")
    form.is_valid()
    anchors = dict(form.error_summary())
    assert "id_first_name" in anchors
    assert "id_pain_started_0" in anchors  # radios: the first option


def test_error_summary_follows_the_order_of_the_page(place):
    form = bound(place, first_name="", consent=None, phone="", email="")
    form.is_valid()
    assert [anchor for anchor, _ in form.error_summary()] == [
        "id_first_name",
        "id_phone",
        "id_consent",
    ]


def test_a_filled_honeypot_looks_automated(place):
    assert bound(place, website="http://spam.example").looks_automated()


def test_a_missing_or_forged_timing_token_asks_to_send_again(place):
    for token in (None, "1700000000:forged"):
        form = bound(place, started=token)
        assert not form.looks_automated()  # may be a person: never the refusal
        assert not form.is_valid()
        assert "check your answers" in " ".join(form.non_field_errors())
        assert form["first_name"].value() == "Marguerite"


def test_sent_faster_than_a_person_types_gives_the_form_back_to_send_again(
    place, settings
):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 3
    form = bound(place, started=timing_token())
    assert not form.looks_automated() and not form.is_valid()
    assert "was not sent yet" in " ".join(form.non_field_errors())
    # The fresh token counts as already filled in: sending again at once works.
    assert bound(place, started=form["started"].value()).is_valid()


@pytest.mark.parametrize(
    "typed",
    [
        "3/14/1952",
        "03/14/1952",
        "3-14-1952",
        "3.14.1952",
        "3 / 14 / 1952",
        "March 14, 1952",
        "march 14 1952",
        "Mar. 14, 1952",
        "14 March 1952",
        "1952-03-14",
    ],
)
def test_date_of_birth_is_read_the_ways_people_write_it(place, typed):
    form = bound(place, date_of_birth=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == date(1952, 3, 14)


def test_a_two_digit_year_gets_a_clear_message(place):
    form = bound(place, date_of_birth="3/14/52")
    assert "write the year in full" in form.errors["date_of_birth"][0]


def test_someone_else_keeps_the_patients_own_phone_apart(place):
    form = bound(
        place,
        for_someone_else="yes",
        requester_name="Rosa Example",
        requester_relationship="daughter",
        patient_phone="(202) 555-0188",
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["patient_phone"] == "+12025550188"
    assert form.cleaned_data["phone"] == "+12025550143"


def test_a_person_taking_their_time_does_not_look_automated(place, settings):
    settings.APPOINTMENT_MIN_FILL_SECONDS = 3
    ten_seconds_ago = signing.dumps(int(time.time()) - 10, salt=TIMING_SALT)
    assert not bound(place, started=ten_seconds_ago).looks_automated()


def signed_days_ago(days: float) -> str:
    """A genuine timing token, signed as if the form had been shown ``days`` ago."""
    then = time.time() - days * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=then):
        return timing_token(shown_at=int(then))


def test_a_token_older_than_a_day_is_not_taken_for_a_bot(place):
    form = bound(place, started=signed_days_ago(2))
    assert not form.looks_automated()


def test_a_token_older_than_a_day_asks_to_send_again_and_keeps_the_answers(place):
    form = bound(place, started=signed_days_ago(2))
    assert not form.is_valid()
    assert "open for a long time" in " ".join(form.non_field_errors())
    assert form["first_name"].value() == "Marguerite"
    fresh = form["started"].value()
    assert signing.loads(fresh, salt=TIMING_SALT, max_age=TIMING_MAX_AGE)
    assert not bound(place, started=fresh).looks_automated()
    assert bound(place, started=fresh).is_valid()


def test_a_token_from_a_few_hours_ago_is_fine(place):
    form = bound(place, started=signed_days_ago(0.5))
    assert not form.looks_automated()
    assert form.is_valid(), form.errors


def test_contact_and_call_time_start_on_phone_and_any_time(place):
    form = AppointmentRequestForm(topics=[], locations=[place])
    assert form["contact_method"].value() == "phone"
    assert form["best_time"].value() == "any"
    assert "" not in dict(form.fields["contact_method"].choices)


@pytest.mark.parametrize(
    "field", ["message", "referring_physician", "insurance_carrier"]
)
def test_free_text_refuses_direction_overrides(place, field):
    form = bound(place, **{field: "Pay \u202eevil\u202c here"})
    assert "change the direction" in form.errors[field][0]


def test_free_text_refuses_a_pile_of_accents(place):
    form = bound(place, message="Z" + "\u0301" * 20)
    assert "too many accents" in form.errors["message"][0]
