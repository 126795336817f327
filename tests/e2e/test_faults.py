"""The network and the server misbehave; after healing every ticket is at the center exactly once."""

from collections.abc import Iterator
from typing import Any

import pytest
from e2e_support import PASSWORD, server_tickets
from faultproxy import FaultProxy

from app.sync.client import RetryPolicy
from app.sync.errors import ServerUnavailable
from server.testing import ServerProcess


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(server.port)
    yield fault_proxy
    fault_proxy.close()


def _assert_exactly_once(server: ServerProcess, seats: list[Any], ours: set[str]) -> None:
    on_server = server_tickets(server, server.login("admin", PASSWORD))  # asserts no duplicates
    assert ours <= set(on_server)
    numbers = [on_server[c]["official_no"] for c in ours]
    assert len(set(numbers)) == len(numbers)
    for seat in seats:
        local = seat.tickets()
        assert ours <= set(local)
        assert all(local[c].official_no == on_server[c]["official_no"] for c in ours)


def test_dropped_responses_500s_and_timeouts_heal(make_seat: Any, server: ServerProcess,
                                                  proxy: FaultProxy) -> None:
    seat = make_seat("agent1", url=proxy.url, read_timeout=0.5, login=False,
                     retry=RetryPolicy(attempts=6, backoff=0.01, max_backoff=0.05))
    # Signing in hashes a password (argon2: more than the sync's 0.5 s read timeout on a busy
    # machine), and no fault is planned for it: the seat gets its token outside the short timeout.
    seat.api.token = server.login("agent1", PASSWORD)
    proxy.slow_seconds = 1.0
    ours = {seat.create(title=f"故障{i}") for i in range(120)}  # 3 push batches of 50
    proxy.plan = ["drop_after", "error_after", "error_before", "slow_after", "pass",
                  "drop_after", "pass", "error_after"]
    report = seat.sync()
    assert report.pending == 0 and report.rejected == 0 and report.conflicts == 0
    assert {"drop_after", "error_after", "slow_after"} <= set(proxy.seen)
    other = make_seat("agent2")
    other.sync()
    _assert_exactly_once(server, [seat, other], ours)


def test_server_killed_mid_push_then_restarted(make_seat: Any, server: ServerProcess,
                                               proxy: FaultProxy) -> None:
    seat = make_seat("agent1", url=proxy.url, retry=RetryPolicy(attempts=1, backoff=0.01))
    ours = {seat.create(title=f"断电{i}") for i in range(80)}
    proxy.on_kill = server.kill
    proxy.plan = ["pass", "kill"]
    with pytest.raises(ServerUnavailable):
        seat.sync()
    assert seat.engine.counts().pending > 0  # what was not answered stays queued
    server.start()
    report = seat.sync()
    assert report.pending == 0 and report.conflicts == 0 and report.rejected == 0
    other = make_seat("agent2")
    other.sync()
    _assert_exactly_once(server, [seat, other], ours)
