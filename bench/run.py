"""Load benchmarks of the site under gunicorn with production settings, on loopback.

``make bench`` runs this (``make bench BENCH_ARGS=--short`` in CI, to prove it works).
It builds the demo site on PostgreSQL when ``DATABASE_URL`` points at a PostgreSQL
server (in a fresh database, ``<name>_bench``, dropped at the end), else on a
temporary SQLite file, serves it with gunicorn (``bench.settings``: production
settings plus a floor view) and measures with locust, headless:

1. pages: requests per second and p50/p99 latency of the home page, the procedure
   list and the kyphoplasty page beside the floor (same stack, no template, no
   query); the ratio page/floor is the headline figure (target: 0.7 or more for
   the kyphoplasty page);
2. form: submissions of the request form from concurrent clients, each reading the
   CSRF token and hidden fields first; accepted (302 to the confirmation) must equal
   rows saved, with no server error;
3. admin queue (PostgreSQL only): with many requests in the table, the queries per
   page and the median time of the front desk's changelist: first page, a filtered
   page and a search (target: a fixed query count, under 300 ms).

4. wrk, gunicorn alone: every anonymous public page beside the floor, measured in
   turn with wrk (steadier than locust: far less CPU per request) (targets: 0.7 or
   more, the request form's GET 0.15 or more);
5. the production stack (``deploy/``, see ``bench/stack.py``): through nginx, the
   kyphoplasty page beside a static file of the same size (target: 0.7 or more), and
   submissions with one of the two app servers stopped half way (target: 0 lost).

Prints a table and writes ``bench/results.json``. Every request loop is bounded in
count and time, and only 127.0.0.1 is ever contacted.
"""

import argparse
import csv
import http.cookiejar
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import PYTHON, Site, running_site  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
RATIO_TARGET = 0.7
QUEUE_TARGET_MS = 300


@dataclass(frozen=True)
class Plan:
    page_seconds: int
    page_users: int
    submissions: int
    form_users: int
    form_max_seconds: int
    queue_rows: int
    queue_repeats: int


FULL = Plan(
    page_seconds=20,
    page_users=8,
    submissions=2000,
    form_users=20,
    form_max_seconds=300,
    queue_rows=100_000,
    queue_repeats=15,
)
SHORT = Plan(
    page_seconds=4,
    page_users=8,
    submissions=100,
    form_users=10,
    form_max_seconds=60,
    queue_rows=2_000,
    queue_repeats=5,
)

WRK_RATIO_TARGET = 0.7
FORM_GET_TARGET = 0.15
STACK_RATIO_TARGET = 0.7
PARTS = ("pages", "form", "queue", "wrk", "stack")
SITE_PARTS = {"pages", "form", "queue", "wrk"}
# Every anonymous public page, for wrk (part 4): (label, URL name, URL kwargs).
WRK_PAGES = [
    ("home", "clinic:home", {}),
    ("procedure list", "education:procedure-list", {}),
    ("kyphoplasty", "education:procedure-detail", {"slug": "kyphoplasty"}),
    ("condition list", "education:condition-list", {}),
    ("locations", "clinic:locations", {}),
    ("privacy", "clinic:privacy", {}),
    ("search (empty)", "education:search", {}),
    ("request form (GET)", "appointments:request-create", {}),
]

# (label, URL name, URL kwargs). The floor comes first: every ratio is against it.
PAGES = [
    ("floor", "bench-floor", {}),
    ("home", "clinic:home", {}),
    ("procedure list", "education:procedure-list", {}),
    ("kyphoplasty", "education:procedure-detail", {"slug": "kyphoplasty"}),
]


# --- Machine --------------------------------------------------------------------------
def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# --- Locust ---------------------------------------------------------------------------
def run_locust(
    site: Site, user_class: str, *, users: int, seconds: int, env: dict, tmp: Path
) -> dict[str, dict]:
    """Run locust headless; return its per-request-name stats from the CSV."""
    prefix = tmp / f"locust-{user_class}-{time.monotonic_ns()}"
    command = [
        PYTHON,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        user_class,
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        site.url,
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "10",
        "--exit-code-on-error",
        "0",
        "--loglevel",
        "WARNING",
    ]
    result = subprocess.run(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"locust failed:\n{result.stderr[-3000:]}")
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        row["Name"]: {
            "requests": int(row["Request Count"]),
            "failures": int(row["Failure Count"]),
            "rps": round(float(row["Requests/s"]), 1),
            "p50_ms": float(row["50%"]) if row["50%"] != "N/A" else None,
            "p99_ms": float(row["99%"]) if row["99%"] != "N/A" else None,
            "bytes": round(float(row["Average Content Size"])),
        }
        for row in rows
        if row["Name"] != "Aggregated"
    }


