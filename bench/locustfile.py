"""Locust users for ``bench/run.py``; every setting comes from the environment.

``PageUser`` asks for one page (``BENCH_PATH``) as fast as it is answered.
``FormUser`` does what a patient's browser does: GET the request form, read the CSRF
token and the hidden fields from it, POST a valid request. Together the users send
``BENCH_SUBMISSIONS`` requests, then the run stops and the counts are written to
``BENCH_COUNTS_FILE``: accepted means a 302 to the confirmation page.
"""

import json
import os

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

from bench.formfields import FormFields

FORM_PATH = os.environ.get("BENCH_FORM_PATH", "/appointments/request/")
CONFIRMATION_PATH = os.environ.get(
    "BENCH_CONFIRMATION_PATH", "/appointments/request/thanks/"
)
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "0"))

counts = {"started": 0, "accepted": 0, "refused": 0, "invalid": 0, "errors": 0}


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
