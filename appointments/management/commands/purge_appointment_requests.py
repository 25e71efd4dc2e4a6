from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from appointments.models import (
    AppointmentRequest,
    StaffNote,
    StatusChange,
    SubmissionCounter,
)


class Command(BaseCommand):
    help = (
        "Delete appointment requests that ended (closed, declined, no response or "
        "spam) more than APPOINTMENT_RETENTION_DAYS ago, with their notes and status "
        "history. Open requests are never deleted. Also clears expired sessions "
        "(Django's clearsessions), which may still hold a patient's reference "
        "number. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted; clear no sessions.",
        )

    def handle(self, *args, dry_run, verbosity, **options):
        days = settings.APPOINTMENT_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        with transaction.atomic():
            expired = AppointmentRequest.objects.ended().filter(ended_at__lt=cutoff)
            counts = {
                "requests": expired.count(),
                "notes": StaffNote.objects.filter(request__in=expired).count(),
                "status changes": StatusChange.objects.filter(
                    request__in=expired
                ).count(),
            }
            if not dry_run:
                expired.delete()
                SubmissionCounter.objects.filter(
                    window_start__lt=timezone.now() - timedelta(days=1)
                ).delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts['requests']} appointment requests, {counts['notes']} "
            f"notes and {counts['status changes']} status changes that ended more "
            f"than {days} days ago."
        )
        if not dry_run:
            # A receipt left in a session that was never shown (the page was never
            # opened) goes with its expired session.
            try:
                call_command("clearsessions", verbosity=verbosity)
            except CommandError as error:  # a session engine that cannot do it
                self.stderr.write(str(error))
            else:
                self.stdout.write("Cleared expired sessions.")
