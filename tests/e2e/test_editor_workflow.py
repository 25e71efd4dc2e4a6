"""An editor changes a step on a live page; patients keep the old step until a
medical reviewer, told by email, compares and publishes; restoring the old version
then makes a draft while the live page stays as published."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from education.models import PageDraft, Procedure
from tests.e2e.a11y import axe_violations, describe_violations
from tests.e2e.helpers import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_STEP = "You check in and a nurse helps you get ready. You lie face down."
# The kyphoplasty form renders some forty parts, each in two languages: on a busy
# machine that takes longer than the browser tests' usual 10 seconds.
SLOW_MS = 40_000


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_editor_changes_a_live_step_reviewer_publishes_then_restores_the_old_one(
    page, new_session, demo
):
    get_user_model().objects.filter(username="reviewer").update(
        email="reviewer@example.com"
    )
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    public_url = kyphoplasty.get_absolute_url()
    patient = new_session()
    patient.goto(public_url)
    old_step = patient.locator(".step__text").first.inner_text()
    assert NEW_STEP not in old_step

    page.set_default_timeout(SLOW_MS)
    sign_in(page, "editor", demo["editor"])
    page.goto(reverse("admin:education_procedure_change", args=[kyphoplasty.pk]))
    expect(page.get_by_text("Live.", exact=False).first).to_be_visible()
    assert_no_axe_violations(page)
    page.locator("#steps-0 summary").click()  # parts are folded under their titles
    page.locator('textarea[name^="steps-0-body"]').first.fill(NEW_STEP)
    mail.outbox.clear()
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    expect(page.get_by_text("Live with changes pending.")).to_be_visible()

    patient.goto(public_url)
    expect(patient.get_by_text(NEW_STEP)).to_have_count(0)
    expect(patient.locator(".step__text").first).to_contain_text(old_step[:40])

    assert [m.to for m in mail.outbox] == [["reviewer@example.com"]]
    review_link = next(
        line for line in mail.outbox[0].body.splitlines() if "/review/" in line
    )

    reviewer = new_session()
    reviewer.set_default_timeout(SLOW_MS)
    sign_in(reviewer, "reviewer", demo["reviewer"])
    reviewer.goto(urlsplit(review_link.strip()).path)  # SITE_URL is not this server
    expect(reviewer.locator("ins.edu-diff__added").first).to_be_visible()
    assert_no_axe_violations(reviewer)
    reviewer.get_by_role("button", name="Publish these changes").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Published")

    # Servers show it within half a second; the patient's browser may keep its copy
    # of the page for a minute (Cache-Control), so another visitor looks.
    reviewer.wait_for_timeout(600)
    patient = new_session()
    patient.goto(public_url)
    expect(patient.get_by_text(NEW_STEP)).to_be_visible()

    reviewer.goto(reverse("admin:education_procedure_history", args=[kyphoplasty.pk]))
    assert_no_axe_violations(reviewer)
    options = reviewer.locator("#id_a option")
    reviewer.locator("#id_a").select_option(index=options.count() - 1)
    reviewer.get_by_role("button", name="Compare").click()
    expect(reviewer.locator(".edu-diff__part--changed").first).to_be_visible()
    assert_no_axe_violations(reviewer)
    reviewer.goto(reverse("admin:education_procedure_history", args=[kyphoplasty.pk]))
    reviewer.locator("#change-history tbody tr").nth(1).locator("a").click()
    reviewer.get_by_role("button", name="Save", exact=True).first.click()
    expect(reviewer.locator(".messagelist")).to_contain_text("pending changes")

    assert PageDraft.objects.filter(page=kyphoplasty).exists()
    patient.goto(public_url)
    expect(patient.get_by_text(NEW_STEP)).to_be_visible()
