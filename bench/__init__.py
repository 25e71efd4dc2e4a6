"""Audit and load benchmarks of the site: ``make audit`` and ``make bench``."""
