"""The front desk's triage queue.

Everything the patient sent is read only. Staff change the status (through the
workflow service), the assignee and the priority, and add notes. Actions call the same
services as the change form. Opening a request is recorded in the audit log.
"""

from auditlog.signals import accessed
from django.contrib import admin, messages
from django.contrib.admin.views.main import ALL_VAR, ORDER_VAR, PAGE_VAR
from django.contrib.auth import get_user_model
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from phonenumber_field.phonenumber import to_python

from clinic import roles

from . import actions, services
from .audit import record_queue_view
from .columns import QueueChangeList, QueueColumns
from .filters import AssignedToMeFilter, StatusFilter, WaitingFilter
from .models import (
    PATIENT_SECTIONS,
    TRIAGE_ORDER,
    AppointmentRequest,
)
from .reports import reports_view
from .work import QUICK_STEPS, AppointmentRequestAdminForm, work_panel_context

Status = AppointmentRequest.Status
Priority = AppointmentRequest.Priority
CallOutcome = AppointmentRequest.CallOutcome
# Query-string parameters that leave the number of requests listed to the status
# filter alone: the status itself, the sort order, the page and "show all".
COUNT_KEEPING_PARAMETERS = frozenset(
    {StatusFilter.parameter_name, ORDER_VAR, PAGE_VAR, ALL_VAR}
)

