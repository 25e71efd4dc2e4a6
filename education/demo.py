"""Demo education content. Replaced by the full loader with the education pages."""

from collections.abc import Callable


def load(*, log: Callable[[str], None]) -> int:
    return 0
