# ruff: noqa: S603, S607 - runs the stack's own programs with fixed arguments
"""The production stack on loopback, built from the files in ``deploy/``.

``Stack`` starts, on 127.0.0.1 only and at free ports:

- PostgreSQL: a cluster of its own (``initdb`` in the stack's folder, its own port),
  so the tests can stop and restart it without touching the machine's server;
- Redis: the machine's server at 127.0.0.1:6379, database 13 (emptied at start);
- a local SMTP server (``deploy/stack/smtp.py``) that keeps what it receives;
- ``deploy/release`` (checks, migrations, cache table, static files), then the demo
  clinic;
- two app servers and the task worker, run with the command lines of the systemd
  units in ``deploy/systemd/`` and the environment of ``deploy/clinic.env.example``;
- nginx from Debian with ``deploy/nginx/clinic.conf`` and a self-signed certificate
  made on the spot.

Only the values that differ between a server and this machine are replaced (paths,
ports, secrets, the certificate); a replacement that no longer finds its text fails
loudly. Like systemd, the stack restarts a process that dies unless it was stopped on
purpose. ``make stack`` runs it until Ctrl-C; ``make stack-test`` drives it.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PYTHON = sys.executable
VENV_BIN = Path(PYTHON).parent
SERVER_APP = "/srv/clinic/app"
REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/13")
DATABASE_NAME = "clinic_stack"
HOST = "127.0.0.1"
START_TIMEOUT_S = 60
# Links in the stack's emails are never followed; a public-looking address keeps
# `check --deploy` (run by deploy/release) as strict here as on a server.
SITE_URL = "https://www.clinic.test"

Log = Callable[[str], None]


@dataclass
class StaffAccount:
    """A demo staff account; each backup code signs in once (the second factor)."""

    username: str
    password: str
    backup_codes: list[str] = field(default_factory=list)

    def next_code(self) -> str:
        if not self.backup_codes:
            raise RuntimeError(f"{self.username} has no backup code left")
        return self.backup_codes.pop(0)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def postgres_bin(name: str) -> str:
    """A PostgreSQL server program: Debian keeps them out of PATH, newest last."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if not candidates:
        raise RuntimeError(
            f"PostgreSQL's {name} was not found: apt-get install postgresql"
        )
    return str(candidates[-1])


# --- Reading the deploy files ---------------------------------------------------
def read_env_template() -> dict[str, str]:
    """KEY=VALUE lines of deploy/clinic.env.example."""
    env = {}
    for line in (DEPLOY / "clinic.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def unit_command(unit: str, **replacements: str) -> list[str]:
    """The ExecStart of a systemd unit, with the server's paths made local."""
    text = (DEPLOY / "systemd" / unit).read_text()
    match = re.search(r"^ExecStart=(.+)$", text, re.MULTILINE)
    if not match:
        raise RuntimeError(f"{unit} has no ExecStart")
    line = match.group(1).replace(f"{SERVER_APP}/.venv/bin/", f"{VENV_BIN}/")
    for old, new in replacements.items():
        if old not in line:
            raise RuntimeError(f"{unit}: {old!r} not found in ExecStart")
        line = line.replace(old, new)
    return shlex.split(line)


def replace_each(text: str, replacements: list[tuple[str, str]], what: str) -> str:
    """Replace every pair; fail if one is not found, so a change is never missed."""
    for old, new in replacements:
        if old not in text:
            raise RuntimeError(f"{what}: {old!r} not found; update deploy/stack")
        text = text.replace(old, new)
    return text


# --- Processes ------------------------------------------------------------------------
@dataclass
class Service:
    """One long-running process, restarted like systemd's Restart= while wanted."""

    name: str
    command: list[str]
    env: dict[str, str]
    log_path: Path
    user: str | None = None
    stop_signal: int = signal.SIGTERM
    process: subprocess.Popen | None = None
    wanted: bool = False
    restarts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        with self._lock:
            if self.process and self.process.poll() is None:
                return
            handle = self.log_path.open("ab")
            kwargs = {"user": self.user} if self.user else {}
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=handle,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                **kwargs,
            )
            handle.close()
            self.wanted = True

    def stop(self, timeout: float = 40) -> None:
        with self._lock:
            self.wanted = False
            process = self.process
            if process is None or process.poll() is not None:
                return
            process.send_signal(self.stop_signal)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def tail(self, chars: int = 3000) -> str:
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]


