"""Every public page as a person sees it, at 320, 390, 768 and 1366 px: nothing
scrolls sideways, the phone header leaves room for the page, "On this page" stays
in reach on a long page, and the urgent-care card and the header search are there.

Screenshots of every page at every width land in .screens/ (git-ignored), for a
reviewer to open after a run.
"""

from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.e2e.pages import PUBLIC_PAGES

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (320, 390, 768, 1366)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SCREENS = Path(__file__).resolve().parents[2] / ".screens"
# The header may take at most this share of a phone's first screen.
MAX_PHONE_HEADER_SHARE = 0.25
KYPHOPLASTY = next(p for p in PUBLIC_PAGES if p.name == "procedure-detail").path


def document_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def screenshot(page: Page, name: str, width: int) -> None:
    SCREENS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENS / f"page-{name}-{width}.png"), full_page=True)


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def viewport(request):
    return {"width": request.param, "height": 800}


def path_in(public_page, language: str) -> str:
    with translation.override(language):
        return public_page.path  # the Spanish pages are under /es/


LANGUAGES = pytest.mark.parametrize("language", ["en", "es"])


@LANGUAGES
def test_no_public_page_is_wider_than_the_screen(page, demo, viewport, language):
    too_wide = {}
    for public_page in PUBLIC_PAGES:
        response = page.goto(path_in(public_page, language))
        assert response.status == 200, public_page.path
        name = public_page.name if language == "en" else f"{public_page.name}-es"
        screenshot(page, name, viewport["width"])
        if document_width(page) > viewport["width"]:
            too_wide[name] = document_width(page)
    assert too_wide == {}, f"wider than {viewport['width']} px: {too_wide}"


@LANGUAGES
@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_the_phone_header_takes_at_most_a_quarter_of_the_first_screen(
    page, demo, language
):
    for public_page in PUBLIC_PAGES:
        page.goto(path_in(public_page, language))
        header = page.locator(".site-header").bounding_box()
        share = header["height"] / PHONE["height"]
        assert share <= MAX_PHONE_HEADER_SHARE, (public_page.name, header["height"])


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop"])
def test_on_this_page_stays_on_screen_down_a_long_page(page, demo):
    page.goto(KYPHOPLASTY)
    page.get_by_role(
        "heading", name="Questions people often ask"
    ).scroll_into_view_if_needed()
    contents = page.get_by_role("navigation", name="On this page")
    box = contents.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"], box
    link = contents.get_by_role("link", name="What is kyphoplasty?")
    link.click()
    expect(page.locator("#what-it-is")).to_be_in_viewport()


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_the_urgent_care_card_gives_the_clinic_number_and_911(page, demo):
    for public_page in PUBLIC_PAGES:
        if public_page.url_name.endswith("-detail"):
            page.goto(public_page.path)
            card = page.locator(".care-card")
            expect(card).to_have_count(1)
            expect(card.locator('a[href^="tel:"]').first).to_be_visible()
            expect(card.locator('a[href="tel:911"]').last).to_be_visible()
            card_box = card.bounding_box()
            assert card_box["x"] + card_box["width"] <= PHONE["width"]


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_misspelling_typed_in_the_header_finds_the_page(page, demo):
    page.goto(KYPHOPLASTY)
    page.get_by_role("searchbox", name="Search our patient guides").fill("kyphoplsty")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_text("Did you mean")).to_be_visible()
    page.locator(".card-list").get_by_role("link", name="Kyphoplasty").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kyphoplasty")


# WCAG contrast of each visible search box's edge against white (1.4.11 asks 3:1).
SEARCH_BOX_EDGES = """() => {
  const lum = c => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  return [...document.querySelectorAll('input[type=search]')]
    .filter(e => e.offsetParent !== null)
    .map(e => ({id: e.id,
                ratio: 1.05 / (lum(getComputedStyle(e).borderTopColor) + 0.05)}));
}"""


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_search_boxes_stand_out_from_the_page(page, demo):
    faint = {}
    for public_page in PUBLIC_PAGES:
        page.goto(public_page.path)
        edges = page.evaluate(SEARCH_BOX_EDGES)
        assert edges, f"{public_page.name} has no search box"
        faint[public_page.name] = [e for e in edges if e["ratio"] < 3]
    assert {name: boxes for name, boxes in faint.items() if boxes} == {}
