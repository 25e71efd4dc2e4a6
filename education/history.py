"""Page history in the admin (django-reversion): who saved what, and restoring an
earlier version, which is an edit like any other.

Reversion restores a whole revision, so each page is saved in a revision of its own
(with its parts); a revision holding other pages too is never restored.
"""

from contextlib import contextmanager

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import services
from .models import Page, PagePart


class PageHistoryAdmin(VersionAdmin):
    history_latest_first = True

    @contextmanager
    def create_revision(self, request):
        """VersionAdmin's revision around each of its views, but none around the
        list: its actions give each page a revision of its own, as reversion restores
        whole revisions and restoring one page must not roll back the others."""
        if request.resolver_match.url_name.endswith("_changelist"):
            yield
        else:
            with super().create_revision(request):
                yield

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(
            Version, pk=version_id, object_id=unquote(object_id)
        )
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
        self.message_user(
            request,
            _(
                "This version cannot be restored as it is: its address is now used "
                "by another page, or it links to a page deleted since. Change that "
                "first, or copy what you need from the history by hand."
            ),
            messages.ERROR,
        )
        return redirect(self._changelist_url())

    def _changelist_url(self) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
