"""A demo loaded before the site spoke Spanish gets the Spanish text on the next run,
page by page, only where nobody has edited the English or written any Spanish."""

import pytest
from reversion.models import Version

from education import demo
from education.demo_content import PAGES
from education.demo_content_es import PAGES_ES
from education.models import Page, Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_only(clinic_settings, django_capture_on_commit_callbacks):
    """The demo pages as an older loader made them: English only."""
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(log=lambda message: None, spanish={})
    assert not Page.objects.filter(title_es__gt="").exists()


def load_again(django_capture_on_commit_callbacks) -> list[str]:
    said = []
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(log=said.append)
    return said


def test_an_unedited_demo_page_gets_its_spanish_text(
    english_only, client, django_capture_on_commit_callbacks
):
    said = load_again(django_capture_on_commit_callbacks)

    page = Procedure.objects.get(slug="kyphoplasty")
    assert page.title_es == PAGES_ES["kyphoplasty"]["title"]
    assert page.spanish_complete
    assert len(said) == len(PAGES)
    html = client.get("/es/procedures/kyphoplasty/").content.decode()
    assert PAGES_ES["kyphoplasty"]["steps"][0]["title"] in html
    latest = Version.objects.get_for_object(page).first().revision
    assert latest.comment == "Spanish demo text added."


def test_an_edited_english_page_is_left_alone(
    english_only, django_capture_on_commit_callbacks
):
    part = Page.objects.get(slug="osteoporosis").parts.first()
    part.body_en += " An editor added this."
    part.save()

    load_again(django_capture_on_commit_callbacks)

    osteoporosis = Page.objects.get(slug="osteoporosis")
    assert not osteoporosis.title_es
    assert not osteoporosis.parts.filter(body_es__gt="").exists()
    assert Page.objects.get(slug="kyphoplasty").title_es


def test_a_page_with_some_spanish_already_is_left_alone(
    english_only, django_capture_on_commit_callbacks
):
    Page.objects.filter(slug="vertebroplasty").update(title_es="Mi vertebroplastia")

    load_again(django_capture_on_commit_callbacks)

    page = Page.objects.get(slug="vertebroplasty")
    assert page.title_es == "Mi vertebroplastia"
    assert not page.summary_es


def test_a_third_run_changes_nothing(english_only, django_capture_on_commit_callbacks):
    load_again(django_capture_on_commit_callbacks)
    revisions = Version.objects.count()

    assert load_again(django_capture_on_commit_callbacks) == []
    assert Version.objects.count() == revisions
