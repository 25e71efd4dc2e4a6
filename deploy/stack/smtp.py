"""A local SMTP server that keeps every message it receives, one file each.

``python -m deploy.stack.smtp --port 2525 --dir /tmp/mail`` serves 127.0.0.1 until
SIGTERM. Each message is written to a temporary name and renamed into place, so a
reader never sees half a message. The stack tests count what arrived here.
"""

import argparse
import asyncio
import signal
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller


class KeepEverything:
    """aiosmtpd handler: write the message, with its envelope, to ``directory``."""

    def __init__(self, directory: Path):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        partial = self.directory / f".{name}.tmp"
        headers = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode()
        partial.write_bytes(headers + envelope.original_content)
        partial.rename(self.directory / f"{name}.eml")
        return "250 Message accepted for delivery"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    controller = Controller(
        KeepEverything(args.dir), hostname="127.0.0.1", port=args.port
    )
    controller.start()
    print(f"SMTP on 127.0.0.1:{args.port}, keeping mail in {args.dir}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        loop.run_until_complete(stop.wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
