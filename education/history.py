"""Page history in the admin (django-reversion): who saved what, comparing any two
versions (the live page and its pending changes among them), and restoring an
earlier one. Restoring an old version of a live page makes it the draft.

Reversion restores a whole revision, so each page is saved in a revision of its own
(with its parts); a revision holding other pages too is never restored.
"""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version
from reversion.revisions import is_active, set_comment

from . import revisions, services
from .models import Page, PageDraft, PagePart
from .review import PageReviewAdmin, live_page

RESTORE_CLASH = _(
    "This version cannot be restored as it is: its address is now used by another "
    "page, or it links to a page deleted since. Change that first, or copy what you "
    "need from the history by hand."
)


def _slug_taken(version, page_id) -> bool:
    """Whether another page now has the address ``version`` had."""
    slug = version.field_dict.get("slug")
    return Page.objects.filter(slug=slug).exclude(pk=page_id).exists()


class PageHistoryAdmin(PageReviewAdmin):
    history_latest_first = True
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
        return live_page(match.kwargs.get("object_id")) is not None

    def log_change(self, request, object, message):
        """The history names what changed, read from the page before and after."""
        entry = super().log_change(request, object, message)
        changes = getattr(request, "education_changes", "")
        if changes and is_active():
            set_comment(changes)
        return entry

    # --- Comparison --------------------------------------------------------------

    def get_urls(self):
        return [self._page_path("compare", self.compare_view), *super().get_urls()]

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
            for _label, item in options.values()
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

    # --- Restoring ---------------------------------------------------------------

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(
            Version, pk=version_id, object_id=unquote(object_id)
        )
        live = live_page(object_id)
        if request.method == "POST" and live is not None:
            return self._restore_as_draft(request, live, version)
        if request.method != "POST":
            self._warn_if_shared(request, version)
            return super().revision_view(request, object_id, version_id, extra_context)
        page = self.get_object(request, unquote(object_id))
        if page is None:
            return redirect(self._url("changelist"))
        self._check_restore(request, version, current=page)
        if self._warn_if_shared(request, version):
            return redirect(self._url("changelist"))
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
            return redirect(self._url("changelist"))
        try:
            if _slug_taken(version, page.pk):
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
            return redirect(self._url("changelist"))
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
        if not _slug_taken(version, version.object_id):
            try:
                return view(request, *args)
            except IntegrityError:
                pass  # e.g. a related page deleted since; nothing was saved
        self.message_user(request, RESTORE_CLASH, messages.ERROR)
        return redirect(self._url("changelist"))
