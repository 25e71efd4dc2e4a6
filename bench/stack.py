"""Benchmarks of the production stack (``deploy/``), part of ``make bench``.

1. Through nginx: the kyphoplasty page beside a static file of the same size served
   by the same nginx (``/media/``), measured in turn with wrk; and the page again with
   the micro-cache bypassed (a session cookie), i.e. rendered by an app server.
2. Submissions through nginx from concurrent patients, each from a loopback address
   of their own, with one app server stopped half way: how many were lost (accepted
   but not saved, or not accepted at all) and how many were saved twice.
"""

import time
from collections import Counter

from bench import wrk
from deploy.stack import Stack
from deploy.stack.client import Browser, Stream

PAGE = "/procedures/kyphoplasty/"
SAME_SIZE = "/media/bench/kyphoplasty-copy.html"


def measure_pages(stack: Stack, *, rounds: int, seconds: int, log) -> dict:
    browser = Browser(stack.url, str(stack.cert))
    page = browser.get(PAGE)
    browser.close()
    if page.status != 200:
        return {"skipped": f"{PAGE} answered {page.status}"}
    copy = stack.media_dir / SAME_SIZE.removeprefix("/media/")
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(page.body)
    static = (stack.url + SAME_SIZE, None)
    cached = (stack.url + PAGE, None)
    rendered = (stack.url + PAGE, {"Cookie": "sessionid=bench-bypass"})
    log("  kyphoplasty through nginx beside the same bytes as a static file")
    with_cache = wrk.compare(static, cached, rounds=rounds, seconds=seconds)
    log("  the same, the micro-cache bypassed")
    without_cache = wrk.compare(static, rendered, rounds=rounds, seconds=seconds)
    return {
        "bytes": len(page.body),
        "static_rps": with_cache["first_rps"],
        "kyphoplasty_rps": with_cache["second_rps"],
        "ratio": with_cache["ratio"],
        "bypassed_rps": without_cache["second_rps"],
        "bypassed_ratio": without_cache["ratio"],
        "errors": with_cache["errors"] + without_cache["errors"],
        "rounds": rounds,
        "seconds": seconds,
        "detail": {"cached": with_cache, "bypassed": without_cache},
    }


def measure_failover(stack: Stack, *, submissions: int, clients: int, log) -> dict:
    stream = Stream(
        stack.url,
        str(stack.cert),
        count=submissions,
        clients=clients,
        block=30,
        prefix="bench",
        max_seconds=900,
    )
    started = time.monotonic()
    stream.start()
    try:
        stream.wait_for(done=submissions // 2, timeout=900)
        stopped_at = stream.done
        log(f"  {stopped_at} answered; stopping app server A")
        stack.stop_service("app-a")
        stream.join()
    finally:
        stack.start_service("app-a")
    elapsed = time.monotonic() - started
    rows = stack.sql(
        "SELECT substring(message from %s) FROM appointments_appointmentrequest "
        "WHERE message LIKE %s",
        ["(bench-[0-9]+)", "%bench-%"],
    )
    saved = Counter(row[0] for row in rows)
    accepted = stream.accepted()
    tally = stream.tally()
    result = {
        "submissions": submissions,
        "clients": clients,
        "stopped_after": stopped_at,
        "accepted": len(accepted),
        "rows_saved": sum(saved.values()),
        "saved_twice": sum(1 for n in saved.values() if n > 1),
        "accepted_not_saved": len(accepted - set(saved)),
        "not_accepted": submissions - len(accepted),
        "outcomes": dict(tally),
        "seconds": round(elapsed, 1),
    }
    result["lost"] = result["accepted_not_saved"] + result["not_accepted"]
    log(
        f"  {result['accepted']} accepted, {result['rows_saved']} saved, "
        f"{result['lost']} lost, {result['saved_twice']} saved twice"
    )
    return result


def run(*, short: bool, log) -> dict:
    if not wrk.available():
        return {"skipped": "wrk is not installed (apt-get install wrk)"}
    with Stack(log=log) as stack:
        pages = measure_pages(
            stack, rounds=2 if short else 5, seconds=3 if short else 10, log=log
        )
        failover = measure_failover(
            stack, submissions=200 if short else 2000, clients=16, log=log
        )
    return {"pages": pages, "failover": failover}
