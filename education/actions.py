"""Bulk actions on the list of pages: tick pages, choose an action, press Go. Each
calls the same service as the page's own screens, in a revision of its own."""

import reversion
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services


@admin.action(description=_("Publish the selected pages"), permissions=["publish"])
def publish_pages(modeladmin, request, queryset):
    _change_status(
        modeladmin,
        request,
        queryset,
        services.page_publish_changes,
        _("Published from the list."),
    )


@admin.action(
    description=_("Move the selected pages back to draft"), permissions=["publish"]
)
def unpublish_pages(modeladmin, request, queryset):
    _change_status(
        modeladmin,
        request,
        queryset,
        services.page_unpublish,
        _("Moved back to draft from the list."),
    )


def _change_status(modeladmin, request, queryset, service, comment):
    done = 0
    for page in queryset:
        try:
            with reversion.create_revision():  # one revision per page
                reversion.set_user(request.user)
                reversion.set_comment(comment)
                service(page=page, by=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{page}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            ngettext("%(count)d page changed.", "%(count)d pages changed.", done)
            % {"count": done},
            messages.SUCCESS,
        )
