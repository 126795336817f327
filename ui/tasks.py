"""The one way long work leaves the GUI thread: run_task(func, on_done, on_error).

The function runs on the global QThreadPool; its result or exception comes back through a
queued signal, so callbacks always run on the GUI thread and workers never touch widgets.
"""

import contextlib
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its slots receive the worker's signals queued there."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
        owner: QObject | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self.done.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: Exception) -> None:
        _live.discard(self)
        if not self._owner_gone():
            self._on_error(error)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._func()
        except Exception as error:  # reported to the GUI thread, never lost
            log.debug("background task failed: %s", traceback.format_exc())
            self._deliver(self._relay.failed, error)
        else:
            self._deliver(self._relay.done, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        # RuntimeError: the application is shutting down and took the relay with it.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_live: set[_Relay] = set()


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
    *,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> None:
    """Run ``func()`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` on it.

    ``pool`` defaults to the global pool; a pool of one thread runs its tasks in order.
    ``owner``: the widget the callbacks update; if it is gone by then, they are skipped.
    """
    relay = _Relay(on_done, on_error or _log_error, owner)
    _live.add(relay)  # keep the relay alive until it has delivered
    (pool or QThreadPool.globalInstance()).start(_Task(func, relay))


def _log_error(error: Exception) -> None:
    log.error("background task failed: %s", type(error).__name__)