def get_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def anonymous_queries(path: str) -> int:
    """Queries a visitor's request costs once caches are warm, counted in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


# --- 1. Pages beside the floor --------------------------------------------------------
def measure_pages(site: Site, plan: Plan, tmp: Path, log) -> list[dict]:
    from django.urls import NoReverseMatch, reverse

    rows = []
    for label, url_name, kwargs in PAGES:
        try:
            path = reverse(url_name, kwargs=kwargs)
        except NoReverseMatch:
            rows.append({"page": label, "path": None, "missing": "no such URL"})
            continue
        status = get_status(site.url + path)
        if status != 200:
            rows.append({"page": label, "path": path, "missing": f"HTTP {status}"})
            continue
        for _ in range(20):  # warm caches and connections before measuring
            get_status(site.url + path)
        stats = run_locust(
            site,
            "PageUser",
            users=plan.page_users,
            seconds=plan.page_seconds,
            env={"BENCH_PATH": path},
            tmp=tmp,
        )[path]
        queries = anonymous_queries(path)
        rows.append({"page": label, "path": path, "queries": queries, **stats})
        log(f"  {label}: {stats['rps']} req/s, p50 {stats['p50_ms']} ms")
    floor = rows[0].get("rps")
    for row in rows:
        if floor and row.get("rps"):
            row["ratio_to_floor"] = round(row["rps"] / floor, 2)
    return rows


# --- 4. wrk: pages beside the floor, gunicorn alone -----------------------------------
def measure_wrk_pages(site: Site, plan: Plan, log) -> list[dict] | dict:
    from django.urls import NoReverseMatch, reverse

    from bench import wrk

    if not wrk.available():
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    floor = (site.url + reverse("bench-floor"), None)
    rounds, seconds = (1, 2) if plan is SHORT else (3, 4)
    rows = []
    for label, url_name, kwargs in WRK_PAGES:
        try:
            path = reverse(url_name, kwargs=kwargs)
        except NoReverseMatch:
            rows.append({"page": label, "missing": "no such URL"})
            continue
        if (status := get_status(site.url + path)) != 200:
            rows.append({"page": label, "path": path, "missing": f"HTTP {status}"})
            continue
        pair = wrk.compare(
            floor, (site.url + path, None), rounds=rounds, seconds=seconds
        )
        rows.append(
            {
                "page": label,
                "path": path,
                "floor_rps": pair["first_rps"],
                "rps": pair["second_rps"],
                "ratio_to_floor": pair["ratio"],
                "p50_ms": pair["second"][-1]["p50_ms"],
                "p99_ms": pair["second"][-1]["p99_ms"],
                "errors": pair["errors"],
            }
        )
        log(f"  {label}: {pair['second_rps']} req/s, floor {pair['first_rps']}")
    return rows


# --- 2. Form submissions --------------------------------------------------------------
def measure_form(site: Site, plan: Plan, tmp: Path, log) -> dict:
    from django.urls import NoReverseMatch, reverse

    try:
        form_path = reverse("appointments:request-create")
        confirmation_path = reverse("appointments:request-thanks")
        from appointments.models import AppointmentRequest
    except (NoReverseMatch, ImportError) as error:
        return {"skipped": f"the appointments app is not complete: {error}"}

    before = AppointmentRequest.objects.count()
    counts_file = tmp / "form-counts.json"
    started = time.monotonic()
    stats = run_locust(
        site,
        "FormUser",
        users=plan.form_users,
        seconds=plan.form_max_seconds,
        env={
            "BENCH_SUBMISSIONS": str(plan.submissions),
            "BENCH_COUNTS_FILE": str(counts_file),
            "BENCH_FORM_PATH": form_path,
            "BENCH_CONFIRMATION_PATH": confirmation_path,
        },
        tmp=tmp,
    )
    elapsed = time.monotonic() - started
    counts = json.loads(counts_file.read_text())
    saved = AppointmentRequest.objects.count() - before
    post = stats.get("form: POST", {})
    get = stats.get("form: GET", {})
    result = {
        "submissions": plan.submissions,
        "clients": plan.form_users,
        "accepted": counts["accepted"],
        "rows_saved": saved,
        "refused": counts["refused"],
        "invalid": counts["invalid"],
        "server_errors": counts["errors"],
        "seconds": round(elapsed, 1),
        "post_p50_ms": post.get("p50_ms"),
        "post_p99_ms": post.get("p99_ms"),
        "get_p99_ms": get.get("p99_ms"),
        "ok": counts["accepted"] == saved == plan.submissions and not counts["errors"],
    }
    log(f"  {counts['accepted']} accepted, {saved} saved, {counts['errors']} errors")
    return result


# --- 3. The admin queue ---------------------------------------------------------------
QUEUE_LAST_NAMES = [
    "Okafor",
    "Nguyen",
    "Garcia",
    "Smith",
    "Kowalski",
    "Haddad",
    "Johansson",
    "Silva",
    "Moreau",
    "Tanaka",
]


def queue_rows(count: int, offset: int) -> list:
    """``count`` plausible requests: mostly ended, some open, a few urgent."""
    from datetime import date

    from appointments.models import REFERENCE_ALPHABET, AppointmentRequest
    from clinic.models import Location

    R = AppointmentRequest
    locations = list(Location.objects.values_list("pk", flat=True))
    statuses = [R.Status.CLOSED] * 6 + [R.Status.SCHEDULED, R.Status.CONTACTED]
    statuses += [R.Status.NEW, R.Status.DECLINED]
    rows = []
    for i in range(offset, offset + count):
        code, n = "", i
        for _ in range(7):
            n, digit = divmod(n, len(REFERENCE_ALPHABET))
            code += REFERENCE_ALPHABET[digit]
        rows.append(
            R(
                reference="Z" + code,  # demo references are random; Z... is ours
                status=statuses[i % len(statuses)],
                priority=(R.Priority.URGENT if i % 50 == 0 else R.Priority.NORMAL),
                first_name=f"Patient{i}",
                last_name=QUEUE_LAST_NAMES[i % len(QUEUE_LAST_NAMES)],
                date_of_birth=date(1930 + i % 60, 1 + i % 12, 1 + i % 28),
                phone=f"+1202555{i % 10000:04d}",
                email=f"patient{i}@example.com" if i % 3 else "",
                contact_method=R.ContactMethod.PHONE,
                best_time=R.BestTime.ANY,
                location_id=locations[i % len(locations)],
                patient_type=R.PatientType.NEW,
                pain_started=R.PainStart.UNDER_6_MONTHS,
                consent=True,
            )
        )
    return rows


def fill_queue(total: int, log) -> None:
    """Bulk-insert requests up to ``total``, spread over two years of arrivals."""
    from django.db import connection

    from appointments.models import AppointmentRequest

    table = AppointmentRequest._meta.db_table
    have = AppointmentRequest.objects.count()
    started = time.monotonic()
    batch = 5_000
    for offset in range(have, total, batch):
        AppointmentRequest.objects.bulk_create(
            queue_rows(min(batch, total - offset), offset), batch_size=batch
        )
    with connection.cursor() as cursor:
        # created_at is auto_now_add, so bulk_create stamps "now"; spread it out.
        cursor.execute(
            f"UPDATE {table} SET created_at = now() - make_interval(hours => "  # noqa: S608
            "(id %% 17520)::int) WHERE reference LIKE %s",
            ["Z%"],
        )
        cursor.execute(f"ANALYZE {table}")
    log(f"  {total:,} requests in the table ({time.monotonic() - started:.0f} s)")


def queue_urls() -> dict[str, str]:
    from django.urls import reverse

    changelist = reverse("admin:appointments_appointmentrequest_changelist")
    return {
        "first page": changelist,
        "filtered": changelist + "?status=contacted",
        "search": changelist + "?q=Okafor",
    }


def count_queries(user, urls: dict[str, str]) -> dict[str, int]:
    """Queries per page, counted in this process by the same code gunicorn runs."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    # What passing the second factor leaves in the session (django_otp.login).
    device = StaticDevice.objects.filter(user=user).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    counts = {}
    for label, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        counts[label] = len(queries)
    return counts


