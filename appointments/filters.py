"""The front desk's filters on the queue."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AppointmentRequest

Status = AppointmentRequest.Status


class StatusFilter(admin.SimpleListFilter):
    """Open requests by default; any single status, or everything, on request."""

    title = _("status")
    parameter_name = "status"
    OPEN, ALL = "open", "all"

    def lookups(self, request, model_admin):
        return [
            (self.OPEN, _("Open (not ended)")),
            *Status.choices,
            (self.ALL, _("All")),
        ]

    def value(self):
        return super().value() or self.OPEN

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.OPEN:
            return queryset.open()
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset

    def statuses(self) -> list[str]:
        """The statuses ``queryset`` lets through, to add up the status counts."""
        value = self.value()
        if value == self.OPEN:
            return [status for status in Status.values if status not in Status.ends()]
        if value in Status.values:
            return [value]
        return list(Status.values)

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }


class AssignedToMeFilter(admin.SimpleListFilter):
    title = _("assigned to")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("Me")), ("nobody", _("Nobody"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class WaitingFilter(admin.SimpleListFilter):
    title = _("waiting")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        return [("yes", _("New for more than one business day"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.waiting()
        return queryset
