"""Lighthouse scores of every public page, served the way production serves them.

``make audit`` runs this. It builds the demo site on a temporary SQLite database,
serves it with gunicorn and production settings on 127.0.0.1, runs Lighthouse
(``bench/node_modules``, installed by ``npm ci --prefix bench``) with Debian's
Chromium on each page of ``tests/e2e/pages.py`` with Lighthouse's default mobile
settings, and prints the four category scores per page.

Exits 1 when accessibility, best practices or SEO is below 100, or performance is
below ``--min-performance`` (90 by default: the performance score moves with the
load on the machine; the table shows the real figure). The audits that cost points
are listed under the table.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import running_site  # noqa: E402
from tests.e2e.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_TIMEOUT_S = 240


def lighthouse(url: str, attempts: int = 3) -> dict:
    """Run Lighthouse on ``url``; return its JSON report (the LHR).

    Lighthouse sometimes loses its own trace of a page load (NO_NAVSTART, NO_FCP) on
    a busy machine. That says nothing about the page, so such a run is tried again;
    a scored report is never retried.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse_once(url)
        except RuntimeError as error:
            if attempt == attempts:
                raise
            print(f"  (retrying {url}: {str(error).splitlines()[-1][:120]})")
    raise AssertionError("unreachable")


def _lighthouse_once(url: str) -> dict:
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--max-wait-for-load=30000",
            # What the TLS proxy in front of production adds; Django then treats the
            # request as secure and sends what it sends in production (HSTS).
            f"--extra-headers={json.dumps(PROXY_HEADERS)}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        timeout=LIGHTHOUSE_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse on {url}: {report['runtimeError']}")
    return report


def scores(report: dict) -> dict[str, int | None]:
    return {
        category: (
            None
            if report["categories"][category]["score"] is None
            else round(report["categories"][category]["score"] * 100)
        )
        for category in CATEGORIES
    }


def lost_points(report: dict, category: str) -> list[str]:
    """The weighted audits of a category that did not fully pass, readably."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"{audit['id']}: {audit['title']}{value}")
    return lines


def security_findings(report: dict) -> list[str]:
    """What the unweighted trust-and-safety audits (CSP, HSTS, COOP, XFO) found."""
    findings = []
    for ref in report["categories"]["best-practices"]["auditRefs"]:
        if ref["weight"] > 0 or ref.get("group") != "best-practices-trust-safety":
            continue
        audit = report["audits"][ref["id"]]
        for item in (audit.get("details") or {}).get("items", []):
            if isinstance(item, dict) and item.get("description"):
                severity = item.get("severity", "")
                findings.append(f"{audit['id']}: {item['description']} {severity}")
    return findings


def below_target(page, report: dict, min_performance: int) -> list[str]:
    """Categories under target. A page kept out of search engines on purpose may
    fail is-crawlable, and only that, in SEO: its real score is still shown."""
    minimums = {
        "performance": min_performance,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }
    page_scores = scores(report)
    below = []
    for category, minimum in minimums.items():
        if page_scores[category] is not None and page_scores[category] >= minimum:
            continue
        if category == "seo" and not page.indexed and noindex_only(report):
            continue
        below.append(category)
    return below


def noindex_only(report: dict) -> bool:
    failing = [line.split(":")[0] for line in lost_points(report, "seo")]
    return failing == ["is-crawlable"]


def print_table(rows: list[tuple[str, str, dict, bool]]) -> None:
    header = f"{'page':<22} {'path':<42} " + " ".join(f"{c:>14}" for c in CATEGORIES)
    print(header)
    print("-" * len(header))
    for name, path, page_scores, noindex in rows:
        cells = [
            "-" if page_scores[c] is None else str(page_scores[c]) for c in CATEGORIES
        ]
        if noindex:
            cells[CATEGORIES.index("seo")] += "*"
        print(f"{name:<22} {path:<42} " + " ".join(f"{c:>14}" for c in cells))
    if any(noindex for *_, noindex in rows):
        print(
            "* noindex on purpose (tests/e2e/pages.py): is-crawlable fails by design "
            "and is the only SEO audit allowed to fail there."
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--min-performance",
        type=int,
        default=90,
        help="lowest performance score that passes (default 90; the target is 100)",
    )
    parser.add_argument(
        "--page",
        action="append",
        dest="pages",
        metavar="NAME",
        help="audit only this page of tests/e2e/pages.py (repeatable)",
    )
    parser.add_argument(
        "--language",
        action="append",
        dest="languages",
        choices=("en", "es"),
        help="audit the pages in this language only (repeatable; default both)",
    )
    parser.add_argument(
        "--save",
        type=Path,
        metavar="DIR",
        help="also write each page's full Lighthouse JSON report into DIR",
    )
    args = parser.parse_args(argv)

    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run  npm ci --prefix bench", file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: install Debian's chromium.", file=sys.stderr)
        return 2

    started = time.monotonic()
    with running_site(settings_module="clinic.settings.prod") as site:
        # The page list names URLs; resolving them needs the site's settings.
        os.environ.update(site.env)
        import django

        django.setup()
        from django.utils import translation

        from tests.e2e.pages import PUBLIC_PAGES

        pages = [p for p in PUBLIC_PAGES if not args.pages or p.name in args.pages]
        if not pages:
            parser.error(f"no page named {args.pages}")
        rows, failures, security = [], {}, {}
        for language in args.languages or ("en", "es"):
            for page in pages:
                with translation.override(language):
                    path = page.path  # Spanish pages live under /es/
                name = page.name if language == "en" else f"{page.name}-{language}"
                report = lighthouse(site.url + path)
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"{name}.json").write_text(json.dumps(report))
                page_scores = scores(report)
                noindex = not page.indexed and noindex_only(report)
                rows.append((name, path, page_scores, noindex))
                print(
                    f"  {name}: "
                    + ", ".join(f"{c} {page_scores[c]}" for c in CATEGORIES),
                    flush=True,
                )
                for category in below_target(page, report, args.min_performance):
                    failures[(name, category)] = lost_points(report, category)
                security[name] = security_findings(report)

    print()
    print_table(rows)
    browser = report["environment"]["hostUserAgent"]
    print(f"\nLighthouse {report['lighthouseVersion']} on {browser}")
    print(f"Form factor: {report['configSettings']['formFactor']}, ", end="")
    print(f"throttling: {report['configSettings']['throttlingMethod']}")
    print(f"Audited {len(rows)} pages in {time.monotonic() - started:.0f} s.")
    findings = sorted({line for lines in security.values() for line in lines})
    if findings:
        print("Unscored security findings (weight 0 in best practices):")
        for line in findings:
            print(f"  - {line}")
    if failures:
        print(
            "\nBELOW TARGET (accessibility, best practices, SEO: 100; "
            f"performance: {args.min_performance}):"
        )
        for (name, category), lines in failures.items():
            print(f"  {name} / {category}:")
            for line in lines or ["(no weighted audit failed; score rounded)"]:
                print(f"    - {line}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
