"""Fixtures shared by every test: a clean cache and one staff user per role."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from clinic import pagecache, roles
from clinic.models import ClinicSettings, Location


@pytest.fixture(autouse=True)
def _clear_cache():
    # The site context and public pages are cached (pages in this process's memory);
    # a rolled-back test must not leak into the next.
    cache.clear()
    pagecache.worker.forget()
    yield
    cache.clear()
    pagecache.worker.forget()


@pytest.fixture(autouse=True)
def _english():
    # A request to a Spanish address leaves Spanish active in the thread, and a page
    # made with ``title=...`` would then get it as its Spanish title: each test
    # starts in English, as a request to an English address does.
    translation.activate("en")
    yield
    translation.deactivate()


def make_staff(django_user_model, username: str, *group_names: str, **extra):
    user = django_user_model.objects.create_user(
        username=username, password="pw-" + username, is_staff=True, **extra
    )
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def frontdesk_user(django_user_model):
    return make_staff(django_user_model, "desk", roles.FRONT_DESK)


@pytest.fixture
def editor_user(django_user_model):
    return make_staff(django_user_model, "writer", roles.CONTENT_EDITORS)


@pytest.fixture
def reviewer_user(django_user_model):
    return make_staff(
        django_user_model, "doc", roles.CONTENT_EDITORS, roles.MEDICAL_REVIEWERS
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", password="pw-root", email="root@example.com"
    )


@pytest.fixture
def clinic_settings(db):
    return ClinicSettings.objects.create(
        name="Test Spine Clinic", main_phone="555-0142", after_hours_phone="555-0143"
    )


def make_location(**fields) -> Location:
    fields.setdefault("name", "Riverside")
    fields.setdefault("slug", fields["name"].lower().replace(" ", "-"))
    fields.setdefault("address", "1 River Road\nExample Town, EX 00009")
    fields.setdefault("phone", "555-0150")
    fields.setdefault("opening_hours", "Monday to Friday: 9am to 5pm")
    fields.setdefault("notification_email", f"{fields['slug']}@clinic.example")
    return Location.objects.create(**fields)


@pytest.fixture
def location(db):
    return make_location()
