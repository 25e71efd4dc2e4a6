"""axe-core finds nothing on any screen a patient sees, body text is large, targets
are big enough on a phone, and the form's error summary takes the focus.

The screens are the pages of ``pages.py`` plus the request form's error state and
the confirmation (``helpers.SCREENS``).
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.a11y import (
    MIN_BODY_FONT_PX,
    axe_violations,
    body_font_px,
    describe_violations,
    small_targets,
)
from tests.e2e.conftest import MOBILE
from tests.e2e.helpers import SCREENS, show_form_errors

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("screen", SCREENS)
def test_screen_has_no_axe_violations(screen, page, demo):
    SCREENS[screen](page)
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_body_text_is_at_least_18px_on_every_screen(page, demo):
    sizes = {}
    for screen, show in SCREENS.items():
        show(page)
        sizes[screen] = body_font_px(page)
    assert {k: v for k, v in sizes.items() if v < MIN_BODY_FONT_PX} == {}


@pytest.mark.parametrize("viewport", [MOBILE], ids=["phone"])
def test_targets_are_at_least_24px_on_a_phone_on_every_screen(page, demo):
    """WCAG 2.5.8, stricter than axe's target-size rule, which also passes a small
    target with room around it: here only a link inside a sentence may be smaller."""
    too_small = {}
    for screen, show in SCREENS.items():
        show(page)
        too_small[screen] = small_targets(page)
    assert {k: v for k, v in too_small.items() if v} == {}


def test_error_summary_takes_the_focus(page, demo):
    show_form_errors(page)
    expect(page.locator("#error-summary")).to_be_focused()
