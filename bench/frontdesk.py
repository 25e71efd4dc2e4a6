"""The front desk's queue and reports over many requests.

Fills a throwaway database (``test_`` + the DATABASE_URL's name, created and dropped
here) with N appointment requests spread over a year, then times the queue's first
page and the reports page through Django's test client, signed in as a front-desk
lead. Prints medians and query counts, and checks the queue costs the same number of
queries at 1,000 and at N requests. Numbers, not a pass/fail test: this machine is
shared and noisy.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/clinic \
        .venv/bin/python bench/frontdesk.py [--requests 100000] [--runs 15]
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)
from django.urls import reverse  # noqa: E402

QUEUE = "admin:appointments_appointmentrequest_changelist"
REPORTS = "admin:appointments_reports"


def fill(count: int, *, start_pk: int = 0) -> None:
    from appointments.business_time import business_time_between
    from appointments.models import AppointmentRequest, new_reference
    from clinic.models import Location

    R = AppointmentRequest
    places = list(Location.objects.all())
    rng = random.Random(start_pk)
    batch = []
    for i in range(count):
        batch.append(
            R(
                reference=new_reference(),
                first_name="Bench",
                last_name=f"Person{start_pk + i}",
                date_of_birth=date(1930, 1, 1) + timedelta(days=rng.randrange(20000)),
                phone=f"+1202555{rng.randrange(10000):04d}",
                contact_method=R.ContactMethod.PHONE,
                best_time=R.BestTime.ANY,
                location=rng.choice(places),
                patient_type=R.PatientType.NEW,
                pain_started=rng.choice(R.PainStart.values),
                priority=rng.choice(R.Priority.values),
                status=rng.choice(R.Status.values),
                consent=True,
            )
        )
        if len(batch) == 5000:
            R.objects.bulk_create(batch)
            batch = []
    R.objects.bulk_create(batch)
    # Spread arrival and first contact over a year (auto_now_add set them to now).
    with connection.cursor() as cursor:
        table = R._meta.db_table
        cursor.execute(
            f"UPDATE {table} SET created_at = created_at - (id % 365) * "  # noqa: S608
            "INTERVAL '1 day' - (id % 24) * INTERVAL '1 hour'"
        )
        # Everything but new requests has been contacted, 0 to 49 hours later.
        cursor.execute(
            f"UPDATE {table} SET first_contacted_at = LEAST(now(), created_at + "  # noqa: S608
            "(id % 50) * INTERVAL '1 hour') WHERE status <> 'new'"
        )
    contacted = R.objects.filter(
        first_contacted_at__isnull=False, first_contact_wait=None
    )
    for request in contacted.only("created_at", "first_contacted_at").iterator():
        request.first_contact_wait = business_time_between(
            request.created_at, request.first_contacted_at
        )
        batch.append(request)
        if len(batch) == 5000:
            R.objects.bulk_update(batch, ["first_contact_wait"])
            batch = []
    R.objects.bulk_update(batch, ["first_contact_wait"])


def timed(client, url: str, runs: int, **params) -> tuple[float, int]:
    client.get(url, params)  # warm
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, params)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return statistics.median(times) * 1000, len(queries)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    opts = parser.parse_args()
    if connection.vendor != "postgresql":
        print("bench/frontdesk.py measures on PostgreSQL: set DATABASE_URL")
        return 2

    from django.contrib.auth import get_user_model
    from django.test import Client

    from appointments.models import AppointmentRequest
    from clinic import roles
    from tests.conftest import make_location, make_staff

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        for name in ("Downtown", "Northside", "Lakeshore"):
            make_location(name=name)
        lead = make_staff(
            get_user_model(), "lead", roles.FRONT_DESK, roles.FRONT_DESK_LEAD
        )
        client = Client()
        client.force_login(lead)
        results = {}
        fill(1000)
        _ms, results["queue_queries_at_1000"] = timed(client, reverse(QUEUE), 1)
        fill(opts.requests - 1000, start_pk=1000)
        with connection.cursor() as cursor:
            # fill() rewrites every row three times (arrival, first contact, wait),
            # which leaves each index of the table about four times its size; in
            # production requests arrive in order and are updated a few times, so
            # the indexes are rebuilt to the size they have there.
            cursor.execute(f"REINDEX TABLE {AppointmentRequest._meta.db_table}")
            cursor.execute("VACUUM ANALYZE")  # what autovacuum keeps in production
        # The floor: the admin's own index page, timed in the same run, so the
        # figures can be read against this machine's load at that moment.
        floor_ms, _q = timed(client, reverse("admin:index"), opts.runs)
        queue_ms, queue_queries = timed(client, reverse(QUEUE), opts.runs)
        search_ms, _q = timed(client, reverse(QUEUE), opts.runs, q="Person4242")
        today = date.today()
        reports_ms, reports_queries = timed(
            client,
            reverse(REPORTS),
            max(3, opts.runs // 3),
            start=(today - timedelta(days=366)).isoformat(),
            end=today.isoformat(),
        )
        results.update(
            requests=opts.requests,
            floor_admin_index_median_ms=round(floor_ms, 1),
            queue_median_ms=round(queue_ms, 1),
            queue_queries=queue_queries,
            queue_search_median_ms=round(search_ms, 1),
            reports_median_ms=round(reports_ms, 1),
            reports_queries=reports_queries,
            queue_target_ms=300,
            reports_target_ms=1000,
            # Each page's median over the floor's, steadier than the times on a
            # shared machine.
            queue_to_floor=round(queue_ms / floor_ms, 1),
            queue_search_to_floor=round(search_ms / floor_ms, 1),
            reports_to_floor=round(reports_ms / floor_ms, 1),
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
