"""The blank request form's page, kept per address, language and content version with
slots for its two tokens."""

import re
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.views.generic import FormView

from appointments import formcache
from appointments.models import AppointmentRequest
from appointments.views import AppointmentRequestCreateView
from tests.conftest import make_location

from .conftest import make_page
from .factories import form_data

pytestmark = pytest.mark.django_db

FORM_URL = reverse("appointments:request-create")
SPANISH_URL = "/es/appointments/request/"
STARTED = re.compile(r'name="started" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def get(client, url=FORM_URL, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    return response


def page(client, url=FORM_URL, **query):
    return get(client, url, **query).content.decode()


def kept(client, url=FORM_URL, **query):
    """A GET that must be answered from the kept page, without drawing the form."""
    with mock.patch.object(
        AppointmentRequestCreateView, "render_blank_form", side_effect=AssertionError
    ):
        return get(client, url, **query)


def rendered_normally(client, url=FORM_URL, **query):
    """The same GET drawn the ordinary way, with no slots and nothing kept."""
    with mock.patch.object(AppointmentRequestCreateView, "get", FormView.get):
        return get(client, url, **query)


def tokens(response) -> tuple[str, str]:
    html = response.content.decode()
    (csrf,), (started,) = CSRF.findall(html), STARTED.findall(html)
    return csrf, started


def headers(response) -> dict:
    """The headers and the CSRF cookie's attributes, but not what depends on the
    time of the answer (the never-cache ``Expires``, the cookie's expiry) or the
    cookie's value."""
    cookies = {
        name: {key: value for key, value in morsel.items() if key != "expires"}
        for name, morsel in response.cookies.items()
    }
    return {**dict(response.items()), "Expires": None, "cookies": cookies}


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (FORM_URL, {}),
        (SPANISH_URL, {}),
        (FORM_URL, {"topic": "kyphoplasty"}),
        (SPANISH_URL, {"topic": "kyphoplasty"}),
    ],
)
def test_the_kept_page_is_the_normal_page_but_for_its_tokens(client, place, url, query):
    make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    first = get(client, url, **query)  # draws and keeps the page
    second = kept(client, url, **query)
    normal = rendered_normally(client, url, **query)
    for response in (first, second):
        html = response.content.decode()
        csrf, started = tokens(response)
        expected = normal.content.decode().replace(tokens(normal)[0], csrf)
        assert html == expected.replace(tokens(normal)[1], started)
        assert headers(response) == headers(normal)
    assert "no-store" in normal["Cache-Control"]
    assert "private" in normal["Cache-Control"]
    assert "Cookie" in normal["Vary"]
    assert "csrftoken" in normal.cookies


def test_a_kept_get_makes_no_query(client, place, django_assert_num_queries):
    make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    page(client)
    page(client, topic="kyphoplasty")
    with django_assert_num_queries(0):
        kept(client)
    with django_assert_num_queries(1):  # the topic's published page
        kept(client, topic="kyphoplasty")


@pytest.mark.parametrize(
    "query", ["topic=no-such-page", "topic=kyphoplasty&utm_source=x", "utm_source=x"]
)
def test_other_query_strings_are_drawn_anew_and_not_kept(client, place, query):
    make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    with mock.patch.object(formcache, "blank_form_page") as keep:
        html = page(client, f"{FORM_URL}?{query}")
    keep.assert_not_called()  # so a stream of made-up addresses keeps nothing
    assert len(CSRF.findall(html)) == len(STARTED.findall(html)) == 1


def test_each_get_has_its_own_tokens_the_form_accepts_once(client, place):
    first, second = tokens(get(client)), tokens(kept(client))
    assert first[0] != second[0] and first[1] != second[1]
    slots = {formcache.CSRF_SLOT, formcache.STARTED_SLOT}
    assert not slots & {*first, *second}
    for _csrf, started in (first, second):
        response = client.post(FORM_URL, form_data(place, started=started))
        assert response.status_code == 302
    again = client.post(FORM_URL, form_data(place, started=first[1]))
    assert again.status_code != 302  # a token is good for one request only
    assert AppointmentRequest.objects.count() == 2


@pytest.mark.parametrize("url", [FORM_URL, SPANISH_URL])
def test_the_kept_pages_csrf_token_lets_the_form_be_sent(place, url):
    browser = Client(enforce_csrf_checks=True)
    get(browser, url)  # keeps the page
    csrf, started = tokens(kept(browser, url))
    refused = browser.post(url, form_data(place))
    assert refused.status_code == 403  # the check is on
    data = form_data(place, started=started, csrfmiddlewaretoken=csrf)
    sent = browser.post(url, data)
    assert sent.status_code == 302
    assert AppointmentRequest.objects.count() == 1


def test_a_publish_refreshes_the_kept_page(
    client, place, django_capture_on_commit_callbacks
):
    kept_before = page(client)
    assert "Hillside" not in kept_before
    assert "Laminectomy" not in kept_before
    with django_capture_on_commit_callbacks(execute=True):
        hillside = make_location(name="Hillside")
    with django_capture_on_commit_callbacks(execute=True):
        topic = make_page(title="Laminectomy", slug="laminectomy", kind="procedure")
    html = page(client)
    assert f'name="location" value="{hillside.pk}"' in html
    assert f'<option value="{topic.pk}">Laminectomy</option>' in html


def test_spanish_and_english_get_their_own_copies(client, place):
    english = page(client)  # the English copy is kept first
    spanish = page(client, SPANISH_URL)
    assert "Fecha de nacimiento" in spanish  # a question inside the kept page
    assert "Fecha de nacimiento" not in english
    assert "Date of birth" in kept(client).content.decode()
    assert "Fecha de nacimiento" in kept(client, SPANISH_URL).content.decode()


def test_a_topic_in_the_address_is_kept_apart(client, place):
    topic = make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")
    page(client)  # a blank form kept first
    html = page(client, topic="kyphoplasty")
    assert f'<option value="{topic.pk}" selected>Kyphoplasty</option>' in html
    assert f'<option value="{topic.pk}" selected>' not in kept(client).content.decode()
    again = kept(client, topic="kyphoplasty").content.decode()
    assert f'<option value="{topic.pk}" selected>Kyphoplasty</option>' in again


def test_a_form_sent_back_with_mistakes_is_drawn_from_what_was_typed(client, place):
    page(client)
    html = client.post(FORM_URL, form_data(place, first_name="")).content.decode()
    assert 'value="Quillfeather"' in html
    assert "There is a problem with your request" in html
    assert formcache.CSRF_SLOT not in html
    assert len(CSRF.findall(html)) == len(STARTED.findall(html)) == 1
