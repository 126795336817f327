"""Checkpoints of the store's write-ahead log, taken off the saving path.

SQLite's automatic checkpoint runs inside the commit that pushes the WAL past 1,000 pages,
so every ~40th save also copies the WAL into the database file and syncs it: at a million
tickets that commit took 55–74 ms instead of ~8. The desktop turns the automatic checkpoint
off on its writing connections (``Store(..., background_checkpoints=True)``) and runs a
``WalCheckpointer`` every few seconds on a background thread instead. A PASSIVE checkpoint
never blocks a save; the WAL restarts from its beginning at the first commit after a complete
one, so it stays small.
"""

import os
from dataclasses import dataclass

from app.store.db import Store


@dataclass(frozen=True)
class CheckpointResult:
    busy: bool  # another checkpoint held the lock
    wal_frames: int
    checkpointed_frames: int

    @property
    def complete(self) -> bool:
        return not self.busy and self.wal_frames == self.checkpointed_frames


class WalCheckpointer:
    """Copies the WAL into the database file when something was written since the last time."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.wal_path = store.path.with_name(store.path.name + "-wal")
        self._checkpointed_mtime: int | None = None

    def wal_mtime(self) -> int | None:
        """The WAL's modification time (ns), None before the first write."""
        try:
            return os.stat(self.wal_path).st_mtime_ns
        except FileNotFoundError:
            return None

    def due(self) -> bool:
        """A cheap look at the WAL's modification time (the GUI thread may ask)."""
        mtime = self.wal_mtime()
        return mtime is not None and mtime != self._checkpointed_mtime

    def run(self) -> CheckpointResult:
        """One PASSIVE checkpoint on a connection of its own (any thread, one at a time)."""
        mtime = self.wal_mtime()
        connection = self.store.connect(timeout=0)
        try:
            busy, frames, done = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            connection.close()
        result = CheckpointResult(bool(busy), int(frames), int(done))
        if result.complete:
            # A save during the checkpoint changed the time again: the next look finds it due.
            self._checkpointed_mtime = mtime
        return result
