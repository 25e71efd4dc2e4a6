"""Page history, drafts and review in the admin (django-reversion): who saved what,
comparing any two versions, restoring an earlier one, and a live page's edits kept as
its draft until a reviewer publishes them.

A live page's change form is opened inside ``services.page_draft_session``: the
database shows the page with its pending changes, the admin's own form and inlines
read and save them as for any page, and everything is undone on the way out except
the draft it stores. Restoring an old version of a live page makes it the draft.

Reversion restores a whole revision, so each page is saved in a revision of its own
(with its parts); a revision holding other pages too is never restored.
"""

from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import is_active, set_comment

from . import revisions, services
from .models import Page, PageDraft, PagePart
from .readability import SCALES, grade_label, page_grade, section_grades

RESTORE_CLASH = _(
    "This version cannot be restored as it is: its address is now used by another "
    "page, or it links to a page deleted since. Change that first, or copy what you "
    "need from the history by hand."
)


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
        cleaned = super().clean()
        publishing = "_send_back" not in self.data
        if (
            publishing
            and not cleaned.get("last_reviewed")
            and "last_reviewed" in cleaned
        ):
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


class PageHistoryAdmin(VersionAdmin):
    history_latest_first = True
    change_form_template = "admin/education/page_change_form.html"
    object_history_template = "admin/education/page_history.html"

    @contextmanager
    def create_revision(self, request):
        """VersionAdmin's revision around each of its views, but none around the
        list: its actions give each page a revision of its own, as reversion restores
        whole revisions and restoring one page must not roll back the others. None
        either for a draft: it is kept as the page's pending changes."""
        changelist = request.resolver_match.url_name.endswith("_changelist")
        if changelist or self._edits_a_live_page(request):
            yield
        else:
            with super().create_revision(request):
                yield

    @staticmethod
    def _edits_a_live_page(request) -> bool:
        if getattr(request, "education_draft", None) is not None:
            return True
        match = request.resolver_match
        if not match.url_name.endswith("_change"):
            return False
        object_id = unquote(match.kwargs.get("object_id", ""))
        if not object_id.isdigit():
            return False  # the admin answers it as a missing page
        return Page.objects.filter(pk=object_id, status=Page.Status.PUBLISHED).exists()

    def log_change(self, request, object, message):
        """The history names what changed, read from the page before and after."""
        entry = super().log_change(request, object, message)
        changes = getattr(request, "education_changes", "")
        if changes and is_active():
            set_comment(changes)
        return entry

    # --- A live page: edited as its draft ---------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        live = None
        drafting = getattr(request, "education_draft", None) is not None
        if object_id and unquote(object_id).isdigit() and not drafting:
            live = Page.objects.filter(
                pk=unquote(object_id), status=Page.Status.PUBLISHED
            ).first()
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
        try:
            services.page_submit_for_review(page=page, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("Submitted for review: the medical reviewers have been told."),
                messages.SUCCESS,
            )
        return redirect(self._url("change", page.pk))

    def _url(self, name: str, *args) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)

    # --- Review and comparison ---------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name=f"{name}_review",
            ),
            path(
                "<path:object_id>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{name}_compare",
            ),
            *super().get_urls(),
        ]

    def _page_or_404(self, request, object_id) -> Page:
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_or_change_permission(request, page):
            raise PermissionDenied
        return page

    def _snapshots(self, page) -> dict[str, tuple[str, dict | None]]:
        """Every version of the page that can be compared, by its key: the live
        page (or the draft page, if not live), its pending changes, and each saved
        revision, newest first."""
        found = {}
        current = revisions.snapshot(page.pk)
        draft = PageDraft.objects.filter(page=page).first()
        if page.is_published:
            found["live"] = (str(_("Live page, as patients see it")), current)
            if draft is not None and draft.content:
                found["draft"] = (str(_("Pending changes (draft)")), draft.content)
        else:
            found["draft"] = (str(_("Draft page (not live)")), current)
        versions = Version.objects.get_for_object(page).select_related(
            "revision", "revision__user"
        )
        for version in versions:
            when = timezone.localtime(version.revision.date_created)
            label = _("Saved %(when)s by %(who)s") % {
                "when": when.strftime("%Y-%m-%d %H:%M:%S"),
                "who": version.revision.user or _("the system"),
            }
            found[str(version.pk)] = (str(label), version)
        return found

    def history_view(self, request, object_id, extra_context=None):
        page = self._page_or_404(request, object_id)
        options = self._snapshots(page)
        versions = [
            (item, self._url("revision", page.pk, item.pk))
            for item in (v for _label, v in options.values())
            if isinstance(item, Version)
        ]
        context = {
            "page_versions": versions,
            "compare_choices": [(key, label) for key, (label, _v) in options.items()],
            "compare_url": self._url("compare", page.pk),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        page = self._page_or_404(request, object_id)
        options = self._snapshots(page)
        keys = list(options)
        default_a = "live" if "draft" in options and "live" in options else None
        default_a = default_a or (keys[1] if len(keys) > 1 else keys[0])
        a = request.GET.get("a") if request.GET.get("a") in options else default_a
        b = request.GET.get("b") if request.GET.get("b") in options else None
        b = b or ("draft" if "draft" in options else keys[0])
        old, new = (self._content(options[key][1]) for key in (a, b))
        page_changes, parts = revisions.compare(old, new)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": page,
            "title": _("Compare versions of %(page)s") % {"page": page},
            "choices": [(key, label) for key, (label, _x) in options.items()],
            "a": a,
            "b": b,
            "a_label": options[a][0],
            "b_label": options[b][0],
            "page_changes": page_changes,
            "parts": parts,
            "history_url": self._url("history", page.pk),
        }
        return TemplateResponse(request, "admin/education/page_compare.html", context)

    @staticmethod
    def _content(item):
        if item is None or isinstance(item, dict):
            return item
        return revisions.version_snapshot(item)

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
        try:
            services.page_cancel_schedule(page=page, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("Scheduled publishing cancelled: the changes await review again."),
                messages.SUCCESS,
            )
        return redirect(self._url("review", page.pk))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(
            Version, pk=version_id, object_id=unquote(object_id)
        )
        live = Page.objects.filter(
            pk=unquote(object_id), status=Page.Status.PUBLISHED
        ).first()
        if request.method == "POST" and live is not None:
            return self._restore_as_draft(request, live, version)
        if request.method != "POST":
            self._warn_if_shared(request, version)
            return super().revision_view(request, object_id, version_id, extra_context)
        page = self.get_object(request, unquote(object_id))
        if page is None:
            return redirect(self._changelist_url())
        self._check_restore(request, version, current=page)
        if self._warn_if_shared(request, version):
            return redirect(self._changelist_url())
        response = self._restore(
            request,
            version,
            super().revision_view,
            object_id,
            version_id,
            extra_context,
        )
        if response.status_code == 302 and page.published_at:
            restored = self.model.objects.get(pk=page.pk)
            services.page_keep_old_slug(page=restored, old_slug=page.slug)
        return response

    def _restore_as_draft(self, request, page, version):
        """An old version of a live page becomes its pending changes; the live
        page stays as published until a reviewer publishes them."""
        if not self.has_change_permission(request, page):
            raise PermissionDenied
        if self._warn_if_shared(request, version):
            return redirect(self._changelist_url())
        slug = version.field_dict.get("slug")
        clash = Page.objects.filter(slug=slug).exclude(pk=page.pk).exists()
        try:
            if clash:
                raise IntegrityError
            services.page_restore_as_draft(page=page, version=version, by=request.user)
        except IntegrityError:
            self.message_user(request, RESTORE_CLASH, messages.ERROR)
            return redirect(self._url("change", page.pk))
        self.message_user(
            request,
            _(
                "The old version is now this page's pending changes. Patients still "
                "see the live page until a medical reviewer publishes them."
            ),
            messages.SUCCESS,
        )
        return redirect(self._url("change", page.pk))

    def recover_view(self, request, version_id, extra_context=None):
        if request.method != "POST":
            return super().recover_view(request, version_id, extra_context)
        version = get_object_or_404(Version, pk=version_id)
        self._check_restore(request, version, current=None)
        if self._warn_if_shared(request, version):
            return redirect(self._changelist_url())
        return self._restore(
            request, version, super().recover_view, version_id, extra_context
        )

    def _check_restore(self, request, version, current):
        """Without the publish permission, only drafts are restored, as drafts."""
        if services.can_publish(request.user):
            return
        if version.field_dict.get("status") != Page.Status.DRAFT or (
            current is not None and current.is_published
        ):
            raise PermissionDenied

    def _warn_if_shared(self, request, version) -> bool:
        """Whether ``version`` was saved in one revision with anything but this page
        and its own parts (before each page got a revision of its own: an action on
        several pages, the demo loader). Reversion restores a whole revision, so
        restoring it would roll the other pages back too; say so instead."""
        page_id = str(version.object_id)
        for other in version.revision.version_set.select_related("content_type"):
            model = other.content_type.model_class()
            if model is not None and issubclass(model, Page):
                shared = str(other.object_id) != page_id
            elif model is not None and issubclass(model, PagePart):
                shared = str(other.field_dict.get("page_id")) != page_id
            else:
                shared = True
            if shared:
                self.message_user(
                    request,
                    _(
                        "This version was saved together with other pages, and "
                        "restoring it would change them too, so it cannot be "
                        "restored. Copy what you need from it by hand."
                    ),
                    messages.ERROR,
                )
                return True
        return False

    def _restore(self, request, version, view, *args):
        """Run reversion's view, turning a clash with today's data into a message."""
        slug = version.field_dict.get("slug")
        clash = Page.objects.filter(slug=slug).exclude(pk=version.object_id).exists()
        if not clash:
            try:
                return view(request, *args)
            except IntegrityError:
                pass  # e.g. a related page deleted since; nothing was saved
        self.message_user(request, RESTORE_CLASH, messages.ERROR)
        return redirect(self._changelist_url())

    def _changelist_url(self) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
