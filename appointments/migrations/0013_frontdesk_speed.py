"""Indexes for the front desk's reports on PostgreSQL.

A report scans every request that arrived in its date range three times (counts per
week, location and topic; the stored waits; the arrival of those still waiting).
Reading the requests' rows means reading every column of them; a covering index of
the arrival time holds the few columns a report reads (about a ninth of the table's
size at 100,000 requests), so PostgreSQL answers from it alone, and a partial index
holds the requests not yet contacted. SQLite, for development, keeps reading the
table: nothing is created there.
"""

from django.db import migrations

TABLE = "appointments_appointmentrequest"
INDEXES = {
    "appointments_report_idx": (
        f"ON {TABLE} (created_at) INCLUDE (location_id, topic_title, priority, "
        "status, first_contacted_at, first_contact_wait)"
    ),
    "appointments_uncontacted_idx": (
        f"ON {TABLE} (created_at) WHERE first_contacted_at IS NULL"
    ),
}


def on_postgresql(statement):
    """A migration step running ``statement(name, definition)`` for each index."""

    def step(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for name, definition in INDEXES.items():
                schema_editor.execute(statement(name, definition))

    return step


class Migration(migrations.Migration):
    dependencies = [("appointments", "0012_search_indexes")]

    operations = [
        migrations.RunPython(
            on_postgresql(lambda name, on: f"CREATE INDEX IF NOT EXISTS {name} {on}"),
            on_postgresql(lambda name, _on: f"DROP INDEX IF EXISTS {name}"),
        )
    ]
