"""Drafts and review in the admin: a live page's edits kept as its draft until a
medical reviewer publishes them, schedules them or sends them back.

A live page's change form is opened inside ``services.page_draft_session``: the
database shows the page with its pending changes, the admin's own form and inlines
read and save them as for any page, and everything is undone on the way out except
the draft it stores. The page's history (``history.PageHistoryAdmin``) builds on this.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from . import revisions, services
from .models import Page, PageDraft
from .readability import SCALES, grade_label, page_grade, section_grades


class ReviewForm(forms.Form):
    """A reviewer's decision on a page's changes."""

    last_reviewed = forms.DateField(
        label=_("Medically reviewed on"),
        required=False,
        help_text=_(
            "Keep the date of the last medical review if these changes need no new "
            "one, or set today's date if you reviewed the content now. For example: "
            "2026-03-01."
        ),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    publish_at = forms.DateTimeField(
        label=_("Publish later, on"),
        required=False,
        help_text=_(
            "To publish at a set time instead of now: pick the date and the time, then "
            "“Schedule publishing”."
        ),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
    )
    comment = forms.CharField(
        label=_("Comment for the editor"),
        required=False,
        max_length=2000,
        help_text=_("Needed to send the changes back: say what to change."),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["last_reviewed"].initial = page.last_reviewed

    def clean(self):
        """A field missing from ``cleaned`` already has its own error."""
        cleaned = super().clean()
        publishing = "_send_back" not in self.data
        if publishing and "last_reviewed" in cleaned and not cleaned["last_reviewed"]:
            self.add_error(
                "last_reviewed",
                _("Confirm or renew the date of the medical review to publish."),
            )
        if "_publish" in self.data and cleaned.get("publish_at"):
            self.add_error(
                "publish_at",
                _(
                    "You picked a time: choose “Schedule publishing”, or clear the "
                    "time to publish now."
                ),
            )
        if "_schedule" in self.data and not cleaned.get("publish_at"):
            if "publish_at" in cleaned:
                self.add_error(
                    "publish_at", _("Pick the date and time to publish the changes.")
                )
        return cleaned


def live_page(object_id) -> Page | None:
    """The published page an admin address's ``object_id`` names, if any."""
    object_id = unquote(object_id or "")
    if not object_id.isdigit():
        return None  # the admin answers it as a missing page
    return Page.objects.filter(pk=object_id, status=Page.Status.PUBLISHED).first()


