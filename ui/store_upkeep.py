"""Runs the store's background upkeep (``Desk.upkeep``, app.store.upkeep) on a thread of its own."""

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from app.desk import Desk, UpkeepResult
from ui.tasks import run_task

log = logging.getLogger(__name__)
INTERVAL_MS = 2000


class UpkeepScheduler(QObject):
    """Every two seconds: checkpoint the WAL if it was written; merge the search index if the
    store has been idle since the previous tick.

    Does nothing for a store that checkpoints by itself (``background_checkpoints`` off).

    Signals:
        checkpointed(bool): a checkpoint ended; True when it copied the whole WAL.
        merged(int): merge steps that changed the search index in one run.
    """

    checkpointed = Signal(bool)
    merged = Signal(int)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._upkeep = desk.upkeep()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        if self._upkeep is not None:
            self._timer.start()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def tick(self) -> None:
        upkeep = self._upkeep
        if self._running or upkeep is None:
            return
        work = upkeep.due()
        if work is None:
            return
        self._running = True
        run_task(lambda: upkeep.run(work), self._on_done, self._on_failed, pool=self._pool, owner=self)

    def _on_done(self, result: UpkeepResult) -> None:
        self._running = False
        if result.merge_steps:
            self.merged.emit(result.merge_steps)
        if result.checkpoint is not None:
            self.checkpointed.emit(result.checkpoint.complete)

    def _on_failed(self, error: Exception) -> None:
        # The WAL keeps every save and an unmerged index still answers; the next tick tries again.
        self._running = False
        log.warning("store upkeep failed: %s", type(error).__name__)
        self.checkpointed.emit(False)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.waitForDone()
