"""Background jobs: the emails of a page's review, and scheduled publishing.

They run in the django-tasks worker (``manage.py db_worker``) in production and at once
in development and tests. They name the page and link to it in the admin, nothing
more: the content itself is read there, by someone signed in.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from clinic import roles

from .models import Page, PageDraft

# Reviews due within this many days are named in the reminder and the list filter.
DUE_SOON_DAYS = 30


def reviewers_emails() -> list[str]:
    users = get_user_model().objects.filter(
        is_active=True, groups__name=roles.MEDICAL_REVIEWERS
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def review_url(page: Page) -> str:
    return settings.SITE_URL + reverse(
        f"admin:education_{page.kind}_review", args=[page.pk]
    )


@task()
def send_review_requested(page_id: int) -> None:
    """Tell the medical reviewers a page awaits their review."""
    draft = PageDraft.objects.select_related("page", "submitted_by").filter(
        page_id=page_id, state=PageDraft.State.IN_REVIEW
    )
    draft = draft.first()
    recipients = reviewers_emails()
    if draft is None or not recipients:
        return
    page = draft.page
    who = draft.submitted_by.get_full_name() if draft.submitted_by else ""
    what = "Changes to the live page" if draft.content else "The draft page"
    EmailMessage(
        subject=f"Review requested: {page.title}",
        body=(
            f"{what} “{page.title}” await your review"
            f"{' (submitted by ' + who + ')' if who else ''}.\n\n"
            f"{draft.changes}\n\n"
            f"Compare, publish or send back:\n{review_url(page)}\n"
        ),
        to=recipients,
    ).send()


@task()
def send_sent_back(page_id: int) -> None:
    """Tell the editor who submitted the changes what the reviewer asked for."""
    draft = PageDraft.objects.select_related("page", "submitted_by", "edited_by")
    draft = draft.filter(page_id=page_id, state=PageDraft.State.SENT_BACK).first()
    if draft is None:
        return
    editor = draft.submitted_by or draft.edited_by
    if editor is None or not editor.email:
        return
    page = draft.page
    change_url = settings.SITE_URL + reverse(
        f"admin:education_{page.kind}_change", args=[page.pk]
    )
    EmailMessage(
        subject=f"Sent back for changes: {page.title}",
        body=(
            f"A medical reviewer sent your changes to “{page.title}” back:\n\n"
            f"{draft.review_comment}\n\nEdit the page:\n{change_url}\n"
        ),
        to=[editor.email],
    ).send()


@task()
def send_review_reminders() -> int:
    """Weekly: tell the reviewers which live pages are due for medical review in
    the next 30 days or overdue. Returns the number of pages named."""
    today = timezone.localdate()
    pages = list(
        Page.objects.published()
        .filter(next_review_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS))
        .order_by("next_review_due", "title")
    )
    recipients = reviewers_emails()
    if not pages or not recipients:
        return 0
    lines = []
    for page in pages:
        when = "overdue since" if page.next_review_due < today else "due on"
        url = settings.SITE_URL + reverse(
            f"admin:education_{page.kind}_change", args=[page.pk]
        )
        lines.append(f"- {page.title}: {when} {page.next_review_due}\n  {url}")
    EmailMessage(
        subject=f"Medical review due: {len(pages)} page(s)",
        body="These pages need a medical review:\n\n" + "\n".join(lines) + "\n",
        to=recipients,
    ).send()
    return len(pages)


@task()
def publish_scheduled(page_id: int, publish_at: str) -> bool:
    """Publish a page's changes at the time a reviewer scheduled (``publish_at``,
    ISO 8601): ``services.page_publish_scheduled``."""
    from . import services  # services enqueue these tasks

    return services.page_publish_scheduled(
        page_id=page_id, publish_at=datetime.datetime.fromisoformat(publish_at)
    )


def can_run_later() -> bool:
    """Whether the task queue keeps a task until a given time (the database queue
    does; the immediate backend of development and tests runs it at once)."""
    return publish_scheduled.get_backend().supports_defer


def enqueue_scheduled_publish(page_id: int, publish_at: datetime.datetime) -> None:
    publish_scheduled.using(run_after=publish_at).enqueue(
        page_id, publish_at.isoformat()
    )


def enqueue_review_requested(page_id: int) -> None:
    send_review_requested.enqueue(page_id)


def enqueue_sent_back(page_id: int) -> None:
    send_sent_back.enqueue(page_id)
