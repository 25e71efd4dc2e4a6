"""Scheduled publishing: a reviewer picks a time, the task worker publishes then."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend
from reversion.models import Version

from education import services, tasks
from education.models import Page, PageDraft, PagePart, Procedure

from .conftest import make_page
from .test_drafts import NEW_STEP, edit_step, url

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def queue(settings):
    """A queue that keeps tasks, with their time, as the database queue does."""
    settings.TASKS = DUMMY
    default_task_backend.clear()
    return default_task_backend


def later(hours=2):
    return timezone.localtime() + datetime.timedelta(hours=hours)


def as_field(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def schedule(client, page, when, **data):
    data = {"last_reviewed": "2026-04-02", "publish_at": as_field(when), **data}
    return client.post(url("review", page), {**data, "_schedule": "1"})


@pytest.fixture
def drafted(client, editor_user, reviewer_user, page):
    """A live page with a changed step, and the reviewer signed in."""
    client.force_login(editor_user)
    edit_step(client, page, _submit_review="1")
    client.force_login(reviewer_user)
    return page


def step_body(page) -> str:
    return PagePart.objects.get(page=page, type="step").body


def test_scheduling_queues_the_publication_for_the_chosen_time(
    client, queue, drafted, reviewer_user
):
    when = later()
    response = schedule(client, drafted, when)
    assert response.status_code == 302
    [result] = queue.results
    draft = PageDraft.objects.get(page=drafted)
    assert result.task.name == "publish_scheduled"
    assert result.task.run_after == draft.publish_at
    assert draft.publish_at == when.replace(second=0, microsecond=0)
    assert result.args[0] == drafted.pk
    assert datetime.datetime.fromisoformat(result.args[1]) == draft.publish_at
    assert draft.state == PageDraft.State.SCHEDULED
    assert draft.scheduled_by == reviewer_user
    assert draft.scheduled_last_reviewed == datetime.date(2026, 4, 2)
    assert step_body(drafted) != NEW_STEP  # patients still see the live page


def test_the_task_at_its_time_publishes_as_the_reviewer_would(
    client, queue, settings, drafted, reviewer_user, monkeypatch
):
    schedule(client, drafted, later())
    [queued] = queue.results
    calls = []
    publish = services.page_publish_changes
    monkeypatch.setattr(
        services.publishing,  # where the task's service finds it
        "page_publish_changes",
        lambda **kwargs: calls.append(kwargs) or publish(**kwargs),
    )
    settings.TASKS = IMMEDIATE  # the worker runs the queued task: at once here
    result = tasks.publish_scheduled.enqueue(*queued.args)
    assert result.return_value is True
    assert calls == [
        {
            "page": Page.objects.get(pk=drafted.pk),
            "by": reviewer_user,
            "last_reviewed": datetime.date(2026, 4, 2),
        }
    ]
    live = Page.objects.get(pk=drafted.pk)
    assert step_body(drafted) == NEW_STEP
    assert live.last_reviewed == datetime.date(2026, 4, 2)
    assert not PageDraft.objects.filter(page=drafted).exists()
    revision = Version.objects.get_for_object(Procedure.objects.get(pk=drafted.pk))
    revision = revision.first().revision
    assert revision.user == reviewer_user
    assert revision.comment.startswith("Published. ")
    assert "Changed step “Placing the needle”: text." in revision.comment


def test_the_list_and_the_form_say_when_the_page_is_scheduled(client, queue, drafted):
    when = later()
    schedule(client, drafted, when)
    changelist = reverse("admin:education_procedure_changelist")
    html = client.get(changelist).content.decode()
    assert "Live with changes pending · Scheduled for " in html
    found = client.get(changelist, {"changes": "scheduled"}).context["cl"]
    assert list(found.result_list) == [Procedure.objects.get(pk=drafted.pk)]
    form = client.get(url("change", drafted)).content.decode()
    assert "Scheduled to be published on" in form
    review = client.get(url("review", drafted)).content.decode()
    assert "Cancel the scheduled publishing" in review


def test_cancelled_the_queued_task_does_nothing(client, queue, settings, drafted):
    schedule(client, drafted, later())
    [queued] = queue.results
    response = client.post(url("review", drafted), {"_cancel_schedule": "1"})
    assert response.status_code == 302
    draft = PageDraft.objects.get(page=drafted)
    assert draft.state == PageDraft.State.IN_REVIEW and draft.publish_at is None
    settings.TASKS = IMMEDIATE
    assert tasks.publish_scheduled.enqueue(*queued.args).return_value is False
    assert step_body(drafted) != NEW_STEP
    assert PageDraft.objects.get(page=drafted).content  # still pending


def test_rescheduled_only_the_last_time_publishes(client, queue, settings, drafted):
    schedule(client, drafted, later(2))
    schedule(client, drafted, later(5))
    first, second = queue.results
    settings.TASKS = IMMEDIATE
    assert tasks.publish_scheduled.enqueue(*first.args).return_value is False
    assert step_body(drafted) != NEW_STEP
    assert tasks.publish_scheduled.enqueue(*second.args).return_value is True
    assert step_body(drafted) == NEW_STEP


def test_an_edit_after_scheduling_cancels_it(
    client, queue, settings, drafted, editor_user
):
    schedule(client, drafted, later())
    [queued] = queue.results
    client.force_login(editor_user)
    edit_step(client, drafted, body="Yet another wording of the step.")
    draft = PageDraft.objects.get(page=drafted)
    assert draft.state == PageDraft.State.EDITING and draft.publish_at is None
    settings.TASKS = IMMEDIATE
    assert tasks.publish_scheduled.enqueue(*queued.args).return_value is False
    assert step_body(drafted) not in (NEW_STEP, "Yet another wording of the step.")


def test_a_time_in_the_past_is_refused_next_to_the_field(client, queue, drafted):
    response = schedule(client, drafted, later(-1))
    assert response.status_code == 200
    assert "Pick a date and time in the future." in response.content.decode()
    assert queue.results == []
    assert PageDraft.objects.get(page=drafted).state == PageDraft.State.IN_REVIEW


def test_publish_now_with_a_time_filled_in_asks_which_was_meant(client, queue, drafted):
    data = {"last_reviewed": "2026-04-02", "publish_at": as_field(later())}
    response = client.post(url("review", drafted), {**data, "_publish": "1"})
    assert response.status_code == 200
    assert "You picked a time" in response.content.decode()
    assert step_body(drafted) != NEW_STEP


def test_what_would_stop_publishing_is_said_when_scheduling(
    client, queue, reviewer_user, clinic_settings
):
    page = make_page(title="Never reviewed", status=Page.Status.DRAFT)
    client.force_login(reviewer_user)
    response = schedule(client, page, later())
    assert response.status_code == 200
    assert "medically reviewed" in response.content.decode()
    assert queue.results == []
    assert not PageDraft.objects.filter(page=page, publish_at__isnull=False).exists()


def test_a_queue_that_runs_tasks_at_once_cannot_schedule(client, drafted):
    response = schedule(client, drafted, later())  # the tests' immediate backend
    assert response.status_code == 200
    assert "cannot publish later" in response.content.decode()
    assert PageDraft.objects.get(page=drafted).publish_at is None
    assert step_body(drafted) != NEW_STEP


def test_an_editor_cannot_schedule_or_cancel(client, queue, drafted, editor_user):
    client.force_login(editor_user)
    assert schedule(client, drafted, later()).status_code == 403
    response = client.post(url("review", drafted), {"_cancel_schedule": "1"})
    assert response.status_code == 403
    assert queue.results == []


def test_a_reviewer_who_lost_the_permission_publishes_nothing_at_the_time(
    client, queue, settings, drafted, reviewer_user
):
    schedule(client, drafted, later())
    [queued] = queue.results
    reviewer_user.groups.clear()
    settings.TASKS = IMMEDIATE
    assert tasks.publish_scheduled.enqueue(*queued.args).return_value is False
    draft = PageDraft.objects.get(page=drafted)
    assert draft.state == PageDraft.State.IN_REVIEW
    assert draft.review_comment.startswith("Scheduled publishing failed:")
    assert step_body(drafted) != NEW_STEP


def test_taking_the_page_off_the_site_cancels_its_schedule(
    client, queue, settings, drafted, reviewer_user
):
    schedule(client, drafted, later())
    [queued] = queue.results
    services.page_unpublish(page=drafted, by=reviewer_user)
    settings.TASKS = IMMEDIATE
    assert tasks.publish_scheduled.enqueue(*queued.args).return_value is False
    assert not Page.objects.get(pk=drafted.pk).is_published
