"""The production stack run on loopback: ``make stack`` and ``make stack-test``."""

from .runner import Stack

__all__ = ["Stack"]
