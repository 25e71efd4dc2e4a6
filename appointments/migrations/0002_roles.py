"""What each role may do with appointment requests.

The front desk works the queue: it views requests and changes the staff fields (status
through the workflow, assignee, priority), reads the status history, and adds notes it
can read but never edit or delete. Nobody in a role deletes a request: old requests go
through ``purge_appointment_requests``, a patient's deletion request through an
administrator. Exporting to CSV is a separate permission that no role holds; an
administrator grants it to a named person when needed. Content editors and medical
reviewers get nothing here.
"""

from django.db import migrations

from clinic import roles

GRANTS = {
    roles.FRONT_DESK: [
        "appointments.view_appointmentrequest",
        "appointments.change_appointmentrequest",
        "appointments.add_staffnote",
        "appointments.view_staffnote",
        "appointments.view_statuschange",
    ],
}


def forwards(apps, schema_editor):
    roles.grant(apps, GRANTS)


def backwards(apps, schema_editor):
    roles.revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("clinic", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
