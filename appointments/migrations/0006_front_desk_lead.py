"""Call attempts for the front desk, and the Front desk lead role.

The front desk logs calls (it adds and views call attempts, never changes or deletes
them). The Front desk lead sees the reports: counts and response times, no patient
data. A lead who also works the queue is put in both groups.
"""

from django.db import migrations

from clinic import roles

GRANTS = {
    roles.FRONT_DESK: [
        "appointments.add_callattempt",
        "appointments.view_callattempt",
    ],
    roles.FRONT_DESK_LEAD: ["appointments.view_reports"],
}


def forwards(apps, schema_editor):
    roles.grant(apps, GRANTS)


def backwards(apps, schema_editor):
    roles.revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [("appointments", "0005_calls_and_duplicates")]

    operations = [migrations.RunPython(forwards, backwards)]
