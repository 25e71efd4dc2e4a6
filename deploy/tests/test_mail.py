"""Emails go through the task worker into the SMTP server, and wait while it is down."""

from deploy.stack.client import submit_request

from .helpers import request_row, wait_until

# The worker tries again 1 minute after a first failure (appointments.tasks).
FIRST_RETRY_S = 60


def mails_about(stack, reference: str) -> dict[str, list]:
    """The kept messages naming ``reference``, by kind."""
    kinds = {"acknowledgement": [], "location": []}
    for message in stack.mails():
        subject = message["Subject"]
        if reference not in subject:
            continue
        if subject.startswith("We received"):
            kinds["acknowledgement"].append(message)
        else:
            kinds["location"].append(message)
    return kinds


def test_a_request_sends_the_location_email_and_the_acknowledgement(stack, visitor):
    marker = "mail-sent"
    outcome = submit_request(
        visitor("127.0.0.20"),
        {"message": f"Stack test {marker}.", "email": f"{marker}@example.com"},
    )
    assert outcome == "accepted"
    reference = request_row(stack, marker)["reference"]

    def both_sent():
        mails = mails_about(stack, reference)
        return mails["acknowledgement"] and mails["location"] and mails

    mails = wait_until(both_sent, timeout=30)
    assert mails, f"emails about {reference} did not arrive"
    (acknowledgement,) = mails["acknowledgement"]
    (location,) = mails["location"]
    assert acknowledgement["X-Envelope-To"] == f"{marker}@example.com"
    assert location["X-Envelope-To"] != f"{marker}@example.com"
    row = request_row(stack, marker)
    assert row["notified"] and row["acknowledged"]


def test_mails_wait_while_smtp_is_down_and_go_once_it_is_back(stack, visitor):
    marker = "mail-waits"
    stack.stop_service("smtp")
    try:
        outcome = submit_request(
            visitor("127.0.0.21"),
            {"message": f"Stack test {marker}.", "email": f"{marker}@example.com"},
        )
        assert outcome == "accepted"
        failed = wait_until(
            lambda: (row := request_row(stack, marker)) and row["email_attempts"],
            timeout=30,
        )
        assert failed, "the worker did not try (and fail) to send"
        reference = request_row(stack, marker)["reference"]
        assert mails_about(stack, reference) == {"acknowledgement": [], "location": []}
    finally:
        stack.start_service("smtp")

    def both_sent():
        mails = mails_about(stack, reference)
        return mails["acknowledgement"] and mails["location"]

    assert wait_until(both_sent, timeout=FIRST_RETRY_S + 60, step=1)
    # Give a second send every chance to show up: there must be none.
    wait_until(lambda: False, timeout=3)
    mails = mails_about(stack, reference)
    assert len(mails["acknowledgement"]) == 1
    assert len(mails["location"]) == 1
    row = request_row(stack, marker)
    assert row["notified"] and row["acknowledged"]