def signed_in_opener(site: Site, username: str, password: str, code: str):
    """An HTTP client signed in to the admin through its login form, then the
    second factor (``code``, one of the user's backup codes)."""
    from django.conf import settings
    from django.urls import reverse

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(url: str, fields: dict[str, str]):
        token = next(c.value for c in jar if c.name == settings.CSRF_COOKIE_NAME)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields})
        with opener.open(url, data=data.encode(), timeout=10) as response:
            response.read()
            return response.geturl()

    login = site.url + reverse("admin:login")
    opener.open(login, timeout=10).read()
    index = reverse("admin:index")
    fields = {"username": username, "password": password, "next": index}
    landed = post(login, fields)
    if reverse("admin:second-factor") in landed:
        landed = post(landed, {"code": code, "next": index})
    if urllib.parse.urlsplit(landed).path != index:
        raise RuntimeError(f"could not sign in to the admin (stopped at {landed})")
    return opener


def time_pages(opener, site: Site, urls: dict[str, str], repeats: int) -> dict:
    timings = {}
    for label, url in urls.items():
        opener.open(site.url + url, timeout=30).read()  # warm up
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            with opener.open(site.url + url, timeout=30) as response:
                response.read()
                if response.status != 200:
                    raise RuntimeError(f"{url} answered {response.status}")
            samples.append((time.perf_counter() - started) * 1000)
        timings[label] = round(statistics.median(samples), 1)
    return timings


