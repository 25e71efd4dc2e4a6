"""``make stack``: start the production stack on loopback and keep it up until Ctrl-C
(or ``--seconds N``). Prints where everything is and the demo accounts."""

import argparse
import signal
import sys
import time

from .runner import Stack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=0, help="stop after N seconds")
    parser.add_argument("--keep", action="store_true", help="keep the stack's folder")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with Stack(keep=args.keep, log=lambda line: print(line, flush=True)) as stack:
        print(f"\n  site (nginx, TLS):  {stack.url}/  (certificate {stack.cert})")
        print(f"  plain http:         {stack.http_url}/  (redirects)")
        for name, url in stack.app_urls.items():
            print(f"  {name}:              {url}/")
        print(f"  PostgreSQL:         {stack.database_url}")
        print(f"  mail kept in:       {stack.mail_dir}")
        print(f"  logs:               {stack.logs}, {stack.nginx_dir}")
        for account in stack.accounts.values():
            print(
                f"  account: {account.username} {account.password}, backup codes "
                f"{' '.join(account.backup_codes)}"
            )
        print("\nCtrl-C stops everything.", flush=True)
        deadline = time.monotonic() + args.seconds if args.seconds else None
        try:
            while deadline is None or time.monotonic() < deadline:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
