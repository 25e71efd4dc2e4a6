"""axe-core finds nothing on any screen a patient sees, body text is large, and the
form's error summary takes the focus.

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
)
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


def test_error_summary_takes_the_focus(page, demo):
    show_form_errors(page)
    expect(page.locator("#error-summary")).to_be_focused()
