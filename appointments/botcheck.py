"""Telling people from bots on the public form: a honeypot field nobody sees, and a
signed fill-time token that says when the form was shown and is good for one request.
"""

import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

TIMING_SALT = "appointments.form.started"
HONEYPOT_FIELD = "website"
TIMING_FIELD = "started"

# A form left open longer than this is sent back with a request to send it again: an
# old token, copied once, must not stay good for ever.
TIMING_MAX_AGE = timedelta(days=1)
EXPIRED = object()

# A token is good for one request: once a form carrying it passes every check, it is
# remembered (in the shared cache) until it would have expired anyway.
USED_FORM_KEY = "appointments:form-token-used:{}"
CHECK_AND_SEND_AGAIN = _(
    "Your request was not sent yet. Please check your answers below and press "
    "“Send my request” again."
)
OPEN_TOO_LONG = _(
    "This form was open for a long time, so it was not sent. Please check your "
    "answers and send it again."
)
ALREADY_SENT = _(
    "This form was already sent from this page, so it was not sent again. If you "
    "did not see a confirmation with a reference number, check your answers and "
    "send it again."
)


def timing_token(*, shown_at: int | None = None) -> str:
    """A signed note of when the form was shown, checked when it comes back, with
    a random part that lets each token be used once."""
    if shown_at is None:
        shown_at = int(time.time())
    return signing.dumps([shown_at, secrets.token_urlsafe(12)], salt=TIMING_SALT)


def refilled_token() -> str:
    """A fresh token for a form sent back to be corrected. It counts as already
    filled in, so sending it straight away is not taken for a bot."""
    return timing_token(
        shown_at=int(time.time()) - settings.APPOINTMENT_MIN_FILL_SECONDS
    )


def read_token(value: str):
    """(shown_at, once) from a signed token; EXPIRED, or None if missing or forged.
    A token of the old kind (a bare time) counts as expired, so the person is asked
    to send again with a new one."""
    try:
        token = signing.loads(value, salt=TIMING_SALT, max_age=TIMING_MAX_AGE)
    except signing.SignatureExpired:
        return EXPIRED
    except signing.BadSignature:
        return None
    if isinstance(token, int):
        return EXPIRED
    if (
        isinstance(token, list)
        and len(token) == 2
        and isinstance(token[0], int)
        and isinstance(token[1], str)
    ):
        return tuple(token)
    return None


def sent_too_fast(token) -> bool:
    """A missing or forged token (None), or sent sooner than a person could."""
    if token is EXPIRED:
        return False
    if token is None:
        return True
    return time.time() - token[0] < settings.APPOINTMENT_MIN_FILL_SECONDS


def use_token(token) -> bool:
    """Mark the token used; False if it was used already."""
    if token in (None, EXPIRED):
        return True
    return cache.add(
        USED_FORM_KEY.format(token[1]),
        True,
        timeout=int(TIMING_MAX_AGE.total_seconds()),
    )
