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


def record_queue_view(request, *, result_count: int) -> None:
    """Note in the audit log that someone listed or searched patient requests, with
    the search words and filters they used (superusers alone read the log)."""
    from auditlog.context import auditlog_value
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from .models import AppointmentRequest

    try:
        context = auditlog_value.get()
    except LookupError:
        context = {}
    query = {key: request.GET.getlist(key) for key in sorted(request.GET)}
    search = request.GET.get("q", "")
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(AppointmentRequest),
        object_pk="",
        object_repr=f"Searched requests for “{search}”"
        if search
        else "Listed requests",
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        remote_addr=context.get("remote_addr"),
        cid=context.get("cid"),
        additional_data={"query": query, "results": result_count},
    )
