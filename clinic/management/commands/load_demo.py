from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

import appointments.demo
import clinic.demo
import education.demo


class Command(BaseCommand):
    help = (
        "Load the fictional demo clinic: settings, three locations, one account per "
        "role, education pages and a few appointment requests. Creates only what is "
        "missing, so running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created, then roll everything back.",
        )
        parser.add_argument(
            "--accounts-file",
            type=Path,
            default=Path(settings.BASE_DIR) / ".demo-accounts.txt",
            help="Where new demo passwords are written (readable by you only).",
        )

    def handle(self, *args, dry_run, accounts_file, verbosity, **options):
        def log(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(f"  {message}")

        with transaction.atomic():
            created, passwords = clinic.demo.load(log=log)
            created += education.demo.load(log=log)
            created += appointments.demo.load(log=log)
            if dry_run:
                transaction.set_rollback(True)

        verb = "Would create" if dry_run else "Created"
        self.stdout.write(self.style.SUCCESS(f"{verb} {created} demo objects."))
        if passwords and not dry_run:
            self._write_accounts(accounts_file, passwords)
            self.stdout.write(
                "New demo accounts (the passwords are shown once; they are also in "
                f"{accounts_file}):"
            )
            for username, password in passwords.items():
                self.stdout.write(f"  {username:<10} {password}")

    def _write_accounts(self, path: Path, passwords: dict[str, str]) -> None:
        path.touch(mode=0o600, exist_ok=True)
        with path.open("a") as handle:
            for username, password in passwords.items():
                handle.write(f"{username} {password}\n")
