import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from clinic import roles
from clinic.models import ClinicSettings, Location

pytestmark = pytest.mark.django_db


def run(tmp_path, *args):
    call_command("load_demo", *args, accounts_file=tmp_path / "accounts.txt")


def test_demo_creates_clinic_three_locations_and_one_account_per_role(tmp_path):
    run(tmp_path)
    assert ClinicSettings.objects.count() == 1
    assert Location.objects.active().count() >= 3
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert (
        User.objects.get(username="frontdesk")
        .groups.filter(name=roles.FRONT_DESK)
        .exists()
    )
    assert (
        User.objects.get(username="reviewer")
        .groups.filter(name=roles.MEDICAL_REVIEWERS)
        .exists()
    )


def test_demo_loader_is_idempotent(tmp_path, capsys):
    run(tmp_path)
    counts = (Location.objects.count(), get_user_model().objects.count())
    run(tmp_path)
    assert (Location.objects.count(), get_user_model().objects.count()) == counts
    assert "Created 0 demo objects" in capsys.readouterr().out


def test_demo_loader_keeps_edits_made_in_the_admin(tmp_path):
    run(tmp_path)
    Location.objects.filter(slug="harborview-downtown").update(phone="555-0999")
    run(tmp_path)
    assert Location.objects.get(slug="harborview-downtown").phone == "555-0999"


def test_dry_run_writes_nothing(tmp_path):
    run(tmp_path, "--dry-run")
    assert not Location.objects.exists()
    assert not get_user_model().objects.exists()
    assert not (tmp_path / "accounts.txt").exists()


def test_demo_passwords_are_generated_saved_privately_and_work(tmp_path):
    run(tmp_path)
    lines = (tmp_path / "accounts.txt").read_text().split("\n")
    accounts = dict(line.split(" ") for line in lines if line)
    assert set(accounts) == {"admin", "frontdesk", "editor", "reviewer"}
    assert len(set(accounts.values())) == 4
    assert (tmp_path / "accounts.txt").stat().st_mode & 0o077 == 0
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password(accounts["editor"])
