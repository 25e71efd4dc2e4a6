"""The front desk's triage queue.

Everything the patient sent is read only. Staff change the status (through the
workflow service), the assignee and the priority, and add notes. Actions call the same
services as the change form. Opening a request is recorded in the audit log.
"""

from datetime import timedelta

from auditlog.signals import accessed
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from phonenumber_field.phonenumber import to_python
from phonenumbers import region_code_for_number

from . import services
from .exports import csv_response
from .filters import AssignedToMeFilter, StatusFilter, WaitingFilter
from .models import (
    PATIENT_SECTIONS,
    TRIAGE_ORDER,
    AppointmentRequest,
    StaffNote,
    StatusChange,
)

Status = AppointmentRequest.Status

# How the admin shows a patient's answer where the plain field would not do.
ANSWER_DISPLAY = {
    "phone": "phone_display",
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


# --- Inlines ------------------------------------------------------------------------
class StaffNoteInline(admin.TabularInline):
    model = StaffNote
    fields = ("text", "author", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 1
    verbose_name_plural = _("staff notes (they cannot be changed once saved)")

    def get_queryset(self, request):
        # The request too: each row is labelled with the note's str().
        return super().get_queryset(request).select_related("author", "request")

    def has_change_permission(self, request, obj=None):
        # Notes are a record: once written they stay as written, even for admins.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ("from_status", "to_status", "changed_by", "changed_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- The change form ----------------------------------------------------------------
class AppointmentRequestAdminForm(forms.ModelForm):
    """Staff fields only. The status offers the moves the workflow allows."""

    class Meta:
        model = AppointmentRequest
        fields = ("status", "priority", "assigned_to")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        allowed = services.allowed_transitions(current)
        self.fields["status"].choices = [
            (value, label)
            for value, label in Status.choices
            if value == current or value in allowed
        ]
        self.fields["status"].help_text = _(
            "Only the next steps that make sense are offered."
        )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status != self.instance.status:
            services.check_transition(
                from_status=self.instance.status, to_status=status
            )
        return status


@admin.register(AppointmentRequest)
class AppointmentRequestAdmin(admin.ModelAdmin):
    form = AppointmentRequestAdminForm
    list_display = (
        "reference",
        "received",
        "patient_name",
        "location",
        "topic",
        "priority_display",
        "status",
        "assigned_to",
    )
    list_display_links = ("reference", "patient_name")
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
        "ended_at",
    )
    inlines = (StaffNoteInline, StatusChangeInline)
    actions = (
        "assign_to_me",
        "mark_contacted",
        "mark_scheduled",
        "mark_closed",
        "mark_spam",
        "resend_emails",
        "export_csv",
    )
    fieldsets = (
        (
            _("Triage"),
            {"fields": ("reference", "received", "status", "priority", "assigned_to")},
        ),
        *PATIENT_FIELDSETS,
        (_("Emails and record"), {"fields": ("email_status", "ended_at")}),
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
        )

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

    def changelist_view(self, request, extra_context=None):
        counts = AppointmentRequest.objects.status_counts()
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
        return super().changelist_view(request, extra_context=extra_context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and request.method == "GET":
            # A staff member opened this request: the audit log keeps who and when.
            accessed.send(sender=AppointmentRequest, instance=obj)
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

    def save_formset(self, request, form, formset, change):
        if formset.model is not StaffNote:
            return super().save_formset(request, form, formset, change)
        for note in formset.save(commit=False):
            if note.pk is None and note.text.strip():
                services.staff_note_create(
                    request=form.instance, author=request.user, text=note.text
                )
        return None

    # --- Columns --------------------------------------------------------------------
    @admin.display(description=_("received"), ordering="created_at")
    def received(self, obj):
        if obj.created_at is None:
            return "-"
        local = timezone.localtime(obj.created_at)
        if timezone.now() - obj.created_at < timedelta(minutes=1):
            age = _("just now")
        else:
            age = _("%(age)s ago") % {"age": timesince(obj.created_at, depth=1)}
        return format_html(
            '{}<br><span class="quiet">{}</span>',
            local.strftime("%b %-d, %-I:%M %p"),
            age,
        )

    @admin.display(description=_("patient name"), ordering="last_name")
    def patient_name(self, obj):
        return obj.patient_name

    @admin.display(description=_("priority"), ordering="priority")
    def priority_display(self, obj):
        label = obj.get_priority_display()
        if obj.is_urgent:
            return format_html("<strong>⚠ {}</strong>", label)
        return label

    @admin.display(description=_("phone"))
    def phone_display(self, obj):
        if not obj.phone:
            return "-"
        home = region_code_for_number(obj.phone) == settings.PHONENUMBER_DEFAULT_REGION
        shown = obj.phone.as_national if home else obj.phone.as_international
        return format_html('<a href="tel:{}">{}</a>', obj.phone.as_e164, shown)

    @admin.display(description=_("topic"))
    def topic_display(self, obj):
        return obj.topic_display or _("Not sure")

    @admin.display(description=_("imaging done"))
    def imaging_display(self, obj):
        return obj.answer("imaging") or _("Not answered")

    @admin.display(description=_("warning symptoms"))
    def warning_symptoms_display(self, obj):
        labels = obj.answer("warning_symptoms")
        return (
            format_html("<strong>{}</strong>", labels) if labels else _("None ticked")
        )

    @admin.display(description=_("emails"))
    def email_status(self, obj):
        parts = []
        if obj.email and obj.acknowledgement_refused:
            parts.append(
                _(
                    "No acknowledgement (the mail server refused the patient's "
                    "address; check it when you call)"
                )
            )
        elif obj.email:
            parts.append(
                _("Acknowledgement sent %(when)s")
                % {"when": _when(obj.patient_acknowledged_at)}
            )
        else:
            parts.append(_("No acknowledgement (no email address given)"))
        parts.append(
            _("Location notified %(when)s") % {"when": _when(obj.location_notified_at)}
        )
        if obj.email_attempts:
            parts.append(
                _("%(n)s failed attempt(s), last error: %(error)s")
                % {"n": obj.email_attempts, "error": obj.email_last_error or "-"}
            )
        return "; ".join(str(part) for part in parts)

    @admin.display(description=_("audit trail"))
    def audit_trail(self, obj):
        url = reverse("admin:auditlog_logentry_changelist")
        content_type = ContentType.objects.get_for_model(AppointmentRequest)
        query = urlencode({"resource_type": content_type.pk, "object_id": obj.pk})
        return format_html(
            '<a href="{}?{}">{}</a>', url, query, _("Who viewed and changed this")
        )

    # --- Actions --------------------------------------------------------------------
    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = 0
        for appointment in queryset:
            try:
                services.appointment_request_update(
                    request=appointment,
                    by=request.user,
                    data={"assigned_to": request.user},
                )
            except ValidationError as error:
                self.message_user(
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
            self.message_user(
                request,
                ngettext(
                    "%(n)d request is now assigned to you.",
                    "%(n)d requests are now assigned to you.",
                    count,
                )
                % {"n": count},
                messages.SUCCESS,
            )

    def _transition(self, request, queryset, to_status: str) -> None:
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
            self.message_user(
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
            self.message_user(
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
    def mark_contacted(self, request, queryset):
        self._transition(request, queryset, Status.CONTACTED)

    @admin.action(description=_("Mark scheduled"), permissions=["change"])
    def mark_scheduled(self, request, queryset):
        self._transition(request, queryset, Status.SCHEDULED)

    @admin.action(
        description=_("Close (visit booked and done)"), permissions=["change"]
    )
    def mark_closed(self, request, queryset):
        self._transition(request, queryset, Status.CLOSED)

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._transition(request, queryset, Status.SPAM)

    @admin.action(description=_("Send unsent emails again"), permissions=["change"])
    def resend_emails(self, request, queryset):
        # Ended requests get nothing: the task would skip them anyway.
        pending = list(queryset.open().emails_pending().values_list("pk", flat=True))
        for pk in pending:
            services.enqueue_emails(pk)
        self.message_user(
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
    def export_csv(self, request, queryset):
        return csv_response(queryset)


def _when(moment) -> str:
    if moment is None:
        return str(_("not yet"))
    return timezone.localtime(moment).strftime("%b %-d, %-I:%M %p")