class PageReviewAdmin(VersionAdmin):
    change_form_template = "admin/education/page_change_form.html"

    # --- A live page: edited as its draft ---------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        drafting = getattr(request, "education_draft", None) is not None
        live = None if drafting else live_page(object_id)
        if live is None:
            return self._changeform(request, object_id, form_url, extra_context)
        with services.page_draft_session(page=live, by=request.user) as session:
            request.education_draft = session
            response = self._changeform(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # now, while the database shows the draft
        request.education_draft = None
        if session.content is not None and "_submit_review" in request.POST:
            return self._submit(request, live)
        if session.content is not None and "_review" in request.POST:
            return redirect(self._url("review", live.pk))
        return response

    def _changeform(self, request, object_id, form_url, extra_context):
        context = {**(extra_context or {})}
        if object_id and unquote(object_id).isdigit():
            context.update(self._state_context(request, object_id))
        response = super().changeform_view(request, object_id, form_url, context)
        drafting = getattr(request, "education_draft", None) is not None
        saved = request.method == "POST" and response.status_code == 302
        if saved and object_id and not drafting:  # a page that is not live
            page = Page.objects.get(pk=unquote(object_id))
            if "_submit_review" in request.POST:
                return self._submit(request, page)
            if "_review" in request.POST:
                return redirect(self._url("review", page.pk))
        return response

    def _state_context(self, request, object_id) -> dict:
        draft = PageDraft.objects.filter(page_id=unquote(object_id)).first()
        return {
            "page_draft": draft,
            "can_publish": services.can_publish(request.user),
            "review_url": self._url("review", unquote(object_id)),
        }

    def _submit(self, request, page):
        self._call(
            request,
            services.page_submit_for_review,
            _("Submitted for review: the medical reviewers have been told."),
            page=page,
        )
        return redirect(self._url("change", page.pk))

    def _call(self, request, service, success, **kwargs) -> None:
        """Run ``service`` as the user, telling them how it went."""
        try:
            service(by=request.user, **kwargs)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, success, messages.SUCCESS)

    def _url(self, name: str, *args) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)

    def _page_path(self, name: str, view):
        """``<object_id>/<name>/``, named as the admin names its own addresses."""
        opts = self.model._meta
        return path(
            f"<path:object_id>/{name}/",
            self.admin_site.admin_view(view),
            name=f"{opts.app_label}_{opts.model_name}_{name}",
        )

    def _page_or_404(self, request, object_id) -> Page:
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_or_change_permission(request, page):
            raise PermissionDenied
        return page

    # --- The review --------------------------------------------------------------

    def get_urls(self):
        return [self._page_path("review", self.review_view), *super().get_urls()]

    def review_view(self, request, object_id):
        """The pending changes beside the live page, their reading grades, and a
        reviewer's choice: publish (confirming or renewing the medical review
        date) or send back with a comment."""
        page = self._page_or_404(request, object_id)
        draft = PageDraft.objects.filter(page=page).first()
        can_publish = services.can_publish(request.user)
        form = ReviewForm(request.POST or None, page=page)
        if request.method == "POST":
            if not can_publish:
                raise PermissionDenied
            if "_cancel_schedule" in request.POST:
                return self._cancel_schedule(request, page)
            response = self._review_decision(request, page, form)
            if response is not None:
                return response
        live = revisions.snapshot(page.pk)
        new = draft.content if draft is not None and draft.content else live
        old = live if (page.is_published and new is not live) else None
        page_changes, parts = revisions.compare(old, new)
        objects = revisions.objects_for(page, new)
        grades = section_grades(objects.page, objects.parts)
        spanish = section_grades(objects.page, objects.parts, "es")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": page,
            "title": _("Review %(page)s") % {"page": page},
            "draft": draft,
            "form": form,
            "can_publish": can_publish,
            "page_changes": page_changes,
            "parts": parts,
            "grades": grades,
            "grade": grade_label(page_grade(grades)),
            "scale": SCALES["en"],
            "spanish": {
                "grade": grade_label(page_grade(spanish), "es"),
                "grades": spanish,
                "scale": SCALES["es"],
            },
            "preview_url": page.get_absolute_url() + "?draft=1",
            "compare_url": self._url("compare", page.pk),
            "change_url": self._url("change", page.pk),
        }
        return TemplateResponse(request, "admin/education/page_review.html", context)

    def _review_decision(self, request, page, form):
        if not form.is_valid():
            return None
        try:
            if "_send_back" in request.POST:
                services.page_send_back(
                    page=page, by=request.user, comment=form.cleaned_data["comment"]
                )
                message = _("Sent back: the editor has been told by email.")
            elif "_schedule" in request.POST:
                draft = services.page_schedule_publish(
                    page=page,
                    by=request.user,
                    publish_at=form.cleaned_data["publish_at"],
                    last_reviewed=form.cleaned_data["last_reviewed"],
                )
                message = _("Scheduled: the changes will be published on %(when)s.") % {
                    "when": date_format(localtime(draft.publish_at), "DATETIME_FORMAT")
                }
            else:
                services.page_publish_changes(
                    page=page,
                    by=request.user,
                    last_reviewed=form.cleaned_data["last_reviewed"],
                )
                message = _("Published: patients now see these changes.")
        except ValidationError as error:
            found = error.message_dict if hasattr(error, "error_dict") else {}
            for field, errors in (found or {None: error.messages}).items():
                for text in errors:
                    form.add_error(field if field in form.fields else None, text)
            return None
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self._url("change", page.pk))

    def _cancel_schedule(self, request, page):
        self._call(
            request,
            services.page_cancel_schedule,
            _("Scheduled publishing cancelled: the changes await review again."),
            page=page,
        )
        return redirect(self._url("review", page.pk))
