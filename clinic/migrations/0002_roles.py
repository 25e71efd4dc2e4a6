"""Create the staff roles. Each app's own data migration grants its permissions."""

from django.db import migrations

from clinic import roles

GRANTS = {
    roles.FRONT_DESK: ["clinic.view_location"],
    roles.CONTENT_EDITORS: [],
    roles.MEDICAL_REVIEWERS: [],
}


def forwards(apps, schema_editor):
    roles.grant(apps, GRANTS)


def backwards(apps, schema_editor):
    roles.revoke(apps, GRANTS)
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
