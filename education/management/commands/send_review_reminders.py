from django.core.management.base import BaseCommand

from education.tasks import DUE_SOON_DAYS, send_review_reminders


class Command(BaseCommand):
    help = (
        f"Email the medical reviewers the live pages whose review is overdue or due "
        f"in the next {DUE_SOON_DAYS} days. Run weekly (the README has a systemd "
        "timer)."
    )

    def handle(self, *args, **options):
        count = send_review_reminders.call()
        if options["verbosity"]:
            self.stdout.write(f"{count} page(s) named in the reminder.")
