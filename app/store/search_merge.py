"""Merging the search index's segments, taken off the saving path.

FTS5 writes each transaction's tokens as a new small segment and, by default ("automerge"),
merges segments inside the commit that pushes its write counter past a step: every ~13th
save at 100,000 tickets wrote 550–750 WAL pages instead of ~44 and took 20–35 ms instead of 3.
The store turns that off (migration 0008: automerge 0, crisismerge 64) and merges instead:

- in bulk writes (import, demo, a pulled page of tickets), with FTS5's own policy switched back
  on for the length of that transaction only (``bulk_merging``);
- for single saves, in the background when the store is idle (``SearchIndexMerger``), a small
  step per transaction so that a save arriving meanwhile waits for one step at most.

Until merged, new segments cost a search a little (one more lookup each); FTS5 still merges
by itself when 64 of them pile up on one level.
"""

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

# FTS5's default automerge: what the index was built with before saves stopped merging.
BULK_AUTOMERGE = 4
# Pages of merged output per background transaction (~2–6 ms here).
MERGE_STEP_PAGES = 32


class _Executes(Protocol):
    def exec_driver_sql(self, statement: str) -> object: ...


def set_automerge(connection: _Executes | sqlite3.Connection, value: int) -> None:
    sql = f"INSERT INTO ticket_search(ticket_search, rank) VALUES ('automerge', {int(value)})"
    if isinstance(connection, sqlite3.Connection):
        connection.execute(sql)
    else:
        connection.exec_driver_sql(sql)


@contextmanager
def bulk_merging(connection: _Executes | sqlite3.Connection) -> Iterator[None]:
    """Within the caller's transaction: FTS5 merges as it writes, as it does by default.

    The setting is stored in the index's config table, so it is set back before the
    transaction commits; a failed transaction rolls both changes back.
    """
    set_automerge(connection, BULK_AUTOMERGE)
    yield
    set_automerge(connection, 0)


class SearchIndexMerger:
    """Merges the segments that single saves left behind, a step per transaction."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path

    def run(self, budget_s: float = 0.5) -> tuple[int, bool]:
        """Merge for up to ``budget_s`` seconds (any thread); returns (steps that merged
        something, whether the index is merged as far as it goes)."""
        connection = sqlite3.connect(self.store_path, timeout=10, isolation_level=None)
        steps = 0
        try:
            connection.execute("PRAGMA synchronous=FULL")
            # The merger's own commits must not checkpoint: that is the checkpointer's job.
            connection.execute("PRAGMA wal_autocheckpoint=0")
            deadline = time.monotonic() + budget_s
            while time.monotonic() < deadline:
                before = connection.total_changes
                connection.execute(
                    "INSERT INTO ticket_search(ticket_search, rank) VALUES ('merge', ?)", (MERGE_STEP_PAGES,))
                if connection.total_changes - before < 2:  # FTS5's sign that nothing was left
                    return steps, True
                steps += 1
            return steps, False
        finally:
            connection.close()