def measure_admin_queue(site: Site, plan: Plan, log) -> dict:
    if not site.on_postgresql:
        return {
            "skipped": "needs PostgreSQL: run with DATABASE_URL=postgres://... "
            "(on SQLite the queue figures would say nothing about production)"
        }
    import secrets

    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(16)
    user = get_user_model().objects.create_superuser(
        username="bench-admin", email="bench@example.com", password=password
    )
    from clinic import two_factor

    code = two_factor.backup_codes_issue(user=user)[0]
    urls = queue_urls()
    fill_queue(min(500, plan.queue_rows), log)
    queries_small = count_queries(user, urls)
    fill_queue(plan.queue_rows, log)
    queries = count_queries(user, urls)
    opener = signed_in_opener(site, user.username, password, code)
    median_ms = time_pages(opener, site, urls, plan.queue_repeats)
    return {
        "rows": plan.queue_rows,
        "repeats": plan.queue_repeats,
        "pages": {
            label: {
                "url": url,
                "queries": queries[label],
                "queries_with_500_rows": queries_small[label],
                "median_ms": median_ms[label],
            }
            for label, url in urls.items()
        },
        "fixed_query_count": queries == queries_small,
        "under_target": all(ms < QUEUE_TARGET_MS for ms in median_ms.values()),
    }


