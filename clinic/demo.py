"""Demo data for the fictional Harborview Spine Center: settings, locations, accounts.

Everything here only creates what is missing and never overwrites an edit, so running
the loader twice changes nothing.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from . import roles, two_factor
from .models import ClinicSettings, Location

LOCATIONS = [
    {
        "slug": "harborview-downtown",
        "name": "Downtown",
        "address": "120 Harbor Street, Suite 300\nPort Example, EX 00001",
        "phone": "555-0101",
        "opening_hours_en": "Monday to Friday: 8am to 5pm\nSaturday and Sunday: closed",
        "opening_hours_es": (
            "Lunes a viernes: 8 a. m. a 5 p. m.\nSábado y domingo: cerrado"
        ),
        "notification_email": "downtown@harborview.example",
        "order": 1,
    },
    {
        "slug": "harborview-northside",
        "name": "Northside",
        "address": "45 Maple Avenue\nNorth Example, EX 00002",
        "phone": "555-0102",
        "opening_hours_en": "Monday to Thursday: 8am to 4:30pm\nFriday: 8am to noon",
        "opening_hours_es": (
            "Lunes a jueves: 8 a. m. a 4:30 p. m.\nViernes: 8 a. m. a 12 del mediodía"
        ),
        "notification_email": "northside@harborview.example",
        "order": 2,
    },
    {
        "slug": "harborview-lakeshore",
        "name": "Lakeshore",
        "address": "9 Lakeshore Drive, Building B\nLake Example, EX 00003",
        "phone": "555-0103",
        "opening_hours_en": "Tuesday and Thursday: 9am to 5pm",
        "opening_hours_es": "Martes y jueves: 9 a. m. a 5 p. m.",
        "notification_email": "lakeshore@harborview.example",
        "order": 3,
    },
]

TAGLINE = {
    "tagline_en": "Care for spine fractures and back pain, close to home.",
    "tagline_es": (
        "Atención para fracturas de la columna y dolor de espalda, cerca de usted."
    ),
}

# username -> (groups, superuser)
ACCOUNTS = {
    "admin": ((), True),
    "frontdesk": ((roles.FRONT_DESK,), False),
    "editor": ((roles.CONTENT_EDITORS,), False),
    "reviewer": ((roles.CONTENT_EDITORS, roles.MEDICAL_REVIEWERS), False),
}


@dataclass
class DemoAccount:
    """What a person needs to sign in as a demo account created or enrolled now."""

    username: str
    password: str | None  # None: the account existed, its password is unchanged
    app_uri: str  # otpauth:// address for an authenticator app (holds the secret)
    backup_codes: list[str]

    @property
    def app_key(self) -> str:
        return parse_qs(urlsplit(self.app_uri).query)["secret"][0]


def load(*, log: Callable[[str], None]) -> tuple[int, list[DemoAccount]]:
    """Create the clinic, its locations and the demo accounts where missing, and give
    each demo account without a second factor an enrolled app and backup codes.

    Returns the number of objects created and the accounts created or enrolled now.
    """
    created = 0
    settings_obj, made = ClinicSettings.objects.get_or_create(
        pk=ClinicSettings.singleton_instance_id,
        defaults={"after_hours_phone": "555-0199", **TAGLINE},
    )
    if made:
        created += 1
        log(f"Created clinic settings for {settings_obj.name}.")
    else:
        _add_spanish(settings_obj, TAGLINE)
    for fields in LOCATIONS:
        location, made = Location.objects.get_or_create(
            slug=fields["slug"], defaults=fields
        )
        if made:
            created += 1
            log(f"Created location {location.name}.")
        else:
            _add_spanish(location, fields)

    accounts = []
    User = get_user_model()
    for username, (group_names, superuser) in ACCOUNTS.items():
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                email=f"{username}@harborview.example",
                password=password,
                is_staff=True,
                is_superuser=superuser,
            )
            user.groups.set(Group.objects.filter(name__in=group_names))
            created += 1
            log(f"Created account {username}.")
        if two_factor.has_app(user):
            continue
        app_uri, codes = two_factor.demo_enrol(user=user)
        log(f"Set up the second factor of {username}.")
        accounts.append(DemoAccount(username, password, app_uri, codes))
    return created, accounts


def _add_spanish(obj, demo: dict) -> None:
    """Give a demo object made before the site spoke Spanish its Spanish words, where
    its English is still the demo's own (an edited one is left alone)."""
    changed = [
        name
        for name in demo
        if name.endswith("_es")
        and not getattr(obj, name)
        and getattr(obj, name[:-3] + "_en") == demo[name[:-3] + "_en"]
    ]
    for name in changed:
        setattr(obj, name, demo[name])
    if changed:
        obj.save(update_fields=changed)
