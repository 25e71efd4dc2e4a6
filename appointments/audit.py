"""Small helpers around django-auditlog for appointment requests."""

import contextlib

from auditlog.context import auditlog_value


@contextlib.contextmanager
def without_client_address():
    """Record audit entries in this block without the visitor's IP address.

    The auditlog middleware notes the address of whoever causes an entry. For staff
    that is accountability; for a patient sending the form it would keep their IP
    next to their health information, which we promise not to do. This swaps in a
    copy of the middleware's context without the address, and puts the original back.
    """
    try:
        current = auditlog_value.get()
    except LookupError:
        yield
        return
    token = auditlog_value.set({**current, "remote_addr": None, "remote_port": None})
    try:
        yield
    finally:
        auditlog_value.reset(token)