# --- Report ---------------------------------------------------------------------------
def print_report(results: dict) -> None:
    print("\n1. Pages beside the floor (req/s, latency in ms)")
    print(
        f"   {'page':<16}{'req/s':>9}{'p50':>8}{'p99':>8}{'fail':>6}{'ratio':>8}"
        f"{'queries':>9}{'bytes':>9}"
    )
    for row in results["pages"] if isinstance(results["pages"], list) else []:
        if "missing" in row:
            print(f"   {row['page']:<16} not measured: {row['missing']}")
            continue
        ratio = row.get("ratio_to_floor", "")
        print(
            f"   {row['page']:<16}{row['rps']:>9}{row['p50_ms']:>8.0f}"
            f"{row['p99_ms']:>8.0f}{row['failures']:>6}{ratio:>8}"
            f"{row['queries']:>9}{row['bytes']:>9}"
        )
    form = results["form"]
    print("\n2. Request form")
    if "skipped" in form:
        print(f"   skipped: {form['skipped']}")
    else:
        print(
            f"   {form['submissions']} submissions from {form['clients']} clients in "
            f"{form['seconds']} s: {form['accepted']} accepted, {form['rows_saved']} "
            f"rows saved, {form['server_errors']} server errors, {form['refused']} "
            f"refused, {form['invalid']} invalid; POST p50 {form['post_p50_ms']} ms, "
            f"p99 {form['post_p99_ms']} ms"
        )
    queue = results["admin_queue"]
    print("\n3. Admin request queue")
    print_queue(queue)
    print("\n4. wrk: pages beside the floor, gunicorn alone (req/s, ms)")
    rows = results["wrk_pages"]
    if isinstance(rows, dict):
        print(f"   skipped: {rows['skipped']}")
    else:
        print(
            f"   {'page':<20}{'req/s':>9}{'floor':>9}{'ratio':>8}{'p50':>8}{'p99':>8}"
        )
        for row in rows:
            if "missing" in row:
                print(f"   {row['page']:<20} not measured: {row['missing']}")
                continue
            figures = (row["ratio_to_floor"], row["p50_ms"], row["p99_ms"])
            ratio, p50, p99 = ("-" if value is None else value for value in figures)
            print(
                f"   {row['page']:<20}{row['rps']:>9}{row['floor_rps']:>9}"
                f"{ratio:>8}{p50:>8}{p99:>8}"
            )
    print_stack(results["stack"])


def print_stack(stack: dict) -> None:
    print("\n5. The production stack (nginx, TLS, two app servers)")
    if "skipped" in stack:
        print(f"   skipped: {stack['skipped']}")
        return
    pages = stack["pages"]
    if "skipped" in pages:
        print(f"   pages skipped: {pages['skipped']}")
    else:
        print(
            f"   static file ({pages['bytes']:,} bytes) {pages['static_rps']} req/s; "
            f"kyphoplasty {pages['kyphoplasty_rps']} req/s, ratio {pages['ratio']}; "
            f"micro-cache bypassed {pages['bypassed_rps']} req/s, ratio "
            f"{pages['bypassed_ratio']}; {pages['errors']} errors"
        )
    f = stack["failover"]
    print(
        f"   {f['submissions']} submissions from {f['clients']} clients, app server A "
        f"stopped after {f['stopped_after']}: {f['accepted']} accepted, "
        f"{f['rows_saved']} saved, {f['lost']} lost, {f['saved_twice']} saved twice "
        f"({f['seconds']} s; {f['outcomes']})"
    )


def print_queue(queue: dict) -> None:
    if "skipped" in queue:
        print(f"   skipped: {queue['skipped']}")
    else:
        print(f"   {queue['rows']:,} requests, median of {queue['repeats']} requests")
        print(f"   {'page':<12}{'queries':>9}{'(500 rows)':>12}{'median ms':>11}")
        for label, page in queue["pages"].items():
            print(
                f"   {label:<12}{page['queries']:>9}"
                f"{page['queries_with_500_rows']:>12}{page['median_ms']:>11}"
            )


def verdicts(results: dict) -> list[str]:
    """Targets missed, in words. Reported, not fatal: benchmarks are not tests."""
    missed = []
    rows = results["wrk_pages"]
    for row in rows if isinstance(rows, list) else []:
        target = FORM_GET_TARGET if "form" in row["page"] else WRK_RATIO_TARGET
        if row.get("ratio_to_floor") is not None and row["ratio_to_floor"] < target:
            missed.append(
                f"wrk, gunicorn alone: {row['page']}/floor {row['ratio_to_floor']} "
                f"< {target}"
            )
    stack_pages = results["stack"].get("pages", {})
    if (
        stack_pages.get("ratio") is not None
        and stack_pages["ratio"] < STACK_RATIO_TARGET
    ):
        missed.append(
            f"through nginx: kyphoplasty/static file {stack_pages['ratio']} "
            f"< {STACK_RATIO_TARGET}"
        )
    pages = results["pages"] if isinstance(results["pages"], list) else []
    kypho = next((r for r in pages if r["page"] == "kyphoplasty"), {})
    if kypho.get("ratio_to_floor") is not None:
        if kypho["ratio_to_floor"] < RATIO_TARGET:
            missed.append(
                f"kyphoplasty/floor ratio {kypho['ratio_to_floor']} < {RATIO_TARGET}"
            )
    form = results["form"]
    if "skipped" not in form and not form["ok"]:
        missed.append("form: accepted, saved and submitted differ, or server errors")
    queue = results["admin_queue"]
    if "skipped" not in queue:
        if not queue["fixed_query_count"]:
            missed.append("admin queue: query count grows with the rows")
        if not queue["under_target"]:
            missed.append(f"admin queue: a median at or over {QUEUE_TARGET_MS} ms")
    return missed


