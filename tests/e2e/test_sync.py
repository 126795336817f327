"""Two seats, one real server: offline capture, convergence, conflicts, rejections, the CLI."""

import os
import subprocess
import sys
from typing import Any

from e2e_support import PASSWORD, server_tickets

from app.domain.lifecycle import Action
from app.tickets.service import Actor
from server.testing import ServerProcess


def test_two_offline_seats_converge(make_seat: Any, server: ServerProcess) -> None:
    a, b = make_seat("agent1"), make_seat("agent2")
    mine_a = [a.create(title=f"A路灯{i}") for i in range(3)]
    mine_b = [b.create(title=f"B井盖{i}", category3="井盖") for i in range(2)]
    a.edit(mine_a[0], description="改过的诉求内容")

    assert a.sync().pending == 0
    report_b = b.sync()
    assert (report_b.pushed, report_b.pending, report_b.conflicts) == (2, 0, 0)
    a.sync()

    ours = set(mine_a + mine_b)
    on_a, on_b = a.tickets(), b.tickets()
    assert ours <= set(on_a) and ours <= set(on_b)
    for client_id in ours:
        assert on_a[client_id].official_no and on_a[client_id].official_no == on_b[client_id].official_no
        assert on_a[client_id].version == on_b[client_id].version
        assert on_a[client_id].title == on_b[client_id].title
    assert on_b[mine_a[0]].description == "改过的诉求内容"
    on_server = server_tickets(server, server.login("admin", PASSWORD))
    assert ours <= set(on_server)
    assert all(on_server[c]["official_no"].startswith("SQ") for c in ours)


def test_same_ticket_edited_on_both_seats_conflicts(make_seat: Any, server: ServerProcess) -> None:
    a, b = make_seat("agent1"), make_seat("agent2")
    client_id = a.create(title="原标题")
    a.sync()
    b.sync()
    a.edit(client_id, title="A改的标题")
    b.edit(client_id, title="B改的标题")
    assert a.sync().conflicts == 0
    report = b.sync()
    assert report.conflicts == 1 and report.pending == 0
    token = server.login("admin", PASSWORD)
    copy = next(t for t in server_tickets(server, token).values() if t["client_id"] == client_id)
    assert copy["title"] == "A改的标题"  # nothing overwritten silently
    assert b.tickets()[client_id].title == "B改的标题"  # and nothing lost locally

    b.engine.resolve_conflict(client_id, {"title": "B改的标题"}, actor=Actor(b.seat_id, "agent2"))
    assert b.sync().conflicts == 0
    a.sync()
    assert a.tickets()[client_id].title == "B改的标题"
    assert server_tickets(server, token)[client_id]["title"] == "B改的标题"


def test_rejected_change_is_recorded_and_later_changes_flow(make_seat: Any) -> None:
    a = make_seat("agent1")
    first = a.create(title="要派单的工单")
    a.act(first, Action.DISPATCH)  # an agent may not dispatch: rejected by the server's rules
    second = a.create(title="后面的工单")
    report = a.sync()
    assert report.rejected == 1 and report.pending == 0
    tickets = a.tickets()
    assert tickets[second].official_no
    assert tickets[first].official_no and tickets[first].status == "受理"  # restored from server


def test_cli_once_and_status(make_seat: Any, server: ServerProcess, tmp_path: Any) -> None:
    # No keyring: the store is keyed from a passphrase, which a script pipes in.
    seat = make_seat("agent1", passphrase="seat passphrase 1")
    seat.create(title="命令行同步")
    env = {**os.environ, "HD_PW": PASSWORD, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run(
        [sys.executable, "-m", "app.sync", "once", "--data-dir", str(seat.data_dir),
         "--server", server.url, "--user", "agent1", "--password-env", "HD_PW"],
        capture_output=True, text=True, env=env, timeout=60, input="seat passphrase 1\n",
    )
    last = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 0, done.stderr
    assert last.startswith("pushed=1 ") and "pending=0" in last
    assert "内存" in done.stderr  # no keyring backend: said plainly
    status = subprocess.run([sys.executable, "-m", "app.sync", "status", "--data-dir", str(seat.data_dir)],
                            capture_output=True, text=True, env=env, timeout=60, input="seat passphrase 1\n")
    assert status.returncode == 0 and "pending=0" in status.stdout
