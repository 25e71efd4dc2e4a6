"""Bulk actions on the queue: tick requests, choose an action, press Go.

Each calls the same services as the request page, so the workflow's rules hold.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .exports import csv_response
from .models import AppointmentRequest

Status = AppointmentRequest.Status


@admin.action(description=_("Assign to me"), permissions=["change"])
def assign_to_me(modeladmin, request, queryset):
    count = 0
    for appointment in queryset:
        try:
            services.appointment_request_update(
                request=appointment,
                by=request.user,
                data={"assigned_to": request.user},
            )
        except ValidationError as error:
            modeladmin.message_user(
                request,
                _("%(reference)s was not changed: %(reason)s")
                % {
                    "reference": appointment.reference,
                    "reason": " ".join(error.messages),
                },
                messages.ERROR,
            )
        else:
            count += 1
    if count:
        modeladmin.message_user(
            request,
            ngettext(
                "%(n)d request is now assigned to you.",
                "%(n)d requests are now assigned to you.",
                count,
            )
            % {"n": count},
            messages.SUCCESS,
        )


def _transition(modeladmin, request, queryset, to_status: str) -> None:
    done, refused = [], []
    for appointment in queryset:
        try:
            services.appointment_request_transition(
                request=appointment, to_status=to_status, by=request.user
            )
        except services.TransitionNotAllowed:
            refused.append(appointment)
        else:
            done.append(appointment)
    label = Status(to_status).label
    if done:
        modeladmin.message_user(
            request,
            ngettext(
                "%(n)d request marked “%(status)s”.",
                "%(n)d requests marked “%(status)s”.",
                len(done),
            )
            % {"n": len(done), "status": label},
            messages.SUCCESS,
        )
    for appointment in refused:
        modeladmin.message_user(
            request,
            _(
                "%(reference)s was not changed: a request that is “%(from)s” "
                "cannot be marked “%(to)s”."
            )
            % {
                "reference": appointment.reference,
                "from": appointment.get_status_display(),
                "to": label,
            },
            messages.ERROR,
        )


@admin.action(description=_("Mark contacted"), permissions=["change"])
def mark_contacted(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Status.CONTACTED)


@admin.action(description=_("Mark scheduled"), permissions=["change"])
def mark_scheduled(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Status.SCHEDULED)


@admin.action(description=_("Close (visit booked and done)"), permissions=["change"])
def mark_closed(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Status.CLOSED)


@admin.action(description=_("Mark as spam"), permissions=["change"])
def mark_spam(modeladmin, request, queryset):
    _transition(modeladmin, request, queryset, Status.SPAM)


@admin.action(description=_("Send unsent emails again"), permissions=["change"])
def resend_emails(modeladmin, request, queryset):
    # Ended requests get nothing: the task would skip them anyway.
    pending = list(queryset.open().emails_pending().values_list("pk", flat=True))
    for pk in pending:
        services.enqueue_emails(pk)
    modeladmin.message_user(
        request,
        ngettext(
            "Emails queued again for %(n)d request.",
            "Emails queued again for %(n)d requests.",
            len(pending),
        )
        % {"n": len(pending)},
        messages.INFO,
    )


@admin.action(description=_("Export to CSV"), permissions=["export"])
def export_csv(modeladmin, request, queryset):
    return csv_response(queryset)
