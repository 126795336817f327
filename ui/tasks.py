"""The one way long work leaves the GUI thread: run_task(func, on_done, on_error).

The function runs on the global QThreadPool; its result or exception comes back through a
queued signal, so callbacks always run on the GUI thread and workers never touch widgets.
With ``newest=`` a ``Newest`` guard, the answer of a request that a newer one replaced is
dropped (a query retyped, a period changed, a draft typed on).
"""

import contextlib
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Newest:
    """Keeps only the newest request's answer. Call ``begin()`` when a new request starts (it
    may run any number of tasks); a task run with ``newest=`` this guard before that delivers
    neither result nor error. Used on the GUI thread only; workers may read ``is_current``."""

    def __init__(self) -> None:
        self._current = 0
        self.running = 0  # tasks under this guard not delivered (or dropped) yet

    def begin(self) -> int:
        """A new request: every earlier one's answers are dropped from now on. Its token."""
        self._current += 1
        return self._current

    @property
    def current(self) -> int:
        return self._current

    def is_current(self, token: int) -> bool:
        """Whether the request ``token`` is still the newest (a worker may skip stale work)."""
        return token == self._current


class _Relay(QObject):
    """Lives on the GUI thread; its slots receive the worker's signals queued there."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[Exception], None],
        owner: QObject | None, newest: Newest | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self._newest = newest
        self._token = newest.current if newest is not None else 0
        if newest is not None:
            newest.running += 1
        self.done.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def _wanted(self) -> bool:
        """Settle this task; whether its answer is still wanted (owner alive, not replaced)."""
        _live.discard(self)
        if self._newest is not None:
            self._newest.running -= 1
            if not self._newest.is_current(self._token):
                return False
        return self._owner is None or shiboken6.isValid(self._owner)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        if self._wanted():
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: Exception) -> None:
        if self._wanted():
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
    newest: Newest | None = None,
) -> None:
    """Run ``func()`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` on it.

    ``pool`` defaults to the global pool; a pool of one thread runs its tasks in order.
    ``owner``: the widget the callbacks update; if it is gone by then, they are skipped.
    ``newest``: skip them too if ``newest.begin()`` was called after this call (a newer
    request replaced this one).
    """
    relay = _Relay(on_done, on_error or _log_error, owner, newest)
    _live.add(relay)  # keep the relay alive until it has delivered
    (pool or QThreadPool.globalInstance()).start(_Task(func, relay))


def _log_error(error: Exception) -> None:
    log.error("background task failed: %s", type(error).__name__)
