"""A stream of patients' requests survives an app server stopping and PostgreSQL
restarting: nothing accepted is lost, nothing is saved twice."""

from collections import Counter

from deploy.stack.client import Stream

from .helpers import saved_markers


def stream(stack, *, count: int, block: int, prefix: str) -> Stream:
    return Stream(
        stack.url,
        str(stack.cert),
        count=count,
        clients=8,
        block=block,
        prefix=prefix,
        max_seconds=300,
    ).start()


def test_stopping_an_app_server_during_a_stream_loses_no_request(stack):
    submissions = 200
    running = stream(stack, count=submissions, block=20, prefix="failover")
    try:
        assert running.wait_for(done=submissions // 3, timeout=300)
        stack.stop_service("app-a")
        running.join()
    finally:
        stack.start_service("app-a")
    assert running.tally() == Counter({"accepted": submissions})
    saved = Counter(saved_markers(stack, "failover"))
    assert set(saved) == running.accepted()
    assert max(saved.values()) == 1  # none saved twice


def test_restarting_postgresql_gives_503s_then_recovers_and_keeps_every_request(
    stack,
):
    submissions = 150
    running = stream(stack, count=submissions, block=21, prefix="pgrestart")
    try:
        assert running.wait_for(done=30, timeout=300)
        stack.stop_service("postgres")
        seen_503 = running.wait_for(done=running.done + 10, timeout=60)
    finally:
        stack.start_service("postgres")
    running.join()
    tally = running.tally()
    assert seen_503 and tally["http-503"] > 0, tally
    assert set(tally) <= {"accepted", "http-503"}, tally
    after_restart = [
        outcome
        for marker, outcome in sorted(running.outcomes.items())
        if marker > max(m for m, o in running.outcomes.items() if o == "http-503")
    ]
    assert "accepted" in after_restart, "no request was accepted after the restart"
    saved = Counter(saved_markers(stack, "pgrestart"))
    assert running.accepted() <= set(saved)
    assert max(saved.values()) == 1
