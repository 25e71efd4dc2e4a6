"""The editors' screens as editors and reviewers see them: every screen fits 320 to
1366 px without sideways scrolling (the lists' columns too), passes axe and asks for
nothing that is missing; parts reorder with the keyboard; a scheduled publication
shows in the list and happens at its time."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from education import services, tasks
from education.models import PageDraft, PagePart, Procedure
from tests.e2e.a11y import axe_violations, describe_violations
from tests.e2e.helpers import sign_in, tab_to
from tests.e2e.test_editor_workflow import SLOW_MS

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (320, 390, 768, 1366)
SCREENS = Path(django_settings.BASE_DIR) / ".screens" / "editor"
NEW_STEP = "You lie on your front and a nurse helps you rest."
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def with_time(browser_page):
    """A browser page that waits up to SLOW_MS for the editor's screens."""
    browser_page.set_default_timeout(SLOW_MS)
    return browser_page


def check_screen(page, name: str, width: int, bad_responses: list) -> None:
    """No sideways scroll of the page or of the lists' table, no failed request,
    axe clean at the narrowest and widest; a full-page screenshot to look at."""
    page.wait_for_load_state("load")
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    results = page.locator("#changelist-form .results")
    if width >= 1366 and results.count():
        scroll, box = results.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert scroll <= box, f"{name}: the list's columns scroll inside their box"
    assert bad_responses == [], f"{name}: {bad_responses}"
    if width not in (320, 1366):
        return
    violations = axe_violations(page)
    assert not violations, f"{name} at {width}px: " + describe_violations(violations)


def draft_a_change(page_obj: Procedure, by) -> None:
    """The editor's change to the first step, kept as the live page's draft."""
    with services.page_draft_session(page=page_obj, by=by) as session:
        step = PagePart.objects.filter(page=page_obj, type="step").first()
        step.body = NEW_STEP
        session.save(page=Procedure.objects.get(pk=page_obj.pk), parts=[step])


def test_editor_screens_fit_every_width_for_editor_and_reviewer(
    page, new_session, demo, settings
):
    settings.TASKS = DUMMY  # a queue that keeps tasks, as production's does
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    editor = get_user_model().objects.get(username="editor")
    draft_a_change(kyphoplasty, editor)
    screens = {
        "list": reverse("admin:education_procedure_changelist"),
        "conditions": reverse("admin:education_condition_changelist"),
        "form": reverse("admin:education_procedure_change", args=[kyphoplasty.pk]),
        "compare": reverse("admin:education_procedure_compare", args=[kyphoplasty.pk]),
        "review": reverse("admin:education_procedure_review", args=[kyphoplasty.pk]),
    }
    for username, person in (("editor", page), ("reviewer", new_session())):
        with_time(person)
        bad = []
        person.on(
            "response",
            lambda r, bad=bad: (
                r.status >= 400
                and not r.url.endswith("/favicon.ico")
                and bad.append(f"{r.status} {r.url}")
            ),
        )
        sign_in(person, username, demo[username])
        for width in WIDTHS:
            person.set_viewport_size({"width": width, "height": 900})
            for name, url in screens.items():
                person.goto(url)
                check_screen(person, f"{username}-{name}", width, bad)
        if username == "reviewer":
            person.goto(screens["review"])
            when = timezone.localtime() + datetime.timedelta(days=1)
            person.get_by_label("Publish later, on").fill(
                when.strftime("%Y-%m-%dT09:00")
            )
            person.get_by_role("button", name="Schedule publishing").click()
            expect(person.locator(".messagelist")).to_contain_text("Scheduled")
            for width in WIDTHS:
                person.set_viewport_size({"width": width, "height": 900})
                for name in ("list", "review"):
                    person.goto(screens[name])
                    check_screen(person, f"reviewer-scheduled-{name}", width, bad)
            person.goto(screens["list"])
            expect(person.locator("#result_list")).to_contain_text("Scheduled for")


def test_reviewer_schedules_and_the_page_changes_at_that_time(
    page, new_session, demo, settings
):
    settings.TASKS = DUMMY
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    draft_a_change(kyphoplasty, get_user_model().objects.get(username="editor"))
    with_time(page)
    sign_in(page, "reviewer", demo["reviewer"])
    page.goto(reverse("admin:education_procedure_review", args=[kyphoplasty.pk]))
    when = timezone.localtime() + datetime.timedelta(hours=3)
    page.get_by_label("Publish later, on").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Schedule publishing").click()
    expect(page.locator(".edu-state")).to_contain_text("Scheduled to be published on")

    patient = new_session()
    patient.goto(kyphoplasty.get_absolute_url())
    expect(patient.get_by_text(NEW_STEP)).to_have_count(0)

    draft = PageDraft.objects.get(page=kyphoplasty)
    assert timezone.localtime(draft.publish_at).strftime("%H:%M") == when.strftime(
        "%H:%M"
    )
    # The worker, at that time, runs the queued task:
    assert tasks.publish_scheduled.call(kyphoplasty.pk, draft.publish_at.isoformat())
    # Every server shows it within half a second; a browser that had the page keeps
    # its copy for a minute, so a new visitor looks.
    page.wait_for_timeout(600)
    visitor = new_session()
    visitor.goto(kyphoplasty.get_absolute_url())
    expect(visitor.get_by_text(NEW_STEP)).to_be_visible()
    page.goto(reverse("admin:education_procedure_changelist"))
    expect(page.locator("#result_list")).not_to_contain_text("Scheduled for")


def test_an_editor_reorders_steps_with_the_keyboard(page, demo):
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    first, second = PagePart.objects.filter(page=kyphoplasty, type="step")[:2]
    with_time(page)
    sign_in(page, "editor", demo["editor"])
    page.goto(reverse("admin:education_procedure_change", args=[kyphoplasty.pk]))
    move_down = page.get_by_role("button", name=f"Move down: {first.heading}")
    tab_to(page, move_down)
    page.keyboard.press("Enter")
    expect(page.locator("#steps-group [role=status]")).to_have_text(
        f"“{first.heading}” moved to position 2 of "
        f"{PagePart.objects.filter(page=kyphoplasty, type='step').count()}."
    )
    expect(move_down).to_be_focused()
    titles = page.locator("#steps-group .inline-related.has_original .inline_label")
    expect(titles.nth(0)).to_have_text(second.heading)
    expect(titles.nth(1)).to_have_text(first.heading)
    # The Order boxes are hidden once the buttons are there.
    expect(page.locator('input[name="steps-0-order"]')).to_be_hidden()
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_be_visible()
    draft = PageDraft.objects.get(page=kyphoplasty)
    assert f"Changed step “{first.heading}”: position." in draft.changes
    steps = [
        p["fields"]["heading"]
        if "heading" in p["fields"]
        else p["fields"]["heading_en"]
        for p in sorted(
            (p for p in draft.content["parts"] if p["fields"]["type"] == "step"),
            key=lambda p: p["fields"]["order"],
        )
    ]
    assert steps[:2] == [second.heading, first.heading]
