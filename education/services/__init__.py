"""Writes to education pages. The admin, the task worker and the demo loader call
these functions, so each rule (who may publish, when the next review is due, old
addresses kept, the text derived from what editors typed) is written once. Database
constraints on the models hold the invariants.

``pages.py`` saves a page, ``drafts.py`` keeps a live page's changes as a draft
through its review, and ``publishing.py`` publishes them, now or at a set time."""

from .drafts import (
    page_draft_record_edit,
    page_draft_session,
    page_restore_as_draft,
    page_send_back,
    page_submit_for_review,
)
from .pages import (
    can_publish,
    page_can_be_edited_by,
    page_keep_old_slug,
    page_save,
)
from .publishing import (
    page_cancel_schedule,
    page_publish,
    page_publish_changes,
    page_publish_scheduled,
    page_schedule_publish,
    page_unpublish,
)

__all__ = [
    "can_publish",
    "page_can_be_edited_by",
    "page_cancel_schedule",
    "page_draft_record_edit",
    "page_draft_session",
    "page_keep_old_slug",
    "page_publish",
    "page_publish_changes",
    "page_publish_scheduled",
    "page_restore_as_draft",
    "page_save",
    "page_schedule_publish",
    "page_send_back",
    "page_submit_for_review",
    "page_unpublish",
]
