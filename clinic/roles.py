"""Staff roles as Django groups, and the helpers data migrations use to grant them.

Each app's data migration names the permissions it grants, frozen in the migration, so
the history of who could do what is in version control. ``tests/clinic/test_roles.py``
holds the expected sets and fails if a role gains or loses a permission.
"""

FRONT_DESK = "Front desk"
CONTENT_EDITORS = "Content editors"
MEDICAL_REVIEWERS = "Medical reviewers"
# Sees the front desk's reports (aggregates, no patient data); a lead is usually in
# the Front desk group too.
FRONT_DESK_LEAD = "Front desk lead"
ROLES = (FRONT_DESK, CONTENT_EDITORS, MEDICAL_REVIEWERS, FRONT_DESK_LEAD)


def _ensure_permissions(apps, app_label: str) -> None:
    """Create the app's permissions now; Django would only do it after migrate ends."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = None


def _permissions(apps, codenames: list[str]):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for dotted in codenames:
        app_label, codename = dotted.split(".")
        found.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return found


def grant(apps, grants: dict[str, list[str]]) -> None:
    """Give each group (created if missing) the listed ``app_label.codename`` perms."""
    Group = apps.get_model("auth", "Group")
    for app_label in {d.split(".")[0] for perms in grants.values() for d in perms}:
        _ensure_permissions(apps, app_label)
    for group_name, codenames in grants.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, grants: dict[str, list[str]]) -> None:
    """Undo ``grant``: take the listed permissions away again."""
    Group = apps.get_model("auth", "Group")
    for group_name, codenames in grants.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, codenames))
