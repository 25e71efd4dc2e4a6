"""Business time: the clock the front desk is measured by.

Weekends and the public holidays of the clinic's country and state (the `holidays`
library, ``CLINIC_HOLIDAYS_COUNTRY`` and ``CLINIC_HOLIDAYS_SUBDIVISION``) do not
count; every other day counts in full, in the clinic's time zone. A request that
arrives on Friday afternoon has waited one business day on Monday afternoon.
"""

from datetime import date, datetime, time, timedelta
from functools import cache

import holidays
from django.conf import settings
from django.utils import timezone

DAY = timedelta(days=1)


@cache
def _calendar(country: str, subdivision: str | None) -> holidays.HolidayBase:
    # Years are added as dates are looked up (expand=True is the default).
    return holidays.country_holidays(country, subdiv=subdivision or None)


def is_business_day(day: date) -> bool:
    return _is_business_day(
        day, settings.CLINIC_HOLIDAYS_COUNTRY, settings.CLINIC_HOLIDAYS_SUBDIVISION
    )


@cache
def _is_business_day(day: date, country: str, subdivision: str | None) -> bool:
    return day.weekday() < 5 and day not in _calendar(country, subdivision)


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()))


def business_time_between(start: datetime, end: datetime) -> timedelta:
    """How much of the time from ``start`` to ``end`` fell on business days."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if is_business_day(day):
            total += min(end, _midnight(day + DAY)) - max(start, _midnight(day))
        day += DAY
    return max(total, timedelta())


def business_times_until(moments: list[datetime], end: datetime) -> list[timedelta]:
    """``business_time_between(m, end)`` for many ``m`` at once: one walk over the
    days from the earliest to ``end``, then a lookup each."""
    if not moments:
        return []
    zone = timezone.get_current_timezone()  # once, not once per moment
    local = [moment.astimezone(zone) for moment in moments]
    end = end.astimezone(zone)
    day, elapsed, days = min(m.date() for m in local), timedelta(), {}
    while day <= end.date():
        business = is_business_day(day)
        days[day] = (elapsed, business)
        elapsed += DAY if business else timedelta()
        day += DAY

    def reading(moment: datetime) -> timedelta:
        start, business = days[moment.date()]
        if not business:
            return start
        return start + (
            moment - moment.replace(hour=0, minute=0, second=0, microsecond=0)
        )

    finish = reading(end)
    return [max(finish - reading(moment), timedelta()) for moment in local]


def business_days_before(moment: datetime, days: int = 1) -> datetime:
    """The moment ``days`` business days before ``moment``: the same clock time on
    the business day that many business days earlier (or midnight after a
    non-business ``moment``)."""
    moment = timezone.localtime(moment)
    if not is_business_day(moment.date()):
        moment = _midnight(moment.date())
    day = moment.date()
    for _ in range(days):
        day -= DAY
        while not is_business_day(day):
            day -= DAY
    return timezone.make_aware(datetime.combine(day, moment.time()))
