"""Runs the store's WAL checkpoints on a thread of their own (see app.store.wal)."""

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from app.store.db import Store
from app.store.wal import CheckpointResult, WalCheckpointer
from ui.tasks import run_task

log = logging.getLogger(__name__)
INTERVAL_MS = 2000


class CheckpointScheduler(QObject):
    """Every two seconds, if the WAL was written, checkpoint it in the background.

    Does nothing for a store that checkpoints by itself (``background_checkpoints`` off).

    Signals:
        checkpointed(bool): a checkpoint ended; True when it copied the whole WAL.
    """

    checkpointed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checkpointer = WalCheckpointer(store.path)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        if store.background_checkpoints:
            self._timer.start()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def tick(self) -> None:
        if self._running or not self._checkpointer.due():
            return
        self._running = True
        run_task(self._checkpointer.run, self._on_done, self._on_failed, pool=self._pool, owner=self)

    def _on_done(self, result: CheckpointResult) -> None:
        self._running = False
        self.checkpointed.emit(result.complete)

    def _on_failed(self, error: Exception) -> None:
        # The WAL keeps every save; the next tick tries again.
        self._running = False
        log.warning("WAL checkpoint failed: %s", type(error).__name__)
        self.checkpointed.emit(False)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.waitForDone()
