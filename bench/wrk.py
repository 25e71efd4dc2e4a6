"""wrk (Debian's package) for steady ratios: two URLs measured in turn, several rounds.

wrk is a small C load generator, so it takes far less of the two cores than locust
and the ratio of two pages says more about the pages. Each pair is measured
alternately (A, B, A, B, ...) so that a change in the machine's load falls on both,
and the ratio reported is the median of the rounds' ratios.
"""

import re
import shutil
import statistics
import subprocess
from dataclasses import asdict, dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class WrkResult:
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    requests: int
    errors: int  # socket errors plus answers other than 2xx or 3xx


def available() -> bool:
    return shutil.which("wrk") is not None


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unreadable wrk latency {text!r}")
    return round(float(match.group(1)) * UNITS_MS[match.group(2)], 2)


def parse(output: str) -> WrkResult:
    """Read wrk's ``--latency`` report."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", output, re.MULTILINE))
    errors = 0
    if socket := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in socket.groups())
    if non_2xx := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(non_2xx.group(1))
    return WrkResult(
        rps=round(rps, 1),
        p50_ms=_ms(latency["50"]) if "50" in latency else None,
        p99_ms=_ms(latency["99"]) if "99" in latency else None,
        requests=requests,
        errors=errors,
    )


def run(
    url: str,
    *,
    seconds: int,
    connections: int = 8,
    threads: int = 1,
    headers: dict[str, str] | None = None,
) -> WrkResult:
    """One wrk run against a loopback URL."""
    if not url.startswith(("http://127.0.0.1", "https://127.0.0.1")):
        raise ValueError("benchmarks only ever contact 127.0.0.1")
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    return parse(result.stdout)


def compare(
    first: tuple[str, dict | None],
    second: tuple[str, dict | None],
    *,
    rounds: int,
    seconds: int,
    connections: int = 8,
) -> dict:
    """``first`` and ``second`` (URL, headers) measured in turn; the median of the
    rounds' ratios second/first, with every round's figures."""
    samples = []
    for _ in range(rounds):
        a = run(first[0], seconds=seconds, connections=connections, headers=first[1])
        b = run(second[0], seconds=seconds, connections=connections, headers=second[1])
        samples.append((a, b))
    ratios = [b.rps / a.rps for a, b in samples if a.rps]
    return {
        "ratio": round(statistics.median(ratios), 2) if ratios else None,
        "ratios": [round(r, 2) for r in ratios],
        "first": [asdict(a) for a, _ in samples],
        "second": [asdict(b) for _, b in samples],
        "first_rps": round(statistics.median(a.rps for a, _ in samples), 1),
        "second_rps": round(statistics.median(b.rps for _, b in samples), 1),
        "errors": sum(a.errors + b.errors for a, b in samples),
    }
