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
            help=(
                "Where new demo passwords and second-factor keys are written "
                "(readable by you only)."
            ),
        )

    def handle(self, *args, dry_run, accounts_file, verbosity, **options):
        def log(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(f"  {message}")

        with transaction.atomic():
            created, accounts = clinic.demo.load(log=log)
            created += education.demo.load(log=log)
            created += appointments.demo.load(log=log)
            if dry_run:
                transaction.set_rollback(True)

        verb = "Would create" if dry_run else "Created"
        self.stdout.write(self.style.SUCCESS(f"{verb} {created} demo objects."))
        if accounts and not dry_run:
            lines = self._describe(accounts)
            self._write_accounts(accounts_file, lines)
            self.stdout.write(
                "Demo accounts set up now (shown once; also kept in "
                f"{accounts_file}). Sign in with the password, then a code from an "
                "authenticator app given the key, or one of the backup codes (each "
                "works once):"
            )
            for line in lines:
                self.stdout.write(f"  {line}")

    @staticmethod
    def _describe(accounts: list[clinic.demo.DemoAccount]) -> list[str]:
        """One line per account (``username password``), then its second factor."""
        lines = []
        for account in accounts:
            lines += [
                f"{account.username} {account.password or '(password unchanged)'}",
                f"  app key: {account.app_key}",
                f"  app link: {account.app_uri}",
                f"  backup codes: {' '.join(account.backup_codes)}",
            ]
        return lines

    def _write_accounts(self, path: Path, lines: list[str]) -> None:
        path.touch(mode=0o600, exist_ok=True)
        with path.open("a") as handle:
            for line in lines:
                handle.write(f"{line}\n")
