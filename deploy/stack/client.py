"""Visitors of the stack over https: each with its own loopback address and cookies.

Everything on 127.0.0.0/8 is this machine, so a ``Browser`` can come from 127.0.0.2
or 127.10.3.7 while nginx listens on 127.0.0.1: nginx sees each visitor's own
address, as it would on the internet, and the app server sees nginx's. That is what
the rate-limit and lockout tests need. Every request has a timeout, and every stream
is bounded in count and in time.
"""

from __future__ import annotations

import http.client
import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from bench.formfields import FormFields

FORM_PATH = "/appointments/request/"
THANKS_PATH = "/appointments/request/thanks/"
ADMIN_PATH = "/admin/"
LOGIN_PATH = "/admin/login/"
SECOND_FACTOR_PATH = "/admin/second-factor/"
TIMEOUT_S = 30


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    @property
    def set_cookies(self) -> list[str]:
        return self.headers.get_all("Set-Cookie") or []


class Browser:
    """One visitor: a loopback source address, a cookie jar, one TLS connection."""

    def __init__(
        self,
        base_url: str,
        cafile: str,
        *,
        address: str = "127.0.0.1",
        headers: dict[str, str] | None = None,
    ):
        """``headers`` go with every request: an app server reached directly is
        told ``X-Forwarded-Proto: https``, as nginx tells it."""
        parts = urlsplit(base_url)
        self.base_url = base_url
        self.headers = headers or {}
        https_seen = (
            parts.scheme == "https" or self.headers.get("X-Forwarded-Proto") == "https"
        )
        self.origin = f"{'https' if https_seen else 'http'}://{parts.netloc}"
        self.host, self.port = parts.hostname, parts.port
        self.https = parts.scheme == "https"
        self.address = address
        self.context = ssl.create_default_context(cafile=cafile)
        self.cookies: dict[str, str] = {}
        self.set_cookie_headers: list[str] = []  # every Set-Cookie received
        self._connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            if self.https:
                self._connection = http.client.HTTPSConnection(
                    self.host,
                    self.port,
                    timeout=TIMEOUT_S,
                    source_address=(self.address, 0),
                    context=self.context,
                )
            else:
                self._connection = http.client.HTTPConnection(
                    self.host,
                    self.port,
                    timeout=TIMEOUT_S,
                    source_address=(self.address, 0),
                )
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def request(
        self,
        method: str,
        path: str,
        *,
        data: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        body = urlencode(data).encode() if data is not None else None
        sent = {"Host": f"{self.host}:{self.port}", **self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent.setdefault("Origin", self.origin)
            sent.setdefault("Referer", self.origin + path)
        # A kept-alive connection the server closed meanwhile fails before anything
        # reaches the app: a GET is sent again on a new one, a POST never is.
        attempts = 2 if method in {"GET", "HEAD"} else 1
        for attempt in range(attempts):
            connection = self._connect()
            try:
                connection.request(method, path, body=body, headers=sent)
                raw = connection.getresponse()
                response = Response(raw.status, raw.headers, raw.read())
                break
            except (
                http.client.RemoteDisconnected,
                ConnectionResetError,
                BrokenPipeError,
            ):
                self.close()
                if attempt + 1 == attempts:
                    raise
        if response.headers.get("Connection", "").lower() == "close":
            self.close()
        self.set_cookie_headers += response.set_cookies
        for header in response.set_cookies:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict[str, str], **kwargs) -> Response:
        return self.request("POST", path, data=data, **kwargs)

    def submit_form(self, path: str, data: dict[str, str], **kwargs) -> Response:
        """GET a page, fill its first POST form with ``data``, POST it back."""
        page = self.get(path, **kwargs)
        if page.status != 200:
            return page
        parser = FormFields()
        parser.feed(page.text)
        fields = {**parser.fields, **parser.radio_groups, **data}
        return self.post(path, fields, **kwargs)

    # The one place that signs staff in: adapt it here when sign-in changes.
    def sign_in(self, account, **kwargs) -> Response:
        """Sign ``account`` (a ``StaffAccount``) in to the admin: the password on the
        login form, then a backup code as the second factor. Returns the admin's
        index page; raises if sign-in stops anywhere else."""
        response = self.submit_form(
            LOGIN_PATH,
            {"username": account.username, "password": account.password},
            **kwargs,
        )
        path = LOGIN_PATH
        for _hop in range(6):
            if response.status not in {301, 302, 303}:
                break
            target = urlsplit(response.location)
            path = target.path + (f"?{target.query}" if target.query else "")
            if target.path == SECOND_FACTOR_PATH:
                response = self.submit_form(
                    path, {"code": account.next_code()}, **kwargs
                )
            else:
                response = self.get(path, **kwargs)
        if response.status != 200 or path != ADMIN_PATH:
            raise AssertionError(
                f"{account.username} was not signed in (HTTP {response.status}): "
                f"{response.text[:500]}"
            )
        return response


def submit_request(browser: Browser, answers: dict[str, str]) -> str:
    """A patient's request, as their browser sends it. Returns what came of it:
    "accepted" (302 to the confirmation), "refused" (the calm refusal page),
    "invalid" (the form again), "http-NNN", or the name of a connection error."""
    try:
        page = browser.get(FORM_PATH)
        if page.status != 200:
            return f"http-{page.status}"
        parser = FormFields()
        parser.feed(page.text)
        posted = browser.post(FORM_PATH, parser.form_data(answers))
    except (OSError, http.client.HTTPException) as error:
        return type(error).__name__
    if posted.status == 302 and posted.location.endswith(THANKS_PATH):
        return "accepted"
    if posted.status == 200 and "csrfmiddlewaretoken" in posted.text:
        return "invalid"
    if posted.status == 200:
        return "refused"
    return f"http-{posted.status}"


def visitor_address(block: int, index: int) -> str:
    """A loopback address of its own for each visitor: 127.<block>.<hi>.<lo>."""
    return f"127.{block}.{index // 250}.{index % 250 + 1}"


@dataclass
class Stream:
    """``count`` patients' requests from ``clients`` threads, each patient from an
    address of their own (so the per-address rate limit never refuses them) and with
    a marker in the message, so each can be found in the database afterwards."""

    base_url: str
    cafile: str
    count: int
    clients: int = 8
    block: int = 10
    prefix: str = "stream"
    max_seconds: float = 600
    outcomes: dict[str, str] = field(default_factory=dict)
    _next: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _threads: list[threading.Thread] = field(default_factory=list)
    started_at: float = 0.0
    finished_at: float = 0.0

    def marker(self, index: int) -> str:
        return f"{self.prefix}-{index:05d}"

    def start(self) -> Stream:
        self.started_at = time.monotonic()
        self._threads = [
            threading.Thread(target=self._run, daemon=True) for _ in range(self.clients)
        ]
        for thread in self._threads:
            thread.start()
        return self

    def _take(self) -> int | None:
        with self._lock:
            if self._next >= self.count:
                return None
            if time.monotonic() - self.started_at > self.max_seconds:
                return None
            index, self._next = self._next, self._next + 1
            return index

    def _run(self) -> None:
        while (index := self._take()) is not None:
            browser = Browser(
                self.base_url, self.cafile, address=visitor_address(self.block, index)
            )
            marker = self.marker(index)
            try:
                outcome = submit_request(
                    browser,
                    {
                        "message": f"Sent by the stack tests: {marker}.",
                        "email": f"{marker}@example.com",
                    },
                )
            finally:
                browser.close()
            with self._lock:
                self.outcomes[marker] = outcome

    @property
    def done(self) -> int:
        with self._lock:
            return len(self.outcomes)

    def wait_for(self, done: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while self.done < done and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.done >= done

    def join(self) -> Stream:
        for thread in self._threads:
            thread.join(timeout=self.max_seconds + TIMEOUT_S * 3)
        self.finished_at = time.monotonic()
        return self

    def tally(self) -> Counter:
        with self._lock:
            return Counter(self.outcomes.values())

    def accepted(self) -> set[str]:
        with self._lock:
            return {m for m, outcome in self.outcomes.items() if outcome == "accepted"}
