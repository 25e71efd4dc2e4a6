from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.services import enqueue_emails

# A request this young may still have its first send waiting in the queue.
GRACE = timedelta(minutes=15)


class Command(BaseCommand):
    help = (
        "Queue the emails again for every open appointment request whose "
        "acknowledgement or location notification has not gone out (after a failure, "
        "or older than 15 minutes). Ended requests (closed, declined, no response or "
        "spam) are skipped: the front desk has dealt with them, and a spam sender "
        "must not get an acknowledgement. An acknowledgement whose address the mail "
        "server refused for good is not tried again either. Safe to run again, even "
        "while a retry is queued: an email already sent is not sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the requests."
        )

    def handle(self, *args, dry_run, verbosity, **options):
        pending = (
            AppointmentRequest.objects.open()
            .emails_pending()
            .filter(Q(email_attempts__gt=0) | Q(created_at__lt=timezone.now() - GRACE))
        )
        ids = list(pending.order_by("pk").values_list("pk", flat=True))
        if not dry_run:
            for pk in ids:
                enqueue_emails(pk)
        verb = "Would queue" if dry_run else "Queued"
        self.stdout.write(f"{verb} emails again for {len(ids)} appointment requests.")
