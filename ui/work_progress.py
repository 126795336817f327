"""Progress of long work (an import) with its count so far and a 取消 button.

The worker calls ``report(done)`` from its thread: the count reaches the dialog through a queued
signal, and ``report`` raises the work's own cancel exception once 取消 was pressed, so the work
stops at its next safe point (between batches)."""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    progressed = Signal(int)


class WorkProgress(QProgressDialog):
    def __init__(self, title: str, label: Callable[[int], str], cancel: Callable[[int], Exception],
                 parent: QWidget | None = None) -> None:
        """``label(done)``: the text for a count; ``cancel(done)``: the exception that stops the work."""
        super().__init__(label(0), self.tr("取消"), 0, 0, parent)  # 0..0: a busy bar, the count in words
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # short work shows no dialog at all
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._label, self._cancel = label, cancel
        self._cancelled = threading.Event()
        self.rows_done = 0
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progress)
        self.canceled.connect(self._on_cancel)

    def report(self, done: int) -> None:
        """Called on the worker's thread."""
        self._relay.progressed.emit(done)
        if self._cancelled.is_set():
            raise self._cancel(done)

    def _on_progress(self, done: int) -> None:
        self.rows_done = done
        self.setLabelText(self._label(done))

    def _on_cancel(self) -> None:
        self._cancelled.set()
        self.setLabelText(self.tr("正在取消…（已处理 %n 条，当前这批写完后停止）", "", self.rows_done))
        self.show()  # stays until the work has stopped

    def finish(self) -> None:
        # Closing a progress dialog emits canceled: not a cancel any more once the work is over.
        self.canceled.disconnect(self._on_cancel)
        self._relay.progressed.disconnect(self._on_progress)
        self.close()
