"""The blank request form's fields, drawn once per language and content version."""

import re
from unittest import mock

import pytest
from django.urls import reverse

from appointments import formcache
from appointments.models import AppointmentRequest
from tests.conftest import make_location

from .conftest import make_page
from .factories import form_data

pytestmark = pytest.mark.django_db

FORM_URL = reverse("appointments:request-create")
SPANISH_URL = "/es/appointments/request/"
TOKEN = re.compile(r'name="started" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def _no_kept_fields():
    formcache.forget()
    yield
    formcache.forget()


def page(client, url=FORM_URL, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


def drawn_normally(client, url=FORM_URL):
    with mock.patch.object(formcache, "blank_form_fields", return_value=""):
        return page(client, url)


def without_tokens(html):
    return CSRF.sub("csrf", TOKEN.sub("started", html))


@pytest.mark.parametrize("url", [FORM_URL, SPANISH_URL])
def test_kept_fields_are_the_normal_page_but_for_the_tokens(client, place, url):
    make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    page(client, url)  # draws and keeps the fields
    with mock.patch.object(formcache, "render_crispy_form") as draw:
        kept = page(client, url)
    draw.assert_not_called()  # the second GET used the kept copy
    assert without_tokens(kept) == without_tokens(drawn_normally(client, url))
    assert len(TOKEN.findall(kept)) == 1


def test_each_get_has_its_own_token_the_form_accepts_once(client, place):
    first = TOKEN.search(page(client)).group(1)
    second = TOKEN.search(page(client)).group(1)
    assert first != second
    assert formcache.PLACEHOLDER not in first + second
    for token in (first, second):
        response = client.post(FORM_URL, form_data(place, started=token))
        assert response.status_code == 302
    again = client.post(FORM_URL, form_data(place, started=first))
    assert again.status_code != 302  # a token is good for one request only
    assert AppointmentRequest.objects.count() == 2


def test_a_new_location_shows_at_once(
    client, place, django_capture_on_commit_callbacks
):
    page(client)  # the fields kept with one location
    with django_capture_on_commit_callbacks(execute=True):
        hillside = make_location(name="Hillside")
    assert f'name="location" value="{hillside.pk}"' in page(client)


def test_spanish_and_english_get_their_own_copies(client, place):
    english = page(client)  # the English copy is kept first
    spanish = page(client, SPANISH_URL)
    assert "Fecha de nacimiento" in spanish  # a question inside the kept fields
    assert "Fecha de nacimiento" not in english
    assert "Date of birth" in page(client)
    assert "Fecha de nacimiento" in page(client, SPANISH_URL)


def test_a_topic_in_the_address_is_still_preselected(client, place):
    topic = make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    page(client)  # a blank form kept first
    html = page(client, topic="kyphoplasty")
    assert f'<option value="{topic.pk}" selected>Kyphoplasty</option>' in html
    assert f'<option value="{topic.pk}" selected>' not in page(client)


def test_a_form_sent_back_with_mistakes_is_drawn_from_what_was_typed(client, place):
    page(client)
    html = client.post(FORM_URL, form_data(place, first_name="")).content.decode()
    assert 'value="Quillfeather"' in html
    assert "There is a problem with your request" in html
