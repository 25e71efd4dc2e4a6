"""Small helpers shared by the stack tests."""

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], object], *, timeout: float, step: float = 0.2):
    """Poll ``condition`` until it returns something true; that value, or None."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(step)


def request_row(stack, marker: str) -> dict | None:
    """The saved request whose message carries ``marker``."""
    rows = stack.sql(
        "SELECT id, reference, email_attempts, location_notified_at, "
        "patient_acknowledged_at FROM appointments_appointmentrequest "
        "WHERE message LIKE %s",
        [f"%{marker}%"],
    )
    if not rows:
        return None
    assert len(rows) == 1, f"{marker} saved {len(rows)} times"
    keys = ("id", "reference", "email_attempts", "notified", "acknowledged")
    return dict(zip(keys, rows[0], strict=True))


def saved_markers(stack, prefix: str) -> list[str]:
    """Every marker of a stream found in the database, once per saved row."""
    rows = stack.sql(
        "SELECT substring(message from %s) FROM appointments_appointmentrequest "
        "WHERE message LIKE %s",
        [f"({prefix}-[0-9]+)", f"%{prefix}-%"],
    )
    return [row[0] for row in rows]
