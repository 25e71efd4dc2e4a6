"""One way to write dates and times everywhere staff read them (overrides Django's
en formats, which mix "Nov. 30, 2026, 1:22 p.m." with hand-made "Nov 30, 1:18 PM")."""

DATE_FORMAT = "M j, Y"
DATETIME_FORMAT = "M j, Y, g:i A"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
TIME_FORMAT = "g:i A"
