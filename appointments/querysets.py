"""Reads of appointment requests that views, the admin and commands reuse."""

from datetime import timedelta

from django.apps import apps
from django.db import models
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.utils import timezone

from .business_time import business_days_before
from .choices import Status

# The front desk's queue: urgent, high, normal (the priority number is the rank), and
# the oldest first within each. Backed by the appointments_triage_idx index.
TRIAGE_ORDER = ("priority", "created_at", "pk")
# How far apart two open requests may be to be the same person asking twice.
DUPLICATE_WINDOW = timedelta(days=30)


def _same_person() -> models.Q:
    """For a subquery: the same last name, or the same (given) phone or email."""
    outer = models.OuterRef
    return (
        models.Q(last_name__iexact=outer("last_name"))
        | (models.Q(phone=outer("phone")) & ~models.Q(phone=""))
        | (models.Q(email__iexact=outer("email")) & ~models.Q(email=""))
    )


class AppointmentRequestQuerySet(models.QuerySet):
    def triage_order(self):
        """Urgent first, then high, then normal; the oldest first within each."""
        return self.order_by(*TRIAGE_ORDER)

    def open(self):
        return self.exclude(status__in=Status.ends())

    def ended(self):
        return self.filter(status__in=Status.ends())

    def status_counts(self) -> dict[str, int]:
        """Number of requests per status, every status present (one query)."""
        counts = dict.fromkeys(Status.values, 0)
        # COUNT(*), not COUNT(id): PostgreSQL can count from the status index alone.
        rows = self.order_by().values_list("status").annotate(n=Count("*"))
        counts.update(dict(rows))
        return counts

    def waiting(self, *, now=None):
        """New requests nobody has acted on for more than one business day."""
        cutoff = business_days_before(now or timezone.now())
        return self.filter(status=Status.NEW, created_at__lt=cutoff)

    def for_queue(self):
        """With the calls made and whether an open twin exists, per row (subqueries,
        so a page of the queue costs the same whatever its size)."""
        calls = (
            apps.get_model("appointments", "CallAttempt")
            .objects.filter(request=models.OuterRef("pk"))
            .order_by()
            .values("request")
            .annotate(n=Count("pk"))
            .values("n")
        )
        twins = self.model.objects.open().filter(
            date_of_birth=models.OuterRef("date_of_birth"),
            created_at__gt=models.OuterRef("created_at") - DUPLICATE_WINDOW,
            created_at__lt=models.OuterRef("created_at") + DUPLICATE_WINDOW,
        )
        twins = twins.exclude(pk=models.OuterRef("pk")).filter(_same_person())
        return self.annotate(
            call_count=Coalesce(models.Subquery(calls), 0),
            has_twin=models.Exists(twins),
        )

    def possible_duplicates_of(self, request):
        """Open requests, within 30 days of ``request``, with the same date of birth
        and the same last name, phone or email."""
        same = models.Q(last_name__iexact=request.last_name)
        if request.phone:
            same |= models.Q(phone=request.phone)
        if request.email:
            same |= models.Q(email__iexact=request.email)
        return (
            self.open()
            .filter(
                same,
                date_of_birth=request.date_of_birth,
                created_at__gt=request.created_at - DUPLICATE_WINDOW,
                created_at__lt=request.created_at + DUPLICATE_WINDOW,
            )
            .exclude(pk=request.pk)
        )

    def emails_pending(self):
        """Requests with an email not yet sent (acknowledgement or notification).

        An acknowledgement whose address the mail server refused for good is not
        pending: sending it again cannot work.
        """
        return self.filter(
            models.Q(location_notified_at__isnull=True)
            | models.Q(patient_acknowledged_at__isnull=True)
            & ~models.Q(email="")
            & models.Q(acknowledgement_refused=False)
        )
