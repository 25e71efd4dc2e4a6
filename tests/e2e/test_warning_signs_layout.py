"""The warning-signs question, as a patient sees it on every screen size.

It once shipped squeezed into a column a few words wide (Bootstrap's floated legend
beside a hidden alert) while axe and every other test were green. These tests
measure what a person sees: the question as wide as the form, nothing off the right
edge, the 911 advice right under the boxes once one is ticked.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import request_form_path, send_request

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (320, 390, 768, 1366)


def show_empty(page: Page) -> None:
    page.goto(request_form_path())


def show_ticked(page: Page) -> None:
    page.goto(request_form_path())
    page.get_by_label("Severe pain after a fall or injury").check()


def show_errors(page: Page) -> None:
    page.goto(request_form_path())
    send_request(page)
    expect(page.locator("#error-summary")).to_be_visible()


STATES = {"empty": show_empty, "ticked": show_ticked, "errors": show_errors}


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, f"{selector} is not on the screen"
    return found


def position_in_document(locator) -> tuple[float, float]:
    """Where an element sits on the page, whatever the scroll position."""
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return [r.left + window.scrollX, r.top + window.scrollY]; }"
    )


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def viewport(request):
    return {"width": request.param, "height": 800}


@pytest.mark.parametrize("state", STATES)
def test_warning_question_is_as_wide_as_the_form(state, page, demo, viewport):
    STATES[state](page)
    form = box(page, "#appointment-form")
    question = box(page, "#div_id_warning_symptoms legend")
    options = [
        page.locator(f"label[for=id_warning_symptoms_{i}]").bounding_box()
        for i in range(4)
    ]

    assert question["width"] >= form["width"] / 2, (question, form)
    assert all(option["width"] >= form["width"] / 2 for option in options), options
    for part in (question, *options):
        assert part["x"] + part["width"] <= viewport["width"], part


def test_ticked_box_stays_put_and_the_911_advice_shows_under_the_boxes(
    page, demo, viewport
):
    page.goto(request_form_path())
    first = page.get_by_label("New weakness or numbness in a leg")
    before = position_in_document(first)

    first.check()

    advice = page.locator("#emergency-alert")
    expect(advice).to_be_visible()
    assert position_in_document(first) == before
    last_option = box(page, "label[for=id_warning_symptoms_3]")
    shown = advice.bounding_box()
    assert shown["y"] >= last_option["y"] + last_option["height"]
    assert shown["x"] + shown["width"] <= viewport["width"]
    expect(advice.get_by_role("link", name="911")).to_have_attribute("href", "tel:911")
