"""The queue's columns and the read-only displays of a request's page.

A mixin of ``AppointmentRequestAdmin``. The queue draws these 50 times a page, so
the dear parts are done once: the change link's address is reversed once a page
(``QueueChangeList``), choice labels come from a dict built once, and a phone
number's link is formatted once per number (``work.phone_link``).
"""

from datetime import timedelta
from functools import cache

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from .models import AppointmentRequest
from .work import has_phone, phone_link

Priority = AppointmentRequest.Priority
# Each priority's class name and symbol: marked by a symbol and words as well as
# colour (frontdesk.css tints the whole row from the class).
PRIORITY_MARKS = {
    priority: (
        priority.name.lower(),
        {Priority.URGENT: "⚠", Priority.HIGH: "▲"}.get(priority, ""),
    )
    for priority in Priority
}


class QueueChangeList(ChangeList):
    """Django's change list, with each row's link made from one reversed address
    (``reverse()`` twice a row, for the reference and the patient's links, took
    about a tenth of the queue's time)."""

    PK = "0"

    def url_for_result(self, result):
        template = getattr(self, "_change_url", None)
        if template is None:
            template = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                args=(self.PK,),
                current_app=self.model_admin.admin_site.name,
            ).rpartition(f"/{self.PK}/")
            self._change_url = template
        before, _pk, after = template
        return f"{before}/{quote(getattr(result, self.pk_attname))}/{after}"


@cache
def _labels(name: str) -> dict:
    return dict(AppointmentRequest._meta.get_field(name).flatchoices)


def choice_label(obj, name: str) -> str:
    """``obj.get_<name>_display()``, from a dict built once instead of a row."""
    value = getattr(obj, name)
    return force_str(_labels(name).get(value, value), strings_only=True)


class QueueColumns:
    def action_checkbox(self, obj):
        """Django's row checkbox, written out directly: rendering the form widget's
        template once a row took about a tenth of the queue's time in a profile."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" '
            'aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, obj):
        if obj.created_at is None:
            return "-"
        return date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT")

    @admin.display(description=_("priority"), ordering="priority")
    def priority_display(self, obj):
        name, symbol = PRIORITY_MARKS[obj.priority]
        return format_html(
            '<span class="priority priority--{}">{} {}</span>',
            name,
            symbol,
            choice_label(obj, "priority"),
        )

    @admin.display(description=_("phone"))
    def phone_display(self, obj):
        return phone_link(obj.phone)

    @admin.display(description=_("calls"))
    def call_count(self, obj):
        return obj.call_count

    @admin.display(description=_("waited"), ordering="created_at")
    def waited(self, obj):
        if obj.created_at is None:
            return "-"
        age = timesince(obj.created_at, depth=1)
        if timezone.now() - obj.created_at < timedelta(minutes=1):
            age = _("just now")
        overdue = ""
        if obj.is_overdue():
            overdue = format_html('<br><strong class="badge">{}</strong>', _("Overdue"))
        # The age is what matters in the queue; the date is on the request's page.
        return format_html(
            '<time datetime="{}">{}</time>{}',
            obj.created_at.isoformat(),
            age,
            overdue,
        )

    @admin.display(description=_("patient and phone"), ordering="last_name")
    def patient(self, obj):
        """Whom to call and when: the name, a caregiver to call instead, the phone
        and the best time, and a marker when an open twin request exists."""
        if has_phone(obj.phone):
            reach = format_html(
                '<span class="nowrap">{}</span> · {}',
                phone_link(obj.phone),
                choice_label(obj, "best_time").split(" (")[0],
            )
        else:
            reach = format_html("{} {}", _("No phone; email:"), obj.email)
        markers = [reach]
        if obj.for_someone_else:
            markers.append(
                format_html(
                    '<span class="marker">{}</span>',
                    _("Call %(name)s (%(relationship)s)")
                    % {
                        "name": obj.requester_name,
                        "relationship": obj.requester_relationship,
                    },
                )
            )
        if obj.preferred_language != obj.CallLanguage.ENGLISH or obj.interpreter_needed:
            # Only when it changes the call: "Spanish + interpreter".
            markers.append(
                format_html('<span class="marker">{}</span>', obj.language_summary())
            )
        if getattr(obj, "has_twin", False):
            markers.append(
                format_html(
                    '<span class="badge badge--twin">{}</span>',
                    _("Possible duplicate"),
                )
            )
        return format_html(
            "{}{}",
            obj.patient_name,
            format_html_join("", "<br>{}", ((m,) for m in markers)),
        )

    @admin.display(description=_("patient's own phone"))
    def patient_phone_display(self, obj):
        return phone_link(obj.patient_phone)

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


def _when(moment) -> str:
    if moment is None:
        return str(_("not yet"))
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