def measure_site(results, parts, plan, workers, extra_env, log) -> None:
    """Parts 1 to 4: the site under gunicorn alone, on a database of its own."""
    with (
        tempfile.TemporaryDirectory(prefix="clinic-locust-") as tmp_name,
        running_site(
            settings_module="bench.settings",
            database_url=os.environ.get("DATABASE_URL"),
            workers=workers,
            extra_env=extra_env,
            log=log,
        ) as site,
    ):
        tmp = Path(tmp_name)
        # This process reads the same database: row counts, bulk inserts, URLs.
        os.environ.update(site.env)
        import django

        django.setup()
        from django.db import connection, connections

        version = ".".join(map(str, connection.get_database_version()))
        results["database"] = f"{connection.display_name} {version}"
        results["gunicorn_workers"] = site.workers
        if "pages" in parts:
            log("1. Pages")
            results["pages"] = measure_pages(site, plan, tmp, log)
        if "form" in parts:
            log("2. Request form")
            results["form"] = measure_form(site, plan, tmp, log)
        if "queue" in parts:
            log("3. Admin queue")
            results["admin_queue"] = measure_admin_queue(site, plan, log)
        if "wrk" in parts:
            log("4. wrk: pages beside the floor, gunicorn alone")
            results["wrk_pages"] = measure_wrk_pages(site, plan, log)
        connections.close_all()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--short", action="store_true", help="a quick run for CI: proves it works"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 2,
        help="gunicorn workers (default: one per core)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"comma-separated parts to run, of {', '.join(PARTS)} (default: all)",
    )
    args = parser.parse_args(argv)
    parts = {part.strip() for part in args.only.split(",") if part.strip()}
    if unknown := parts - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    plan = SHORT if args.short else FULL

    def log(message: str) -> None:
        print(message, flush=True)

    started = time.monotonic()
    results = {
        "mode": "short" if args.short else "full",
        "plan": asdict(plan),
        "machine": machine(),
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    extra_env = {
        "APPOINTMENT_RATE_LIMIT": f"{plan.submissions * 10}/h",
        "APPOINTMENT_MIN_FILL_SECONDS": "0",
    }
    not_asked = {"skipped": "not asked for (--only)"}
    results["pages"] = results["form"] = results["admin_queue"] = not_asked
    results["wrk_pages"] = results["stack"] = not_asked
    if parts & SITE_PARTS:
        measure_site(results, parts, plan, args.workers, extra_env, log)
    if "stack" in parts:
        from bench import stack

        log("5. The production stack (deploy/)")
        results["stack"] = stack.run(short=args.short, log=log)

    results["seconds"] = round(time.monotonic() - started)
    results["targets_missed"] = verdicts(results)
    print_report(results)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    shown = (
        args.output.relative_to(ROOT)
        if args.output.is_relative_to(ROOT)
        else args.output
    )
    print(f"\nWrote {shown} ({results['seconds']} s in all).")
    if args.short:
        print("Short run: it proves the benchmarks work; its figures are too brief")
        print("and too small to hold against the targets (run make bench for those).")
    for line in results["targets_missed"]:
        print(f"TARGET MISSED{' (short run)' if args.short else ''}: {line}")
    form = results["form"]
    if "skipped" not in form and not form["ok"]:
        # Not a speed target: lost or doubled submissions, or errors, are bugs.
        print("FAILED: the form lost submissions or answered with server errors.")
        return 1
    failover = results["stack"].get("failover", {})
    if failover and (failover["lost"] or failover["saved_twice"]):
        print(
            "FAILED: the stack lost or doubled submissions when an app server stopped."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