# How the admin shows a patient's answer where the plain field would not do.
ANSWER_DISPLAY = {
    "phone": "phone_display",
    "patient_phone": "patient_phone_display",
    "topic": "topic_display",
    "imaging": "imaging_display",
    "warning_symptoms": "warning_symptoms_display",
}
# The patient's sections of the model's declaration, read only.
PATIENT_FIELDSETS = tuple(
    (
        _("%(section)s (as sent; read only)") % {"section": title},
        {"fields": tuple(ANSWER_DISPLAY.get(name, name) for name in names)},
    )
    for title, names in PATIENT_SECTIONS
)


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(QueueColumns, admin.ModelAdmin):
    form = AppointmentRequestAdminForm
    list_display = (
        "reference",
        "waited",
        "patient",
        "location",
        "topic_display",
        "priority_display",
        "status",
        "assigned_to",
        "call_count",
    )
    list_display_links = ("reference", "patient")
    list_filter = (
        StatusFilter,
        "priority",
        "location",
        "topic",
        AssignedToMeFilter,
        WaitingFilter,
    )
    list_select_related = ("location", "topic", "assigned_to")
    list_per_page = 50
    # "5 of 100,000 total" would count the whole table on every page view.
    show_full_result_count = False
    ordering = TRIAGE_ORDER
    search_fields = ("=reference", "first_name", "last_name", "email", "=phone")
    search_help_text = _(
        "Search by reference, first or last name, email, or phone number "
        "(typed any way, for example 202 555 0143)."
    )
    readonly_fields = (
        "reference",
        "received",
        *(name for _title, opts in PATIENT_FIELDSETS for name in opts["fields"]),
        "email_status",
        "first_contacted_at",
        "ended_at",
    )
    actions = (
        actions.assign_to_me,
        actions.mark_contacted,
        actions.mark_scheduled,
        actions.mark_closed,
        actions.mark_spam,
        actions.resend_emails,
        actions.export_csv,
    )
    fieldsets = (
        (
            _("Triage"),
            {"fields": ("reference", "received", "status", "priority", "assigned_to")},
        ),
        *PATIENT_FIELDSETS,
        (
            _("Emails and record"),
            {"fields": ("email_status", "first_contacted_at", "ended_at")},
        ),
    )

    # --- Permissions ----------------------------------------------------------------
    def has_add_permission(self, request):
        # Requests come from patients, through the public form, only.
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("appointments.export_appointmentrequest")

    # --- Queries ----------------------------------------------------------------------
    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("location", "topic", "assigned_to")
            .for_queue()
        )

    def get_changelist(self, request, **kwargs):
        return QueueChangeList

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        for spec in changelist.filter_specs:
            # Drop-downs above the queue instead of a column beside it.
            spec.template = "admin/appointments/appointmentrequest/queue_filter.html"
        return changelist

    def get_urls(self):
        reports = path(
            "reports/",
            self.admin_site.admin_view(reports_view),
            name="appointments_reports",
        )
        return [reports, *super().get_urls()]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            # Only people who work the queue can be given a request.
            kwargs["queryset"] = get_user_model().objects.filter(
                groups__name=roles.FRONT_DESK, is_active=True, is_staff=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses NUL characters outright; nobody means to search for one.
        search_term = search_term.replace("\x00", "")
        filtered = queryset
        queryset, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        # A phone number is stored as +12025550143 but typed any way: read it the
        # same way the form does and look for that too.
        term = search_term.strip()
        if sum(char.isdigit() for char in term) >= 7:
            phone = to_python(term)
            if phone and phone.is_valid():
                queryset |= filtered.filter(phone=phone)
        return queryset, may_have_duplicates

    def get_paginator(self, request, queryset, per_page, *args, **kwargs):
        paginator = super().get_paginator(request, queryset, per_page, *args, **kwargs)
        counts = getattr(request, "queue_status_counts", None)
        if counts is not None and set(request.GET) <= COUNT_KEEPING_PARAMETERS:
            # Only the status filter is on: the page count adds up the status counts
            # already read, instead of counting the table a second time.
            statuses = StatusFilter(
                request, dict(request.GET.lists()), self.model, self
            ).statuses()
            paginator.count = sum(counts[status] for status in statuses)
        return paginator

    def changelist_view(self, request, extra_context=None):
        counts = AppointmentRequest.objects.status_counts()
        request.queue_status_counts = counts
        base = reverse("admin:appointments_appointmentrequest_changelist")
        status_counts = [
            {
                "label": label,
                "count": counts[value],
                "url": f"{base}?{urlencode({'status': value})}",
                "status": value,
            }
            for value, label in Status.choices
        ]
        extra_context = {**(extra_context or {}), "status_counts": status_counts}
        response = super().changelist_view(request, extra_context=extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if request.method == "GET" and changelist is not None:
            record_queue_view(request, result_count=changelist.result_count)
        return response

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and request.method == "GET":
            # A staff member opened this request: the audit log keeps who and when.
            accessed.send(sender=AppointmentRequest, instance=obj)
        if obj is not None:
            context.update(work_panel_context(obj, user=request.user))
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            fieldsets = (*fieldsets, (_("Audit"), {"fields": ("audit_trail",)}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            readonly = (*readonly, "audit_trail")
        return readonly

    # --- Saving through the services -----------------------------------------------
    def save_model(self, request, obj, form, change):
        new_status = form.cleaned_data.get("status", obj.status)
        original = AppointmentRequest.objects.get(pk=obj.pk)
        services.appointment_request_update(
            request=original,
            by=request.user,
            data={
                name: form.cleaned_data[name]
                for name in services.STAFF_FIELDS
                if name in form.cleaned_data
            },
        )
        if new_status != original.status:
            services.appointment_request_transition(
                request=original, to_status=new_status, by=request.user
            )
        # Let the admin's own "changed" message and redirect see the saved state.
        obj.__dict__.update(
            {f.attname: getattr(original, f.attname) for f in obj._meta.concrete_fields}
        )

    def save_related(self, request, form, formsets, change):
        # After the staff fields: the note first, so a call logged with it reads
        # in order in the history.
        super().save_related(request, form, formsets, change)
        data, obj = form.cleaned_data, form.instance
        if data.get("note", "").strip():
            services.staff_note_create(
                request=obj, author=request.user, text=data["note"]
            )
        if data.get("call"):
            services.call_attempt_create(
                request=obj, by=request.user, outcome=data["call"]
            )
        if data.get("assign_me"):
            services.appointment_request_update(
                request=obj, by=request.user, data={"assigned_to": request.user}
            )
        if data.get("duplicate_of"):
            services.appointment_request_close_as_duplicate(
                request=obj, of=data["duplicate_of"], by=request.user
            )

    def response_change(self, request, obj):
        if any(request.POST.get(name) for name in QUICK_STEPS):
            # A work-panel button: stay on the request, with what it did in view.
            self.message_user(request, _("Saved."), messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
