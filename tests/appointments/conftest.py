"""Fixtures for the appointments tests."""

import pytest
from django.core import mail
from django.utils import timezone

from education.models import Page

from .factories import make_request


@pytest.fixture
def place(location, clinic_settings):
    """A location on a site whose clinic settings exist (phone numbers on pages)."""
    return location


@pytest.fixture
def appointment(place):
    return make_request(location=place)


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def published_page(db):
    return make_page(title="Kyphoplasty", slug="kyphoplasty", kind="procedure")


def make_page(**fields) -> Page:
    """A published education page, whichever "published" marker the model uses."""
    fields.setdefault("summary", "A short summary.")
    names = {field.name for field in Page._meta.get_fields()}
    for name, value in PUBLISHED.items():
        if name in names:
            fields.setdefault(name, value() if callable(value) else value)
    return Page.objects.create(**fields)


# The education app is built alongside this one; set whichever published markers
# (and review details a published page needs) its model has.
PUBLISHED = {
    "is_published": True,
    "status": "published",
    "published_at": timezone.now,
    "reviewed_by": "Dr. Test Reviewer",
    "last_reviewed": timezone.localdate,
}
