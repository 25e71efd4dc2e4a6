"""The page editor's form: folded into sections, parts reordered (by dragging,
the keyboard or, without JavaScript, their Order box), thumbnails, wide boxes."""

import re

import pytest
from django.urls import reverse

from education.models import Page, PageDraft, PagePart

from .conftest import admin_form_data, make_page, make_part

pytestmark = pytest.mark.django_db


def change_url(page):
    return reverse("admin:education_procedure_change", args=[page.pk])


def steps_in_order(page):
    return list(
        PagePart.objects.filter(page=page, type="step")
        .order_by("order", "pk")
        .values_list("heading", flat=True)
    )


@pytest.fixture
def draft_page(clinic_settings):
    page = make_page(title="Draft procedure", status=Page.Status.DRAFT)
    for order, heading in ((10, "First"), (20, "Second"), (30, "Third")):
        make_part(page, "step", heading=heading, order=order)
    return page


def test_parts_are_folded_under_their_titles(client, editor_user, page):
    client.force_login(editor_user)
    html = client.get(change_url(page)).content.decode()
    closed = re.findall(r'<details class="edu-part">\s*<summary', html)
    assert len(closed) == PagePart.objects.filter(page=page).count() + 4  # + new
    assert "Placing the needle</span>" in html
    # The page's other groups fold too (Django's collapse), its main fields do not.
    assert re.search(r"<details><summary>\s*<h2[^>]*>Medical review</h2>", html)
    assert not re.search(r"<details><summary>\s*<h2[^>]*>Title", html)


def test_a_part_with_an_error_is_open(client, editor_user, draft_page):
    client.force_login(editor_user)
    data = admin_form_data(client.get(change_url(draft_page)))
    data["steps-1-heading_en"] = ""
    response = client.post(change_url(draft_page), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="steps-1">\s*<details class="edu-part" open>', html)
    assert re.search(r'id="steps-0">\s*<details class="edu-part">', html)
    assert "needs a correction" in html


def test_without_javascript_the_order_box_reorders_the_steps(
    client, editor_user, draft_page
):
    client.force_login(editor_user)
    response = client.get(change_url(draft_page))
    html = response.content.decode()
    assert re.search(r'<input type="number" name="steps-0-order"[^>]*_reorder_', html)
    data = admin_form_data(response)
    data.update({"steps-0-order": "3", "steps-1-order": "1", "steps-2-order": "2"})
    assert client.post(change_url(draft_page), data).status_code == 302
    assert steps_in_order(draft_page) == ["Second", "Third", "First"]


def test_reordering_a_live_page_is_a_draft_that_says_so(client, editor_user, page):
    make_part(page, "step", heading="Filling the balloon", order=20)
    client.force_login(editor_user)
    data = admin_form_data(client.get(change_url(page)))
    data.update({"steps-0-order": "2", "steps-1-order": "1"})
    assert client.post(change_url(page), data).status_code == 302
    assert steps_in_order(page) == ["Placing the needle", "Filling the balloon"]
    changes = PageDraft.objects.get(page=page).changes
    assert "Changed step “Placing the needle”: position." in changes
    assert "Changed step “Filling the balloon”: position." in changes
    assert "section" not in changes  # steps moved among steps, nothing else


def test_a_new_part_without_an_order_goes_last(client, editor_user, draft_page):
    client.force_login(editor_user)
    data = admin_form_data(client.get(change_url(draft_page)))
    data.update(
        {
            "steps-TOTAL_FORMS": "4",
            "steps-3-order": "0",
            "steps-3-heading_en": "Fourth",
            "steps-3-body_en": "Then you rest.",
        }
    )
    assert client.post(change_url(draft_page), data).status_code == 302
    assert steps_in_order(draft_page) == ["First", "Second", "Third", "Fourth"]


def test_illustrations_show_as_thumbnails(client, editor_user, page):
    client.force_login(editor_user)
    html = client.get(change_url(page)).content.decode()
    url = PagePart.objects.get(page=page, type="step").illustration.url
    assert f'<img class="edu-part__thumb" src="{url}" alt=""' in html
    assert f'<img class="edu-thumb" src="{url}" alt=""' in html


def test_summary_and_alt_text_are_wide_boxes(client, editor_user, page):
    client.force_login(editor_user)
    html = client.get(change_url(page)).content.decode()
    assert re.search(r'<textarea name="summary[^"]*"[^>]*class="[^"]*edu-wide', html)
    assert re.search(
        r'<textarea name="steps-0-alt[^"]*"[^>]*class="[^"]*edu-wide', html
    )


def test_scripts_are_files_the_csp_allows(client, editor_user, page):
    client.force_login(editor_user)
    response = client.get(change_url(page))
    html = response.content.decode()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert '<script src="/static/js/editor.js" defer></script>' in html
    assert re.search(r'<script src="/static/adminsortable2/js/adminsortable2', html)
    scripts = re.findall(r"<script\b[^>]*>", html)
    inline = [tag for tag in scripts if "src=" not in tag and "json" not in tag]
    assert inline == []


def test_a_browsers_line_breaks_are_no_change(client, editor_user, page):
    # Browsers send a box's line breaks as \r\n; the text is stored with \n.
    make_part(page, "section", heading="Risks", body="One.\n\nTwo.", order=30)
    client.force_login(editor_user)
    data = admin_form_data(client.get(change_url(page)))
    for key, value in data.items():
        if isinstance(value, str) and "\n" in value:
            data[key] = value.replace("\n", "\r\n")
    data["summary_en"] = data["summary_en"] + "\r\nA new line."
    assert client.post(change_url(page), data).status_code == 302
    changes = PageDraft.objects.get(page=page).changes
    assert "summary" in changes
    assert "Risks" not in changes  # untouched, though its breaks came as \r\n
    assert "\r" not in str(PageDraft.objects.get(page=page).content)
