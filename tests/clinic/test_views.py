from unittest import mock

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import reverse

from clinic import views
from clinic.context_processors import site_context
from clinic.models import ClinicSettings, Location
from tests.conftest import make_location

pytestmark = pytest.mark.django_db


def test_home_page_shows_clinic_name_phone_and_request_button(client, clinic_settings):
    response = client.get(reverse("clinic:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Test Spine Clinic" in html
    assert 'href="tel:5550142"' in html
    assert reverse("appointments:request-create") in html


def test_every_page_has_skip_link_landmarks_and_emergency_line(client, clinic_settings):
    html = client.get(reverse("clinic:home")).content.decode()
    assert 'href="#main"' in html and 'id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html
    assert "If this is a medical emergency" in html and 'href="tel:911"' in html
    assert reverse("clinic:privacy") in html


def test_locations_page_lists_active_locations_only(client, clinic_settings):
    make_location(name="Riverside", phone="555-0161")
    make_location(name="Closed Place", active=False)
    html = client.get(reverse("clinic:locations")).content.decode()
    assert "Riverside" in html and "555-0161" in html
    assert "Closed Place" not in html


def test_editing_a_location_shows_at_once_despite_the_cache(
    client, clinic_settings, django_capture_on_commit_callbacks
):
    place = make_location(name="Riverside")
    client.get(reverse("clinic:locations"))
    place.name = "Riverbend"
    with django_capture_on_commit_callbacks(execute=True):
        place.save()
    assert "Riverbend" in client.get(reverse("clinic:locations")).content.decode()


def test_privacy_page_states_retention_period(client, settings, clinic_settings):
    settings.APPOINTMENT_RETENTION_DAYS = 365
    html = client.get(reverse("clinic:privacy")).content.decode()
    assert "365 days" in html
    assert "Who can see it" in html


def test_healthz_is_200_when_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_is_503_when_database_is_down(client):
    with mock.patch.object(
        views.connection, "cursor", side_effect=OperationalError("down")
    ):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503


def test_404_page_is_friendly_and_carries_phone(client, clinic_settings):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "555-0142" in response.content.decode()


def test_500_page_carries_phone(clinic_settings):
    response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "555-0142" in response.content.decode()


def test_500_page_renders_even_when_database_is_down():
    with mock.patch(
        "clinic.context_processors.site_context", side_effect=OperationalError
    ):
        response = views.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "555-0100" in response.content.decode()


def test_database_down_gives_503_page_with_phone(client, clinic_settings):
    with mock.patch(
        "clinic.views.HomeView.get_context_data", side_effect=OperationalError("x")
    ):
        response = client.get(reverse("clinic:home"))
    assert response.status_code == 503
    assert "555-0142" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_bulk_deleting_locations_clears_them_from_every_page(
    client, clinic_settings, django_capture_on_commit_callbacks
):
    make_location(name="Riverside")
    client.get(reverse("clinic:home"))
    with django_capture_on_commit_callbacks(execute=True):
        Location.objects.filter(name="Riverside").delete()
    assert "Riverside" not in client.get(reverse("clinic:home")).content.decode()


def test_site_context_is_forgotten_only_once_the_change_commits(
    client, clinic_settings, django_capture_on_commit_callbacks
):
    client.get(reverse("clinic:home"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        clinic_settings.main_phone = "555-0188"
        clinic_settings.save()
    assert "555-0188" not in client.get(reverse("clinic:home")).content.decode()
    for callback in callbacks:
        callback()
    assert "555-0188" in client.get(reverse("clinic:home")).content.decode()


def test_a_visit_that_read_the_clinic_before_a_change_cannot_bring_it_back(
    client, clinic_settings, monkeypatch, django_capture_on_commit_callbacks
):
    before = ClinicSettings.get_solo()

    def read_while_the_change_commits():
        with django_capture_on_commit_callbacks(execute=True):
            clinic_settings.main_phone = "555-0188"
            clinic_settings.save()
        return before  # what the slow visit read

    monkeypatch.setattr(ClinicSettings, "get_solo", read_while_the_change_commits)
    site_context()  # stores what it read, after the change committed
    monkeypatch.undo()
    assert "555-0188" in client.get(reverse("clinic:home")).content.decode()
