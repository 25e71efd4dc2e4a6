"""Per-client limit on submitted requests, shared by every web worker.

Counts live in the database (``SubmissionCounter``), not in process memory, and are
raised with a single UPDATE, so two gunicorn workers never both see "4 of 5". The
client's address is kept only as a keyed hash, and only for the current window.
"""

import hashlib
import hmac
import re
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import SubmissionCounter

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(rate: str) -> tuple[int, int]:
    """``"5/h"`` -> (5, 3600); ``"10/15m"`` -> (10, 900)."""
    match = RATE_PATTERN.match(rate or "")
    if not match:
        raise ImproperlyConfigured(
            f"APPOINTMENT_RATE_LIMIT must look like 5/h or 10/15m, not {rate!r}."
        )
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * PERIODS[unit]


def client_key(ip: str | None) -> str:
    """A keyed hash of the address: the same client gives the same key, and the
    address cannot be read back without the secret key."""
    return hmac.new(
        settings.SECRET_KEY.encode(),
        f"appointments-rate:{ip or 'unknown'}".encode(),
        hashlib.sha256,
    ).hexdigest()


def allow_submission(ip: str | None) -> bool:
    """Count one submission for this client; False once over the limit."""
    limit, period = parse_rate(settings.APPOINTMENT_RATE_LIMIT)
    now = timezone.now()
    start = int(now.timestamp()) // period * period
    window_start = datetime.fromtimestamp(start, tz=UTC)
    key = client_key(ip)
    with transaction.atomic():
        counter, _created = SubmissionCounter.objects.get_or_create(
            key=key, window_start=window_start
        )
        SubmissionCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        count = SubmissionCounter.objects.values_list("count", flat=True).get(
            pk=counter.pk
        )
    # Old windows are of no use, and they are personal data of a sort: drop them.
    SubmissionCounter.objects.filter(
        window_start__lt=now - timedelta(seconds=period)
    ).delete()
    return count <= limit
