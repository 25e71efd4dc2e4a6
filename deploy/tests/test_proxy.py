"""The rate limit and the sign-in lockout see each visitor's own address through
nginx, and a forged X-Forwarded-For changes nothing.

On loopback nginx sees each visitor's own address (127.0.0.x) while the app servers
all see nginx's (127.0.0.1): an app that read the wrong one would lump every visitor
together, or let one pass as another.
"""

from deploy.stack.client import LOGIN_PATH, submit_request

RATE_LIMIT = 5  # APPOINTMENT_RATE_LIMIT's default, 5 an hour
LOCKOUT_AFTER = 5  # DJANGO_AXES_FAILURE_LIMIT's default: the 5th failure pauses


def request_from(visitor, address: str, marker: str, **headers) -> str:
    browser = visitor(address, headers=headers)
    return submit_request(
        browser, {"message": f"Stack test {marker}.", "email": f"{marker}@example.com"}
    )


def test_the_rate_limit_counts_each_visitors_own_address(visitor):
    outcomes = [request_from(visitor, "127.0.0.30", f"rate-{n}") for n in range(6)]
    assert outcomes == ["accepted"] * RATE_LIMIT + ["refused"]
    # Another visitor is not held back by the first one's requests.
    assert request_from(visitor, "127.0.0.31", "rate-other") == "accepted"


def test_a_forged_forwarded_for_does_not_lift_the_rate_limit(visitor):
    for n in range(RATE_LIMIT):
        assert request_from(visitor, "127.0.0.32", f"forge-{n}") == "accepted"
    forged = {"X-Forwarded-For": "203.0.113.7"}
    assert request_from(visitor, "127.0.0.32", "forge-x", **forged) == "refused"
    # Nor does naming the visitor who is over the limit hold anyone else back.
    named = {"X-Forwarded-For": "127.0.0.32"}
    assert request_from(visitor, "127.0.0.33", "forge-y", **named) == "accepted"


def failed_sign_in(visitor, address: str, username: str, **headers):
    browser = visitor(address, headers=headers)
    return browser.submit_form(
        LOGIN_PATH, {"username": username, "password": "not-the-password"}
    )


def is_locked(response) -> bool:
    return response.status == 429 and "Sign-in is paused" in response.text


def test_the_sign_in_lockout_sees_the_visitors_address(stack, visitor):
    username = "stack-lockout"
    for _ in range(LOCKOUT_AFTER - 1):
        assert not is_locked(failed_sign_in(visitor, "127.0.0.40", username))
    assert is_locked(failed_sign_in(visitor, "127.0.0.40", username))
    assert is_locked(failed_sign_in(visitor, "127.0.0.40", username))
    addresses = stack.sql(
        "SELECT DISTINCT ip_address FROM axes_accessattempt WHERE username = %s",
        [username],
    )
    assert addresses == [("127.0.0.40",)]
    # A different visitor, for a different account, is not paused.
    other = failed_sign_in(visitor, "127.0.0.41", "stack-lockout-other")
    assert other.status == 200 and not is_locked(other)


def test_a_forged_forwarded_for_does_not_lift_the_lockout(stack, visitor):
    username = "stack-lockout-forged"
    for _ in range(LOCKOUT_AFTER):
        failed_sign_in(visitor, "127.0.0.42", username)
    forged = failed_sign_in(
        visitor, "127.0.0.42", username, **{"X-Forwarded-For": "198.51.100.4"}
    )
    assert is_locked(forged)
    addresses = stack.sql(
        "SELECT DISTINCT ip_address FROM axes_accessattempt WHERE username = %s",
        [username],
    )
    assert addresses == [("127.0.0.42",)]
