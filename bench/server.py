"""Run the site the way production does, on loopback, for the audit and the benchmarks.

``running_site()`` builds a throwaway database (a temporary SQLite file, or a fresh
PostgreSQL database beside the one ``DATABASE_URL`` names, dropped afterwards),
migrates it, loads the demo clinic, collects static files and serves the site with
gunicorn on 127.0.0.1 at a free port. Nothing here talks to any other host.
"""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
START_TIMEOUT_S = 60
COMMAND_TIMEOUT_S = 600

Log = Callable[[str], None]


@dataclass(frozen=True)
class Site:
    url: str
    env: dict[str, str]
    database_url: str
    workers: int

    def manage(self, *args: str, timeout: float = COMMAND_TIMEOUT_S) -> str:
        """Run a management command against this site's database; return stdout."""
        return run_manage(self.env, *args, timeout=timeout)

    @property
    def on_postgresql(self) -> bool:
        return self.database_url.startswith(("postgres://", "postgresql://"))


def run_manage(env: dict[str, str], *args: str, timeout: float) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-2000:]}{result.stderr[-4000:]}"
        )
    return result.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_postgresql(url: str | None) -> bool:
    return bool(url) and url.startswith(("postgres://", "postgresql://"))


def _postgres_admin(url: str, *statements: str) -> None:
    """Run statements on the server's maintenance database, outside a transaction."""
    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        connect_timeout=10,
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


@contextmanager
def fresh_postgresql(url: str, suffix: str, log: Log) -> Iterator[str]:
    """A new, empty database named after the one in ``url`` plus ``suffix``."""
    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "clinic") + suffix
    if not name.replace("_", "").isalnum():
        raise ValueError(f"Refusing an unusual database name: {name!r}")
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    _postgres_admin(url, drop, f'CREATE DATABASE "{name}"')
    log(f"Created PostgreSQL database {name}.")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        _postgres_admin(url, drop)
        log(f"Dropped PostgreSQL database {name}.")


def site_env(
    *, settings_module: str, database_url: str, extra: dict[str, str] | None
) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "APPOINTMENT_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": database_url,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # Plain http on loopback: no TLS proxy, so no redirect and no secure-only
            # cookies (the CSRF cookie must come back for the form to post).
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_SECURE_COOKIES": "false",
            # No proxy in front: the app server serves the pages' drawings itself.
            "DJANGO_SERVE_MEDIA": "true",
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra or {})
    return env


def _wait_until_up(url: str, process: subprocess.Popen, log_file: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    tail = log_file.read_text(errors="replace")[-4000:] if log_file.exists() else ""
    raise RuntimeError(f"gunicorn did not answer on {url}/healthz.\n{tail}")


@contextmanager
def running_site(
    *,
    settings_module: str = "clinic.settings.prod",
    database_url: str | None = None,
    workers: int = 2,
    extra_env: dict[str, str] | None = None,
    log: Log = print,
) -> Iterator[Site]:
    """Serve a freshly built demo clinic with gunicorn; stop and clean up after."""
    with tempfile.TemporaryDirectory(prefix="clinic-bench-") as tmp_name:
        tmp = Path(tmp_name)
        with _database(database_url, tmp, log) as url:
            env = site_env(
                settings_module=settings_module, database_url=url, extra=extra_env
            )
            started = time.monotonic()
            run_manage(env, "migrate", "--noinput", timeout=COMMAND_TIMEOUT_S)
            run_manage(env, "createcachetable", timeout=60)
            run_manage(env, "collectstatic", "--noinput", timeout=COMMAND_TIMEOUT_S)
            run_manage(
                env,
                "load_demo",
                "--accounts-file",
                str(tmp / "accounts.txt"),
                timeout=120,
            )
            log(f"Built the site in {time.monotonic() - started:.0f} s.")
            port = free_port()
            site = Site(
                url=f"http://127.0.0.1:{port}",
                env=env,
                database_url=url,
                workers=workers,
            )
            log_file = tmp / "gunicorn.log"
            with log_file.open("w") as log_handle:
                process = subprocess.Popen(
                    [
                        PYTHON,
                        "-m",
                        "gunicorn",
                        "clinic.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        str(workers),
                        "--log-level",
                        "warning",
                        "--graceful-timeout",
                        "5",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log_handle,
                    stderr=subprocess.STDOUT,
                )
                try:
                    _wait_until_up(site.url, process, log_file)
                    log(f"gunicorn, {workers} workers, {settings_module}: {site.url}")
                    yield site
                finally:
                    process.terminate()
                    try:
                        process.wait(timeout=15)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
            errors = [
                line
                for line in log_file.read_text(errors="replace").splitlines()
                if "ERROR" in line or "Traceback" in line
            ]
            if errors:
                log("gunicorn logged errors:\n  " + "\n  ".join(errors[:20]))


@contextmanager
def _database(database_url: str | None, tmp: Path, log: Log) -> Iterator[str]:
    if is_postgresql(database_url):
        with fresh_postgresql(database_url, "_bench", log) as url:
            yield url
    else:
        yield f"sqlite:///{tmp / 'bench.sqlite3'}"
