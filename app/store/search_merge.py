"""Merging the search index's segments, taken off the saving path.

FTS5 writes each transaction's tokens as a new small segment and, by default ("automerge"),
merges segments inside the commit that pushes its write counter past a step: every ~13th
save at 100,000 tickets wrote 550–750 WAL pages instead of ~44 and took 20–35 ms instead of 3.
The store turns that off (migration 0008: automerge 0, crisismerge 64) and merges instead:

- after each bulk transaction (import, demo data), at once (``merge_after_bulk_write``);
- for single saves and pulled pages, in the background when the store is idle
  (app.store.upkeep), a small step per transaction with a pause after each: SQLite's write
  lock has no queue, and a save that waits retries after growing sleeps (1, 2, 5 … ms), so
  back-to-back steps would keep it waiting for the whole run.

FTS5 holds a transaction's new tokens in memory until its commit (3.40 has no command that
writes them out earlier), so merging cannot be switched on for a bulk transaction alone.
Until merged, new segments cost a search a little (one more lookup each); FTS5 still merges
by itself, inside a commit, when 64 of them pile up on one level.
"""

import time
from collections.abc import Callable

from app.store.db import Store

# Pages of merged output per transaction (~2–6 ms here).
MERGE_STEP_PAGES = 32
# After each background step: long enough for a waiting save's next retry to find the lock free.
MERGE_PAUSE_S = 0.05
# A bulk write merges until nothing is left (FTS5's own policy: levels of 4+ segments).
BULK_MERGE_BUDGET_S = 60.0


class SearchIndexMerger:
    """Merges the segments that saves and bulk writes left behind, a step per transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, budget_s: float = 0.5, *, pause_s: float = MERGE_PAUSE_S,
            on_step: Callable[[], None] | None = None) -> tuple[int, bool]:
        """Merge for up to ``budget_s`` seconds (any thread), pausing ``pause_s`` after each
        step; returns (steps that merged something, whether the index is merged as far as it
        goes)."""
        connection = self.store.connect(timeout=10, isolation_level=None)
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
                if on_step is not None:
                    on_step()
                if pause_s:
                    time.sleep(pause_s)
            return steps, False
        finally:
            connection.close()


def merge_after_bulk_write(store: Store) -> int:
    """After a bulk transaction has committed: the merging FTS5's automerge would have done
    inside it (nobody waits on a bulk write's lock meanwhile). Returns the steps taken."""
    steps, _ = SearchIndexMerger(store).run(BULK_MERGE_BUDGET_S, pause_s=0)
    return steps