# --- The stack ------------------------------------------------------------------------
class Stack:
    """Start with ``with Stack() as stack:``; everything stops and is removed after."""

    def __init__(self, *, app_workers: int = 2, keep: bool = False, log: Log = print):
        self.log = log
        self.keep = keep
        self.app_workers = app_workers
        self.dir = Path(tempfile.mkdtemp(prefix="clinic-stack-"))
        # The PostgreSQL cluster belongs to the postgres user when we are root.
        self.dir.chmod(0o755)
        self.ports = {
            name: free_port()
            for name in (
                "https",
                "http",
                "spare_https",
                "spare_http",
                "app_a",
                "app_b",
                "smtp",
                "postgres",
            )
        }
        self.url = f"https://{HOST}:{self.ports['https']}"
        self.http_url = f"http://{HOST}:{self.ports['http']}"
        self.app_urls = {
            "app-a": f"http://{HOST}:{self.ports['app_a']}",
            "app-b": f"http://{HOST}:{self.ports['app_b']}",
        }
        self.database_url = (
            f"postgres://postgres@{HOST}:{self.ports['postgres']}/{DATABASE_NAME}"
        )
        self.cert = self.dir / "tls" / "cert.pem"
        self.key = self.dir / "tls" / "key.pem"
        self.mail_dir = self.dir / "mail"
        self.media_dir = self.dir / "media"
        self.nginx_dir = self.dir / "nginx"
        self.access_log = self.nginx_dir / "access.log"
        self.logs = self.dir / "logs"
        self.accounts: dict[str, StaffAccount] = {}
        self.services: dict[str, Service] = {}
        self.env = self._app_env()
        self._watching = threading.Event()
        self._watcher: threading.Thread | None = None

    # -- lifecycle --
    def __enter__(self) -> Stack:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        started = time.monotonic()
        for folder in (self.logs, self.mail_dir, self.media_dir, self.nginx_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self._make_certificate()
        self._start_postgres()
        self.log(f"PostgreSQL up ({time.monotonic() - started:.0f} s).")
        self._empty_redis()
        self._add_service(
            "smtp",
            [
                PYTHON,
                "-m",
                "deploy.stack.smtp",
                "--port",
                str(self.ports["smtp"]),
                "--dir",
                str(self.mail_dir),
            ],
        )
        self.start_service("smtp")
        self.release()
        self.log(f"Released ({time.monotonic() - started:.0f} s).")
        self.manage("load_demo", "--accounts-file", str(self.dir / "accounts.txt"))
        self.log(f"Demo clinic loaded ({time.monotonic() - started:.0f} s).")
        self.accounts = self._read_accounts()
        for name, port in (("app-a", "app_a"), ("app-b", "app_b")):
            command = unit_command(
                "clinic-app@.service", **{"%i": str(self.ports[port])}
            )
            self._add_service(name, command)
        self._add_service("worker", unit_command("clinic-worker.service"))
        self._add_service("nginx", self._nginx_command())
        for name in ("app-a", "app-b", "worker", "nginx"):
            self.start_service(name)
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watching.set()
        self._watcher.start()
        self.log(f"Stack up in {time.monotonic() - started:.0f} s: {self.url}/")

    def close(self) -> None:
        self._watching.clear()
        if self._watcher:
            self._watcher.join(timeout=5)
        for name in ("nginx", "app-a", "app-b", "worker", "smtp", "postgres"):
            if name in self.services:
                self.services[name].stop(timeout=30)
        if self.keep:
            self.log(f"Kept {self.dir}")
        else:
            shutil.rmtree(self.dir, ignore_errors=True)

    def _watch(self) -> None:
        """Restart what died unasked, as systemd's Restart= does."""
        while self._watching.wait(0) and not self._stopping():
            for service in list(self.services.values()):
                if service.wanted and not service.running:
                    code = service.process.returncode if service.process else None
                    self.log(f"{service.name} exited ({code}); restarting it.")
                    service.restarts += 1
                    time.sleep(1)
                    if service.wanted:
                        service.start()
            time.sleep(0.5)

    def _stopping(self) -> bool:
        return not self._watching.is_set()

    # -- services --
    def _add_service(self, name: str, command: list[str], **kwargs) -> Service:
        service = Service(
            name=name,
            command=command,
            env=kwargs.pop("env", self.env),
            log_path=self.logs / f"{name}.log",
            **kwargs,
        )
        self.services[name] = service
        return service

    def start_service(self, name: str) -> None:
        """Start a service and wait until it answers."""
        service = self.services[name]
        service.start()
        ready = {
            "app-a": lambda: self._http_ok(self.app_urls["app-a"] + "/healthz"),
            "app-b": lambda: self._http_ok(self.app_urls["app-b"] + "/healthz"),
            "nginx": lambda: self._http_ok(self.url + "/healthz"),
            "smtp": lambda: self._port_open(self.ports["smtp"]),
            "postgres": self._postgres_ready,
            "worker": lambda: True,
        }[name]
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if not service.running:
                raise RuntimeError(f"{name} exited at start:\n{service.tail()}")
            if ready():
                return
            time.sleep(0.2)
        raise RuntimeError(
            f"{name} did not start in {START_TIMEOUT_S} s:\n{service.tail()}"
        )

    def stop_service(self, name: str) -> None:
        """Stop a service the way systemd would (SIGTERM, or SIGINT for PostgreSQL)."""
        self.services[name].stop()

    def _port_open(self, port: int) -> bool:
        with socket.socket() as sock:
            sock.settimeout(1)
            return sock.connect_ex((HOST, port)) == 0

    def _http_ok(self, url: str) -> bool:
        context = ssl.create_default_context(cafile=str(self.cert))
        try:
            with urllib.request.urlopen(url, timeout=3, context=context) as response:  # noqa: S310
                return response.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return False

    # -- the pieces --
    def _make_certificate(self) -> None:
        self.cert.parent.mkdir()
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=IP:{HOST}",
                "-keyout",
                str(self.key),
                "-out",
                str(self.cert),
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )

    def _start_postgres(self) -> None:
        data = self.dir / "postgres"
        data.mkdir()
        user = "postgres" if os.geteuid() == 0 else None
        if user:
            shutil.chown(data, user, user)
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"}
        subprocess.run(
            [
                postgres_bin("initdb"),
                "-D",
                str(data / "data"),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            timeout=120,
            user=user,
            env=env,
        )
        log = self.logs / "postgres.log"
        log.touch()
        if user:
            shutil.chown(log, user, user)
        self._add_service(
            "postgres",
            [
                postgres_bin("postgres"),
                "-D",
                str(data / "data"),
                "-p",
                str(self.ports["postgres"]),
                "-k",
                str(data),
                "-c",
                f"listen_addresses={HOST}",
                # A test cluster: a crash of the machine may lose it, a restart of
                # PostgreSQL (what the tests do) may not: commits still wait for WAL.
                "-c",
                "fsync=off",
            ],
            env=env,
            user=user,
            stop_signal=signal.SIGINT,  # PostgreSQL's "fast" shutdown
        )
        self.start_service("postgres")
        self.sql(f'CREATE DATABASE "{DATABASE_NAME}"', database="postgres")

    def _postgres_ready(self) -> bool:
        try:
            self.sql("SELECT 1", database="postgres")
        except Exception:  # noqa: BLE001 - not up yet
            return False
        return True

    def sql(self, query: str, params=(), *, database: str = DATABASE_NAME) -> list:
        """Run one statement on the stack's PostgreSQL; rows for a SELECT."""
        import psycopg2

        connection = psycopg2.connect(
            host=HOST,
            port=self.ports["postgres"],
            user="postgres",
            dbname=database,
            connect_timeout=3,
        )
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(query, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()

    def _empty_redis(self) -> None:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=5).flushdb()

    def _app_env(self) -> dict[str, str]:
        """deploy/clinic.env.example with this machine's values."""
        env = read_env_template()
        local = {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": REDIS_URL,
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DJANGO_CSRF_TRUSTED_ORIGINS": self.url,
            "DJANGO_SITE_URL": SITE_URL,
            "DJANGO_MEDIA_ROOT": str(self.media_dir),
            "DJANGO_EMAIL_HOST": HOST,
            "DJANGO_EMAIL_PORT": str(self.ports["smtp"]),
            "DJANGO_EMAIL_USE_TLS": "false",
            "DJANGO_EMAIL_HOST_USER": "",
            "DJANGO_EMAIL_HOST_PASSWORD": "",
            "DJANGO_LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": str(self.app_workers),
        }
        missing = sorted(set(local) - set(env))
        if missing:
            raise RuntimeError(f"deploy/clinic.env.example lacks {missing}")
        env.update(local)
        # A script fills the form in no time; production's bot check would refuse it.
        env["APPOINTMENT_MIN_FILL_SECONDS"] = "0"
        outside = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "APPOINTMENT_", "GUNICORN_"))
            and key not in {"DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY"}
        }
        return {**outside, **env, "PYTHON": PYTHON, "PYTHONUNBUFFERED": "1"}

    def release(self) -> None:
        result = subprocess.run(
            [str(DEPLOY / "release")],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"deploy/release failed:\n{result.stdout}{result.stderr}"
            )

    def manage(self, *args: str, timeout: float = 300) -> str:
        """A management command against the stack's database; its output."""
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {args[0]} failed:\n"
                f"{result.stdout[-2000:]}{result.stderr[-3000:]}"
            )
        return result.stdout

    def _read_accounts(self) -> dict[str, StaffAccount]:
        """The demo accounts load_demo wrote: a "username password" line, then
        indented lines about the second factor, the backup codes among them."""
        accounts: dict[str, StaffAccount] = {}
        account = None
        for line in (self.dir / "accounts.txt").read_text().splitlines():
            if not line.startswith(" ") and len(line.split()) == 2:
                username, password = line.split()
                account = accounts[username] = StaffAccount(username, password)
            elif account and line.strip().startswith("backup codes:"):
                account.backup_codes += line.split(":", 1)[1].split()
        return accounts

    def nginx_site(self) -> str:
        """deploy/nginx/clinic.conf with this machine's paths and ports."""
        p = self.ports
        return replace_each(
            (DEPLOY / "nginx" / "clinic.conf").read_text(),
            [
                ("/var/cache/nginx/clinic", str(self.nginx_dir / "cache")),
                ("server 127.0.0.1:8001", f"server {HOST}:{p['app_a']}"),
                ("server 127.0.0.1:8002", f"server {HOST}:{p['app_b']}"),
                # Clients here connect by address, without a host name (SNI), so the
                # catch-all servers move to ports of their own.
                (
                    "listen 80 default_server;",
                    f"listen {HOST}:{p['spare_http']} default_server;",
                ),
                (
                    "listen 443 ssl default_server;",
                    f"listen {HOST}:{p['spare_https']} ssl default_server;",
                ),
                ("listen 80;", f"listen {HOST}:{p['http']};"),
                ("listen 443 ssl http2;", f"listen {HOST}:{p['https']} ssl http2;"),
                ("server_name www.clinic.example;", f"server_name {HOST};"),
                (
                    "return 301 https://$host$request_uri;",
                    f"return 301 https://$host:{p['https']}$request_uri;",
                ),
                (
                    "/etc/letsencrypt/live/www.clinic.example/fullchain.pem",
                    str(self.cert),
                ),
                ("/etc/letsencrypt/live/www.clinic.example/privkey.pem", str(self.key)),
                ("/var/log/nginx/clinic.access.log", str(self.access_log)),
                ("/var/log/nginx/clinic.error.log", str(self.nginx_dir / "error.log")),
                ("/srv/clinic/app/staticfiles/", f"{ROOT / 'staticfiles'}/"),
                ("/srv/clinic/media/", f"{self.media_dir}/"),
            ],
            "deploy/nginx/clinic.conf",
        )

    def _nginx_command(self) -> list[str]:
        site = self.nginx_dir / "clinic.conf"
        site.write_text(self.nginx_site())
        temp = self.nginx_dir / "temp"
        temp.mkdir()
        user = "user root;" if os.geteuid() == 0 else ""
        main = self.nginx_dir / "nginx.conf"
        main.write_text(
            f"""# Debian's nginx.conf, cut down; the site is the real one.
daemon off;
worker_processes 2;
pid {self.nginx_dir}/nginx.pid;
error_log {self.nginx_dir}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site};
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        check = subprocess.run(
            [nginx, "-t", "-q", "-p", str(self.nginx_dir), "-c", str(main)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if check.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
        return [nginx, "-p", str(self.nginx_dir), "-c", str(main)]

    # -- what the tests read --
    def mails(self) -> list[EmailMessage]:
        """Every message the SMTP server kept, oldest first."""
        return [
            message_from_bytes(path.read_bytes(), policy=policy.default)
            for path in sorted(self.mail_dir.glob("*.eml"))
        ]

    def app_log_errors(self) -> list[str]:
        lines = []
        for name in ("app-a", "app-b", "worker"):
            for line in self.services[name].tail(200_000).splitlines():
                if "Traceback" in line or " ERROR " in line:
                    lines.append(f"{name}: {line}")
        return lines
