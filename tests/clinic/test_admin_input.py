"""No address of an admin list gives a 500, whatever its parameters hold.

Every changelist each role can open is asked for, with NUL bytes, overlong and
malformed values in each of its filter, search, ordering, date and page parameters.
CI runs this on SQLite and on PostgreSQL, which refuses NUL in a query.
"""

import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "\x00",
    "a\x00b",
    "x" * 5000,
    "9" * 40,
    "-1",
    "abc",
    "2026-13-45",
    "'\"<script>",
    "\u202e\u0301",
    "-",
]
# Parameters every changelist reads, besides its own filters.
COMMON_PARAMETERS = ["q", "o", "p", "e", "all", "_popup", "_to_field", "_facets"]


def changelists(client):
    """(model admin, changelist address) for each list this client can open."""
    opened = []
    for model, model_admin in admin.site._registry.items():
        url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        )
        response = client.get(url)
        # A singleton (the clinic's settings) shows its one form instead of a list.
        if response.status_code == 200 and "cl" in response.context:
            opened.append((model_admin, url, response.context["cl"]))
    return opened


def parameters(changelist) -> set[str]:
    names = set(COMMON_PARAMETERS)
    for spec in changelist.filter_specs:
        names.update(spec.expected_parameters())
    if changelist.date_hierarchy:
        field = changelist.date_hierarchy
        names.update(f"{field}__{part}" for part in ("year", "month", "day"))
    return names


@pytest.fixture
def demo_data(tmp_path):
    call_command(
        "load_demo", accounts_file=tmp_path / "accounts.txt", stdout=io.StringIO()
    )


ROLES = ["frontdesk_user", "editor_user", "reviewer_user", "superuser"]


@pytest.mark.parametrize("role", ROLES)
def test_hostile_list_parameters_never_give_a_500(request, role, demo_data):
    user = request.getfixturevalue(role)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    lists = changelists(client)
    assert lists, f"{role} can open no admin list"
    failures = []
    for _model_admin, url, changelist in lists:
        for name in sorted(parameters(changelist)):
            for value in HOSTILE_VALUES:
                response = client.get(url, {name: value})
                if response.status_code >= 500:
                    failures.append((url, name, value[:20], response.status_code))
        # Several at once, as a crafted link would send them.
        combined = {name: "\x00x" for name in parameters(changelist)}
        if client.get(url, combined).status_code >= 500:
            failures.append((url, "all at once", "\x00x", 500))
    assert failures == [], "\n".join(map(repr, failures))


def test_a_nul_in_a_filter_is_dropped_not_passed_to_the_database(
    client, frontdesk_user, demo_data
):
    client.force_login(frontdesk_user)
    url = reverse("admin:appointments_appointmentrequest_changelist")
    response = client.get(url, {"q": "Ok\x00afor"})
    assert response.status_code == 200
    assert response.context["cl"].query == "Okafor"


def test_the_public_search_drops_a_nul_too(client, clinic_settings):
    response = client.get(reverse("education:search"), {"q": "\x00"})
    assert response.status_code == 200


def test_an_unreadable_filter_value_shows_django_s_wrong_parameters_note(
    client, superuser
):
    client.force_login(superuser)
    url = reverse("admin:axes_accessattempt_changelist")
    response = client.get(url, {"attempt_time__year": "9" * 30})
    assert response.status_code == 302
    assert response.url == f"{url}?e=1"
