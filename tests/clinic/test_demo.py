import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def read_accounts(path) -> dict[str, str]:
    """``username password`` lines; the second factor is on indented lines below."""
    lines = path.read_text().splitlines()
    return dict(line.split(" ", 1) for line in lines if not line.startswith(" "))


def test_demo_passwords_are_generated_saved_privately_and_work(tmp_path):
    run(tmp_path)
    accounts = read_accounts(tmp_path / "accounts.txt")
    assert set(accounts) == {"admin", "frontdesk", "editor", "reviewer"}
    assert len(set(accounts.values())) == 4
    assert (tmp_path / "accounts.txt").stat().st_mode & 0o077 == 0
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password(accounts["editor"])


def test_demo_accounts_get_a_working_app_and_backup_codes(tmp_path, capsys):
    run(tmp_path)
    text = (tmp_path / "accounts.txt").read_text()
    block = text.split("frontdesk ", 1)[1].split("\n  backup codes: ", 1)
    key = re.search(r"app key: (\w+)", block[0]).group(1)
    codes = block[1].splitlines()[0].split()
    user = get_user_model().objects.get(username="frontdesk")
    app = TOTPDevice.objects.get(user=user, confirmed=True)
    assert b32decode(key) == app.bin_key
    assert app.verify_token(TOTP(app.bin_key).token())
    assert len(codes) == 10
    assert StaticDevice.objects.get(user=user).verify_token(codes[0])
    assert "backup codes" in capsys.readouterr().out


def test_existing_demo_accounts_without_a_second_factor_are_enrolled(tmp_path):
    run(tmp_path)
    editor = get_user_model().objects.get(username="editor")
    TOTPDevice.objects.filter(user=editor).delete()
    run(tmp_path)
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1
    assert "editor (password unchanged)" in (tmp_path / "accounts.txt").read_text()


def test_running_the_loader_again_keeps_each_second_factor(tmp_path):
    run(tmp_path)
    keys = set(TOTPDevice.objects.values_list("key", flat=True))
    run(tmp_path)
    assert set(TOTPDevice.objects.values_list("key", flat=True)) == keys


def test_the_demo_clinic_speaks_spanish_at_its_spanish_addresses(tmp_path, client):
    run(tmp_path)
    home = client.get("/es/").content.decode()
    assert "cerca de usted" in home
    assert "close to home" not in home
    places = client.get("/es/locations/").content.decode()
    assert "Lunes a viernes" in places
    assert "Monday to Friday" not in places
    assert "Monday to Friday" in client.get("/locations/").content.decode()


def test_the_loader_adds_spanish_to_an_older_demo_but_not_over_an_edit(tmp_path):
    run(tmp_path)
    ClinicSettings.objects.update(tagline_es=None)
    Location.objects.filter(slug="harborview-downtown").update(opening_hours_es=None)
    Location.objects.filter(slug="harborview-northside").update(
        opening_hours_en="Mondays only", opening_hours_es=None
    )
    run(tmp_path)
    assert ClinicSettings.get_solo().tagline_es.startswith("Atención")
    downtown = Location.objects.get(slug="harborview-downtown")
    assert downtown.opening_hours_es.startswith("Lunes a viernes")
    assert Location.objects.get(slug="harborview-northside").opening_hours_es is None
