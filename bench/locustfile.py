"""Locust users for ``bench/run.py``; every setting comes from the environment.

``PageUser`` asks for one page (``BENCH_PATH``) as fast as it is answered.
``FormUser`` does what a patient's browser does: GET the request form, read the CSRF
token and the hidden fields from it, POST a valid request. Together the users send
``BENCH_SUBMISSIONS`` requests, then the run stops and the counts are written to
``BENCH_COUNTS_FILE``: accepted means a 302 to the confirmation page.
"""

import json
import os
from html.parser import HTMLParser

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

FORM_PATH = os.environ.get("BENCH_FORM_PATH", "/appointments/request/")
CONFIRMATION_PATH = os.environ.get(
    "BENCH_CONFIRMATION_PATH", "/appointments/request/thanks/"
)
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "0"))

# What a patient types; every other field keeps what the form preselects (radio
# buttons, the topic) or stays empty (optional fields, warning signs, the honeypot).
ANSWERS = {
    "first_name": "Bench",
    "last_name": "Patient",
    "date_of_birth": "3/27/1950",
    "phone": "(202) 555-0143",
    "email": "bench.patient@example.com",
    "message": "Sent by the load benchmark.",
    "consent": "on",
}

counts = {"started": 0, "accepted": 0, "refused": 0, "invalid": 0, "errors": 0}


class FormFields(HTMLParser):
    """The fields of the first POST form, as a browser would send them untouched."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self.radio_groups: dict[str, str] = {}
        self.checkboxes: set[str] = set()
        self._in_form = False
        self._select: str | None = None
        self._select_value: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form or (not attrs.get("name") and tag != "option"):
            return
        name = attrs.get("name", "")
        kind = attrs.get("type", "text").lower()
        if tag == "input" and kind == "radio":
            if "checked" in attrs or name not in self.radio_groups:
                self.radio_groups[name] = attrs.get("value", "")
        elif tag == "input" and kind == "checkbox":
            self.checkboxes.add(name)
            if "checked" in attrs:
                self.fields[name] = attrs.get("value", "on")
        elif tag == "input" and kind not in {"submit", "button"}:
            self.fields[name] = attrs.get("value", "")
        elif tag == "textarea":
            self.fields[name] = ""
        elif tag == "select":
            self._select, self._select_value = name, None
        elif tag == "option" and self._select:
            if self._select_value is None or "selected" in attrs:
                self._select_value = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            self.fields[self._select] = self._select_value or ""
            self._select = None
        elif tag == "form":
            self._in_form = False

    def form_data(self) -> dict[str, str]:
        data = {**self.radio_groups, **self.fields}
        data.update({k: v for k, v in ANSWERS.items() if k in data or k == "consent"})
        return data


class PageUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def page(self):
        path = os.environ["BENCH_PATH"]
        self.client.get(path, name=path)


class FormUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def submit(self):
        if counts["started"] >= SUBMISSIONS:
            raise StopUser()
        counts["started"] += 1
        response = self.client.get(FORM_PATH, name="form: GET")
        if response.status_code != 200:
            counts["errors"] += 1
            return
        parser = FormFields()
        parser.feed(response.text)
        with self.client.post(
            FORM_PATH,
            data=parser.form_data(),
            name="form: POST",
            allow_redirects=False,
            catch_response=True,
        ) as posted:
            location = posted.headers.get("Location", "")
            if posted.status_code == 302 and location.endswith(CONFIRMATION_PATH):
                counts["accepted"] += 1
                posted.success()
            elif posted.status_code >= 500 or posted.status_code == 403:
                counts["errors"] += 1
                posted.failure(f"HTTP {posted.status_code}")
            elif "csrfmiddlewaretoken" in posted.text:
                # The form again: it found an error in what was sent.
                counts["invalid"] += 1
                posted.failure("the form came back with errors")
            else:
                counts["refused"] += 1
                posted.failure(f"refused (HTTP {posted.status_code})")


def _stop_when_done(environment):
    """Quit once every submission is answered (the -t limit is the safety net)."""
    while True:
        done = counts["accepted"] + counts["refused"] + counts["invalid"]
        if SUBMISSIONS and done + counts["errors"] >= SUBMISSIONS:
            environment.runner.quit()
            return
        gevent.sleep(0.1)


@events.test_start.add_listener
def _on_start(environment, **_kwargs):
    if SUBMISSIONS:
        gevent.spawn(_stop_when_done, environment)


@events.quitting.add_listener
def _on_quit(environment, **_kwargs):
    path = os.environ.get("BENCH_COUNTS_FILE")
    if path and SUBMISSIONS:
        with open(path, "w") as handle:
            json.dump(counts, handle)
