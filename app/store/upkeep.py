"""The store's background upkeep: WAL checkpoints and search-index merges, off the saving path.

Decided from one cheap look at the WAL's modification time per tick: a checkpoint whenever
something was written since the last one (app.store.wal); index merges (app.store.search_merge)
only when nothing was written since the previous tick, so that they never meet the agent's
typing (drafts are saved as the agent types) or a burst of saves.
"""

from dataclasses import dataclass

from app.store.db import Store
from app.store.search_merge import SearchIndexMerger
from app.store.wal import CheckpointResult, WalCheckpointer

MERGE_BUDGET_S = 0.5


@dataclass(frozen=True)
class UpkeepWork:
    merge: bool
    checkpoint: bool


@dataclass(frozen=True)
class UpkeepResult:
    merge_steps: int
    checkpoint: CheckpointResult | None


class StoreUpkeep:
    """``due()`` on any thread (cheap), then ``run(work)`` on a background thread, one at a time."""

    def __init__(self, store: Store) -> None:
        self.checkpointer = WalCheckpointer(store)
        self.merger = SearchIndexMerger(store)
        self._last_seen: int | None = None  # the WAL's time at the previous look
        self._merged_at: int | None = None  # the WAL's time when the index was last fully merged

    def due(self) -> UpkeepWork | None:
        mtime = self.checkpointer.wal_mtime()
        idle = mtime is not None and mtime == self._last_seen
        self._last_seen = mtime
        work = UpkeepWork(merge=idle and mtime != self._merged_at, checkpoint=self.checkpointer.due())
        return work if work.merge or work.checkpoint else None

    def run(self, work: UpkeepWork) -> UpkeepResult:
        steps, merged = self.merger.run(MERGE_BUDGET_S) if work.merge else (0, False)
        checkpoint = self.checkpointer.run() if steps or work.checkpoint else None
        # Our own merge writes are not the agent's activity: the next look may go on merging.
        self._last_seen = self.checkpointer.wal_mtime()
        if merged:
            self._merged_at = self._last_seen
        return UpkeepResult(steps, checkpoint)
