"""Production settings plus the benchmark's floor view; used by ``bench/run.py`` only.

Everything but the URLconf is ``clinic.settings.prod``, so the floor view goes through
exactly the middleware, database settings and workers the real pages do.
"""

from clinic.settings.prod import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
