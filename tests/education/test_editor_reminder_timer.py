"""The weekly medical review reminder is scheduled by a systemd timer whose service
runs the command that sends it."""

import configparser
import datetime
import shlex
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from .conftest import make_page

SYSTEMD = Path(settings.BASE_DIR) / "deploy" / "systemd"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(SYSTEMD / name)
    return parser


def test_the_timer_starts_the_reminder_weekly():
    timer = unit("clinic-review-reminders.timer")
    assert timer["Timer"]["OnCalendar"] == "Mon *-*-* 07:00:00"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    # A timer starts the service of its own name.
    assert (SYSTEMD / "clinic-review-reminders.service").exists()


@pytest.mark.django_db
def test_the_service_runs_the_command_that_emails_the_reviewers(
    reviewer_user, clinic_settings
):
    service = unit("clinic-review-reminders.service")["Service"]
    assert service["Type"] == "oneshot"
    assert service["EnvironmentFile"] == "/etc/clinic/clinic.env"
    program, manage, command = shlex.split(service["ExecStart"])
    assert program.endswith("/.venv/bin/python") and manage == "manage.py"
    reviewer_user.email = "doc@example.com"
    reviewer_user.save()
    make_page(next_review_due=datetime.date.today() - datetime.timedelta(days=1))
    call_command(command, verbosity=0)
    assert [message.to for message in mail.outbox] == [["doc@example.com"]]
