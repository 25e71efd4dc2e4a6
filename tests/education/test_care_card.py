"""The urgent-care card on every procedure and condition page: the page's warning
signs with the clinic's number and 911, both tap-to-call."""

import pytest

from education.models import Page

from .conftest import make_page, make_part

pytestmark = pytest.mark.django_db


def card_of(html: str) -> str:
    start = html.index('<section class="care-card"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    ("kind", "anchor"),
    [
        (Page.Kind.PROCEDURE, "urgent-care"),
        (Page.Kind.CONDITION, "when-to-get-care"),
    ],
)
def test_the_warning_signs_section_is_the_care_card(
    client, clinic_settings, kind, anchor
):
    page = make_page(kind=kind, title="Kyphoplasty")
    make_part(
        page,
        "section",
        heading="When should I get urgent care?",
        anchor=anchor,
        body="- A fever of 100.4°F or higher.",
    )
    card = card_of(client.get(page.get_absolute_url()).content.decode())
    assert f'id="{anchor}"><span class="visually-hidden">Urgent advice: </span>' in card
    assert "A fever of 100.4°F or higher." in card
    assert 'Call our clinic: <a href="tel:5550142">555-0142</a>' in card
    assert '<a href="tel:911">911</a>' in card


def test_a_page_without_warning_signs_gets_a_short_card(client, clinic_settings):
    page = make_page(title="Kyphoplasty")
    make_part(page, "section", heading="What is it?", anchor="what-it-is")
    make_part(page, "section", heading="Recovery", anchor="recovery", order=20)
    html = client.get(page.get_absolute_url()).content.decode()
    card = card_of(html)
    assert 'id="urgent-advice"' in card
    assert "Call us right away if your pain gets much worse" in card
    assert '<a href="tel:911">911</a>' in card
    assert '<a href="#urgent-advice">When to get urgent care</a>' in html


def test_a_page_has_one_care_card(client, clinic_settings):
    page = make_page(title="Kyphoplasty")
    make_part(page, "section", heading="Get care", anchor="urgent-care")
    html = client.get(page.get_absolute_url()).content.decode()
    assert html.count('class="care-card"') == 1
