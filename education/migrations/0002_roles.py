"""What each role may do with the patient-education pages.

Content editors write: they add, change and view procedures and conditions and all
their parts, and delete drafts (the admin refuses to delete or change a published
page without the publish permission). They see the old addresses kept for renamed
pages. Medical reviewers are leads: everything an editor has, plus publishing
(which also lets them change and delete live pages) and managing old addresses, so
a reviewer-only account works on its own. The front desk gets nothing here.
"""

from django.db import migrations

from clinic import roles

PAGE_MODELS = ("procedure", "condition")
PART_MODELS = ("section", "step", "faq", "timelineentry")

EDITOR = [
    *(f"education.{action}_{model}" for model in PAGE_MODELS for action in ("add", "change", "delete", "view")),
    *(f"education.{action}_{model}" for model in PART_MODELS for action in ("add", "change", "delete", "view")),
    "education.view_pageredirect",
]
REVIEWER = [
    *EDITOR,
    "education.publish_page",
    "education.add_pageredirect",
    "education.change_pageredirect",
    "education.delete_pageredirect",
]
GRANTS = {roles.CONTENT_EDITORS: EDITOR, roles.MEDICAL_REVIEWERS: REVIEWER}


def forwards(apps, schema_editor):
    roles.grant(apps, GRANTS)


def backwards(apps, schema_editor):
    roles.revoke(apps, GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0001_initial"),
        ("clinic", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
