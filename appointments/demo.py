"""Demo appointment requests. Replaced by the full loader with the appointments app."""

from collections.abc import Callable


def load(*, log: Callable[[str], None]) -> int:
    return 0
