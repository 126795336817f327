"""Durability: a process saving tickets (or typing a draft) is SIGKILLed at random moments.

After each kill the store passes ``PRAGMA integrity_check`` and holds every save that had
returned (printed by the worker after its commit), with its event and outbox rows.
"""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.db import STORE_FILENAME, Connection, connect_file
from app.store.search_text import match_query
from app.store.unlock import find_key
from tests.core.durability_worker import FORM_KEY, typed_text

WORKER = Path(__file__).with_name("durability_worker.py")
KILLS = 20

pytestmark = pytest.mark.slow


def run_and_kill(mode: str, data_dir: Path, lines: int) -> list[str]:
    """Start the worker, read ``lines`` printed lines, SIGKILL it; returns every line it printed."""
    worker = subprocess.Popen([sys.executable, str(WORKER), mode, str(data_dir)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert worker.stdout is not None
    printed = []
    try:
        for _ in range(lines):
            line = worker.stdout.readline()
            if not line:
                break
            printed.append(line.strip())
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        rest, errors = worker.communicate(timeout=30)
    assert worker.returncode == -signal.SIGKILL, errors
    assert len(printed) == lines, f"worker stopped early: {errors}"
    # Lines still in the pipe were printed before the kill: those saves had returned too.
    return printed + rest.split()


def open_checked(data_dir: Path) -> Connection:
    connection = connect_file(data_dir / STORE_FILENAME, find_key(data_dir))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return connection


def test_saved_tickets_survive_sigkill(tmp_path: Path, rng: random.Random) -> None:
    data_dir = tmp_path / "seat"
    returned: list[str] = []
    for _ in range(KILLS):
        returned += run_and_kill("tickets", data_dir, rng.randint(0, 25))
        if not (data_dir / STORE_FILENAME).exists():
            assert returned == []  # killed before the store existed: nothing had been saved
            continue
        connection = open_checked(data_dir)
        stored = {row[0]: row[1:] for row in connection.execute(
            "SELECT t.client_id,"
            " (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'create'),"
            " (SELECT count(*) FROM outbox o WHERE o.ticket_client_id = t.client_id AND o.kind = 'create')"
            " FROM tickets t")}
        missing = [c for c in returned if c not in stored]
        assert missing == []
        assert all(stored[c] == (1, 1) for c in returned)
        # A ticket is never there without its event and outbox row (one transaction), even
        # when its save had not returned yet.
        assert all(counts == (1, 1) for counts in stored.values())
        # The search index, merged in the background while saves went on, is whole and finds
        # every ticket (they all tell of 油烟).
        connection.execute("INSERT INTO ticket_search(ticket_search) VALUES ('integrity-check')")
        assert connection.execute("SELECT count(*) FROM ticket_search WHERE ticket_search MATCH ?",
                                  (match_query("油烟"),)).fetchone()[0] == len(stored)
        local_numbers = [r[0] for r in connection.execute("SELECT local_no FROM tickets")]
        assert len(set(local_numbers)) == len(local_numbers)
        connection.close()
    assert len(returned) > KILLS  # the test really saved something


def test_draft_being_typed_survives_sigkill(tmp_path: Path, rng: random.Random) -> None:
    data_dir = tmp_path / "seat"
    last_printed = 0
    for _ in range(KILLS):
        printed = run_and_kill("draft", data_dir, rng.randint(0, 25))
        if printed:
            last_printed = int(printed[-1])
        if not (data_dir / STORE_FILENAME).exists():
            assert last_printed == 0  # killed before the store existed
            continue
        connection = open_checked(data_dir)
        rows = connection.execute(
            "SELECT json_extract(content, '$.description') FROM drafts WHERE form_key = ?", [FORM_KEY]
        ).fetchall()
        connection.close()
        if last_printed == 0:
            continue  # killed before the first keystroke was saved
        (text,) = rows[0]
        # At least what the last returned save held, and whole: never a torn or older text.
        assert len(text) >= last_printed
        assert text == typed_text(len(text))
    assert last_printed > KILLS
