"""Education factories and helpers: small functions with ``setdefault``."""

import datetime

import pytest
from django.utils import timezone
from django.utils.text import slugify

from education import services
from education.models import (
    Condition,
    Faq,
    Page,
    Procedure,
    Section,
    Step,
    TimelineEntry,
)

PROXIES = {Page.Kind.PROCEDURE: Procedure, Page.Kind.CONDITION: Condition}
PART_MODELS = {
    "section": Section,
    "step": Step,
    "faq": Faq,
    "timeline": TimelineEntry,
}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Uploaded and copied files go to a throwaway folder, never into the checkout.
    settings.MEDIA_ROOT = tmp_path / "media"


def make_page(**fields) -> Page:
    kind = fields.pop("kind", Page.Kind.PROCEDURE)
    fields.setdefault("title", "Kyphoplasty")
    fields.setdefault("slug", slugify(fields["title"]))
    fields.setdefault("summary", f"What {fields['title']} is and how it helps.")
    fields.setdefault("status", Page.Status.PUBLISHED)
    if fields["status"] == Page.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
        fields.setdefault("reviewed_by", "Dr. Ada Reviewer")
        fields.setdefault("reviewer_credentials", "MD, Spine")
        fields.setdefault("last_reviewed", datetime.date(2026, 3, 1))
    return PROXIES[kind].objects.create(**fields)


def new_part(part_type: str, **fields):
    """An unsaved part, for ``services.page_save``."""
    fields.setdefault("heading", f"A {part_type} heading")
    fields.setdefault("body", f"Some plain words about this {part_type}.")
    fields.setdefault("order", 10)
    return PART_MODELS[part_type](**fields)


def make_part(page: Page, part_type: str, **fields):
    """A part saved as editors' parts are, through the service."""
    part = new_part(part_type, **fields)
    services.page_save(page=page, by=None, parts=[part])
    return part


def make_full_page(**fields) -> Page:
    """A procedure with a section, an illustrated step, a question and a timeline."""
    page = make_page(
        glance_time="About an hour",
        glance_anesthesia="Sedation",
        glance_stay="Home the same day",
        glance_recovery="Light activity in a few days",
        **fields,
    )
    make_part(page, "section", heading="What is it?", anchor="what-it-is", order=10)
    make_part(
        page,
        "section",
        heading="How do I prepare?",
        anchor="prepare",
        order=20,
        show_after="steps",
    )
    make_part(
        page,
        "step",
        heading="Placing the needle",
        illustration="education/demo/needle.svg",
        alt="A needle going into the bone",
        illustration_width=400,
        illustration_height=300,
    )
    make_part(page, "faq", heading="Does it hurt?", body="You may feel pressure.")
    make_part(page, "timeline", heading="First week", body="Walk a little more.")
    return page


def admin_form_data(response) -> dict:
    """The POST data an admin change form would send back unchanged."""
    data = {}
    form = response.context["adminform"].form
    _add_form(data, form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for inline_form in formset.forms:
            if inline_form.instance.pk is None:
                continue  # the empty extra form: leave it out, as a browser would
            _add_form(data, inline_form)
        data[formset.management_form.add_prefix("TOTAL_FORMS")] = len(
            [f for f in formset.forms if f.instance.pk]
        )
    return data


def _add_form(data: dict, form) -> None:
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        elif hasattr(value, "name") and not isinstance(value, str):
            continue  # a file already stored: not sent again
        else:
            data[key] = str(value)


@pytest.fixture
def page(db, clinic_settings):
    return make_full_page()
