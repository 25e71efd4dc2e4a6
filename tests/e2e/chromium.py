"""Debian's Chromium and how the browser tests and the Lighthouse audit start it."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Chromium keeps reaching for hosts this machine cannot
# reach (updates, sync, field trials), which slows every launch and pollutes requests.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
